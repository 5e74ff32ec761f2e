"""The data dictionary: each field's description, type, unit and value labels, from the schema.

The schema (schema/questionnaire.yaml) is the one source: its fields' `meaning` and `unit`,
and a label for each value of a vocabulary. The report, the review app, datapackage.json and
the Stata / SPSS / Excel exports all read the labels here, so a label changed in the schema
changes everywhere at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from questionnaire_returns.contract import CONTRACT, Contract, FieldSpec

# the dataset's own columns beside the contract's fields (answers.csv, responses.csv)
CYCLE_DESCRIPTION = "the survey cycle the return answers (the raw/ folder it arrived in, e.g. 2007); empty when raw/ holds one cycle"
ABBREVIATIONS = {
    "NCM": "national co-ordination mechanism",
    "NAP": "national action plan",
    "NRM": "national reporting mechanism (national rapporteur or equivalent mechanism)",
    "THB": "trafficking in human beings",
}


@dataclass(frozen=True)
class Entry:
    """One field of the dictionary."""

    field: str
    type: str  # the contract's value type: yesno, year, choice, multi, ministries, number, text
    description: str
    unit: str
    question: str  # the number as printed on the form ('' for the submission fields)
    section: str
    labels: dict[str, str]  # code -> label, in the vocabulary's order ({} for free values)

    @property
    def title(self) -> str:
        """A short label for the variable (Stata and SPSS variable labels, column titles)."""
        q = f"Q{self.question}: " if self.question else ""
        return f"{q}{self.description}" if self.description else f"{q}{self.field}"


_ACRONYMS = {"ncm": "NCM", "nap": "NAP", "nrm": "NRM", "thb": "THB"}


def short_title(field: str) -> str:
    """A field's name for people: its id in words, the abbreviations in capitals
    ('ncm_body_name' → 'NCM body name', 'reports_public' → 'Reports public')."""
    words = [_ACRONYMS.get(w, w) for w in field.split("_") if w]
    if not words:
        return field
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


def _contract(contract: Contract | None) -> Contract:
    return contract if contract is not None else CONTRACT


def value_labels(field: str, contract: Contract | None = None) -> dict[str, str]:
    """{code: label} for every value the field allows ({} for free text, years, numbers and
    countries); a code the schema leaves unlabelled reads as its words (underscores as spaces)."""
    try:
        spec = _contract(contract).field(field)
    except KeyError:
        return {}
    own = dict(spec.labels)
    return {code: own.get(code) or code.replace("_", " ") for code in spec.values or ()}


def label(field: str, value: str | None, contract: Contract | None = None) -> str:
    """A value's readable form: each code's label, multi values ', '-joined; the value itself
    where the field has no labels or the code is none of its own."""
    if value is None or value == "":
        return ""
    labels = value_labels(field, contract)
    if not labels:
        return value
    return ", ".join(labels.get(part, part) for part in value.split(";"))


def _question_number(spec: FieldSpec, contract: Contract) -> str:
    q = contract.questions.get(spec.question or "")
    return q.number if q is not None else ""


def entry(field: str, contract: Contract | None = None) -> Entry:
    c = _contract(contract)
    spec = c.field(field)
    question = c.questions.get(spec.question or "")
    description = spec.meaning or (question.text if question is not None else "")
    return Entry(field, spec.type, description, spec.unit, _question_number(spec, c), spec.section or "",
                 value_labels(field, c))


def entries(contract: Contract | None = None) -> list[Entry]:
    """Every field of the contract, in its order."""
    c = _contract(contract)
    return [entry(f, c) for f in c.fields]
