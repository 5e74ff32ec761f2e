"""Every source in view: fillable pages drawn with their values, text sources with the
evidence marked, a missing required answer with its return, page turning and zoom."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from PIL import Image

sys.path.insert(0, str(Path(__file__).parent))
pytest_plugins = ["conftest_review"]
pytest.register_assert_rewrite("conftest_review")

from conftest_review import (BODY_MAIL, FORM_BBOX, FORM_PDF, HTML, TEXT, WORD, WORD_EVIDENCE,  # noqa: E402
                             client_for)
from questionnaire_returns.review.app import create_app  # noqa: E402

SCALE = 1.5  # pixels per point at zoom 1


@pytest.fixture
def client(sources_dataset, publish_module):
    app = create_app(sources_dataset.data, sources_dataset.raw, sources_dataset.store_url)
    return client_for(app, "Anna")


def png(response) -> Image.Image:
    assert response.status_code == 200, response.text
    return Image.open(io.BytesIO(response.content)).convert("L")


def dark_pixels(image: Image.Image, bbox: str, inset: float = 4, scale: float = SCALE) -> int:
    x0, top, x1, bottom = (float(v) for v in bbox.split(","))
    crop = image.crop((int((x0 + inset) * scale), int((top + inset) * scale),
                       int((x1 - inset) * scale), int((bottom - inset) * scale)))
    return sum(1 for p in crop.tobytes() if p < 110)


def marked(html: str) -> str | None:
    m = re.search(r'<mark id="evidence-mark">(.*?)</mark>', html, re.S)
    return m.group(1) if m else None


def test_a_fillable_page_is_drawn_with_its_values(client):
    page = png(client.get("/page-image", params={"file": FORM_PDF, "page": 2}))
    assert dark_pixels(page, FORM_BBOX) > 150  # the field's text, not an empty box
    # the ticked box too (x 72-90, 182-200 points from the top)
    assert dark_pixels(page, "72,182,90,200", inset=3) > 20


def test_item_page_shows_the_evidence_page_with_page_turning(client):
    html = client.get("/item", params={"s": "ca-2007", "f": "ncm_body_name"}).text
    assert 'id="page-image"' in html and 'data-pages="2"' in html and 'data-page="2"' in html
    assert "page=2" in html and "bbox=72%2C120%2C400%2C148" in html
    one, two = (png(client.get("/page-image", params={"file": FORM_PDF, "page": p})) for p in (1, 2))
    assert one.size == two.size and one.tobytes() != two.tobytes()
    assert client.get("/page-image", params={"file": FORM_PDF, "page": 3}).status_code == 404


def test_zoom(client):
    normal = png(client.get("/page-image", params={"file": FORM_PDF, "page": 2}))
    big = png(client.get("/page-image", params={"file": FORM_PDF, "page": 2, "zoom": "2"}))
    small = png(client.get("/page-image", params={"file": FORM_PDF, "page": 2, "zoom": "0.5"}))
    assert abs(big.width - 2 * normal.width) <= 2 and abs(small.width - normal.width / 2) <= 2
    # the highlight follows the zoom
    lit = png(client.get("/page-image", params={"file": FORM_PDF, "page": 2, "zoom": "2", "bbox": FORM_BBOX}))
    x, y = int(395 * 2 * SCALE), int(124 * 2 * SCALE)  # inside the field, right of its text
    assert lit.getpixel((x, y)) != big.getpixel((x, y))


@pytest.mark.parametrize("sub, field, source, evidence", [
    ("ge-2007", "ncm_lead_ministry", WORD, WORD_EVIDENCE),
    ("no-2007", "nrm_exists", HTML, "16. Yes, the National Rapporteur reports yearly."),
    ("ru-2007", "ncm_exists", TEXT, "1. Да"),
    ("mt-2007", "nap_exists", BODY_MAIL, "Malta adopted its National Action Plan in 2006."),
])
def test_text_sources_show_the_evidence_marked(client, sub, field, source, evidence):
    html = client.get("/item", params={"s": sub, "f": field}).text
    assert 'id="source-text"' in html and "No page image" not in html
    assert marked(html) == evidence
    assert 'id="evidence-found"' in html and "not word for word" not in html


def test_evidence_written_otherwise_is_found_by_its_closest_passage(client):
    r = client.get("/source-text", params={"file": WORD, "evidence": "The Inter Agency Council is chaired by Ministry of Justice"})
    assert r.status_code == 200
    assert "Inter-Agency Council is chaired by the Ministry of Justice" in marked(r.text)
    assert "not word for word" in r.text
    r = client.get("/source-text", params={"file": WORD, "evidence": "nothing like this is in the reply at all"})
    assert r.status_code == 200 and marked(r.text) is None


@pytest.mark.parametrize("sub, field, view", [("ca-2007", "nap_exists", "image"), ("ge-2007", "nrm_exists", "text")])
def test_a_missing_required_answer_shows_its_return(client, sub, field, view):
    html = client.get("/item", params={"s": sub, "f": field}).text
    assert 'id="return-shown"' in html and "the return does not answer it" in html
    if view == "image":
        assert 'id="page-image"' in html and 'data-page="1"' in html and 'data-bbox=""' in html
        assert f"file={FORM_PDF.replace('/', '%2F')}" in html
    else:
        assert 'id="source-text"' in html and "Reply of Georgia" in html and marked(html) is None


def test_source_text_serves_only_files_under_raw(client, sources_dataset):
    (sources_dataset.root / "secret.txt").write_text("secret", encoding="utf-8")
    for name in ("../secret.txt", "/etc/passwd", "russia/../../secret.txt", ""):
        r = client.get("/source-text", params={"file": name})
        assert r.status_code == 404 and "secret" not in r.text.replace("secret.txt", ""), name
