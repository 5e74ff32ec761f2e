"""Returns in the other formats ministries send, built in code: RTF and OpenDocument written by
hand, Word 97-2003 made by LibreOffice from a .docx, Excel and CSV survey exports, scans as
TIFF (several pages), PNG and JPEG, and Word files whose options are marked by checkboxes
or by formatting alone. Each shows one reader behaviour plainly; no binary file is stored.
"""

from __future__ import annotations

import csv
import io
import zipfile

from tests.fixtures_readers import page_image

Q1 = "1. Does your country have a recognized mechanism to co-ordinate policy and programmatic responses to human trafficking?"
Q5 = "5. Does the national co-ordination mechanism have a budget? If yes, what does this budget cover?"
Q6 = "6. The main function of this group is:"
Q7 = "7. What have been the main achievements of the co-ordinator or the group?"
Q16 = "16. Does your country have a national reporting mechanism in place (either a national rapporteur or equivalent mechanism)?"
Q19 = "19. When was it established?"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
W14_NS = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'

# One row per question, as survey tools export them: number, question, answer.
EXPORT_ROWS = [
    ("1", Q1, "Yes"),
    ("5", Q5, "No"),
    ("6", Q6, "Policy making"),
    ("16", Q16, "Yes"),
    ("19", Q19, "2006"),
]


# --- RTF, OpenDocument, Word 97-2003 -------------------------------------------------


def _rtf_text(text: str) -> str:
    return "".join(ch if ord(ch) < 128 else f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?" for ch in text)


def rtf_return() -> bytes:
    """An RTF return: numbered questions, boxes typed as ☒/☐, a table of ministries and roles,
    and one question answered by highlighting the chosen option (RTF \\highlight)."""
    paras = [
        r"{\b Reply of Ruritania to the OSCE questionnaire}",
        _rtf_text(Q1),
        _rtf_text("☒ Yes   ☐ No"),
        _rtf_text(Q6),
        r"{\highlight7 Advisory}\tab Policy making\tab Implementation\tab Other",
    ]
    table = (
        r"\trowd\cellx3000\cellx6000 \intbl Ministry\cell Role\cell\row"
        r"\trowd\cellx3000\cellx6000 \intbl Interior\cell Chair\cell\row"
    )
    body = "".join(rf"\pard {p}\par " for p in paras) + table + r"\pard Closing paragraph.\par "
    doc = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}"
           r"{\colortbl;\red0\green0\blue0;\red0\green0\blue255;\red0\green255\blue255;\red0\green255\blue0;"
           r"\red255\green0\blue255;\red255\green0\blue0;\red255\green255\blue0;}"
           + body + "}")
    return doc.encode("ascii")


_ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2">
<office:automatic-styles>
 <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles>
<office:body><office:text>
 <text:p>Reply of Ruritania to the OSCE questionnaire</text:p>
 <text:p>{q1}</text:p>
 <text:p>☐ Yes ☒ No</text:p>
 <text:p>{q5}</text:p>
 <text:p><text:span text:style-name="T1">Yes</text:span><text:tab/>No</text:p>
 <table:table table:name="T">
  <table:table-column table:number-columns-repeated="2"/>
  <table:table-row><table:table-cell><text:p>Ministry</text:p></table:table-cell><table:table-cell><text:p>Role</text:p></table:table-cell></table:table-row>
  <table:table-row><table:table-cell><text:p>Interior</text:p></table:table-cell><table:table-cell><text:p>Chair</text:p></table:table-cell></table:table-row>
 </table:table>
</office:text></office:body></office:document-content>
"""
_ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def odt_return() -> bytes:
    """An OpenDocument text return written as LibreOffice writes one (mimetype first, stored):
    boxes as glyphs, a budget question answered by setting 'Yes' in bold, a table."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", _ODT_CONTENT.format(q1=Q1, q5=Q5), zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", _ODT_MANIFEST, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def legacy_checkbox_docx() -> bytes:
    """A Word return with legacy form checkboxes (FORMCHECKBOX): Q1 'Yes' ticked, 'No' not."""
    import docx

    d = docx.Document()
    d.add_paragraph(Q1)
    p = d.add_paragraph()
    for checked, label in ((True, " Yes   "), (False, " No")):
        _formcheckbox(p, checked)
        p.add_run(label)
    d.add_paragraph(Q16)
    p = d.add_paragraph()
    for checked, label in ((False, " Yes   "), (True, " No")):
        _formcheckbox(p, checked)
        p.add_run(label)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _formcheckbox(p, checked: bool, default: bool | None = None) -> None:
    from docx.oxml import parse_xml

    state = f'<w:checked w:val="{int(checked)}"/>' if default is None else f'<w:default w:val="{int(default)}"/>'
    p._p.append(parse_xml(
        f'<w:r {W_NS}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/>'
        f'<w:checkBox><w:sizeAuto/>{state}</w:checkBox></w:ffData></w:fldChar></w:r>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:fldChar w:fldCharType="separate"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:fldChar w:fldCharType="end"/></w:r>'))


def libreoffice_convert(data: bytes, src_ext: str, dest_ext: str, tmp_path) -> bytes:
    """`data` saved as `dest_ext` by LibreOffice (to make a Word 97-2003 file from a .docx)."""
    import subprocess

    from questionnaire_returns.read.libreoffice import soffice

    program = soffice()
    assert program, "LibreOffice is needed to build this fixture: run make sysdeps"
    src = tmp_path / f"fixture.{src_ext}"
    src.write_bytes(data)
    subprocess.run([program, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
                    "--norestore", "--convert-to", dest_ext, "--outdir", str(tmp_path / "out"), str(src)],
                   check=True, capture_output=True, timeout=180)
    return (tmp_path / "out" / f"fixture.{dest_ext}").read_bytes()


# --- Word marks -------------------------------------------------------------------------


def _docx(build) -> bytes:
    import docx

    d = docx.Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def content_control_docx(checked_vals=("1", "0"), with_checked_element: bool = True, glyphs=("☒", "☐")) -> bytes:
    """Q1 answered with two content-control checkboxes (w14:checkbox), each holding its glyph."""
    from docx.oxml import parse_xml

    def build(d):
        d.add_paragraph(Q1)
        p = d.add_paragraph()
        for val, glyph, label in zip(checked_vals, glyphs, (" Yes   ", " No")):
            state = f'<w14:checked w14:val="{val}"/>' if with_checked_element else ""
            p._p.append(parse_xml(
                f'<w:sdt {W_NS} {W14_NS}><w:sdtPr><w14:checkbox>{state}'
                '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
                '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
                f'<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>'
                f'<w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>'))
            p.add_run(label)
    return _docx(build)


def content_control_table_docx() -> bytes:
    """A table whose answer row sits inside a repeating-section content control (w:sdt around
    w:tr), its cell holding checkbox content controls."""
    from docx.oxml import parse_xml

    def build(d):
        table = d.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "Question"
        table.cell(0, 1).text = "Answer"
        boxes = "".join(
            f'<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{v}"/></w14:checkbox></w:sdtPr>'
            f'<w:sdtContent><w:r><w:t>{g}</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> {label} </w:t></w:r>'
            for v, g, label in (("0", "☐", "Yes"), ("1", "☒", "No")))
        row = parse_xml(
            f'<w:sdt {W_NS} {W14_NS}><w:sdtPr><w:alias w:val="Answers"/></w:sdtPr><w:sdtContent>'
            f'<w:tr><w:tc><w:p><w:r><w:t>{Q16}</w:t></w:r></w:p></w:tc>'
            f'<w:tc><w:p>{boxes}</w:p></w:tc></w:tr></w:sdtContent></w:sdt>')
        table._tbl.append(row)
    return _docx(build)


def wingdings_run_docx() -> bytes:
    """Boxes typed as letters in a run set in Wingdings (þ = ticked box, ¨ = empty box)."""
    from docx.oxml import parse_xml

    def build(d):
        d.add_paragraph(Q6)
        p = d.add_paragraph()
        for char, label in (("\u00fe", " Advisory  "), ("\u00a8", " Policy making")):
            p._p.append(parse_xml(
                f'<w:r {W_NS}><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>{char}</w:t></w:r>'))
            p.add_run(label)
    return _docx(build)


def formatted_options_docx(options, marked, how: str = "bold", sep: str = "    ", label: str = "", in_cell: bool = False,
                           lettered: bool = False) -> bytes:
    """One paragraph (or one table cell, an option per paragraph; or, `lettered`, a body paragraph
    per option written "a) ...") of options where `marked` are set apart by `how`: bold,
    underline, highlight, colour, shading, or strike (the others)."""
    from docx.enum.text import WD_COLOR_INDEX
    from docx.oxml import parse_xml
    from docx.shared import RGBColor

    def fmt(run, on: bool):
        if how == "bold":
            run.bold = on
        elif how == "underline":
            run.underline = on
        elif how == "highlight" and on:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        elif how == "colour" and on:
            run.font.color.rgb = RGBColor(0xC0, 0, 0)
        elif how == "shading" and on:
            run._r.get_or_add_rPr().append(parse_xml(f'<w:shd {W_NS} w:val="clear" w:color="auto" w:fill="FFFF00"/>'))
        elif how == "strike":
            run.font.strike = not on

    def build(d):
        d.add_paragraph(Q6)
        if in_cell:
            cell = d.add_table(rows=1, cols=1).cell(0, 0)
            first = True
            for option in options:
                p = cell.paragraphs[0] if first else cell.add_paragraph()
                first = False
                fmt(p.add_run(option), option in marked)
            return
        if lettered:
            for k, option in enumerate(options):
                fmt(d.add_paragraph().add_run(f"{'abcdefgh'[k]}) {option}"), option in marked)
            d.add_paragraph(Q7)
            return
        p = d.add_paragraph()
        if label:
            p.add_run(label + sep)
        for k, option in enumerate(options):
            fmt(p.add_run(option), option in marked)
            if k < len(options) - 1:
                if sep == "\t":
                    p.add_run().add_tab()
                else:
                    p.add_run(sep)
    return _docx(build)


def prose_docx(build_paragraph) -> bytes:
    def build(d):
        build_paragraph(d.add_paragraph())
    return _docx(build)


# --- spreadsheets and CSV ---------------------------------------------------------------


def xlsx_export(rows=EXPORT_ROWS, header=("No.", "Question", "Answer"), numbers_in_text: bool = True) -> bytes:
    """An Excel survey export: a few 'label | value' rows, a header, then one row per question."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Questionnaire"
    ws.append(["Country", "Ruritania"])
    ws.append(["Date", "14 March 2015"])
    ws.append([])
    ws.append(list(header))
    for number, question, answer in rows:
        text = question if numbers_in_text else question.split(" ", 1)[1]
        ws.append([int(number) if number.isdigit() else number, text, answer])
    hidden = wb.create_sheet("Lists")
    hidden.append(["Yes", "No"])
    hidden.sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def csv_long(encoding: str = "cp1252", delimiter: str = ";", rows=EXPORT_ROWS) -> bytes:
    """A CSV export, one row per question, in a spreadsheet program's code page and delimiter."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(["Nr.", "Frage", "Antwort"])
    writer.writerow(["", "Land", "Fürstentum Ruritanien"])
    for row in rows:
        writer.writerow(row)
    return buf.getvalue().encode(encoding)


def csv_wide() -> bytes:
    """A survey tool's export: one header row of question codes, one row for the respondent."""
    answers = {"Q1": "Yes", "Q2": "National co-ordinator", "Q3a": "Yes | Ministry of the Interior", "Q3b": "No",
               "Q5": "No", "Q10": "Prevention; Law Enforcement and Prosecution", "Q16": "Yes", "Q19": "2006"}
    codes = ["Q1", "Q2", "Q3", "Q3a", "Q3b", "Q3c"] + [f"Q{n}" for n in range(4, 24)]
    header = ["RespondentID", "Country", "Submitted"] + codes
    row = ["1185", "Ruritania", "12 May 2015"] + [answers.get(code, "") for code in codes]
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerow(row)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


# --- scans as images --------------------------------------------------------------------

SCAN_PAGES = [
    ["Reply of Ruritania", "National Action Plan adopted in 2006"],
    ["The coordinator chairs the task force", "Reports are published every year"],
    ["Closing remarks of the ministry"],
]


def tiff_scan(pages=SCAN_PAGES, dpi: int = 200) -> bytes:
    """A multi-page bilevel (group 4) TIFF, as office scanners send them."""
    images = [page_image(lines, dpi).convert("1") for lines in pages]
    buf = io.BytesIO()
    images[0].save(buf, "TIFF", save_all=True, append_images=images[1:], compression="group4", dpi=(dpi, dpi))
    return buf.getvalue()


def png_scan(lines=SCAN_PAGES[0], dpi: int = 150) -> bytes:
    """A one-page PNG with no resolution recorded, at 150 dpi."""
    buf = io.BytesIO()
    page_image(lines, dpi).save(buf, "PNG")
    return buf.getvalue()


def jpeg_photo(lines=SCAN_PAGES[0]) -> bytes:
    """A phone photo: stored sideways with an EXIF orientation tag, claiming 72 dpi."""
    from PIL import Image

    img = page_image(lines, 200).convert("RGB").transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to view: the page was stored turned left
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90, dpi=(72, 72), exif=exif)
    return buf.getvalue()


BOX_PAGE_EN = [
    ("bold", "1. Does your country have a recognized mechanism?"),
    ("regular", "■ Yes      ❏ No"),
    ("bold", "B. National action plans or other responses"),
    ("regular", "☐ Yes      ☒ No"),
    ("bold", "By what authority was it established? Does it vary?"),
    ("regular", "☑ Advisory      ☐ Policy making      ☐ Other"),
    ("regular", "One of our Offices and Boards holds 20 DOD records."),
]
BOX_PAGE_RU = [
    ("bold", "1. Существует ли в Вашей стране признанный механизм?"),
    ("regular", "☒ Да      ☐ Нет"),
    ("bold", "г) Входят ли в состав группы представители и т. п."),
    ("regular", "☐ Да      ■ Нет"),
]


def box_scan(lines=BOX_PAGE_EN, dpi: int = 200, bilevel: bool = True) -> bytes:
    """A scanned page of questions in bold and options with box glyphs (■ ❏ ☐ ☒ ☑), as a
    one-page bilevel TIFF: thin box outlines, bold round letters, what OCR misreads."""
    from PIL import Image, ImageDraw, ImageFont

    fonts = {style: ImageFont.truetype(f"/usr/share/fonts/truetype/dejavu/DejaVuSans{'-Bold' if style == 'bold' else ''}.ttf",
                                       int(11 * dpi / 72)) for style in ("bold", "regular")}
    scale = dpi / 72
    img = Image.new("L", (int(595 * scale), int(842 * scale)), 255)
    draw = ImageDraw.Draw(img)
    for i, (style, text) in enumerate(lines):
        draw.text((72 * scale, (72 + i * 26) * scale), text, fill=0, font=fonts[style])
    if bilevel:
        img = img.convert("1")
    buf = io.BytesIO()
    img.save(buf, "TIFF", compression="group4" if bilevel else "tiff_lzw", dpi=(dpi, dpi))
    return buf.getvalue()
