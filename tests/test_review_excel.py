"""Excel round trip: export the queue, fill it, import it; formulas never run."""

from __future__ import annotations

import csv
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).parent))
pytest_plugins = ["conftest_review"]
pytest.register_assert_rewrite("conftest_review")

from conftest_review import extracted_rows, write_extracted, write_ledger  # noqa: E402
from questionnaire_returns.review.excel import (  # noqa: E402
    ImportReport,
    RejectedRow,
    export_queue,
    import_corrections,
)
from questionnaire_returns.corrections.store import CorrectionStore  # noqa: E402
from questionnaire_returns.write.cells import safe_text  # noqa: E402


@pytest.fixture
def store(dataset):
    s = CorrectionStore(dataset.store_url)
    yield s
    s.close()


def rows_by_key(ws):
    header = [c.value for c in ws[1]]
    out = {}
    for r in range(2, ws.max_row + 1):
        values = dict(zip(header, [c.value for c in ws[r]]))
        out[(values["submission_id"], values["field"])] = r
    return header, out


def test_export_layout(dataset, store, tmp_path):
    out = tmp_path / "queue.xlsx"
    assert export_queue(dataset.data, out, store) == 6
    wb = load_workbook(out)
    ws = wb["queue"]
    header = [c.value for c in ws[1]]
    for name in ("submission_id", "field", "value", "evidence", "new_value", "reviewer", "action"):
        assert name in header
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["I"].width == 60  # evidence
    assert ws.column_dimensions["Q"].hidden  # base_version
    confidences = [ws.cell(r, header.index("confidence") + 1).value for r in range(2, ws.max_row + 1)]
    assert confidences == sorted(confidences)
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    formulas = {dv.formula1 for dv in lists}
    assert '"correct,accept,unanswerable"' in formulas
    assert '"legislation,decree,policy,other"' in formulas
    assert '"yes,no"' in formulas


def test_round_trip_with_a_rejected_row(dataset, store, tmp_path):
    out = tmp_path / "queue.xlsx"
    export_queue(dataset.data, out, store)
    wb = load_workbook(out)
    ws = wb["queue"]
    header, at = rows_by_key(ws)
    col = {h: i + 1 for i, h in enumerate(header)}

    def fill(key, **cells):
        for name, value in cells.items():
            ws.cell(at[key], col[name], value)

    fill(("at-2007", "ncm_legal_basis"), new_value="policy", reviewer="Anna")
    fill(("at-2007", "ncm_exists"), action="accept")  # reviewer from --reviewer
    fill(("mt-2007", "report_frequency"), action="unanswerable", reviewer="Ben")
    fill(("at-2007", "ncm_ministries"), new_value="justice;interior", reviewer="Anna", review_note="checked")
    fill(("mt-2007", "ncm_exists"), new_value="perhaps", reviewer="Anna")  # rejected: not yes/no
    fill(("at-2007", "nrm_exists"), new_value="=HYPERLINK(\"http://evil\")", reviewer="Anna")  # a formula
    r = ws.max_row + 1  # a reviewer adds an answer the extractor missed
    ws.cell(r, col["submission_id"], "mt-2007")
    ws.cell(r, col["field"], "nap_year")
    ws.cell(r, col["new_value"], 2006)  # Excel gives a number
    ws.cell(r, col["reviewer"], "Ben")
    wb.save(out)

    report = import_corrections(out, store, reviewer_default="Carla", data_dir=dataset.data)
    assert isinstance(report, ImportReport)
    applied = {(a.submission_id, a.field): a for a in report.applied}
    assert set(applied) == {("at-2007", "ncm_legal_basis"), ("at-2007", "ncm_exists"),
                            ("mt-2007", "report_frequency"), ("at-2007", "ncm_ministries"),
                            ("mt-2007", "nap_year")}
    rejected = {r.field: r for r in report.rejected}
    assert set(rejected) == {"ncm_exists", "nrm_exists"}
    assert rejected["ncm_exists"] == RejectedRow(at[("mt-2007", "ncm_exists")], "mt-2007", "ncm_exists",
                                                 "'perhaps' must be yes or no")
    assert rejected["nrm_exists"].row == at[("at-2007", "nrm_exists")]
    assert "formula" in rejected["nrm_exists"].reason
    assert report.skipped == 0
    assert "2 rejected" in report.summary() and f"row {at[('mt-2007', 'ncm_exists')]}" in report.summary()

    latest = store.latest()
    assert latest[("at-2007", "ncm_legal_basis")].new_value == "policy"
    assert latest[("at-2007", "ncm_exists")].reviewer == "Carla"
    assert latest[("at-2007", "ncm_exists")].new_value == "yes"
    assert latest[("mt-2007", "report_frequency")].action == "unanswerable"
    assert latest[("at-2007", "ncm_ministries")].new_value == "interior;justice"
    assert latest[("at-2007", "ncm_ministries")].note == "checked"
    assert latest[("mt-2007", "nap_year")].new_value == "2006"
    assert ("mt-2007", "ncm_exists") not in latest

    # importing the same workbook again: every filled row was overtaken by its own first import
    again = import_corrections(out, store, reviewer_default="Carla", data_dir=dataset.data)
    assert not again.applied
    reasons = {(r.submission_id, r.field): r.reason for r in again.rejected}
    for key in applied:
        assert reasons[key].startswith("changed since the export"), reasons[key]
    assert "Anna corrected to 'policy' on" in reasons[("at-2007", "ncm_legal_basis")]

    report_csv = tmp_path / "rejected.csv"
    report.write_csv(report_csv)
    assert list(csv.reader(report_csv.open()))[0] == ["row", "submission_id", "field", "reason"]


def test_import_refuses_rows_whose_return_changed(dataset, store, tmp_path):
    out = tmp_path / "queue.xlsx"
    export_queue(dataset.data, out, store)
    rows = extracted_rows()
    for row in rows:
        if row["field"] == "ncm_legal_basis":
            row["value"], row["evidence"] = "legislation", "the Act of 2005"
    write_extracted(dataset.data, rows)  # a rerun read a revised return
    wb = load_workbook(out)
    ws = wb["queue"]
    header, at = rows_by_key(ws)
    ws.cell(at[("at-2007", "ncm_legal_basis")], header.index("new_value") + 1, "policy")
    wb.save(out)
    report = import_corrections(out, store, reviewer_default="Anna", data_dir=dataset.data)
    assert not report.applied
    assert "the return changed since the export" in report.rejected[0].reason


def test_exported_cells_cannot_run_as_formulas(dataset, store, tmp_path):
    rows = extracted_rows()
    payloads = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]
    for i, payload in enumerate(payloads):
        rows.append(dict(submission_id=f"x-{i}", country=payload, field="ncm_body_name", question="2",
                         value=payload, confidence=0.1, status="review", evidence=payload,
                         source_file="", page=None, bbox="", rule="test", note=payload))
    write_extracted(dataset.data, rows)
    write_ledger(dataset.data, {f"x-{i}": ("Testland", "x.pdf") for i in range(len(payloads))})
    out = tmp_path / "queue.xlsx"
    export_queue(dataset.data, out, store)
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # no formula anywhere
    ws = load_workbook(out)["queue"]
    header = [c.value for c in ws[1]]
    seen = 0
    for r in range(2, ws.max_row + 1):
        cell = ws.cell(r, header.index("value") + 1)
        if cell.value in payloads:
            assert cell.data_type == "s"
            assert cell.quotePrefix
            assert ws.cell(r, header.index("evidence") + 1).data_type == "s"
            seen += 1
    assert seen == len(payloads)
    # and any CSV we write neutralises them with an apostrophe
    for payload in payloads:
        assert safe_text(payload) == "'" + payload
    assert safe_text("plain") == "plain" and safe_text("2004") == "2004" and safe_text("-5") == "-5"


def test_dataset_after_import_publishes(dataset, store, tmp_path, publish_module):
    out = tmp_path / "queue.xlsx"
    export_queue(dataset.data, out, store)
    wb = load_workbook(out)
    ws = wb["queue"]
    header, at = rows_by_key(ws)
    ws.cell(at[("at-2007", "ncm_legal_basis")], header.index("new_value") + 1, "policy")
    wb.save(out)
    assert import_corrections(out, store, "Anna").applied
    publish_module.publish(dataset.data, store)
    a = pd.read_csv(dataset.data / "answers.csv", dtype=str, keep_default_na=False)
    row = a[(a.submission_id == "at-2007") & (a.field == "ncm_legal_basis")].iloc[0]
    assert (row.value, row.status) == ("policy", "corrected")
