"""dataset.xlsx: the dataset for Excel, its columns typed, every sheet filterable.

Sheets: `responses` (one row per current return; years and numbers as numbers), `answers`
(the long table; confidence and page as numbers) and `dictionary` (every field's question,
type, unit, description and its codes' labels, from the schema). Every sheet has its header
frozen and an autofilter; every cell goes through write/cells.py's put_xlsx (text never a
formula).
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from questionnaire_returns import dictionary
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.atomic_files import write_bytes
from questionnaire_returns.write.cells import put_xlsx

HEADER_FILL = PatternFill("solid", fgColor="DDE6EE")
NUMERIC_ANSWER_COLUMNS = {"confidence": float, "page": int}
DICTIONARY_COLUMNS = ["field", "question", "section", "type", "unit", "description", "codes and labels"]


def _number(value: str, kind):
    try:
        return kind(float(value)) if kind is int else kind(value)
    except (TypeError, ValueError):
        return value  # a value that is no number stays as written (text)


def _response_cell(column: str, value: str):
    if value == "":
        return None
    spec = CONTRACT.fields.get(column)
    if spec is not None and spec.type == "year":
        return _number(value, int)
    if spec is not None and spec.type == "number":
        return _number(value, float)
    return value


def _answer_cell(column: str, value: str):
    if value == "":
        return None
    kind = NUMERIC_ANSWER_COLUMNS.get(column)
    return _number(value, kind) if kind else value


def _sheet(wb: Workbook, title: str, header: list[str], rows, widths: dict[str, int] | None = None) -> None:
    ws = wb.create_sheet(title)
    for j, h in enumerate(header, start=1):
        cell = put_xlsx(ws, 1, j, h)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    n = 1
    for i, row in enumerate(rows, start=2):
        n = i
        for j, value in enumerate(row, start=1):
            if value is not None:
                put_xlsx(ws, i, j, value)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(max(len(header), 1))}{max(n, 1)}"
    for j, h in enumerate(header, start=1):
        ws.column_dimensions[get_column_letter(j)].width = (widths or {}).get(h, 16)


def dictionary_rows() -> list[list[str]]:
    rows = []
    for e in dictionary.entries():
        labels = "; ".join(f"{code} = {text}" for code, text in e.labels.items())
        rows.append([e.field, e.question, e.section, e.type, e.unit, e.description, labels])
    return rows


def write_workbook(responses: pd.DataFrame, answers: pd.DataFrame, path: Path) -> Path:
    """Write dataset.xlsx (atomically) from responses.csv and answers.csv (as text)."""
    wb = Workbook()
    wb.remove(wb.active)
    rcols = list(responses.columns)
    _sheet(wb, "responses", rcols,
           ([_response_cell(c, v) for c, v in zip(rcols, row)] for row in responses.itertuples(index=False)),
           {"country": 28, "submission_id": 28})
    acols = list(answers.columns)
    _sheet(wb, "answers", acols,
           ([_answer_cell(c, v) for c, v in zip(acols, row)] for row in answers.itertuples(index=False)),
           {"evidence": 60, "country": 24, "submission_id": 28, "field": 28})
    _sheet(wb, "dictionary", DICTIONARY_COLUMNS, dictionary_rows(),
           {"field": 30, "description": 70, "codes and labels": 80})
    buf = io.BytesIO()
    wb.save(buf)
    write_bytes(path, buf.getvalue())
    return path
