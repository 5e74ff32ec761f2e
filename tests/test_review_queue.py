"""A queue worked fast: filters (reason, confidence, field, country, language, status),
sort by any column, search, bulk accept with a single save's checks, labels beside codes."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).parent))
pytest_plugins = ["conftest_review"]
pytest.register_assert_rewrite("conftest_review")

from conftest_review import client_for  # noqa: E402
from questionnaire_returns.review.app import create_app  # noqa: E402


@pytest.fixture
def app(dataset, publish_module):
    return create_app(dataset.data, dataset.raw, dataset.store_url)


def shown(client, **params) -> list[tuple[str, str]]:
    r = client.get("/queue", params=params)
    assert r.status_code == 200, r.text
    return re.findall(r'data-key="([^"|]+)\|([^"]+)"', r.text)


def test_filters(app):
    client = client_for(app)
    assert shown(client, reason="unknown_name") == [("at-2007", "ncm_ministries")]
    assert shown(client, reason="audit") == []
    assert shown(client, cmin="0.5", cmax="0.6") == [("mt-2007", "report_frequency"), ("at-2007", "ncm_exists"),
                                                     ("at-2007", "nrm_exists")]
    assert shown(client, field="ncm_exists", country="Malta") == [("mt-2007", "ncm_exists")]
    assert len(shown(client, language="en")) == 6 and shown(client, language="ru") == []


def test_language_filter(sources_dataset, publish_module):
    client = client_for(create_app(sources_dataset.data, sources_dataset.raw, sources_dataset.store_url))
    assert shown(client, language="ru") == [("ru-2007", "ncm_exists")]
    assert 'value="ru"' in client.get("/queue").text


def test_status_filter_reads_confirmed_and_corrected(app):
    client = client_for(app)
    client.post("/save", data={"s": "at-2007", "f": "ncm_exists", "action": "accept", "base_version": "",
                               "csrf": client.csrf})
    client.post("/save", data={"s": "at-2007", "f": "ncm_legal_basis", "action": "correct", "value": "policy",
                               "base_version": "", "csrf": client.csrf})
    assert shown(client, status="confirmed") == [("at-2007", "ncm_exists")]
    assert shown(client, status="corrected") == [("at-2007", "ncm_legal_basis")]
    everything = shown(client, status="all")
    assert ("at-2007", "ncm_type") in everything and len(everything) == 9
    assert ("at-2007", "ncm_exists") not in shown(client)  # the default queue: what is still in review
    # the export follows the queue's slice and says each row's status
    ws = load_workbook(io.BytesIO(client.get("/export.xlsx", params={"status": "all"}).content))["queue"]
    header = [c.value for c in ws[1]]
    statuses = {ws.cell(r, header.index("field") + 1).value + "@" + ws.cell(r, 1).value:
                ws.cell(r, header.index("status") + 1).value for r in range(2, ws.max_row + 1)}
    assert statuses["ncm_exists@at-2007"] == "confirmed" and statuses["ncm_legal_basis@at-2007"] == "corrected"


def test_sort_by_any_column(app):
    client = client_for(app)
    default = shown(client)
    assert default[0] == ("at-2007", "ncm_legal_basis")  # lowest confidence first
    assert shown(client, sort="confidence", dir="desc") == list(reversed(default))
    assert [s for s, _ in shown(client, sort="country", dir="desc")][:2] == ["mt-2007", "mt-2007"]
    assert [f for _, f in shown(client, sort="field")] == sorted(f for _, f in default)
    assert [f for _, f in shown(client, sort="question")][:2] == ["ncm_exists", "ncm_exists"]  # Q1 first
    html = client.get("/queue", params={"sort": "field"}).text
    assert 'id="sort-field"' in html and "sorted-asc" in html
    assert "sort=field&amp;dir=desc" in html  # its header now sorts the other way


def test_search(app):
    client = client_for(app)
    assert shown(client, q="council of ministers") == [("at-2007", "ncm_legal_basis")]  # evidence, any case
    assert shown(client, q="decree / resolution") == [("at-2007", "ncm_legal_basis")]  # a value's label
    assert shown(client, q="Vice Squad") == [("at-2007", "ncm_ministries")]
    assert shown(client, q="nothing matches this") == []


def test_labels_beside_codes(app):
    client = client_for(app)
    queue = client.get("/queue").text
    assert re.search(r"<code>decree</code> <span class=\"label\">decree / resolution</span>", queue)
    item = client.get("/item", params={"s": "at-2007", "f": "ncm_legal_basis"}).text
    assert '<option value="policy" >policy — policy / recommended action</option>' in item
    assert 'id="value-label">decree / resolution<' in item
    item = client.get("/item", params={"s": "at-2007", "f": "ncm_ministries"}).text
    assert re.search(r'value="social"\s*> social <span class="label">Social Affairs</span>', item)


def test_bulk_accept_with_the_checks_of_a_single_save(app, dataset):
    client, other = client_for(app, "Anna"), client_for(app, "Ben")
    # Ben saves one of the fields after Anna's queue was shown: its version moved on
    other.post("/save", data={"s": "mt-2007", "f": "report_frequency", "action": "correct", "value": "biennial",
                              "base_version": "", "csrf": other.csrf})
    r = client.post("/bulk-accept", data={"csrf": client.csrf, "country": "", "keys": [
        "at-2007|ncm_exists|", "at-2007|nrm_exists|", "mt-2007|ncm_exists|",
        "at-2007|ncm_ministries|",  # its value names a ministry no table knows: refused, as a single save is
        "mt-2007|report_frequency|",  # saved by Ben since: refused
        "nowhere|ncm_exists|",
    ]})
    assert r.status_code == 200
    result = re.search(r'id="bulk-result".*?</div>', r.text, re.S).group(0)
    assert "3 accepted, 3 refused" in result
    assert "not in interior" in result and "Ben saved this field" in result and "no such submission or field" in result
    answers = pd.read_csv(dataset.data / "answers.csv", dtype=str, keep_default_na=False)
    status = {(s, f): st for s, f, st in zip(answers.submission_id, answers.field, answers.status)}
    assert [status[k] for k in [("at-2007", "ncm_exists"), ("at-2007", "nrm_exists"), ("mt-2007", "ncm_exists")]] == [
        "confirmed"] * 3
    assert status[("at-2007", "ncm_ministries")] == "review"
    assert {c.reviewer for c in app.state.store.all() if c.action == "accept"} == {"Anna"}
    assert client.post("/bulk-accept", data={"csrf": client.csrf}).status_code == 422  # nothing selected


def test_bulk_accept_keeps_the_queues_slice(app):
    client = client_for(app)
    r = client.post("/bulk-accept", data={"csrf": client.csrf, "country": "Malta", "sort": "field",
                                          "keys": ["mt-2007|ncm_exists|"]})
    assert r.status_code == 200 and "1 accepted" in r.text
    assert re.findall(r'data-key="([^"]+)"', r.text) == ["mt-2007|report_frequency"]
    assert '<input type="hidden" name="country" value="Malta">' in r.text


@pytest.mark.parametrize("params, says", [
    ({"cmin": "abc"}, "cmin must be a number from 0 to 1"),
    ({"cmax": "2"}, "cmax must be a number from 0 to 1"),
    ({"cmin": "nan"}, "cmin must be a number from 0 to 1"),
    ({"cmin": "0.8", "cmax": "0.2"}, "the confidence range is empty"),
    ({"sort": "password_hash"}, "sort must be one of"),
    ({"dir": "sideways"}, "dir must be asc or desc"),
    ({"status": "deleted"}, "status must be one of"),
    ({"reason": "because"}, "reason must be one of"),
    ({"q": "x" * 500}, "at most 200 printable characters"),
])
def test_bad_queue_parameters_are_a_422_with_the_reason(app, params, says):
    client = client_for(app)
    for path, extra in (("/queue", {}), ("/export.xlsx", {}), ("/item", {"s": "at-2007", "f": "ncm_exists"})):
        r = client.get(path, params={**params, **extra})
        assert r.status_code == 422 and says in r.text, (path, r.status_code)
