"""PDF renderings: typed questionnaire, vector boxes, table, fillable form, letter, annex, scan."""

from __future__ import annotations

import random
import re
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config

rl_config.invariant = 1  # byte-identical PDFs for the same seed

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT  # noqa: E402
from reportlab.lib.pagesizes import A4, LETTER  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.lib.utils import simpleSplit  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402
from reportlab.platypus import (Flowable, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate,  # noqa: E402
                                Spacer, Table, TableStyle)

from .layout import Doc, Letter, merged_flow, opt_text  # noqa: E402

GAP = "\u00a0\u00a0\u00a0\u00a0 "  # between options on one line (Paragraph collapses plain spaces)
_FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu")]
FONTS: dict[str, tuple[str, str]] = {}  # family: (regular font name, bold font name)


def _find(fname: str) -> Path:
    for d in _FONT_DIRS:
        if (d / fname).exists():
            return d / fname
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / fname


def fonts() -> dict[str, tuple[str, str]]:
    """Register the DejaVu families once: {'sans': (regular, bold), 'serif': ..., 'mono': ...}."""
    if not FONTS:
        for fam, reg, bold in [("sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
                               ("serif", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
                               ("cond", "DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
                               ("mono", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf")]:
            try:
                pdfmetrics.registerFont(TTFont(f"DV-{fam}", str(_find(reg))))
                pdfmetrics.registerFont(TTFont(f"DV-{fam}-B", str(_find(bold))))
                pdfmetrics.registerFontFamily(f"DV-{fam}", normal=f"DV-{fam}", bold=f"DV-{fam}-B",
                                              italic=f"DV-{fam}", boldItalic=f"DV-{fam}-B")
                FONTS[fam] = (f"DV-{fam}", f"DV-{fam}-B")
            except Exception:  # a family missing: skip it
                continue
        if not FONTS:
            pdfmetrics.registerFont(TTFont("DV-sans", str(_find("DejaVuSans.ttf"))))
            FONTS["sans"] = ("DV-sans", "DV-sans")
    return FONTS


def _canvasmaker(header: str | None, font: str, where: str):
    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            n = len(self._pages)
            for st in self._pages:
                self.__dict__.update(st)
                if header:
                    self.setFont(font, 8)
                    w, h = self._pagesize
                    txt = header.format(page=self._pageNumber, pages=n)
                    y = h - 12 * mm if where == "top" else 10 * mm
                    if "{page}" in header and where != "top":
                        self.drawCentredString(w / 2, y, txt)
                    else:
                        self.drawRightString(w - 18 * mm, y, txt)
                super().showPage()
            super().save()

    return NumberedCanvas


class Box(Flowable):
    """A drawn tick box; the tick is vector strokes (an X or a check), never a glyph."""

    def __init__(self, ticked: bool, mark: str = "x", size: float = 8.5):
        super().__init__()
        self.ticked, self.mark, self.size = ticked, mark, size

    def wrap(self, aw, ah):
        return self.size + 3, self.size + 2

    def draw(self):
        c, s = self.canv, self.size
        c.setLineWidth(0.6)
        c.rect(0, 1, s, s, stroke=1, fill=0)
        if self.ticked:
            c.setLineWidth(1.1)
            if self.mark == "x":
                c.line(1.2, 2.2, s - 1.2, s - 0.2)
                c.line(1.2, s - 0.2, s - 1.2, 2.2)
            elif self.mark == "check":
                p = c.beginPath()
                p.moveTo(1.5, s / 2 + 1)
                p.lineTo(s * 0.42, 2.2)
                p.lineTo(s + 1.5, s + 2.5)
                c.drawPath(p, stroke=1, fill=0)
            else:  # filled square drawn as a path
                c.rect(2, 3, s - 4, s - 4, stroke=0, fill=1)


def _styles(rng: random.Random, fam: str | None = None):
    f = fonts()
    fam = fam or rng.choice([k for k in ("sans", "serif", "cond") if k in f] or ["sans"])
    reg, bold = f[fam]
    size = rng.choice([9, 9.5, 10, 10.5, 11])
    base = ParagraphStyle("base", fontName=reg, fontSize=size, leading=size * 1.3)
    return {
        "font": reg, "bold": bold, "size": size,
        "title": ParagraphStyle("t", parent=base, fontName=bold, fontSize=size + 3, leading=(size + 3) * 1.3,
                                alignment=TA_CENTER, spaceAfter=6),
        "sub": ParagraphStyle("s", parent=base, fontName=bold, alignment=TA_CENTER, spaceAfter=4),
        "section": ParagraphStyle("sec", parent=base, fontName=bold, spaceBefore=10, spaceAfter=4,
                                  fontSize=size + 1),
        "q": ParagraphStyle("q", parent=base, fontName=bold if rng.random() < 0.6 else reg, spaceBefore=7),
        "part": ParagraphStyle("p", parent=base, leftIndent=12),
        "opt": ParagraphStyle("o", parent=base, leftIndent=18),
        "ans": ParagraphStyle("a", parent=base, leftIndent=rng.choice([0, 12, 18]), spaceBefore=1,
                              alignment=TA_JUSTIFY if rng.random() < 0.3 else 0),
        "body": ParagraphStyle("b", parent=base, alignment=TA_JUSTIFY, spaceAfter=8),
        "right": ParagraphStyle("r", parent=base, alignment=TA_RIGHT),
        "center": ParagraphStyle("c", parent=base, alignment=TA_CENTER),
        "cell": ParagraphStyle("cell", parent=base, fontSize=size - 1, leading=(size - 1) * 1.25),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=bold, fontSize=size - 1, leading=(size - 1) * 1.25),
    }


_MARKS = re.compile("([\u2610-\u2612\u2713-\u2718\u25a0\u25a1\u22a0])")


def P(text, style):
    """A paragraph; tick glyphs are set in DejaVu Sans, which has them (the serif and mono faces
    do not, and a missing glyph would print as an empty box and extract as '?')."""
    html = escape(text).replace("\n", "<br/>")
    sans = fonts().get("sans", ("DV-sans",))[0]
    return Paragraph(_MARKS.sub(rf"<font name='{sans}'>\1</font>", html), style)


def _head(doc: Doc, S) -> list:
    story = []
    for i, line in enumerate(doc.letterhead):
        story.append(P(line, S["sub"] if i == 0 else S["center"]))
    if doc.letterhead:
        story.append(Spacer(1, 8))
    if doc.date_line:
        story.append(P(doc.date_line, S["right"]))
        story.append(Spacer(1, 6))
    story.append(P(doc.title, S["title"]))
    if doc.subtitle:
        story.append(P(doc.subtitle, S["sub"]))
    story.append(Spacer(1, 6))
    for p in doc.pre:
        story.append(P(p, S["body"]))
    return story


def _appendix(story, appendix, S):
    """An appended document (the action plan text, a law): new page, title, running text."""
    if appendix:
        title, paras = appendix
        story += [PageBreak(), P(title, S["title"]), Spacer(1, 8)]
        for para in paras:
            story.append(P(para, S["section"] if len(para) < 60 else S["body"]))


def _build(path_or_buf, story, rng, header, S, title="", author=""):
    where = rng.choice(["top", "bottom"])
    doc = SimpleDocTemplate(path_or_buf, pagesize=rng.choice([A4, A4, A4, LETTER]),
                            leftMargin=rng.choice([20, 25, 30]) * mm, rightMargin=rng.choice([18, 20, 25]) * mm,
                            topMargin=22 * mm, bottomMargin=20 * mm, title=title, author=author,
                            creator="Microsoft Office Word", invariant=1)
    doc.build(story, canvasmaker=_canvasmaker(header, S["font"], where))


def _vector_opts(opts, inline, S, mark):
    if inline:
        row = []
        for o in opts:
            row += [Box(o.ticked, mark), P(o.label + (f": {o.fill}" if o.fill else ""), S["cell"])]
        n = len(opts)
        widths = []
        for _ in range(n):
            widths += [13, None]
        t = Table([row], colWidths=[13 if i % 2 == 0 else (440 - 13 * n) / n for i in range(2 * n)], hAlign="LEFT")
    else:
        t = Table([[Box(o.ticked, mark), P(o.label + (f": {o.fill}" if o.fill else ""), S["cell"])] for o in opts],
                  colWidths=[13, 400], hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                           ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return t


def pdf_questionnaire(doc: Doc, path_or_buf, rng: random.Random, vector: bool = False):
    S = _styles(rng)
    story = _head(doc, S)
    mark = rng.choice(["x", "check", "fill"])
    for e in merged_flow(doc):
        k = e[0]
        if k == "section":
            story.append(P(e[1], S["section"]))
        elif k == "q":
            story.append(P(f"{e[1]} {e[2]}".strip(), S["q"]))
        elif k == "qa":
            story.append(Paragraph(f"{escape(e[1])} {escape(e[2])} &nbsp; <font name='{S['font']}'>{escape(e[3])}</font>",
                                   S["q"]))
        elif k == "part":
            story.append(P(f"{e[1]} {e[2]}".strip(), S["part"]))
        elif k == "opts":
            if vector:
                story.append(_vector_opts(e[1], e[2] and len(e[1]) <= 3, S, mark))
            elif e[2]:
                story.append(P(GAP.join(opt_text(o, doc.ticks) for o in e[1]), S["opt"]))
            else:
                for o in e[1]:
                    story.append(P(opt_text(o, doc.ticks), S["opt"]))
        elif k == "ans":
            story.append(P(e[1], S["ans"]))
    story.append(Spacer(1, 12))
    for p in doc.post:
        story.append(P(p, S["body"]) if p else Spacer(1, 6))
    _appendix(story, doc.appendix, S)
    _build(path_or_buf, story, rng, doc.header, S, title=doc.title)


def pdf_table(doc: Doc, path, rng: random.Random):
    S = _styles(rng)
    story = _head(doc, S)
    three = rng.random() < 0.6
    hdr = {"en": ("No.", "Question", "Answer"), "fr": ("N°", "Question", "Réponse"),
           "de": ("Nr.", "Frage", "Antwort"), "ru": ("№", "Вопрос", "Ответ"),
           "es": ("N.º", "Pregunta", "Respuesta"), "it": ("N.", "Domanda", "Risposta")}[doc.lang]
    rows = [[P(h, S["cellb"]) for h in (hdr if three else hdr[1:])]]
    spans = []
    cur = None
    for e in doc.flow:
        k = e[0]
        if k == "section":
            rows.append([P(e[1], S["cellb"])] + [""] * (2 if three else 1))
            spans.append(len(rows) - 1)
            cur = None
        elif k == "q":
            if three:
                cur = [P(e[1], S["cell"]), P(e[2], S["cell"]), []]
            else:
                cur = [P(f"{e[1]} {e[2]}".strip(), S["cell"]), []]
            rows.append(cur)
        elif cur is not None:
            cell = cur[-1]
            if k == "part":
                cell.append(P(f"{e[1]} {e[2]}".strip(), S["cellb"]))
            elif k == "opts":
                if e[2]:
                    cell.append(P(GAP.join(opt_text(o, doc.ticks) for o in e[1]), S["cell"]))
                else:
                    cell += [P(opt_text(o, doc.ticks), S["cell"]) for o in e[1]]
            elif k == "ans":
                cell.append(P(e[1], S["cell"]))
    for r in rows:
        if isinstance(r[-1], list) and not r[-1]:
            r[-1] = ""
    widths = [16 * mm, 62 * mm, 92 * mm] if three else [70 * mm, 100 * mm]
    t = Table(rows, colWidths=widths, repeatRows=1)
    st = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
          ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9d9d9"))]
    for i in spans:
        st += [("SPAN", (0, i), (-1, i)), ("BACKGROUND", (0, i), (-1, i), colors.HexColor("#eeeeee"))]
    t.setStyle(TableStyle(st))
    story.append(t)
    story.append(Spacer(1, 12))
    for p in doc.post:
        story.append(P(p, S["body"]) if p else Spacer(1, 6))
    _appendix(story, doc.appendix, S)
    _build(str(path), story, rng, doc.header, S, title=doc.title)


def pdf_letter(let: Letter, path_or_buf, rng: random.Random):
    S = _styles(rng, rng.choice(["serif", "sans", "serif"]))
    story = []
    for i, line in enumerate(let.letterhead):
        for sub in line.split("\n"):
            story.append(P(sub, S["sub"] if i == 0 else S["center"]))
    story.append(Spacer(1, 14))
    if let.ref:
        story.append(P(let.ref, S["body"]))
    if let.place_date:
        story.append(P(let.place_date, S["right"]))
    if let.addressee:
        story += [Spacer(1, 8), P(let.addressee, S["body"])]
    story.append(Spacer(1, 8))
    if let.opening:
        story.append(P(let.opening, S["body"]))
    for p in let.paras:
        story.append(P(p, S["body"]))
    story += [Spacer(1, 6), P(let.closing, S["body"]), Spacer(1, 18)]
    story.append(KeepTogether([P(s, S["body"] if False else S["ans"]) for s in let.signature]))
    if let.annex:
        story += [Spacer(1, 14), P(let.annex, S["ans"])]
    _appendix(story, let.appendix, S)
    _build(path_or_buf, story, rng, None, S, title="Note")


# ----------------------------------------------------------------------------- fillable form
_SLUGS = {"2": "nature", "3": "composition", "4": "authority", "5": "budget", "6": "function", "7": "achievements",
          "8": "challenges", "9": "nap", "10": "coverage", "11": "definition", "12": "approach", "13": "review",
          "14": "nap_achievements", "15": "nap_challenges", "16": "nrm", "17": "nrm_nature", "18": "nrm_authority",
          "19": "established", "20": "nrm_budget", "21": "reports", "21c": "report_content", "22": "success",
          "23": "limitations"}
def pdf_form(doc: Doc, path, rng: random.Random):
    """An AcroForm PDF: tick boxes are checkbox fields, answers are text fields with values."""
    f = fonts()
    reg, bold = f["sans"]
    W, H = A4
    c = rl_canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(doc.title)
    c.setCreator("Adobe Acrobat Pro 8.0")
    naming = rng.choice(["q", "Q", "acrobat"])
    counters = {"cb": 0, "tx": 0}
    qnum = {"n": "0", "k": 0}
    x0, width = 22 * mm, W - 44 * mm
    y = [H - 25 * mm]
    page = [1]

    def footer():
        c.setFont(reg, 7.5)
        c.drawCentredString(W / 2, 10 * mm, doc.header.replace("{pages}", "").format(page=page[0]).rstrip(" /of"))

    def need(h):
        if y[0] - h < 20 * mm:
            footer()
            c.showPage()
            page[0] += 1
            y[0] = H - 22 * mm

    def text(t, font=reg, size=9.5, indent=0):
        lines = simpleSplit(t, font, size, width - indent)
        for ln in lines:
            need(size * 1.35)
            c.setFont(font, size)
            c.drawString(x0 + indent, y[0] - size, ln)
            y[0] -= size * 1.35

    def name(kind, slug=""):
        counters[kind] += 1
        if naming == "acrobat":
            return f"Check Box{counters['cb']}" if kind == "cb" else f"Text{counters['tx']}"
        qnum["k"] += 1
        base = f"q{qnum['n']}" if naming == "q" else f"Q{qnum['n']}"
        if not slug and kind == "tx":
            slug = _SLUGS.get(qnum["n"], "text") + ("" if qnum["k"] == 1 else str(qnum["k"]))
        return f"{base}_{slug}" if slug else f"{base}_{qnum['k']}"

    for line in doc.letterhead:
        text(line, bold, 10)
    text(doc.title, bold, 12)
    if doc.subtitle:
        text(doc.subtitle, bold, 10)
    if doc.date_line:
        text(doc.date_line, reg, 9)
    y[0] -= 6
    for p in doc.pre:
        text(p)
        y[0] -= 4
    form = c.acroForm
    values: dict[str, str] = {}
    for e in doc.flow:
        k = e[0]
        if k == "section":
            y[0] -= 6
            text(e[1], bold, 10.5)
        elif k == "q":
            qnum["n"] = "".join(ch for ch in e[1] if ch.isdigit()) or qnum["n"]
            if qnum["n"] == "21" and any(x in e[2].lower() for x in ("content", "contenu", "inhalt", "содерж", "contenido", "contenuto")):
                qnum["n"] = "21c"
            qnum["k"] = 0
            y[0] -= 4
            text(f"{e[1]} {e[2]}".strip(), bold)
        elif k == "part":
            text(f"{e[1]} {e[2]}".strip(), reg, 9, 10)
        elif k == "opts":
            for o in e[1]:
                need(14)
                slug = {"yes": "yes", "no": "no", "oui": "oui", "non": "non", "ja": "ja", "nein": "nein",
                        "да": "da", "нет": "net", "sí": "si", "si": "si", "sì": "si"}.get(
                    re.sub(r"^\w\)\s*", "", o.label).lower().strip("."), "")
                form.checkbox(name=name("cb", slug), x=x0 + 12, y=y[0] - 11, size=10, checked=o.ticked,
                              buttonStyle=rng.choice(["cross", "check"]), borderWidth=0.8,
                              borderColor=colors.black, fillColor=colors.white, textColor=colors.black,
                              forceBorder=True)
                c.setFont(reg, 9)
                lab = o.label[:95]
                c.drawString(x0 + 27, y[0] - 9, lab)
                if o.fill:
                    y[0] -= 14
                    need(16)
                    nm = name("tx")
                    values[nm] = o.fill
                    form.textfield(name=nm, value="", x=x0 + 27, y=y[0] - 14, width=width - 30,
                                   height=14, fontName="Helvetica", fontSize=8, borderWidth=0.5,
                                   borderColor=colors.grey, fillColor=colors.white, textColor=colors.black,
                                   forceBorder=True)
                    y[0] -= 4
                y[0] -= 14
        elif k == "ans":
            n_lines = max(1, len(simpleSplit(e[1], "Helvetica", 8.5, width - 10)))
            h = 6 + 10.5 * n_lines
            need(h + 4)
            nm = name("tx")
            values[nm] = e[1]
            form.textfield(name=nm, value="", x=x0 + 6, y=y[0] - h, width=width - 6, height=h,
                           fontName="Helvetica", fontSize=8.5, borderWidth=0.5, borderColor=colors.grey,
                           fillColor=colors.white, textColor=colors.black, forceBorder=True,
                           fieldFlags="multiline" if n_lines > 1 else "")
            y[0] -= h + 4
    y[0] -= 10
    for p in doc.post:
        if p:
            text(p)
    footer()
    c.showPage()
    c.save()
    _set_values(path, values)


def _set_values(path, values: dict):
    """reportlab only writes Latin-1 field values: set the real (Unicode) values with pypdf."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

    w = PdfWriter(clone_from=PdfReader(str(path)))
    for page in w.pages:
        for a in page.get("/Annots", []) or []:
            a = a.get_object()
            nm = a.get("/T")
            if nm in values:
                a[NameObject("/V")] = TextStringObject(values[nm])
                a.pop("/AP", None)
    acroform = w._root_object["/AcroForm"]
    if not isinstance(acroform, DictionaryObject):
        raise ValueError(f"{path}: the form reportlab wrote has no /AcroForm dictionary")
    acroform[NameObject("/NeedAppearances")] = BooleanObject(True)
    with open(path, "wb") as fh:
        w.write(fh)


# ----------------------------------------------------------------------------- annex (answers nothing)
def pdf_annex(path_or_buf, rng: random.Random, title: str, sentences: list[str], pages: int):
    """A long attached document (action plan text, rapporteur report): plain running text."""
    f = fonts()
    reg, bold = f.get("serif", f["sans"])
    c = rl_canvas.Canvas(path_or_buf, pagesize=A4, invariant=1)
    c.setTitle(title)
    W, H = A4
    width = W - 50 * mm
    for pg in range(1, pages + 1):
        y = H - 25 * mm
        if pg == 1:
            for ln in simpleSplit(title, bold, 14, width):
                c.setFont(bold, 14)
                c.drawCentredString(W / 2, y, ln)
                y -= 20
            y -= 10
        chapter = 1
        while y > 30 * mm:
            if rng.random() < 0.12:
                c.setFont(bold, 10.5)
                c.drawString(25 * mm, y, f"{pg}.{chapter}")
                chapter += 1
                y -= 16
            para = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
            for ln in simpleSplit(para, reg, 10, width):
                if y < 30 * mm:
                    break
                c.setFont(reg, 10)
                c.drawString(25 * mm, y, ln)
                y -= 13
            y -= 8
        c.setFont(reg, 8)
        c.drawCentredString(W / 2, 12 * mm, str(pg))
        c.showPage()
    c.save()


# ----------------------------------------------------------------------------- scan
def scan_pdf(pdf_bytes: bytes, path, rng: random.Random, dpi: int = 150):
    """Render each page to a grey image, tilt it (<=1.5 degrees), add blur and noise, and save an
    image-only PDF (no text layer)."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    pdf = pdfium.PdfDocument(pdf_bytes)
    imgs = []
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    for i in range(len(pdf)):
        page = pdf[i]
        im = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        angle = rng.uniform(-1.5, 1.5)
        im = im.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
        im = im.filter(ImageFilter.GaussianBlur(radius=rng.uniform(0.3, 0.9)))
        a = np.asarray(im, dtype=np.int16)
        a = a + nrng.normal(0, rng.uniform(4, 12), a.shape).astype(np.int16)
        speck = nrng.random(a.shape) < 0.0008
        a[speck] = 30
        a = np.clip(a * rng.uniform(0.93, 1.0) + rng.uniform(0, 10), 0, 255).astype(np.uint8)
        imgs.append(Image.fromarray(a, "L"))
        page.close()
    pdf.close()
    imgs[0].save(str(path), "PDF", save_all=True, append_images=imgs[1:], resolution=float(dpi),
                 quality=rng.choice([60, 70, 80]), title="Scan", creationDate=None, modDate=None)

