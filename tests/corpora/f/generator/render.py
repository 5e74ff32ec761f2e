# -*- coding: utf-8 -*-
"""Renderers: ruled-table PDF, AcroForm PDF (incl. flattened), .docx table, e-mail."""
import io, random
from xml.sax.saxutils import escape
from reportlab.lib.pagesizes import A4
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.lib.utils import simpleSplit

from lang import Q, OPT, YES, NO, NA, YESHDR, COLHDR, TITLE, SECTION, DATE_LBL, COUNTRY_LBL, COMMENTS
from answers import ITEM_ORDER, NUM, SECTION_OF

from reportlab import rl_config
rl_config.invariant = 1   # no timestamps / random ids: same seed -> same bytes

FD = "/usr/share/fonts/truetype/dejavu/"
for n, f in [("DV", "DejaVuSans.ttf"), ("DVB", "DejaVuSans-Bold.ttf"), ("DVS", "DejaVuSerif.ttf"),
             ("DVSB", "DejaVuSerif-Bold.ttf"), ("DVC", "DejaVuSansCondensed.ttf"), ("DVCB", "DejaVuSansCondensed-Bold.ttf")]:
    pdfmetrics.registerFont(TTFont(n, FD + f))
FAMS = [("DV", "DVB"), ("DVS", "DVSB"), ("DVC", "DVCB")]

MARKS = {"box": ("☒", "☐"), "brk": ("[X]", "[ ]"), "xbox": ("[x]", "[  ]")}
GROUPS = [["q1"], ["q2", "q2a", "q2b"], ["q3a", "q3b", "q3d"], ["q4"], ["q5"], ["q6"], ["q7"], ["q8"], ["q9a", "q9b"],
          ["q10"], ["q11"], ["q12"], ["q13"], ["q14"], ["q15"], ["q16"], ["q17"], ["q18"], ["q19"], ["q20"],
          ["q21a", "q21b", "q21c"], ["q21", "q21h"], ["q22"], ["q23"]]


TYPO = {"on": False, "rng": None}


def typo(t):
    """swap two inner letters of one longer word (a retyping slip), sometimes"""
    rng = TYPO["rng"]
    if not TYPO["on"] or rng.random() > 0.18:
        return t
    ws = t.split(" ")
    cand = [i for i, w in enumerate(ws) if len(w) > 6 and w.isalpha()]
    if not cand:
        return t
    i = rng.choice(cand)
    w = ws[i]
    j = rng.randint(1, len(w) - 3)
    ws[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(ws)


def qlabel(qlang, key, mode, numfmt):
    long_, short = Q[qlang][key]
    t = typo(long_ if mode == "long" else short)
    lbl = NUM[key].replace(" ", "").rstrip(")")
    return [f"{lbl}. {t}", f"Q{lbl} – {t}", f"{lbl}) {t}"][numfmt]


def yn_word(lang, v, rng):
    return (YES if v == "yes" else NO)[lang][0 if rng.random() < .8 else 1]


def cell_text(row, lang, mark, rng, na_style):
    """plain text (newline separated) of one item's answer"""
    if row == "blank":
        return ""
    if row is None:
        return "" if na_style == "empty" else (na_style if isinstance(na_style, str) and na_style not in ("rand",) else rng.choice(NA[lang]))
    kind, p = row
    if kind == "text":
        return p["t"]
    if kind == "yn":
        if mark in MARKS:
            on, off = MARKS[mark]
            y, n = YESHDR[lang]
            s = f"{on if p['v']=='yes' else off} {y}   {on if p['v']=='no' else off} {n}"
        else:
            s = yn_word(lang, p["v"], rng)
        if p.get("extra"):
            s += "\n" + p["extra"] if mark in MARKS else (": " if rng.random() < .5 else "\n") + p["extra"]
        return s
    if kind == "opts":
        if mark in MARKS:
            on, off = MARKS[mark]
            return "\n".join(f"{on if i in p['sel'] else off} {lab}" for i, lab in p["opts"])
        return ", ".join(lab for i, lab in p["opts"] if i in p["sel"])
    raise ValueError(kind)


class TrackPara(Paragraph):
    """first cell of a row: records on which page it was drawn"""
    def __init__(self, text, style, keys, log):
        super().__init__(text, style)
        self._keys, self._log = keys, log

    def draw(self):
        pg = self.canv.getPageNumber()
        for k in self._keys:
            self._log.setdefault(k, pg)
        super().draw()

    def split(self, aW, aH):
        parts = super().split(aW, aH)
        out = []
        for p in parts:
            t = TrackPara.__new__(TrackPara)
            t.__dict__.update(p.__dict__)
            t._keys, t._log = self._keys, self._log
            out.append(t)
        return out


def _mk(t):
    # ballot boxes exist in DejaVu Sans, not in DejaVu Serif
    return t.replace("☒", '<font name="DV">☒</font>').replace("☐", '<font name="DV">☐</font>')


def P(txt, st):
    return Paragraph(_mk(escape(txt).replace("\n", "<br/>")), st)


def table_pdf(path, spec, A, rng, pagelog=None):
    """ruled table return. spec keys: qlang, alang, cols(2|3|'x'), mark, subrows, qmode, numfmt, split, header lines"""
    qlang, alang = spec["qlang"], spec["alang"]
    fam = rng.choice(FAMS)
    fs = rng.choice([8, 8.5, 9, 9.5])
    st = ParagraphStyle("b", fontName=fam[0], fontSize=fs, leading=fs * 1.22)
    sb = ParagraphStyle("bb", parent=st, fontName=fam[1])
    sh = ParagraphStyle("h", parent=st, fontName=fam[1], fontSize=fs + 3, leading=(fs + 3) * 1.25, spaceAfter=4)
    sc = ParagraphStyle("c", parent=st, alignment=1)
    story = []
    for line in spec.get("letterhead", []):
        story.append(P(line, sb if line is spec["letterhead"][0] else st))
    story.append(Spacer(1, 6))
    story.append(P(rng.choice(TITLE[qlang]), sh))
    for line in spec.get("head", []):
        story.append(P(line, st))
    story.append(Spacer(1, 6))
    cols = spec["cols"]
    hdr = rng.choice(COLHDR[qlang])
    W = A4[0] - 36 * mm
    log = pagelog if pagelog is not None else {}
    mark = spec["mark"]
    na_style = spec.get("na", "rand")
    if cols == "x":
        y, n = YESHDR[qlang]
        data = [[P(hdr[0], sb), P(y, sc), P(n, sc), P(hdr[1], sb)]]
        widths = [W * .5, W * .07, W * .07, W * .36]
    elif cols == 3:
        data = [[P(h, sb) for h in hdr]]
        widths = [W * .44, W * .38, W * .18]
    else:
        data = [[P(hdr[0], sb), P(hdr[1], sb)]]
        widths = [W * .5, W * .5]
    secrows = []
    groups = [[k] for k in ITEM_ORDER] if spec["subrows"] else GROUPS
    cursec = -1
    for g in groups:
        if SECTION_OF[g[0]] != cursec:
            cursec = SECTION_OF[g[0]]
            secrows.append(len(data))
            data.append([P(SECTION[qlang][cursec], sb)] + [""] * (len(widths) - 1))
        if len(g) == 1:
            qt = qlabel(qlang, g[0], spec["qmode"], spec["numfmt"])
        else:
            qt = qlabel(qlang, g[0], spec["qmode"], spec["numfmt"]) + "\n" + "\n".join(Q[qlang][k][0 if spec["qmode"] == "long" else 1] for k in g[1:])
        first = TrackPara(escape(qt).replace("\n", "<br/>"), st, g, log)
        if cols == "x":
            row0 = A.rows.get(g[0])
            if len(g) == 1 and isinstance(row0, tuple) and row0[0] == "yn":
                yx = "X" if row0[1]["v"] == "yes" else ""
                nx = "X" if row0[1]["v"] == "no" else ""
                data.append([first, P(yx, sc), P(nx, sc), P(row0[1].get("extra", ""), st)])
                continue
            ans = "\n".join(_sub(A, k, alang, "word", rng, na_style, len(g) > 1, i, qlang) for i, k in enumerate(g))
            data.append([first, "", "", P(ans, st)])
            continue
        ans = "\n".join(_sub(A, k, alang, mark, rng, na_style, len(g) > 1, i, qlang) for i, k in enumerate(g))
        row = [first, P(ans, st)]
        if cols == 3:
            c = rng.choice(COMMENTS[alang]) if rng.random() < .25 else ""
            row.append(P(c, st))
        data.append(row)
    t = Table(data, colWidths=widths, repeatRows=1 if spec.get("repeat", True) else 0, splitInRow=1 if spec.get("split") else 0)
    ts = [("GRID", (0, 0), (-1, -1), 0.5 if rng.random() < .5 else 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
          ("BACKGROUND", (0, 0), (-1, 0), colors.Color(.85, .85, .85))]
    for r in secrows:
        ts += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), colors.Color(.93, .93, .93))]
    t.setStyle(TableStyle(ts))
    story.append(t)
    story.append(Spacer(1, 12))
    for line in spec.get("foot", []):
        story.append(P(line, st))
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm, bottomMargin=16 * mm,
                            title=spec.get("doctitle", ""), author=spec.get("author", ""))
    doc.build(story, onFirstPage=_pn(spec), onLaterPages=_pn(spec))
    return log


def _pn(spec):
    def f(c, d):
        c.setFont("DV", 7)
        c.drawRightString(A4[0] - 18 * mm, 9 * mm, str(c.getPageNumber()))
        if spec.get("ref"):
            c.drawString(18 * mm, 9 * mm, spec["ref"])
    return f


RU_LETTERS = {"a)": "а)", "b)": "б)", "c)": "в)", "d)": "г)", "h)": "з)"}


def _sub(A, k, alang, mark, rng, na_style, grouped, i, qlang=None):
    t = cell_text(A.rows.get(k, "blank"), alang, mark, rng, na_style)
    if grouped:
        letter = NUM[k].split(" ")[-1] if " " in NUM[k] else ""
        if (qlang or alang) == "ru":
            letter = RU_LETTERS.get(letter, letter)
        return (letter + " " + t).strip() if letter else t
    return t


# ------------------------------------------------------------------ docx
def docx_return(path, spec, A, rng):
    import docx
    from docx.shared import Pt, Cm
    d = docx.Document()
    stl = d.styles["Normal"]
    stl.font.name = rng.choice(["Times New Roman", "Arial", "Calibri"])
    stl.font.size = Pt(rng.choice([10, 11]))
    for i, line in enumerate(spec.get("letterhead", [])):
        p = d.add_paragraph(line)
        if i == 0:
            p.runs[0].bold = True
    d.add_paragraph("")
    h = d.add_paragraph(rng.choice(TITLE[spec["qlang"]]))
    h.runs[0].bold = True
    for line in spec.get("head", []):
        d.add_paragraph(line)
    qlang, alang = spec["qlang"], spec["alang"]
    ncol = 3 if spec["cols"] == 3 else 2
    hdr = rng.choice(COLHDR[qlang])
    t = d.add_table(rows=1, cols=ncol)
    t.style = "Table Grid"
    for i in range(ncol):
        t.rows[0].cells[i].text = hdr[i]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    trPr = t.rows[0]._tr.get_or_add_trPr()
    th = OxmlElement("w:tblHeader"); th.set(qn("w:val"), "true"); trPr.append(th)   # header row repeats on each page
    groups = [[k] for k in ITEM_ORDER] if spec["subrows"] else GROUPS
    cursec = -1
    for g in groups:
        if SECTION_OF[g[0]] != cursec:
            cursec = SECTION_OF[g[0]]
            r = t.add_row()
            c = r.cells[0].merge(r.cells[-1])
            c.text = SECTION[qlang][cursec]
        qt = qlabel(qlang, g[0], spec["qmode"], spec["numfmt"])
        if len(g) > 1:
            qt += "\n" + "\n".join(Q[qlang][k][0 if spec["qmode"] == "long" else 1] for k in g[1:])
        ans = "\n".join(_sub(A, k, alang, spec["mark"], rng, spec.get("na", "rand"), len(g) > 1, i, qlang) for i, k in enumerate(g))
        r = t.add_row()
        r.cells[0].text = qt
        r.cells[1].text = ans
        if ncol == 3:
            r.cells[2].text = rng.choice(COMMENTS[alang]) if rng.random() < .2 else ""
    d.add_paragraph("")
    for line in spec.get("foot", []):
        d.add_paragraph(line)
    d.core_properties.author = spec.get("author", "")
    d.core_properties.title = spec.get("doctitle", "")
    import datetime
    d.core_properties.created = datetime.datetime(2008, 1, 1)
    d.core_properties.modified = datetime.datetime(2008, 1, 1)
    d.core_properties.last_modified_by = spec.get("author", "")
    d.save(path)
    _fix_zip_times(path)


def _fix_zip_times(path):
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for i, data in items:
            zi = zipfile.ZipInfo(i.filename, date_time=(2008, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


# ------------------------------------------------------------------ e-mail
def email_return(path, spec, A, rng, attach=None):
    from email.message import EmailMessage
    from email.utils import format_datetime
    import datetime
    qlang, alang = spec["qlang"], spec["alang"]
    lines = list(spec.get("body_head", []))
    for k in ITEM_ORDER:
        row = A.rows.get(k, "blank")
        if row == "blank" and rng.random() < .7:
            continue
        t = cell_text(row, alang, "word", rng, "rand").replace("\n", " ")
        lines.append(f"{NUM[k]} {Q[qlang][k][1]}: {t}")
    lines += [""] + list(spec.get("foot", []))
    m = EmailMessage()
    m["From"] = spec["from"]
    m["To"] = spec["to"]
    m["Subject"] = spec["subject"]
    y, mo, d = spec["maildate"]
    m["Date"] = format_datetime(datetime.datetime(y, mo, d, 10, 17, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=1))))
    m["Message-ID"] = f"<{spec['file'].replace('.', '-')}@mail.example.int>"
    m.set_content("\n".join(lines))
    if attach:
        data, fname, mt = attach
        m.add_attachment(data, maintype=mt[0], subtype=mt[1], filename=fname)
    with open(path, "wb") as f:
        f.write(bytes(m))


def lo_pdf(path, spec, A, rng, tmp):
    """the .docx table printed to PDF by LibreOffice Writer (header row repeated by Writer)"""
    import subprocess, os
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject, NameObject
    src = os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".docx")
    docx_return(src, spec, A, rng)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, src], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    r = PdfReader(src[:-5] + ".pdf")
    w = PdfWriter(clone_from=r)
    w.add_metadata({"/CreationDate": "D:20071029101500+01'00'", "/ModDate": "D:20071029101500+01'00'"})
    w._ID = ArrayObject([ByteStringObject(b"corpusf-lo-0001"), ByteStringObject(b"corpusf-lo-0001")])
    with open(path, "wb") as f:
        w.write(f)
