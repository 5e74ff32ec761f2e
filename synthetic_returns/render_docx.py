"""Word renderings (python-docx): the questionnaire (paragraphs or a table) and letters."""

from __future__ import annotations

import io
import random
import zipfile
from datetime import datetime, timezone

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from .layout import Doc, Letter, merged_flow, opt_text

FIXED = datetime(2007, 11, 15, 9, 0, 0, tzinfo=timezone.utc)


def _new(rng: random.Random, title: str, when: datetime | None):
    d = Document()
    st = d.styles["Normal"]
    st.font.name = rng.choice(["Times New Roman", "Arial", "Calibri", "Verdana"])
    st.font.size = Pt(rng.choice([10, 11, 12]))
    cp = d.core_properties
    cp.title = title
    cp.author = rng.choice(["user", "MFA", "OSCE Desk", "Administrator", "mvd"])
    cp.last_modified_by = cp.author
    cp.created = when or FIXED
    cp.modified = when or FIXED
    cp.revision = rng.randint(1, 9)
    return d


def save_deterministic(d, path_or_buf):
    """python-docx stamps zip entries with the current time: rewrite them with a fixed one."""
    raw = io.BytesIO()
    d.save(raw)
    raw.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zi = zipfile.ZipInfo(item.filename, date_time=(2007, 11, 15, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, zin.read(item.filename))
    data = out.getvalue()
    if hasattr(path_or_buf, "write"):
        path_or_buf.write(data)
    else:
        with open(path_or_buf, "wb") as fh:
            fh.write(data)


def docx_questionnaire(doc: Doc, path_or_buf, rng: random.Random, when=None):
    d = _new(rng, doc.title, when)
    for line in doc.letterhead:
        p = d.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if doc.date_line:
        p = d.add_paragraph(doc.date_line)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.add_heading(doc.title, level=1)
    if doc.subtitle:
        d.add_paragraph(doc.subtitle).runs[0].bold = True
    for p in doc.pre:
        d.add_paragraph(p)
    use_table = rng.random() < 0.4
    table = None
    cur = None
    for e in merged_flow(doc):
        k = e[0]
        if k == "section":
            table = None
            d.add_heading(e[1], level=2)
        elif use_table:
            if table is None:
                table = d.add_table(rows=0, cols=2)
                table.style = "Table Grid"
            if k in ("q", "qa"):
                row = table.add_row().cells
                row[0].text = f"{e[1]} {e[2]}".strip()
                cur = row[1]
                cur.text = e[3] if k == "qa" else ""
                cur._first = k != "qa"
            elif cur is not None:
                txt = (f"{e[1]} {e[2]}".strip() if k == "part" else
                       "\n".join(opt_text(o, doc.ticks) for o in e[1]) if k == "opts" else e[1])
                if getattr(cur, "_first", False):
                    cur.text = txt
                    cur._first = False
                else:
                    cur.add_paragraph(txt)
        else:
            if k == "q":
                p = d.add_paragraph()
                r = p.add_run(e[1] + " ")
                r.bold = True
                p.add_run(e[2])
            elif k == "qa":
                p = d.add_paragraph()
                r = p.add_run(e[1] + " ")
                r.bold = True
                p.add_run(e[2] + "  ")
                p.add_run(e[3]).italic = True
            elif k == "part":
                d.add_paragraph(f"{e[1]} {e[2]}".strip())
            elif k == "opts":
                if e[2]:
                    d.add_paragraph("    ".join(opt_text(o, doc.ticks) for o in e[1]))
                else:
                    for o in e[1]:
                        d.add_paragraph(opt_text(o, doc.ticks))
            elif k == "ans":
                p = d.add_paragraph(e[1])
                p.paragraph_format.left_indent = Pt(rng.choice([0, 18]))
    for p in doc.post:
        d.add_paragraph(p)
    _appendix(d, doc.appendix)
    _footer(d, doc.header.replace("{page}", "").replace("{pages}", "").strip(" -/") if doc.header else "")
    save_deterministic(d, path_or_buf)


def _appendix(d, appendix):
    if appendix:
        from docx.enum.text import WD_BREAK

        d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        title, paras = appendix
        d.add_heading(title, level=1)
        for para in paras:
            if len(para) < 60:
                d.add_heading(para, level=2)
            else:
                d.add_paragraph(para)


def _footer(d, text: str):
    if text:
        d.sections[0].footer.paragraphs[0].text = text


def docx_letter(let: Letter, path_or_buf, rng: random.Random, when=None):
    d = _new(rng, "Note", when)
    for line in let.letterhead:
        for sub in line.split("\n"):
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(sub).bold = True
    if let.ref:
        d.add_paragraph(let.ref)
    if let.place_date:
        d.add_paragraph(let.place_date).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if let.addressee:
        d.add_paragraph(let.addressee)
    if let.opening:
        d.add_paragraph(let.opening)
    for para in let.paras:
        d.add_paragraph(para).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    d.add_paragraph(let.closing)
    for s in let.signature:
        d.add_paragraph(s)
    if let.annex:
        d.add_paragraph(let.annex).runs[0].italic = True
    _appendix(d, let.appendix)
    save_deterministic(d, path_or_buf)


def docx_annex(path_or_buf, rng: random.Random, title: str, sentences: list[str], paras: int):
    d = _new(rng, title, None)
    d.add_heading(title, level=1)
    for i in range(paras):
        if i % 6 == 0:
            d.add_heading(f"{i // 6 + 1}.", level=2)
        d.add_paragraph(" ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5))))
    save_deterministic(d, path_or_buf)
