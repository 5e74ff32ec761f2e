"""compilation.html / compilation.xlsx: the sample returns' answers by question, each linked to its
evidence, filtered by section and country."""

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from openpyxl import load_workbook

from questionnaire_returns.write import ledger
from questionnaire_returns.config import settings
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.pipeline import process_file
from questionnaire_returns.report.build import build_report
from questionnaire_returns.write.cells import read_csv
from questionnaire_returns.write.dataset import write_run
from synthetic_returns import write_samples
from tests.test_report import CHROMIUM, CHROMIUM_ARGS

REVIEW_URL = "http://127.0.0.1:8765"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The demo set of returns (returns samples), read and written as an ingest does, and its report."""
    root = tmp_path_factory.mktemp("sample")
    raw, data = root / "raw", root / "normalized"
    write_samples(raw)
    paths = ledger.list_raw(raw)
    results = {}
    for path in paths:
        doc = process_file(path, raw)
        results[doc.source_file] = doc
    write_run(data, results, {}, settings(), [ledger.file_info(p, raw) for p in paths])
    files = build_report(data, raw_dir=raw, review_url=REVIEW_URL)
    return {"raw": raw, "data": data, "files": files}


def _answered(data: Path) -> set[tuple[str, str]]:
    answers = read_csv(data / "answers.csv")
    return {(s, f) for s, f, v in zip(answers["submission_id"], answers["field"], answers["value"]) if v}


def _rows(path: Path) -> list[dict]:
    ws = load_workbook(path)["Answers by question"]
    header = [c.value for c in ws[1]]
    return [dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)]


def test_every_answered_field_of_every_current_return_is_listed(sample):
    answered = _answered(sample["data"])
    current = set(read_csv(sample["data"] / "submissions.csv").query("status == 'return'")["submission_id"])
    assert len(current) == 10 and {s for s, _ in answered} == current
    html = sample["files"]["compilation_html"].read_text(encoding="utf-8")
    for sid, field in answered:
        assert f'data-field="{field}" data-submission="{sid}"' in html, (sid, field)
    rows = _rows(sample["files"]["compilation_xlsx"])
    listed = set()
    for r in rows:
        query = parse_qs(urlparse(r["review link"]).query)
        listed.add((query["s"][0], query["f"][0]))
    assert answered <= listed


def test_answers_are_grouped_by_question_in_the_form_s_order(sample):
    rows = _rows(sample["files"]["compilation_xlsx"])
    order = {f: i for i, f in enumerate(CONTRACT.fields)}
    positions = [order[r["field"]] for r in rows]
    questions = [r["question"] or "" for r in rows]
    # the submission fields first, then question by question as the form prints them
    printed = [""] + [q.number for q in CONTRACT.questions.values()]
    assert [printed.index(q) for q in questions] == sorted(printed.index(q) for q in questions)
    for r in rows:
        spec = CONTRACT.field(r["field"])
        assert (r["section"], r["question"] or "") == ((CONTRACT.questions[spec.question].section, CONTRACT.questions[spec.question].number)
                                                       if spec.question else ("return", ""))
    assert positions  # something listed
    austria = next(r for r in rows if r["country"] == "Austria" and r["field"] == "ncm_type")
    assert austria["label"] and austria["status"] in ("auto", "review") and 0 < austria["confidence"] <= 1
    assert austria["text"]  # the return's own words


def test_each_answer_links_to_the_review_app_and_its_file_and_page(sample):
    out = sample["files"]["compilation_html"].parent
    rows = _rows(sample["files"]["compilation_xlsx"])
    for r in rows:
        assert r["review link"].startswith(REVIEW_URL + "/item?")
        if r["source file"]:
            target, _, fragment = r["file link"].partition("#")
            resolved = (out / unquote(target)).resolve()
            assert resolved == (sample["raw"] / r["source file"].split("::")[0]).resolve()
            if r["source file"].endswith(".pdf") and r["page"]:
                assert fragment == f"page={r['page']}"
    html = sample["files"]["compilation_html"].read_text(encoding="utf-8")
    assert str(sample["raw"]) not in html and str(out) not in html  # no local path written into the page
    wb = load_workbook(sample["files"]["compilation_xlsx"])
    ws = wb["Answers by question"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    assert ws.cell(row=2, column=14).hyperlink is not None


def test_no_review_app_configured_leaves_the_file_links(sample, tmp_path):
    files = build_report(sample["data"], tmp_path, raw_dir=sample["raw"], review_url="")
    rows = _rows(files["compilation_xlsx"])
    assert all(not r["review link"] for r in rows)
    assert any(r["file link"] for r in rows)


@pytest.mark.browser
def test_filters_by_section_and_country_in_a_browser(sample):
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian chromium is needed at /usr/bin/chromium"
    errors: list[str] = []
    answered = _answered(sample["data"])
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(sample["files"]["compilation_html"].resolve().as_uri(), wait_until="load")
            total = page.locator("tr.answer").count()
            assert total >= len(answered)
            page.select_option("#filter-country", "Austria")
            visible = page.locator("tr.answer:visible")
            assert visible.count() > 0
            assert set(visible.evaluate_all("rs => rs.map(r => r.dataset.country)")) == {"Austria"}
            page.select_option("#filter-section", "B")
            sections = page.locator("section.question:visible").evaluate_all("s => s.map(x => x.dataset.section)")
            assert sections and set(sections) == {"B"}
            assert set(page.locator("tr.answer:visible").evaluate_all("rs => rs.map(r => r.dataset.country)")) == {"Austria"}
            page.select_option("#filter-country", "")
            page.select_option("#filter-section", "")
            assert page.locator("tr.answer:visible").count() == total
        finally:
            browser.close()
    assert errors == []

