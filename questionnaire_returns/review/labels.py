"""Readable labels beside the codes a field holds (working_group: "working group only").

`value_labels` is the review app's one reader of them. It takes the schema's own
labels where the contract gives a field some (a `labels` mapping on the field's
spec, which the reshaped schema is to carry); until then the report's label table
(questionnaire_returns.report.figures.LABELS), the one place the product writes
them today; and for any code neither knows, the code with its underscores as spaces.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=None)
def value_labels(field: str) -> dict[str, str]:
    """{code: label} for every value the contract allows the field ({} for free text)."""
    try:
        from questionnaire_returns.contract import CONTRACT

        spec = CONTRACT.field(field)
    except Exception:  # unknown field or no schema
        return {}
    codes = list(spec.values or [])
    if not codes or spec.type == "yesno":
        return {}
    labels = dict(getattr(spec, "labels", None) or {})
    if not labels:
        try:
            from questionnaire_returns.report.figures import LABELS

            labels = dict(LABELS.get(field, {}))
        except Exception:  # the report package cannot be loaded: codes as words
            labels = {}
    return {code: labels.get(code) or code.replace("_", " ") for code in codes}


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
