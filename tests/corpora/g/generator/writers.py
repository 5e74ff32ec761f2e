# -*- coding: utf-8 -*-
"""File writers: PDF (reportlab), DOCX (python-docx), ODT/RTF (hand-written), scans (PIL), e-mail."""
import io
import zipfile
from xml.sax.saxutils import escape

from reportlab import rl_config
rl_config.invariant = 1
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle

FD = "/usr/share/fonts/truetype/dejavu/"
pdfmetrics.registerFont(TTFont("DV", FD + "DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DVB", FD + "DejaVuSans-Bold.ttf"))
pdfmetrics.registerFont(TTFont("DVS", FD + "DejaVuSerif.ttf"))
pdfmetrics.registerFont(TTFont("DVSB", FD + "DejaVuSerif-Bold.ttf"))

FIXED = (2007, 1, 1, 0, 0, 0)


def fix_zip(data):
    """Rewrite a zip with fixed timestamps so output is deterministic."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for it in src.infolist():
            zi = zipfile.ZipInfo(it.filename, FIXED)
            zi.compress_type = zipfile.ZIP_STORED if it.filename == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(it.filename))
    return out.getvalue()


def pdf_doc(doc, serif=True, leading=16):
    """doc: dict(letterhead=[lines], right=[lines], blocks=[(kind, text)]). kind: p, h, sig, small, center, qa"""
    base = "DVS" if serif else "DV"
    bold = "DVSB" if serif else "DVB"
    st = {
        "p": ParagraphStyle("p", fontName=base, fontSize=11.5, leading=leading, alignment=TA_JUSTIFY, spaceAfter=10, firstLineIndent=0),
        "h": ParagraphStyle("h", fontName=bold, fontSize=11, leading=14, spaceAfter=8, spaceBefore=4),
        "lh": ParagraphStyle("lh", fontName=bold, fontSize=12, leading=15, alignment=TA_CENTER),
        "lh2": ParagraphStyle("lh2", fontName=base, fontSize=9, leading=11, alignment=TA_CENTER),
        "r": ParagraphStyle("r", fontName=base, fontSize=10, leading=13, alignment=TA_RIGHT),
        "sig": ParagraphStyle("sig", fontName=base, fontSize=10.5, leading=14, leftIndent=8 * cm),
        "small": ParagraphStyle("small", fontName=base, fontSize=8, leading=10),
        "center": ParagraphStyle("c", fontName=bold, fontSize=11, leading=14, alignment=TA_CENTER, spaceAfter=10),
    }
    buf = io.BytesIO()
    d = SimpleDocTemplate(buf, pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.2 * cm, topMargin=2 * cm, bottomMargin=2 * cm,
                          title=doc.get("title", ""), author="", creator="")
    fl = []
    for i, l in enumerate(doc.get("letterhead", [])):
        fl.append(Paragraph(escape(l), st["lh"] if i == 0 else st["lh2"]))
    if doc.get("letterhead"):
        fl.append(Spacer(1, 14))
    for l in doc.get("right", []):
        fl.append(Paragraph(escape(l), st["r"]))
    if doc.get("right"):
        fl.append(Spacer(1, 10))
    for kind, text in doc["blocks"]:
        if kind == "qa":
            q, a = text
            fl.append(Paragraph("<b>%s</b>" % escape(q), ParagraphStyle("q", parent=st["p"], fontName=bold, spaceAfter=2)))
            fl.append(Paragraph(escape(a), ParagraphStyle("a", parent=st["p"], leftIndent=0.8 * cm)))
        else:
            fl.append(Paragraph(escape(text).replace("\n", "<br/>"), st[kind]))
    d.build(fl)
    return buf.getvalue()


def docx_doc(doc):
    import docx
    from docx.shared import Pt
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    D = docx.Document()
    D.core_properties.author = ""
    D.core_properties.title = doc.get("title", "")
    import datetime
    D.core_properties.created = datetime.datetime(2007, 1, 1)
    D.core_properties.modified = datetime.datetime(2007, 1, 1)
    for i, l in enumerate(doc.get("letterhead", [])):
        p = D.add_paragraph()
        rr = p.add_run(l)
        rr.bold = i == 0
        rr.font.size = Pt(13 if i == 0 else 9)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for l in doc.get("right", []):
        p = D.add_paragraph(l)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for kind, text in doc["blocks"]:
        if kind == "qa":
            q, a = text
            p = D.add_paragraph()
            p.add_run(q).bold = True
            D.add_paragraph(a)
        elif kind == "h" or kind == "center":
            p = D.add_paragraph()
            p.add_run(text).bold = True
            if kind == "center":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "sig":
            for line in text.split("\n"):
                p = D.add_paragraph(line)
                p.paragraph_format.left_indent = Pt(240)
        else:
            p = D.add_paragraph(text)
            if kind == "small":
                for rr in p.runs:
                    rr.font.size = Pt(8)
    b = io.BytesIO()
    D.save(b)
    return fix_zip(b.getvalue())


def doc_lines(doc):
    out = list(doc.get("letterhead", [])) + [""] + list(doc.get("right", [])) + [""]
    for kind, text in doc["blocks"]:
        if kind == "qa":
            out += [text[0], text[1], ""]
        else:
            out += [text, ""]
    return out


def odt_doc(doc):
    paras = []
    for l in doc_lines(doc):
        for sub in l.split("\n"):
            paras.append('<text:p text:style-name="Standard">%s</text:p>' % escape(sub))
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:text>' + "".join(paras) + '</office:text></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
              'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2"><office:styles>'
              '<style:style style:name="Standard" style:family="paragraph"/></office:styles></office:document-styles>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        zi = zipfile.ZipInfo("mimetype", FIXED)
        zi.compress_type = zipfile.ZIP_STORED
        z.writestr(zi, "application/vnd.oasis.opendocument.text")
        for name, data in (("content.xml", content), ("styles.xml", styles), ("META-INF/manifest.xml", manifest)):
            zi = zipfile.ZipInfo(name, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return out.getvalue()


def rtf_escape(s):
    o = []
    for ch in s:
        c = ord(ch)
        if ch in "\\{}":
            o.append("\\" + ch)
        elif c < 128:
            o.append(ch)
        else:
            if c > 32767:
                c -= 65536
            o.append("\\u%d?" % c)
    return "".join(o)


def rtf_doc(doc):
    lines = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}{\\f1\\fswiss Arial;}}",
             "\\paperw11906\\paperh16838\\margl1418\\margr1134\\f0\\fs22"]
    for i, l in enumerate(doc.get("letterhead", [])):
        lines.append("\\pard\\qc%s %s\\b0\\par" % ("\\b" if i == 0 else "", rtf_escape(l)))
    for l in doc.get("right", []):
        lines.append("\\pard\\qr %s\\par" % rtf_escape(l))
    for kind, text in doc["blocks"]:
        if kind == "qa":
            lines.append("\\pard\\sb120\\b %s\\b0\\par" % rtf_escape(text[0]))
            lines.append("\\pard\\li567 %s\\par" % rtf_escape(text[1]))
        else:
            for sub in text.split("\n"):
                lines.append("\\pard\\sb120\\qj %s\\par" % rtf_escape(sub))
    lines.append("}")
    return "\r\n".join(lines).encode("ascii")


def txt_doc(doc, width=78):
    import textwrap
    out = []
    for l in doc_lines(doc):
        if not l:
            out.append("")
            continue
        for sub in l.split("\n"):
            out.extend(textwrap.wrap(sub, width) or [""])
    return ("\r\n".join(out) + "\r\n")


def scan_pdf(doc, rng, lang):
    """Render the text as a slightly rotated, noisy greyscale 'scan' and wrap it in an image-only PDF."""
    from PIL import Image, ImageDraw, ImageFont, ImageFilter
    from reportlab.pdfgen import canvas
    W, H = 1240, 1754  # A4 at 150 dpi
    font = ImageFont.truetype(FD + "DejaVuSerif.ttf", 22)
    bold = ImageFont.truetype(FD + "DejaVuSerif-Bold.ttf", 24)
    import textwrap
    lines = []
    for i, l in enumerate(doc_lines(doc)):
        for sub in (l.split("\n") if l else [""]):
            for w in (textwrap.wrap(sub, 80) or [""]):
                lines.append((w, i == 0))
    pages = []
    per = 58
    for k in range(0, len(lines), per):
        img = Image.new("L", (W, H), 250)
        dr = ImageDraw.Draw(img)
        y = 110
        for text, b in lines[k:k + per]:
            dr.text((130, y), text, fill=25, font=bold if b else font)
            y += 27
        img = img.rotate(rng.uniform(-0.8, 0.8), fillcolor=245, resample=Image.BICUBIC)
        px = img.load()
        for _ in range(4000):
            x, yy = rng.randrange(W), rng.randrange(H)
            px[x, yy] = rng.randrange(120, 200)
        img = img.filter(ImageFilter.GaussianBlur(0.6))
        pages.append(img)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    from reportlab.lib.utils import ImageReader
    for img in pages:
        b = io.BytesIO()
        img.save(b, "JPEG", quality=70)
        b.seek(0)
        c.drawImage(ImageReader(b), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    return buf.getvalue()
