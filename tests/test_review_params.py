"""Every bad parameter is a 4xx with a message, never a 500: each route of the app is
probed with values an attacker or a broken link would send."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent))
pytest_plugins = ["conftest_review"]
pytest.register_assert_rewrite("conftest_review")

from conftest_review import REVIEW_PDF, client_for  # noqa: E402
from questionnaire_returns.review.app import create_app  # noqa: E402

NASTY = ["", "0", "-1", "99999999999999999999999999", "9223372036854775808", "nan", "NaN,1,2,3", "inf",
         "1e309", "-0", "\x00", "../../etc/passwd", "%00", "é" * 3, "x" * 5000, "a|b|c", "[]", "{}", "1,2,3",
         "1,2,3,nan", "inf,0,10,10", "1e308,1e308,1e308,1e308", "0.1", "3.5", "<script>", "'; drop table users;--"]
GETS = {
    "/queue": ["saved", "country", "field", "question", "reason", "language", "status", "cmin", "cmax", "q", "sort",
               "dir"],
    "/item": ["s", "f", "saved", "cmin", "sort"],
    "/page-image": ["file", "page", "bbox", "zoom"],
    "/source-text": ["file", "evidence"],
    "/export.xlsx": ["cmin", "status", "q"],
    "/audit": ["reviewer", "s", "f", "offset"],
    "/approvals": ["done"],
    "/login": ["next"],
    "/setup": ["token"],
}
BASE = {"/item": {"s": "at-2007", "f": "ncm_exists"}, "/page-image": {"file": REVIEW_PDF, "page": "1"},
        "/source-text": {"file": "malta/reply.eml"}}
POSTS = {
    "/save": ["s", "f", "action", "value", "base_version", "alias_on", "alias_name_0", "alias_id_0", "cmin"],
    "/bulk-accept": ["keys", "sort", "cmax"],
    "/approve": ["correction", "decision", "note"],
    "/login": ["name", "password", "next", "csrf"],
    "/setup": ["token", "name", "password"],
}
POST_BASE = {"/save": {"s": "at-2007", "f": "ncm_exists", "action": "correct", "value": "yes"},
             "/bulk-accept": {"keys": "at-2007|nrm_exists|"}, "/approve": {"correction": "1", "decision": "approved"}}


@pytest.fixture
def client(dataset, publish_module):
    app = create_app(dataset.data, dataset.raw, dataset.store_url, second_pass=True)
    signed = client_for(app, "Ada", "admin")
    quiet = TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False, cookies=signed.cookies)
    assert quiet.get("/queue", follow_redirects=False).status_code == 200  # signed in: the probes reach the routes
    return quiet, signed.csrf


def test_no_get_parameter_gives_a_500(client):
    client, _csrf = client
    for path, names in GETS.items():
        for name in names:
            for value in NASTY:
                r = client.get(path, params={**BASE.get(path, {}), name: value}, follow_redirects=False)
                assert r.status_code < 500, (path, name, value[:40], r.status_code, r.text[:300])


def test_no_form_field_gives_a_500(client):
    client, csrf = client
    for path, names in POSTS.items():
        for name in names:
            for value in NASTY:
                data = {**POST_BASE.get(path, {}), "csrf": csrf, name: value}
                r = client.post(path, data=data, follow_redirects=False)
                assert r.status_code < 500, (path, name, value[:40], r.status_code, r.text[:300])


def test_the_two_probes_of_the_issue(client):
    client, _csrf = client
    r = client.get("/queue", params={"saved": "99999999999999999999999999"})
    assert r.status_code == 422 and "saved must be the id of a correction" in r.text
    r = client.get("/page-image", params={"file": REVIEW_PDF, "page": "1", "bbox": "nan,nan,nan,nan"})
    assert r.status_code == 422 and "bbox must be four finite numbers" in r.text
    r = client.get("/page-image", params={"file": REVIEW_PDF, "page": "0"})
    assert r.status_code == 422 and "page must be a number from 1" in r.text
    r = client.get("/page-image", params={"file": REVIEW_PDF, "page": "1", "zoom": "7"})
    assert r.status_code == 422 and "zoom must be one of" in r.text
