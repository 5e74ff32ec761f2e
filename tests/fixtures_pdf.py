"""PDFs built with reportlab for the PDF reader's tests: ruled tables, drawn boxes and widgets
on which pdfplumber is the reference, and the pages where the fast path must fall back to it.

Everything is drawn in code (no binary fixture), one behaviour per builder.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

WIDTH, HEIGHT = A4


def _pdf(draw, pagesize=A4) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=pagesize)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


# --- ruled tables ----------------------------------------------------------------------

ROWS = [("Question", "Answer", "Page"), ("Q1", "Yes", "1"), ("Q9a", "National Action Plan 2006", "2"), ("Q19", "2004", "3")]


def _cells_text(c, rows, xs, top, h):
    c.setFont("Helvetica", 9)
    for r, row in enumerate(rows):
        for k, cell in enumerate(row):
            c.drawString(xs[k] + 4, top - (r + 1) * h + 6, cell)


def grid_table_pdf() -> bytes:
    """Three columns, four rows, every rule a line of its own."""

    def draw(c):
        xs, top, h = (60, 160, 400, 460), 780, 20
        _cells_text(c, ROWS, xs, top, h)
        for r in range(len(ROWS) + 1):
            c.line(xs[0], top - r * h, xs[-1], top - r * h)
        for x in xs:
            c.line(x, top, x, top - len(ROWS) * h)

    return _pdf(draw)


def rect_cells_table_pdf() -> bytes:
    """Each cell drawn as a rectangle of its own (as word processors often export tables)."""

    def draw(c):
        xs, top, h = (60, 160, 400, 460), 700, 20
        _cells_text(c, ROWS, xs, top, h)
        for r in range(len(ROWS)):
            for k in range(len(xs) - 1):
                c.rect(xs[k], top - (r + 1) * h, xs[k + 1] - xs[k], h)

    return _pdf(draw)


def one_path_grid_pdf() -> bytes:
    """The whole grid as one path object (reportlab's grid: every rule a subpath)."""

    def draw(c):
        xs, top, h = [60, 160, 400, 460], 700, 20
        _cells_text(c, ROWS, xs, top, h)
        c.grid(xs, [top - r * h for r in range(len(ROWS) + 1)])

    return _pdf(draw)


def spanning_table_pdf() -> bytes:
    """A header cell spanning two columns and a label cell spanning two rows."""

    def draw(c):
        xs, top, h = (60, 200, 330, 460), 760, 20
        c.setFont("Helvetica", 9)
        c.drawString(64, top - 14, "Body")
        c.drawString(204, top - 14, "Mechanism")
        c.drawString(64, top - 34 - 10, "Co-ordination")
        for r, (a, b) in enumerate([("Chair", "Interior"), ("Member", "Justice")]):
            c.drawString(204, top - (r + 2) * h + 6, a)
            c.drawString(334, top - (r + 2) * h + 6, b)
        for r in range(4):
            x0 = xs[1] if r == 2 else xs[0]  # the rule between the two rows stops at the spanning label
            c.line(x0, top - r * h, xs[-1], top - r * h)
        c.line(xs[0], top, xs[0], top - 3 * h)
        c.line(xs[1], top, xs[1], top - 3 * h)
        c.line(xs[2], top - h, xs[2], top - 3 * h)  # the header spans columns 2 and 3
        c.line(xs[3], top, xs[3], top - 3 * h)

    return _pdf(draw)


def two_tables_pdf() -> bytes:
    """Two tables, one above the other, with text between them."""

    def draw(c):
        for top in (780, 600):
            xs, h = (60, 160, 400, 460), 20
            _cells_text(c, ROWS[:3], xs, top, h)
            for r in range(4):
                c.line(xs[0], top - r * h, xs[-1], top - r * h)
            for x in xs:
                c.line(x, top, x, top - 3 * h)
        c.drawString(60, 680, "The second table repeats the first.")

    return _pdf(draw)


def short_rules_table_pdf(gap: float = 2.8) -> bytes:
    """A table of half-point rules whose inner rules stop `gap` points short of its borders (a
    careless corner): farther than the fast grid joins, close enough for pdfplumber's tolerances."""

    def draw(c):
        xs, top, h = (60, 160, 400, 460), 780, 20
        c.setLineWidth(0.5)
        n = len(ROWS)
        _cells_text(c, ROWS, xs, top, h)
        c.line(xs[0], top, xs[-1], top)
        c.line(xs[0], top - n * h, xs[-1], top - n * h)
        for r in range(1, n):
            c.line(xs[0] + gap, top - r * h, xs[-1] - gap, top - r * h)
        c.line(xs[0], top, xs[0], top - n * h)
        c.line(xs[-1], top, xs[-1], top - n * h)
        for x in xs[1:-1]:
            c.line(x, top - gap, x, top - n * h + gap)

    return _pdf(draw)


TABLES = {
    "grid": grid_table_pdf,
    "rect_cells": rect_cells_table_pdf,
    "one_path_grid": one_path_grid_pdf,
    "spanning": spanning_table_pdf,
    "two_tables": two_tables_pdf,
}


# --- drawn tick boxes ------------------------------------------------------------------

def boxes_pdf() -> bytes:
    """Boxes drawn every common way, each beside its label: ticked by an X of two lines, by a check
    drawn as one bent line, by a curved check (Bezier), by a filled square; empty; a box with a
    double border; a ticked box inside a form XObject; and a box under the page's scaled matrix."""

    def draw(c):
        c.setFont("Helvetica", 10)
        y = 780
        c.drawString(60, y + 20, "5. Does the national co-ordination mechanism have a budget?")

        def label(text):
            c.drawString(78, y + 1, text)

        c.rect(60, y, 10, 10)  # X
        c.line(61, y + 1, 69, y + 9)
        c.line(61, y + 9, 69, y + 1)
        label("a) X of two lines")
        y -= 20
        c.rect(60, y, 10, 10)  # bent check, one path
        p = c.beginPath()
        p.moveTo(61, y + 5)
        p.lineTo(64, y + 1)
        p.lineTo(70, y + 11)
        c.drawPath(p, stroke=1, fill=0)
        label("b) bent check")
        y -= 20
        c.rect(60, y, 10, 10)  # curved check
        p = c.beginPath()
        p.moveTo(61, y + 5)
        p.curveTo(63, y + 2, 64, y + 1, 65, y + 1)
        p.curveTo(66, y + 3, 68, y + 8, 70, y + 11)
        c.drawPath(p, stroke=1, fill=0)
        label("c) curved check")
        y -= 20
        c.rect(60, y, 10, 10)  # filled square inside
        c.rect(62, y + 2, 6, 6, stroke=0, fill=1)
        label("d) filled square")
        y -= 20
        c.rect(60, y, 10, 10)  # empty
        label("e) empty")
        y -= 20
        c.rect(59, y - 1, 12, 12)  # double border, empty
        c.rect(60, y, 10, 10)
        label("f) double border")
        y -= 20
        c.beginForm("ticked")
        c.rect(0, 0, 10, 10)
        c.line(1, 5, 4, 1)
        c.line(4, 1, 9, 9)
        c.endForm()
        c.saveState()
        c.translate(60, y)
        c.doForm("ticked")
        c.restoreState()
        label("g) form XObject")
        y -= 20
        c.saveState()
        c.translate(60, y)
        c.scale(0.5, 0.5)
        c.rect(0, 0, 20, 20)
        c.line(2, 2, 18, 18)
        c.line(2, 18, 18, 2)
        c.restoreState()
        label("h) scaled")

    return _pdf(draw)


def compound_boxes_pdf() -> bytes:
    """Boxes drawn each with its tick in one path object (several subpaths), as some exporters do:
    Yes ticked, No empty; a third box, ticked, shares one path with its neighbour."""

    def draw(c):
        c.setFont("Helvetica", 10)
        c.drawString(60, 780, "16. Does your country have a national reporting mechanism in place?")
        p = c.beginPath()  # Yes: box and X in one path
        p.rect(60, 760, 10, 10)
        p.moveTo(61, 761)
        p.lineTo(69, 769)
        p.moveTo(61, 769)
        p.lineTo(69, 761)
        c.drawPath(p, stroke=1, fill=0)
        c.drawString(78, 761, "Yes")
        p = c.beginPath()  # No: an empty box, with the next line's box, in one path
        p.rect(160, 760, 10, 10)
        p.rect(60, 740, 10, 10)
        p.moveTo(61, 745)
        p.lineTo(64, 741)
        p.lineTo(69, 749)
        c.drawPath(p, stroke=1, fill=0)
        c.drawString(178, 761, "No")
        c.drawString(78, 741, "Independent National Rapporteur")

    return _pdf(draw)


def shifted_boxes_pdf() -> bytes:
    """A ticked and an empty box on a page whose MediaBox does not start at (0, 0)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, FloatObject, NameObject

    def draw(c):
        c.setFont("Helvetica", 10)
        c.rect(160, 700, 10, 10)
        c.line(161, 701, 169, 709)
        c.line(161, 709, 169, 701)
        c.drawString(178, 701, "Yes")
        c.rect(260, 700, 10, 10)
        c.drawString(278, 701, "No")

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf(draw))))
    writer.pages[0][NameObject("/MediaBox")] = ArrayObject([FloatObject(v) for v in (100, 50, 500, 800)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


BOXES = {"boxes": boxes_pdf, "shifted": shifted_boxes_pdf}


# --- widgets ---------------------------------------------------------------------------

def widgets_pdf() -> bytes:
    """Text fields, checkboxes (ticked and not), a radio group, a combo box, and a link that is
    not a widget."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 10)
    form = c.acroForm
    c.drawString(60, 790, "Country:")
    form.textfield(name="country", x=120, y=784, width=200, height=16, value="Ruritania")
    c.drawString(60, 760, "1. Does your country have a recognized mechanism?")
    form.checkbox(name="q1_yes", x=60, y=740, size=10, checked=True)
    c.drawString(75, 741, "Yes")
    form.checkbox(name="q1_no", x=120, y=740, size=10, checked=False)
    c.drawString(135, 741, "No")
    c.drawString(60, 710, "6. The main function of this group is:")
    for k, (value, text) in enumerate([("advisory", "a) Advisory"), ("policy", "b) Policy making"), ("impl", "c) Implementation")]):
        form.radio(name="q6", value=value, selected=value == "policy", x=60, y=690 - 16 * k, size=10)
        c.drawString(75, 691 - 16 * k, text)
    c.drawString(60, 620, "18. By what authority was this function established?")
    form.choice(name="q18", value="legislation", options=["legislation", "policy action", "other"], x=60, y=596, width=150, height=16)
    c.drawString(60, 570, "13. How is the impact reviewed?")
    form.textfield(name="q13", x=60, y=520, width=400, height=40, fieldFlags="multiline",
                   value="The commission reviews the plan every year.")
    c.linkURL("https://www.osce.org", (60, 480, 200, 495))
    c.drawString(60, 484, "www.osce.org")
    c.showPage()
    c.save()
    return buf.getvalue()


def stacked_boxes_pdf() -> bytes:
    """A form's answer boxes drawn as rectangles stacked 4 points apart, with a label each: no table."""

    def draw(c):
        c.setFont("Helvetica", 9)
        for k, label in enumerate(["Ministries represented", "Chaired by"]):
            top = 780 - k * 34
            c.drawString(60, top + 4, label)
            c.rect(60, top - 30, 400, 30)

    return _pdf(draw)


def glyph_in_box_pdf() -> bytes:
    """A typed form whose boxes are drawn squares and whose tick is a glyph typed inside one
    (as a flattened checkbox's appearance draws it): one box each, the first ticked."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))

    def draw(c):
        c.setFont("Helvetica", 10)
        c.drawString(60, 780, "12. Are the elements of a comprehensive approach defined in legislation?")
        c.rect(70, 758, 10, 10)
        c.setFont("DejaVuSans", 9)
        c.drawString(71, 760, "✔")
        c.setFont("Helvetica", 10)
        c.drawString(85, 760, "Yes")
        c.rect(120, 758, 10, 10)
        c.drawString(135, 760, "No")

    return _pdf(draw)
