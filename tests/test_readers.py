"""Readers: one test per behaviour a member of staff or an extractor would notice."""

from __future__ import annotations

import io
import zipfile

import pytest

from questionnaire_returns.records import CHECKED, UNCHECKED
from questionnaire_returns.read import ReadError, read_bytes, read_file
from questionnaire_returns.read.ticks import apply, find_ticks, round_marks_allowed
from tests import fixtures_readers as F


def read(data: bytes, name: str = "return.pdf"):
    return read_bytes(data, name, name)


def line_with(doc, needle: str):
    found = [line for line in doc.lines if needle in line.text]
    assert found, f"no line with {needle!r} in {[line.text for line in doc.lines]}"
    return found[0]


# --- dispatch -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "build, misleading_name, form",
    [
        (F.typed_pdf, "return.doc", "pdf_typed"),
        (F.docx_bytes, "return.pdf", "docx"),
        (F.eml_bytes, "return.txt", "email"),
        (lambda: F.HTML.encode(), "return.txt", "html"),
        (lambda: F.FRENCH.encode("utf-8"), "return.html", "text"),
    ],
)
def test_format_is_told_by_content_not_extension(build, misleading_name, form):
    assert read(build(), misleading_name).form == form


def test_source_file_is_the_slash_separated_path_under_raw(tmp_path):
    path = tmp_path / "raw" / "2007" / "ruritania.txt"
    path.parent.mkdir(parents=True)
    path.write_bytes(F.FRENCH.encode("utf-8"))
    assert read_file(path, tmp_path / "raw").source_file == "2007/ruritania.txt"


def _zip(names: list[str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n in names:
            z.writestr(n, "x")
    return buf.getvalue()


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "the file is empty"),
        (b"  \n\r\n ", "the file is empty"),
        ("\ufeff \n".encode("utf-16"), "the file is empty"),
        (_zip(["a.txt"]), "not a format the pipeline reads (looks like a ZIP archive)"),
        (b"Rar!\x1a\x07\x00" + bytes(100), "not a format the pipeline reads (looks like a RAR archive)"),
        (bytes(range(256)) * 8, "not a format the pipeline reads (looks like binary data)"),
        (F.encrypted_pdf(), "the PDF is password-protected"),
        (F.zero_page_pdf(), "the PDF has no pages"),
        (F.truncated_pdf(), "the PDF is damaged or truncated: the file ends early (no end-of-file marker)"),
    ],
    ids=["empty", "blank", "blank-utf16", "zip", "rar", "binary", "password", "no-pages", "truncated"],
)
def test_unreadable_file_is_reported_in_plain_words(data, reason):
    with pytest.raises(ReadError) as err:
        read(data, "return.pdf")
    assert err.value.reason == reason
    assert err.value.source_file == "return.pdf"


def test_a_damaged_pdf_with_an_end_marker_is_reported_as_damaged():
    data = b"%PDF-1.4\n" + b"garbage " * 200 + b"\n%%EOF\n"
    with pytest.raises(ReadError, match="the PDF is damaged or truncated: "):
        read(data)


def test_a_file_over_the_size_limit_is_reported_not_read(monkeypatch):
    import questionnaire_returns.config as config

    small = config.settings().model_copy(update={"reader": config.Reader(max_file_mb=0.001)})
    monkeypatch.setattr(config, "settings", lambda: small)
    with pytest.raises(ReadError) as err:
        read(F.typed_pdf(pages=4))
    assert "over the 0.001 MB limit set in config.yaml (reader.max_file_mb)" in err.value.reason
    assert err.value.reason.startswith("the file is ")


def test_a_file_over_the_limit_is_refused_before_it_is_read(monkeypatch, tmp_path):
    import questionnaire_returns.config as config

    small = config.settings().model_copy(update={"reader": config.Reader(max_file_mb=0.001)})
    monkeypatch.setattr(config, "settings", lambda: small)
    path = tmp_path / "big.pdf"
    path.write_bytes(F.typed_pdf(pages=4))
    monkeypatch.setattr(type(path), "read_bytes", lambda self: pytest.fail("read before the size check"))
    with pytest.raises(ReadError, match="reader.max_file_mb"):
        read_file(path, tmp_path)


# --- ticks ----------------------------------------------------------------------------


def norm(text: str, round_ok: bool = False) -> str:
    return apply(text, find_ticks(text, round_ok))[0]


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("☑ Yes ✓ ✔ ■ ✗ ⊠", "☒ Yes ☒ ☒ ☒ ☒ ☒"),
        ("□ No ❑ ☐", "☐ No ☐ ☐"),
        ("[X] a) Yes [ ] b) No", "☒ a) Yes ☐ b) No"),
        ("[x] Yes [  ] No [✓] Other", "☒ Yes ☐ No ☒ Other"),
        ("(X) Yes ( ) No", "☒ Yes ☐ No"),
        ("(x) Oui", "☒ Oui"),
    ],
)
def test_every_tick_notation_becomes_one_token(raw, expected):
    assert norm(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["a) Yes", "b) No", "Article 5(x) of the Criminal Code", "(x) the victim is a child;", "see note [1] and f(x)", "arr[x]"],
)
def test_text_that_only_looks_like_a_tick_is_left_alone(raw):
    assert norm(raw) == raw


def test_round_x_counts_in_a_document_that_also_has_empty_round_boxes():
    lines = ["( ) National co-ordinator", "(x) National working group"]
    ok = round_marks_allowed(lines)
    assert [norm(t, ok) for t in lines] == ["☐ National co-ordinator", "☒ National working group"]


@pytest.mark.parametrize(
    "raw, labels",
    [("☒ a) Yes ☐ b) No", ["a) Yes", "b) No"]), ("Yes ☒   No ☐", ["Yes", "No"]), ("[X] Independent rapporteur", ["Independent rapporteur"])],
)
def test_each_box_is_labelled_with_the_text_beside_it(raw, labels):
    assert [p.label for p in apply(raw, find_ticks(raw))[1]] == labels


# --- PDF ------------------------------------------------------------------------------


def test_pdf_lines_carry_page_and_the_box_pdfplumber_would_give():
    import pdfplumber

    data = F.typed_pdf(pages=2, lines_per_page=5)
    doc = read(data)
    assert doc.page_count == 2 and len(doc.lines) == 10
    assert [line.page for line in doc.lines] == [1] * 5 + [2] * 5
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        ref = pdf.pages[1].extract_text_lines()[2]
    line = doc.lines[7]
    assert line.text == ref["text"]
    for ours, theirs in zip(line.bbox, (ref["x0"], ref["top"], ref["x1"], ref["bottom"])):
        assert abs(ours - theirs) < 2


def test_a_table_row_is_cut_at_its_cells_rules_so_the_answer_is_its_own_line():
    doc = read(F.question_table_pdf())
    texts = [line.text for line in doc.lines]
    assert "Q7" in texts and "Achievements" in texts
    assert "The commission drafted a new article" in texts  # not "Q7 Achievements The commission ..."
    assert line_with(doc, "The commission").bbox[0] > line_with(doc, "Achievements").bbox[2]


def test_pdf_metadata_goes_to_meta():
    meta = read(F.typed_pdf()).meta
    assert meta["title"] == "Return of Ruritania"
    assert meta["author"] == "Ministry of Interior"
    assert len(meta["created"]) == 10 and meta["created"][4] == "-"


def test_glyph_ticks_in_a_pdf_read_as_tokens_with_marks():
    doc = read(F.glyph_ticks_pdf())
    assert line_with(doc, "a) Yes").text == f"a) Yes {CHECKED} b) No {UNCHECKED}"
    assert line_with(doc, "Independent").text == f"{CHECKED} Independent National Rapporteur"
    yes = [m for m in doc.marks if m.label == "a) Yes"][0]
    assert yes.checked and yes.how == "glyph" and yes.page == 1
    assert yes.bbox[2] - yes.bbox[0] < 12  # the glyph's own box, not the line's


def test_bracket_ticks_in_a_pdf_read_as_tokens():
    doc = read(F.glyph_ticks_pdf())
    assert line_with(doc, "a) Yes ☐ b) No").text == f"{CHECKED} a) Yes {UNCHECKED} b) No"
    assert [m.how for m in doc.marks if m.label == "b) No"] == ["glyph", "bracket"]
    assert line_with(doc, "Article").text == "Article 5(x) of the Criminal Code applies."


def test_wingdings_boxes_without_unicode_read_as_ticks_and_letters_stay_letters():
    doc = read(F.wingdings_pdf())
    assert [line.text for line in doc.lines] == [f"{CHECKED} Yes", f"{UNCHECKED} No", "The word Wingdings is not a box: o x q"]
    assert [(m.checked, m.label) for m in doc.marks] == [(True, "Yes"), (False, "No")]


def test_a_ticked_vector_box_reads_as_checked_in_its_line():
    doc = read(F.vector_ticks_pdf())
    line = line_with(doc, "Yes")
    assert line.text == f"{CHECKED} Yes {UNCHECKED} No"
    assert line.origin == "vector"
    assert [(m.checked, m.how, m.label) for m in doc.marks] == [(True, "vector", "Yes"), (False, "vector", "No")]


def test_a_tick_box_inside_a_form_xobject_is_placed_on_the_page():
    doc = read(F.form_xobject_ticks_pdf())
    assert [line.text for line in doc.lines] == [f"{CHECKED} Yes"]
    assert doc.marks[0].bbox[0] == pytest.approx(99, abs=1.5)


def test_a_fillable_pdf_gives_its_fields_and_ticks():
    doc = read(F.acroform_pdf())
    assert doc.form == "pdf_form"
    fields = {f.name: (f.kind, f.value) for f in doc.fields}
    assert fields == {"q1_yes": ("checkbox", "Yes"), "q1_no": ("checkbox", "Off"), "q4_year": ("text", "2005")}
    assert line_with(doc, "Yes").text == f"{CHECKED} Yes {UNCHECKED} No"
    assert {m.how for m in doc.marks} == {"form_field"}


def test_a_radio_group_is_one_field_with_the_chosen_option_and_a_box_per_option():
    doc = read(F.radio_pdf())
    (field,) = doc.fields
    assert (field.name, field.kind, field.value) == ("q6", "radio", "policy")
    assert field.bbox[0] == 192  # where the chosen option is
    assert line_with(doc, "Advisory").text == f"{UNCHECKED} a) Advisory {CHECKED} b) Policy making"


def test_a_text_field_value_is_a_form_line_in_reading_order():
    doc = read(F.acroform_pdf())
    texts = [line.text for line in doc.lines]
    value = doc.lines[texts.index("2005")]
    assert value.origin == "form" and value.bbox[0] == 72.0
    assert texts.index("2005") == texts.index("4. When was it established?") + 1


def test_an_unfilled_form_is_a_typed_pdf():
    doc = read(F.acroform_pdf(fill=False))
    assert doc.form == "pdf_typed"
    assert line_with(doc, "Yes").text == f"{UNCHECKED} Yes {UNCHECKED} No"


def test_the_header_and_footer_repeated_on_every_page_are_gone():
    doc = read(F.footer_pdf(pages=3))
    assert [line.text for line in doc.lines] == [f"Body text of page {n}: answers to questions {n * 3} to {n * 3 + 2}." for n in (1, 2, 3)]


def test_a_page_number_in_the_margin_goes_though_ocr_read_it_once():
    from questionnaire_returns.read.assemble import RawLine
    from questionnaire_returns.read.furniture import drop_furniture

    lines = [RawLine("Page 1 de 3", 1, (280, 800, 330, 810), origin="ocr"),
             RawLine("2/3", 2, (280, 20, 300, 30), origin="ocr"),
             RawLine("Adopted in 2004.", 3, (72, 800, 200, 810), origin="ocr"),
             RawLine("12", 3, (72, 400, 90, 410), origin="ocr")]
    kept, dropped = drop_furniture(lines, {1: 842, 2: 842, 3: 842}, 3)
    assert [line.text for line in kept] == ["Adopted in 2004.", "12"]  # a number mid-page is no page number
    assert dropped == 2


def test_a_one_page_pdf_keeps_its_header_and_footer():
    doc = read(F.footer_pdf(pages=1))
    assert any("Page 1 of 1" in line.text for line in doc.lines)


def test_a_ruled_table_gives_its_cells_and_keeps_its_lines():
    doc = read(F.table_pdf())
    assert [t.rows for t in doc.tables] == [
        (("Ministry", "Role"), ("A. Co-ordination", ""), ("Interior", f"{CHECKED} Chair {UNCHECKED} Member"), ("Justice", "Member"))
    ]
    assert doc.tables[0].page == 1
    assert line_with(doc, "Interior").text == f"Interior {CHECKED} Chair {UNCHECKED} Member"


def test_table_cells_match_pdfplumbers_without_its_layout_parse(monkeypatch):
    import pdfplumber

    data = F.table_pdf()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        (ref,) = pdf.pages[0].find_tables()
        expected = [[c or "" for c in row] for row in ref.extract()]
        expected_bbox = ref.bbox
    monkeypatch.setattr(pdfplumber, "open", lambda *a, **k: pytest.fail("pdfplumber opened"))
    (table,) = read(data).tables
    assert [[c.replace(CHECKED, "(x)").replace(UNCHECKED, "( )") for c in row] for row in table.rows] == expected
    assert all(abs(a - b) < 1.5 for a, b in zip(table.bbox, expected_bbox))


def test_image_only_pages_are_listed_and_reported_when_ocr_is_off(monkeypatch):
    from questionnaire_returns.read import ocr

    monkeypatch.setattr(ocr, "unavailable", lambda languages=None: "OCR is turned off in config.yaml (reader.ocr)")
    doc = read(F.image_only_pdf(pages=2))
    assert doc.form == "pdf_scan"
    assert doc.image_only_pages == (1, 2)
    assert doc.unreadable_pages == ((1, "OCR is turned off in config.yaml (reader.ocr)"), (2, "OCR is turned off in config.yaml (reader.ocr)"))
    assert doc.lines == ()


def test_a_scan_with_only_a_fax_stamp_as_text_is_still_a_scan(monkeypatch):
    from questionnaire_returns.read import ocr

    monkeypatch.setattr(ocr, "unavailable", lambda languages=None: "OCR is turned off in config.yaml (reader.ocr)")
    doc = read(F.stamped_scan_pdf(["National Action Plan adopted in 2006"]))
    assert doc.form == "pdf_scan" and doc.image_only_pages == (1,)


def test_a_scanned_annex_page_does_not_lose_the_typed_pages(monkeypatch):
    from pypdf import PdfReader, PdfWriter

    from questionnaire_returns.read import ocr

    monkeypatch.setattr(ocr, "unavailable", lambda languages=None: "OCR is not available: tesseract is not installed on this machine")
    writer = PdfWriter()
    for part in (F.typed_pdf(lines_per_page=3), F.image_only_pdf()):
        writer.append(PdfReader(io.BytesIO(part)))
    buf = io.BytesIO()
    writer.write(buf)
    doc = read(buf.getvalue())
    assert doc.form == "pdf_typed" and doc.image_only_pages == (2,)
    assert len(doc.lines) == 3 and doc.unreadable_pages[0][0] == 2


# --- Word -----------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_come_in_document_order():
    texts = [line.text for line in read(F.docx_bytes(), "r.docx").lines]
    assert texts.index("Interior") < texts.index(F.Q16) < texts.index("Closing paragraph after the table.")
    assert texts.index(F.Q1) < texts.index("Ministry")


def test_docx_table_cells_are_blocks_and_tables():
    doc = read(F.docx_bytes(), "r.docx")
    blocks = {line.text: line.block for line in doc.lines}
    assert len({blocks["Ministry"], blocks["Role"], blocks["Interior"], blocks["Chair"]}) == 4
    assert doc.tables[0].rows == (("Ministry", "Role"), ("Interior", "Chair"))
    assert all(line.page is None for line in doc.lines)


def test_docx_checkbox_content_controls_read_as_ticks():
    doc = read(F.docx_bytes(), "r.docx")
    texts = [line.text for line in doc.lines]
    assert texts[texts.index(F.Q16) + 1] == f"{CHECKED} Yes {UNCHECKED} No"
    assert [(m.checked, m.label) for m in doc.marks if m.how == "docx"] == [(True, "Yes"), (False, "No")]
    assert line_with(doc, "a) Yes").text == f"a) Yes {CHECKED} b) No {UNCHECKED}"


def test_docx_wingdings_symbols_and_legacy_checkboxes_read_as_ticks():
    doc = read(F.docx_symbols_bytes(), "r.docx")
    assert [line.text for line in doc.lines][1:] == [f"{CHECKED} a) Advisory {UNCHECKED} b) Policy making", f"{CHECKED} c) Implementation"]
    assert [(m.checked, m.how, m.label) for m in doc.marks] == [
        (True, "glyph", "a) Advisory"), (False, "glyph", "b) Policy making"), (True, "docx", "c) Implementation")
    ]


def test_docx_core_properties_go_to_meta():
    meta = read(F.docx_bytes(), "r.docx").meta
    assert meta["author"] == "Permanent Mission of Ruritania"
    assert len(meta["created"]) == 10


# --- text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, encoding, expected",
    [
        (F.RUSSIAN, "cp1251", "cp1251"),
        (F.RUSSIAN, "koi8-r", "koi8-r"),
        ("Да, в стране существует национальный координатор.", "koi8-r", "koi8-r"),  # charset-normalizer alone: cp932
        ("Да, национальный координатор назначен в 2005 году.", "cp1251", "cp1251"),
        (F.RUSSIAN, "utf-16", "utf-16-le"),
        (F.FRENCH, "utf-8-sig", "utf-8-sig"),
        (F.FRENCH, "utf-8", "utf-8"),
        (F.FRENCH, "cp1252", "cp1252"),
    ],
    ids=["ru-cp1251", "ru-koi8", "ru-short-koi8", "ru-short-cp1251", "ru-utf16", "fr-utf8-bom", "fr-utf8", "fr-cp1252"],
)
def test_text_encoding_is_detected_not_assumed(text, encoding, expected):
    doc = read(text.encode(encoding), "return.txt")
    assert doc.text == text.strip()
    assert doc.encoding == expected


def test_text_blank_lines_separate_blocks_and_ticks_are_normalised():
    doc = read("1. Mechanism?\n[X] Yes [ ] No\n\n2. Nature?\n".encode(), "r.md")
    assert [(line.text, line.block) for line in doc.lines] == [("1. Mechanism?", 0), ("☒ Yes ☐ No", 0), ("2. Nature?", 1)]
    assert [m.how for m in doc.marks] == ["bracket", "bracket"]


# --- e-mail ---------------------------------------------------------------------------


def test_email_headers_body_and_attachment():
    doc = read_bytes(F.eml_bytes(F.docx_bytes()), "reply.eml", "2007/reply.eml")
    assert doc.form == "email"
    assert doc.meta["subject"] == "Reply to the questionnaire"
    assert doc.meta["from"].endswith("<mission@ruritania.example>")
    assert doc.meta["date"] == "2007-03-13T10:15:00+01:00"
    assert [line.text for line in doc.lines] == ["Dear colleagues,", "Please find our reply attached.", "Regards"]
    (att,) = doc.attachments
    assert att.source_file == "2007/reply.eml::return.docx" and att.form == "docx"
    assert line_with(att, "Ministry")


def test_an_unreadable_attachment_is_a_warning_not_a_crash():
    doc = read(F.eml_bytes(F.encrypted_pdf(), name="locked.pdf"), "reply.eml")
    assert doc.attachments == ()
    assert doc.warnings == ("attachment locked.pdf not read: the PDF is password-protected",)


def test_an_html_only_email_body_is_read_through_the_html_reader():
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"], msg["Subject"] = "a@b.example", "Reply"
    msg.set_content("<html><body><p>First</p><p>Second <script>x()</script></p></body></html>", subtype="html")
    assert [line.text for line in read(msg.as_bytes(), "m.eml").lines] == ["First", "Second"]


# --- HTML -----------------------------------------------------------------------------


def test_html_visible_text_in_block_order_without_scripts():
    doc = read(F.HTML.encode(), "r.html")
    texts = [line.text for line in doc.lines]
    assert texts[:2] == ["Questionnaire reply", "1. Does your country have a recognized mechanism?"]
    assert "Ministry of Interior" in texts and "First line" in texts and "second line" in texts
    assert not any("hidden script" in t or "color" in t for t in texts)
    assert doc.meta == {"title": "Return"}


def test_html_declared_encoding_is_followed_and_recorded():
    page = '<html><head><meta charset="windows-1251"></head><body><p>Да, координатор назначен.</p></body></html>'
    doc = read(page.encode("cp1251"), "r.htm")
    assert doc.text == "Да, координатор назначен."
    assert doc.encoding == "windows-1251"


def test_html_form_inputs_read_as_ticks_and_values():
    doc = read(F.HTML.encode(), "r.html")
    assert line_with(doc, "Yes").text == f"{CHECKED} Yes {UNCHECKED} No"
    assert [(m.checked, m.label) for m in doc.marks] == [(True, "Yes"), (False, "No")]
    assert line_with(doc, "Authority").text == "4. Authority: Decree 12/2005"
    assert line_with(doc, "task force").text == "The task force met six times."
