"""Review in Excel: export the queue to .xlsx, import the filled rows as corrections.

The workbook has one row per field in review with the value, evidence and the
field's allowed values, and columns to fill: `action` (correct / accept /
unanswerable, blank = correct when new_value is filled), `new_value`,
`reviewer`, `review_note`. A hidden `base_version` column keeps the correction
each row was exported with, so a row someone corrected since (in the app or
another workbook) is reported, never silently overwritten.

No exported cell can run as a formula: every cell goes through
questionnaire_returns.write.cells (text as explicit string data, with Excel's quote
prefix where it starts with = + - @ tab or CR; an apostrophe in .csv files).
Formulas typed into the workbook are refused on import.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field as dc_field
from datetime import date, datetime
from pathlib import Path
from typing import Iterable

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from questionnaire_returns.review.data import (
    Item,
    ReviewData,
    check_value,
    normalise_value,
)
from questionnaire_returns.corrections.store import ACTIONS, Conflict, CorrectionStore, fold, store_url_for
from questionnaire_returns.write.cells import put_xlsx, safe_text

SHEET = "queue"
# (header, width, filled by the reviewer)
COLUMNS = [
    ("submission_id", 22, False),
    ("country", 18, False),
    ("field", 24, False),
    ("question", 9, False),
    ("meaning", 34, False),
    ("value", 26, False),
    ("confidence", 11, False),
    ("note", 30, False),
    ("evidence", 60, False),
    ("source_file", 26, False),
    ("page", 6, False),
    ("allowed_values", 30, False),
    ("action", 14, True),
    ("new_value", 26, True),
    ("reviewer", 16, True),
    ("review_note", 24, True),
    ("base_version", 8, False),
    ("extracted_value", 20, False),
    ("status", 11, False),  # review, or confirmed / corrected when a queue of reviewed rows is exported
    ("value_label", 30, False),  # the value's readable labels beside its codes
]
HIDDEN = ("base_version", "extracted_value")
_put = put_xlsx


def _field_facts(field: str) -> tuple[str, str, list[str], str, int | None]:
    """(type, meaning, allowed values, question number, max_values)."""
    try:
        from questionnaire_returns.contract import CONTRACT

        spec = CONTRACT.field(field)
    except Exception:
        return "text", "", [], "", None
    q = CONTRACT.questions.get(spec.question) if spec.question else None
    meaning = spec.meaning or (q.text if q else "")
    return spec.type, meaning, list(spec.values or []), (q.number if q else ""), spec.max_values


def build_workbook(items: Iterable[Item]) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    headers = [c[0] for c in COLUMNS]
    col = {h: i + 1 for i, h in enumerate(headers)}
    fill_me = PatternFill("solid", fgColor="FFF4CC")
    for i, (name, width, to_fill) in enumerate(COLUMNS, start=1):
        cell = _put(ws, 1, i, name)
        cell.font = Font(bold=True)
        if to_fill:
            cell.fill = fill_me
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = width
        if name in HIDDEN:
            ws.column_dimensions[letter].hidden = True
    ws.freeze_panes = "A2"

    action_dv = DataValidation(type="list", formula1='"' + ",".join(ACTIONS) + '"', allow_blank=True,
                               showErrorMessage=True, errorTitle="action",
                               error="correct, accept or unanswerable (blank = correct when new_value is filled)")
    ws.add_data_validation(action_dv)
    choice_cells: dict[tuple[str, ...], list[str]] = {}
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    r = 1
    for r, item in enumerate(items, start=2):
        ftype, meaning, values, _qnum, max_values = _field_facts(item.field)
        row = {
            "submission_id": item.submission_id,
            "country": item.country,
            "field": item.field,
            "question": item.question,
            "meaning": meaning,
            "value": item.value,
            "confidence": round(item.confidence, 3),
            "note": item.note,
            "evidence": item.evidence,
            "source_file": item.source_file,
            "page": item.page,
            "allowed_values": (";".join(values) if ftype in ("multi", "ministries") and max_values != 1
                               else ", ".join(values)),
            "action": "",
            "new_value": "",
            "reviewer": "",
            "review_note": "",
            "base_version": item.base_version,
            "extracted_value": item.extracted_value,
            "status": item.status,
            "value_label": item.label,
        }
        for name, value in row.items():
            cell = _put(ws, r, col[name], value)
            cell.alignment = wrap if name in ("evidence", "note", "meaning", "value") else top
        for name in ("action", "new_value", "reviewer", "review_note"):
            ws.cell(row=r, column=col[name]).fill = fill_me
        if values and (ftype in ("choice", "yesno") or (ftype == "ministries" and max_values == 1)):
            choice_cells.setdefault(tuple(values), []).append(f"{get_column_letter(col['new_value'])}{r}")
    if r >= 2:
        letter = get_column_letter(col["action"])
        action_dv.add(f"{letter}2:{letter}{r}")
    for choices, cells in choice_cells.items():
        formula = '"' + ",".join(choices) + '"'
        if len(formula) > 255:
            continue  # Excel's limit for an inline list
        dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True,
                            errorTitle="new_value", error="one of: " + ", ".join(choices))
        ws.add_data_validation(dv)
        dv.sqref = " ".join(cells)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(r, 1)}"

    help_ws = wb.create_sheet("how to fill")
    lines = [
        "Fill the yellow columns of the 'queue' sheet, one row per field you reviewed.",
        "action: correct (new_value is the right value), accept (the value is right), "
        "unanswerable (the return does not answer). Blank action with a new_value = correct.",
        "new_value: one id for choice fields; ids joined with ; for multi and ministries fields "
        "(allowed_values lists them); four digits for years; numbers with a . separator.",
        "reviewer: your name (or give it on import with --reviewer).",
        "Do not edit the other columns. Rows someone corrected since the export are reported, not applied.",
        "Import: returns review import FILE",
    ]
    for i, line in enumerate(lines, start=1):
        _put(help_ws, i, 1, line)
    help_ws.column_dimensions["A"].width = 120
    return wb


def workbook_bytes(items: Iterable[Item]) -> bytes:
    out = io.BytesIO()
    build_workbook(items).save(out)
    return out.getvalue()


def export_queue(data_dir: Path, out_path: Path, store: CorrectionStore | None = None,
                 *, country: str = "", field: str = "", question: str = "") -> int:
    """Write the review queue (status review, lowest confidence first) to out_path (.xlsx).

    The store defaults to the data folder's (see store.store_url_for). Returns the
    number of rows written.
    """
    data_dir, out_path = Path(data_dir), Path(out_path)
    own = store is None
    store = store or CorrectionStore(store_url_for(data_dir))
    try:
        items = ReviewData(data_dir, store).queue(country=country, field=field, question=question)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = out_path.with_name(out_path.name + ".tmp")
        build_workbook(items).save(tmp)
        os.replace(tmp, out_path)
        return len(items)
    finally:
        if own:
            store.close()


@dataclass(frozen=True)
class AppliedRow:
    row: int
    submission_id: str
    field: str
    action: str
    value: str
    correction_id: int


@dataclass(frozen=True)
class RejectedRow:
    row: int
    submission_id: str
    field: str
    reason: str


@dataclass
class ImportReport:
    path: str
    applied: list[AppliedRow] = dc_field(default_factory=list)
    rejected: list[RejectedRow] = dc_field(default_factory=list)
    skipped: int = 0  # rows with nothing filled

    @property
    def ok(self) -> bool:
        return not self.rejected

    def summary(self) -> str:
        """Counts, then every applied and every rejected row by its row number."""
        lines = [f"{self.path}: {len(self.applied)} applied, {len(self.rejected)} rejected, "
                 f"{self.skipped} left blank"]
        for a in self.applied:
            what = "marked unanswerable" if a.action == "unanswerable" else f"{a.action} {a.value!r}"
            lines.append(f"  applied  row {a.row}: {a.submission_id} {a.field}: {what} (correction #{a.correction_id})")
        for r in self.rejected:
            lines.append(f"  rejected row {r.row}: {r.submission_id} {r.field}: {r.reason}")
        return "\n".join(lines)

    def write_csv(self, path: Path) -> None:
        """The rejected rows as CSV (cells that could run as formulas neutralised)."""
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["row", "submission_id", "field", "reason"])
            for r in self.rejected:
                w.writerow([r.row, safe_text(r.submission_id), safe_text(r.field), safe_text(r.reason)])


def _cell_text(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def known_field(field: str) -> bool:
    try:
        from questionnaire_returns.contract import CONTRACT

        CONTRACT.field(field)
        return True
    except KeyError:
        return False


def _changed(latest) -> str:
    if latest is None:
        return "changed since the export (its correction is gone); export again"
    return f"changed since the export: {latest.reviewer} {latest.describe().split(' by ')[0]} on {latest.date}; not overwritten"


class NotAWorkbook(ValueError):
    """The file to import is no .xlsx workbook; the message names the file and why."""


def _open_workbook(path: Path):
    """The workbook at `path`; NotAWorkbook for any other kind of file."""
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise NotAWorkbook(f"{path}: not an .xlsx workbook (the name ends in {path.suffix or 'nothing'!r}); "
                           "import the file `returns review export` wrote, filled")
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise NotAWorkbook(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if magic != b"PK\x03\x04":
        raise NotAWorkbook(f"{path}: not an .xlsx workbook (its content is no Office Open XML zip)")
    try:
        return load_workbook(path, data_only=False)
    except Exception as exc:  # a zip that is no workbook, a damaged file
        raise NotAWorkbook(f"{path}: not a readable .xlsx workbook ({type(exc).__name__}: {exc})") from None


def import_corrections(path: Path, store: CorrectionStore, reviewer_default: str | None = None,
                       *, data_dir: Path | None = None, second_pass: bool = False) -> ImportReport:
    """Apply the filled rows of an exported workbook to the store.

    Every value is validated against its field's type, vocabulary and meaning
    (data.check_value, as in the app); each refused row is reported with its row
    number, field and reason (nothing of it is saved). A field that is not in the
    contract is refused; with `data_dir`, so is a submission the dataset does not
    hold, whatever the exported value, and a row whose value or evidence changed
    in the extraction since the export. NotAWorkbook for a file of another kind.
    With `second_pass` (config.yaml's reviewers.second_pass) a row that changes a
    value waits for an approver in the app, as a reviewer's save there does.
    """
    report = ImportReport(str(path))
    wb = _open_workbook(path)
    ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
    header_cells = next(ws.iter_rows(min_row=1, max_row=1), ())
    col = {str(c.value).strip(): i for i, c in enumerate(header_cells) if c.value is not None}
    missing = [h for h in ("submission_id", "field", "value", "new_value") if h not in col]
    if missing:
        report.rejected.append(RejectedRow(1, "", "", f"not an exported review sheet: no {', '.join(missing)} column"))
        return report
    current = ReviewData(data_dir, store) if data_dir is not None else None
    latest = store.latest()

    for cells in ws.iter_rows(min_row=2):
        row_no = cells[0].row

        def get(name: str, cells=cells) -> str:
            i = col.get(name)
            return _cell_text(cells[i]) if i is not None and i < len(cells) else ""

        formulas = [h for h in ("action", "new_value", "reviewer", "review_note")
                    if h in col and col[h] < len(cells) and cells[col[h]].data_type == "f"]
        submission_id, field = get("submission_id"), get("field")
        action, new_value = get("action").lower(), get("new_value")

        def reject(reason: str, row_no=row_no, submission_id=submission_id, field=field) -> None:
            report.rejected.append(RejectedRow(row_no, submission_id, field, reason))

        if formulas:
            reject(f"formulas are not accepted ({', '.join(formulas)})")
            continue
        if not action and not new_value:
            report.skipped += 1
            continue
        if not submission_id or not field:
            reject("submission_id and field are needed")
            continue
        if not action:
            action = "correct"
        if not known_field(field):
            reject(f"{field!r} is not a field of the contract")
            continue
        if current is not None and current.item_or_absent(submission_id, field) is None:
            reject(f"no submission {submission_id!r} in the dataset")
            continue
        if action not in ACTIONS:
            reject(f"action {action!r} is not one of {', '.join(ACTIONS)}")
            continue
        reviewer = fold(get("reviewer")) or fold(reviewer_default or "")
        if not reviewer:
            reject("no reviewer (fill the reviewer column or give --reviewer)")
            continue
        shown, evidence = get("value"), get("evidence") if "evidence" in col else ""
        extracted = get("extracted_value") if "extracted_value" in col else shown
        if action == "correct":
            value = normalise_value(field, new_value)
        elif action == "accept":
            value = shown
        else:
            value = ""
        if action != "unanswerable":
            reason = check_value(field, value)
            if reason:
                reject(f"{value!r} {reason}" if value else reason)
                continue
        base = get("base_version")
        try:
            expected = int(float(base)) if base else None
        except ValueError:
            reject(f"base_version {base!r} is not a correction id")
            continue
        seen = latest.get((submission_id, field))
        if (seen.id if seen else None) != expected:
            reject(_changed(seen))
            continue
        if current is not None:
            now = current.item(submission_id, field)
            if now is None and shown:
                reject("the field is no longer in the dataset")
                continue
            if now is not None and (fold(now.extracted_value) != fold(extracted) or fold(now.evidence) != fold(evidence)):
                reject(f"the return changed since the export: it now says {now.extracted_value!r}")
                continue
        try:
            correction = store.add(
                submission_id, field, action,
                old_value=shown, new_value=value, evidence=evidence, reviewer=reviewer,
                note=get("review_note"), expected_latest=expected, extracted_value=extracted,
                needs_approval=second_pass and (action == "unanswerable" or (action == "correct" and value != extracted)),
            )
        except Conflict as exc:
            reject(_changed(exc.latest))
            continue
        except ValueError as exc:
            reject(str(exc))
            continue
        latest[(submission_id, field)] = correction
        report.applied.append(AppliedRow(row_no, submission_id, field, action, value, correction.id))
    return report
