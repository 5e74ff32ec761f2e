"""The review app over HTTP (TestClient): queue, item, saves, conflicts, security."""

from __future__ import annotations

import inspect
import io
import os
import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient
from PIL import Image

sys.path.insert(0, str(Path(__file__).parent))
pytest_plugins = ["conftest_review"]
pytest.register_assert_rewrite("conftest_review")

from conftest_review import MAIL_PDF, REVIEW_PDF, client_for, ensure_account, sign_in  # noqa: E402
from questionnaire_returns.review.app import create_app, serve  # noqa: E402

BASE = "http://127.0.0.1"


@pytest.fixture
def app(dataset, publish_module):
    return create_app(dataset.data, dataset.raw, dataset.store_url)


def base_version(html: str) -> str:
    return re.search(r'name="base_version" id="base_version" value="(\d*)"', html).group(1)


def answers(dataset) -> pd.DataFrame:
    return pd.read_csv(dataset.data / "answers.csv", dtype=str, keep_default_na=False)


def save(client, sub, field, action, value=None, base="", **extra):
    data = {"s": sub, "f": field, "action": action, "base_version": base, "csrf": client.csrf, **extra}
    if value is not None:
        data["value"] = value
    return client.post("/save", data=data, follow_redirects=False)


def test_sign_in_first(app):
    anonymous = client_for(app, None)
    r = anonymous.get("/queue", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    r = anonymous.post("/save", data={"s": "at-2007", "f": "ncm_exists", "action": "accept"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    ensure_account(app, "Zoë O'Brien")
    assert sign_in(anonymous, "   ").status_code == 401
    assert sign_in(anonymous, "Zoë O'Brien", "not the password").status_code == 401
    assert "Wrong name or password" in sign_in(anonymous, "Nobody").text
    r = sign_in(anonymous, "Zoë O'Brien", next_url="https://evil.example/")
    assert r.status_code == 303 and r.headers["location"] == "/queue"  # never redirected off-site
    cookie = r.headers["set-cookie"].lower()
    assert "samesite=lax" in cookie and "httponly" in cookie
    assert "Zoë O&#39;Brien" in anonymous.get("/queue").text


def test_queue_lowest_confidence_first_with_progress_and_filters(app):
    client = client_for(app)
    html = client.get("/queue").text
    assert "0 of 6 reviewed" in html
    order = re.findall(r'class="item-link">([a-z_]+)</a>', html)
    assert order == ["ncm_legal_basis", "ncm_ministries", "report_frequency", "ncm_exists", "nrm_exists",
                     "ncm_exists"]
    html = client.get("/queue", params={"country": "Malta"}).text
    assert re.findall(r'class="item-link">([a-z_]+)</a>', html) == ["report_frequency", "ncm_exists"]
    assert "0 of 2 reviewed" in html
    html = client.get("/queue", params={"field": "ncm_exists"}).text
    assert len(re.findall(r'class="item-link"', html)) == 2
    html = client.get("/queue", params={"question": "21s"}).text
    assert re.findall(r'class="item-link">([a-z_]+)</a>', html) == ["report_frequency"]


def test_evidence_is_escaped(app):
    client = client_for(app)
    r = client.get("/item", params={"s": "at-2007", "f": "nrm_exists"})
    assert r.status_code == 200
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in r.text
    assert "<script>alert" not in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]
    # the queue escapes it too
    assert "<script>alert" not in client.get("/queue").text


def test_item_page_shows_meaning_choices_and_image(app):
    client = client_for(app)
    html = client.get("/item", params={"s": "at-2007", "f": "ncm_legal_basis"}).text
    assert "By what authority" in html  # the question
    for v in ("legislation", "decree", "policy", "other"):
        assert f'<option value="{v}"' in html
    assert 'id="page-image"' in html and "/page-image?file=austria%2Freturn.pdf&amp;page=1" in html
    html = client.get("/item", params={"s": "at-2007", "f": "ncm_ministries"}).text
    assert 'type="checkbox" name="values" value="interior" checked' in html
    assert 'id="aliases"' in html and 'value="Vice Squad within the Malta Police Force"' in html


def test_correct_accept_unanswerable_publish(app, dataset):
    client = client_for(app)
    html = client.get("/item", params={"s": "at-2007", "f": "ncm_legal_basis"}).text
    r = save(client, "at-2007", "ncm_legal_basis", "correct", "policy", base_version(html))
    assert r.status_code == 303
    assert r.headers["location"].startswith("/item?s=at-2007&f=ncm_ministries")  # the next in the queue
    a = answers(dataset)
    row = a[(a.submission_id == "at-2007") & (a.field == "ncm_legal_basis")].iloc[0]
    assert (row.value, row.status, row.reviewer) == ("policy", "corrected", "Anna")

    r = save(client, "mt-2007", "ncm_exists", "accept")
    assert r.status_code == 303
    a = answers(dataset)
    row = a[(a.submission_id == "mt-2007") & (a.field == "ncm_exists")].iloc[0]
    assert (row.value, row.status) == ("no", "confirmed")  # accepted as read

    r = save(client, "mt-2007", "report_frequency", "unanswerable")
    assert r.status_code == 303
    a = answers(dataset)
    assert a[(a.submission_id == "mt-2007") & (a.field == "report_frequency")].empty
    assert "3 of 6 reviewed" in client.get("/queue").text
    page = client.get(r.headers["location"]).text
    assert 'id="saved"' in page and "marked unanswerable by Anna" in page
    assert set(pd.read_csv(dataset.data / "review_queue.csv")["field"]) == {"ncm_ministries", "ncm_exists",
                                                                         "nrm_exists"}


def test_bad_values_are_refused_with_the_reason(app):
    client = client_for(app)
    r = save(client, "at-2007", "ncm_exists", "correct", "maybe")
    assert r.status_code == 422 and "must be yes or no" in r.text
    r = save(client, "at-2007", "ncm_legal_basis", "correct", "")
    assert r.status_code == 422 and "Unanswerable" in r.text
    # accepting a value that breaks the contract (an unknown ministry name) is refused too
    r = save(client, "at-2007", "ncm_ministries", "accept")
    assert r.status_code == 422 and "Cannot accept" in r.text and "not in interior" in r.text
    assert app.state.store.latest() == {}


def test_multi_values_and_remember_this_name(app):
    client = client_for(app)
    r = client.post("/save", data={
        "s": "at-2007", "f": "ncm_ministries", "action": "correct", "base_version": "", "csrf": client.csrf,
        "values": ["interior", "justice"], "alias_on": ["0"],
        "alias_name_0": "Vice Squad within the Malta Police Force", "alias_id_0": "interior",
    }, follow_redirects=False)
    assert r.status_code == 303
    assert app.state.store.latest()[("at-2007", "ncm_ministries")].new_value == "interior;justice"
    [alias] = app.state.store.aliases()
    assert (alias.kind, alias.alias, alias.id, alias.added_by) == (
        "ministry", "Vice Squad within the Malta Police Force", "interior", "Anna")
    # typed values are put in the contract's form (sorted, ;-joined)
    r = save(client, "at-2007", "ncm_ministries", "correct", "justice, interior , family",
             base=str(app.state.store.latest()[("at-2007", "ncm_ministries")].id))
    assert r.status_code == 303
    assert app.state.store.latest()[("at-2007", "ncm_ministries")].new_value == "family;interior;justice"


def test_conflict_tells_the_second_reviewer(app, dataset):
    anna, ben = client_for(app, "Anna"), client_for(app, "Ben")
    page_a = anna.get("/item", params={"s": "at-2007", "f": "ncm_exists"}).text
    page_b = ben.get("/item", params={"s": "at-2007", "f": "ncm_exists"}).text
    assert save(anna, "at-2007", "ncm_exists", "correct", "no", base_version(page_a)).status_code == 303
    r = save(ben, "at-2007", "ncm_exists", "correct", "yes", base_version(page_b))
    assert r.status_code == 409
    assert "Not saved: Anna saved this field" in r.text
    assert '<code id="conflict-value">no</code>' in r.text
    history = app.state.store.history("at-2007", "ncm_exists")
    assert [(c.reviewer, c.new_value) for c in history] == [("Anna", "no")]
    # the conflict page carries Anna's version: Ben may now deliberately replace it
    assert base_version(r.text) == str(history[0].id)
    assert save(ben, "at-2007", "ncm_exists", "correct", "yes", base_version(r.text)).status_code == 303
    a = answers(dataset)
    row = a[(a.submission_id == "at-2007") & (a.field == "ncm_exists")].iloc[0]
    assert (row.value, row.reviewer) == ("yes", "Ben")


def test_publish_failure_keeps_the_save_and_says_so(dataset):
    def broken(data_dir, store):
        raise RuntimeError("disk full")

    app = create_app(dataset.data, dataset.raw, dataset.store_url, publish=broken)
    client = client_for(app)
    r = save(client, "at-2007", "ncm_exists", "accept")
    assert r.status_code == 303
    assert len(app.state.store.latest()) == 1
    assert "could not be updated: RuntimeError: disk full" in client.get(r.headers["location"]).text


def test_page_image_renders_and_highlights(app):
    client = client_for(app)
    plain = client.get("/page-image", params={"file": REVIEW_PDF, "page": 1})
    assert plain.status_code == 200 and plain.headers["content-type"] == "image/png"
    lit = client.get("/page-image", params={"file": REVIEW_PDF, "page": 1, "bbox": "72,80,250,100"})
    a, b = Image.open(io.BytesIO(plain.content)), Image.open(io.BytesIO(lit.content))
    assert a.size == b.size and a.width > 500
    assert a.getpixel((200, 135)) != b.getpixel((200, 135))  # the evidence box is highlighted (1.5 px/pt)
    cached = list((app.state.data.data_dir / ".review-pages").glob("*.png"))
    assert len(cached) == 1  # rendered once, then served from the cache
    again = client.get("/page-image", params={"file": REVIEW_PDF, "page": 1})
    assert again.content == plain.content
    mail = client.get("/page-image", params={"file": MAIL_PDF, "page": 1})
    assert mail.status_code == 200 and mail.content.startswith(b"\x89PNG")
    assert client.get("/page-image", params={"file": REVIEW_PDF, "page": 7}).status_code == 404


def test_page_image_serves_only_files_under_raw(app, dataset, tmp_path):
    client = client_for(app)
    secret = dataset.root / "secret.pdf"  # outside raw/
    secret.write_bytes((dataset.raw / REVIEW_PDF).read_bytes())
    os.symlink(secret, dataset.raw / "escape.pdf")
    os.symlink(dataset.root, dataset.raw / "up")
    for name in ["../../etc/passwd", "/etc/passwd", "../secret.pdf", str(secret), "escape.pdf",
                 "up/secret.pdf", "austria/../../secret.pdf", "austria/../../../etc/passwd",
                 "..\\secret.pdf", "", "austria", "austria//return.pdf", "~/secret.pdf",
                 "../secret.pdf::reply.pdf"]:
        r = client.get("/page-image", params={"file": name, "page": 1})
        assert r.status_code == 404, name
        assert not r.content.startswith(b"\x89PNG"), name
    r = client.get("/page-image?file=..%2F..%2Fetc%2Fpasswd&page=1")
    assert r.status_code == 404
    # a symlink that stays inside raw/ is fine
    os.symlink(dataset.raw / REVIEW_PDF, dataset.raw / "alias.pdf")
    assert client.get("/page-image", params={"file": "alias.pdf", "page": 1}).status_code == 200


def test_host_and_origin_checks(app):
    client = client_for(app)
    evil = TestClient(app, base_url="http://evil.example")
    assert evil.get("/healthz").status_code == 400  # DNS rebinding: unknown Host header refused
    r = client.post("/save", data={"s": "at-2007", "f": "ncm_exists", "action": "accept", "csrf": client.csrf},
                    headers={"Origin": "http://evil.example"}, follow_redirects=False)
    assert r.status_code == 403
    assert app.state.store.latest() == {}
    ensure_account(app, "Mallory")
    form = client.get("/login").text
    r = client.post("/login", data={"name": "Mallory", "password": "correct horse battery staple",
                                    "csrf": re.search(r'name="csrf" value="([^"]+)"', form).group(1)},
                    headers={"Origin": "http://evil.example"})
    assert r.status_code == 403


def test_binds_localhost_by_default(monkeypatch, dataset):
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    seen = {}

    def fake_run(app, host, port, **kw):
        seen.update(host=host, port=port)

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", fake_run)
    serve(dataset.data, raw_dir=dataset.raw, store_url=dataset.store_url)
    assert seen == {"host": "127.0.0.1", "port": 8765}


def test_export_route(app):
    client = client_for(app)
    r = client.get("/export.xlsx", params={"country": "Malta"})
    assert r.status_code == 200 and r.content.startswith(b"PK")
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(r.content))["queue"]
    assert ws.max_row == 3  # header + Malta's two fields


def test_add_a_missing_answer_and_restore_a_dropped_one(app, dataset):
    client = client_for(app)
    html = client.get("/item", params={"s": "mt-2007", "f": "nap_year"}).text
    assert "absent" in html and 'id="add-answer"' in html
    assert save(client, "mt-2007", "nap_year", "correct", "2006").status_code == 303
    row = answers(dataset).query("submission_id == 'mt-2007' and field == 'nap_year'").iloc[0]
    assert (row.value, row.status, row.evidence, row.country) == ("2006", "corrected", "added by reviewer", "Malta")

    dropped = app.state.store.add("mt-2007", "report_frequency", "unanswerable", "annual", "",
                                  "reports are issued every year", "Ben")
    html = client.get("/item", params={"s": "mt-2007", "f": "report_frequency"}).text
    assert "marked unanswerable by Ben" in html and base_version(html) == str(dropped.id)
    assert save(client, "mt-2007", "report_frequency", "accept", base=str(dropped.id)).status_code == 303
    row = answers(dataset).query("submission_id == 'mt-2007' and field == 'report_frequency'").iloc[0]
    assert (row.value, row.status) == ("annual", "confirmed")
    assert client.get("/item", params={"s": "nowhere", "f": "nap_year"}).status_code == 404
    assert client.get("/item", params={"s": "mt-2007", "f": "no_such_field"}).status_code == 404


def test_last_item_of_a_filtered_queue_returns_to_the_queue(app):
    client = client_for(app)
    r = save(client, "mt-2007", "report_frequency", "correct", "biennial", country="Malta")
    assert r.headers["location"].startswith("/item?s=mt-2007&f=ncm_exists&country=Malta")
    r = save(client, "mt-2007", "ncm_exists", "accept", country="Malta")
    assert r.headers["location"].startswith("/queue?country=Malta&saved=")
    page = client.get(r.headers["location"]).text
    assert "Nothing left to review for this filter" in page and "accepted &#39;no&#39; by Anna" in page
    assert "2 of 2 reviewed" in page


def test_remember_needs_a_ministry(app):
    client = client_for(app)
    r = client.post("/save", data={
        "s": "at-2007", "f": "ncm_ministries", "action": "correct", "base_version": "", "csrf": client.csrf,
        "values": ["interior"], "alias_on": ["0"], "alias_name_0": "Vice Squad", "alias_id_0": "",
    }, follow_redirects=False)
    assert r.status_code == 422 and "choose the ministry" in r.text
    assert app.state.store.latest() == {} and app.state.store.aliases() == []
