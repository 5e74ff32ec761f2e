# -*- coding: utf-8 -*-
"""Word writers: retyped questionnaires marked by formatting, content-control checkboxes,
legacy FORMCHECKBOX fields, tables, and narrative letters / notes verbales."""
import datetime as dt
import io
import zipfile

from docx import Document
from docx.enum.text import WD_COLOR_INDEX, WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, Cm, RGBColor

from lines import LETTERS, plain_answer, ir_rows

FIXED_ZIP_TIME = (2007, 11, 1, 9, 0, 0)


def normalize_zip(path, when=FIXED_ZIP_TIME):
    """rewrite an OOXML zip with fixed timestamps so output is byte-deterministic"""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                import re
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>2007-11-20T10:00:00Z\g<2>", data)
            zi = zipfile.ZipInfo(name, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


class DocxForm:
    """mark: bold | underline | highlight | strike | sdt | ffcheck | plain"""

    def __init__(self, mark, rng, font="Times New Roman", size=11, qbold=False, ans_label=None, ff_tricky=False):
        self.doc = Document()
        self.mark = mark
        self.rng = rng
        self.qbold = qbold
        self.ans_label = ans_label
        self.ff_tricky = ff_tricky
        self.ffcount = 0
        self.sdtid = 1000 + rng.randint(0, 9000)
        st = self.doc.styles["Normal"]
        st.font.name = font
        st.font.size = Pt(size)
        rpr = st.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is not None:
            rfonts.set(qn("w:eastAsia"), font)
        sec = self.doc.sections[0]
        sec.left_margin = sec.right_margin = Cm(2.5)

    # ------------------------------------------------------------ marks
    def sdt(self, p, checked):
        self.sdtid += 1
        xml = (f'<w:sdt {nsdecls("w", "w14")}><w:sdtPr><w:id w:val="{self.sdtid}"/><w14:checkbox>'
               f'<w14:checked w14:val="{1 if checked else 0}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
               f'<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr>'
               f'<w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr>'
               f'<w:t>{"☒" if checked else "☐"}</w:t></w:r></w:sdtContent></w:sdt>')
        p._p.append(parse_xml(xml))

    def ffcheck(self, p, checked):
        self.ffcount += 1
        n = self.ffcount
        name = f"Casilla{n}" if self.rng.random() < 0.5 else f"Check{n}"
        r = self.rng.random()
        if checked:
            inner = ['<w:default w:val="1"/>', '<w:default w:val="0"/><w:checked/>', '<w:default w:val="0"/><w:checked w:val="1"/>'][
                0 if r < 0.3 else (1 if r < 0.75 else 2)]
        else:
            inner = '<w:default w:val="0"/>'
            if self.ff_tricky and r < 0.35:
                inner = '<w:default w:val="1"/><w:checked w:val="0"/>'
        xml_b = (f'<w:bookmarkStart {nsdecls("w")} w:id="{n}" w:name="{name}"/>')
        r1 = (f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
              f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>{inner}</w:checkBox></w:ffData></w:fldChar></w:r>')
        r2 = f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
        r3 = f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'
        xml_e = f'<w:bookmarkEnd {nsdecls("w")} w:id="{n}"/>'
        for x in (xml_b, r1, r2, r3, xml_e):
            p._p.append(parse_xml(x))

    def opt(self, p, label, sel, sep="   "):
        m = self.mark
        if m == "sdt":
            self.sdt(p, sel)
            p.add_run(" " + label + sep)
        elif m == "ffcheck":
            self.ffcheck(p, sel)
            p.add_run(" " + label + sep)
        elif m == "plain":
            p.add_run(label + sep)
        else:
            run = p.add_run(label)
            if m == "bold" and sel:
                run.bold = True
            elif m == "underline" and sel:
                run.underline = True
            elif m == "highlight" and sel:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            elif m == "strike" and not sel:
                run.font.strike = True
            p.add_run(sep if (m != "strike" or not sep) else " / ")

    # ------------------------------------------------------------ parts
    def parts(self, container, parts, indent=Cm(1.0), first_para=None):
        """write answer parts into container (document or cell). first_para: paragraph to continue on"""
        p = first_para
        for part in parts:
            k = part["k"]
            if k == "yn":
                if p is None:
                    p = container.add_paragraph()
                    p.paragraph_format.left_indent = indent
                else:
                    p.add_run("  ")
                self.opt(p, part["yes"], part["v"] == "yes")
                self.opt(p, part["no"], part["v"] == "no", sep="")
                p = None
            elif k == "opts":
                labs = part["labels"]
                if part.get("label"):
                    q = container.add_paragraph(part["label"])
                    q.paragraph_format.left_indent = indent
                inline = len(labs) <= 3
                q = None
                for i, (lab, s) in enumerate(zip(labs, part["sel"])):
                    txt = (f"{LETTERS[i]}) " if len(labs) > 3 else "") + lab
                    if inline:
                        if q is None:
                            q = container.add_paragraph()
                            q.paragraph_format.left_indent = indent
                        self.opt(q, txt, s, sep="    " if i < len(labs) - 1 else "")
                    else:
                        q = container.add_paragraph()
                        q.paragraph_format.left_indent = indent
                        q.paragraph_format.space_after = Pt(0)
                        self.opt(q, txt, s, sep="")
                        if part.get("other") and i == len(labs) - 1:
                            q.add_run(" " + part["other"])
                p = None
            elif k in ("text", "na"):
                q = container.add_paragraph()
                q.paragraph_format.left_indent = indent
                if part.get("label"):
                    q.add_run(part["label"] + " ")
                elif self.ans_label and k == "text" and len(part["v"]) > 40:
                    r = q.add_run(self.ans_label + " ")
                    r.italic = True
                q.add_run(part["v"])
                p = None
            else:
                p = None

    # ------------------------------------------------------------ whole document
    def head(self, meta):
        d = self.doc
        if meta.get("header"):
            hp = d.sections[0].header.paragraphs[0]
            hp.text = meta["header"]
            hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for ln in meta.get("letterhead", []):
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(ln)
            r.bold = True
        if meta.get("ref"):
            d.add_paragraph(meta["ref"])
        if meta.get("dateline"):
            p = d.add_paragraph(meta["dateline"])
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for ln in meta.get("intro", []):
            d.add_paragraph(ln)

    def tail(self, meta):
        d = self.doc
        for ln in meta.get("closing", []):
            d.add_paragraph(ln)
        for ln in meta.get("signature", []):
            p = d.add_paragraph(ln)
            p.paragraph_format.space_after = Pt(0)

    def questionnaire(self, blocks, meta):
        d = self.doc
        self.head(meta)
        for b in blocks:
            if b["t"] == "title":
                p = d.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                r = p.add_run(b["text"])
                if self.mark != "bold":
                    r.bold = True
                r.font.size = Pt(13)
                if self.mark == "bold":
                    r.font.all_caps = True
                continue
            if b["t"] == "sec":
                p = d.add_paragraph()
                r = p.add_run(b["text"])
                if self.mark == "bold":
                    r.italic = True
                    r.font.size = Pt(12)
                else:
                    r.bold = True
                continue
            if b["t"] == "note":
                d.add_paragraph(b["text"])
                continue
            p = d.add_paragraph()
            p.paragraph_format.space_before = Pt(6)
            r = p.add_run(f"{b['n']}. {b['text']}")
            if self.qbold and self.mark != "bold":
                r.bold = True
            self.parts(d, b["parts"])
            for s in b.get("subs", []):
                sp = d.add_paragraph()
                sp.paragraph_format.left_indent = Cm(0.6)
                sp.add_run((f"{s['l']}) " if s["l"] else "") + s["text"])
                parts = s["parts"]
                if parts and parts[0]["k"] == "yn":
                    self.parts(d, parts[:1], first_para=sp)
                    self.parts(d, parts[1:])
                else:
                    self.parts(d, parts)
        self.tail(meta)

    def table(self, blocks, meta, cols=3, headers=None, cell_marks=False, sep="; "):
        """cols=3: number | question | answer ; cols=2: question (with number) | answer.
        cell_marks: answer cells carry the options with marks (self.mark) instead of plain words"""
        d = self.doc
        self.head(meta)
        rows = ir_rows(blocks)
        t = None

        def new_table():
            tb = d.add_table(rows=0, cols=cols)
            tb.style = "Table Grid"
            if headers:
                cells = tb.add_row().cells
                for c, h in zip(cells, headers):
                    c.text = ""
                    c.paragraphs[0].add_run(h).bold = True
            return tb

        for kind, num, text, parts in rows:
            if kind == "title":
                p = d.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.add_run(text).bold = True
                continue
            if kind in ("sec", "note"):
                if kind == "sec":
                    p = d.add_paragraph()
                    p.add_run(text).bold = True
                    t = new_table()
                else:
                    if t is None:
                        t = new_table()
                    cells = t.add_row().cells
                    cells[-1].text = text
                continue
            if t is None:
                t = new_table()
            cells = t.add_row().cells
            if cols == 3:
                cells[0].text = num
                cells[1].text = text
            else:
                cells[0].text = (num + ". " if num and kind == "q" else (num[-1] + ") " if num else "")) + text
            ac = cells[-1]
            if cell_marks:
                ac.text = ""
                first = ac.paragraphs[0]
                # write parts; use the empty first paragraph for the first part
                self._cell_parts(ac, parts)
            else:
                ac.text = "\n".join(plain_answer(parts, sep))
        if cols == 3:
            for row in (t.rows if t is not None else []):
                pass
        self.tail(meta)

    def _cell_parts(self, cell, parts):
        first = cell.paragraphs[0]
        used = [False]

        class _C:
            def add_paragraph(_self, text=""):
                if not used[0]:
                    used[0] = True
                    if text:
                        first.add_run(text)
                    return first
                return cell.add_paragraph(text)

        self.parts(_C(), parts, indent=Cm(0))

    def prose(self, paras, meta):
        d = self.doc
        self.head(meta)
        for p in paras:
            if isinstance(p, tuple):
                if p[0] == "h":
                    q = d.add_paragraph()
                    q.add_run(p[1]).bold = True
                elif p[0] == "c":
                    q = d.add_paragraph()
                    q.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    q.add_run(p[1]).bold = True
                elif p[0] == "pb":
                    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            else:
                q = d.add_paragraph(p)
                q.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        self.tail(meta)

    def save(self, path, author, when):
        cp = self.doc.core_properties
        cp.author = author
        cp.last_modified_by = author
        cp.created = when
        cp.modified = when
        cp.revision = 1
        self.doc.save(path)
        normalize_zip(path)
