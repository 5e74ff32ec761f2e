"""OCR of scanned returns: words, positions and confidence come back; failures are reported."""

from __future__ import annotations


import pytest

from questionnaire_returns.read import ocr, read_bytes
from tests import fixtures_readers as F


LINES = ["National Action Plan adopted in 2006", "The coordinator chairs the task force"]


@pytest.fixture(autouse=True)
def fresh_tesseract_check():
    ocr._installed.cache_clear()
    yield
    ocr._installed.cache_clear()


def test_a_scanned_page_comes_back_as_ocr_lines_with_positions_and_confidence():
    doc = read_bytes(F.image_only_pdf(LINES), "scan.pdf", "scan.pdf")
    assert doc.form == "pdf_scan" and doc.image_only_pages == (1,) and doc.unreadable_pages == ()
    assert [line.text for line in doc.lines] == LINES
    first, second = doc.lines
    assert first.origin == "ocr" and first.page == 1
    # the fixture draws the lines 72 pt from the left and top, 24 pt apart, 12 pt type
    assert abs(first.bbox[0] - 72) < 4 and abs(first.bbox[1] - 74) < 5
    assert abs((second.bbox[1] - first.bbox[1]) - 24) < 3
    assert 0.6 < first.ocr_confidence <= 1


def test_specks_and_grain_on_a_scan_are_not_read_as_marks_or_letters():
    doc = read_bytes(F.speckled_scan_pdf(LINES), "scan.pdf", "scan.pdf")
    assert [line.text for line in doc.lines] == LINES  # not '“National Action Plan ...'


def test_a_scan_with_a_fax_stamp_is_ocrd_in_full():
    doc = read_bytes(F.stamped_scan_pdf(LINES), "fax.pdf", "fax.pdf")
    assert [line.text for line in doc.lines][-2:] == LINES
    assert all(line.origin == "ocr" for line in doc.lines)


def test_a_blank_scanned_page_is_reported_unreadable_and_the_rest_still_reads():
    from pypdf import PdfReader, PdfWriter
    import io

    writer = PdfWriter()
    for part in (F.image_only_pdf(LINES), F.image_only_pdf(blank=True)):
        writer.append(PdfReader(io.BytesIO(part)))
    buf = io.BytesIO()
    writer.write(buf)
    doc = read_bytes(buf.getvalue(), "scan.pdf", "scan.pdf")
    assert doc.image_only_pages == (1, 2)
    assert doc.unreadable_pages == ((2, "OCR found no text on the page"),)
    assert [line.text for line in doc.lines] == LINES


def test_without_tesseract_scanned_pages_are_reported_not_crashed(monkeypatch):
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    doc = read_bytes(F.image_only_pdf(), "scan.pdf", "scan.pdf")
    assert doc.lines == ()
    assert doc.unreadable_pages == ((1, "OCR is not available: tesseract is not installed on this machine"),)


def test_tesseract_runs_with_one_thread_even_when_the_environment_was_reset(monkeypatch):
    """Prefect's process pool restores a worker's environment before each task; tesseract
    with its OpenMP threads was several times slower there."""
    from questionnaire_returns.read import ocr

    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    ocr._pytesseract()
    import os

    assert os.environ["OMP_THREAD_LIMIT"] == "1"


@pytest.mark.parametrize("words, confidences, dropped", [
    (["1", "tetormateen", "os", "of", "33", "Oecernter", "2912"], [84, 0, 80, 83, 53, 4, 77], True),
    (["Permanert", "Mason", "of", "Albania", "te", "the", "OXE"], [12, 20, 80, 25, 60, 90, 40], True),
    (["Insufficient", "budget", "and", "staff"], [91, 95, 96, 94], False),
    (["QO", "Yes", "☒", "No"], [12, 20, 40, 90], False),
    (["ЭХ", "Да-Нет"], [10, 25], False),  # an 'X' typed on 'Да' of 'Да-Нет': the answer, however unsure tesseract is  # a box read as letters: scan_boxes' job, not dropped
    (["The", "pian", "brought", "labour", "inspectors", "ahd", "trade", "unions"], [90, 45, 95, 94, 95, 20, 96, 95], False),
])
def test_a_line_tesseract_guessed_rather_than_read_is_not_kept(words, confidences, dropped):
    """A smudged footer OCR'd as '1 tetormateen os of 33 Oecernter 2912' (mean confidence 54 %) was kept
    and became the answer to the question above it, auto; a line with a word or two misread stays."""
    assert ocr.unread(words, [float(c) for c in confidences]) is dropped


@pytest.mark.parametrize("ocr_text, meant", [
    ("☒ Да ☐ der", "☒ Да ☐ Нет"), ("☐ да ☒ nder", "☐ да ☒ нет"), ("☒ Да ☐ Oder", "☒ Да ☐ Нет"),
    ("☐ Oui ☒ Nen", "☐ Oui ☒ Non"), ("☒ Yes ☐ Na", "☒ Yes ☐ No"), ("☐ Jo ☒ Nein", "☐ Ja ☒ Nein"), ("☐ Xa ☒ Нет", "☐ Да ☒ Нет"), ("☐ ‘es ☒ No", "☐ ‘es ☒ No"),
    ("☐ Ja ☒ Nein", "☐ Ja ☒ Nein"), ("☒ Yes ☐ No", "☒ Yes ☐ No"),
    ("☒ Иное ☐ der", "☒ Иное ☐ der"), ("☒ Yes ☐ No comment", "☒ Yes ☐ No comment"),
    ("☒ Advisory ☐ Other", "☒ Advisory ☐ Other"), ("☐ Yes ☒ N/A", "☐ Yes ☒ N/A"),
    # the ticked box itself read as a symbol, beside a box read empty: it is the tick
    ("® Да ☐ Her", "☒ Да ☐ Нет"), ("= Да ☐ Нет", "☒ Да ☐ Нет"), ("© Yes ☐ No", "☒ Yes ☐ No"),
    ("® Advisory ☐ Other", "® Advisory ☐ Other"),
])
def test_a_yes_no_box_row_whose_other_option_ocr_misread_gets_it_back(ocr_text, meant):
    """'☒ Да ☐ Нет' on a Russian scan came back as '☒ Да ☐ der': the row no longer read as yes/no."""
    assert ocr.yes_no_row(ocr_text) == meant
