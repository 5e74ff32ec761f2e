"""The review app in headless Chromium (Playwright, Debian's /usr/bin/chromium).

uvicorn serves the app in a thread on 127.0.0.1 and a free port, over a small
dataset in a tmp folder (with a 1-page PDF in its raw/).
"""

from __future__ import annotations

import io
import os
import socket
import sys
import threading
import time
import warnings
from contextlib import contextmanager
from pathlib import Path

import httpx
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))
pytest_plugins = ["conftest_review"]
pytest.register_assert_rewrite("conftest_review")

from conftest_review import FORM_BBOX, FORM_VALUE, PASSWORD, WORD_EVIDENCE, ensure_account  # noqa: E402
from questionnaire_returns.review.app import create_app  # noqa: E402

# `browser` is registered by conftest_review (pytest_configure); when this module is
# the first to load that plugin, the mark is read a moment before its registration.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", pytest.PytestUnknownMarkWarning)
    pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(dataset, accounts):
    """The app over `dataset` served by uvicorn in a thread, with these (name, role) accounts."""
    import uvicorn

    app = create_app(dataset.data, dataset.raw, dataset.store_url)
    for name, role in accounts:
        ensure_account(app, name, role)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError("the review app did not start")
        time.sleep(0.1)
    try:
        yield type("Server", (), {"url": url, "app": app, "data": dataset.data})
    finally:
        srv.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def server(module_dataset, module_publish):
    with serving(module_dataset, [("Anna", "reviewer"), ("Ana", "reviewer"), ("Ben", "reviewer")]) as srv:
        yield srv


@pytest.fixture(scope="module")
def sources_server(module_sources_dataset, module_publish):
    with serving(module_sources_dataset, [("Anna", "reviewer"), ("Alex", "approver")]) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():  # the machine's chromium is a stated requirement of the tests
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def wait_until(page, predicate: str, timeout: float = 15) -> None:
    """Poll a JS function until it returns true (page.evaluate runs outside the page's CSP,
    which rightly forbids the string eval that wait_for_function's polling needs)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(predicate):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {predicate}")
        time.sleep(0.1)


def login(browser, server, name, password=PASSWORD):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(15000)
    page = context.new_page()
    page.goto(server.url + "/queue")
    assert "/login" in page.url
    page.fill("#name", name)
    page.fill("#password", password)
    page.click("#signin")
    page.wait_for_url("**/queue")
    return context, page


def answers(data: Path) -> pd.DataFrame:
    return pd.read_csv(data / "answers.csv", dtype=str, keep_default_na=False)


def answer(data: Path, sub: str, field: str):
    a = answers(data)
    return a[(a.submission_id == sub) & (a.field == field)].iloc[0]


def test_review_in_the_browser(browser, server, tmp_path):
    context, page = login(browser, server, "Anna")
    assert page.inner_text("#reviewer-name") == "Anna"
    assert "0 of 6 reviewed" in page.inner_text("#progress")
    fields = page.locator("#queue a.item-link").all_inner_texts()
    assert fields[0] == "ncm_legal_basis"  # lowest confidence first

    # open the first item with the keyboard; correct its value
    page.keyboard.press("n")
    page.wait_for_url("**/item?s=at-2007&f=ncm_legal_basis*")
    assert page.inner_text("#value") == "decree"
    page.wait_for_function("document.getElementById('page-image').naturalWidth > 0")
    page.select_option("#new-value", "policy")
    page.click("#correct")
    page.wait_for_selector("#saved")
    assert "corrected to 'policy' by Anna" in page.inner_text("#saved")
    row = answer(server.data, "at-2007", "ncm_legal_basis")
    assert (row.value, row.status, row.reviewer) == ("policy", "corrected", "Anna")

    # the save moved on to the next field: a ministries field with a name no alias table knew
    assert "f=ncm_ministries" in page.url
    page.check("input[name=values][value=justice]")
    page.select_option("select[name=alias_id_0]", "interior")  # ticks "remember" by itself
    assert page.is_checked("input[name=alias_on]")
    page.click("#correct")
    page.wait_for_selector("#saved")
    assert answer(server.data, "at-2007", "ncm_ministries").value == "interior;justice"
    [alias] = server.app.state.store.aliases()
    assert (alias.alias, alias.id, alias.added_by) == ("Vice Squad within the Malta Police Force", "interior", "Anna")

    # the evidence with markup is shown as text, never run
    page.goto(server.url + "/item?s=at-2007&f=nrm_exists")
    assert page.inner_text("#evidence").startswith("<script>alert('x')</script>")
    assert page.evaluate("typeof window.__xss") == "undefined"

    # accept one with the 'a' key
    page.keyboard.press("a")
    page.wait_for_selector("#saved")
    row = answer(server.data, "at-2007", "nrm_exists")
    assert (row.value, row.status) == ("yes", "confirmed")

    # a bad value is refused with the reason
    page.goto(server.url + "/item?s=mt-2007&f=ncm_exists")
    page.keyboard.press("c")
    assert page.evaluate("document.activeElement.id") == "new-value"
    page.click("#unanswerable")
    page.wait_for_selector("#saved")
    assert answers(server.data).query("submission_id == 'mt-2007' and field == 'ncm_exists'").empty

    # previous / next with the keys
    page.goto(server.url + "/queue")
    assert "4 of 6 reviewed" in page.inner_text("#progress")
    page.keyboard.press("n")
    page.wait_for_url("**/item?*")
    first = page.url
    page.keyboard.press("n")
    page.wait_for_url(lambda u: u != first)
    page.keyboard.press("k")
    page.wait_for_url(first)

    # add an answer the extractor missed; Enter in the value saves the correction (not Accept)
    page.goto(server.url + "/item?s=at-2007&f=nap_year")
    assert page.inner_text("#status") == "absent"
    page.fill("#new-value", "2005")
    page.press("#new-value", "Enter")
    page.wait_for_selector("#saved")
    row = answer(server.data, "at-2007", "nap_year")
    assert (row.value, row.status, row.evidence) == ("2005", "corrected", "added by reviewer")

    shot = tmp_path / "item.png"
    page.goto(server.url + "/item?s=at-2007&f=ncm_exists")
    page.wait_for_function("document.getElementById('page-image').naturalWidth > 0")
    page.screenshot(path=str(shot), full_page=True)
    if os.environ.get("REVIEW_SCREENSHOT"):  # keep a copy to look at
        Path(os.environ["REVIEW_SCREENSHOT"]).write_bytes(shot.read_bytes())
    data = shot.read_bytes()
    assert len(data) > 1000 and data.startswith(b"\x89PNG\r\n\x1a\n")
    context.close()


def test_two_reviewers_on_one_field(browser, server):
    ctx_a, anna = login(browser, server, "Ana")
    ctx_b, ben = login(browser, server, "Ben")
    item = server.url + "/item?s=mt-2007&f=report_frequency"
    anna.goto(item)
    ben.goto(item)
    anna.select_option("#new-value", "biennial")
    anna.click("#correct")
    anna.wait_for_selector("#saved")

    ben.select_option("#new-value", "irregular")
    ben.click("#correct")
    ben.wait_for_selector("#conflict")
    told = ben.inner_text("#conflict")
    assert "Ana saved this field" in told and "Nothing was overwritten" in told
    assert ben.inner_text("#conflict-value") == "biennial"
    assert ben.inner_text("#value") == "biennial"  # the page now shows the first reviewer's value
    row = answer(server.data, "mt-2007", "report_frequency")
    assert (row.value, row.reviewer) == ("biennial", "Ana")
    history = server.app.state.store.history("mt-2007", "report_frequency")
    assert [(c.reviewer, c.new_value) for c in history] == [("Ana", "biennial")]
    ctx_a.close()
    ctx_b.close()


# ----------------------------------------------------------------------------- every source in view

def test_a_fillable_page_shows_its_values(browser, sources_server):
    from PIL import Image

    context, page = login(browser, sources_server, "Anna")
    page.goto(sources_server.url + "/item?s=ca-2007&f=ncm_body_name")
    wait_until(page, "() => document.getElementById('page-image').complete && "
                     "document.getElementById('page-image').naturalWidth > 0")
    assert page.inner_text("#page-label") == "page 2 of 2"
    shot = Image.open(io.BytesIO(page.locator("#page-image").screenshot())).convert("L")
    natural = page.evaluate("document.getElementById('page-image').naturalWidth")
    k = shot.width / natural * 1.5  # screen pixels per PDF point
    x0, top, x1, bottom = (float(v) for v in FORM_BBOX.split(","))
    field = shot.crop((int((x0 + 4) * k), int((top + 4) * k), int((x1 - 4) * k), int((bottom - 4) * k)))
    assert sum(1 for p in field.tobytes() if p < 110) > 40, "the field's value is not drawn"
    # page turning and zoom, by key
    src = page.get_attribute("#page-image", "src")
    page.keyboard.press("[")
    wait_until(page, "() => document.getElementById('page-label').textContent === 'page 1 of 2'")
    assert page.get_attribute("#page-image", "src") != src and "page=1" in page.get_attribute("#page-image", "src")
    page.keyboard.press("]")
    page.keyboard.press("+")
    assert page.inner_text("#zoom-label") == "150%"
    wait_until(page, "() => document.getElementById('page-image').src.includes('zoom=1.5') && "
                     "document.getElementById('page-image').complete && "
                     f"document.getElementById('page-image').naturalWidth > {natural}")
    assert "bbox=" in page.get_attribute("#page-image", "src")  # the evidence page keeps its highlight
    context.close()


def test_a_word_source_shows_its_evidence_highlighted(browser, sources_server):
    context, page = login(browser, sources_server, "Anna")
    page.goto(sources_server.url + "/item?s=ge-2007&f=ncm_lead_ministry")
    mark = page.locator("#evidence-mark")
    assert mark.inner_text() == WORD_EVIDENCE
    # scrolled into view within the source's own scrolling box, and drawn as a highlight
    wait_until(page, "() => document.getElementById('source-text').scrollTop > 0")
    inside = page.evaluate("""() => {
        const m = document.getElementById('evidence-mark').getBoundingClientRect();
        const box = document.getElementById('source-text').getBoundingClientRect();
        return m.top >= box.top && m.bottom <= box.bottom && m.bottom <= window.innerHeight;
    }""")
    assert inside
    assert page.evaluate("getComputedStyle(document.getElementById('evidence-mark')).backgroundColor") == "rgb(255, 225, 77)"
    assert "Ministry of Justice" in page.inner_text("#source-text")
    context.close()


def test_bulk_accept(browser, sources_server):
    context, page = login(browser, sources_server, "Anna")
    page.goto(sources_server.url + "/queue?sort=country")
    keys = page.locator("#queue tbody tr").evaluate_all("rows => rows.map(r => r.dataset.key)")
    assert keys[:2] == ["ca-2007|nap_exists", "ca-2007|ncm_body_name"]  # Canada first, then by confidence
    page.keyboard.press("j")  # Canada's missing nap_exists: nothing to accept
    page.keyboard.press("x")
    page.keyboard.press("j")  # Canada's body name
    page.keyboard.press("x")
    assert page.locator("#queue input.select:checked").count() == 2
    page.keyboard.press("Shift+A")
    page.wait_for_selector("#bulk-result")
    result = page.inner_text("#bulk-result")
    assert "1 accepted, 1 refused" in result and "a value is needed" in result
    row = answer(sources_server.data, "ca-2007", "ncm_body_name")
    assert (row.value, row.status, row.reviewer) == (FORM_VALUE, "confirmed", "Anna")
    # the audit rows, all at once: filter, select all, accept
    page.goto(sources_server.url + "/queue")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search"
    page.select_option("#filter-reason", "audit")
    page.click("#apply")
    page.wait_for_url("**reason=audit**")
    page.keyboard.press("*")
    page.keyboard.press("Shift+A")
    page.wait_for_selector("#bulk-result")
    assert "1 accepted." in page.inner_text("#bulk-result")
    assert answer(sources_server.data, "no-2007", "nrm_exists").status == "confirmed"
    context.close()


# ----------------------------------------------------------------------------- sign-in and roles

def test_sign_in_and_roles(browser, sources_server):
    context = browser.new_context()
    context.set_default_timeout(15000)
    page = context.new_page()
    page.goto(sources_server.url + "/item?s=ru-2007&f=ncm_exists")
    assert "/login" in page.url
    page.fill("#name", "Anna")
    page.fill("#password", "not her password")
    page.click("#signin")
    assert "Wrong name or password" in page.inner_text("#error")
    page.fill("#password", PASSWORD)
    page.click("#signin")
    page.wait_for_url("**/item?s=ru-2007&f=ncm_exists")  # back where she was going
    assert page.inner_text("#role") == "reviewer" and page.locator("#audit-link").count() == 0
    page.select_option("#new-value", "no")
    page.click("#correct")
    page.wait_for_selector("#saved")
    response = page.goto(sources_server.url + "/audit")
    assert response.status == 403 and "needs the approver role" in page.inner_text("main")
    page.goto(sources_server.url + "/queue")
    page.click("#logout")
    page.wait_for_url("**/login")
    page.goto(sources_server.url + "/queue")
    assert "/login" in page.url  # signed out means signed out
    # a forged session cookie gets nowhere
    context.add_cookies([{"name": "review_session", "value": "eyJ1IjoiQWxleCJ9.forged.sig",
                          "url": sources_server.url}])
    page.goto(sources_server.url + "/audit")
    assert "/login" in page.url
    # the approver sees the audit, with Anna's change in it
    page.fill("#name", "Alex")
    page.fill("#password", PASSWORD)
    page.click("#signin")
    page.wait_for_url("**/audit")
    assert page.inner_text("#role") == "approver"
    first = page.locator("#audit tbody tr").first.inner_text()
    assert "Anna" in first and "ru-2007" in first and "ncm_exists" in first and "yes" in first and "no" in first
    context.close()
