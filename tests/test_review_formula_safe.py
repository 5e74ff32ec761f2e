"""Formula text never reaches a spreadsheet live: every CSV and XLSX the product writes.

Payloads come in through a return's text, a file's name, an unreadable page's reason,
an unknown name and a reviewer's correction; each output is opened as a spreadsheet
would open it and no cell may start a formula (CSV: an apostrophe first; XLSX: a
string cell with the quote prefix). A number such as -5 stays a number, and the
product's own readers (the ledger on a rerun, the report) see the original text.
"""

from __future__ import annotations

import csv
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).parent))
pytest_plugins = ["conftest_review"]

from questionnaire_returns.config import Settings  # noqa: E402
from questionnaire_returns.pipeline import DocResult  # noqa: E402
from questionnaire_returns.records import Answer  # noqa: E402
from questionnaire_returns.review.excel import ImportReport, RejectedRow, export_queue  # noqa: E402
from questionnaire_returns.corrections.store import CorrectionStore  # noqa: E402
from questionnaire_returns.write.cells import formula_like, safe_text, unquote_text  # noqa: E402
from questionnaire_returns.write.dataset import publish, write_run  # noqa: E402

BODY = '=HYPERLINK("http://example.invalid","click")'
EVIDENCE = "+cmd|' /C calc'!A0"
NOTE = "-2+3"
UNKNOWN = "@SUM(A1)"
REASON = "=1+1 cannot be read"
EVIL_FILE = "@evil.pdf"
BAD_FILE = "-bad.pdf"
CORRECTION = "@SUM(A1:A9)"
PAYLOADS = {BODY, EVIDENCE, NOTE, UNKNOWN, REASON, EVIL_FILE, BAD_FILE, CORRECTION, "\t=1+1"}


def results() -> dict:
    def a(field, value, conf=0.95, evidence="evidence", note=""):
        return Answer(field, value, conf, "rule.x", evidence, page=1, bbox=(1, 2, 3, 4), source_file=EVIL_FILE,
                      note=note)

    return {
        EVIL_FILE: DocResult(EVIL_FILE, "pdf_typed", 2, "en", "Austria", (
            a("country", "Austria", 0.99), a("ncm_exists", "yes"), a("nap_exists", "yes"), a("nrm_exists", "no"),
            a("ncm_body_name", BODY, 0.5, evidence=EVIDENCE, note=NOTE),
            a("ncm_coordinator", "\t=1+1", 0.5, evidence="\r=1+1"),
            a("ncm_established_year_other", "-5", 0.5),  # a number-like text stays as it is
        ), unknown_names=(("ministry", UNKNOWN),), unreadable_pages=((2, REASON),)),
    }


def spreadsheet_cells(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert len({len(r) for r in rows}) == 1, f"{path.name}: a row was cut"
    return [cell for row in rows for cell in row]


def assert_inert_csv(path: Path) -> list[str]:
    cells = spreadsheet_cells(path)
    live = [c for c in cells if formula_like(c)]
    assert not live, f"{path.name}: {live}"
    return cells


def assert_inert_xlsx(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name).decode()
                assert "<f>" not in xml and "<f " not in xml, f"{path.name}: a formula in {name}"
    texts = []
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                    if formula_like(cell.value):
                        assert cell.data_type == "s" and cell.quotePrefix, f"{path.name} {ws.title}!{cell.coordinate}"
    return texts


@pytest.fixture
def dataset_with_payloads(tmp_path):
    s = Settings()
    s.review.audit_share = 0.0
    s.review.required = ["ncm_exists", "nap_exists", "nrm_exists"]
    data = tmp_path / "normalized"
    write_run(data, results(), {BAD_FILE: REASON}, s)
    store = CorrectionStore(f"sqlite:///{data / 'corrections.sqlite'}")
    store.add("evil", "ncm_coordinator", "correct", "\t=1+1", CORRECTION, "\r=1+1", "Anna", note=UNKNOWN)
    publish(data, store)
    yield data, store, s
    store.close()


def test_helper_rule():
    for payload in ("=1+1", "+A1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "-", "+"):
        assert safe_text(payload) == "'" + payload and unquote_text(safe_text(payload)) == payload
    for plain in ("-5", "+3.5", "-1e3", "2004", "plain", "'quoted'", "", None, -5, 0.5):
        assert safe_text(plain) == plain and unquote_text(plain) == plain
    # a text that itself starts with an apostrophe before a formula survives the round trip
    assert unquote_text(safe_text("'=1")) == "'=1"


def test_every_dataset_csv_is_inert_and_numbers_stay_numbers(dataset_with_payloads):
    data, _store, _s = dataset_with_payloads
    seen = set()
    for name in ("answers.csv", "responses.csv", "review_queue.csv", "submissions.csv", "failures.csv",
                 "unknown_names.csv"):
        cells = assert_inert_csv(data / name)
        seen |= {unquote_text(c) for c in cells if c.startswith("'")}
    # each payload reached a CSV, quoted: answers/review_queue (value, evidence, note, the
    # correction), submissions (the file name), failures (file, reason), unknown_names (the name)
    assert PAYLOADS <= seen
    answers = spreadsheet_cells(data / "answers.csv")
    assert "\n=1+1" in answers  # the evidence "\r=1+1": its carriage return cannot cut the row
    assert "-5" in answers and "'-5" not in answers
    assert "'" + CORRECTION in answers and "'" + BODY in answers
    assert "'" + UNKNOWN in spreadsheet_cells(data / "unknown_names.csv")
    assert {"'" + REASON, "'" + BAD_FILE} <= set(spreadsheet_cells(data / "failures.csv"))


def test_the_products_readers_see_the_original_text(dataset_with_payloads, monkeypatch):
    from questionnaire_returns.write import ledger
    from questionnaire_returns.write import dataset

    data, _store, s = dataset_with_payloads
    assert EVIL_FILE in ledger.previous_hashes(data / "submissions.csv")  # a rerun knows the file
    assert ledger.previous_ids(data / "submissions.csv")[EVIL_FILE] == "evil"
    before = (data / "submissions.csv").read_bytes()
    failures_before = (data / "failures.csv").read_bytes()
    monkeypatch.setattr(dataset, "_now", lambda: "2099-01-01T00:00:00+00:00")
    write_run(data, results(), {BAD_FILE: REASON}, s)  # the ledger and failures.csv read back
    assert (data / "submissions.csv").read_bytes() == before  # same ids for '@evil.pdf'
    assert (data / "failures.csv").read_bytes() == failures_before  # same first-seen times


def test_report_csv_and_xlsx_are_inert(dataset_with_payloads, tmp_path):
    from questionnaire_returns.report.build import build_report

    data, _store, _s = dataset_with_payloads
    files = build_report(data, tmp_path / "report", required=["ncm_exists", "nap_exists", "nrm_exists"])
    csvs = [path for path in files.values() if path.suffix == ".csv"]
    assert len(csvs) >= 6  # the tables, figures.csv, data_quality.csv
    for path in csvs:
        assert_inert_csv(path)
    texts = assert_inert_xlsx(files["xlsx"])
    assert BODY in texts  # the report read answers.csv's original text, not the quoted one


def test_review_export_and_rejected_rows_are_inert(dataset_with_payloads, tmp_path):
    data, store, _s = dataset_with_payloads
    out = tmp_path / "queue.xlsx"
    assert export_queue(data, out, store) >= 1
    texts = assert_inert_xlsx(out)
    assert BODY in texts and EVIDENCE in texts and NOTE in texts
    report = ImportReport(str(out), rejected=[RejectedRow(2, EVIL_FILE, "ncm_body_name", REASON)])
    rejected = tmp_path / "rejected.csv"
    report.write_csv(rejected)
    assert {"'" + EVIL_FILE, "'" + REASON} <= set(assert_inert_csv(rejected))


def test_a_character_no_workbook_can_hold_is_written_as_a_space(tmp_path):
    # a PDF's text layer may carry pdfium's U+FFFE or a control character: the workbook is still written
    from openpyxl import Workbook
    from questionnaire_returns.write.cells import put_xlsx
    wb = Workbook()
    put_xlsx(wb.active, 1, 1, "inter\ufffedepartmental\x01 group")
    wb.save(tmp_path / "x.xlsx")
    assert load_workbook(tmp_path / "x.xlsx").active.cell(1, 1).value == "inter departmental  group"


def test_pdfium_s_hyphen_at_a_line_break_is_read_as_a_hyphen():
    from questionnaire_returns.read.pdf_text import clean
    assert clean("National Anti\ufffeTrafficking Co-ordinator") == "National Anti-Trafficking Co-ordinator"
    assert clean("anti\x02trafficking\x01") == "anti-trafficking "
