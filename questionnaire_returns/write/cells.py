"""Formula-safe cells: the one rule every CSV and XLSX the product writes goes through.

A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
return as a formula (`=HYPERLINK(...)`, `+cmd|' /C calc'!A0`, `@SUM(A1)`). Returns,
file names and reviewers' notes are text from outside, so every text cell of that
shape is written inert:

- CSV: a leading apostrophe (`'=SUM(A1)`), the usual defence; `unquote_text` gives
  the text back, so the product's own readers of its CSVs see the original
  (a text that itself starts with apostrophes before such a character gets one more,
  which keeps the round trip exact);
- XLSX: an explicit string cell with Excel's quote prefix (shown as written, never
  evaluated, no apostrophe in the value).

A number stays a number: `-5`, `+3.5`, `-1e3` are left alone in both. Parquet files
keep the raw text (no spreadsheet opens them).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from questionnaire_returns.atomic_files import write_bytes

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")
EXCEL_MAX_CELL = 32767


def formula_like(text: str) -> bool:
    """Whether a spreadsheet would run `text` as a formula (a plain number would not)."""
    return text.startswith(FORMULA_START) and not _NUMBER.fullmatch(text)


def _needs_quote(text: str) -> bool:
    return formula_like(text.lstrip("'"))


def safe_text(value):
    """A CSV cell no spreadsheet runs: formula-like text gets a leading apostrophe.
    Anything that is not a str (numbers, None) is returned as it is."""
    if isinstance(value, str) and _needs_quote(value):
        return "'" + value
    return value


def unquote_text(value):
    """The text `safe_text` was given (for the product's readers of its own CSVs)."""
    if isinstance(value, str) and value.startswith("'") and _needs_quote(value[1:]):
        return value[1:]
    return value


def _csv_text(value):
    # A bare carriage return would end the row for a CSV reader (the writer quotes only
    # fields holding its own line end, "\n"): it is written as a line feed, then made safe.
    if isinstance(value, str) and "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return safe_text(value)


def safe_frame(df):
    """A copy of a DataFrame for a CSV file: every text cell through safe_text (numbers
    untouched), carriage returns as line feeds so that no row is ever cut."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or str(out[col].dtype) in ("string", "str"):
            out[col] = out[col].map(_csv_text)
    out.columns = [safe_text(str(c)) for c in out.columns]
    return out


def read_csv(path: Path | str):
    """A CSV the product wrote, as text (no NaN), with safe_text undone."""
    import pandas as pd

    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    return df.map(unquote_text) if len(df) else df


def read_csv_rows(path: Path | str) -> list[dict[str, str]]:
    """A CSV the product wrote, as rows of text with safe_text undone, read without pandas: the
    flow's plan reads the ledger before the reading starts, and importing pandas there cost about
    a second of the run's critical path (pandas is imported meanwhile, in a thread, for the write)."""
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        return [{k: unquote_text(v) for k, v in row.items() if k is not None}
                for row in csv.DictReader(fh, restval="")]


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def put_xlsx(ws, row: int, col: int, value):
    """Write a cell of an openpyxl worksheet: text as an explicit string (never a
    formula; Excel's quote prefix when it looks like one), numbers as numbers."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        value = _NOT_IN_XML.sub(" ", value)  # a control character or non-character no workbook can hold
        if len(value) > EXCEL_MAX_CELL:
            value = value[: EXCEL_MAX_CELL - 1] + "…"
        cell.value = value
        cell.data_type = "s"
        if formula_like(value):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def write_csv(df, path: Path | str, bom: bool = False) -> None:
    """A DataFrame as UTF-8 CSV (no index), atomically, formula-like text made inert (cells.py).
    `bom`: start with a byte-order mark, which Excel on Windows needs to read the file as UTF-8
    when it is opened by double-click (every other reader skips it)."""
    buf = io.StringIO()
    safe_frame(df).to_csv(buf, index=False, lineterminator="\n")
    write_bytes(path, (b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8"))
