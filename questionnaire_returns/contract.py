"""The dataset's contract (shared/FIELDS.md), loaded from schema/questionnaire.yaml.

Field ids, question numbers, value types and vocabularies live in that one data
file; this module validates it when it is loaded (a broken schema fails loudly
with the file and the reason) and gives the rest of the pipeline typed access.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from questionnaire_returns.config import settings

VALUE_TYPES = ("yesno", "year", "choice", "multi", "ministries", "number", "text")
SUBMISSION_FIELDS = ("country", "respondent_type", "language", "submitted_on")


class SchemaError(ValueError):
    """The questionnaire schema file is broken; the message names the file and the reason."""


class _Condition(BaseModel):
    model_config = ConfigDict(extra="forbid")
    field: str | None = None
    equals: str | None = None
    any: list["_Condition"] | None = None


class _Question(BaseModel):
    model_config = ConfigDict(extra="forbid")
    section: Literal["A", "B", "C"]
    text: str
    number: str | None = None
    options: dict[str, str] = Field(default_factory=dict)
    condition: _Condition | None = None
    crossrefs: dict[str, dict[str, str]] = Field(default_factory=dict)


class _Field(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["yesno", "year", "choice", "multi", "ministries", "number", "text"]
    q: str | None = None
    values: list[str] | str | None = None
    meaning: str = ""
    min: float | None = None
    max: float | None = None
    max_values: int | None = None


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid")
    vocabularies: dict[str, list[str]]
    boilerplate: list[str] = Field(default_factory=list)
    sections: dict[str, str]
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
class Question:
    key: str  # '1' ... '20', '21s', '21c', '22', '23'
    number: str  # as printed on the form: '21' for both 21s and 21c
    section: str
    text: str
    options: dict[str, str]
    condition: Condition | None = None  # answered only when this holds
    crossrefs: dict[str, dict[str, str]] = field(default_factory=dict)  # {number pointed at: {this field: that field}}


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

    @property
    def section(self) -> str | None:
        return None if self.question is None else CONTRACT.questions[self.question].section


@dataclass(frozen=True, slots=True)
class Contract:
    questions: dict[str, Question]
    fields: dict[str, FieldSpec]
    vocabularies: dict[str, tuple[str, ...]]
    boilerplate: tuple[str, ...] = ()

    def field(self, field_id: str) -> FieldSpec:
        try:
            return self.fields[field_id]
        except KeyError:
            raise KeyError(f"{field_id!r} is not a field of the contract") from None

    def fields_of(self, question: str) -> list[FieldSpec]:
        return [f for f in self.fields.values() if f.question == question]

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
    path = path or settings().path("schema")
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        schema = _Schema.model_validate(raw)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise SchemaError(f"{path}: {exc}") from exc
    vocab = {name: tuple(values) for name, values in schema.vocabularies.items()}
    questions = {
        key: Question(key, q.number or key, q.section, q.text, dict(q.options),
                      _condition(q.condition, path, key) if q.condition else None, dict(q.crossrefs))
        for key, q in schema.questions.items()
    }
    fields: dict[str, FieldSpec] = {}
    for fid, f in schema.fields.items():
        if f.q is not None and f.q not in questions:
            raise SchemaError(f"{path}: field {fid} names question {f.q!r}, which the schema lacks")
        values: tuple[str, ...] | None
        if isinstance(f.values, str):
            if f.values == "countries":
                values = None  # resolved against canon/countries.yaml, not listed here
            elif f.values in vocab:
                values = vocab[f.values]
            else:
                raise SchemaError(f"{path}: field {fid} names vocabulary {f.values!r}, which the schema lacks")
        elif f.values is not None:
            values = tuple(f.values)
        elif f.type == "ministries":
            values = vocab["ministries"]
        elif f.type == "yesno":
            values = vocab["yesno"]
        else:
            values = None
        if f.type in ("choice", "multi") and values is None and fid != "country":
            raise SchemaError(f"{path}: {f.type} field {fid} has no vocabulary")
        fields[fid] = FieldSpec(fid, f.type, f.q, values, f.meaning, f.min, f.max, f.max_values)
    _check_questions(questions, fields, path)
    missing = [s for s in SUBMISSION_FIELDS if s not in fields]
    if missing:
        raise SchemaError(f"{path}: submission fields missing: {', '.join(missing)}")
    return Contract(questions, fields, vocab, tuple(schema.boilerplate))


def _condition(c: _Condition, path: Path, key: str) -> Condition:
    if c.any:
        return Condition(any_of=tuple(_condition(x, path, key) for x in c.any))
    if c.field is None or c.equals is None:
        raise SchemaError(f"{path}: question {key}'s condition needs `field` and `equals`, or `any`")
    return Condition(c.field, c.equals)


def _check_questions(questions: dict[str, Question], fields: dict[str, FieldSpec], path: Path) -> None:
    """Conditions and cross-references name fields and values the schema has."""
    numbers = {q.number for q in questions.values()}
    for q in questions.values():
        for fid in q.condition.fields if q.condition else ():
            if fid not in fields:
                raise SchemaError(f"{path}: question {q.key}'s condition names field {fid!r}, which the schema lacks")
        for number, takes in q.crossrefs.items():
            if number not in numbers:
                raise SchemaError(f"{path}: question {q.key} refers to question number {number!r}, which the schema lacks")
            for mine, theirs in takes.items():
                for fid in (mine, theirs):
                    if fid not in fields:
                        raise SchemaError(f"{path}: question {q.key}'s crossrefs name field {fid!r}, which the schema lacks")


@lru_cache(maxsize=1)
def _default() -> Contract:
    return load_contract()


class _Lazy:
    """CONTRACT: the project's contract, loaded on first use."""

    def __getattr__(self, name):
        return getattr(_default(), name)


CONTRACT: Contract = _Lazy()  # type: ignore[assignment]
