# -*- coding: utf-8 -*-
"""Fillable AcroForm returns (reportlab page + pypdf widgets) and a flattened variant."""
import io
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas as rl_canvas
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (DictionaryObject, NameObject, TextStringObject, ArrayObject, FloatObject,
                           NumberObject, BooleanObject, StreamObject)

import render  # registers fonts
from render import qlabel, cell_text
from lang import Q, OPT, YESHDR, NA, TITLE, SECTION
from answers import ITEM_ORDER, NUM, SECTION_OF

KIND = {"q1": ("yn", 0), "q2": ("opts", "ncm_type"), "q2a": ("text",), "q2b": ("text",), "q3a": ("yn", 1), "q3b": ("yn", 1),
        "q3d": ("yn", 1), "q4": ("text",), "q5": ("yn", 1), "q6": ("opts", "function"), "q7": ("text",), "q8": ("text",),
        "q9a": ("yn", 1), "q9b": ("yn", 1), "q10": ("opts", "coverage"), "q11": ("yn", 1), "q12": ("yn", 0),
        "q13": ("text",), "q14": ("text",), "q15": ("text",), "q16": ("yn", 0), "q17": ("opts", "nrm_type"),
        "q18": ("opts", "authority"), "q19": ("text",), "q20": ("yn", 1), "q21a": ("opts", "freq"), "q21b": ("text",),
        "q21c": ("yn", 0), "q21": ("opts", "content"), "q21h": ("opts", "model"), "q22": ("text",), "q23": ("text",)}
TR_RU = {"q1": "mekhanizm_koordinatsii", "q2": "kharakter_mekhanizma", "q2a": "nats_koordinator", "q2b": "rabochaya_gruppa",
         "q3a": "mezhvedomstvennyi", "q3b": "eksperty", "q3d": "grazhd_obshchestvo", "q4": "pravovaya_osnova", "q5": "byudzhet",
         "q6": "funktsiya", "q7": "dostizheniya", "q8": "trudnosti", "q9a": "nats_plan", "q9b": "inye_mery", "q10": "okhvat",
         "q11": "opredelenie", "q12": "kompleksnyi_podkhod", "q13": "otsenka", "q14": "dostizheniya_plana", "q15": "trudnosti_plana",
         "q16": "mekhanizm_otchetnosti", "q17": "kharakter_otchetnosti", "q18": "osnovanie", "q19": "god_sozdaniya",
         "q20": "byudzhet_dokladchika", "q21a": "periodichnost", "q21b": "adresaty", "q21c": "publichnost", "q21": "soderzhanie",
         "q21h": "forma_dokladov", "q22": "uspekh", "q23": "ogranicheniya"}
TR_IT = {"q1": "meccanismo_coord", "q2": "natura_meccanismo", "q2a": "coordinatore", "q2b": "commissione", "q3a": "interministeriale",
         "q3b": "esperti", "q3d": "societa_civile", "q4": "base_giuridica", "q5": "bilancio", "q6": "funzione", "q7": "risultati",
         "q8": "difficolta", "q9a": "piano_nazionale", "q9b": "altra_risposta", "q10": "ambiti", "q11": "definizione",
         "q12": "approccio_globale", "q13": "valutazione", "q14": "risultati_piano", "q15": "difficolta_piano", "q16": "relatore",
         "q17": "natura_relatore", "q18": "atto_istitutivo", "q19": "anno_istituzione", "q20": "bilancio_relatore",
         "q21a": "frequenza", "q21b": "destinatari", "q21c": "pubbliche", "q21": "contenuto", "q21h": "modello", "q22": "successo",
         "q23": "limiti"}
RU_LET = ["a", "b", "v", "g", "d", "e", "zh", "z"]
RADIO_EXP = {"it": ("Si", "No"), "es": ("Si", "No"), "ru": ("Da", "Net"), "fr": ("Oui", "Non"), "en": ("Yes", "No")}


class Namer:
    def __init__(self, scheme, rng, swap=()):
        self.scheme, self.rng = scheme, rng
        self.nums = list(range(1, 400)); rng.shuffle(self.nums)
        self.used = set()
        self.swap = dict(swap)

    def __call__(self, k, role, opt_i=None, opt_id=None):
        k = self.swap.get(k, k)
        lbl = NUM[k].replace(" ", "").rstrip(")")
        s = self.scheme
        if s == "generic":
            n = self.nums.pop()
            base = {"text": "Text", "extra": "Text", "check": "Check Box", "yes": "Check Box", "no": "Check Box", "radio": "Group"}[role]
            return f"{base}{n}"
        if s == "meaningful":
            m = {"text": f"Q{lbl}", "extra": f"Q{lbl}_details", "yes": f"Q{lbl}_yes", "no": f"Q{lbl}_no", "radio": f"Q{lbl}",
                 "check": f"Q{lbl}_{opt_id}"}
            return m[role]
        if s == "translit_ru":
            b = TR_RU[k]
            m = {"text": b, "extra": b + "_poyasnenie", "yes": b + "_da", "no": b + "_net", "radio": b,
                 "check": f"{b}_{RU_LET[opt_i] if opt_i is not None else ''}"}
            return m[role]
        if s == "translit_it":
            b = TR_IT[k]
            m = {"text": b, "extra": b + "_dettagli", "yes": b + "_si", "no": b + "_no", "radio": b,
                 "check": f"{b}_{'abcdefgh'[opt_i] if opt_i is not None else ''}"}
            return m[role]
        raise ValueError(s)


def form_pdf(path, spec, A, rng):
    """spec: qlang, alang, layout(beside|under|cells), names, yn(checks|radio|text), opts(checks|text), tooltips, flatten"""
    qlang, alang = spec["qlang"], spec["alang"]
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    c.setTitle(spec.get("doctitle", "")); c.setAuthor(spec.get("author", ""))
    W, H = A4
    x0, top, bot = 18 * mm, H - 18 * mm, 18 * mm
    width = W - 36 * mm
    st = {"page": 0, "y": top}
    widgets = []
    namer = Namer(spec["names"], rng, spec.get("swap", ()))
    fs = 8.5
    flatten = spec.get("flatten", False)

    def newpage():
        c.setFont("DV", 7); c.drawRightString(W - x0, 10 * mm, str(st["page"] + 1))
        c.showPage(); st["page"] += 1; st["y"] = top

    def need(h):
        if st["y"] - h < bot:
            newpage()

    def text_lines(x, y, txt, w, font="DV", size=fs):
        lines = []
        for para in txt.split("\n"):
            lines += simpleSplit(para, font, size, w) or [""]
        c.setFont(font, size)
        for i, l in enumerate(lines):
            c.drawString(x, y - size - i * size * 1.2, l)
        return len(lines) * size * 1.2 + 2

    def add(kind, name, rect, value, **kw):
        widgets.append(dict(kind=kind, name=name, rect=rect, page=st["page"], value=value, **kw))
        x1, y1, x2, y2 = rect
        c.setLineWidth(0.6)
        if kind == "radio":
            c.circle((x1 + x2) / 2, (y1 + y2) / 2, (x2 - x1) / 2)
        else:
            c.rect(x1, y1, x2 - x1, y2 - y1)
        if flatten and value:
            if kind == "text":
                text_lines(x1 + 2, y2 - 1, value, x2 - x1 - 4, size=8)
            elif kind == "check":
                c.setFont("DVB", 9); c.drawCentredString((x1 + x2) / 2, y1 + 2, "X")
            elif kind == "radio":
                c.circle((x1 + x2) / 2, (y1 + y2) / 2, (x2 - x1) / 4, fill=1)

    def textbox_h(val, w):
        n = 1
        if val:
            n = sum(len(simpleSplit(p, "DV", 8, w - 4) or [""]) for p in val.split("\n"))
        return max(14, n * 9.6 + 5)

    # ---- header
    for i, line in enumerate(spec.get("letterhead", [])):
        c.setFont("DVB" if i == 0 else "DV", 10 if i == 0 else 8.5)
        c.drawString(x0, st["y"] - 10, line); st["y"] -= 13
    st["y"] -= 6
    st["y"] -= text_lines(x0, st["y"], TITLE[qlang][0], width, "DVB", 11) + 4
    for line in spec.get("head", []):
        st["y"] -= text_lines(x0, st["y"], line, width) + 1
    st["y"] -= 6
    cursec = -1
    layout = spec["layout"]
    for k in ITEM_ORDER:
        if SECTION_OF[k] != cursec:
            cursec = SECTION_OF[k]
            need(40)
            st["y"] -= 6
            st["y"] -= text_lines(x0, st["y"], SECTION[qlang][cursec], width, "DVB", 10) + 4
        row = A.rows.get(k, "blank")
        kd = KIND[k]
        lab = qlabel(qlang, k, spec["qmode"], spec["numfmt"])
        tip = Q[qlang][k][1] if spec.get("tooltips") else None
        if layout == "under":
            lw, cx, cw = width, x0 + 8, width - 8
        else:
            lw, cx, cw = width * .52, x0 + width * .55, width * .44
        lines = sum(len(simpleSplit(p, "DV", fs, lw - 4)) for p in lab.split("\n"))
        lh = lines * fs * 1.2 + 4
        # control block height estimate
        plan = []
        if kd[0] == "yn":
            v = row[1]["v"] if isinstance(row, tuple) else None
            extra = row[1].get("extra", "") if isinstance(row, tuple) else ""
            ym = spec["yn"]
            plan.append(("yn", v, ym))
            if kd[1]:
                plan.append(("extra", extra if isinstance(row, tuple) else (rng.choice(NA[alang]) if row is None and spec.get("na_text") else "")))
        elif kd[0] == "opts":
            opts = list(OPT[alang][kd[1]].items())
            sel = row[1]["sel"] if isinstance(row, tuple) else set()
            if spec["opts"] == "text":
                plan.append(("extra", ", ".join(l for i, l in opts if i in sel)))
            else:
                plan.append(("opts", opts, sel))
        else:
            val = row[1]["t"] if isinstance(row, tuple) else (rng.choice(NA[alang]) if row is None and spec.get("na_text") else "")
            plan.append(("extra", val))
        ch = 0
        for p in plan:
            if p[0] == "yn":
                ch += 16
            elif p[0] == "opts":
                ch += 13 * len(p[1])
            else:
                ch += textbox_h(p[1], cw) + 3
        total = (lh + ch + 4) if layout == "under" else max(lh, ch) + 6
        if total > top - bot - 20:
            total = top - bot - 20
        need(total)
        ytop = st["y"]
        text_lines(x0 + 2, ytop - 1, lab, lw - 4)
        cy = ytop - (lh if layout == "under" else 2)
        for p in plan:
            if p[0] == "yn":
                v, ym = p[1], p[2]
                y_, n_ = YESHDR[qlang]
                if ym == "text":
                    word = (YESHDR[alang][0] if v == "yes" else YESHDR[alang][1]) if v else ""
                    add("text", namer(k, "text"), (cx, cy - 14, cx + 60, cy - 1), word, tip=tip)
                elif ym == "radio":
                    gname = namer(k, "radio")
                    ex = RADIO_EXP[alang]
                    c.setFont("DV", fs)
                    c.drawString(cx + 14, cy - 10, y_)
                    c.drawString(cx + 74, cy - 10, n_)
                    add("radio", gname, (cx, cy - 12, cx + 10, cy - 2), ex[0] if v == "yes" else None, exp=ex[0],
                        group=gname, tip=tip, gvalue=(ex[0] if v == "yes" else ex[1] if v == "no" else None))
                    add("radio", gname, (cx + 60, cy - 12, cx + 70, cy - 2), ex[1] if v == "no" else None, exp=ex[1],
                        group=gname, tip=tip, gvalue=(ex[0] if v == "yes" else ex[1] if v == "no" else None))
                else:
                    c.setFont("DV", fs)
                    c.drawString(cx + 14, cy - 10, y_)
                    c.drawString(cx + 74, cy - 10, n_)
                    onv = spec.get("on", "Yes")
                    add("check", namer(k, "yes"), (cx, cy - 12, cx + 10, cy - 2), onv if v == "yes" else None, exp=onv, tip=tip)
                    add("check", namer(k, "no"), (cx + 60, cy - 12, cx + 70, cy - 2), onv if v == "no" else None, exp=onv, tip=tip)
                cy -= 16
            elif p[0] == "opts":
                onv = spec.get("on", "Yes")
                for i, (oid, olab) in enumerate(p[1]):
                    c.setFont("DV", fs)
                    c.drawString(cx + 14, cy - 10, olab)
                    add("check", namer(k, "check", i, oid), (cx, cy - 11, cx + 9, cy - 2), onv if oid in p[2] else None, exp=onv, tip=tip)
                    cy -= 13
            else:
                h = min(textbox_h(p[1], cw), top - bot - 40)
                add("text", namer(k, "extra" if kd[0] != "text" else "text"), (cx, cy - h, cx + cw, cy - 1), p[1], tip=tip,
                    multiline=h > 15)
                cy -= h + 3
        if layout == "cells":
            c.setLineWidth(0.8)
            c.rect(x0, ytop - total, width, total)
            c.line(x0 + width * .535, ytop, x0 + width * .535, ytop - total)
        st["y"] = ytop - total - (0 if layout == "cells" else 4)
    st["y"] -= 10
    for line in spec.get("foot", []):
        need(14)
        st["y"] -= text_lines(x0, st["y"], line, width) + 1
    c.setFont("DV", 7); c.drawRightString(W - x0, 10 * mm, str(st["page"] + 1))
    c.save()
    if flatten:
        open(path, "wb").write(buf.getvalue())
        return None
    return _add_widgets(path, buf.getvalue(), widgets)


def _ap(writer, w, h, on):
    s = StreamObject()
    if on:
        data = f"q 0 G 1.2 w 2 2 m {w-2:.1f} {h-2:.1f} l S 2 {h-2:.1f} m {w-2:.1f} 2 l S Q".encode()
    else:
        data = b""
    s.set_data(data)
    s.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
              NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(w), FloatObject(h)])})
    return writer._add_object(s)


def _text_aps(writer, widgets):
    """one reportlab document, one page per filled text field, so all appearances share one embedded font subset"""
    filled = [w for w in widgets if w["kind"] == "text" and w["value"]]
    if not filled:
        return {}
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf)
    for w in filled:
        x1, y1, x2, y2 = w["rect"]
        ww, hh = x2 - x1, y2 - y1
        c.setPageSize((ww, hh))
        lines = []
        for p in w["value"].split("\n"):
            lines += simpleSplit(p, "DV", 8, ww - 4) or [""]
        c.setFont("DV", 8)
        for i, l in enumerate(lines):
            c.drawString(2, hh - 9.5 - i * 9.6, l)
        c.showPage()
    c.save()
    r = PdfReader(io.BytesIO(buf.getvalue()))
    out = {}
    for w, pg in zip(filled, r.pages):
        x1, y1, x2, y2 = w["rect"]
        s = StreamObject()
        s.set_data(pg.get_contents().get_data())
        s.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                  NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(x2 - x1), FloatObject(y2 - y1)]),
                  NameObject("/Resources"): pg["/Resources"].clone(writer)})
        out[id(w)] = writer._add_object(s)
    return out


def _add_widgets(path, pdfbytes, widgets):
    reader = PdfReader(io.BytesIO(pdfbytes))
    writer = PdfWriter(clone_from=reader)
    aps = _text_aps(writer, widgets)
    fields = ArrayObject()
    expect = {}
    radios = {}
    helv = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding")})
    helv_ref = writer._add_object(helv)
    for w in widgets:
        page = writer.pages[w["page"]]
        x1, y1, x2, y2 = w["rect"]
        d = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
                              NameObject("/Rect"): ArrayObject([FloatObject(round(v, 2)) for v in (x1, y1, x2, y2)]),
                              NameObject("/F"): NumberObject(4), NameObject("/P"): page.indirect_reference})
        if w["kind"] == "text":
            d.update({NameObject("/FT"): NameObject("/Tx"), NameObject("/T"): TextStringObject(w["name"]),
                      NameObject("/DA"): TextStringObject("/Helv 8 Tf 0 g")})
            if id(w) in aps:
                d[NameObject("/AP")] = DictionaryObject({NameObject("/N"): aps[id(w)]})
            if w.get("multiline"):
                d[NameObject("/Ff")] = NumberObject(4096)
            if w["value"]:
                d[NameObject("/V")] = TextStringObject(w["value"])
                expect[w["name"]] = w["value"]
            if w.get("tip"):
                d[NameObject("/TU")] = TextStringObject(w["tip"])
            ref = writer._add_object(d)
            fields.append(ref)
        elif w["kind"] == "check":
            on = w["exp"]
            ww, hh = x2 - x1, y2 - y1
            d.update({NameObject("/FT"): NameObject("/Btn"), NameObject("/T"): TextStringObject(w["name"]),
                      NameObject("/AP"): DictionaryObject({NameObject("/N"): DictionaryObject({
                          NameObject("/" + on): _ap(writer, ww, hh, True), NameObject("/Off"): _ap(writer, ww, hh, False)})})})
            val = "/" + on if w["value"] else "/Off"
            d[NameObject("/V")] = NameObject(val)
            d[NameObject("/AS")] = NameObject(val)
            if w.get("tip"):
                d[NameObject("/TU")] = TextStringObject(w["tip"])
            if w["value"]:
                expect[w["name"]] = val
            ref = writer._add_object(d)
            fields.append(ref)
        else:  # radio kid
            g = w["group"]
            if g not in radios:
                par = DictionaryObject({NameObject("/FT"): NameObject("/Btn"), NameObject("/Ff"): NumberObject(49152),
                                        NameObject("/T"): TextStringObject(g), NameObject("/Kids"): ArrayObject()})
                par[NameObject("/V")] = NameObject("/" + w["gvalue"]) if w["gvalue"] else NameObject("/Off")
                if w.get("tip"):
                    par[NameObject("/TU")] = TextStringObject(w["tip"])
                pref = writer._add_object(par)
                radios[g] = (par, pref)
                fields.append(pref)
                if w["gvalue"]:
                    expect[g] = "/" + w["gvalue"]
            par, pref = radios[g]
            ww, hh = x2 - x1, y2 - y1
            d.update({NameObject("/Parent"): pref,
                      NameObject("/AP"): DictionaryObject({NameObject("/N"): DictionaryObject({
                          NameObject("/" + w["exp"]): _ap(writer, ww, hh, True), NameObject("/Off"): _ap(writer, ww, hh, False)})}),
                      NameObject("/AS"): NameObject("/" + w["exp"] if w["value"] else "/Off")})
            ref = writer._add_object(d)
            par["/Kids"].append(ref)
        if "/Annots" not in page:
            page[NameObject("/Annots")] = ArrayObject()
        page["/Annots"].append(ref)
    writer._root_object[NameObject("/AcroForm")] = writer._add_object(DictionaryObject({
        NameObject("/Fields"): fields, NameObject("/NeedAppearances"): BooleanObject(False),
        NameObject("/DA"): TextStringObject("/Helv 0 Tf 0 g"),
        NameObject("/DR"): DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/Helv"): helv_ref})})}))
    with open(path, "wb") as f:
        writer.write(f)
    return expect
