"""Readable labels beside the codes a field holds (working_group: "working group only").

The labels are the schema's (schema/questionnaire.yaml, read through
questionnaire_returns.dictionary), the one source the report and the exports read too; a
code the schema leaves unlabelled shows as its words (underscores as spaces).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=None)
def value_labels(field: str) -> dict[str, str]:
    """{code: label} for every value the contract allows the field ({} for free text and yes/no)."""
    try:
        from questionnaire_returns.contract import CONTRACT
        from questionnaire_returns.dictionary import value_labels as schema_labels

        spec = CONTRACT.field(field)
    except Exception:  # unknown field or no schema
        return {}
    if spec.type == "yesno":
        return {}
    return schema_labels(field)


def label_of(field: str, value: str) -> str:
    """The labels of a value (ids ;-joined for multi fields), ', '-joined; '' when the
    labels would say nothing more than the codes."""
    labels = value_labels(field)
    if not labels or not value:
        return ""
    parts = [labels.get(p, "") for p in value.split(";")]
    if not all(parts) or all(label == code.replace("_", " ") for label, code in zip(parts, value.split(";"))):
        return ""
    return ", ".join(parts)
