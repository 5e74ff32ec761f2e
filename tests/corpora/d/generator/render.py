# -*- coding: utf-8 -*-
"""File writers: PDF (reportlab), DOCX (python-docx) and legacy formats via
LibreOffice, spreadsheets, CSV, HTML, plain text, e-mail, scans (PIL)."""
import csv
import html
import io
import os
import shutil
import subprocess
import tempfile
from xml.sax.saxutils import escape

from reportlab import rl_config
rl_config.invariant = 1
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, PageBreak, KeepTogether)

from answers import written_answer, tick_line, LETTERS

FONTDIR = "/usr/share/fonts/truetype"
FONTS = {
    "DejaVuSans": "dejavu/DejaVuSans.ttf", "DejaVuSans-Bold": "dejavu/DejaVuSans-Bold.ttf",
    "DejaVuSerif": "dejavu/DejaVuSerif.ttf", "DejaVuSerif-Bold": "dejavu/DejaVuSerif-Bold.ttf",
    "LibSerif": "liberation2/LiberationSerif-Regular.ttf", "LibSerif-Bold": "liberation2/LiberationSerif-Bold.ttf",
    "LibSans": "liberation2/LiberationSans-Regular.ttf", "LibSans-Bold": "liberation2/LiberationSans-Bold.ttf",
    "LibMono": "liberation2/LiberationMono-Regular.ttf", "LibMono-Bold": "liberation2/LiberationMono-Bold.ttf",
    "DejaVuMono": "dejavu/DejaVuSansMono.ttf", "DejaVuMono-Bold": "dejavu/DejaVuSansMono-Bold.ttf",
}
for _n, _f in FONTS.items():
    pdfmetrics.registerFont(TTFont(_n, os.path.join(FONTDIR, _f)))

LO_PROFILE = None


def E(s):
    return escape(s or "")


def styles(font="DejaVuSans", size=10):
    b = font + "-Bold" if font + "-Bold" in FONTS else font
    return {
        "n": ParagraphStyle("n", fontName=font, fontSize=size, leading=size * 1.3),
        "j": ParagraphStyle("j", fontName=font, fontSize=size, leading=size * 1.4, alignment=TA_JUSTIFY, spaceAfter=6),
        "b": ParagraphStyle("b", fontName=b, fontSize=size, leading=size * 1.3),
        "h": ParagraphStyle("h", fontName=b, fontSize=size + 3, leading=(size + 3) * 1.3, alignment=TA_CENTER, spaceAfter=8),
        "hl": ParagraphStyle("hl", fontName=b, fontSize=size + 1, leading=(size + 1) * 1.3, spaceBefore=8, spaceAfter=4),
        "c": ParagraphStyle("c", fontName=font, fontSize=size, leading=size * 1.3, alignment=TA_CENTER),
        "r": ParagraphStyle("r", fontName=font, fontSize=size, leading=size * 1.3, alignment=TA_RIGHT),
        "small": ParagraphStyle("s", fontName=font, fontSize=size - 2, leading=(size - 2) * 1.3),
        "ind": ParagraphStyle("i", fontName=font, fontSize=size, leading=size * 1.3, leftIndent=14),
        "ans": ParagraphStyle("a", fontName=b, fontSize=size, leading=size * 1.3, leftIndent=14, spaceAfter=4),
    }


def _doc(path, title, author, topm=18):
    return SimpleDocTemplate(path, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=topm * mm,
                             bottomMargin=18 * mm, title=title, author=author)


def _footer_fn(text, font):
    def fn(canvas, doc):
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, text.replace("{page}", str(doc.page)))
        canvas.restoreState()
    return fn


def letterhead(p, S):
    out = []
    for i, line in enumerate(p.get("head", [])):
        out.append(Paragraph(E(line), S["b"] if i == 0 else S["n"]))
    out.append(Spacer(1, 8))
    if p.get("ref"):
        out.append(Paragraph(E(p["ref"]), S["small"]))
    if p.get("date_str") and not p.get("date_at_end"):
        out.append(Paragraph(E(p["date_str"]), S["r"]))
    out.append(Spacer(1, 8))
    return out


def signature(p, S):
    out = [Spacer(1, 14)]
    if p.get("date_str") and p.get("date_at_end"):
        out.append(Paragraph(E(p["date_str"]), S["n"]))
    for line in p.get("sign", []):
        out.append(Paragraph(E(line), S["n"]))
    return out


# ------------------------------------------------------------------ PDF: ruled table
def pdf_table(p, items, path, hdr, font="DejaVuSans", size=9):
    S = styles(font, size)
    story = letterhead(p, S)
    story.append(Paragraph(E(p["title"]), S["h"]))
    data = [[Paragraph(E(h), S["b"]) for h in hdr]]
    st = [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
          ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9d9d9"))]
    for it in items:
        if it["kind"] == "sec":
            data.append([Paragraph(E(it["text"]), S["b"]), "", ""])
            st.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
            st.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), colors.HexColor("#eeeeee")))
        elif it["kind"] == "head":
            data.append([Paragraph(E(it["num"]), S["n"]), Paragraph(E(it["q"]), S["b"]), ""])
        else:
            num = it["num"]
            data.append([Paragraph(E(num), S["n"]), Paragraph(E(it["q"]), S["n"]),
                         Paragraph(E(written_answer(it, p["lang"])), S["n"])])
    t = Table(data, colWidths=[14 * mm, 72 * mm, 84 * mm], repeatRows=1)
    t.setStyle(TableStyle(st))
    story.append(t)
    story += signature(p, S)
    doc = _doc(path, p["title"], p.get("author", ""))
    fn = _footer_fn(p.get("footer", "- {page} -"), font)
    doc.build(story, onFirstPage=fn, onLaterPages=fn)


# ------------------------------------------------------------------ PDF: typed form, options inline
def pdf_inline(p, items, path, marks, font="LibMono", size=9.5):
    S = styles(font, size)
    story = letterhead(p, S)
    story.append(Paragraph(E(p["title"]), S["h"]))
    for it in items:
        if it["kind"] == "sec":
            story.append(Paragraph(E(it["text"]), S["hl"]))
            continue
        if it["kind"] == "head":
            story.append(Paragraph(E(it["num"] + ". " + it["q"]), S["n"]))
            continue
        label = (it["sub"] + " ") if it.get("sub") is not None else it["num"] + ". "
        sty = S["ind"] if it.get("sub") is not None else S["n"]
        block = [Paragraph(E((label if label.strip() else "") + it["q"]), sty)]
        if it.get("opts"):
            block.append(Paragraph(E(tick_line(it["opts"], marks)), S["ind"]))
        if it.get("opts2"):
            block.append(Paragraph(E(tick_line(it["opts2"], marks)), S["ind"]))
        if it.get("text"):
            block.append(Paragraph(E(it["text"]), S["ans"]))
        elif not it.get("opts"):
            block.append(Paragraph("_" * 40, S["ind"]))
        block.append(Spacer(1, 4))
        story.append(KeepTogether(block))
    story += signature(p, S)
    doc = _doc(path, p["title"], p.get("author", ""))
    fn = _footer_fn(p.get("footer", "{page}"), font)
    doc.build(story, onFirstPage=fn, onLaterPages=fn)


# ------------------------------------------------------------------ PDF: prose / generic
def pdf_prose(p, paras, path, font="DejaVuSerif", size=11, title=None, extra_head=None, numbered_headings=None):
    S = styles(font, size)
    story = letterhead(p, S)
    if extra_head:
        for line in extra_head:
            story.append(Paragraph(E(line), S["b"]))
        story.append(Spacer(1, 6))
    if title:
        story.append(Paragraph(E(title), S["h"]))
    for x in paras:
        if isinstance(x, tuple) and x[0] == "H":
            story.append(Paragraph(E(x[1]), S["hl"]))
        elif isinstance(x, tuple) and x[0] == "PB":
            story.append(PageBreak())
        else:
            story.append(Paragraph(E(x), S["j"]))
    story += signature(p, S)
    doc = _doc(path, title or p.get("title", ""), p.get("author", ""))
    fn = _footer_fn(p.get("footer", "{page}"), font)
    doc.build(story, onFirstPage=fn, onLaterPages=fn)


# ------------------------------------------------------------------ DOCX
def _docx_new(p):
    import docx
    from docx.shared import Pt
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = p.get("docx_font", "Times New Roman")
    st.font.size = Pt(p.get("docx_size", 11))
    cp = d.core_properties
    cp.author = p.get("author", "")
    cp.title = p.get("title", "")
    cp.comments = ""
    import datetime
    y, m, dd = p.get("date") or (2007, 1, 1)
    cp.created = datetime.datetime(y, m, dd, 9, 0, 0)
    cp.modified = datetime.datetime(y, m, dd, 9, 0, 0)
    cp.last_modified_by = p.get("author", "")
    cp.revision = 1
    return d


def _docx_head(d, p):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    for i, line in enumerate(p.get("head", [])):
        para = d.add_paragraph()
        run = para.add_run(line)
        run.bold = i == 0
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER if p.get("head_center") else WD_ALIGN_PARAGRAPH.LEFT
    if p.get("ref"):
        d.add_paragraph(p["ref"])
    if p.get("date_str") and not p.get("date_at_end"):
        para = d.add_paragraph(p["date_str"])
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _docx_sign(d, p):
    d.add_paragraph("")
    if p.get("date_str") and p.get("date_at_end"):
        d.add_paragraph(p["date_str"])
    for line in p.get("sign", []):
        d.add_paragraph(line)


def docx_form(p, items, path, layout="para", ticks=None, prefix=None):
    """layout 'para': question paragraph + answer paragraph; 'table': 2/3-column table."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    d = _docx_new(p)
    _docx_head(d, p)
    h = d.add_paragraph()
    r = h.add_run(p["title"])
    r.bold = True
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    L = p["lang"]

    def ans(it):
        if ticks and (it.get("opts") or it.get("opts2")):
            parts = []
            if it.get("opts"):
                parts.append(tick_line(it["opts"], ticks))
            if it.get("opts2"):
                parts.append(tick_line(it["opts2"], ticks))
            if it.get("text"):
                parts.append(it["text"])
            return parts
        return [written_answer(it, L)]

    if layout == "table":
        t = None
        for it in items:
            if it["kind"] == "sec":
                para = d.add_paragraph()
                para.add_run(it["text"]).bold = True
                t = d.add_table(rows=0, cols=3)
                t.style = "Table Grid"
                continue
            row = t.add_row().cells
            row[0].text = it["num"] if (it["kind"] == "head" or it["num"][-1:].isalpha()) else it["num"] + (it.get("sub") or "").rstrip(")")
            row[1].text = it["q"]
            if it["kind"] == "q":
                a = ans(it)
                row[2].text = a[0]
                for extra in a[1:]:
                    row[2].add_paragraph(extra)
    else:
        for it in items:
            if it["kind"] == "sec":
                para = d.add_paragraph()
                para.add_run(it["text"]).bold = True
                continue
            if it["kind"] == "head":
                para = d.add_paragraph()
                para.add_run(it["num"] + ". " + it["q"]).bold = True
                continue
            para = d.add_paragraph()
            label = (it["sub"] + " ") if it.get("sub") else (it["num"] + ". " if it.get("sub") is None else "")
            para.add_run(label + it["q"]).bold = True
            for a in ans(it):
                if not a:
                    continue
                para = d.add_paragraph()
                if prefix:
                    para.add_run(prefix + " ").italic = True
                para.add_run(a)
    _docx_sign(d, p)
    d.save(path)


def docx_prose(p, paras, path, title=None, salutation=None, closing=None):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    d = _docx_new(p)
    _docx_head(d, p)
    if title:
        h = d.add_paragraph()
        h.add_run(title).bold = True
        h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if salutation:
        d.add_paragraph(salutation)
    for x in paras:
        if isinstance(x, tuple) and x[0] == "H":
            para = d.add_paragraph()
            para.add_run(x[1]).bold = True
        else:
            para = d.add_paragraph(x)
            para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if closing:
        d.add_paragraph(closing)
    _docx_sign(d, p)
    d.save(path)


def lo_convert(src, fmt, outpath):
    """Convert with LibreOffice (private profile), then move to outpath."""
    filt = {"doc": "doc:MS Word 97", "rtf": "rtf", "odt": "odt", "txt": "txt:Text (encoded):UTF8"}[fmt]
    with tempfile.TemporaryDirectory() as td:
        cmd = ["soffice", f"-env:UserInstallation=file://{LO_PROFILE}", "--headless", "--convert-to", filt,
               "--outdir", td, src]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        base = os.path.splitext(os.path.basename(src))[0] + "." + fmt
        shutil.move(os.path.join(td, base), outpath)


# ------------------------------------------------------------------ spreadsheets / CSV / HTML / text
def xlsx_rows(p, items, path, hdr, meta_rows):
    import openpyxl
    from openpyxl.styles import Font, Alignment
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = p.get("sheet", "Sheet1")
    for mr in meta_rows:
        ws.append(mr)
    ws.append([])
    ws.append(hdr)
    for c in ws[ws.max_row]:
        c.font = Font(bold=True)
    for it in items:
        if it["kind"] == "sec":
            ws.append(["", it["text"], ""])
            ws.cell(ws.max_row, 2).font = Font(bold=True)
            continue
        if it["kind"] == "head":
            ws.append([it["num"], it["q"], ""])
            continue
        num = it["num"] if (it.get("sub") is None or it["num"][-1:].isalpha()) else it["num"]
        ws.append([num, it["q"], written_answer(it, p["lang"])])
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 80
    for row in ws.iter_rows():
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    wb.properties.creator = p.get("author", "")
    import datetime
    y, m, d = p.get("date") or (2007, 1, 1)
    wb.properties.created = datetime.datetime(y, m, d, 10, 0)
    wb.properties.modified = datetime.datetime(y, m, d, 10, 0)
    wb.save(path)


def csv_rows(p, items, path, hdr, delim=",", encoding="utf-8-sig"):
    with open(path, "w", newline="", encoding=encoding) as fh:
        w = csv.writer(fh, delimiter=delim, quoting=csv.QUOTE_MINIMAL)
        w.writerow(hdr)
        for it in items:
            if it["kind"] != "q":
                continue
            w.writerow([it["num"], it["q"], written_answer(it, p["lang"])])


def csv_wide(p, items, path, meta, delim=";", encoding="cp1251"):
    cols = [k for k, _ in meta]
    vals = [v for _, v in meta]
    seen = {}
    for it in items:
        if it["kind"] != "q":
            continue
        num = it["num"]
        if not num[-1].isalpha() and it.get("sub"):
            num = num + LETTERS[0]
        base = f"Q{num}"
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            base = f"{base}_{seen[base]}"
        cols.append(f"{base} {it['q']}")
        vals.append(written_answer(it, p["lang"]))
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(cols)
    w.writerow(vals)
    with open(path, "wb") as fh:
        fh.write(buf.getvalue().encode(encoding))


def html_survey(p, items, path, intro_html, meta):
    L = p["lang"]
    rows = []
    for it in items:
        if it["kind"] == "sec":
            rows.append(f'<tr class="section"><th colspan="2">{html.escape(it["text"])}</th></tr>')
        elif it["kind"] == "head":
            rows.append(f'<tr><td class="q"><b>{html.escape(it["num"])}. {html.escape(it["q"])}</b></td><td></td></tr>')
        else:
            a = written_answer(it, L)
            lab = it.get("sub") or (it["num"] + ".")
            rows.append(f'<tr><td class="q">{html.escape(lab)} {html.escape(it["q"])}</td>'
                        f'<td class="a">{html.escape(a) if a else "<i>(pas de réponse)</i>"}</td></tr>')
    metah = "".join(f"<li><b>{html.escape(k)}</b> {html.escape(v)}</li>" for k, v in meta)
    doc = f"""<!DOCTYPE html>
<html lang="{L}"><head><meta charset="utf-8"><title>{html.escape(p['title'])}</title>
<style>body{{font-family:Arial,sans-serif;font-size:13px;margin:30px}} table{{border-collapse:collapse;width:100%}}
td,th{{border:1px solid #bbb;padding:4px;vertical-align:top}} tr.section th{{background:#dde6f0;text-align:left}}
.confirm{{background:#e8f5e9;border:1px solid #7cb342;padding:10px;margin-bottom:15px}} .q{{width:45%}}</style></head>
<body><div id="header"><img src="logo_osce.gif" alt="OSCE"> <span>Enquête en ligne / Online survey</span></div>
{intro_html}
<ul class="meta">{metah}</ul>
<table>{''.join(rows)}</table>
<p class="footer">Vous pouvez imprimer cette page pour vos dossiers. <a href="javascript:window.print()">Imprimer</a></p>
</body></html>
"""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(doc)


def text_items(p, items, numbered=True):
    L = p["lang"]
    out = []
    for it in items:
        if it["kind"] == "sec":
            out.append("")
            out.append(it["text"].upper())
            continue
        if it["kind"] == "head":
            continue
        a = written_answer(it, L)
        if not a:
            continue
        label = it["num"] + (")" if it["num"][-1:].isalpha() else ".")
        out.append(f"{label} {a}" if numbered else a)
    return out


# ------------------------------------------------------------------ scans
def render_pages(p, items, marks, dpi=200, font_path=None, size_pt=11, lines_prefix=None):
    """Lay a typed form out on A4 pages; return (pages [PIL.Image], field_pages {field: set(pages)})."""
    from PIL import Image, ImageDraw, ImageFont
    W, H = int(8.27 * dpi), int(11.69 * dpi)
    px = int(size_pt / 72 * dpi)
    font = ImageFont.truetype(font_path or os.path.join(FONTDIR, FONTS["LibMono"]), px)
    bold = ImageFont.truetype((font_path or os.path.join(FONTDIR, FONTS["LibMono"])).replace("Regular", "Bold"), px)
    lh = int(px * 1.35)
    mx, my = int(0.9 * dpi), int(0.8 * dpi)
    maxw = W - 2 * mx
    lines = []  # (text, font, indent, fields)

    def wrap(text, f, indent):
        words = text.split(" ")
        cur = ""
        res = []
        for w_ in words:
            t = (cur + " " + w_).strip()
            if f.getlength(t) + indent > maxw and cur:
                res.append(cur)
                cur = w_
            else:
                cur = t
        if cur:
            res.append(cur)
        return res

    def add(text, f=font, indent=0, fields=()):
        for ln in wrap(text, f, indent):
            lines.append((ln, f, indent, tuple(fields)))

    for i, ln in enumerate(p.get("head", [])):
        add(ln, bold if i == 0 else font)
    if p.get("date_str") and not p.get("date_at_end"):
        add(" " * 40 + p["date_str"], fields=("submitted_on",))
    lines.append(("", font, 0, ()))
    add(p["title"], bold)
    lines.append(("", font, 0, ()))
    ind = int(0.3 * dpi)
    for it in items:
        if it["kind"] == "sec":
            lines.append(("", font, 0, ()))
            add(it["text"], bold)
            continue
        if it["kind"] == "head":
            add(it["num"] + ". " + it["q"])
            continue
        fl = it.get("fields", [])
        label = (it["sub"] + " ") if it.get("sub") is not None else it["num"] + ". "
        add((label if label.strip() else "") + it["q"], indent=ind if it.get("sub") is not None else 0, fields=fl)
        if it.get("opts"):
            add(tick_line(it["opts"], marks), indent=ind, fields=fl)
        if it.get("opts2"):
            add(tick_line(it["opts2"], marks), indent=ind, fields=fl)
        if it.get("text"):
            add(it["text"], indent=ind * 2, fields=fl)
        elif not it.get("opts"):
            add("_" * 30, indent=ind, fields=fl)
    lines.append(("", font, 0, ()))
    if p.get("date_str") and p.get("date_at_end"):
        add(p["date_str"], fields=("submitted_on",))
    for s in p.get("sign", []):
        add(s)
    per_page = (H - 2 * my) // lh
    pages = []
    field_pages = {}
    for pi in range(0, len(lines), per_page):
        img = Image.new("L", (W, H), 255)
        dr = ImageDraw.Draw(img)
        y = my
        for (t, f, indent, fields) in lines[pi:pi + per_page]:
            dr.text((mx + indent, y), t, font=f, fill=20)
            for fid in fields:
                field_pages.setdefault(fid, set()).add(len(pages) + 1)
            y += lh
        dr.text((W // 2, H - my // 2), f"- {len(pages) + 1} -", font=font, fill=40)
        pages.append(img)
    return pages, field_pages


def degrade(img, rng, angle, noise=18, light=0.25, blur=0.6):
    import numpy as np
    from PIL import Image, ImageFilter
    im = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    a = np.asarray(im).astype(np.float32)
    h, w = a.shape
    yy, xx = np.mgrid[0:h, 0:w]
    cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / np.sqrt(w * w + h * h)
    shade = 1.0 - light * dist - 0.08 * (xx / w)
    a = a * shade + (1 - shade) * 40
    nrng = np.random.default_rng(rng.randint(0, 10 ** 9))
    a = a + nrng.normal(0, noise, a.shape)
    # sparse specks
    sp = nrng.random(a.shape) < 0.0008
    a[sp] = 30
    a = np.clip(a, 0, 255).astype(np.uint8)
    out = Image.fromarray(a, "L")
    if blur:
        out = out.filter(ImageFilter.GaussianBlur(blur))
    return out
