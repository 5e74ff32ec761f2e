"""The report kept current: rebuilt at the end of every ingest run, and from the review app, whose
pages say it is stale after a save until someone rebuilds it."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
pytest_plugins = ["conftest_review"]
pytest.register_assert_rewrite("conftest_review")

from conftest_review import client_for  # noqa: E402
from questionnaire_returns.report.rebuild import is_stale, rebuild  # noqa: E402
from questionnaire_returns.review.app import create_app  # noqa: E402


@pytest.fixture
def app(dataset, publish_module):
    return create_app(dataset.data, dataset.raw, dataset.store_url)


def _save(client, sub, field, value):
    return client.post("/save", data={"s": sub, "f": field, "action": "correct", "value": value,
                                      "base_version": "", "csrf": client.csrf}, follow_redirects=False)


def test_a_save_makes_the_report_stale_until_it_is_rebuilt_in_the_app(app, dataset):
    client = client_for(app)
    assert 'id="report-stale"' not in client.get("/queue").text  # no dataset published yet
    assert _save(client, "at-2007", "ncm_legal_basis", "decree").status_code == 303
    html = client.get("/queue").text
    assert 'id="report-stale"' in html and "Rebuild report" in html
    assert is_stale(dataset.data)

    # a form without the session's token rebuilds nothing
    r = client.post("/rebuild-report", data={"csrf": "forged", "next": "/queue"}, follow_redirects=False)
    assert r.status_code == 403 and not (dataset.data / "report" / "report.html").exists()

    r = client.post("/rebuild-report", data={"csrf": client.csrf, "next": "/queue?country=Austria"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/queue?country=Austria"
    report = dataset.data / "report"
    assert (report / "report.html").exists() and (report / "compilation.html").exists()
    assert not is_stale(dataset.data)
    assert 'id="report-stale"' not in client.get("/queue").text
    # the rebuilt report holds the save
    assert "decree" in (report / "compilation.html").read_text(encoding="utf-8")

    time.sleep(0.01)
    assert _save(client, "mt-2007", "report_frequency", "annual").status_code == 303
    assert 'id="report-stale"' in client.get("/queue").text


def test_rebuild_never_redirects_off_site(app):
    client = client_for(app)
    _save(client, "at-2007", "ncm_legal_basis", "decree")
    r = client.post("/rebuild-report", data={"csrf": client.csrf, "next": "//evil.example/x"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/queue"


def test_a_report_that_cannot_be_built_says_why_and_raises_nothing(tmp_path):
    (tmp_path / "answers.csv").write_text("this,is\nnot,the dataset\n", encoding="utf-8")
    error = rebuild(tmp_path)
    assert error and "field and value" in error
    assert is_stale(tmp_path)


def test_ingest_rebuilds_the_report(prefect_harness, standin, small_raw, tmp_path):
    from flows.ingest import ingest

    out = tmp_path / "normalized"
    summary = ingest(raw=small_raw, out=out, runner="thread")
    assert summary["report_error"] is None
    assert (out / "report" / "report.html").exists() and (out / "report" / "compilation.html").exists()
    assert not is_stale(out)


def test_an_ingest_with_the_process_pool_leaves_the_whole_report_current(prefect_harness, tmp_path):
    """With the process runner a part of the report is built in a process beside the flow's: the
    report and the compilation are there all the same, of this run's answers."""
    import csv

    from flows.ingest import ingest
    from synthetic_returns import generate_corpus

    raw, out = tmp_path / "raw", tmp_path / "normalized"
    generate_corpus(raw, n=3, seed=5, forms=["txt"], languages=["en"], key_path=tmp_path / "key.json")
    summary = ingest(raw=raw, out=out, runner="process")
    assert summary["report_error"] is None
    assert not is_stale(out)
    with (out / "responses.csv").open(encoding="utf-8", newline="") as fh:
        countries = {r["country"] for r in csv.DictReader(fh)}
    assert countries
    compilation = (out / "report" / "compilation.html").read_text(encoding="utf-8")
    report = (out / "report" / "report.html").read_text(encoding="utf-8")
    for country in countries:
        assert country in compilation and country in report
    assert (out / "report" / "compilation.xlsx").stat().st_size > 0


def test_a_rebuild_from_unchanged_data_builds_nothing_and_a_change_rebuilds(tmp_path, monkeypatch):
    """A no-change rerun's report step: the same published answers give the report already there
    (not drawn again); new answers, or a report file written since, give a new build."""
    from questionnaire_returns.report import build as build_module
    from questionnaire_returns.report.example import write_example

    write_example(tmp_path, seed=7)
    builds = []
    real = build_module.build_report
    monkeypatch.setattr(build_module, "build_report", lambda *a, **k: builds.append(1) or real(*a, **k))
    html = tmp_path / "report" / "report.html"

    assert rebuild(tmp_path, tmp_path) is None and len(builds) == 1
    first = html.read_bytes()
    answers = tmp_path / "answers.csv"
    answers.write_bytes(answers.read_bytes())  # rewritten with the same bytes, as a rerun does
    assert rebuild(tmp_path, tmp_path) is None and len(builds) == 1
    assert html.read_bytes() == first and not is_stale(tmp_path)

    write_example(tmp_path, seed=8)  # other answers
    assert rebuild(tmp_path, tmp_path) is None and len(builds) == 2

    html.write_text("edited by hand", encoding="utf-8")
    assert rebuild(tmp_path, tmp_path) is None and len(builds) == 3
    assert "edited by hand" not in html.read_text(encoding="utf-8")

    assert rebuild(tmp_path, tmp_path / "elsewhere") is None and len(builds) == 4  # links to another raw folder
