"""Small return-like files built in code, one per reader behaviour the tests check.

Built with reportlab, pypdf, Pillow, python-docx and the stdlib, so the tests need no
binary fixtures in the repository and every file shows one problem plainly.
"""

from __future__ import annotations

import io
from email.message import EmailMessage

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
WIDTH, HEIGHT = A4

Q1 = "1. Does your country have a recognized mechanism to co-ordinate policy?"
Q16 = "16. Does your country have a national reporting mechanism in place?"


def _dejavu() -> str:
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", DEJAVU))
    return "DejaVuSans"


def _pdf(draw, pages: int = 1, **info) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for key, value in info.items():
        getattr(c, f"set{key.capitalize()}")(value)
    for n in range(1, pages + 1):
        draw(c, n)
        c.showPage()
    c.save()
    return buf.getvalue()


def typed_pdf(pages: int = 1, lines_per_page: int = 40) -> bytes:
    """A retyped questionnaire: plain Helvetica lines, with a title and an author."""

    def draw(c, n):
        c.setFont("Helvetica", 10)
        for i in range(lines_per_page):
            c.drawString(72, HEIGHT - 84 - i * 16, f"Page {n} line {i}: the national co-ordinator reports on question {i % 23 + 1}.")

    return _pdf(draw, pages, title="Return of Ruritania", author="Ministry of Interior")


def glyph_ticks_pdf() -> bytes:
    """Ticks typed as glyphs (DejaVuSans has ☐ ☒ ✓) and as brackets."""
    font = _dejavu()

    def draw(c, n):
        c.setFont(font, 11)
        c.drawString(72, 760, Q1)
        c.drawString(90, 740, "a) Yes ☒    b) No ☐")
        c.drawString(72, 710, Q16)
        c.drawString(90, 690, "[X] a) Yes   [ ] b) No")
        c.drawString(72, 660, "17. Nature of the mechanism:")
        c.drawString(90, 640, "✓ Independent National Rapporteur")
        c.drawString(72, 610, "Article 5(x) of the Criminal Code applies.")

    return _pdf(draw)


def vector_ticks_pdf() -> bytes:
    """Boxes drawn as rectangles; the first holds a drawn tick (two strokes), the second is empty."""

    def draw(c, n):
        c.setFont("Helvetica", 11)
        c.drawString(72, 760, Q1)
        c.drawString(110, 740, "Yes")
        c.rect(92, 738, 10, 10)  # ticked
        c.line(93, 743, 96, 739)
        c.line(96, 739, 101, 747)
        c.drawString(190, 740, "No")
        c.rect(172, 738, 10, 10)  # empty

    return _pdf(draw)


def form_xobject_ticks_pdf() -> bytes:
    """One ticked box drawn once as a reusable form XObject and placed on the page."""

    def draw(c, n):
        c.beginForm("ticked")
        c.rect(0, 0, 10, 10)
        c.line(1, 5, 4, 1)
        c.line(4, 1, 9, 9)
        c.endForm()
        c.setFont("Helvetica", 11)
        c.drawString(120, 702, "Yes")
        c.saveState()
        c.translate(100, 700)
        c.doForm("ticked")
        c.restoreState()

    return _pdf(draw)


def table_pdf() -> bytes:
    """A ruled table (Q3's ministries): a header row, a section row merged across, two rows."""

    def draw(c, n):
        c.setFont("Helvetica", 10)
        c.drawString(72, 780, "3. Which ministries are represented?")
        rows = [("Ministry", "Role"), ("A. Co-ordination",), ("Interior", "(x) Chair ( ) Member"), ("Justice", "Member")]
        top, h, xs = 760, 20, (72, 222, 372)
        for r, row in enumerate(rows):
            for k, cell in enumerate(row):
                c.drawString(xs[k] + 4, top - (r + 1) * h + 6, cell)
        for r in range(len(rows) + 1):
            c.line(xs[0], top - r * h, xs[-1], top - r * h)
        for x in xs:
            for r, row in enumerate(rows):
                if x == xs[1] and len(row) == 1:
                    continue  # the section row spans both columns
                c.line(x, top - r * h, x, top - (r + 1) * h)

    return _pdf(draw)


def question_table_pdf() -> bytes:
    """A ruled table of number, question and answer: the answer cell's first line stands on the
    question's line, a question's wording wraps in its own cell, and one answer cell is empty."""
    rows = [
        ("Q7", ["Achievements"], ["The commission drafted a new article", "of the Criminal Code on trafficking."]),
        ("Q8", ["Challenges"], ["Co-ordination between the services", "remains insufficient."]),
        ("Q14", ["What have been the primary", "achievements of the action plan?", "Please cite specific instances."], []),
        ("Q15", ["Challenges of the plan"], ["The budget is insufficient."]),
    ]

    def draw(c, n):
        c.setFont("Helvetica", 9)
        xs, top = (60, 90, 260, 540), 780
        c.line(xs[0], top, xs[-1], top)
        for number, question, answer in rows:
            height = 12 * max(len(question), len(answer), 1) + 8
            for k, cell in enumerate(([number], question, answer)):
                for m, text in enumerate(cell):
                    c.drawString(xs[k] + 4, top - 12 - 12 * m, text)
            for x in xs:
                c.line(x, top, x, top - height)
            top -= height
            c.line(xs[0], top, xs[-1], top)

    return _pdf(draw)


def footer_pdf(pages: int = 3) -> bytes:
    """Every page repeats a header and a numbered footer around its own body text."""

    def draw(c, n):
        c.setFont("Helvetica", 9)
        c.drawString(72, HEIGHT - 30, "OSCE questionnaire on THB - Republic of Ruritania")
        c.drawString(72, 25, f"Page {n} of {pages}")
        c.setFont("Helvetica", 11)
        c.drawString(72, 700, f"Body text of page {n}: answers to questions {n * 3} to {n * 3 + 2}.")

    return _pdf(draw, pages)


def acroform_pdf(fill: bool = True) -> bytes:
    """A fillable return: a checked and an unchecked checkbox and a text field."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(72, 760, Q1)
    c.drawString(110, 740, "Yes")
    c.drawString(190, 740, "No")
    c.drawString(72, 700, "4. When was it established?")
    c.rect(92, 738, 12, 12)  # the printed box the form's checkbox sits on
    form = c.acroForm
    form.checkbox(name="q1_yes", x=92, y=738, size=12, checked=fill, buttonStyle="cross")
    form.checkbox(name="q1_no", x=172, y=738, size=12, checked=False, buttonStyle="cross")
    form.textfield(name="q4_year", x=72, y=660, width=200, height=18, value="2005" if fill else "")
    c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(typed_pdf())))
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def truncated_pdf() -> bytes:
    data = typed_pdf(pages=3)
    return data[: len(data) // 3]


def zero_page_pdf() -> bytes:
    """A syntactically valid PDF whose page tree is empty."""
    from pypdf import PdfWriter

    out = io.BytesIO()
    PdfWriter().write(out)
    return out.getvalue()


def page_image(text_lines: list[str], dpi: int = 200):
    """A white A4 page image with typed lines, as a scanner would give it."""
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    img = Image.new("L", (int(WIDTH * scale), int(HEIGHT * scale)), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(DEJAVU, int(12 * scale))
    for i, text in enumerate(text_lines):
        draw.text((72 * scale, (72 + i * 24) * scale), text, fill=0, font=font)
    return img


def image_only_pdf(text_lines: list[str] | None = None, pages: int = 1, blank: bool = False) -> bytes:
    """A scan: every page is one image and has no text layer."""
    from PIL import Image

    if blank:
        imgs = [Image.new("L", (1654, 2339), 255) for _ in range(pages)]
    else:
        lines = text_lines or ["National Action Plan adopted in 2006", "The coordinator chairs the task force"]
        imgs = [page_image(lines) for _ in range(pages)]
    buf = io.BytesIO()
    imgs[0].save(buf, "PDF", resolution=200, save_all=True, append_images=imgs[1:])
    return buf.getvalue()


def speckled_scan_pdf(text_lines: list[str]) -> bytes:
    """A scan through a dusty scanner: grain over the page and black specks, one in 250 pixels."""
    import numpy as np
    from PIL import Image

    grey = np.asarray(page_image(text_lines).convert("L"), dtype=np.int16)
    rng = np.random.default_rng(7)
    grey = grey + rng.normal(0, 30, grey.shape).astype(np.int16)
    grey[rng.random(grey.shape) < 0.004] = 0
    buf = io.BytesIO()
    Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), "L").save(buf, "PDF", resolution=200)
    return buf.getvalue()


def docx_bytes() -> bytes:
    """A Word return: a heading, a paragraph with glyph ticks, a table, a content-control checkbox."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.core_properties.author = "Permanent Mission of Ruritania"
    d.add_paragraph(Q1)
    d.add_paragraph("a) Yes ☒   b) No ☐")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Ministry"
    table.cell(0, 1).text = "Role"
    table.cell(1, 0).text = "Interior"
    table.cell(1, 1).text = "Chair"
    d.add_paragraph(Q16)
    p = d.add_paragraph()
    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
    )
    sdt = (
        f'<w:sdt {ns}><w:sdtPr><w14:checkbox><w14:checked w14:val="{{v}}"/></w14:checkbox></w:sdtPr>'
        '<w:sdtContent><w:r><w:t>{g}</w:t></w:r></w:sdtContent></w:sdt>'
    )
    p._p.append(parse_xml(sdt.replace("{v}", "1").replace("{g}", "☒")))
    p.add_run(" Yes  ")
    p._p.append(parse_xml(sdt.replace("{v}", "0").replace("{g}", "☐")))
    p.add_run(" No")
    d.add_paragraph("Closing paragraph after the table.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


RUSSIAN = (
    "Существует ли в вашей стране признанный механизм координации политики?\n"
    "Да, национальный координатор назначен в 2005 году.\n"
)
FRENCH = "Le mécanisme national de coordination a été créé en 2005.\n"


def eml_bytes(attachment: bytes | None = None, name: str = "return.docx", html: bool = False) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Mission of Ruritania <mission@ruritania.example>"
    msg["To"] = "thb@osce.example"
    msg["Subject"] = "Reply to the questionnaire"
    msg["Date"] = "Tue, 13 Mar 2007 10:15:00 +0100"
    msg.set_content("Dear colleagues,\n\nPlease find our reply attached.\n\nRegards")
    if html:
        msg.add_alternative("<html><body><p>Dear colleagues,</p><p>Please find our <b>reply</b> attached.</p></body></html>", subtype="html")
    if attachment is not None:
        maintype, subtype = ("application", "octet-stream")
        msg.add_attachment(attachment, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


HTML = """<!DOCTYPE html><html><head><title>Return</title><style>p {color: red}</style>
<script>var x = "hidden script";</script></head><body>
<h1>Questionnaire reply</h1>
<p>1. Does your country have a recognized mechanism?</p>
<p><input type="checkbox" id="q1y" checked> <label for="q1y">Yes</label>
<input type="checkbox" id="q1n"> <label for="q1n">No</label></p>
<ul><li>Ministry of Interior</li><li>Ministry of Justice</li></ul>
<table><tr><th>Year</th><td>2005</td></tr></table>
<p>4. Authority: <input type="text" name="q4" value="Decree 12/2005"></p>
<textarea name="q7">The task force met six times.</textarea>
<p>First line<br>second line</p>
</body></html>"""


def _raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF written by hand, for fonts reportlab cannot make."""
    out, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    return out + f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def wingdings_pdf() -> bytes:
    """Word's Wingdings boxes (0xFE ticked, 0xA8 empty) in a font with no Unicode mapping."""
    content = (
        b"BT /F1 12 Tf 72 700 Td (\xfe) Tj /F2 12 Tf 18 0 Td (Yes) Tj ET "
        b"BT /F1 12 Tf 72 680 Td (\xa8) Tj /F2 12 Tf 18 0 Td (No) Tj ET "
        b"BT /F2 12 Tf 72 660 Td (The word Wingdings is not a box: o x q) Tj ET"
    )
    return _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /TrueType /BaseFont /Wingdings-Regular /FirstChar 32 /LastChar 255 /FontDescriptor 7 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
        b"<< /Type /FontDescriptor /FontName /Wingdings-Regular /Flags 4 /FontBBox [0 -211 1359 899]"
        b" /ItalicAngle 0 /Ascent 899 /Descent -211 /CapHeight 899 /StemV 80 >>",
    ])


def docx_symbols_bytes() -> bytes:
    """Word boxes typed as Wingdings symbols (w:sym) and a legacy FORMCHECKBOX field."""
    import docx
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    d.add_paragraph("6. The main function of this group is:")
    p = d.add_paragraph()
    p._p.append(parse_xml(f'<w:r {ns}><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>'))
    p.add_run(" a) Advisory ")
    p._p.append(parse_xml(f'<w:r {ns}><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>'))
    p.add_run(" b) Policy making")
    p = d.add_paragraph()
    p._p.append(parse_xml(
        f'<w:r {ns}><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/>'
        '<w:default w:val="0"/><w:checked/></w:checkBox></w:ffData></w:fldChar></w:r>'
    ))
    p._p.append(parse_xml(f'<w:r {ns}><w:instrText> FORMCHECKBOX </w:instrText></w:r>'))
    p._p.append(parse_xml(f'<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>'))
    p.add_run(" c) Implementation")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def radio_pdf() -> bytes:
    """A fillable return answering Q6 with a radio group, 'policy' chosen."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawString(72, 760, "6. The main function of this group is:")
    c.drawString(110, 740, "a) Advisory")
    c.drawString(210, 740, "b) Policy making")
    c.acroForm.radio(name="q6", value="advisory", selected=False, x=92, y=738, size=12)
    c.acroForm.radio(name="q6", value="policy", selected=True, x=192, y=738, size=12)
    c.showPage()
    c.save()
    return buf.getvalue()


def stamped_scan_pdf(text_lines: list[str]) -> bytes:
    """A scan over the whole page with a fax stamp as the only text layer."""
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawImage(ImageReader(page_image(text_lines)), 0, 0, WIDTH, HEIGHT)
    c.setFont("Helvetica", 6)
    c.drawString(20, HEIGHT - 10, "FAX 07/03/13 p.1")
    c.showPage()
    c.save()
    return buf.getvalue()
