"""Writers: a small document model rendered to .txt, .docx, .pdf (typed / AcroForm / scanned) and .html."""
import html as _html
import io
import textwrap
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle, PageBreak)

from reportlab import rl_config

rl_config.invariant = 1          # byte-identical PDFs for the same seed

FD = "/usr/share/fonts/truetype/dejavu/"
LB = "/usr/share/fonts/truetype/liberation2/"
_REG = False


def register_fonts():
    global _REG
    if _REG:
        return
    for name, path in [("DV", FD + "DejaVuSans.ttf"), ("DV-B", FD + "DejaVuSans-Bold.ttf"),
                       ("DVS", FD + "DejaVuSerif.ttf"), ("DVS-B", FD + "DejaVuSerif-Bold.ttf"),
                       ("DVS-I", FD + "DejaVuSerif-Italic.ttf"), ("DV-I", FD + "DejaVuSans-Oblique.ttf"),
                       ("LS", LB + "LiberationSerif-Regular.ttf"), ("LS-B", LB + "LiberationSerif-Bold.ttf"),
                       ("LS-I", LB + "LiberationSerif-Italic.ttf"),
                       ("LA", LB + "LiberationSans-Regular.ttf"), ("LA-B", LB + "LiberationSans-Bold.ttf"),
                       ("LA-I", LB + "LiberationSans-Italic.ttf")]:
        pdfmetrics.registerFont(TTFont(name, path))
    from reportlab.pdfbase.pdfmetrics import registerFontFamily
    registerFontFamily("DV", normal="DV", bold="DV-B", italic="DV-I", boldItalic="DV-B")
    registerFontFamily("DVS", normal="DVS", bold="DVS-B", italic="DVS-I", boldItalic="DVS-B")
    registerFontFamily("LS", normal="LS", bold="LS-B", italic="LS-I", boldItalic="LS-B")
    registerFontFamily("LA", normal="LA", bold="LA-B", italic="LA-I", boldItalic="LA-B")
    _REG = True


# ------------------------------------------------------------------ marks
def mark(label, checked, style):
    c = checked
    return {
        "bracket": f"[{'X' if c else ' '}] {label}",
        "bracket_x": f"[{'x' if c else ' '}] {label}",
        "box": f"{'☒' if c else '☐'} {label}",
        "check": f"{'✓ ' if c else ''}{label}",
        "dash_X": f"{label}{' - X' if c else ''}",
        "X_before": f"{'X' if c else '_'}  {label}",
        "paren": f"({'x' if c else ' '}) {label}",
        "bold": label,
    }[style]


def lsep(label):
    """separator between a sub-question label and its answer"""
    return " " if (not label or label.rstrip()[-1:] in ":?") else ": "


def opts_lines(items, inline, style):
    parts = [mark(l, c, style) for l, c in items]
    return ["   ".join(parts)] if inline else parts


def item_lines(blocks, style):
    """Flatten answer blocks to plain lines."""
    out = []
    for b in blocks:
        if b[0] == "a":
            out.append(b[1])
        elif b[0] == "sub":
            out.append(f"{b[1]}{lsep(b[1])}{b[2]}".rstrip())
        elif b[0] == "opts":
            out += opts_lines(b[1], b[2], b[3] if len(b) > 3 else style)
    return out


# ------------------------------------------------------------------ txt
def to_txt(doc, style="bracket", width=None, qsep="\n", crlf=False):
    L = []

    def w(s):
        if width and s:
            L.extend(textwrap.wrap(s, width, break_long_words=False, break_on_hyphens=False) or [""])
        else:
            L.append(s)

    for el in doc:
        k = el[0]
        if k == "title":
            L.append(el[1])
            L.append("=" * min(len(el[1]), 78))
        elif k in ("meta", "center", "right", "line"):
            L.append(el[1])
        elif k == "h":
            L.append("")
            L.append(el[1])
            L.append("-" * min(len(el[1]), 78))
        elif k == "item":
            _, lab, qt, blocks = el
            lines = item_lines(blocks, style)
            head = " ".join(x for x in [lab, qt] if x)
            if not qt and len(lines) == 1 and len(lines[0]) < 200:
                w(f"{head} {lines[0]}".strip())
            else:
                w(head)
                for ln in lines:
                    w(ln)
            L.append("")
        elif k == "para":
            w(el[1])
            L.append("")
        elif k == "sp":
            L.append("")
        elif k == "sig":
            L.append("")
            L.extend(el[1])
        elif k == "hr":
            L.append("-" * 60)
    s = "\n".join(L) + "\n"
    return s.replace("\n", "\r\n") if crlf else s


# ------------------------------------------------------------------ docx
def to_docx(doc, path, style="bracket", font="Times New Roman", size=11, table=False, core_title=None, author=None):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = Document()
    st = d.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    if core_title:
        d.core_properties.title = core_title
    if author:
        d.core_properties.author = author

    def add_opts(par_container, items, inline, style=style):
        if style == "bold":
            p = par_container.add_paragraph() if inline else None
            for i, (lab, c) in enumerate(items):
                if not inline:
                    p = par_container.add_paragraph()
                elif i:
                    p.add_run("      ")
                r = p.add_run(lab)
                if c:
                    r.bold = True
                    r.underline = True
        else:
            for ln in opts_lines(items, inline, style):
                par_container.add_paragraph(ln)

    def add_blocks(container, blocks):
        for b in blocks:
            if b[0] == "a":
                container.add_paragraph(b[1])
            elif b[0] == "sub":
                p = container.add_paragraph()
                r = p.add_run(b[1] + lsep(b[1]))
                r.italic = True
                p.add_run(b[2])
            elif b[0] == "opts":
                add_opts(container, b[1], b[2], b[3] if len(b) > 3 else style)

    tbl = None
    for el in doc:
        k = el[0]
        if k == "title":
            p = d.add_paragraph()
            r = p.add_run(el[1])
            r.bold = True
            r.font.size = Pt(size + 3)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif k == "center":
            p = d.add_paragraph(el[1])
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif k == "right":
            p = d.add_paragraph(el[1])
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif k in ("meta", "line"):
            d.add_paragraph(el[1])
        elif k == "h":
            tbl = None
            p = d.add_paragraph()
            r = p.add_run(el[1])
            r.bold = True
            r.font.size = Pt(size + 1)
        elif k == "item":
            _, lab, qt, blocks = el
            if table:
                if tbl is None:
                    tbl = d.add_table(rows=0, cols=3)
                    tbl.style = "Table Grid"
                row = tbl.add_row().cells
                row[0].text = lab
                row[1].text = qt
                row[2].text = ""
                first = row[2].paragraphs[0]
                # put answer blocks in the right-hand cell
                tmp = []
                add_blocks(row[2], blocks)
                if first.text == "" and len(row[2].paragraphs) > 1:
                    first._element.getparent().remove(first._element)
            else:
                p = d.add_paragraph()
                r = p.add_run((lab + " " if lab else "") + qt)
                r.bold = True
                add_blocks(d, blocks)
        elif k == "para":
            tbl = None
            d.add_paragraph(el[1])
        elif k == "sp":
            d.add_paragraph("")
        elif k == "sig":
            d.add_paragraph("")
            for ln in el[1]:
                d.add_paragraph(ln)
        elif k == "hr":
            d.add_paragraph("_" * 40)
    bio = io.BytesIO()
    d.save(bio)
    data = fixed_zip(bio.getvalue())
    if hasattr(path, "write"):
        path.write(data)
    else:
        with open(path, "wb") as fh:
            fh.write(data)


def fixed_zip(data):
    """Rewrite a zip (docx) with constant timestamps so output is reproducible."""
    import zipfile
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2008, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


# ------------------------------------------------------------------ pdf (typed)
def to_pdf(doc, path, style="bracket", font="DV", size=10, table=False, title=None, author=None, margins=20):
    register_fonts()
    bold = {"DV": "DV-B", "DVS": "DVS-B", "LS": "LS-B", "LA": "LA-B"}[font]
    ital = {"DV": "DV-I", "DVS": "DVS-I", "LS": "LS-I", "LA": "LA-I"}[font]
    S = lambda **kw: ParagraphStyle("x", fontName=font, fontSize=size, leading=size * 1.3, **kw)
    st_n = S(spaceAfter=3)
    st_q = ParagraphStyle("q", fontName=bold, fontSize=size, leading=size * 1.3, spaceBefore=6, spaceAfter=2)
    st_h = ParagraphStyle("h", fontName=bold, fontSize=size + 2, leading=(size + 2) * 1.3, spaceBefore=10, spaceAfter=4)
    st_t = ParagraphStyle("t", fontName=bold, fontSize=size + 4, leading=(size + 4) * 1.3, alignment=TA_CENTER, spaceAfter=8)
    st_c = S(alignment=TA_CENTER)
    st_r = S(alignment=TA_RIGHT)
    st_ind = S(leftIndent=12, spaceAfter=2)
    E = lambda s: escape(s)
    flow = []

    def blocks_flow(blocks, indent=True):
        fl = []
        for b in blocks:
            if b[0] == "a":
                fl.append(Paragraph(E(b[1]) or "&nbsp;", st_ind if indent else st_n))
            elif b[0] == "sub":
                fl.append(Paragraph(f"<font name='{ital}'>{E(b[1] + lsep(b[1]).rstrip())}</font> {E(b[2])}", st_ind if indent else st_n))
            elif b[0] == "opts":
                for ln in opts_lines(b[1], b[2], b[3] if len(b) > 3 else style):
                    fl.append(Paragraph(E(ln), st_ind if indent else st_n))
        return fl

    rows = []

    def flush_rows():
        nonlocal rows
        if rows:
            t = Table(rows, colWidths=[16 * mm, 70 * mm, 84 * mm])
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            flow.append(t)
            rows = []

    for el in doc:
        k = el[0]
        if k != "item":
            flush_rows()
        if k == "title":
            flow.append(Paragraph(E(el[1]), st_t))
        elif k == "center":
            flow.append(Paragraph(E(el[1]), st_c))
        elif k == "right":
            flow.append(Paragraph(E(el[1]), st_r))
        elif k in ("meta", "line"):
            flow.append(Paragraph(E(el[1]) or "&nbsp;", st_n))
        elif k == "h":
            flow.append(Paragraph(E(el[1]), st_h))
        elif k == "item":
            _, lab, qt, blocks = el
            if table:
                rows.append([Paragraph(E(lab), st_n), Paragraph(E(qt), st_n), blocks_flow(blocks, indent=False)])
            else:
                head = " ".join(x for x in [lab, qt] if x)
                flow.append(Paragraph(E(head), st_q))
                flow += blocks_flow(blocks)
        elif k == "para":
            flow.append(Paragraph(E(el[1]), ParagraphStyle("p", fontName=font, fontSize=size, leading=size * 1.4, spaceAfter=7)))
        elif k == "sp":
            flow.append(Spacer(1, 8))
        elif k == "sig":
            flow.append(Spacer(1, 14))
            for ln in el[1]:
                flow.append(Paragraph(E(ln), st_n))
        elif k == "pb":
            flow.append(PageBreak())
        elif k == "hr":
            flow.append(Paragraph("_" * 50, st_n))
    flush_rows()
    sd = SimpleDocTemplate(path, pagesize=A4, leftMargin=margins * mm, rightMargin=margins * mm, topMargin=18 * mm,
                           bottomMargin=18 * mm, title=title or "", author=author or "")
    sd.build(flow)


# ------------------------------------------------------------------ html
def to_html(doc, style="bracket", table=False, title="", lang="en", extra_css=""):
    E = _html.escape
    H = [f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{E(title)}</title>",
         f"<style>body{{font-family:Arial,sans-serif;max-width:900px}} td{{vertical-align:top;border:1px solid #999;padding:4px}} table{{border-collapse:collapse}}{extra_css}</style></head><body>"]
    in_table = False

    def opt_html(items, inline, style=style):
        if style == "bold":
            parts = [f"<b><u>{E(l)}</u></b>" if c else E(l) for l, c in items]
        else:
            parts = [E(mark(l, c, style)) for l, c in items]
        return ("<p>" + " &nbsp; ".join(parts) + "</p>") if inline else "<ul>" + "".join(f"<li>{p}</li>" for p in parts) + "</ul>"

    def blocks_html(blocks):
        s = ""
        for b in blocks:
            if b[0] == "a":
                s += f"<p>{E(b[1])}</p>"
            elif b[0] == "sub":
                s += f"<p><i>{E(b[1] + lsep(b[1]).rstrip())}</i> {E(b[2])}</p>"
            elif b[0] == "opts":
                s += opt_html(b[1], b[2], b[3] if len(b) > 3 else style)
        return s

    for el in doc:
        k = el[0]
        if k != "item" and in_table:
            H.append("</table>")
            in_table = False
        if k == "title":
            H.append(f"<h1>{E(el[1])}</h1>")
        elif k in ("meta", "line"):
            H.append(f"<p>{E(el[1])}</p>")
        elif k == "center":
            H.append(f"<p style=\"text-align:center\">{E(el[1])}</p>")
        elif k == "right":
            H.append(f"<p style=\"text-align:right\">{E(el[1])}</p>")
        elif k == "h":
            H.append(f"<h2>{E(el[1])}</h2>")
        elif k == "item":
            _, lab, qt, blocks = el
            if table:
                if not in_table:
                    H.append("<table>")
                    in_table = True
                H.append(f"<tr><td>{E(lab)}</td><td>{E(qt)}</td><td>{blocks_html(blocks)}</td></tr>")
            else:
                H.append(f"<h3>{E(' '.join(x for x in [lab, qt] if x))}</h3>{blocks_html(blocks)}")
        elif k == "para":
            H.append(f"<p>{E(el[1])}</p>")
        elif k == "sig":
            H.append("<p>" + "<br>".join(E(x) for x in el[1]) + "</p>")
        elif k == "hr":
            H.append("<hr>")
    if in_table:
        H.append("</table>")
    H.append("</body></html>\n")
    return "\n".join(H)


# ------------------------------------------------------------------ AcroForm PDF
def to_acroform(doc, path, layout="column", title="", font_size=9):
    """Questions drawn as page text; every answer is a form field named Text<n> / Check Box<n>."""
    from reportlab.pdfgen import canvas
    from reportlab.pdfbase.pdfmetrics import stringWidth
    register_fonts()
    W, Hh = A4
    c = canvas.Canvas(path, pagesize=A4)
    c.setTitle(title)
    form = c.acroForm
    n = {"t": 0, "c": 0}
    y = [Hh - 20 * mm]
    left = 18 * mm
    right = W - 18 * mm
    FONT = "Helvetica"

    def newpage():
        c.showPage()
        y[0] = Hh - 20 * mm

    def need(h):
        if y[0] - h < 18 * mm:
            newpage()

    def wrap(text, width, fs=font_size, fn=FONT):
        words, lines, cur = text.split(), [], ""
        for w_ in words:
            t = (cur + " " + w_).strip()
            if stringWidth(t, fn, fs) > width and cur:
                lines.append(cur)
                cur = w_
            else:
                cur = t
        if cur:
            lines.append(cur)
        return lines or [""]

    def draw_text(text, x, width, fs=font_size, fn=FONT):
        lines = wrap(text, width, fs, fn)
        need(len(lines) * (fs + 2))
        c.setFont(fn, fs)
        for ln in lines:
            c.drawString(x, y[0] - fs, ln)
            y[0] -= fs + 2
        return len(lines)

    def textfield(value, x, width):
        n["t"] += 1
        lines = max(1, len(wrap(value, width - 16, font_size)))
        h = max(16, lines * (font_size + 3) + 10)
        need(h + 4)
        form.textfield(name=f"Text{n['t']}", value=value, x=x, y=y[0] - h, width=width, height=h,
                       fontName="Helvetica", fontSize=font_size, borderWidth=0.5, borderColor=colors.grey,
                       fillColor=colors.Color(0.93, 0.95, 1), textColor=colors.black, forceBorder=True,
                       fieldFlags="multiline" if lines > 1 else "")
        y[0] -= h + 4

    def checkbox_row(items, x, width, inline):
        # one checkbox per option, label to the right of the box
        if inline:
            need(16)
            cx_ = x
            for lab, chk in items:
                n["c"] += 1
                form.checkbox(name=f"Check Box{n['c']}", x=cx_, y=y[0] - 12, size=10, checked=chk, buttonStyle="cross",
                              borderWidth=0.5, borderColor=colors.black, fillColor=colors.white)
                c.setFont(FONT, font_size)
                c.drawString(cx_ + 14, y[0] - 10, lab)
                cx_ += 24 + stringWidth(lab, FONT, font_size)
                if cx_ > x + width - 40:
                    cx_ = x
                    y[0] -= 15
            y[0] -= 16
        else:
            for lab, chk in items:
                lines = wrap(lab, width - 16)
                need(len(lines) * (font_size + 2) + 4)
                n["c"] += 1
                form.checkbox(name=f"Check Box{n['c']}", x=x, y=y[0] - 12, size=10, checked=chk, buttonStyle="cross",
                              borderWidth=0.5, borderColor=colors.black, fillColor=colors.white)
                c.setFont(FONT, font_size)
                yy = y[0]
                for ln in lines:
                    c.drawString(x + 14, yy - 10, ln)
                    yy -= font_size + 2
                y[0] = yy - 4

    def fh(value, width):
        lines = max(1, len(wrap(value, width - 16, font_size)))
        return max(16, lines * (font_size + 3) + 10) + 4

    def est_answer(blocks, width):
        h = 0
        for b in blocks:
            if b[0] == "a":
                h += fh(b[1], width)
            elif b[0] == "sub":
                h += len(wrap(b[1], width)) * (font_size + 2) + fh(b[2], width)
            elif b[0] == "opts":
                if b[2]:
                    h += 18 * (1 + sum(stringWidth(l, FONT, font_size) + 24 for l, _ in b[1]) // (width - 40))
                else:
                    h += sum(len(wrap(l, width - 16)) * (font_size + 2) + 4 for l, _ in b[1])
        return h

    def answer(blocks, x, width):
        for b in blocks:
            if b[0] == "a":
                textfield(b[1], x, width)
            elif b[0] == "sub":
                draw_text(b[1], x, width, fn="Helvetica-Oblique")
                textfield(b[2], x, width)
            elif b[0] == "opts":
                checkbox_row(b[1], x, width, b[2])

    for el in doc:
        k = el[0]
        if k == "title":
            draw_text(el[1], left, right - left, fs=13, fn="Helvetica-Bold")
            y[0] -= 6
        elif k in ("meta", "line", "center", "right", "para"):
            draw_text(el[1], left, right - left)
            y[0] -= 2
        elif k == "h":
            y[0] -= 6
            draw_text(el[1], left, right - left, fs=11, fn="Helvetica-Bold")
            y[0] -= 4
        elif k == "field":   # free-standing labelled field (e.g. date, name)
            draw_text(el[1], left, right - left, fn="Helvetica-Bold")
            textfield(el[2], left, 80 * mm)
        elif k == "item":
            _, lab, qt, blocks = el
            if layout == "column":
                need(40)
                draw_text(" ".join(x for x in [lab, qt] if x), left, right - left, fn="Helvetica-Bold")
                y[0] -= 2
                answer(blocks, left + 6 * mm, right - left - 6 * mm)
                y[0] -= 6
            else:  # table: question in left column, fields in right column
                qw_ = 75 * mm
                qh = len(wrap(" ".join(x for x in [lab, qt] if x), qw_ - 6)) * (font_size + 2)
                need(min(max(qh, est_answer(blocks, right - left - qw_ - 6)) + 10, Hh - 40 * mm))
                top = y[0]
                qw = 75 * mm
                draw_text(" ".join(x for x in [lab, qt] if x), left + 2, qw - 6)
                qbottom = y[0]
                y[0] = top
                answer(blocks, left + qw + 4, right - left - qw - 6)
                # if a page break happened inside the answer, do not draw the grid
                bottom = min(qbottom, y[0]) - 2
                if bottom < top:
                    c.setStrokeColor(colors.grey)
                    c.setLineWidth(0.4)
                    c.line(left, top + 3, right, top + 3)
                    c.line(left + qw, top + 3, left + qw, bottom)
                y[0] = bottom - 4
                if y[0] > 18 * mm:
                    c.setStrokeColor(colors.grey)
                    c.line(left, y[0] + 3, right, y[0] + 3)
        elif k == "sig":
            y[0] -= 10
            for ln in el[1]:
                draw_text(ln, left, right - left)
    c.save()
    # ask viewers to rebuild the field appearances (multi-line values wrap then)
    import pypdf
    r = pypdf.PdfReader(path)
    w = pypdf.PdfWriter(clone_from=r)
    w.set_need_appearances_writer(True)
    w._ID = None
    with open(path, "wb") as fh_:
        w.write(fh_)


# ------------------------------------------------------------------ scanned PDF
def to_scan(lines_pages, path, rng, stamp=None, blot=None, dpi=110, font=FD + "DejaVuSansMono.ttf", size=15):
    """Render text lines to noisy page images (no text layer) and save them as an image-only PDF.
    lines_pages: list of pages, each a list of (text, bold) tuples.
    blot: (page_index, first_line, n_lines) region to be covered by a dark smudge (illegible)."""
    from PIL import Image, ImageDraw, ImageFont, ImageFilter
    W, H = int(8.27 * dpi), int(11.69 * dpi)
    f = ImageFont.truetype(font, size)
    fb = ImageFont.truetype(FD + "DejaVuSansMono-Bold.ttf", size)
    imgs = []
    for pi, lines in enumerate(lines_pages):
        img = Image.new("L", (W, H), 246)
        d = ImageDraw.Draw(img)
        y = 60
        line_y = []
        for txt, b in lines:
            d.text((70, y), txt, fill=25, font=fb if b else f)
            line_y.append(y)
            y += int(size * 1.45)
        if blot and blot[0] == pi:
            y0 = line_y[blot[1]] - 4
            y1 = line_y[min(blot[1] + blot[2], len(line_y) - 1)] + 4
            for k in range(900):
                xx = rng.randint(60, W - 80)
                yy = rng.randint(y0, y1)
                r = rng.randint(6, 22)
                d.ellipse((xx - r, yy - r, xx + r, yy + r), fill=rng.randint(20, 70))
        if stamp and stamp[0] == pi:
            sx, sy = W - 330, H - 115
            d.rectangle((sx, sy, sx + 260, sy + 70), outline=90, width=3)
            d.text((sx + 14, sy + 10), stamp[1], fill=90, font=fb)
            d.text((sx + 14, sy + 38), stamp[2], fill=90, font=f)
        # noise
        px = img.load()
        for k in range(W * H // 60):
            xx, yy = rng.randrange(W), rng.randrange(H)
            px[xx, yy] = rng.randint(120, 220)
        img = img.rotate(rng.uniform(-1.2, 1.2), resample=Image.BICUBIC, fillcolor=235, expand=False)
        img = img.filter(ImageFilter.GaussianBlur(0.6))
        imgs.append(img)
    buf = []
    for im in imgs:
        b = io.BytesIO()
        im.save(b, "JPEG", quality=55)
        b.seek(0)
        buf.append(Image.open(b).convert("L"))
    import time as _t
    fixed = _t.gmtime(1204372800)
    buf[0].save(path, "PDF", save_all=True, append_images=buf[1:], resolution=dpi, creationDate=fixed, modDate=fixed,
                producer="KM-C2520 scanner", title="")


def scan_lines(doc, style="bracket", width=78):
    """doc -> list of (text, bold) lines, wrapped for the typewriter page."""
    out = []

    def w(s, b=False):
        for ln in (textwrap.wrap(s, width, break_long_words=False) or [""]):
            out.append((ln, b))

    for el in doc:
        k = el[0]
        if k == "title":
            w(el[1], True)
            out.append(("", False))
        elif k in ("meta", "line", "center", "right"):
            w(el[1])
        elif k == "h":
            out.append(("", False))
            w(el[1], True)
        elif k == "item":
            _, lab, qt, blocks = el
            w(" ".join(x for x in [lab, qt] if x), True)
            for ln in item_lines(blocks, style):
                w("    " + ln)
            out.append(("", False))
        elif k == "para":
            w(el[1])
            out.append(("", False))
        elif k == "sig":
            out.append(("", False))
            for ln in el[1]:
                w(ln)
    return out


# ------------------------------------------------------------------ e-mail
def to_eml(path, headers, body, attachments=(), html_body=None):
    from email.message import EmailMessage
    from email.policy import SMTP
    m = EmailMessage()
    for k, v in headers:
        m[k] = v
    m.set_content(body)
    if html_body:
        m.add_alternative(html_body, subtype="html")
    for fname, data, mime in attachments:
        maintype, subtype = mime.split("/", 1)
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=fname)
    for i, part in enumerate(m.walk()):
        if part.is_multipart():
            part.set_boundary(f"----=_Part_{i}_{len(body)}.{len(attachments)}")
    with open(path, "wb") as fh:
        fh.write(m.as_bytes(policy=SMTP))
