# -*- coding: utf-8 -*-
"""PDF writers: Word-printed questionnaires, AcroForms, flattened forms, letters."""
import os
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import cm
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, PageBreak, Table, TableStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.lib.utils import simpleSplit

from lines import ir_lines, mark_fn, part_lines, LETTERS

FD = "/usr/share/fonts/truetype/"
_REG = False
SYMFONT = None


def make_symbol_font(tmpdir):
    """A 'Wingdings'-like TrueType font whose ballot boxes live at the private-use code points a
    Word symbol font uses (U+F0A8 empty box, U+F0FD box with X, U+F0FE box with check)."""
    from fontTools.ttLib import TTFont as FT
    src = FT(FD + "dejavu/DejaVuSans.ttf", recalcTimestamp=False)
    cmap = src.getBestCmap()
    g_empty, g_x, g_chk = cmap[0x2610], cmap[0x2612], cmap[0x2611]
    for table in src["cmap"].tables:
        if table.isUnicode():
            table.cmap[0xF0A8] = g_empty
            table.cmap[0xF0FD] = g_x
            table.cmap[0xF0FE] = g_chk
    for rec in src["name"].names:
        if rec.nameID in (1, 3, 4, 6):
            try:
                rec.string = "Wingdings-Regular" if rec.nameID == 6 else "Wingdings"
            except Exception:
                pass
    p = os.path.join(tmpdir, "wingdings_like.ttf")
    src.save(p)
    return p


def register(tmpdir):
    global _REG, SYMFONT
    if _REG:
        return
    for name, fn in [("LibSerif", "liberation2/LiberationSerif-Regular.ttf"), ("LibSerif-B", "liberation2/LiberationSerif-Bold.ttf"),
                     ("LibSerif-I", "liberation2/LiberationSerif-Italic.ttf"), ("LibSans", "liberation2/LiberationSans-Regular.ttf"),
                     ("LibSans-B", "liberation2/LiberationSans-Bold.ttf"), ("LibSans-I", "liberation2/LiberationSans-Italic.ttf"),
                     ("DejaVu", "dejavu/DejaVuSans.ttf"), ("DejaVu-B", "dejavu/DejaVuSans-Bold.ttf")]:
        pdfmetrics.registerFont(TTFont(name, FD + fn))
    from reportlab.pdfbase.pdfmetrics import registerFontFamily
    registerFontFamily("LibSerif", normal="LibSerif", bold="LibSerif-B", italic="LibSerif-I", boldItalic="LibSerif-B")
    registerFontFamily("LibSans", normal="LibSans", bold="LibSans-B", italic="LibSans-I", boldItalic="LibSans-B")
    SYMFONT = make_symbol_font(tmpdir)
    pdfmetrics.registerFont(TTFont("Wingdings", SYMFONT))
    _REG = True


def _glyphs(s, style):
    """escape text and wrap tick glyphs in a font that has them"""
    s = escape(s)
    if style in ("glyph", "square", "scanbox"):
        for g in "☒☐■□":
            s = s.replace(g, f'<font name="DejaVu">{g}</font>')
    if style == "symbol":
        for g in "\uf0fd\uf0a8\uf0fe":
            s = s.replace(g, f'<font name="Wingdings">{g}</font>')
    return s


def styles(base="LibSerif", size=11):
    b = base + "-B"
    i = base + "-I"
    return {
        "lh": ParagraphStyle("lh", fontName=b, fontSize=size + 1, leading=size + 4, alignment=TA_CENTER),
        "lh2": ParagraphStyle("lh2", fontName=base, fontSize=size - 1, leading=size + 2, alignment=TA_CENTER),
        "title": ParagraphStyle("title", fontName=b, fontSize=size + 2, leading=size + 6, alignment=TA_CENTER, spaceAfter=10),
        "sec": ParagraphStyle("sec", fontName=b, fontSize=size + 1, leading=size + 4, spaceBefore=10, spaceAfter=4),
        "q": ParagraphStyle("q", fontName=base, fontSize=size, leading=size + 3, spaceBefore=6),
        "qb": ParagraphStyle("qb", fontName=b, fontSize=size, leading=size + 3, spaceBefore=6),
        "sub": ParagraphStyle("sub", fontName=base, fontSize=size, leading=size + 3, leftIndent=18),
        "ans": ParagraphStyle("ans", fontName=i, fontSize=size, leading=size + 3, leftIndent=30),
        "ansn": ParagraphStyle("ansn", fontName=base, fontSize=size, leading=size + 3, leftIndent=30),
        "body": ParagraphStyle("body", fontName=base, fontSize=size, leading=size * 1.45, alignment=TA_JUSTIFY, spaceAfter=8),
        "right": ParagraphStyle("right", fontName=base, fontSize=size, leading=size + 3, alignment=TA_RIGHT),
        "left": ParagraphStyle("left", fontName=base, fontSize=size, leading=size + 3),
        "small": ParagraphStyle("small", fontName=base, fontSize=size - 2, leading=size),
        "note": ParagraphStyle("note", fontName=i, fontSize=size, leading=size + 3, spaceBefore=6),
    }


def _footer_fn(text, font="LibSerif"):
    def fn(c, doc):
        c.saveState()
        c.setFont(font, 8)
        c.drawCentredString(A4[0] / 2, 1.2 * cm, text.format(p=doc.page))
        c.restoreState()
    return fn


def _meta_head(st, meta):
    out = []
    for ln in meta.get("letterhead", []):
        out.append(Paragraph(escape(ln), st["lh"]))
    for ln in meta.get("letterhead2", []):
        out.append(Paragraph(escape(ln), st["lh2"]))
    if meta.get("letterhead") or meta.get("letterhead2"):
        out.append(Spacer(1, 14))
    if meta.get("ref"):
        out.append(Paragraph(escape(meta["ref"]), st["left"]))
    if meta.get("dateline"):
        out.append(Paragraph(escape(meta["dateline"]), st["right"]))
        out.append(Spacer(1, 8))
    for ln in meta.get("intro", []):
        out.append(Paragraph(escape(ln), st["body"]))
    return out


def _meta_tail(st, meta):
    out = [Spacer(1, 14)]
    for ln in meta.get("closing", []):
        out.append(Paragraph(escape(ln), st["body"]))
    for ln in meta.get("signature", []):
        out.append(Paragraph(escape(ln), st["left"]))
    return out


def pdf_word(path, blocks, meta, style, base="LibSerif", size=11, answer_italic=True):
    """questionnaire retyped in Word and printed to PDF; ticks as glyphs/underscores/parens/symbol font"""
    st = styles(base, size)
    mark = mark_fn(style)
    story = _meta_head(st, meta)
    for kind, text in ir_lines(blocks, mark):
        if kind == "title":
            story.append(Paragraph(_glyphs(text, style), st["title"]))
        elif kind == "sec":
            story.append(Paragraph(_glyphs(text, style), st["sec"]))
        elif kind == "q":
            story.append(Paragraph(_glyphs(text, style), st["qb"] if meta.get("qbold") else st["q"]))
        elif kind == "sub":
            story.append(Paragraph(_glyphs(text, style), st["sub"]))
        elif kind == "note":
            story.append(Paragraph(_glyphs(text, style), st["note"]))
        else:
            is_mark = any(g in text for g in ("☒", "☐", "■", "□", "_X_", "___", "(x)", "( )", "\uf0fd", "\uf0a8"))
            story.append(Paragraph(_glyphs(text, style), st["ansn"] if (is_mark or not answer_italic) else st["ans"]))
    story += _meta_tail(st, meta)
    doc = SimpleDocTemplate(path, pagesize=meta.get("pagesize", A4), leftMargin=2.5 * cm, rightMargin=2.5 * cm, topMargin=2.2 * cm,
                            bottomMargin=2.2 * cm, title=meta.get("doc_title", ""), author=meta.get("author", ""),
                            creator="Microsoft® Office Word 2003", invariant=1)
    fn = _footer_fn(meta.get("footer", "{p}"), base)
    doc.build(story, onFirstPage=fn, onLaterPages=fn)


def pdf_prose(path, paras, meta, base="LibSerif", size=11.5, pagesize=A4):
    """letter / note verbale / annex: paragraphs (str) or ('h', str) headings or ('pb',) page breaks"""
    st = styles(base, size)
    story = _meta_head(st, meta)
    for p in paras:
        if isinstance(p, tuple):
            if p[0] == "h":
                story.append(Paragraph(escape(p[1]), st["sec"]))
            elif p[0] == "pb":
                story.append(PageBreak())
            elif p[0] == "c":
                story.append(Paragraph(escape(p[1]), st["title"]))
        else:
            story.append(Paragraph(escape(p), st["body"]))
    story += _meta_tail(st, meta)
    doc = SimpleDocTemplate(path, pagesize=pagesize, leftMargin=2.8 * cm, rightMargin=2.5 * cm, topMargin=2.5 * cm, bottomMargin=2.5 * cm,
                            title=meta.get("doc_title", ""), author=meta.get("author", ""), invariant=1)
    fn = _footer_fn(meta.get("footer", "- {p} -"), base)
    doc.build(story, onFirstPage=fn, onLaterPages=fn)


# ---------------------------------------------------------------- AcroForm / flattened
def latin1(s):
    return (s.replace("—", "-").replace("–", "-").replace("’", "'").replace("“", '"').replace("”", '"')
            .encode("latin-1", "replace").decode("latin-1"))


def _slug(s, n=14):
    import unicodedata
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = "".join(ch if ch.isalnum() else "_" for ch in s)
    while "__" in s:
        s = s.replace("__", "_")
    return s.strip("_")[:n]


def pdf_form(path, blocks, meta, naming="named", prefix="P", flatten=False, radio_yn=False, lang="es"):
    """naming: 'named' (meaningful field names + tooltips) | 'generic' (Campo1 / Casella3, no tooltips)"""
    W, H = A4
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle(meta.get("doc_title", ""))
    c.setAuthor(meta.get("author", ""))
    c.setCreator(meta.get("creator", "Adobe LiveCycle Designer 8.0"))
    form = c.acroForm
    _orig_ap = form.txAP

    def _wrapped_ap(key, value, iFontName, rFontName, fontSize, **kw):
        # appearance stream with the value wrapped to the box (the /V value itself stays unwrapped)
        if value and kw.get("wkind", "textfield") == "textfield":
            value = "\n".join(simpleSplit(value, "Helvetica", fontSize, kw.get("width", 120) - 6))
        return _orig_ap(key, value, iFontName, rFontName, fontSize, **kw)

    form.txAP = _wrapped_ap
    L, R, B = 2.0 * cm, W - 2.0 * cm, 2.0 * cm
    y = [H - 2.0 * cm]
    cnt = {"txt": 0, "box": 0}
    font, fontb = "Helvetica", "Helvetica-Bold"
    page = [1]
    gen_txt = meta.get("gen_txt", "Campo")
    gen_box = meta.get("gen_box", "Casella")

    def footer():
        c.setFont(font, 7)
        c.drawCentredString(W / 2, 1.1 * cm, meta.get("footer", "").format(p=page[0]))

    def need(h):
        if y[0] - h < B:
            footer()
            c.showPage()
            page[0] += 1
            y[0] = H - 2.0 * cm

    def text(s, size=9, f=font, indent=0):
        s = latin1(s)
        ln = simpleSplit(s, f, size, R - L - indent)
        need(len(ln) * (size + 2.5) + 2)
        c.setFont(f, size)
        for l in ln:
            c.drawString(L + indent, y[0] - size, l)
            y[0] -= size + 2.5
        y[0] -= 2

    used = set()

    def fname(kind, base, tip):
        if naming == "generic":
            cnt[kind] += 1
            return (gen_txt if kind == "txt" else gen_box) + str(cnt[kind]), None
        nm, k = base, 2
        while nm in used:
            nm = f"{base}_{k}"
            k += 1
        used.add(nm)
        return nm, tip

    def textfield(base, tip, value, indent=12, label=None):
        value = latin1(value or "")
        lab_w = 0
        if label:
            lab_w = c.stringWidth(latin1(label), font, 9) + 6
        width = R - L - indent - lab_w
        nlines = max(1, len(simpleSplit(value, font, 9, width - 6)))
        h = 16 if nlines == 1 else min(nlines * 11 + 6, 200)
        need(h + 4)
        if label:
            c.setFont(font, 9)
            c.drawString(L + indent, y[0] - 11, latin1(label))
        x = L + indent + lab_w
        name, tooltip = fname("txt", base, tip)
        if flatten:
            c.setStrokeGray(0.6)
            c.rect(x, y[0] - h, width, h, stroke=1, fill=0)
            c.setFont("Courier", 9)
            yy = y[0] - 11
            for l in simpleSplit(value, "Courier", 9, width - 6):
                c.drawString(x + 3, yy, l)
                yy -= 11
        else:
            kw = dict(name=name, value=value, x=x, y=y[0] - h, width=width, height=h, fontName="Helvetica", fontSize=9,
                      borderColor=None, fillColor=None, borderWidth=0.5, textColor=None, forceBorder=True, maxlen=0)
            if tooltip:
                kw["tooltip"] = latin1(tooltip)
            if nlines > 1:
                kw["fieldFlags"] = "multiline"
            form.textfield(**kw)
        y[0] -= h + 4

    def boxes(items, base, tip, single=False, indent=12, inline=True):
        """items: list of (label, selected). inline: on one row"""
        rows = [items] if inline else [[it] for it in items]
        gname = None
        for row in rows:
            need(16)
            x = L + indent
            for lab, sel in row:
                lab = latin1(lab)
                if flatten:
                    c.setStrokeGray(0)
                    c.rect(x, y[0] - 11, 9, 9, stroke=1, fill=0)
                    if sel:
                        c.setFont(fontb, 9)
                        c.drawString(x + 1.6, y[0] - 9.8, "X")
                elif radio_yn and single:
                    if naming == "generic":
                        if gname is None:
                            cnt["box"] += 1
                            gname = gen_box + str(cnt["box"])
                        rn, rt = gname, None
                    else:
                        if gname is None:
                            gname, _ = fname("box", base, tip)
                        rn, rt = gname, tip
                    kw = dict(name=rn, value=_slug(lab, 20) or "opt", selected=sel, x=x, y=y[0] - 12, size=11, buttonStyle="circle",
                              borderWidth=0.7, forceBorder=True)
                    if rt:
                        kw["tooltip"] = latin1(rt + " - " + lab)
                    form.radio(**kw)
                else:
                    name, tooltip = fname("box", base + "_" + _slug(lab), (tip + " - " + lab) if tip else None)
                    kw = dict(name=name, checked=sel, x=x, y=y[0] - 12, size=11, buttonStyle="cross", borderWidth=0.7, forceBorder=True)
                    if tooltip:
                        kw["tooltip"] = latin1(tooltip)
                    form.checkbox(**kw)
                c.setFont(font, 9)
                c.drawString(x + 15, y[0] - 10, lab)
                x += 15 + c.stringWidth(lab, font, 9) + 18
            y[0] -= 16

    # header
    for ln in meta.get("letterhead", []):
        text(ln, 10, fontb)
    if meta.get("letterhead"):
        y[0] -= 6
    for kind_b in blocks:
        if kind_b["t"] == "title":
            text(kind_b["text"], 12, fontb)
            y[0] -= 4
            for lab, val, base in meta.get("head_fields", []):
                textfield(base, lab, val, indent=0, label=lab)
            continue
        if kind_b["t"] == "sec":
            y[0] -= 4
            text(kind_b["text"], 10.5, fontb)
            continue
        if kind_b["t"] == "note":
            text(kind_b["text"], 9, "Helvetica-Oblique")
            continue
        n = kind_b["n"]
        text(f"{n}. {kind_b['text']}", 9, font)
        seq = [(None, kind_b["parts"])] + [(s, s["parts"]) for s in kind_b.get("subs", [])]
        for s, parts in seq:
            qid = prefix + n + ((s["l"] or "") if s else "")
            qtip = f"{n}{(s['l'] or '') if s else ''}. " + (s["text"] if s else kind_b["text"])
            if s:
                text(((s["l"] + ") ") if s["l"] else "") + s["text"], 9, font, indent=10)
            for j, p in enumerate(parts):
                sfx = "" if j == 0 else f"_{j}"
                if p["k"] == "yn":
                    boxes([(p["yes"], p["v"] == "yes"), (p["no"], p["v"] == "no")], qid + sfx, qtip, single=True)
                elif p["k"] == "opts":
                    if p.get("label"):
                        text(p["label"], 9, font, indent=12)
                    labs = [(LETTERS[i] + ") " if len(p["labels"]) > 3 else "") + lab for i, lab in enumerate(p["labels"])]
                    boxes(list(zip(labs, p["sel"])), qid + sfx, qtip, single=p["single"], inline=len(labs) <= 3)
                    if p.get("other"):
                        textfield(qid + sfx + "_altro", qtip + " - " + p["labels"][-1], p["other"], indent=24)
                elif p["k"] == "text":
                    textfield(qid + sfx + ("_" + _slug(p["label"], 10) if p.get("label") else ""), qtip, p["v"], label=p.get("label"))
                elif p["k"] == "na":
                    textfield(qid + sfx, qtip, p["v"])
                else:
                    textfield(qid + sfx, qtip, "")
    y[0] -= 10
    for lab, val, base in meta.get("tail_fields", []):
        textfield(base, lab, val, indent=0, label=lab)
    footer()
    c.save()
