"""The review app in headless Chromium (Playwright, Debian's /usr/bin/chromium).

uvicorn serves the app in a thread on 127.0.0.1 and a free port, over a small
dataset in a tmp folder (with a 1-page PDF in its raw/).
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
import warnings
from pathlib import Path

import httpx
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))
pytest_plugins = ["conftest_review"]
pytest.register_assert_rewrite("conftest_review")

from conftest_review import PASSWORD, ensure_account  # noqa: E402
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


@pytest.fixture(scope="module")
def server(module_dataset, module_publish):
    import uvicorn

    app = create_app(module_dataset.data, module_dataset.raw, module_dataset.store_url)
    for name in ("Anna", "Ana", "Ben"):
        ensure_account(app, name)
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
    yield type("Server", (), {"url": url, "app": app, "data": module_dataset.data})
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():  # the machine's chromium is a stated requirement of the tests
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


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
