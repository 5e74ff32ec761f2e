"""Data files of the generator: phrase banks (phrases/<lang>.yaml) and the country table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
LANGUAGES = ("en", "fr", "de", "ru", "es", "it")
_LANG_COL = {"fr": 4, "de": 5, "ru": 6, "es": 7, "it": 8}


@dataclass(frozen=True)
class Country:
    name: str  # canonical OSCE short English name (the key's value)
    respondent_type: str
    tld: str
    names: dict  # lang -> short name in that language
    formal: dict  # lang -> list of formal / alternative names
    natural: tuple  # languages the country plausibly writes in

    def short(self, lang: str) -> str:
        return self.names[lang]


@lru_cache(maxsize=None)
def phrases(lang: str) -> dict:
    path = HERE / "phrases" / f"{lang}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def available_languages() -> list[str]:
    return [lang for lang in LANGUAGES if (HERE / "phrases" / f"{lang}.yaml").exists()]


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    data = yaml.safe_load((HERE / "data" / "countries.yaml").read_text(encoding="utf-8"))
    natural: dict[str, list[str]] = {}
    for lang, names in data["natural"].items():
        for n in names:
            natural.setdefault(n, []).append(lang)
    out = []
    for row in data["countries"]:
        canonical, kind, tld, en_formal = row[0], row[1], str(row[2]), row[3]
        names = {"en": canonical if not canonical.startswith("the former") else "the former Yugoslav Republic of Macedonia"}
        formal = {"en": [en_formal] + list(data["aliases"].get("en", {}).get(canonical, []))}
        for lang, col in _LANG_COL.items():
            names[lang] = row[col]
            formal[lang] = list(data["aliases"].get(lang, {}).get(canonical, []))
        out.append(
            Country(
                name=canonical,
                respondent_type="participating_state" if kind == "ps" else "partner_for_cooperation",
                tld=tld,
                names=names,
                formal=formal,
                natural=tuple(natural.get(canonical, ["en"])),
            )
        )
    return tuple(out)


def fold(text: str) -> str:
    """Whitespace folded, as the key stores text values."""
    return re.sub(r"\s+", " ", text).strip()


def fmt_date(bank: dict, d: date, template: str) -> str:
    months = bank["months"]
    gen = bank.get("months_gen", months)
    return template.format(
        d=d.day, dd=f"{d.day:02d}", m=d.month, mm=f"{d.month:02d}", month=gen[d.month - 1],
        Month=months[d.month - 1], y=d.year,
    )
