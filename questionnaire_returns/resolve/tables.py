"""The alias tables of canon/, validated when loaded: countries.yaml, country_words.yaml, ministries.yaml.

They are data a reviewer edits by hand; a broken entry fails loudly with the file and the
entry named (CanonError), instead of silently resolving names wrong. Every word the
resolver reads by (a name's articles, a sender's cues, a ministry's head words) lives in
them, none in the code.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from questionnaire_returns import data_yaml
from questionnaire_returns.config import settings
from questionnaire_returns.contract import CONTRACT

# the contract's, never written twice: the languages read, the ministries' ids, the kinds of respondent
LANGS = tuple(settings().languages)
MINISTRY_IDS = CONTRACT.vocabularies["ministries"]
RESPONDENT_TYPES = CONTRACT.fields["respondent_type"].values or ()


class CanonError(ValueError):
    """An alias table is broken; the message names the file and the entry."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _names(v):
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    bad = [x for x in v if not isinstance(x, str) or not x.strip()]
    if bad:
        raise ValueError(f"aliases must be non-empty strings, got {bad!r}")
    return list(v)


class Country(_Strict):
    name: str
    iso2: str = Field(pattern=r"^[A-Z]{2}$")
    respondent_type: str
    aliases: dict[str, list[str]] = Field(default_factory=dict)
    abbreviations: list[str] = Field(default_factory=list)
    historical: list[str] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    codes: list[str] = Field(default_factory=list)  # ISO alpha-3, vehicle codes: read in file names only
    capitals: list[str] = Field(default_factory=list)  # name the country at lower confidence

    @field_validator("codes", mode="before")
    @classmethod
    def _codes(cls, v):
        v = _names(v)
        bad = [x for x in v if not re.fullmatch(r"[A-ZА-ЯЁ]{2,4}", x)]
        if bad:
            raise ValueError(f"codes are 2-4 capital letters, got {bad!r}")
        return v

    @field_validator("respondent_type")
    @classmethod
    def _rtype(cls, v: str) -> str:
        if v not in RESPONDENT_TYPES:
            raise ValueError(f"respondent_type must be one of {RESPONDENT_TYPES}, got {v!r}")
        return v

    @field_validator("aliases", mode="before")
    @classmethod
    def _aliases(cls, v):
        if not isinstance(v, dict):
            raise ValueError("aliases must map a language to a list of names")
        return {k: _names(x) for k, x in v.items()}

    @field_validator("abbreviations", "historical", "adjectives", "capitals", mode="before")
    @classmethod
    def _lists(cls, v):
        return _names(v)


class CountryTable(_Strict):
    countries: list[Country]

    @model_validator(mode="after")
    def _unique(self):
        seen = set()
        for c in self.countries:
            if c.name in seen:
                raise ValueError(f"country {c.name!r} is listed twice")
            seen.add(c.name)
        return self


class PerLang(_Strict):
    en: list[str] = Field(default_factory=list)
    fr: list[str] = Field(default_factory=list)
    de: list[str] = Field(default_factory=list)
    ru: list[str] = Field(default_factory=list)
    es: list[str] = Field(default_factory=list)
    it: list[str] = Field(default_factory=list)

    @field_validator("*", mode="before")
    @classmethod
    def _lists(cls, v):
        return _names(v)

    def items(self):
        for lang in LANGS:
            for name in getattr(self, lang):
                yield lang, name


class Ministry(_Strict):
    covers: str
    keywords: PerLang
    bodies: PerLang = PerLang()
    abbreviations: list[str] = Field(default_factory=list)

    @field_validator("abbreviations", mode="before")
    @classmethod
    def _lists(cls, v):
        return _names(v)


class Compound(_Strict):
    alias: str
    ids: list[str]

    @field_validator("ids")
    @classmethod
    def _ids(cls, v):
        bad = [i for i in v if i not in MINISTRY_IDS]
        if bad or not v:
            raise ValueError(f"unknown ministry ids {bad!r}; the ids are {MINISTRY_IDS}")
        return v


class MinistryTable(_Strict):
    heads: PerLang
    agency_heads: PerLang
    compound_heads: list[str]  # a word ending in one is two: "Innenministerium" = innen + ministerium
    fuzzy_head: str  # the head the whole-name fuzzy look-up puts before an id's keywords
    connectors: list[str]
    conjunctions: list[str]  # "and" in every language: joins keywords before a head ("Justice and Police Ministry")
    decoys: list[str] = Field(default_factory=list)
    ministries: dict[str, Ministry]
    compounds: list[Compound] = Field(default_factory=list)

    @field_validator("connectors", "conjunctions", "decoys", "compound_heads", mode="before")
    @classmethod
    def _lists(cls, v):
        return _names([str(x) for x in v] if isinstance(v, list) else v)

    @field_validator("fuzzy_head")
    @classmethod
    def _word(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must be a word")
        return v

    @field_validator("ministries")
    @classmethod
    def _ids(cls, v):
        unknown = sorted(set(v) - set(MINISTRY_IDS))
        missing = sorted(set(MINISTRY_IDS) - set(v))
        if unknown:
            raise ValueError(f"unknown ministry ids {unknown}; the ids are {MINISTRY_IDS}")
        if missing:
            raise ValueError(f"ministry ids missing: {missing}")
        return v


class CountryWords(_Strict):
    """canon/country_words.yaml: the words around countries' names."""

    name_words: PerLang  # what a formal name may carry or drop ("Republic of"): its core is the rest
    articles: PerLang  # an article before a name belongs to the mention ("the Netherlands")
    adjective_cues: PerLang  # an adjective names a country only before one of these ("Austrian Mission")
    sender_cues: PerLang  # a line holding one of these names its sender (found inside words too)
    government_hosts: list[str]  # a host label that makes a country's domain a government's
    short_forms: dict[str, list[str]] = Field(default_factory=dict)  # a name's word -> how names shorten it ("Rep.")
    government_domains: dict[str, str] = Field(default_factory=dict)  # a TLD only a government uses -> its country
    country_domains: dict[str, str] = Field(default_factory=dict)  # a country's TLD besides its ISO code

    @field_validator("government_hosts", mode="before")
    @classmethod
    def _hosts(cls, v):
        v = _names(v)
        bad = [x for x in v if not re.fullmatch(r"[a-z0-9-]+", x)]
        if bad:
            raise ValueError(f"host labels are lower-case letters, digits and '-', got {bad!r}")
        return v

    @field_validator("short_forms", mode="before")
    @classmethod
    def _short_forms(cls, v):
        if v is None:
            return {}
        if not isinstance(v, dict):
            raise ValueError("must map a word to the list of its short forms")
        return {k: _names(x) for k, x in v.items()}

    @field_validator("government_domains", "country_domains", mode="before")
    @classmethod
    def _domains(cls, v):
        if v is None:
            return {}  # a section left empty
        if not isinstance(v, dict) or not all(isinstance(x, str) and x.strip() for x in v.values()):
            raise ValueError(f"must map a top-level domain to a country's name, got {v!r}")
        bad = [k for k in v if not re.fullmatch(r"[a-z]{2,}", k)]
        if bad:
            raise ValueError(f"top-level domains are lower-case letters, got {bad!r}")
        return v


def _read(path: Path) -> dict:
    try:
        data = data_yaml.load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CanonError(f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise CanonError(f"{path}: expected a mapping at the top level")
    return data


def _explain(path: Path, data: dict, exc: ValidationError) -> CanonError:
    """'file: entry <name> (loc): message' for each error, naming the entry by its name."""
    parts = []
    for err in exc.errors():
        loc = list(err["loc"])
        where = ".".join(str(x) for x in loc)
        if len(loc) >= 2 and loc[0] == "countries" and isinstance(loc[1], int):
            try:
                name = data["countries"][loc[1]].get("name", f"#{loc[1]}")
            except Exception:  # noqa: BLE001 - the name is only a label
                name = f"#{loc[1]}"
            where = f"entry {name!r} ({where})"
        elif len(loc) >= 2 and loc[0] in ("ministries", "government_domains", "country_domains"):
            where = f"entry {loc[1]!r} ({where})"
        elif len(loc) >= 2 and loc[0] == "compounds" and isinstance(loc[1], int):
            try:
                where = f"entry {data['compounds'][loc[1]].get('alias')!r} ({where})"
            except Exception:  # noqa: BLE001
                pass
        parts.append(f"{where}: {err['msg']}")
    return CanonError(f"{path}: " + "; ".join(parts))


def load_countries(path: Path) -> CountryTable:
    data = _read(path)
    try:
        return CountryTable.model_validate(data)
    except ValidationError as exc:
        raise _explain(path, data, exc) from exc


def load_ministries(path: Path) -> MinistryTable:
    data = _read(path)
    try:
        return MinistryTable.model_validate(data)
    except ValidationError as exc:
        raise _explain(path, data, exc) from exc


def load_country_words(path: Path, countries: CountryTable | None = None) -> CountryWords:
    """The words around countries' names; a domain must name a country of `countries`."""
    data = _read(path)
    try:
        words = CountryWords.model_validate(data)
    except ValidationError as exc:
        raise _explain(path, data, exc) from exc
    if countries is not None:
        names = {c.name for c in countries.countries}
        bad = {tld: name for tld, name in {**words.government_domains, **words.country_domains}.items()
               if name not in names}
        if bad:
            raise CanonError(f"{path}: domains name no canonical country: {bad}")
    return words
