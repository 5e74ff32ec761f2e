"""Real sign-in: accounts with roles, signed sessions, CSRF on every write, every route
behind sign-in, the approver's second pass, the audit view, binding beyond 127.0.0.1."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
pytest_plugins = ["conftest_review"]
pytest.register_assert_rewrite("conftest_review")

from conftest_review import PASSWORD, REVIEW_PDF, client_for, csrf_in, ensure_account, sign_in  # noqa: E402
from questionnaire_returns.review.accounts import Accounts  # noqa: E402
from questionnaire_returns.review.app import ServeRefused, create_app, serve  # noqa: E402
from questionnaire_returns.review.cli import review_app  # noqa: E402
from questionnaire_returns.review.sessions import SESSION_COOKIE  # noqa: E402
from questionnaire_returns.corrections.store import CorrectionStore  # noqa: E402

BASE = "http://127.0.0.1"
runner = CliRunner()


@pytest.fixture
def app(dataset, publish_module):
    return create_app(dataset.data, dataset.raw, dataset.store_url)


def anonymous(app) -> TestClient:
    return TestClient(app, base_url=BASE)


def is_login_redirect(r) -> bool:
    return r.status_code == 303 and r.headers["location"].startswith("/login")


def routes(app, method: str) -> list[str]:
    """Every path the app answers with `method` (routers included)."""
    found = set()

    def walk(items):
        for r in items:
            if hasattr(r, "original_router"):  # FastAPI's included router
                walk(r.original_router.routes)
            elif method in (getattr(r, "methods", None) or ()):
                found.add(r.path)

    walk(app.routes)
    return sorted(found)


OPEN = {"/login", "/setup", "/healthz", "/favicon.ico"}


# ----------------------------------------------------------------------------- sign-in

def test_every_route_needs_a_signed_in_account(app):
    client = anonymous(app)
    gets = [p for p in routes(app, "GET") if p not in OPEN]
    assert {"/queue", "/item", "/page-image", "/export.xlsx", "/audit", "/approvals", "/source-text"} <= set(gets)
    for path in gets:
        r = client.get(path, params={"s": "at-2007", "f": "ncm_exists", "file": REVIEW_PDF, "page": 1},
                       follow_redirects=False)
        assert is_login_redirect(r), path
        assert not r.content.startswith(b"\x89PNG") and b"PK" not in r.content[:2], path
    for path in routes(app, "POST"):
        if path in OPEN:
            continue
        r = client.post(path, data={"s": "at-2007", "f": "ncm_exists", "action": "accept"}, follow_redirects=False)
        assert is_login_redirect(r), path
    assert app.state.store.all() == []


def test_forged_and_stale_cookies_are_refused(app, dataset):
    client = anonymous(app)
    client.cookies.set("reviewer", "Anna")  # the old unsigned name cookie
    assert is_login_redirect(client.get("/queue", follow_redirects=False))
    assert is_login_redirect(client.get("/page-image", params={"file": REVIEW_PDF, "page": 1},
                                        follow_redirects=False))
    signed = client_for(app, "Anna")
    good = signed.cookies.get(SESSION_COOKIE)
    assert signed.get("/queue", follow_redirects=False).status_code == 200
    for forged in ("Anna", good[:-2] + ("AA" if not good.endswith("AA") else "BB"),
                   good.replace(good.split(".")[0], "eyJ1IjoiQmVuIn0", 1)):
        other = anonymous(app)
        other.cookies.set(SESSION_COOKIE, forged)
        assert is_login_redirect(other.get("/queue", follow_redirects=False)), forged
    # a cookie signed by another store's secret
    elsewhere = create_app(dataset.data, dataset.raw, f"sqlite:///{dataset.root / 'other.sqlite'}")
    ensure_account(elsewhere, "Anna")
    foreign = client_for(elsewhere, "Anna").cookies.get(SESSION_COOKIE)
    other = anonymous(app)
    other.cookies.set(SESSION_COOKIE, foreign)
    assert is_login_redirect(other.get("/queue", follow_redirects=False))


def test_removing_an_account_ends_its_sessions(app):
    client = client_for(app, "Anna")
    assert client.get("/queue", follow_redirects=False).status_code == 200
    app.state.review.accounts.remove("Anna", "test")
    assert is_login_redirect(client.get("/queue", follow_redirects=False))


def test_sessions_expire(dataset, publish_module):
    app = create_app(dataset.data, dataset.raw, dataset.store_url, session_hours=1 / 3600)  # one second
    client = client_for(app, "Anna")
    time.sleep(2.2)
    assert is_login_redirect(client.get("/queue", follow_redirects=False))


def test_sign_out_needs_the_token_and_ends_the_session(app):
    client = client_for(app, "Anna")
    r = client.post("/logout", data={"csrf": "wrong"}, follow_redirects=False)
    assert r.status_code == 403
    r = client.post("/logout", data={"csrf": client.csrf}, follow_redirects=False)
    assert r.status_code == 303 and SESSION_COOKIE in r.headers["set-cookie"]
    assert is_login_redirect(client.get("/queue", follow_redirects=False))


def test_failed_sign_ins_are_throttled_per_name(app):
    ensure_account(app, "Anna")
    ensure_account(app, "Ben")
    client = anonymous(app)
    for _ in range(5):
        assert sign_in(client, "Anna", "guess").status_code == 401
    r = sign_in(client, "Anna")  # even the right password waits now
    assert r.status_code == 429 and "Too many failed sign-ins" in r.text
    assert sign_in(client, "Ben").status_code == 303  # other names are not held up


def test_sign_in_form_has_its_own_token(app):
    ensure_account(app, "Anna")
    client = anonymous(app)
    r = client.post("/login", data={"name": "Anna", "password": PASSWORD}, follow_redirects=False)
    assert r.status_code == 403  # no sign-in token: another site cannot sign a browser in
    form = client.get("/login").text
    r = client.post("/login", data={"name": "Anna", "password": PASSWORD, "csrf": csrf_in(form) + "x"},
                    follow_redirects=False)
    assert r.status_code == 403
    assert sign_in(client, "Anna").status_code == 303


# ----------------------------------------------------------------------------- CSRF

def test_every_write_needs_the_sessions_csrf_token(app, dataset):
    anna = client_for(app, "Anna", "admin")
    ben = client_for(app, "Ben", "admin")
    writes = [p for p in routes(app, "POST") if p not in {"/login", "/setup"}]
    assert {"/save", "/bulk-accept", "/approve", "/logout"} <= set(writes)
    for path in writes:
        for token in (None, "", "forged", ben.csrf):  # missing, empty, made up, another session's
            data = {"s": "at-2007", "f": "ncm_exists", "action": "accept", "keys": "at-2007|ncm_exists|",
                    "correction": "1", "decision": "approved"}
            if token is not None:
                data["csrf"] = token
            r = anna.post(path, data=data, follow_redirects=False)
            assert r.status_code == 403, (path, token)
    assert app.state.store.all() == []
    assert anna.get("/queue", follow_redirects=False).status_code == 200  # still signed in


# ----------------------------------------------------------------------------- roles

def test_roles(app):
    reviewer, approver, admin = client_for(app, "Rita"), client_for(app, "Alex", "approver"), client_for(app, "Ada", "admin")
    for path in ("/audit", "/approvals", "/accounts"):
        assert reviewer.get(path).status_code == 403, path
    assert approver.get("/audit").status_code == 200 and approver.get("/approvals").status_code == 200
    assert approver.get("/accounts").status_code == 403
    html = admin.get("/accounts").text
    assert all(name in html for name in ("Rita", "Alex", "Ada"))
    page = reviewer.get("/queue").text
    assert 'id="role">reviewer<' in page and 'id="audit-link"' not in page
    assert 'id="audit-link"' in approver.get("/queue").text


def test_second_pass(dataset, publish_module):
    app = create_app(dataset.data, dataset.raw, dataset.store_url, second_pass=True)
    rita, alex = client_for(app, "Rita"), client_for(app, "Alex", "approver")
    r = rita.post("/save", data={"s": "at-2007", "f": "ncm_legal_basis", "action": "correct", "value": "policy",
                                 "base_version": "", "csrf": rita.csrf}, follow_redirects=False)
    assert r.status_code == 303
    answers = pd.read_csv(dataset.data / "answers.csv", dtype=str, keep_default_na=False).set_index(["submission_id", "field"])
    row = answers.loc[("at-2007", "ncm_legal_basis")]
    assert (row.value, row.status) == ("decree", "review")  # not published before an approver passes it
    assert row.note.startswith("awaiting approval: corrected to 'policy' by Rita")
    # a confirmation needs no second pass
    rita.post("/save", data={"s": "at-2007", "f": "ncm_exists", "action": "accept", "base_version": "",
                             "csrf": rita.csrf})
    [pending] = app.state.store.pending()
    assert (pending.field, pending.new_value) == ("ncm_legal_basis", "policy")
    assert rita.post("/approve", data={"correction": pending.id, "decision": "approved", "csrf": rita.csrf}).status_code == 403
    html = alex.get("/approvals").text
    assert f'id="pending-{pending.id}"' in html and "policy" in html
    r = alex.post("/approve", data={"correction": pending.id, "decision": "approved", "csrf": alex.csrf},
                  follow_redirects=False)
    assert r.status_code == 303
    answers = pd.read_csv(dataset.data / "answers.csv", dtype=str, keep_default_na=False).set_index(["submission_id", "field"])
    assert tuple(answers.loc[("at-2007", "ncm_legal_basis")][["value", "status"]]) == ("policy", "corrected")
    assert "nothing awaits approval" in alex.get("/approvals").text.lower()
    # deciding twice, or one's own correction, is refused
    assert alex.post("/approve", data={"correction": pending.id, "decision": "rejected", "csrf": alex.csrf}).status_code == 409
    # a rejected correction sends the field back to review with the approver's note
    c = rita.post("/save", data={"s": "mt-2007", "f": "report_frequency", "action": "unanswerable",
                                 "base_version": "", "csrf": rita.csrf})
    assert c.status_code == 200
    [pending] = app.state.store.pending()
    alex.post("/approve", data={"correction": pending.id, "decision": "rejected", "note": "it says every year",
                                "csrf": alex.csrf})
    answers = pd.read_csv(dataset.data / "answers.csv", dtype=str, keep_default_na=False).set_index(["submission_id", "field"])
    row = answers.loc[("mt-2007", "report_frequency")]
    assert (row.value, row.status) == ("annual", "review") and "rejected by Alex" in row.note and "every year" in row.note
    # an approver's own correction counts at once
    alex.post("/save", data={"s": "at-2007", "f": "nrm_exists", "action": "correct", "value": "no",
                             "base_version": "", "csrf": alex.csrf})
    answers = pd.read_csv(dataset.data / "answers.csv", dtype=str, keep_default_na=False).set_index(["submission_id", "field"])
    assert tuple(answers.loc[("at-2007", "nrm_exists")][["value", "status"]]) == ("no", "corrected")


def test_second_pass_covers_the_excel_import(dataset, publish_module, tmp_path):
    from openpyxl import load_workbook

    from questionnaire_returns.review.excel import export_queue, import_corrections

    store = CorrectionStore(dataset.store_url)
    out = tmp_path / "queue.xlsx"
    export_queue(dataset.data, out, store)
    wb = load_workbook(out)
    ws = wb["queue"]
    header = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, header.index("field") + 1).value == "ncm_legal_basis":
            ws.cell(r, header.index("new_value") + 1, "policy")
        if (ws.cell(r, 1).value, ws.cell(r, header.index("field") + 1).value) == ("at-2007", "ncm_exists"):
            ws.cell(r, header.index("action") + 1, "accept")
    wb.save(out)
    report = import_corrections(out, store, "Rita", data_dir=dataset.data, second_pass=True)
    assert len(report.applied) == 2
    assert [(c.field, c.state) for c in store.pending()] == [("ncm_legal_basis", "pending")]  # the accept needs none
    store.close()


def test_audit_view_says_who_changed_what_when_from_what_to_what(app):
    rita, alex = client_for(app, "Rita"), client_for(app, "Alex", "approver")
    rita.post("/save", data={"s": "at-2007", "f": "ncm_legal_basis", "action": "correct", "value": "policy",
                             "base_version": "", "csrf": rita.csrf})
    html = alex.get("/audit").text
    row = re.search(r"<tr>\s*<td class=\"num\">\d+</td>.*?</tr>", html, re.S).group(0)
    for part in ("Rita", "at-2007", "ncm_legal_basis", "correct", "<code>decree</code>", "<code>policy</code>"):
        assert part in row, part
    assert re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", row)
    assert "Rita" in html.split('id="account-events"')[1]  # her account's creation is in the audit too
    assert "1 correction(s)" in alex.get("/audit", params={"reviewer": "Rita"}).text
    assert "0 correction(s)" in alex.get("/audit", params={"reviewer": "Alex"}).text


# ----------------------------------------------------------------------------- accounts

def test_users_add_list_remove(dataset):
    args = ["--data", str(dataset.data)]
    r = runner.invoke(review_app, ["users", "add", "Ada", "--role", "admin", *args], input="s3cret-enough\n")
    assert r.exit_code == 0, r.output
    assert "added Ada (admin)" in r.output
    r = runner.invoke(review_app, ["users", "add", "Rita", *args], input="another-pass\n")
    assert r.exit_code == 0 and "added Rita (reviewer)" in r.output
    assert runner.invoke(review_app, ["users", "add", "Rita", *args], input="another-pass\n").exit_code == 1
    r = runner.invoke(review_app, ["users", "add", "Bo", "--role", "boss", *args], input="another-pass\n")
    assert r.exit_code == 1 and "role must be one of reviewer, approver, admin" in r.output
    r = runner.invoke(review_app, ["users", "add", "Bo", *args], input="short\n")
    assert r.exit_code == 1 and "at least 8 characters" in r.output
    listed = runner.invoke(review_app, ["users", "list", *args]).output
    assert re.search(r"^Ada\tadmin\t", listed, re.M) and re.search(r"^Rita\treviewer\t", listed, re.M)
    store = CorrectionStore(f"sqlite:///{dataset.data.resolve() / 'corrections.sqlite'}")
    accounts = Accounts(store)
    assert accounts.verify("Ada", "s3cret-enough") and not accounts.verify("Ada", "s3cret-enoug")
    raw = (dataset.data / "corrections.sqlite").read_bytes()
    assert b"s3cret-enough" not in raw and b"$argon2id$" in raw  # only the argon2 hash is kept
    r = runner.invoke(review_app, ["users", "remove", "Ada", *args])
    assert r.exit_code == 1 and "last admin" in r.output
    assert runner.invoke(review_app, ["users", "remove", "Rita", *args]).exit_code == 0
    assert [a.name for a in accounts.list()] == ["Ada"]
    assert [(e["action"], e["name"]) for e in accounts.events()] == [("added", "Ada"), ("added", "Rita"),
                                                                     ("removed", "Rita")]
    store.close()


def test_first_admin_by_the_one_time_setup_link(dataset, publish_module, monkeypatch, capsys):
    import uvicorn

    apps = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: apps.append(app))
    serve(dataset.data, raw_dir=dataset.raw, store_url=dataset.store_url)
    printed = capsys.readouterr().out
    token = re.search(r"/setup\?token=(\S+)", printed).group(1)
    assert "returns review users add NAME --role admin" in printed
    client = anonymous(apps[0])
    assert client.get("/setup", params={"token": "guess"}).status_code == 404
    assert client.get("/setup", params={"token": token}).status_code == 200
    r = client.post("/setup", data={"token": token, "name": "Ada", "password": "long enough", "password2": "long enough"},
                    follow_redirects=False)
    assert r.status_code == 303 and client.get("/accounts").status_code == 200  # signed in, as an admin
    assert client.get("/setup", params={"token": token}).status_code == 404  # one time only
    # with an account, serve prints no setup link
    serve(dataset.data, raw_dir=dataset.raw, store_url=dataset.store_url)
    assert "setup?token" not in capsys.readouterr().out


# ----------------------------------------------------------------------------- binding

def test_binding_beyond_localhost_needs_tls_or_a_proxy(dataset, monkeypatch, tmp_path):
    import uvicorn

    seen = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.append(kw))
    for host in ("0.0.0.0", "::", "192.168.1.10", "review.example.org"):
        with pytest.raises(ServeRefused, match="needs TLS"):
            serve(dataset.data, host=host, raw_dir=dataset.raw, store_url=dataset.store_url)
    assert seen == []
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    with pytest.raises(ServeRefused, match="both"):
        serve(dataset.data, host="0.0.0.0", raw_dir=dataset.raw, store_url=dataset.store_url, tls_certfile=cert)
    serve(dataset.data, host="0.0.0.0", raw_dir=dataset.raw, store_url=dataset.store_url,
          tls_certfile=cert, tls_keyfile=key)
    assert (seen[-1]["host"], seen[-1]["ssl_certfile"], seen[-1]["ssl_keyfile"]) == ("0.0.0.0", str(cert), str(key))
    serve(dataset.data, host="0.0.0.0", raw_dir=dataset.raw, store_url=dataset.store_url, behind_proxy=True)
    assert seen[-1]["proxy_headers"] is True and "ssl_certfile" not in seen[-1]
    serve(dataset.data, host="::1", raw_dir=dataset.raw, store_url=dataset.store_url)  # loopback: plain HTTP is fine
    r = runner.invoke(review_app, ["--data", str(dataset.data), "--raw", str(dataset.raw), "--host", "0.0.0.0"])
    assert r.exit_code == 2 and "refusing to serve plain HTTP on 0.0.0.0" in r.output


def test_cookies_are_secure_over_https(app):
    ensure_account(app, "Anna")
    client = TestClient(app, base_url="https://127.0.0.1")
    r = sign_in(client, "Anna")
    assert r.status_code == 303 and "secure" in r.headers["set-cookie"].lower()
