"""Survey cycles: returns in raw/2007/ and raw/2009/ are each current in their cycle, every output says
which cycle, the report summarises one cycle, and the comparison lists every field that changed."""

import csv

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from questionnaire_returns.write import ledger
from questionnaire_returns.cli import app
from questionnaire_returns.config import Settings
from questionnaire_returns.pipeline import DocResult
from questionnaire_returns.records import Answer
from questionnaire_returns.report.build import build_report
from questionnaire_returns.report.data import ReportDataError
from questionnaire_returns.write.cells import read_csv
from questionnaire_returns.write.dataset import write_run

BASE = {"respondent_type": "participating_state", "ncm_exists": "yes", "nap_exists": "yes", "nrm_exists": "no"}
RETURNS = {
    "2007/Austria_reply.pdf": ("Austria", {**BASE, "ncm_type": "both", "nap_year": "2006", "ncm_budget": "no"}),
    "2007/Malta_reply.pdf": ("Malta", {**BASE, "ncm_exists": "no", "nap_exists": "no"}),
    "2007/Norway_reply.pdf": ("Norway", {**BASE, "nrm_exists": "yes"}),
    # 2009: Austria sends a reply, then a revision of it (the revision is current within 2009)
    "2009/Austria_reply.pdf": ("Austria", {**BASE, "ncm_type": "coordinator", "nap_year": "2006"}),
    "2009/Austria_reply_REV1.pdf": ("Austria", {**BASE, "ncm_type": "working_group", "nap_year": "2009",
                                                "nrm_type": "other", "nrm_exists": "yes"}),
    "2009/Malta_reply.pdf": ("Malta", {**BASE, "ncm_exists": "no", "nap_exists": "no"}),
}
# what changed between each country's current returns (2007 -> 2009)
CHANGED = {("Austria", "ncm_type"), ("Austria", "nap_year"), ("Austria", "ncm_budget"),
           ("Austria", "nrm_exists"), ("Austria", "nrm_type")}


def _doc(sf, country, values):
    answers = tuple(Answer(f, v, 0.95, "rule.x", f"{f}: {v}", page=1, source_file=sf)
                    for f, v in {"country": country, **values}.items())
    return DocResult(sf, "pdf_typed", 1, "en", country, answers)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("normalized")
    results = {sf: _doc(sf, c, v) for sf, (c, v) in RETURNS.items()}
    # the 2007 files arrived last (copied in after the 2009 ones): time alone would supersede 2009 by 2007
    files = [ledger.FileInfo(sf, sf, 100, ("2010" if sf.startswith("2007") else "2009") + "-01-01T00:00:00+00:00")
             for sf in RETURNS]
    s = Settings()
    s.review.audit_share = 0.0
    write_run(folder, results, {}, s, files)
    return folder


def test_each_cycle_keeps_its_own_current_returns(data):
    rows = {r["source_file"]: r for r in read_csv(data / "submissions.csv").to_dict("records")}
    status = {sf: r["status"] for sf, r in rows.items()}
    assert status == {
        "2007/Austria_reply.pdf": "return", "2007/Malta_reply.pdf": "return", "2007/Norway_reply.pdf": "return",
        "2009/Austria_reply.pdf": "superseded", "2009/Austria_reply_REV1.pdf": "return", "2009/Malta_reply.pdf": "return",
    }
    assert rows["2009/Austria_reply.pdf"]["reason"] == "superseded by 2009/Austria_reply_REV1.pdf"
    assert {sf: r["cycle"] for sf, r in rows.items()} == {sf: sf[:4] for sf in RETURNS}


def test_every_output_has_the_cycle(data):
    responses = read_csv(data / "responses.csv")
    assert sorted(zip(responses["cycle"], responses["country"])) == [
        ("2007", "Austria"), ("2007", "Malta"), ("2007", "Norway"), ("2009", "Austria"), ("2009", "Malta")]
    answers = read_csv(data / "answers.csv")
    assert set(zip(answers["submission_id"].str[:4], answers["cycle"])) == {("2007", "2007"), ("2009", "2009")}
    import pandas as pd

    assert set(pd.read_parquet(data / "extracted.parquet")["cycle"]) == {"2007", "2009"}
    assert "cycle" in read_csv(data / "review_queue.csv").columns


def test_cycle_folder_rule():
    assert ledger.cycle_of("2009/Austria.pdf") == "2009"
    assert ledger.cycle_of("2009/mail.eml::reply.pdf") == "2009"
    assert ledger.cycle_of("Austria.pdf") == ""
    assert ledger.cycle_of("inbox/2009/Austria.pdf") == "2009"
    assert ledger.cycle_of("returns 2009/Austria.pdf") == ""  # the whole folder name is the cycle
    assert ledger.cycle_of("round-2/Austria.pdf", r"round-\d", "round-1") == "round-2"
    assert ledger.cycle_of("Austria.pdf", r"round-\d", "round-1") == "round-1"


def test_without_cycle_folders_a_later_reply_still_supersedes():
    files = [ledger.FileInfo("Austria_reply.pdf", "a", 1, "2009-01-01"), ledger.FileInfo("Austria_new.pdf", "b", 1, "2010-01-01")]
    results = {f.source_file: _doc(f.source_file, "Austria", BASE) for f in files}
    rows, _ = ledger.build(files, results, {})
    assert {r["source_file"]: r["status"] for r in rows} == {"Austria_reply.pdf": "superseded", "Austria_new.pdf": "return"}


def _figures(path):
    with path.open(encoding="utf-8") as fh:
        return {r["figure"]: r for r in csv.DictReader(fh)}


def test_report_summarises_one_cycle_the_latest_by_default(data, tmp_path):
    latest = build_report(data, tmp_path / "latest", required=("ncm_exists", "nap_exists", "nrm_exists"))
    first = build_report(data, tmp_path / "first", required=("ncm_exists", "nap_exists", "nrm_exists"), cycle="2007")
    assert _figures(latest["figures"])["ncm_exists"]["denominator"] == "2"  # Austria and Malta in 2009
    assert _figures(first["figures"])["ncm_exists"]["denominator"] == "3"
    assert _figures(first["figures"])["ncm_exists"]["numerator"] == "2"
    with pytest.raises(ReportDataError, match="2011"):
        build_report(data, tmp_path / "none", cycle="2011")
    result = CliRunner().invoke(app, ["report", "--data", str(data), "--out", str(tmp_path / "cli"), "--cycle", "2007"])
    assert result.exit_code == 0, result.output
    assert _figures(tmp_path / "cli" / "figures.csv")["ncm_exists"]["denominator"] == "3"


def test_comparison_lists_every_changed_field_and_the_figures_per_cycle(data, tmp_path):
    files = build_report(data, tmp_path, required=("ncm_exists", "nap_exists", "nrm_exists"))
    wb = load_workbook(files["comparison_xlsx"])
    ws = wb["Fields"]
    header = [c.value for c in ws[1]]
    assert header == ["country", "field", "question", "2007", "2009", "change"]
    rows = [dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)]
    changed = {(r["country"], r["field"]) for r in rows if r["change"] != "same"}
    assert changed == CHANGED
    by = {(r["country"], r["field"]): r for r in rows}
    assert (by[("Austria", "ncm_type")]["2007"], by[("Austria", "ncm_type")]["2009"]) == \
        ("co-ordinator and working group", "working group only")
    assert by[("Austria", "ncm_budget")]["change"] == "dropped"
    assert by[("Austria", "nrm_type")]["change"] == "new"
    assert by[("Norway", "nrm_exists")]["2009"] == "(no return)" and by[("Norway", "nrm_exists")]["change"] == "same"
    figures = {r[0]: r for r in wb["Figures"].iter_rows(min_row=2, values_only=True)}
    # figure, label, then numerator, denominator, share for 2007 and for 2009
    assert figures["ncm_exists"][2:] == (2, 3, 66.7, 1, 2, 50.0)
    html = files["comparison_html"].read_text(encoding="utf-8")
    for country, field in CHANGED:
        assert f'data-country="{country}" data-field="{field}"' in html
    assert 'data-field="ncm_exists"' not in html  # unchanged fields are in the workbook only
    assert "2/3 = 66.7%" in html and "1/2 = 50.0%" in html


def _dated(sf, country, date, **values):
    return _doc(sf, country, {**BASE, "submitted_on": date, **values})


def test_rounds_that_share_one_folder_are_each_current_in_a_cycle_of_their_year(tmp_path):
    # no cycle folders: Spain answered in 2007, again in 2009 and in 2011; Andorra sent a revision two months
    # after its reply (same round), then answered the 2009 round
    docs = [_dated("ES_reply_2007.pdf", "Spain", "2007-06-01", nap_year="2006"),
            _dated("Espana_2009.pdf", "Spain", "2009-03-10", nap_year="2008"),
            _dated("Espana_2011.tif", "Spain", "2011-02-01", nap_year="2010"),
            _dated("Andorra_reply.pdf", "Andorra", "2007-11-20"),
            _dated("Andorra_reply_REV1.pdf", "Andorra", "2008-01-22"),
            _dated("Andorra_form_2009.pdf", "Andorra", "2009-05-05"),
            _dated("Malta_reply.pdf", "Malta", "2007-05-01")]
    results = {d.source_file: d for d in docs}
    files = [ledger.FileInfo(sf, sf, 100, "2012-01-01T00:00:00+00:00") for sf in results]
    s = Settings()
    s.review.audit_share = 0.0
    write_run(tmp_path, results, {}, s, files)
    rows = {r["source_file"]: (r["status"], r["cycle"]) for r in read_csv(tmp_path / "submissions.csv").to_dict("records")}
    assert rows == {"ES_reply_2007.pdf": ("return", "2007"), "Espana_2009.pdf": ("return", "2009"),
                    "Espana_2011.tif": ("return", "2011"), "Andorra_reply.pdf": ("superseded", "2007"),
                    "Andorra_reply_REV1.pdf": ("return", "2007"), "Andorra_form_2009.pdf": ("return", "2009"),
                    "Malta_reply.pdf": ("return", "")}
    answers = read_csv(tmp_path / "answers.csv")
    years = {(r["source_file"], r["cycle"]): r["value"] for r in answers.to_dict("records") if r["field"] == "nap_year"}
    assert years == {("ES_reply_2007.pdf", "2007"): "2006", ("Espana_2009.pdf", "2009"): "2008",
                     ("Espana_2011.tif", "2011"): "2010"}
    # with the gap set to 0 a later reply supersedes, as before
    s.cycles.round_gap_days = 0
    write_run(tmp_path / "plain", results, {}, s, files)
    plain = {r["source_file"]: r["status"] for r in read_csv(tmp_path / "plain" / "submissions.csv").to_dict("records")}
    assert [sf for sf, st in plain.items() if st == "return"] == ["Andorra_form_2009.pdf", "Espana_2011.tif", "Malta_reply.pdf"]
