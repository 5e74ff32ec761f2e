"""The responses table typed by the contract: what analysts load into pandas, R or Arrow.

responses.csv holds text (a CSV has no types): read as it is, years come out as 2006.0 and
a list of later years as a float. Here each column takes its field's type from the schema:
yes/no as booleans, years as integers, numbers as floats, lists (multi, ministries, and the
;-joined later years) as lists, the rest as text; an unanswered field is missing (NA/None),
never an empty string.
"""

from __future__ import annotations

import re

import pandas as pd

from questionnaire_returns.contract import CONTRACT, FieldSpec

LIST_TYPES = ("multi", "ministries")


def is_list(spec: FieldSpec) -> bool:
    """A field holding several codes (multi, ministries); one of at most one value (the lead ministry) is no list."""
    return spec.type in LIST_TYPES and spec.max_values != 1


def is_year_list(spec: FieldSpec) -> bool:
    """A text field whose unit is a year: the ;-joined later years (ncm_established_year_other)."""
    return spec.type == "text" and spec.unit == "year"


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or str(value).strip() == ""


def _years(value) -> list[int] | None:
    if _blank(value):
        return None
    return [int(y) for y in re.findall(r"\b\d{4}\b", str(value))] or None


def _items(value) -> list[str] | None:
    if _blank(value):
        return None
    return [v for v in str(value).split(";") if v]


def typed_column(field: str, column: pd.Series) -> pd.Series:
    """One column of responses.csv (text) in its field's type."""
    spec = CONTRACT.fields.get(field)
    if spec is None:  # submission_id, cycle: text
        return column.map(lambda v: None if _blank(v) else str(v)).astype("string")
    if spec.type == "yesno":
        return column.map(lambda v: {"yes": True, "no": False}.get(str(v).strip())).astype("boolean")
    if spec.type == "year":
        return pd.to_numeric(column.map(lambda v: None if _blank(v) else v), errors="coerce").astype("Int64")
    if spec.type == "number":
        return pd.to_numeric(column.map(lambda v: None if _blank(v) else v), errors="coerce").astype("Float64")
    if is_list(spec):
        return column.map(_items).astype(object)
    if is_year_list(spec):
        return column.map(_years).astype(object)
    return column.map(lambda v: None if _blank(v) else str(v)).astype("string")


def typed_responses(responses: pd.DataFrame) -> pd.DataFrame:
    """responses.csv (as text) with every column typed."""
    return pd.DataFrame({c: typed_column(c, responses[c]) for c in responses.columns}, index=responses.index)


def arrow_schema(df: pd.DataFrame):
    """The Parquet schema of a typed responses frame: lists of strings / of integers as lists."""
    import pyarrow as pa

    fields = []
    for c in df.columns:
        spec = CONTRACT.fields.get(c)
        if spec is not None and is_list(spec):
            kind = pa.list_(pa.string())
        elif spec is not None and is_year_list(spec):
            kind = pa.list_(pa.int64())
        elif str(df[c].dtype) == "boolean":
            kind = pa.bool_()
        elif str(df[c].dtype) == "Int64":
            kind = pa.int64()
        elif str(df[c].dtype) == "Float64":
            kind = pa.float64()
        else:
            kind = pa.string()
        fields.append(pa.field(c, kind))
    return pa.schema(fields)
