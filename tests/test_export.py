"""`returns export`: Stata and SPSS files with variable and value labels (read back with pyreadstat),
a typed Parquet file, an Excel workbook with typed, filterable sheets, CSVs with a BOM for Excel."""

import pandas as pd
import pyreadstat
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from questionnaire_returns.cli import app
from questionnaire_returns.config import Settings
from questionnaire_returns.export import export_dataset
from questionnaire_returns.pipeline import DocResult
from questionnaire_returns.records import Answer
from questionnaire_returns.write.dataset import write_run

LONG = "Die Koordinierungsstelle (Österreich) hat " + "Maßnahmen ergriffen; " * 250  # > 5,000 characters
FORMULA = "=HYPERLINK(\"http://x\")"


def _answers(sf, values):
    return tuple(Answer(f, v, 0.95, "rule.x", f"evidence {f}", page=1, source_file=sf) for f, v in values.items())


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    folder = tmp_path_factory.mktemp("data")
    results = {
        "at.pdf": DocResult("at.pdf", "pdf_typed", 2, "de", "Austria", _answers("at.pdf", {
            "country": "Austria", "respondent_type": "participating_state", "language": "de",
            "ncm_exists": "yes", "ncm_type": "both", "ncm_ministries": "interior;justice",
            "ncm_lead_ministry": "interior", "ncm_civil_society_share": "30",
            "ncm_established_year": "2004", "ncm_established_year_other": "2008;2010",
            "ncm_function": "advisory;policy_making", "ncm_achievements": LONG, "ncm_challenges": FORMULA,
            "nap_exists": "no", "nrm_exists": "yes",
        })),
        "ru.pdf": DocResult("ru.pdf", "pdf_typed", 1, "ru", "Russian Federation", _answers("ru.pdf", {
            "country": "Russian Federation", "respondent_type": "participating_state", "language": "ru",
            "ncm_exists": "no", "nap_exists": "yes", "nrm_exists": "no",
            "nap_review": "Оценка проводится ежегодно",
        })),
    }
    s = Settings()
    s.review.audit_share = 0.0
    s.review.threshold = 0.5
    write_run(folder, results, {}, s)
    export_dataset(folder)
    return folder


def _row(df, country):
    return df[df["country"] == country].iloc[0]


@pytest.mark.parametrize("name,reader", [("responses.dta", pyreadstat.read_dta), ("responses.sav", pyreadstat.read_sav)])
def test_stata_and_spss_carry_variable_and_value_labels(dataset, name, reader):
    df, meta = reader(str(dataset / "export" / name))
    at, ru = _row(df, "Austria"), _row(df, "Russian Federation")
    labels = meta.variable_value_labels
    assert {int(k): v for k, v in labels["ncm_exists"].items()} == {1: "yes", 0: "no"}
    assert labels["ncm_type"][at["ncm_type"]] == "co-ordinator and working group"
    assert labels["ncm_lead_ministry"][at["ncm_lead_ministry"]] == "Interior"
    assert labels["language"][ru["language"]] == "Russian"
    assert (at["ncm_exists"], ru["ncm_exists"]) == (1, 0)
    assert pd.isna(ru["ncm_type"])  # unanswered is missing, not a code
    # a list field: the ;-joined codes and one labelled 0/1 variable per code
    assert at["ncm_function"] == "advisory;policy_making"
    assert (at["ncm_function_advisory"], at["ncm_function_implementation"]) == (1, 0)
    assert pd.isna(ru["ncm_function_advisory"])
    assert labels["ncm_function_advisory"][1] == "named"
    var = meta.column_names_to_labels
    assert var["ncm_type"].startswith("Q2: nature of the mechanism")
    assert var["ncm_function_advisory"].endswith("advisory")
    assert var["ncm_civil_society_share"].startswith("Q3: percentage of members from civil society")
    # numbers are numbers; text is kept whole, any script, formula-like text as written
    assert (at["ncm_established_year"], at["ncm_civil_society_share"]) == (2004, 30)
    assert at["ncm_achievements"].strip() == LONG.strip()
    assert ru["nap_review"] == "Оценка проводится ежегодно"
    assert at["ncm_challenges"] == FORMULA


def test_stata_names_fit_with_their_value_labels(dataset):
    df, meta = pyreadstat.read_dta(str(dataset / "export" / "responses.dta"))
    assert all(len(c) <= 32 for c in df.columns)
    # the longest indicator names become the field and the code's number, still labelled by the code
    assert "nap_coverage_international_cooperation" not in df.columns
    assert meta.column_names_to_labels["nap_coverage_5"].endswith(": international co-operation")
    assert meta.column_names_to_labels["nap_coverage_other"].endswith(": other")
    assert "comprehensive_approach_defined" in df.columns


def test_parquet_is_typed(dataset):
    df = pd.read_parquet(dataset / "export" / "responses.parquet")
    at, ru = _row(df, "Austria"), _row(df, "Russian Federation")
    assert str(df["ncm_established_year"].dtype) in ("Int64", "int64")
    assert at["ncm_established_year"] == 2004 and pd.isna(ru["ncm_established_year"])
    assert at["ncm_exists"] is True or at["ncm_exists"] == True  # noqa: E712 - a numpy/pandas bool
    assert str(df["ncm_exists"].dtype) in ("boolean", "bool")
    assert list(at["ncm_ministries"]) == ["interior", "justice"]
    assert list(at["ncm_established_year_other"]) == [2008, 2010]
    assert at["ncm_civil_society_share"] == 30.0
    assert ru["ncm_ministries"] is None
    import pyarrow.parquet as pq

    schema = pq.read_schema(dataset / "export" / "responses.parquet")
    assert str(schema.field("ncm_exists").type) == "bool"
    assert str(schema.field("nap_year").type) == "int64"
    assert str(schema.field("ncm_function").type) == "list<element: string>"


def test_workbook_sheets_are_typed_filterable_and_formula_safe(dataset):
    wb = load_workbook(dataset / "export" / "dataset.xlsx")
    assert wb.sheetnames == ["responses", "answers", "dictionary"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    ws = wb["responses"]
    header = [c.value for c in ws[1]]
    rows = {r[header.index("country")]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["Austria"][header.index("ncm_established_year")] == 2004
    assert rows["Austria"][header.index("ncm_civil_society_share")] == 30
    assert rows["Russian Federation"][header.index("ncm_established_year")] is None
    cell = next(c for row in ws.iter_rows(min_row=2) for c in row if c.value == FORMULA)
    assert cell.data_type == "s" and cell.quotePrefix
    answers = wb["answers"]
    ah = [c.value for c in answers[1]]
    first = next(answers.iter_rows(min_row=2, values_only=True))
    assert isinstance(first[ah.index("confidence")], float) and isinstance(first[ah.index("page")], int)
    dictionary = {r[0]: r for r in wb["dictionary"].iter_rows(min_row=2, values_only=True)}
    assert "both = co-ordinator and working group" in dictionary["ncm_type"][6]
    assert dictionary["ncm_civil_society_share"][4] == "percent"


def test_csv_for_excel_has_a_bom_and_the_dataset_csv_does_not(dataset):
    assert (dataset / "export" / "answers.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (dataset / "export" / "responses.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert not (dataset / "answers.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    cells = pd.read_csv(dataset / "export" / "answers.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(cells.columns)[0] == "submission_id"
    assert cells["value"].str.contains("Österreich").any()
    assert "'" + FORMULA in set(cells["value"])  # formula-safe, as every CSV the product writes


def test_cli_writes_the_chosen_format_only(tmp_path, dataset):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["export", "--data", str(dataset), "--format", "stata", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["responses.dta"]
    bad = CliRunner().invoke(app, ["export", "--data", str(dataset), "--format", "sas"])
    assert bad.exit_code == 2 and "unknown format sas" in bad.output
    missing = CliRunner().invoke(app, ["export", "--data", str(tmp_path / "none")])
    assert missing.exit_code == 1 and "responses.csv" in missing.output
