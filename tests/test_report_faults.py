"""The report's faults found by its readers, each fixed: the annex tables and the charts agree on n,
a figure that cannot move is not flagged, no field id or local path in what is published, numbers
in report.xlsx are numbers, every sheet filters, the abbreviations are spelled out."""

import re

import pytest
from openpyxl import load_workbook

from questionnaire_returns.report import build_report
from questionnaire_returns.report.charts import chart_title
from questionnaire_returns.report.data import load_dataset
from questionnaire_returns.report.figures import GROUPS, compute_figures
from questionnaire_returns.report.tables import build_tables
from tests.test_report import read_csv, write_hand_dataset

REQUIRED = ["ncm_exists", "nap_exists", "nrm_exists"]
FIELD_ID = re.compile(r"\b(?:ncm|nap|nrm|report|reports|thb)_[a-z_]+\b")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("faults")
    data = write_hand_dataset(base / "normalized")
    files = build_report(data, base / "out", required=REQUIRED)
    return {"base": base, "data": data, "files": files}


def test_annex_tables_state_the_n_the_charts_use(built):
    ds = load_dataset(built["data"], REQUIRED)
    results = compute_figures(ds)
    html = built["files"]["html"].read_text(encoding="utf-8")
    for table in build_tables(ds):
        if table.id == "overview":
            continue
        group = next(g for g in GROUPS if g.population.key == table.id)
        n = int(re.search(r"n = (\d+)", chart_title(group, [r for r in results if r.spec.group == group.id])).group(1))
        assert table.counted == n, table.id
        assert f"({len(table.rows)} States: {n} {table.population}, the n of the figures" in html
    # the NAP annex lists 7 States: the 4 with a NAP the figures count, and 3 more (equivalents, Japan unanswered)
    assert "(7 States: 4 respondents with a NAP, the n of the figures, and 3 more" in html


def test_a_figure_that_cannot_move_is_not_flagged(built):
    html = built["files"]["html"].read_text(encoding="utf-8")
    assert "range 0.0–0.0%" not in html
    rows = {r["figure"]: r for r in read_csv(built["files"]["figures"])}
    assert rows["ncm_type.not_stated"]["range"] == "no field under review"
    assert rows["ncm_type.other"]["values_under_review"] == "2"  # one that can move still is


def test_no_field_id_stands_in_a_published_table(built):
    files = built["files"]
    for name in ("table_overview", "table_ncm", "table_nap", "table_nrm"):
        for row in read_csv(files[name]):
            assert not FIELD_ID.search(row["Under review"]), (name, row["Under review"])
    for row in read_csv(files["data_quality"]):
        assert not FIELD_ID.search(row["fields"] + row["missing_required"]), row
    html = files["html"].read_text(encoding="utf-8")
    quality = html[html.index('id="quality-figures"'):]
    assert "nap_coverage." not in quality and "Coverage of the national action plan: implementation timeline" in quality
    assert "Nature of the national co-ordination mechanism: working group only" in quality


def test_the_header_shows_no_local_path(built):
    html = built["files"]["html"].read_text(encoding="utf-8")
    assert str(built["base"]) not in html and "/tmp/" not in html
    assert "from the dataset's answers.csv" in html


def test_abbreviations_are_spelled_out(built):
    html = built["files"]["html"].read_text(encoding="utf-8")
    for short, long in (("NCM", "national co-ordination mechanism"), ("NAP", "national action plan"),
                        ("NRM", "national reporting mechanism")):
        assert f"<strong>{short}</strong>: {long}" in html


def test_xlsx_numbers_are_numbers_and_every_sheet_filters(built):
    wb = load_workbook(built["files"]["xlsx"])
    for ws in wb.worksheets:
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title
    figures = wb["Figures"]
    header = [c.value for c in figures[1]]
    share = {r[0]: r[header.index("share")] for r in figures.iter_rows(min_row=2, values_only=True)}
    assert share["ncm_exists"] == 75.0 and isinstance(share["ncm_type.coordinator"], float)
    overview = wb["Overview"]
    header = [c.value for c in overview[1]]
    years = {r[0]: r[header.index("NAP year")] for r in overview.iter_rows(min_row=2, values_only=True)}
    assert any(isinstance(y, int) and 1990 < y < 2030 for y in years.values())
    ncm = wb["NCM"]
    header = [c.value for c in ncm[1]]
    albania = next(r for r in ncm.iter_rows(min_row=2) if r[0].value == "Albania")
    cell = albania[header.index("Civil society share")]
    assert cell.value == pytest.approx(0.2) and "%" in cell.number_format
    # the CSVs keep the report's text
    assert next(r for r in read_csv(built["files"]["table_ncm"]) if r["Country"] == "Albania")["Civil society share"] == "20%"
