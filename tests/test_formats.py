"""Every format a ministry sends is read, or fails with a reason naming it: RTF, OpenDocument and
Word 97-2003 through LibreOffice, Excel and CSV survey exports, scans sent as TIFF, PNG or JPEG,
and the same files attached to e-mails."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from questionnaire_returns.pipeline import process_document
from questionnaire_returns.read import ReadError, read_bytes
from questionnaire_returns.read import libreoffice, ocr
from questionnaire_returns.records import CHECKED, UNCHECKED
from tests import fixtures_formats as F


def read(data: bytes, name: str):
    return read_bytes(data, name, name)


def texts(doc) -> list[str]:
    return [line.text for line in doc.lines]


def after(doc, heading: str) -> str:
    lines = texts(doc)
    return lines[lines.index(heading) + 1]


def values(doc) -> dict[str, str]:
    return {a.field: a.value for a in process_document(doc).answers}


@pytest.fixture(scope="module")
def doc_file(tmp_path_factory) -> bytes:
    """A Word 97-2003 file with legacy form checkboxes, saved by LibreOffice."""
    return F.libreoffice_convert(F.legacy_checkbox_docx(), "docx", "doc", tmp_path_factory.mktemp("doc"))


# --- which reader -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "build, name, form",
    [
        (F.rtf_return, "reply.doc", "rtf"),
        (F.odt_return, "reply.zip", "odt"),
        (F.xlsx_export, "reply.dat", "xlsx"),
        (F.tiff_scan, "scan.pdf", "image"),
        (F.png_scan, "scan.jpg", "image"),
        (F.csv_wide, "export.csv", "csv"),
    ],
)
def test_each_format_is_told_by_its_content(build, name, form):
    assert read(build(), name).form == form


def test_a_semicolon_export_named_txt_is_text_and_named_csv_is_a_table():
    data = F.csv_long()
    assert read(data, "export.txt").form == "text"
    assert read(data, "export.csv").form == "csv"


def _zip(members: dict[str, bytes | str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, content in members.items():
            z.writestr(name, content)
    return buf.getvalue()


@pytest.mark.parametrize(
    "data, reason",
    [
        (_zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}),
         "looks like an OpenDocument spreadsheet (LibreOffice): save it as .docx, .xlsx or PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64) + "Workbook".encode("utf-16-le") + bytes(64),
         "looks like an old Excel workbook (.xls): save it as .xlsx or CSV"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64) + "EncryptedPackage".encode("utf-16-le") + bytes(64),
         "looks like a password-protected Office file: save it without a password"),
    ],
    ids=["ods", "xls", "password-office"],
)
def test_formats_still_refused_say_what_to_send_instead(data, reason):
    with pytest.raises(ReadError) as err:
        read(data, "reply.bin")
    assert err.value.reason == f"not a format the pipeline reads ({reason})"


# --- RTF, OpenDocument, Word 97-2003 ------------------------------------------------------


def test_an_rtf_return_keeps_its_boxes_table_and_an_option_marked_by_highlight():
    doc = read(F.rtf_return(), "reply.rtf")
    assert doc.form == "rtf"
    assert after(doc, F.Q1) == f"{CHECKED} Yes {UNCHECKED} No"
    assert after(doc, F.Q6) == f"{CHECKED} Advisory {UNCHECKED} Policy making {UNCHECKED} Implementation {UNCHECKED} Other"
    assert doc.tables[0].rows == (("Ministry", "Role"), ("Interior", "Chair"))
    assert texts(doc)[-1] == "Closing paragraph."


def test_an_odt_return_keeps_its_boxes_table_and_an_option_marked_in_bold():
    doc = read(F.odt_return(), "reply.odt")
    assert doc.form == "odt"
    assert after(doc, F.Q1) == f"{UNCHECKED} Yes {CHECKED} No"
    assert after(doc, F.Q5) == f"{CHECKED} Yes {UNCHECKED} No"
    assert doc.tables[0].rows == (("Ministry", "Role"), ("Interior", "Chair"))
    assert values(doc)["ncm_exists"] == "no" and values(doc)["ncm_budget"] == "yes"


def test_a_word_97_file_keeps_its_legacy_form_checkboxes(doc_file):
    doc = read(doc_file, "reply.doc")
    assert doc.form == "doc"
    assert after(doc, F.Q1) == f"{CHECKED} Yes {UNCHECKED} No"
    assert after(doc, F.Q16) == f"{UNCHECKED} Yes {CHECKED} No"
    got = values(doc)
    assert got["ncm_exists"] == "yes" and got["nrm_exists"] == "no"


def test_without_libreoffice_the_reason_names_the_format_and_the_missing_program(monkeypatch):
    monkeypatch.setattr(libreoffice, "soffice", lambda: None)
    with pytest.raises(ReadError) as err:
        read(F.rtf_return(), "reply.rtf")
    assert err.value.reason == (
        "the RTF document could not be read: LibreOffice is not installed on this machine "
        "(make sysdeps installs libreoffice-writer-nogui)")


def test_a_damaged_word_97_file_is_reported_as_damaged():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64) + "WordDocument".encode("utf-16-le") + bytes(64)
    with pytest.raises(ReadError) as err:
        read(data, "reply.doc")
    assert err.value.reason.startswith(
        "the Word 97-2003 document (.doc) could not be read: LibreOffice could not open it, it may be damaged")


def test_a_conversion_that_hangs_is_killed_at_the_timeout_and_reported(monkeypatch, tmp_path):
    """A LibreOffice that never finishes (here a stand-in that starts a child and waits): the
    whole process group is killed when the timeout passes, and the file fails with that reason."""
    pidfile = tmp_path / "child.pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {pidfile}\nwait\n")
    fake.chmod(0o755)
    monkeypatch.setattr(libreoffice, "soffice", lambda: str(fake))
    monkeypatch.setattr(libreoffice, "TIMEOUT", 2)
    started = time.monotonic()
    with pytest.raises(ReadError) as err:
        read(F.odt_return(), "reply.odt")
    assert time.monotonic() - started < 15
    assert err.value.reason == ("the OpenDocument text (.odt) could not be read: "
                                "LibreOffice did not finish converting it within 2 s")
    time.sleep(0.2)
    assert not _running(int(pidfile.read_text()))  # LibreOffice's own child (soffice.bin) is gone too


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting for its exit status to be collected."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False


# --- spreadsheets and CSV ---------------------------------------------------------------

EXPECTED = {"ncm_exists": "yes", "ncm_budget": "no", "nrm_exists": "yes", "nrm_established_year": "2006"}


def test_an_excel_export_reads_as_numbered_questions_each_followed_by_its_answer():
    doc = read(F.xlsx_export(), "export.xlsx")
    lines = texts(doc)
    assert lines[:2] == ["Country: Ruritania", "Date: 14 March 2015"]
    assert after(doc, F.Q1) == "Yes" and after(doc, F.Q6) == "Policy making"
    assert "Lists" not in lines and not any(line == "Yes: No" for line in lines)  # the hidden sheet
    got = values(doc)
    assert {k: got.get(k) for k in EXPECTED} == EXPECTED


def test_an_export_whose_numbers_stand_only_in_the_number_column_gets_them_on_the_question():
    doc = read(F.xlsx_export(numbers_in_text=False), "export.xlsx")
    assert after(doc, F.Q16) == "Yes"  # "16. Does your country ..." rebuilt from the number cell
    got = values(doc)
    assert {k: got.get(k) for k in EXPECTED} == EXPECTED


def test_a_csv_export_in_a_windows_code_page_with_semicolons():
    doc = read(F.csv_long("cp1252", ";"), "export.csv")
    assert doc.encoding == "cp1252"
    assert "Land: Fürstentum Ruritanien" in texts(doc)
    got = values(doc)
    assert {k: got.get(k) for k in EXPECTED} == EXPECTED


def test_a_wide_survey_export_becomes_one_answer_per_question():
    doc = read(F.csv_wide(), "export.csv")
    lines = texts(doc)
    assert lines[:3] == ["RespondentID: 1185", "Country: Ruritania", "Submitted: 12 May 2015"]
    assert lines[lines.index("Q1.") + 1] == "Yes"  # the answer under its question, as typed returns put it
    assert lines[lines.index("Q7.") + 1] == "Q8."  # a blank column keeps its question's place
    assert lines[lines.index("Q3.") + 1:lines.index("Q3.") + 3] == ["a) Yes | Ministry of the Interior", "b) No"]
    got = values(doc)
    assert {k: got.get(k) for k in EXPECTED} == EXPECTED
    assert got["ncm_interministerial"] == "yes" and got["ncm_experts"] == "no"
    assert got["nap_coverage"] == "law_enforcement;prevention"


def test_a_wide_export_of_several_respondents_says_so():
    head, row = F.csv_wide().decode("utf-8-sig").splitlines()[:2]
    doc = read(("\n".join([head, row, row.replace("Ruritania", "Freedonia")]) + "\n").encode(), "export.csv")
    assert doc.warnings == ("the export holds 2 responses; they are read as one return",)


def test_a_workbook_with_no_filled_cell_is_reported():
    import openpyxl

    buf = io.BytesIO()
    openpyxl.Workbook().save(buf)
    with pytest.raises(ReadError) as err:
        read(buf.getvalue(), "export.xlsx")
    assert err.value.reason == "the Excel workbook has no filled cells"


def test_a_damaged_workbook_is_reported_in_plain_words():
    data = F.xlsx_export()[:3000]
    with pytest.raises(ReadError) as err:
        read(data, "export.xlsx")
    assert err.value.reason.startswith("the Excel workbook is damaged or cannot be opened")


# --- scans sent as images ---------------------------------------------------------------


@pytest.fixture(autouse=True)
def fresh_tesseract_check():
    ocr._installed.cache_clear()
    yield
    ocr._installed.cache_clear()


def test_every_page_of_a_multi_page_tiff_is_read_through_ocr():
    doc = read(F.tiff_scan(), "scan.tif")
    assert doc.form == "image" and doc.page_count == 3 and doc.image_only_pages == (1, 2, 3)
    assert doc.unreadable_pages == ()
    assert [(line.page, line.text) for line in doc.lines] == [
        (n, text) for n, page in enumerate(F.SCAN_PAGES, start=1) for text in page]
    first = doc.lines[0]
    assert first.origin == "ocr" and abs(first.bbox[0] - 72) < 4 and abs(first.bbox[1] - 74) < 6  # points, as a PDF scan's


def test_a_png_without_a_resolution_is_measured_as_an_a4_page():
    doc = read(F.png_scan(), "scan.png")
    assert texts(doc) == F.SCAN_PAGES[0]
    assert abs(doc.lines[0].bbox[0] - 72) < 5


def test_a_phone_photo_stored_sideways_is_turned_upright_before_ocr():
    doc = read(F.jpeg_photo(), "photo.jpg")
    assert texts(doc) == F.SCAN_PAGES[0]


def test_an_image_with_ocr_turned_off_fails_with_the_reason(monkeypatch):
    import questionnaire_returns.config as config

    off = config.settings().model_copy(update={"reader": config.Reader(ocr=False)})
    monkeypatch.setattr(config, "settings", lambda: off)
    with pytest.raises(ReadError) as err:
        read(F.png_scan(), "scan.png")
    assert err.value.reason == "the file is a scanned PNG image, and OCR is turned off in config.yaml (reader.ocr)"


def test_a_truncated_image_is_reported_not_crashed_on():
    data = F.png_scan()
    with pytest.raises(ReadError) as err:
        read(data[: len(data) // 2], "scan.png")
    assert err.value.reason.startswith("the PNG image cannot be read: the page is damaged or cut short")


def test_tick_boxes_on_a_scanned_image_are_read_from_their_pixels():
    """■ ❏ ☐ ☒ ☑ on a bilevel scan (thin outlines, bold questions): OCR alone reads them as
    '@', '4', 'a' or nothing; the boxes' pixels say which option is ticked."""
    got = texts(read(F.box_scan(F.BOX_PAGE_EN), "scan.tif"))
    assert got[1] == f"{CHECKED} Yes {UNCHECKED} No"
    assert got[3] == f"{UNCHECKED} Yes {CHECKED} No"
    assert got[5] == f"{CHECKED} Advisory {UNCHECKED} Policy making {UNCHECKED} Other"
    # bold round and open letters ('D', 'B', 'O', 'o') are no boxes
    assert [got[k] for k in (0, 2, 4, 6)] == [F.BOX_PAGE_EN[k][1] for k in (0, 2, 4, 6)]


def test_tick_boxes_on_a_scanned_russian_page_and_its_bold_letters_left_alone():
    got = texts(read(F.box_scan(F.BOX_PAGE_RU), "scan.tif"))
    assert got[1] == f"{CHECKED} Да {UNCHECKED} Нет"
    assert got[3] == f"{UNCHECKED} Да {CHECKED} Нет"
    assert got[0] == F.BOX_PAGE_RU[0][1]
    assert CHECKED not in got[2] and UNCHECKED not in got[2]  # bold 'в', 'и', 'п' are no boxes


# --- e-mail attachments -------------------------------------------------------------------


def test_an_e_mail_reads_attachments_of_the_new_formats():
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "mission@ruritania.example"
    msg["To"] = "thb@osce.example"
    msg["Subject"] = "Reply"
    msg.set_content("Please find our reply attached.")
    msg.add_attachment(F.xlsx_export(), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="reply.xlsx")
    msg.add_attachment(F.rtf_return(), maintype="application", subtype="rtf", filename="reply.rtf")
    msg.add_attachment(F.csv_wide(), maintype="text", subtype="csv", filename="export.csv")
    doc = read(bytes(msg), "mail.eml")
    assert [(a.source_file, a.form) for a in doc.attachments] == [
        ("mail.eml::reply.xlsx", "xlsx"), ("mail.eml::reply.rtf", "rtf"), ("mail.eml::export.csv", "csv")]
    assert doc.warnings == ()


def test_an_e_mail_whose_plain_part_is_only_a_stub_is_read_from_its_html_part():
    # Outlook's multipart/alternative: "This message is in HTML format" as text/plain, the answers in text/html
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "mission@ruritania.example"
    msg["Subject"] = "Respuesta al cuestionario"
    msg.set_content("Este mensaje está en formato HTML. Si no puede leerlo, póngase en contacto con el remitente.")
    questions = "".join(f"<p><b>{n}. </b>Pregunta número {n} del cuestionario<br><span>Sí</span></p>" for n in range(1, 12))
    msg.add_alternative(f"<html><body><p>Estimados colegas:</p>{questions}</body></html>", subtype="html")
    doc = read(bytes(msg), "mail.eml")
    texts = [line.text for line in doc.lines]
    assert "Estimados colegas:" in texts and any(t.startswith("11.") for t in texts)
    assert not any("formato HTML" in t for t in texts)


def test_an_e_mail_with_a_full_plain_part_keeps_it():
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["Subject"] = "Reply"
    msg.set_content("1. Yes\n2. The National Commission on trafficking in persons.\n5. No")
    msg.add_alternative("<html><body><p>1. Yes</p><p>2. The National Commission.</p><p>5. No</p></body></html>", subtype="html")
    assert [line.text for line in read(bytes(msg), "mail.eml").lines][1] == "2. The National Commission on trafficking in persons."


def test_an_answer_cell_in_small_letters_does_not_make_its_questions_short_label_an_answer():
    """'14 | Résultats du plan | mise en place d'indicateurs ...': the question cell's own short label stays the
    question's, though the answer in the next cell opens in small letters as if it went on with it."""
    rows = ["numéro,question,réponse",
            "1,Existe-t-il un mécanisme national de coordination ?,oui",
            "9a,Plan d'action national,oui. adopté en 2005",
            "14,Résultats du plan,mise en place d'indicateurs de suivi; association des ONG à la mise en œuvre",
            "15,Difficultés de mise en œuvre,l'insuffisance des crédits budgétaires"]
    got = values(read(("\n".join(rows) + "\n").encode("utf-8-sig"), "export.csv"))
    assert got["nap_achievements"] == "mise en place d'indicateurs de suivi; association des ONG à la mise en œuvre"
    assert got["nap_challenges"] == "l'insuffisance des crédits budgétaires"


def _tick_sheet(head: tuple[str, ...], rows: list[tuple]) -> bytes:
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(("Country", "Ruritania"))
    sheet.append(())
    sheet.append(head)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


TICK_ROWS = {
    "en": [("1", "Does your country have a recognized mechanism to co-ordinate responses to trafficking?", "X", None, None),
           ("2", "If yes, what is the nature of the mechanism?", None, None, None),
           (None, "b) National working group, commission or task force", None, None, "Inter-Agency Working Group"),
           ("3", "What is the composition of the working group?", None, None, None),
           (None, "b) Experts or operational staff? Which?", None, "X", None),
           ("5", "Does the national co-ordination mechanism have its own budget?", None, "X", None),
           ("16", "Does your country have a national reporting mechanism?", "X", None, "Since 2004")],
    "de": [("1", "Gibt es in Ihrem Staat einen anerkannten Mechanismus zur Koordinierung gegen Menschenhandel?", "X", None, None),
           ("2", "Falls ja, welcher Art ist dieser Mechanismus?", None, None, None),
           (None, "b) Nationale Arbeitsgruppe, Kommission oder Task Force", None, None, "Interministerielle Arbeitsgruppe"),
           ("3", "Wie ist die Arbeitsgruppe zusammengesetzt?", None, None, None),
           (None, "b) Fachleute/operative Ebene? Welche?", None, "X", None),
           ("5", "Verfügt der nationale Koordinierungsmechanismus über ein eigenes Budget?", None, "X", None),
           ("16", "Gibt es in Ihrem Staat einen nationalen Berichterstattungsmechanismus?", "X", None, "Seit 2004")],
}


@pytest.mark.parametrize("lang, head", [("en", ("No.", "Question", "Yes", "No", "Remarks")),
                                        ("de", ("Nr.", "Frage", "Ja", "Nein", "Anmerkungen"))])
def test_a_sheet_ticked_in_yes_and_no_columns_says_which(lang, head):
    """'1 | Does your country have ...? | X | | ': the X stands in the Yes column; the column's heading is the answer."""
    doc = read(_tick_sheet(head, TICK_ROWS[lang]), "ticks.xlsx")
    got = values(doc)
    assert got["ncm_exists"] == "yes" and got["ncm_experts"] == "no" and got["ncm_budget"] == "no"
    assert got["nrm_exists"] == "yes"


def test_a_sheet_that_repeats_a_questions_number_on_its_sub_rows_keeps_them_in_that_question():
    """'3 | Anteil | 30%' under '3 | d) Zivilgesellschaft? | JA': the number repeated on a sub-row is no new question 3;
    the row is a label and its value within it."""
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [("Nr.", "Frage", "Antwort"),
                ("1", "Gibt es in Ihrem Staat einen anerkannten Koordinierungsmechanismus?", "JA"),
                ("3", "Falls es sich um eine Arbeitsgruppe handelt: Wie ist sie zusammengesetzt?", None),
                (None, "d) Vertreter/innen der Zivilgesellschaft?", "JA"),
                ("3", "Anteil", "30%"),
                ("3", "Funktion", "Als Beobachter"),
                ("4", "Auf welcher Grundlage wurde der Mechanismus eingerichtet? Wann?", None),
                ("4", "Grundlage", "Verordnung der Bundesregierung"),
                ("4", "Eingerichtet", "2001")]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    got = values(read(out.getvalue(), "sheet.xlsx"))
    assert got.get("ncm_civil_society") == "yes" and got.get("ncm_civil_society_share") == "30"
    assert got.get("ncm_civil_society_role") == "observer"
    assert got.get("ncm_legal_basis") == "decree" and got.get("ncm_established_year") == "2001"
