# -*- coding: utf-8 -*-
"""Corpus c generator.  python generator/make.py OUTDIR --seed N
Writes OUTDIR/raw/* and OUTDIR/key.jsonl (deterministic for a given seed)."""
import argparse
import copy
import datetime as dt
import email.utils
import json
import os
import random
import shutil
import sys
import tempfile
from email.message import EmailMessage
from xml.sax.saxutils import escape as xesc

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import lexa as LA
from lexq import Q
from model import make_record, build_ir, fmt_date, NA_COLLAPSE, year_text, Rec
from lines import ir_rows, plain_answer
import render_pdf as RP
import render_docx as RD
import render_scan as RS
import prose as PR

# ------------------------------------------------------------------ letterheads, people
LH = {
    "Spain": ["MINISTERIO DEL INTERIOR", "Secretaría de Estado de Seguridad - Gabinete de Coordinación y Estudios"],
    "Andorra": ["PRINCIPADO DE ANDORRA", "Ministerio de Asuntos Exteriores - Departamento de Asuntos Multilaterales"],
    "Portugal": ["REPRESENTACIÓN PERMANENTE DE PORTUGAL ANTE LA OSCE", "Viena"],
    "Morocco": ["MISIÓN PERMANENTE DEL REINO DE MARRUECOS", "ante las Organizaciones Internacionales en Viena"],
    "Romania": ["MINISTERUL INTERNELOR ȘI REFORMEI ADMINISTRATIVE", "Agencia Nacional contra la Trata de Personas (ANITP)"],
    "Bulgaria": ["REPÚBLICA DE BULGARIA", "Comisión Nacional de Lucha contra la Trata de Seres Humanos - Secretaría"],
    "Greece": ["MINISTERIO DE ASUNTOS EXTERIORES DE LA REPÚBLICA HELÉNICA", "Dirección de Organizaciones Internacionales"],
    "Cyprus": ["REPÚBLICA DE CHIPRE - MINISTERIO DE JUSTICIA Y ORDEN PÚBLICO"],
    "Belgium": ["REPRESENTACIÓN PERMANENTE DE BÉLGICA ANTE LA OSCE", "Wohllebengasse, Viena"],
    "Netherlands": ["REINO DE LOS PAÍSES BAJOS - Ministerio de Justicia"],
    "Georgia": ["MINISTERIO DE JUSTICIA DE GEORGIA", "Departamento de Relaciones Internacionales"],
    "Lithuania": ["REPÚBLICA DE LITUANIA - MINISTERIO DEL INTERIOR"],
    "Slovakia": ["MINISTERIO DEL INTERIOR DE LA REPÚBLICA ESLOVACA", "Oficina del Ministro - Unidad de Prevención de la Delincuencia"],
    "Estonia": ["Misión Permanente de Estonia ante la OSCE"],
    "Denmark": ["MINISTERIO DE ASUNTOS SOCIALES DE DINAMARCA"],
    "Hungary": ["MINISTRY OF JUSTICE AND LAW ENFORCEMENT OF THE REPUBLIC OF HUNGARY", "Department of International Relations"],
    "Finland": ["MINISTRY OF THE INTERIOR - FINLAND", "Migration Department"],
    "Italy": ["MINISTERO DEGLI AFFARI ESTERI", "Direzione Generale per gli Affari Politici e di Sicurezza - Ufficio OSCE"],
    "San Marino": ["REPUBBLICA DI SAN MARINO", "Segreteria di Stato per gli Affari Esteri e Politici"],
    "Holy See": ["MISSIONE PERMANENTE DELLA SANTA SEDE", "presso l'Organizzazione per la Sicurezza e la Cooperazione in Europa"],
    "Switzerland": ["CONFEDERAZIONE SVIZZERA", "Ufficio federale di polizia fedpol - Servizio di coordinazione contro la tratta di esseri umani"],
    "Malta": ["Rappresentanza Permanente di Malta presso l'OSCE - Vienna"],
    "Albania": ["REPUBBLICA D'ALBANIA - MINISTERO DELL'INTERNO", "Ufficio del Coordinatore Nazionale Antitratta"],
    "Slovenia": ["REPUBBLICA DI SLOVENIA", "MINISTERO DELL'INTERNO"],
    "Croatia": ["REPUBBLICA DI CROAZIA", "Ufficio governativo per i diritti umani"],
    "Montenegro": ["Governo del Montenegro - Ufficio per la lotta alla tratta"],
    "Monaco": ["PRINCIPATO DI MONACO", "Dipartimento delle Relazioni Esterne"],
    "Liechtenstein": ["PRINCIPATO DEL LIECHTENSTEIN", "Ufficio per gli Affari Esteri"],
    "Bosnia and Herzegovina": ["BOSNIA ED ERZEGOVINA - MINISTERO DELLA SICUREZZA", "Ufficio del Coordinatore di Stato per la lotta alla tratta"],
    "Serbia": ["REPUBBLICA DI SERBIA - MINISTERO DELL'INTERNO"],
    "Austria": ["REPUBBLICA D'AUSTRIA", "Ministero federale per gli affari europei e internazionali"],
    "Poland": ["MINISTRY OF INTERIOR AND ADMINISTRATION - REPUBLIC OF POLAND"],
    "Luxembourg": ["GRAND-DUCHÉ DE LUXEMBOURG", "Ministère des Affaires étrangères et de l'Immigration"],
    "United Kingdom": ["HOME OFFICE", "Crime Reduction and Community Safety Group - Organised Crime Unit"],
    "Ireland": ["Department of Justice, Equality and Law Reform", "Anti-Human Trafficking Unit"],
    "United States of America": ["UNITED STATES MISSION TO THE ORGANIZATION FOR SECURITY AND CO-OPERATION IN EUROPE", "Vienna, Austria"],
    "Canada": ["Department of Justice Canada", "Criminal Law Policy Section"],
    "Israel": ["STATE OF ISRAEL - MINISTRY OF JUSTICE", "Office of the National Anti-Trafficking Coordinator"],
    "Japan": ["Permanent Mission of Japan to the International Organizations in Vienna"],
}
PEOPLE = {
    "es": (["María José Ortega Ruiz", "Javier Martín Calvo", "Ana Belén Sánchez Prieto", "Luis Fernández de la Peña",
            "Carmen Gil Albarracín", "Pedro Luis Navas Ortiz", "Elena Díaz-Marín", "Jorge Ruiz Beltrán"],
           ["Consejero", "Jefe de Área de Relaciones Internacionales", "Primera Secretaria", "Subdirector General",
            "Encargado de Negocios a.i.", "Directora del Gabinete"]),
    "it": (["Dott. Marco Bellini", "Dott.ssa Giulia Ferraresi", "Avv. Paolo Sartori", "Min. Plen. Andrea Colombo",
            "Dott.ssa Chiara Ventura", "Luca Moretti", "Dott. Stefano Rinaldi"],
           ["Primo Consigliere", "Capo Ufficio", "Direttore", "Consigliere d'Ambasciata", "Funzionario incaricato"]),
    "en": (["John P. Harrington", "Sarah O'Connell", "David Whitmore", "Emily R. Chen", "Michael Kaplan", "Yuko Tanaka"],
           ["Counsellor", "First Secretary", "Deputy Head of Mission", "Senior Policy Adviser", "Director"]),
}
ADDR = {"es": "Oficina del Representante Especial y Coordinador para la Lucha contra la Trata de Seres Humanos (OSCE)",
        "it": "Ufficio del Rappresentante Speciale e Coordinatore per la lotta alla tratta di esseri umani dell'OSCE",
        "en": "Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings, OSCE Secretariat"}

FILLER = {
    "es": ["{Cc} es principalmente un país de destino y, en menor medida, de tránsito de las víctimas de la trata, en su mayoría mujeres procedentes de Europa oriental, América Latina y África occidental.",
           "Las autoridades competentes han intensificado en los últimos meses la cooperación con los países vecinos y con las organizaciones internacionales presentes en la región.",
           "Conviene subrayar que la lucha contra la trata se aborda desde una perspectiva de derechos humanos, centrada en la víctima.",
           "La información que sigue ha sido recopilada con la colaboración de los departamentos ministeriales competentes."],
    "it": ["{Cc} è prevalentemente Paese di destinazione e, in misura minore, di transito delle vittime della tratta, per lo più donne provenienti dall'Europa orientale, dall'Africa occidentale e dall'America latina.",
           "Le autorità competenti hanno intensificato negli ultimi mesi la cooperazione con i Paesi vicini e con le organizzazioni internazionali.",
           "Si sottolinea che il contrasto alla tratta è affrontato in un'ottica di tutela dei diritti umani, incentrata sulla vittima.",
           "Le informazioni che seguono sono state raccolte con la collaborazione delle amministrazioni competenti."],
    "en": ["{Cc} is mainly a country of destination and, to a lesser extent, of transit for victims of trafficking, most of them women from Eastern Europe, West Africa and Latin America.",
           "The competent authorities have stepped up co-operation with neighbouring countries and international organisations in recent months.",
           "The fight against trafficking is approached from a human-rights, victim-centred perspective.",
           "The information below was compiled with the assistance of the relevant government departments."],
}


def cname(r):
    return LA.CNAME[r.lang].get(r.country, r.country)


def person(rng, lang, country=None):
    names, titles = PEOPLE[lang]
    n = rng.choice(names)
    if country == "Japan":
        n = "Yuko Tanaka"
    return n, rng.choice(titles)


def dateline(r, rng, spec):
    if not r.date:
        return None
    city = LA.CITY.get(r.country, "Vienna")
    if r.lang == "es" and city in ("Vienna", "Viena"):
        city = "Viena"
    if r.lang == "en" and city in ("Viena", "Vienna"):
        city = "Vienna"
    if r.lang == "en" and spec.get("qlang") == "it":
        city = "Luxembourg"
    st = spec.get("datestyle", rng.randrange(3))
    return f"{city}, {fmt_date(r.lang, r.date, st)}" if rng.random() < 0.8 else fmt_date(r.lang, r.date, st)


def form_meta(spec, r, rng, date_pos="top"):
    n, ti = person(rng, r.lang, r.country)
    m = {"letterhead": LH.get(r.country, []), "author": n, "doc_title": Q[spec.get("qlang", r.lang)]["title"][0]}
    dl = dateline(r, rng, spec) if spec.get("show_date", True) else None
    if dl and date_pos == "top":
        m["dateline"] = dl
    sig = {"es": [f"Fdo.: {n}", ti], "it": [f"{n}", ti], "en": [n, ti]}[r.lang]
    if dl and date_pos == "bottom":
        sig = [dl] + sig
    m["signature"] = sig
    m["footer"] = {"es": "Página {p}", "it": "Pag. {p}", "en": "Page {p}"}[r.lang]
    return m


def when_of(r):
    d = r.date or dt.date(2007, 11, 15)
    return dt.datetime(d.year, d.month, d.day, 10, 30, 0)


# ------------------------------------------------------------------ writers
def w_docx_form(spec, r, rng, path):
    qlang = spec.get("qlang", r.lang)
    blocks = build_ir(r, qlang, spec.get("var", 0), rng, letters=spec.get("letters", True),
                      na_collapse=NA_COLLAPSE[r.lang] if spec.get("collapse") else None)
    meta = form_meta(spec, r, rng, date_pos=spec.get("date_pos", "bottom"))
    ans_label = {"es": "Respuesta:", "it": "Risposta:", "en": "Answer:"}[r.lang] if spec.get("ans_label") else None
    d = RD.DocxForm(spec["mark"], rng, font=spec.get("font", "Times New Roman"), size=spec.get("size", 11),
                    qbold=spec.get("qbold", False), ans_label=ans_label, ff_tricky=spec.get("ff_tricky", False))
    if spec.get("header"):
        meta["header"] = spec["header"]
    d.questionnaire(blocks, meta)
    d.save(path, meta["author"], when_of(r))


def w_docx_table(spec, r, rng, path):
    qlang = spec.get("qlang", r.lang)
    blocks = build_ir(r, qlang, spec.get("var", 0), rng, letters=True)
    meta = form_meta(spec, r, rng, date_pos=spec.get("date_pos", "top"))
    hdr = {"es": ["N.º", "Pregunta", "Respuesta"], "it": ["N.", "Domanda", "Risposta"], "en": ["No.", "Question", "Reply"]}[qlang]
    if spec["cols"] == 2:
        hdr = hdr[1:]
    d = RD.DocxForm(spec.get("cell_marks") or "plain", rng, font=spec.get("font", "Arial"), size=10)
    d.table(blocks, meta, cols=spec["cols"], headers=hdr, cell_marks=bool(spec.get("cell_marks")), sep=spec.get("sep", "; "))
    d.save(path, meta["author"], when_of(r))


def w_pdf_word(spec, r, rng, path):
    qlang = spec.get("qlang", r.lang)
    blocks = build_ir(r, qlang, spec.get("var", 0), rng, letters=spec.get("letters", True),
                      na_collapse=NA_COLLAPSE[r.lang] if spec.get("collapse") else None)
    meta = form_meta(spec, r, rng, date_pos=spec.get("date_pos", "top"))
    meta["qbold"] = spec.get("qbold", False)
    if spec.get("ref"):
        meta["ref"] = spec["ref"]
    RP.pdf_word(path, blocks, meta, spec["mark"], base=spec.get("base", "LibSerif"), size=spec.get("size", 11))


def w_acro(spec, r, rng, path, flatten=False):
    blocks = build_ir(r, r.lang, spec.get("var", 0), rng, letters=True)
    meta = form_meta(spec, r, rng)
    head_lab = {"es": ("País:", "Fecha:"), "it": ("Paese:", "Data:"), "en": ("Country:", "Date:")}[r.lang]
    meta["head_fields"] = [(head_lab[0], cname(r)[0].upper() + cname(r)[1:], spec.get("prefix", "P") + "_Pais")]
    tail = []
    if r.date:
        tail.append((head_lab[1], fmt_date(r.lang, r.date, 1), spec.get("prefix", "P") + "_Fecha"))
    n, ti = person(rng, r.lang)
    tail.append(({"es": "Persona de contacto:", "it": "Referente:", "en": "Contact:"}[r.lang], f"{n}, {ti}", spec.get("prefix", "P") + "_Contacto"))
    meta["tail_fields"] = tail
    meta["footer"] = {"es": "OSCE - Cuestionario THB 2007 - pág. {p}", "it": "OSCE - Questionario THB 2007 - pag. {p}", "en": "p. {p}"}[r.lang]
    if spec.get("gen"):
        meta["gen_txt"], meta["gen_box"] = spec["gen"]
    RP.pdf_form(path, blocks, meta, naming=spec.get("naming", "named"), prefix=spec.get("prefix", "P"), flatten=flatten,
                radio_yn=spec.get("radio", False), lang=r.lang)


def w_scan(spec, r, rng, path):
    blocks = build_ir(r, r.lang, spec.get("var", 0), rng, letters=True)
    meta = form_meta(spec, r, rng)
    meta["stamp"] = spec.get("stamp")
    hide = []
    if spec.get("hide_q4"):
        for b in blocks:
            if b["t"] == "q" and b["n"] == "4":
                p = b["parts"][1]
                hide.append((p["label"] + " " + p["v"]) if p.get("label") else p["v"])
                r.hide |= {"ncm_established_year", "ncm_established_year_other"}
    RS.scan_pdf(path, blocks, meta, seed=rng.randint(0, 10 ** 6), dpi=spec.get("dpi", 200), font_file=spec.get("font_file", "liberation2/LiberationMono-Regular.ttf"),
                pt=spec.get("pt", 10.5), angle=spec.get("angle", 0.7), hide_substrings=hide, tick=spec.get("tick", "x"), quality=spec.get("quality", 55))


def w_xlsx(spec, r, rng, path):
    import openpyxl
    from openpyxl.styles import Font, Alignment
    blocks = build_ir(r, r.lang, spec.get("var", 0), rng, letters=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Questionario"
    ws.append(["Paese", "Montenegro"])
    ws.append(["Data di compilazione", dt.datetime(r.date.year, r.date.month, r.date.day)])
    ws["B2"].number_format = "DD/MM/YYYY"
    ws.append(["Compilato da", "Ufficio del Coordinatore nazionale per la lotta alla tratta"])
    ws.append([])
    ws.append(["N.", "Domanda", "Risposta"])
    for c in ws[5]:
        c.font = Font(bold=True)
    for kind, num, text, parts in ir_rows(blocks):
        if kind == "title":
            continue
        if kind in ("sec", "note"):
            ws.append(["", text, ""] if kind == "sec" else ["", "", text])
            ws.cell(ws.max_row, 2).font = Font(bold=True)
            continue
        ans = " - ".join(plain_answer(parts, ", "))
        ws.append([num if kind == "q" else (num or ""), text, ans])
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 70
    ws.column_dimensions["C"].width = 80
    for row in ws.iter_rows(min_row=6):
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    wb.properties.creator = "SharePoint export"
    wb.properties.created = when_of(r)
    wb.properties.modified = when_of(r)
    wb.save(path)
    RD.normalize_zip(path)


def narrative(spec, r, rng):
    lang = r.lang
    C = LA.ART.get(lang, {}).get(r.country, "") + cname(r)
    Cc = C[0].upper() + C[1:]
    ans = PR.answer_paras(r, rng)
    fill = [x.format(Cc=Cc) for x in rng.sample(FILLER[lang], 3)]
    if r.country == "Holy See":
        fill = ["La Santa Sede segue con grande attenzione il fenomeno della tratta di esseri umani, che costituisce una grave offesa alla dignità della persona umana.",
                "Numerose istituzioni cattoliche, in particolare congregazioni religiose femminili, sono impegnate nell'accoglienza e nell'assistenza alle vittime in molti Paesi.",
                "La Santa Sede partecipa inoltre attivamente ai lavori delle organizzazioni internazionali in materia."]
    # interleave context paragraphs, then spread over pages
    paras = []
    for i, a in enumerate(ans):
        paras.append(a)
        if i in (0, 2) and fill:
            paras.append(fill.pop(0))
        if i == len(ans) // 2 and spec.get("pagebreak"):
            paras.append(("pb",))
    return paras


def letter_meta(spec, r, rng, nv=False):
    lang = r.lang
    C = cname(r)
    n, ti = person(rng, lang, r.country)
    m = {"letterhead": LH.get(r.country, []), "author": n}
    dl = dateline(r, rng, spec)
    if nv:
        num = spec.get("nvnum", "112/2007")
        m["ref"] = {"es": f"Nota Verbal n.º {num}", "it": f"Nota Verbale N. {num}", "en": f"Note No. {num}"}[lang]
        mission = {"Morocco": "La Misión Permanente del Reino de Marruecos ante las Organizaciones Internacionales en Viena",
                   "Holy See": "La Missione Permanente della Santa Sede presso l'OSCE"}.get(r.country, "La Representación Permanente")
        m["intro"] = [{"es": f"{mission} saluda atentamente a la {ADDR['es']} y, en relación con el cuestionario «Coordinación y presentación de informes sobre los esfuerzos para combatir la trata de seres humanos en la región de la OSCE», tiene el honor de transmitirle la siguiente información.",
                       "it": f"{mission} presenta i suoi complimenti all'{ADDR['it']} e, con riferimento al questionario sul coordinamento e la rendicontazione degli sforzi per combattere la tratta di esseri umani, ha l'onore di comunicare quanto segue.",
                       "en": f"{mission} presents its compliments to the {ADDR['en']} and has the honour to reply to the questionnaire as follows."}[lang]]
        m["closing"] = [{"es": f"{mission.split(' ante ')[0]} aprovecha la oportunidad para reiterar a la Oficina del Representante Especial el testimonio de su más alta consideración.",
                         "it": f"{mission.split(' presso ')[0]} si avvale dell'occasione per rinnovare all'Ufficio del Rappresentante Speciale gli atti della sua più alta considerazione.",
                         "en": "The Mission avails itself of this opportunity to renew the assurances of its highest consideration."}[lang]]
        if dl:
            m["closing"].append(dl)
        m["signature"] = [{"es": "(sello)", "it": "(timbro)", "en": "(seal)"}[lang]]
        m["signature"] += [{"es": "A la ", "it": "All'", "en": "To the "}[lang] + ADDR[lang], "Wallnerstrasse 6, 1010 Viena" if lang == "es" else "Wallnerstrasse 6, 1010 Vienna"]
    else:
        if dl:
            m["dateline"] = dl
        sal = {"es": "Estimada Sra. Representante Especial:", "it": "Gentile Rappresentante Speciale,", "en": "Dear Special Representative,"}[lang]
        m["intro"] = [ADDR[lang], sal,
                      {"es": f"En respuesta a su atenta carta relativa al cuestionario sobre la coordinación y la presentación de informes en materia de lucha contra la trata de seres humanos, tengo el honor de trasladarle la información facilitada por las autoridades competentes de {C}.",
                       "it": f"In riferimento alla Sua cortese lettera relativa al questionario OSCE sulla lotta alla tratta di esseri umani, ho il piacere di trasmetterLe le informazioni fornite dalle autorità competenti del {C}." if r.country == "Monaco" else
                       f"In riferimento alla Sua cortese lettera relativa al questionario OSCE sulla lotta alla tratta di esseri umani, ho il piacere di trasmetterLe le informazioni fornite dalle autorità competenti.",
                       "en": f"Thank you for your letter concerning the OSCE questionnaire on co-ordinating and reporting on efforts to combat trafficking in human beings. I am pleased to provide the following information on behalf of {C}."}[lang]]
        m["closing"] = [{"es": "Quedo a su disposición para cualquier aclaración adicional. Le saluda atentamente,",
                         "it": "Rimanendo a disposizione per ogni eventuale chiarimento, Le porgo i miei più cordiali saluti.",
                         "en": "Please do not hesitate to contact me should you require any further information. Yours sincerely,"}[lang]]
        m["signature"] = [n, ti]
    return m


def w_letter(spec, r, rng, path, fmt="pdf", nv=False):
    paras = narrative(spec, r, rng)
    meta = letter_meta(spec, r, rng, nv=nv)
    if nv and spec.get("annex_split"):
        # first two paragraphs in the note, the rest in an annex on later pages
        head, rest = paras[:2], paras[2:]
        paras = head + [("pb",), ("c", {"es": "ANEXO - Respuestas al cuestionario", "it": "ALLEGATO - Risposte al questionario",
                                        "en": "ANNEX - Replies to the questionnaire"}[r.lang])] + rest
    if fmt == "pdf":
        RP.pdf_prose(path, paras, meta, base=spec.get("base", "LibSerif"), pagesize=RP.letter if r.country == "United States of America" else RP.A4)
    else:
        d = RD.DocxForm("plain", rng, font=spec.get("font", "Garamond"), size=12)
        d.prose(paras, meta)
        d.save(path, meta["author"], when_of(r))


MAILS = {
    "Greece": ("Dirección de Organizaciones Internacionales <d4-oi@mfa.gr.example>", "Cuestionario OSCE sobre trata - respuesta de Grecia"),
    "Bosnia and Herzegovina": ("Ured državnog koordinatora <koordinator.thb@msb.gov.ba.example>", "R: Questionario OSCE tratta di esseri umani - risposta BiH"),
    "Israel": ("Anti-Trafficking Coordination Unit <thb-unit@justice.gov.il.example>", "RE: OSCE questionnaire on THB co-ordination and reporting - Israel"),
    "Estonia": ("Misión de Estonia en Viena <mission.vienna@mfa.ee.example>", "Respuesta de Estonia al cuestionario OSCE (trata de seres humanos)"),
}
TO = "OSR/CTHB <info-cthb@osce.org.example>"


def _email(r, frm, subj, when, mid):
    m = EmailMessage()
    m["From"] = frm
    m["To"] = TO
    m["Subject"] = subj
    m["Date"] = email.utils.format_datetime(when)
    m["Message-ID"] = f"<{mid}@mail.example>"
    m["X-Mailer"] = "Microsoft Office Outlook 11"
    return m


def w_eml(spec, r, rng, path, tmp):
    frm, subj = MAILS[r.country]
    att_spec = dict(spec["attach"])
    att_spec.setdefault("qlang", r.lang)
    ext = att_spec["ext"]
    att_path = os.path.join(tmp, "att." + ext)
    hdr_date = r.date
    if not spec.get("date_in_attachment", True):
        att_spec["show_date"] = False
    else:
        hdr_date = r.date + dt.timedelta(days=spec.get("hdr_lag", 2))
    WRITERS[att_spec["kind"]](att_spec, r, rng, att_path)
    when = dt.datetime(hdr_date.year, hdr_date.month, hdr_date.day, 9 + rng.randint(0, 8), rng.randint(0, 59), 0,
                       tzinfo=dt.timezone(dt.timedelta(hours={"Greece": 3, "Israel": 2}.get(r.country, 1))))
    m = _email(r, frm, subj, when, f"{r.country[:3].upper()}{rng.randint(10000, 99999)}")
    n, ti = person(rng, r.lang, r.country)
    body = {"es": f"Estimados señores:\n\nAdjunto remitimos la respuesta de {cname(r)} al cuestionario de la OSCE sobre coordinación y presentación de informes en materia de trata de seres humanos.\n\nReciban un cordial saludo,\n\n{n}\n{ti}\n",
            "it": f"Gentili Signori,\n\nin allegato si trasmette la risposta al questionario OSCE sulla lotta alla tratta di esseri umani.\nL'originale firmato seguirà per posta diplomatica.\n\nCordiali saluti,\n{n}\n{ti}\n",
            "en": f"Dear colleagues,\n\nPlease find attached the reply of {cname(r)} to the OSCE questionnaire on co-ordinating and reporting on efforts to combat trafficking in human beings.\n\nBest regards,\n{n}\n{ti}\n"}[r.lang]
    m.set_content(body)
    data = open(att_path, "rb").read()
    if ext == "pdf":
        m.add_attachment(data, maintype="application", subtype="pdf", filename=att_spec["fname"])
    else:
        m.add_attachment(data, maintype="application", subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename=att_spec["fname"])
    m.set_boundary(f"----=_NextPart_000_{rng.randint(1000, 9999):04X}_01C82A{rng.randint(10, 99)}.5E3F1C20")
    if not spec.get("date_in_attachment", True):
        r.date = hdr_date  # submitted_on from the Date header
    open(path, "wb").write(bytes(m))


def w_eml_html(spec, r, rng, path, tmp):
    frm, subj = MAILS[r.country]
    blocks = build_ir(r, r.lang, spec.get("var", 0), rng, letters=True)
    n, ti = person(rng, r.lang, r.country)
    h = ["<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body style=\"font-family:Calibri,Arial;font-size:11pt\">",
         "<p>Estimados colegas:</p>",
         f"<p>En nombre de la Misión Permanente de Estonia, les transmitimos a continuación las respuestas de las autoridades estonias al cuestionario de la OSCE. "
         f"Por razones técnicas no adjuntamos el formulario, sino que reproducimos las respuestas en el cuerpo de este mensaje.</p>"]
    for kind, num, text, parts in ir_rows(blocks):
        if kind == "title":
            h.append(f"<p><b><u>{xesc(text)}</u></b></p>")
        elif kind == "sec":
            h.append(f"<h3 style=\"color:#1F497D\">{xesc(text)}</h3>")
        elif kind == "note":
            h.append(f"<p><i>{xesc(text)}</i></p>")
        else:
            ans = plain_answer(parts, ", ")
            lab = (num + ". ") if (kind == "q" and num) else ((num[-1] + ") ") if num else "")
            q = f"<b>{xesc(lab)}</b>{xesc(text)}"
            a = "<br>".join(f"<span style=\"color:#1F497D\">{xesc(x)}</span>" for x in ans)
            h.append(f"<p style=\"margin-left:{0 if kind == 'q' else 20}px\">{q}" + (f"<br>{a}" if a else "") + "</p>")
    h.append(f"<p>Atentamente,</p><p>{xesc(n)}<br>{xesc(ti)}<br>Misión Permanente de Estonia ante la OSCE<br>Viena</p></body></html>")
    when = dt.datetime(r.date.year, r.date.month, r.date.day, 16, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    m = _email(r, frm, subj, when, f"EST{rng.randint(10000, 99999)}")
    m.set_content("Este mensaje está en formato HTML. Si no puede leerlo, póngase en contacto con el remitente.\n")
    m.add_alternative("\n".join(h), subtype="html")
    m.set_boundary(f"----=_NextPart_001_{rng.randint(1000, 9999):04X}_01C83B11.9A2D7E40")
    open(path, "wb").write(bytes(m))


WRITERS = {
    "docx_form": w_docx_form, "docx_table": w_docx_table, "pdf_word": w_pdf_word, "acro": w_acro,
    "flat": lambda s, r, g, p: w_acro(s, r, g, p, flatten=True), "scan": w_scan, "xlsx": w_xlsx,
    "letter_pdf": lambda s, r, g, p: w_letter(s, r, g, p, "pdf"), "letter_docx": lambda s, r, g, p: w_letter(s, r, g, p, "docx"),
    "nv_pdf": lambda s, r, g, p: w_letter(s, r, g, p, "pdf", nv=True), "nv_docx": lambda s, r, g, p: w_letter(s, r, g, p, "docx", nv=True),
}


# ------------------------------------------------------------------ annexes, damaged
def w_annex_plan(spec, rng, path):
    paras = [("c", "PLAN INTEGRAL DE LUCHA CONTRA LA TRATA DE SERES HUMANOS CON FINES DE EXPLOTACIÓN SEXUAL"),
             ("c", "(Extracto - documento adjunto a la respuesta de España)"),
             ("h", "1. Introducción"),
             "La trata de seres humanos constituye una de las violaciones más graves de los derechos humanos. El presente Plan Integral responde al compromiso del Gobierno de abordar este fenómeno desde una perspectiva integral que comprenda la prevención, la persecución del delito y la protección y asistencia a las víctimas.",
             "El Plan ha sido elaborado por un grupo de trabajo en el que han participado los departamentos ministeriales competentes, las comunidades autónomas, la Fiscalía y las organizaciones no gubernamentales especializadas.",
             ("h", "2. Objetivos generales"),
             "Objetivo 1. Sensibilizar a la sociedad sobre la gravedad de la trata con fines de explotación sexual y sobre la situación de las víctimas.",
             "Objetivo 2. Mejorar la identificación de las víctimas y garantizar su acceso a la asistencia, con independencia de su colaboración con las autoridades.",
             "Objetivo 3. Reforzar la investigación policial y judicial y la cooperación internacional.",
             "Objetivo 4. Establecer un sistema de seguimiento y evaluación de las medidas.",
             ("h", "3. Área de prevención"),
             "Medida 3.1. Campañas de información en los países de origen, en colaboración con las embajadas y consulados.",
             "Medida 3.2. Formación específica de los profesionales de la sanidad, los servicios sociales y la inspección de trabajo.",
             "Medida 3.3. Inclusión de contenidos sobre igualdad y trata en los programas educativos.",
             ("pb",),
             ("h", "4. Área de asistencia y protección a las víctimas"),
             "Medida 4.1. Periodo de restablecimiento y reflexión de al menos treinta días para las víctimas extranjeras en situación irregular.",
             "Medida 4.2. Red de recursos de alojamiento seguro gestionados por entidades especializadas.",
             "Medida 4.3. Programas de retorno voluntario asistido y de reintegración en el país de origen.",
             ("h", "5. Seguimiento y evaluación"),
             "Se constituirá un grupo de seguimiento que elaborará un informe anual sobre la ejecución del Plan. Al término de su vigencia se realizará una evaluación externa.",
             ("h", "Cuadro de medidas y organismos responsables (extracto)"),
             "3.1 Campañas en países de origen - MAEC / Ministerio de Igualdad - Plazo: primer año.",
             "3.2 Formación de profesionales - Ministerio de Sanidad / Ministerio de Trabajo - Plazo: continuo.",
             "4.1 Periodo de reflexión - Ministerio del Interior - Plazo: inmediato.",
             "4.2 Red de alojamiento - Ministerio de Igualdad / comunidades autónomas - Plazo: segundo año."]
    RP.pdf_prose(path, paras, {"doc_title": "Plan Integral - extracto", "author": "Gobierno de España", "footer": "- {p} -"}, base="LibSans", size=10.5)


def w_annex_law(spec, rng, path):
    d = RD.DocxForm("plain", rng, font="Times New Roman", size=11)
    paras = [("c", "LEGGE 11 agosto 2003, n. 228"),
             ("c", "Misure contro la tratta di persone"),
             "(pubblicata nella Gazzetta Ufficiale n. 195 del 23 agosto 2003) - testo trasmesso in allegato, per opportuna conoscenza",
             ("h", "Art. 1. Modifica dell'articolo 600 del codice penale"),
             "L'articolo 600 del codice penale è sostituito dal seguente: «Art. 600 (Riduzione o mantenimento in schiavitù o in servitù). Chiunque esercita su una persona poteri corrispondenti a quelli del diritto di proprietà ovvero chiunque riduce o mantiene una persona in uno stato di soggezione continuativa, costringendola a prestazioni lavorative o sessuali ovvero all'accattonaggio o comunque a prestazioni che ne comportino lo sfruttamento, è punito con la reclusione da otto a venti anni.»",
             ("h", "Art. 2. Modifica dell'articolo 601 del codice penale"),
             "L'articolo 601 del codice penale è sostituito dal seguente: «Art. 601 (Tratta di persone). Chiunque commette tratta di persona che si trova nelle condizioni di cui all'articolo 600 ovvero, al fine di commettere i delitti di cui al medesimo articolo, la induce mediante inganno o la costringe mediante violenza, minaccia, abuso di autorità o approfittamento di una situazione di inferiorità fisica o psichica o di una situazione di necessità, o mediante promessa o dazione di somme di denaro o di altri vantaggi alla persona che su di essa ha autorità, a fare ingresso o a soggiornare o a uscire dal territorio dello Stato o a trasferirsi al suo interno, è punito con la reclusione da otto a venti anni.»",
             ("h", "Art. 3. Modifica dell'articolo 602 del codice penale"),
             "L'articolo 602 del codice penale è sostituito dal seguente: «Art. 602 (Acquisto e alienazione di schiavi). Chiunque, fuori dei casi indicati nell'articolo 601, acquista o aliena o cede una persona che si trova in una delle condizioni di cui all'articolo 600 è punito con la reclusione da otto a venti anni.»",
             ("h", "Art. 12. Fondo per le misure anti-tratta"),
             "Presso la Presidenza del Consiglio dei Ministri è istituito il Fondo per le misure anti-tratta. Il Fondo è destinato al finanziamento dei programmi di assistenza e di integrazione sociale in favore delle vittime.",
             ("h", "Art. 13. Istituzione di uno speciale programma di assistenza per le vittime dei reati previsti dagli articoli 600 e 601 del codice penale"),
             "Per le vittime dei reati previsti dagli articoli 600 e 601 del codice penale è istituito, nei limiti delle risorse di cui al comma 3, uno speciale programma di assistenza che garantisce, in via transitoria, adeguate condizioni di alloggio, di vitto e di assistenza sanitaria.",
             ("h", "Art. 14. Misure di prevenzione"),
             "Al fine di rafforzare l'azione di prevenzione, il Ministro degli affari esteri definisce le politiche di cooperazione nei confronti dei Paesi interessati dai reati di cui agli articoli 600, 601 e 602 del codice penale."]
    d.prose(paras, {})
    d.save(path, "Ufficio legislativo", dt.datetime(2007, 11, 5, 9, 0))


# ------------------------------------------------------------------ plan
def plan():
    P = []
    a = P.append
    # ---------- Spanish answers
    a(dict(file="ES_Espana_cuestionario_OSCE_trata.pdf", country="Spain", lang="es", style="pdf_acroform_named", kind="acro", naming="named",
           prefix="P", radio=True, force={"ncm_exists": "yes", "ncm_type": "both"}))
    a(dict(file="Andorra_respuesta_cuestionario_OSCE.docx", country="Andorra", lang="es", style="docx_mark_bold", kind="docx_form", mark="bold",
           letters=False, force={"ncm_exists": "yes", "ncm_type": "working_group", "vague": ["ncm_established_year"]}))
    a(dict(file="Portugal_RP_OSCE_cuestionario_trata.docx", country="Portugal", lang="es", style="docx_sdt_checkbox", kind="docx_form", mark="sdt",
           var=1, qbold=True, force={"nrm_exists": "yes"}))
    a(dict(file="Marruecos_NV_112-2007.pdf", country="Morocco", lang="es", style="note_verbale_pdf", kind="nv_pdf", annex_split=True, nvnum="112/2007",
           force={"ncm_exists": "yes", "nrm_exists": "no"}))
    a(dict(file="Rumania_cuestionario_trata.docx", country="Romania", lang="es", style="docx_formcheckbox", kind="docx_form", mark="ffcheck",
           letters=False, ff_tricky=True, var=1, force={"ncm_exists": "yes", "ncm_type": "working_group", "nrm_exists": "yes"}))
    a(dict(file="Bulgaria_respuestas_OSCE.pdf", country="Bulgaria", lang="es", style="pdf_word_underscore", kind="pdf_word", mark="underscore",
           force={"ncm_exists": "yes", "ncm_type": "both", "ncm_civil_society": "yes", "vague": ["ncm_civil_society_share"]}))
    a(dict(file="Grecia_envio_respuesta_cuestionario.eml", country="Greece", lang="es", style="eml_attach_docx", kind="eml", date_in_attachment=False,
           attach=dict(kind="docx_table", cols=2, ext="docx", fname="Grecia_cuestionario_trata_ES.docx", font="Calibri")))
    a(dict(file="Chipre_cuestionario_escaneado.pdf", country="Cyprus", lang="es", style="scan_pdf", kind="scan", dpi=200, tick="check", var=1,
           stamp="MIN. JUSTICIA - CHIPRE", force={"ncm_exists": "yes"}))
    a(dict(file="Belgica_carta_respuesta_OSCE.docx", country="Belgium", lang="es", style="letter_docx", kind="letter_docx", pagebreak=True,
           force={"ncm_exists": "yes", "nap_exists": "yes"}))
    a(dict(file="PaisesBajos_formulario_OSCE.pdf", country="Netherlands", lang="es", style="pdf_acroform_generic", kind="acro", naming="generic",
           gen=("Campo", "Casilla"), var=1, force={"nrm_exists": "yes"}))
    a(dict(file="Georgia_cuestionario_THB.pdf", country="Georgia", lang="es", style="pdf_word_glyph", kind="pdf_word", mark="glyph", base="LibSans",
           force={"nrm_exists": "yes", "vague": ["nrm_established_year"]}))
    a(dict(file="Lituania_tabla_respuestas.docx", country="Lithuania", lang="es", style="docx_table3", kind="docx_table", cols=3,
           force={"ncm_exists": "yes", "nap_exists": "yes", "keep": ["ncm_achievements"], "xref": ["nap_achievements"]}))
    a(dict(file="Eslovaquia_cuestionario_2007.pdf", country="Slovakia", lang="es", style="pdf_word_paren", kind="pdf_word", mark="paren",
           force={"ncm_exists": "yes", "nap_exists": "yes", "nrm_exists": "no"}, collapse=True))
    a(dict(file="Eslovaquia_cuestionario_2007_REV1.pdf", country="Slovakia", lang="es", style="pdf_word_paren", kind="pdf_word", mark="paren",
           revision_of="Eslovaquia_cuestionario_2007.pdf", collapse=True))
    a(dict(file="Estonia_respuesta_correo.eml", country="Estonia", lang="es", style="eml_html_body", kind="eml_html", force={"ncm_exists": "yes"}))
    a(dict(file="Plan_Integral_Trata_extracto.pdf", country="Spain", lang="es", style="annex_action_plan", kind="annex_plan", expect="not_a_return"))
    # ---------- Italian answers
    a(dict(file="Italia_questionario_tratta_OSCE.pdf", country="Italy", lang="it", style="pdf_acroform_named", kind="acro", naming="named",
           prefix="D", force={"ncm_exists": "yes", "ncm_type": "working_group", "nap_exists": "no", "nap_equivalent": "yes"}))
    a(dict(file="RSM_San_Marino_risposte.docx", country="San Marino", lang="it", style="docx_mark_underline", kind="docx_form", mark="underline",
           force={"ncm_exists": "yes", "ncm_type": "working_group", "ncm_civil_society": "yes", "vague": ["ncm_civil_society_share"]}))
    a(dict(file="Santa_Sede_Nota_Verbale_N4521.docx", country="Holy See", lang="it", style="note_verbale_docx", kind="nv_docx", nvnum="4521/07",
           force={"ncm_exists": "no", "nap_exists": "no", "nap_equivalent": None, "nrm_exists": "no"}))
    a(dict(file="Svizzera_questionario_compilato.pdf", country="Switzerland", lang="it", style="pdf_acroform_generic", kind="acro", naming="generic",
           gen=("Campo", "Casella"), radio=True, force={"ncm_exists": "yes", "ncm_type": "working_group", "ncm_interministerial": "yes", "lead_p": 1.0}))
    a(dict(file="Malta_risposte_questionario.docx", country="Malta", lang="it", style="docx_mark_highlight", kind="docx_form", mark="highlight",
           qbold=True, force={"nap_exists": "yes", "vague": ["nap_year"]}))
    a(dict(file="Albania_questionario.docx", country="Albania", lang="it", style="docx_formcheckbox", kind="docx_form", mark="ffcheck",
           letters=False, var=1, force={"ncm_exists": "yes", "ncm_type": "both", "nrm_exists": "yes"}))
    a(dict(file="Slovenia_scansione_questionario.pdf", country="Slovenia", lang="it", style="scan_pdf", kind="scan", dpi=150, hide_q4=True, pt=11,
           angle=-1.1, quality=50, force={"ncm_exists": "yes"}))
    a(dict(file="Croazia_questionario_tratta.pdf", country="Croatia", lang="it", style="pdf_word_symbolfont", kind="pdf_word", mark="symbol", var=1,
           force={"ncm_exists": "yes", "nrm_exists": "yes"}))
    a(dict(file="Montenegro_export_risposte.xlsx", country="Montenegro", lang="it", style="xlsx_export", kind="xlsx",
           force={"ncm_exists": "yes", "nap_exists": "yes", "nrm_exists": "yes"}))
    a(dict(file="Monaco_lettera_risposta.pdf", country="Monaco", lang="it", style="letter_pdf", kind="letter_pdf", pagebreak=True,
           force={"ncm_exists": "yes", "ncm_type": "coordinator"}))
    a(dict(file="Liechtenstein_tabella_risposte.docx", country="Liechtenstein", lang="it", style="docx_table2_sdt", kind="docx_table", cols=2,
           cell_marks="sdt", var=1))
    a(dict(file="BiH_invio_questionario.eml", country="Bosnia and Herzegovina", lang="it", style="eml_attach_pdf", kind="eml", hdr_lag=3,
           attach=dict(kind="pdf_word", mark="square", ext="pdf", fname="BiH_risposta_questionario_OSCE.pdf", base="LibSans"),
           force={"ncm_exists": "yes", "ncm_type": "both", "nrm_exists": "yes"}))
    a(dict(file="Serbia_modulo_stampato.pdf", country="Serbia", lang="it", style="pdf_flattened", kind="flat", var=1))
    a(dict(file="Austria_questionario_IT.docx", country="Austria", lang="it", style="docx_mark_strike", kind="docx_form", mark="strike",
           contradict=True, force={"nrm_exists": "no", "nrm_details": True, "ncm_exists": "yes"}))
    a(dict(file="Legge_228_2003_testo.docx", country="Italy", lang="it", style="annex_law", kind="annex_law", expect="not_a_return"))
    a(dict(file="Malta_risposte_questionario_reinvio.docx", country="Malta", lang="it", style="docx_mark_highlight", kind="duplicate",
           duplicate_of="Malta_risposte_questionario.docx"))
    # ---------- English answers
    a(dict(file="UK_response_OSCE_THB_questionnaire.docx", country="United Kingdom", lang="en", style="docx_table3", kind="docx_table", cols=3,
           var=1, force={"ncm_exists": "yes", "nap_exists": "yes", "keep": ["ncm_challenges"], "xref": ["nap_challenges"]}))
    a(dict(file="Ireland_questionnaire_reply.pdf", country="Ireland", lang="en", style="pdf_word_square", kind="pdf_word", mark="square",
           force={"ncm_exists": "yes", "ncm_type": "working_group", "ncm_budget": "yes", "nrm_exists": "yes", "nrm_budget": "yes", "keep": ["ncm_budget_covers"], "xref": ["nrm_budget_covers"]}))
    a(dict(file="USA_letter_response_THB.pdf", country="United States of America", lang="en", style="letter_pdf", kind="letter_pdf", pagebreak=True, datestyle=1,
           force={"ncm_exists": "yes", "ncm_type": "working_group", "nrm_exists": "yes"}))
    a(dict(file="Canada_scanned_reply.pdf", country="Canada", lang="en", style="scan_pdf", kind="scan", dpi=180,
           font_file="liberation2/LiberationSerif-Regular.ttf", pt=11, angle=0.9, var=1))
    a(dict(file="Israel_reply_email.eml", country="Israel", lang="en", style="eml_attach_docx", kind="eml", hdr_lag=1,
           attach=dict(kind="docx_form", mark="sdt", ext="docx", fname="Israel - OSCE THB questionnaire reply.docx", font="Calibri", date_pos="top"),
           force={"ncm_exists": "yes"}))
    a(dict(file="Japan_response_questionnaire.docx", country="Japan", lang="en", style="docx_mark_bold", kind="docx_form", mark="bold", var=1,
           ans_label=True, force={"ncm_exists": "yes", "ncm_type": "both"}))
    # ---------- mixed language
    a(dict(file="Hungary_questionnaire_reply_ES.docx", country="Hungary", lang="es", qlang="en", style="mixed_en_es_docx_table3", kind="docx_table",
           cols=3, force={"ncm_exists": "yes"}))
    a(dict(file="Poland_questionnaire_IT.pdf", country="Poland", lang="it", qlang="en", style="mixed_en_it_pdf_word_underscore", kind="pdf_word",
           mark="underscore", force={"nrm_exists": "yes", "vague": ["nrm_established_year"]}))
    a(dict(file="Finland_reply_ES.docx", country="Finland", lang="es", qlang="en", style="mixed_en_es_docx_mark_bold", kind="docx_form", mark="bold",
           var=1, force={"ncm_exists": "yes", "nap_exists": "yes", "keep": ["nap_challenges"], "xref": ["ncm_challenges"]}))
    a(dict(file="Luxembourg_risposta_EN.docx", country="Luxembourg", lang="en", qlang="it", style="mixed_it_en_docx_mark_underline", kind="docx_form",
           mark="underline", force={"ncm_exists": "yes"}))
    # ---------- damaged
    a(dict(file="Dinamarca_respuesta_cuestionario.pdf", country="Denmark", lang="es", style="damaged_pdf", kind="damaged", expect="error"))
    return P


def rand_date(rng):
    """a working day between mid-September 2007 and February 2008, avoiding the Christmas break"""
    start = dt.date(2007, 9, 10)
    while True:
        d = start + dt.timedelta(days=rng.randint(0, 160))
        if d.weekday() < 5 and not (d.month == 12 and d.day >= 22) and not (d.month == 1 and d.day <= 6):
            return d


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=2007)
    a = ap.parse_args()
    raw = os.path.join(a.outdir, "raw")
    if os.path.isdir(raw):
        shutil.rmtree(raw)
    os.makedirs(raw)
    tmp = tempfile.mkdtemp(prefix="corpusc_")
    RP.register(tmp)
    master = random.Random(a.seed)
    keys = []
    recs = {}
    for spec in plan():
        rng = random.Random(master.randint(0, 2 ** 31))
        path = os.path.join(raw, spec["file"])
        entry = {"file": spec["file"], "expect": spec.get("expect", "return"), "country": spec["country"], "language": spec["lang"],
                 "style": spec["style"], "fields": {}, "review_fields": []}
        kind = spec["kind"]
        if kind == "annex_plan":
            w_annex_plan(spec, rng, path)
        elif kind == "annex_law":
            w_annex_law(spec, rng, path)
        elif kind == "duplicate":
            shutil.copyfile(os.path.join(raw, spec["duplicate_of"]), path)
            entry["expect"] = "duplicate"
            entry["duplicate_of"] = spec["duplicate_of"]
            orig = next(k for k in keys if k["file"] == spec["duplicate_of"])
            entry["fields"] = copy.deepcopy(orig["fields"])
            entry["review_fields"] = list(orig["review_fields"])
        elif kind == "damaged":
            r = make_record(rng, spec["country"], spec["lang"], rand_date(rng), {"ncm_exists": "yes"})
            full = os.path.join(tmp, "full.pdf")
            w_pdf_word(dict(spec, mark="glyph"), r, rng, full)
            data = open(full, "rb").read()
            open(path, "wb").write(data[:1400])
        else:
            if spec.get("revision_of"):
                base = recs[spec["revision_of"]]
                r = copy.deepcopy(base)
                r.date = base.date + dt.timedelta(days=56)
                # corrections: NAP adoption year and NCM year fixed, achievements completed, reporting mechanism now reported
                r.f["nap_year"] = str(int(base.f.get("nap_year", "2005")) + 1) if base.f.get("nap_year") else "2006"
                r.f["ncm_established_year"] = str(int(base.f["ncm_established_year"]) - 1)
                if "ncm_achievements" not in r.f:
                    r.f["ncm_achievements"] = LA.ACH["es"][0]
                spec = dict(spec)
                spec["ref"] = f"REV.1 - Esta versión corregida sustituye a la remitida el {fmt_date('es', base.date, 1)}"
                entry["supersedes"] = spec["revision_of"]
            else:
                r = make_record(rng, spec["country"], spec["lang"], rand_date(rng), spec.get("force"))
            recs[spec["file"]] = r
            if kind == "eml":
                w_eml(spec, r, rng, path, tmp)
            elif kind == "eml_html":
                w_eml_html(spec, r, rng, path, tmp)
            else:
                WRITERS[kind](spec, r, rng, path)
            entry["fields"] = r.key_fields()
            rv = set(r.review_fields())
            if spec.get("contradict"):
                rv |= {k for k in r.f if k.startswith("nrm_") or k.startswith("report")}
            entry["review_fields"] = sorted(rv)
        if entry["expect"] in ("not_a_return", "error"):
            entry["fields"] = {}
        keys.append(entry)
    # drop empty optional keys
    with open(os.path.join(a.outdir, "key.jsonl"), "w", encoding="utf-8") as fh:
        for e in keys:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    # text sidecar for the self-check: which texts went into scans (not checked) etc.
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"wrote {len(keys)} files to {raw}")


if __name__ == "__main__":
    main()
