"""The questionnaire and the dataset's contract (shared/FIELDS.md), loaded from the schema file.

The schema (config.yaml's paths.schema; schema/questionnaire.yaml) declares the form's
sections and questions — wording, lettered options with the values they stand for,
conditions, cross-references, how a letter's sentences reach each question — and every
field with its value type, vocabulary and how it is read. This module validates it when
it is loaded (a broken schema fails loudly, naming the file and the reason) and gives the
rest of the pipeline typed access; the pipeline interprets it, so a new survey cycle is
a new schema, not new code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from questionnaire_returns import data_yaml
from questionnaire_returns.config import settings

SUBMISSION_FIELDS = ("country", "respondent_type", "language", "submitted_on")
ValueType = Literal["yesno", "year", "choice", "multi", "ministries", "number", "text"]
# The value-type readers the extractor has (extractors/readers.py); `rule` is a field's own
# rule (extractors/rules.py), `by` a field another field's rule gives.
Reader = Literal["yesno", "exists", "choice", "multi", "year", "text", "detail", "topics", "rule", "by"]


class SchemaError(ValueError):
    """The questionnaire schema file is broken; the message names the file and the reason."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Condition(_Strict):
    field: str | None = None
    equals: str | None = None
    any: list["_Condition"] | None = None


class _Option(_Strict):
    text: str
    value: str | None = None  # a choice of the question's choice / multi / yes-no field
    field: str | None = None  # a sub-question answered yes or no for this field


class _Letter(_Strict):
    always: bool = False
    cues: list[str] = Field(default_factory=list)
    anywhere: bool = False


class _Section(_Strict):
    title: str
    cue: str
    weak_cue: str | None = None
    weak_from: list[str] = Field(default_factory=list)


class _Question(_Strict):
    section: str
    text: str
    number: str | None = None
    options: dict[str, _Option] = Field(default_factory=dict)
    condition: _Condition | None = None
    crossrefs: dict[str, dict[str, str]] = Field(default_factory=dict)
    letter: _Letter = Field(default_factory=_Letter)


class _Read(_Strict):
    reader: Reader
    words: str | None = None
    parts: list[str] = Field(default_factory=list)
    without_parts: list[str] = Field(default_factory=list)
    of: str | None = None
    later: str | None = None
    since: str | None = None
    by: str | None = None
    mentions: list[str] = Field(default_factory=list)
    else_mentions: list[str] = Field(default_factory=list)
    else_cue: str | None = None
    questions: list[str] = Field(default_factory=list)
    unless: dict[str, str] = Field(default_factory=dict)
    not_pending: bool = False
    min_words: int = 0
    strip_yes_no: bool = False
    unboxed: bool = False
    after_question: bool = False


class _Field(_Strict):
    type: ValueType
    q: str | None = None
    values: list[str] | dict[str, str] | str | None = None  # codes, {code: label}, or a vocabulary's name
    meaning: str = ""
    unit: str = ""
    min: float | None = None
    max: float | None = None
    max_values: int | None = None
    read: _Read | None = None


class _Schema(_Strict):
    vocabularies: dict[str, list[str] | dict[str, str]]  # codes, or {code: label}
    boilerplate: list[str] = Field(default_factory=list)
    sections: dict[str, _Section]
    questions: dict[str, _Question]
    fields: dict[str, _Field]

    @field_validator("fields")
    @classmethod
    def _ids_are_snake_case(cls, fields: dict[str, _Field]) -> dict[str, _Field]:
        for name in fields:
            if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
                raise ValueError(f"field id {name!r} is not snake_case")
        return fields


@dataclass(frozen=True, slots=True)
class Condition:
    """The skip logic of a question: `field` equals `equals`, or any of `any_of` holds."""

    field: str | None = None
    equals: str | None = None
    any_of: tuple["Condition", ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(f for c in self.any_of for f in c.fields) if self.any_of else (self.field or "",)

    def holds(self, values: dict[str, str]) -> bool | None:
        """True or False where the answers tell, None where a field it needs is not answered."""
        if not self.any_of:
            value = values.get(self.field or "")
            return None if value is None else value == self.equals
        found = [c.holds(values) for c in self.any_of]
        if any(f is True for f in found):
            return True
        return False if all(f is False for f in found) else None

    def __str__(self) -> str:
        return " or ".join(str(c) for c in self.any_of) if self.any_of else f"{self.field} = {self.equals}"


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    cue: str  # the pattern label section.<cue> that says a letter's sentence speaks of the part
    weak_cue: str | None = None  # ... a weaker one, which moves a letter here only from `weak_from`
    weak_from: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Question:
    key: str  # '1' ... '20', '21s', '21c', '22', '23'
    number: str  # as printed on the form: '21' for both 21s and 21c
    section: str
    text: str
    options: dict[str, str]  # letter -> the option's wording
    condition: Condition | None = None  # answered only when this holds
    crossrefs: dict[str, dict[str, str]] = field(default_factory=dict)  # {number pointed at: {this field: that field}}
    option_values: dict[str, str] = field(default_factory=dict)  # letter -> the value the option stands for
    option_fields: dict[str, str] = field(default_factory=dict)  # letter -> the yes/no field the sub-question fills
    letter_always: bool = False  # any sentence of a letter's part may answer it
    letter_cues: tuple[str, ...] = ()  # topic_q labels routing a letter's sentence here
    letter_anywhere: bool = False  # ... from any part of the letter (a definition in law is no part's own)


@dataclass(frozen=True, slots=True)
class ReadSpec:
    """How the extractor reads a field (see the schema file's header for each parameter)."""

    reader: str
    words: str | None = None
    parts: tuple[str, ...] = ()
    without_parts: tuple[str, ...] = ()
    of: str | None = None
    later: str | None = None
    since: str | None = None
    by: str | None = None
    mentions: tuple[str, ...] = ()
    else_mentions: tuple[str, ...] = ()
    else_cue: str | None = None
    questions: tuple[str, ...] = ()
    unless: tuple[tuple[str, str], ...] = ()
    not_pending: bool = False
    min_words: int = 0
    strip_yes_no: bool = False
    unboxed: bool = False
    after_question: bool = False


@dataclass(frozen=True, slots=True)
class FieldSpec:
    id: str
    type: str
    question: str | None
    values: tuple[str, ...] | None  # None where any value of the type goes (text, year, ...)
    meaning: str = ""
    min: float | None = None
    max: float | None = None
    max_values: int | None = None
    read: ReadSpec | None = None
    section: str | None = None
    unit: str = ""
    labels: tuple[tuple[str, str], ...] = ()  # (code, label) for the values the schema labels

    def label(self, code: str) -> str:
        """The schema's label of one of the field's codes ('' when it gives none)."""
        return dict(self.labels).get(code, "")


@dataclass(frozen=True, slots=True)
class Contract:
    questions: dict[str, Question]
    fields: dict[str, FieldSpec]
    vocabularies: dict[str, tuple[str, ...]]
    boilerplate: tuple[str, ...] = ()
    sections: dict[str, Section] = field(default_factory=dict)
    source: Path | None = None

    def field(self, field_id: str) -> FieldSpec:
        try:
            return self.fields[field_id]
        except KeyError:
            raise KeyError(f"{field_id!r} is not a field of the contract") from None

    def fields_of(self, question: str) -> list[FieldSpec]:
        return [f for f in self.fields.values() if f.question == question]

    def keys_numbered(self, number: str) -> list[str]:
        """The questions printed with this number, in the form's order (two are numbered 21)."""
        return [q.key for q in self.questions.values() if q.number == number]

    def letters_for(self, field_id: str) -> dict[str, str]:
        """The question's lettered options that stand for values of this field: letter -> value."""
        spec = self.field(field_id)
        question = self.questions.get(spec.question or "")
        if question is None or not spec.values:
            return {}
        return {letter: value for letter, value in question.option_values.items() if value in spec.values}

    def pattern_labels(self) -> frozenset[str]:
        """The pattern-file labels the questionnaire names: the sections' cues, the letter cues and the
        values of every field read by words (<words>.<value>). (The rules' own cues are listed beside the
        pattern files: language/patterns.py.)"""
        labels: set[str] = set()
        for s in self.sections.values():
            labels |= {f"section.{c}" for c in (s.cue, s.weak_cue) if c}
        labels |= {f"topic_q.{c}" for q in self.questions.values() for c in q.letter_cues}
        for f in self.fields.values():
            if f.read and f.read.words and f.values:
                labels |= {f"{f.read.words}.{v}" for v in f.values}
        return frozenset(labels)

    def check_value(self, field_id: str, value: str) -> str | None:
        """Why `value` breaks the contract for this field, or None when it keeps it."""
        spec = self.field(field_id)
        if spec.type == "yesno":
            return None if value in ("yes", "no") else "must be yes or no"
        if spec.type == "year":
            return None if re.fullmatch(r"(1[89]|20)\d\d", value) else "must be a four-digit year"
        if spec.type == "number":
            try:
                number = float(value)
            except ValueError:
                return "must be a number with . as the decimal separator"
            if (spec.min is not None and number < spec.min) or (spec.max is not None and number > spec.max):
                return f"must be between {spec.min:g} and {spec.max:g}"
            return None
        if spec.type in ("choice", "multi", "ministries") and spec.values:
            parts = value.split(";") if spec.type != "choice" else [value]
            unknown = [p for p in parts if p not in spec.values]
            if unknown:
                return f"{', '.join(unknown)} not in {', '.join(spec.values)}"
            if spec.type != "choice" and parts != sorted(set(parts)):
                return "ids must be sorted, unique and ;-joined"
            if spec.max_values and len(parts) > spec.max_values:
                return f"at most {spec.max_values} value(s)"
        return None


def load_contract(path: Path | None = None) -> Contract:
    """Load and validate the schema file; a broken file raises SchemaError naming it."""
    path = Path(path or settings().path("schema"))
    try:
        raw = data_yaml.load(path.read_text(encoding="utf-8"))
        schema = _Schema.model_validate(raw)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise SchemaError(f"{path}: {exc}") from exc
    vocab = {name: tuple(values) for name, values in schema.vocabularies.items()}
    vocab_labels = {name: dict(values) for name, values in schema.vocabularies.items() if isinstance(values, dict)}
    sections = {key: Section(key, s.title, s.cue, s.weak_cue, tuple(s.weak_from)) for key, s in schema.sections.items()}
    questions = {key: _question(key, q, sections, path) for key, q in schema.questions.items()}
    fields: dict[str, FieldSpec] = {}
    for fid, f in schema.fields.items():
        if f.q is not None and f.q not in questions:
            raise SchemaError(f"{path}: field {fid} names question {f.q!r}, which the schema lacks")
        fields[fid] = FieldSpec(fid, f.type, f.q, _values(fid, f, vocab, path), f.meaning, f.min, f.max, f.max_values,
                                _read(f.read) if f.read else None, questions[f.q].section if f.q else None,
                                f.unit, _labels(f, vocab_labels))
    missing = [s for s in SUBMISSION_FIELDS if s not in fields]
    if missing:
        raise SchemaError(f"{path}: submission fields missing: {', '.join(missing)}")
    contract = Contract(questions, fields, vocab, tuple(schema.boilerplate), sections, path)
    _check(contract, path)
    return contract


def _question(key: str, q: _Question, sections: dict[str, Section], path: Path) -> Question:
    if q.section not in sections:
        raise SchemaError(f"{path}: question {key} names section {q.section!r}, which the schema lacks")
    return Question(
        key, q.number or key, q.section, q.text,
        {letter: o.text for letter, o in q.options.items()},
        _condition(q.condition, path, key) if q.condition else None,
        dict(q.crossrefs),
        {letter: o.value for letter, o in q.options.items() if o.value is not None},
        {letter: o.field for letter, o in q.options.items() if o.field is not None},
        q.letter.always,
        tuple(q.letter.cues),
        q.letter.anywhere,
    )


def _values(fid: str, f: _Field, vocab: dict[str, tuple[str, ...]], path: Path) -> tuple[str, ...] | None:
    values: tuple[str, ...] | None
    if isinstance(f.values, str):
        if f.values == "countries":
            values = None  # resolved against the alias tables (canon/countries.yaml), not listed here
        elif f.values in vocab:
            values = vocab[f.values]
        else:
            raise SchemaError(f"{path}: field {fid} names vocabulary {f.values!r}, which the schema lacks")
    elif f.values is not None:
        values = tuple(f.values)
    elif f.type in ("ministries", "yesno"):
        values = vocab[f.type]
    else:
        values = None
    if f.type in ("choice", "multi") and values is None and fid != "country":
        raise SchemaError(f"{path}: {f.type} field {fid} has no vocabulary")
    return values


def _labels(f: _Field, vocab_labels: dict[str, dict[str, str]]) -> tuple[tuple[str, str], ...]:
    """The field's value labels: its own {code: label}, or those of the vocabulary it names."""
    if isinstance(f.values, dict):
        return tuple(f.values.items())
    name = f.values if isinstance(f.values, str) else f.type if f.values is None else None
    return tuple(vocab_labels.get(name or "", {}).items())


def _read(r: _Read) -> ReadSpec:
    return ReadSpec(r.reader, r.words, tuple(r.parts), tuple(r.without_parts), r.of, r.later, r.since, r.by,
                    tuple(r.mentions), tuple(r.else_mentions), r.else_cue, tuple(r.questions),
                    tuple(r.unless.items()), r.not_pending, r.min_words, r.strip_yes_no, r.unboxed, r.after_question)


def _condition(c: _Condition, path: Path, key: str) -> Condition:
    if c.any:
        return Condition(any_of=tuple(_condition(x, path, key) for x in c.any))
    if c.field is None or c.equals is None:
        raise SchemaError(f"{path}: question {key}'s condition needs `field` and `equals`, or `any`")
    return Condition(c.field, c.equals)


def _check(contract: Contract, path: Path) -> None:
    """What names another thing names one the schema has: fields, questions, parts, values."""
    fields, questions = contract.fields, contract.questions
    numbers = {q.number for q in questions.values()}

    def need_field(fid: str | None, where: str) -> None:
        if fid is not None and fid not in fields:
            raise SchemaError(f"{path}: {where} names field {fid!r}, which the schema lacks")

    for q in questions.values():
        for fid in q.condition.fields if q.condition else ():
            need_field(fid, f"question {q.key}'s condition")
        for number, takes in q.crossrefs.items():
            if number not in numbers:
                raise SchemaError(f"{path}: question {q.key} refers to question number {number!r}, which the schema lacks")
            for mine, theirs in takes.items():
                need_field(mine, f"question {q.key}'s crossrefs")
                need_field(theirs, f"question {q.key}'s crossrefs")
        own = [f for f in fields.values() if f.question == q.key]
        for letter, value in q.option_values.items():
            if not any(f.values and value in f.values for f in own):
                raise SchemaError(f"{path}: question {q.key}'s option {letter}) stands for {value!r}, "
                                  f"which no field of the question has")
        for letter, fid in q.option_fields.items():
            need_field(fid, f"question {q.key}'s option {letter})")
    for f in fields.values():
        r = f.read
        if r is None:
            if f.question is not None:
                raise SchemaError(f"{path}: field {f.id} answers question {f.question} but says nothing of how it is read")
            continue
        for named in (r.of, r.later, r.since, r.by, *(k for k, _ in r.unless)):
            need_field(named, f"field {f.id}'s read")
        question = questions.get(f.question or "")
        for letter in r.parts + r.without_parts:
            if question is None or letter not in question.options:
                raise SchemaError(f"{path}: field {f.id} reads part {letter}), which its question lacks")
        for key in r.questions:
            if key not in questions:
                raise SchemaError(f"{path}: field {f.id} reads question {key!r}, which the schema lacks")
        if r.reader in ("choice", "multi", "topics") and not r.words and not contract.letters_for(f.id):
            raise SchemaError(f"{path}: {r.reader} field {f.id} has neither `words` nor options standing for its values")


@lru_cache(maxsize=1)
def _default() -> Contract:
    return load_contract()


class _Lazy:
    """CONTRACT: the project's contract, loaded on first use."""

    def __getattr__(self, name: str) -> object:
        return getattr(_default(), name)


CONTRACT: Contract = _Lazy()  # type: ignore[assignment]
