"""Values checked by their meaning, by the same rules in the app's form, its bulk accept
and the Excel import: country from the alias tables, ISO plausible dates, years within
config.yaml's reviewers.years; and the Excel import's refusals named row by row."""

from __future__ import annotations

import html
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
pytest_plugins = ["conftest_review"]
pytest.register_assert_rewrite("conftest_review")

from conftest_review import client_for  # noqa: E402
from questionnaire_returns.review.app import create_app  # noqa: E402
from questionnaire_returns.review.cli import review_app  # noqa: E402
from questionnaire_returns.review.excel import NotAWorkbook, export_queue, import_corrections  # noqa: E402
from questionnaire_returns.corrections.store import CorrectionStore  # noqa: E402

runner = CliRunner()
BAD = [
    ("country", "Atlantis", "is no State of the alias tables"),
    ("country", "Austira", "did you mean Austria?"),
    ("submitted_on", "banana", "must be a date written YYYY-MM-DD"),
    ("submitted_on", "2007-02-30", "is no date of the calendar"),
    ("submitted_on", "3020-01-01", "is in the future"),
    ("submitted_on", "1899-12-31", "must be a date from 1950 to 2035"),
    ("nap_year", "1800", "must be a year from 1950 to 2035"),
    ("nap_year", "2099", "must be a year from 1950 to 2035"),
    ("ncm_established_year_other", "2004;1800", "lists '1800', which must be a year from 1950 to 2035"),
    ("ncm_civil_society_share", "-5", "must be between 0 and 100"),
]


@pytest.fixture
def app(dataset, publish_module):
    return create_app(dataset.data, dataset.raw, dataset.store_url)


def save(client, sub, field, action, value=None, base=""):
    data = {"s": sub, "f": field, "action": action, "base_version": base, "csrf": client.csrf}
    if value is not None:
        data["value"] = value
    return client.post("/save", data=data, follow_redirects=False)


@pytest.mark.parametrize("field, value, reason", BAD)
def test_the_app_refuses_values_by_their_meaning(app, field, value, reason):
    client = client_for(app)
    r = save(client, "at-2007", field, "correct", value)
    assert r.status_code == 422 and reason in html.unescape(r.text)
    assert app.state.store.all() == []


def test_the_app_puts_good_values_in_their_dataset_form(app):
    client = client_for(app)
    assert save(client, "at-2007", "country", "correct", "Österreich").status_code == 303
    assert app.state.store.latest()[("at-2007", "country")].new_value == "Austria"
    for field, value in [("submitted_on", "2007-05-03"), ("nap_year", "2004"),
                         ("ncm_established_year_other", "2004, 2006")]:
        assert save(client, "at-2007", field, "correct", value).status_code == 303, field
    latest = app.state.store.latest()
    assert latest[("at-2007", "ncm_established_year_other")].new_value == "2004;2006"


def test_accepting_a_value_that_breaks_its_meaning_is_refused(app, dataset):
    from conftest_review import extracted_rows, write_extracted

    rows = extracted_rows()
    rows.append(dict(submission_id="mt-2007", country="Malta", field="nap_year", question="9", value="1812",
                     confidence=0.4, status="review", evidence="in 1812", source_file="", page=None, bbox="",
                     rule="test", note="low_confidence"))
    write_extracted(dataset.data, rows)
    client = client_for(app)
    r = save(client, "mt-2007", "nap_year", "accept")
    assert r.status_code == 422 and "Cannot accept" in r.text and "must be a year from 1950 to 2035" in r.text
    r = client.post("/bulk-accept", data={"keys": ["mt-2007|nap_year|", "mt-2007|ncm_exists|"], "csrf": client.csrf})
    assert r.status_code == 200
    assert "1 accepted, 1 refused" in r.text and "must be a year from 1950 to 2035" in r.text
    assert set(app.state.store.latest()) == {("mt-2007", "ncm_exists")}


def test_the_year_range_is_set_in_config(app, tmp_path, monkeypatch):
    from questionnaire_returns import config

    project = config.project_root()
    (tmp_path / "config.yaml").write_text(
        f"paths: {{canon: {project / 'canon'}}}\nreviewers: {{years: {{min: 2000, max: 2010}}}}\n", encoding="utf-8")
    monkeypatch.setenv("RETURNS_CONFIG", str(tmp_path / "config.yaml"))
    config.settings.cache_clear()
    try:
        client = client_for(app)
        r = save(client, "at-2007", "nap_year", "correct", "1999")
        assert r.status_code == 422 and "must be a year from 2000 to 2010" in r.text
        assert save(client, "at-2007", "nap_year", "correct", "2005").status_code == 303
    finally:
        monkeypatch.delenv("RETURNS_CONFIG")
        config.settings.cache_clear()


# ----------------------------------------------------------------------------- the Excel import

@pytest.fixture
def store(dataset):
    s = CorrectionStore(dataset.store_url)
    yield s
    s.close()


def workbook(dataset, store, tmp_path):
    out = tmp_path / "queue.xlsx"
    export_queue(dataset.data, out, store)
    wb = load_workbook(out)
    ws = wb["queue"]
    header = [c.value for c in ws[1]]
    return out, wb, ws, {h: i + 1 for i, h in enumerate(header)}


def add_row(ws, col, **cells):
    r = ws.max_row + 1
    for name, value in cells.items():
        ws.cell(r, col[name], value)
    return r


def test_the_import_checks_values_as_the_app_does(dataset, store, tmp_path):
    out, wb, ws, col = workbook(dataset, store, tmp_path)
    rows = {}
    for field, value, _reason in BAD:
        rows[(field, value)] = add_row(ws, col, submission_id="at-2007", field=field, new_value=value, reviewer="Anna")
    # a row as the export writes one for the country field (its value, evidence and extraction)
    good = add_row(ws, col, submission_id="at-2007", field="country", value="Austria", evidence="Republic of Austria",
                   extracted_value="Austria", new_value="Republik Österreich", reviewer="Anna")
    wb.save(out)
    report = import_corrections(out, store, data_dir=dataset.data)
    by_row = {r.row: r.reason for r in report.rejected}
    for field, value, reason in BAD:
        assert reason in by_row[rows[(field, value)]], (field, value, by_row.get(rows[(field, value)]))
    assert [(a.row, a.value) for a in report.applied] == [(good, "Austria")]


def test_orphan_rows_are_refused_whatever_their_exported_value(dataset, store, tmp_path):
    out, wb, ws, col = workbook(dataset, store, tmp_path)
    nowhere = add_row(ws, col, submission_id="atlantis-2007", field="ncm_exists", value="", new_value="yes", reviewer="Anna")
    unanswerable = add_row(ws, col, submission_id="atlantis-2007", field="ncm_exists", action="unanswerable",
                           reviewer="Anna")
    no_field = add_row(ws, col, submission_id="at-2007", field="ncm_colour", value="", new_value="blue", reviewer="Anna")
    dropped = add_row(ws, col, submission_id="at-2007", field="ncm_colour", action="unanswerable", reviewer="Anna")
    wb.save(out)
    report = import_corrections(out, store, data_dir=dataset.data)
    reasons = {r.row: r.reason for r in report.rejected}
    assert reasons[nowhere] == reasons[unanswerable] == "no submission 'atlantis-2007' in the dataset"
    assert reasons[no_field] == reasons[dropped] == "'ncm_colour' is not a field of the contract"
    assert not report.applied and store.all() == []


def test_the_summary_names_every_applied_and_refused_row(dataset, store, tmp_path):
    out, wb, ws, col = workbook(dataset, store, tmp_path)
    at = {(ws.cell(r, col["submission_id"]).value, ws.cell(r, col["field"]).value): r for r in range(2, ws.max_row + 1)}
    ws.cell(at[("at-2007", "ncm_legal_basis")], col["new_value"], "policy")
    ws.cell(at[("at-2007", "ncm_exists")], col["action"], "accept")
    ws.cell(at[("mt-2007", "ncm_exists")], col["new_value"], "perhaps")
    wb.save(out)
    r = runner.invoke(review_app, ["import", str(out), "--data", str(dataset.data), "--reviewer", "Anna", "--no-publish"])
    assert r.exit_code == 1
    lines = r.output.splitlines()
    assert f"  applied  row {at[('at-2007', 'ncm_legal_basis')]}: at-2007 ncm_legal_basis: correct 'policy'" in "\n".join(lines)
    assert any(line.startswith(f"  applied  row {at[('at-2007', 'ncm_exists')]}: at-2007 ncm_exists: accept 'yes'") for line in lines)
    assert any(line.startswith(f"  rejected row {at[('mt-2007', 'ncm_exists')]}: mt-2007 ncm_exists: 'perhaps'") for line in lines)


@pytest.mark.parametrize("name, content", [
    ("queue.csv", b"submission_id,field,new_value\nat-2007,ncm_exists,no\n"),
    ("queue.xlsx", b"submission_id,field,new_value\nat-2007,ncm_exists,no\n"),  # a CSV named .xlsx
    ("queue.xlsx", b"PK\x03\x04 not really a zip"),
    ("queue.xlsx", b""),
])
def test_a_file_that_is_no_workbook_is_refused_with_a_message(dataset, store, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(NotAWorkbook, match=r"not (an|a readable) \.xlsx workbook"):
        import_corrections(path, store, "Anna", data_dir=dataset.data)
    r = runner.invoke(review_app, ["import", str(path), "--data", str(dataset.data), "--reviewer", "Anna"])
    assert r.exit_code == 2 and "refused:" in r.output and "Traceback" not in r.output
    assert store.all() == []
