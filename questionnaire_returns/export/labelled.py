"""responses.dta (Stata) and responses.sav (SPSS), with variable and value labels (pyreadstat).

Both formats label numbers, not text, so each coded field is written as numbers with its
codes' labels from the schema: yes/no as 1/0, a choice (and the one lead ministry) as 1..n
in the vocabulary's order, and a list (multi, ministries) as one 0/1 variable per code beside the ;-joined codes
(a name too long for Stata's value labels is the field and the code's number).
Years and numbers are numbers; text stays text. Every variable's label is the field's
question and description from the schema (questionnaire_returns.dictionary).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from questionnaire_returns import dictionary
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.export.typed import is_list

STATA_NAME_MAX = 32
INDICATOR_NAME_MAX = 28  # pyreadstat names a value-label set after its variable plus a counter: room for 4 digits
STATA_LABEL_MAX = 80
NAMED: dict[int | float, str] = {1: "named", 0: "not named"}
CODED = ("yesno", "choice")


@dataclass
class Labelled:
    """A frame ready for pyreadstat, with its variable labels and value labels."""

    frame: pd.DataFrame
    variable_labels: dict[str, str] = field(default_factory=dict)
    value_labels: dict[str, dict[int | float, str]] = field(default_factory=dict)


def indicator_name(field_id: str, code: str, index: int) -> str:
    """The 0/1 variable of one code of a list field: field_code, or field_N when that is too long for Stata."""
    name = f"{field_id}_{code}"
    return name if len(name) <= INDICATOR_NAME_MAX else f"{field_id}_{index}"


def _codes(field_id: str) -> dict[str, int]:
    if CONTRACT.field(field_id).type == "yesno":
        return {"yes": 1, "no": 0}
    return {code: i for i, code in enumerate(CONTRACT.field(field_id).values or (), start=1)}


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)


def labelled(responses: pd.DataFrame) -> Labelled:
    """responses.csv (as text) coded for Stata and SPSS."""
    out = Labelled(pd.DataFrame(index=responses.index))
    for col in responses.columns:
        values = responses[col].map(_text)
        spec = CONTRACT.fields.get(col)
        if spec is None:  # submission_id, cycle
            out.frame[col] = values
            out.variable_labels[col] = dictionary.CYCLE_DESCRIPTION if col == "cycle" else "the return's id"
            continue
        entry = dictionary.entry(col)
        out.variable_labels[col] = entry.title
        if spec.values and (spec.type in CODED or not is_list(spec) and spec.type == "ministries"):
            codes = _codes(col)
            out.frame[col] = values.map(lambda v, codes=codes: codes.get(v, np.nan)).astype(float)
            out.value_labels[col] = {n: entry.labels.get(code, code) for code, n in codes.items()}
        elif spec.type in ("year", "number"):
            out.frame[col] = pd.to_numeric(values.replace("", np.nan), errors="coerce").astype(float)
        elif is_list(spec) and spec.values:
            out.frame[col] = values
            for i, code in enumerate(spec.values, start=1):
                name = indicator_name(col, code, i)
                out.frame[name] = values.map(
                    lambda v, code=code: np.nan if v == "" else float(code in v.split(";")))
                out.variable_labels[name] = f"{entry.title}: {entry.labels.get(code, code)}"
                out.value_labels[name] = NAMED
        else:
            out.frame[col] = values
    return out


def _stata_label(text: str) -> str:
    """A variable label within Stata's 80 bytes (UTF-8), cut at a character with '...'."""
    if len(text.encode("utf-8")) <= STATA_LABEL_MAX:
        return text
    cut = text.encode("utf-8")[: STATA_LABEL_MAX - 3].decode("utf-8", "ignore")
    return cut + "..."


def _atomic(path: Path, write) -> Path:
    """Write through a temporary file in the same folder, then rename (a crash leaves the old file)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(str(tmp))
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def _stata_names(data: Labelled) -> Labelled:
    """Names Stata takes: pyreadstat names each value-label set after its variable with a counter, and
    the two together must fit Stata's 32 characters; a longer name is cut (kept unique)."""
    renames: dict[str, str] = {}
    taken = set(data.frame.columns)
    for n, col in enumerate(c for c in data.frame.columns if c in data.value_labels):
        room = STATA_NAME_MAX - len(str(n))
        if len(col) <= room:
            continue
        base, k = col[:room], 1
        new = base
        while new in taken:
            suffix = str(k)
            new, k = base[: room - len(suffix)] + suffix, k + 1
        renames[col] = new
        taken.add(new)
    if not renames:
        return data
    return Labelled(data.frame.rename(columns=renames),
                    {renames.get(k, k): v for k, v in data.variable_labels.items()},
                    {renames.get(k, k): v for k, v in data.value_labels.items()})


def write_stata(responses: pd.DataFrame, path: Path) -> Path:
    import pyreadstat

    data = _stata_names(labelled(responses))
    labels = {k: _stata_label(v) for k, v in data.variable_labels.items()}
    return _atomic(Path(path), lambda p: pyreadstat.write_dta(
        data.frame, p, file_label="Returns to the 2007 OSCE questionnaire on trafficking in human beings",
        column_labels=[labels.get(c) for c in data.frame.columns], variable_value_labels=data.value_labels))


def write_spss(responses: pd.DataFrame, path: Path) -> Path:
    import pyreadstat

    data = labelled(responses)
    measure = {c: "nominal" for c in data.value_labels}
    measure.update({c: "scale" for c in data.frame.columns
                    if c in CONTRACT.fields and CONTRACT.field(c).type in ("year", "number")})
    return _atomic(Path(path), lambda p: pyreadstat.write_sav(
        data.frame, p, file_label="Returns to the 2007 OSCE questionnaire on trafficking in human beings",
        column_labels=[data.variable_labels.get(c) for c in data.frame.columns],
        variable_value_labels=data.value_labels, variable_measure=measure))
