#!/usr/bin/env python
"""Corpus e: returns to the 2007 OSCE THB questionnaire with hard structure, plus key.jsonl.

usage: python generator/make.py OUTDIR --seed N
Writes OUTDIR/raw/*, OUTDIR/key.jsonl. Deterministic for a given seed."""
import argparse
import datetime
import io
import json
import os
import random
import shutil
import sys
from email.utils import format_datetime

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from core import (UNITS, SECTION, P, Ctx, gen_answers, render_unit_form, render_unit_prose, label, finish_key,
                  lang, yn, UNIT_FIELDS)
import backends as B

TZ = datetime.timezone(datetime.timedelta(hours=1))

REQ_EN = """Dear colleagues,

The Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings is
collecting information on national co-ordination and reporting structures across the OSCE region. We would
be grateful if your authorities could complete the attached questionnaire and send it back to us by
31 January 2008, if possible together with a copy of your national action plan and of the most recent report
of your national rapporteur or equivalent mechanism.

With many thanks in advance and kind regards,

Anti-Trafficking Assistance Unit
OSCE Secretariat, Vienna"""


def sub_date(rng, lo=(2007, 11, 20), hi=(2008, 6, 20)):
    a = datetime.date(*lo).toordinal()
    b = datetime.date(*hi).toordinal()
    return datetime.date.fromordinal(rng.randint(a, b))


def rfc_date(d, rng):
    return format_datetime(datetime.datetime(d.year, d.month, d.day, rng.randint(8, 18), rng.randint(0, 59), rng.randint(0, 59), tzinfo=TZ))


def form_doc(cx, order=None, groups=None, show_q=True, sec=True, sec_vi=None):
    """The return's body: section headings and one item per question, in the order given.
    groups: list of (units, header[, custom_fn]) answered together as prose."""
    els, cur, done = [], None, set()
    gmap = {g[0][0]: g for g in (groups or [])}
    for u in order or UNITS:
        if u in done:
            continue
        if sec and SECTION[u] != cur:
            cur = SECTION[u]
            els.append(("h", P(cx.T["sections"][cur], cx.vi if sec_vi is None else sec_vi)))
        if u in gmap:
            g = gmap[u]
            if len(g) > 2 and g[2]:
                txt = g[2](cx)
            else:
                parts = [render_unit_prose(cx, x) for x in g[0]]
                txt = " ".join(p for p in parts if p) or cx.na()
            els.append(("item", g[1], "", [("a", txt)]))
            done |= set(g[0])
            continue
        blocks = render_unit_form(cx, u)
        if blocks is None:
            continue
        els.append(("item", label(u, cx.scheme), cx.q(u) if show_q else "", blocks))
    return els


def docx_bytes(doc, **kw):
    bio = io.BytesIO()
    B.to_docx(doc, bio, **kw)
    return bio.getvalue()


def pdf_bytes(doc, **kw):
    bio = io.BytesIO()
    B.to_pdf(doc, bio, **kw)
    return bio.getvalue()


class Out:
    def __init__(self, outdir, seed):
        self.raw = os.path.join(outdir, "raw")
        os.makedirs(self.raw, exist_ok=True)
        self.entries = []
        self.seed = seed

    def p(self, name):
        return os.path.join(self.raw, name)

    def add(self, fname, expect, country, code, style, cx=None, submitted=None, fields=None, review=None,
            extra_review=(), **extra):
        if cx is not None:
            fields, review = finish_key(cx, country, code, submitted, extra_review)
        e = {"file": fname, "expect": expect, "country": country, "language": code, "style": style}
        e.update(extra)
        e["fields"] = fields or {}
        e["review_fields"] = sorted(review or [])
        self.entries.append(e)
        return e


# ============================================================ English returns
def f_japan(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "ncm_type": "working_group", "nrm_exists": False,
                               "body": "Inter-Ministerial Liaison Committee regarding Measures to Combat Trafficking in Persons"})
    a["inter"] = True
    a["mins"] = [(("interior",), "National Police Agency", "NPA"), (("justice",), "Ministry of Justice", "MOJ"),
                 (("foreign_affairs",), "Ministry of Foreign Affairs", "MOFA"),
                 (("health", "labour", "social"), "Ministry of Health, Labour and Welfare", "MHLW")]
    a["lead_marked"] = False
    cx = Ctx(a, rng, vi=1, scheme="orig", yn_mode="word", country_prose="Japan", ministry_style="mixed")
    d = sub_date(rng, (2008, 1, 25), (2008, 3, 10))
    partA = B.to_txt(form_doc(cx, order=UNITS[:8], sec=False), style="dash_X", width=76)
    att = [("h", "Replies of Japan - Parts B and C")] + form_doc(cx, order=UNITS[8:], sec=True)
    body = ("Dear Ms. Keller,\n\nThank you for your message below. Please find hereunder the answers of the Government of Japan "
            "to Part A of the questionnaire (national co-ordination). Our answers to Parts B and C are in the attached "
            "Word file.\n\n" + partA +
            "\nBest regards,\n\nKenji TANAKA\nFirst Secretary\nPermanent Mission of Japan to the International Organizations in Vienna\n"
            "Tel. +43 1 260 63 0\n\n-----Original Message-----\nFrom: OSCE Anti-Trafficking Unit [mailto:thb-unit@osce.example]\n"
            "Sent: Monday, January 14, 2008 10:12 AM\nTo: Delegations and Partners for Co-operation\n"
            "Subject: Questionnaire on national co-ordination and reporting on THB\n\n" + REQ_EN + "\n")
    o_doc = docx_bytes(att, style="bracket", font="MS Mincho", size=10.5)
    B.to_eml(o.p("JPN_reply_OSCE_questionnaire.eml"),
             [("From", "Kenji TANAKA <k.tanaka@mofa-vienna.example.jp>"), ("To", "OSCE Anti-Trafficking Unit <thb-unit@osce.example>"),
              ("Subject", "RE: Questionnaire on national co-ordination and reporting on THB"), ("Date", rfc_date(d, rng)),
              ("Message-ID", f"<{rng.randint(10**8, 10**9)}.JPN@mofa-vienna.example.jp>")],
             body, [("Japan_answers_Parts_B-C.docx", o_doc, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")])
    o.add("JPN_reply_OSCE_questionnaire.eml", "return", "Japan", "en", "eml_split_body_attachment", cx, d)


def f_korea(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True})
    cx = Ctx(a, rng, vi=0, scheme="orig", inline_yn=True, q2_mode="sub")
    d = sub_date(rng)
    doc = [("title", "OSCE Questionnaire (2007): Co-ordination of and reporting on anti-trafficking efforts"),
           ("field", "Country", "Republic of Korea"),
           ("field", "Responding authority", "Ministry of Justice, Human Rights Bureau"),
           ("field", "Date", d.isoformat())]
    doc += form_doc(cx, sec=True)
    doc += [("field", "Contact person", "Park Ji-won, Deputy Director, International Criminal Affairs Division")]
    B.to_acroform(doc, o.p("ROK_questionnaire_filled.pdf"), layout="column", title="THB questionnaire")
    o.add("ROK_questionnaire_filled.pdf", "return", "Republic of Korea", "en", "acroform_column", cx, d)


def f_thailand(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "ncm_type": "both", "nap_exists": True})
    cx = Ctx(a, rng, vi=2, scheme="Q", inline_yn=True, q2_mode="sub")
    d = sub_date(rng)
    doc = [("title", "Kingdom of Thailand - reply to the OSCE questionnaire on THB co-ordination and reporting"),
           ("field", "Submitted by", "Ministry of Social Development and Human Security / Ministry of Foreign Affairs"),
           ("field", "Date of submission", B_en_date(d, "dots"))]
    doc += form_doc(cx, sec=True)
    B.to_acroform(doc, o.p("Thailand_THB_form.pdf"), layout="table", title="Questionnaire")
    o.add("Thailand_THB_form.pdf", "return", "Thailand", "en", "acroform_table", cx, d)


def B_en_date(d, style):
    return lang("en").fmt_date(d, style)


FILLER_EN = [
    "The Government attaches great importance to the work of the OSCE in this field and to the exchange of good practices among participating States and Partners for Co-operation.",
    "By way of background, the number of identified victims has changed considerably over recent years, with a shift from trafficking for sexual exploitation towards trafficking for forced labour in agriculture, construction and domestic work.",
    "In the course of 2007 the police opened several dozen investigations into trafficking-related offences; a substantial number of indictments were filed and the courts handed down sentences of up to sixteen years of imprisonment.",
    "Close co-operation with civil society has been a constant feature of our approach, and we are grateful to the non-governmental organisations that run shelters and legal aid services for victims.",
    "We remain at the disposal of the Office for any further information or clarification that may be required.",
]


FILLER_ISR = [
    "Over the past years the profile of the phenomenon in Israel has changed markedly. Whereas most identified victims used to be "
    "women trafficked for prostitution, the authorities now devote growing attention to foreign workers in agriculture, construction "
    "and caregiving, who may be subjected to conditions amounting to forced labour.",
    "The Israel Police has a dedicated unit for the investigation of trafficking offences, and the State Attorney's Office has issued "
    "guidelines on the prosecution of such cases, including on the use of testimony given by victims in advance of trial.",
    "Victims are entitled to free legal aid, to a place in a shelter and to a temporary visa allowing them to work legally while "
    "criminal proceedings are pending; medical and psychological care is provided through the shelter.",
    "Israel also co-operates closely with countries of origin, notably in the Commonwealth of Independent States, through police "
    "liaison officers and mutual legal assistance.",
]
FILLER_USA = [
    "Our domestic approach rests on prevention, protection and prosecution, and increasingly on partnership with civil society, "
    "faith-based organizations and the private sector.",
    "Federal law enforcement agencies have created task forces in a number of cities that bring together federal, state and local "
    "investigators, prosecutors and victim service providers.",
    "Foreign victims may be eligible for a special visa category which allows them to remain in the country and, after a period, to "
    "apply for permanent residence; certified victims have access to the same benefits and services as refugees.",
    "Internationally, the United States funds anti-trafficking projects in many countries, including in the OSCE region, and engages "
    "in a regular dialogue with governments on their efforts.",
]
FILLER_MDA = [
    "Moldova remains primarily a country of origin. Most identified victims are young women from rural areas, exploited in the "
    "Russian Federation, Turkey, the United Arab Emirates and in countries of South-Eastern Europe; a growing share are men exploited "
    "in construction.",
    "The Centre for Combating Trafficking in Persons of the Ministry of Internal Affairs has conducted numerous investigations, and "
    "specialised prosecutors have been designated in the Prosecutor General's Office.",
    "Assistance to victims and persons at risk is provided in close co-operation with the Rehabilitation Centre in Chisinau and with "
    "non-governmental organisations active in the districts.",
]


def f_israel(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "ncm_type": "both", "nrm_exists": False, "nap_exists": True,
                               "coord": "the National Anti-Trafficking Coordinator in the Ministry of Justice",
                               "body": "Inter-Ministerial Committee on Trafficking in Persons", "inter": True,
                               "legal": "decree"})
    a["legal_txt"] = f"Government Resolution No. {rng.randint(1000, 3000)}"
    a["mins"] = [(("justice",), "Ministry of Justice", None), (("interior",), "Ministry of Public Security", None),
                 (("interior",), "Ministry of the Interior", None), (("foreign_affairs",), "Ministry of Foreign Affairs", None),
                 (("social",), "Ministry of Social Affairs and Social Services", None), (("health",), "Ministry of Health", None)]
    a["lead_marked"] = True
    cx = Ctx(a, rng, vi=0, country_prose="Israel")
    d = sub_date(rng)
    pr = lambda u: render_unit_prose(cx, u)
    ps = [
        "The Permanent Mission of Israel to the International Organizations in Vienna presents its compliments to the "
        "Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings and, with reference "
        "to the Office's letter of 14 January 2008, has the honour to transmit the following information on Israel's "
        "national structures. " + FILLER_EN[0],
        "Co-ordination. " + pr("1") + " " + pr("2") + " " + pr("3"),
        pr("6") + " " + FILLER_EN[3],
        FILLER_ISR[0],
        pr("7"),
        FILLER_ISR[1],
        pr("8"),
        "Action plan. " + pr("9") + " " + pr("10") + " " + pr("11"),
        pr("12") + " " + pr("13") + " " + pr("14") + " " + pr("15"),
        FILLER_EN[1] + " " + FILLER_EN[2],
        FILLER_ISR[2] + " " + FILLER_ISR[3],
        "Reporting. " + pr("16") + " Information on trafficking is, however, included in the general reports that ministries submit to the Knesset.",
        "For the sake of completeness, the Mission wishes to recall the legal framework of the co-ordination structure described above. " + pr("4") + " " + pr("5"),
        "The establishment of an independent rapporteur-type function was discussed in the Knesset Subcommittee on Trafficking in Women "
        "in 2007; no decision has been taken so far, and the matter will be reported to the Office in due course.",
        FILLER_EN[4],
        "The Permanent Mission of Israel avails itself of this opportunity to renew to the Office of the Special Representative "
        "the assurances of its highest consideration.",
    ]
    doc = [("center", "PERMANENT MISSION OF ISRAEL TO THE INTERNATIONAL ORGANIZATIONS IN VIENNA"), ("sp",),
           ("line", f"No. 08/{rng.randint(100, 400)}"), ("right", "Vienna, " + B_en_date(d, "long")), ("sp",),
           ("line", "Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings"),
           ("line", "OSCE Secretariat, Wallnerstrasse 6, 1010 Vienna"), ("sp",)]
    doc += [("para", x) for x in ps]
    doc += [("sig", ["(seal)"])]
    B.to_pdf(doc, o.p("Israel_PermMission_letter.pdf"), font="DVS", size=11.5, title="Note verbale")
    o.add("Israel_PermMission_letter.pdf", "return", "Israel", "en", "mission_letter", cx, d)


def f_egypt(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "ncm_type": "working_group",
                               "body": "National Coordinating Committee for Combating and Preventing Trafficking in Persons"})
    cx = Ctx(a, rng, vi=0, scheme="roman", yn_mode="opts", country_prose="Egypt")
    d0 = sub_date(rng, (2008, 1, 20), (2008, 3, 1))
    d = d0 + datetime.timedelta(days=rng.randint(2, 9))
    doc = [("center", "ARAB REPUBLIC OF EGYPT"), ("center", "Ministry of Foreign Affairs - Department of Human Rights and International Humanitarian Affairs"),
           ("sp",), ("title", "Reply of Egypt to the OSCE questionnaire on national anti-trafficking structures"),
           ("line", "Cairo, " + B_en_date(d0, "us"))]
    doc += form_doc(cx, sec=True)
    ret = pdf_bytes(doc, style="check", font="DV", size=9.5)
    annex = [("title", "National Coordinating Committee - Activity Report 2007 (excerpt)"),
             ("para", "Annex to the reply of the Arab Republic of Egypt. This excerpt summarises the Committee's activities during the calendar year 2007."),
             ("h", "1. Meetings"), ("para", "The Committee met eleven times in plenary session. Sub-groups on legislation, victim assistance and awareness met separately."),
             ("h", "2. Training"), ("para", "Four training courses for police officers, prosecutors and labour inspectors were organised with UNODC and IOM; 212 officials participated."),
             ("h", "3. Cases"), ("para", "Cases registered by the Public Prosecution: 2005 - 14; 2006 - 19; 2007 - 27. Victims referred to assistance: 2007 - 41."),
             ("h", "4. Outlook for 2008"), ("para", "Finalisation of the draft anti-trafficking law and opening of a shelter in Cairo are the Committee's priorities for 2008.")]
    ann = pdf_bytes(annex, font="LS", size=11)
    quoted = "\n".join("> " + ln if ln else ">" for ln in REQ_EN.splitlines())
    body = ("Dear Madam, dear Sir,\n\nFurther to your reminder below, please find attached the reply of the Arab Republic of Egypt "
            "to the OSCE questionnaire, as well as an excerpt of the 2007 activity report of the National Committee (annex).\n\n"
            "Best regards,\nAhmed Samir\nCounsellor\nEmbassy of the Arab Republic of Egypt - Vienna\n\n"
            f"On {B_en_date(d0 - datetime.timedelta(days=6), 'long')}, OSCE Anti-Trafficking Unit <thb-unit@osce.example> wrote:\n"
            "> Dear colleagues,\n> This is a kind reminder of our request of 14 January 2008, quoted below.\n> Kind regards\n>\n"
            "> ----- Original message -----\n" + quoted + "\n")
    B.to_eml(o.p("Egypt_response_fw.eml"),
             [("From", "Ahmed Samir <a.samir@egyptembassy-vienna.example>"), ("To", "thb-unit@osce.example"),
              ("Cc", "mfa.humanrights@mfa.example.eg"), ("Subject", "Re: Fw: REMINDER - THB questionnaire"),
              ("Date", rfc_date(d, rng))], body,
             [("Egypt_reply_OSCE_THB_questionnaire.pdf", ret, "application/pdf"),
              ("Annex_NCCPTIP_activity_report_2007.pdf", ann, "application/pdf")])
    o.add("Egypt_response_fw.eml", "return", "Egypt", "en", "eml_attachments", cx, d0)


def f_jordan(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "ncm_type": "working_group", "nap_exists": True, "inter": True,
                               "ministry_pool": [m for m in lang("en").T["ministries"] if m[2] in ("MoI", "MoJ", "MFA", "MoLSP", "MoH", "MoF", "MoD")]})
    cx = Ctx(a, rng, vi=2, scheme="Q", yn_mode="word", vague={"ncm_established_year"}, vague_vi=0, country_prose="Jordan",
             ministry_style="abbr")
    d = sub_date(rng)
    groups = [(["2", "3", "4"], "Questions 2-4:"), (["13", "14", "15"], "Questions 13 to 15:"),
              (["17", "18", "19", "20"], "Q17-Q20:")]
    doc = [("line", "HASHEMITE KINGDOM OF JORDAN"), ("line", "Ministry of Justice"), ("line", "Ref.: 12/4/THB"),
           ("line", "Amman, " + B_en_date(d, "long")), ("sp",),
           ("line", "Subject: OSCE questionnaire - answers of Jordan"), ("sp",)]
    doc += form_doc(cx, groups=groups, show_q=False, sec=False)
    doc += [("sig", ["Eng. Samer Haddad", "Head, Human Rights Unit, MoJ"])]
    with open(o.p("jordan_answers.txt"), "w", encoding="utf-8", newline="") as fh:
        fh.write(B.to_txt(doc, width=80, crlf=True))
    o.add("jordan_answers.txt", "return", "Jordan", "en", "txt_grouped", cx, d)


def scan_doc(doc, style, rng, path, per_page=52, blot_label=None, stamp=None):
    """Typewriter scan. blot_label: smudge the answer lines of the item with this label. Returns True if blotted."""
    lines = []
    target = None
    for el in doc:
        start = len(lines)
        new = B.scan_lines([el], style)
        if blot_label and el[0] == "item" and el[1] == blot_label:
            if start // per_page != (start + len(new) - 1) // per_page:   # keep the smudged item on one page
                lines += [("", False)] * (per_page - start % per_page)
                start = len(lines)
            target = (start + 1, len(new) - 2)
        lines += new
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    blot = None
    if target:
        pi, li = divmod(target[0], per_page)
        n = min(target[1], per_page - li - 1)
        blot = (pi, li, n)
    B.to_scan(pages, path, rng, stamp=stamp, blot=blot)
    return blot


def f_mongolia(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "nap_exists": True})
    cx = Ctx(a, rng, vi=0, scheme="orig", country_prose="Mongolia")
    d = sub_date(rng)
    doc = [("title", "MONGOLIA - MINISTRY OF JUSTICE AND HOME AFFAIRS"), ("line", "Reply to the OSCE questionnaire on trafficking in human beings"),
           ("line", "Ulaanbaatar, " + B_en_date(d, "long")), ("line", "")]
    doc += form_doc(cx, sec=True)
    doc += [("sig", ["Signed: B. Enkhbayar, Director, Crime Prevention Department"])]
    stamp = (0, "RECEIVED", "OSCE/SEC " + (d + datetime.timedelta(days=12)).strftime("%d %b %Y").upper())
    scan_doc(doc, "bracket", rng, o.p("MNG_scan.pdf"), blot_label="13.", stamp=stamp)
    # the smudge covers the answer to question 13: not legible, not keyed
    cx.key.pop("nap_review", None)
    o.add("MNG_scan.pdf", "return", "Mongolia", "en", "scan", cx, d)


def f_afghanistan(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True})
    cx = Ctx(a, rng, vi=1, scheme="roman_sec", country_prose="Afghanistan")
    d = sub_date(rng)
    doc = [("title", "Islamic Republic of Afghanistan - Answers to the OSCE Questionnaire"),
           ("line", "Ministry of Foreign Affairs, Kabul - transmitted through the Embassy in Vienna"),
           ("line", "Date: " + B_en_date(d, "us2"))]
    doc += form_doc(cx, sec=True)
    doc += [("sig", ["Directorate of Human Rights and Women's International Affairs"])]
    with open(o.p("AFG_questionnaire.html"), "w", encoding="utf-8") as fh:
        fh.write(B.to_html(doc, style="box", title="Afghanistan - OSCE questionnaire"))
    o.add("AFG_questionnaire.html", "return", "Afghanistan", "en", "html_roman", cx, d)


def f_australia(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "ncm_type": "working_group", "nrm_exists": False,
                               "body": "Anti-People Trafficking Interdepartmental Committee"})
    cx = Ctx(a, rng, vi=1, scheme="section_item", country_prose="Australia")
    d = sub_date(rng)
    doc = [("title", "Australian Government response: OSCE THB questionnaire"),
           ("line", "Prepared by the Attorney-General's Department, Canberra"),
           ("line", "Dated " + B_en_date(d, "long"))]
    doc += form_doc(cx, sec=True)
    B.to_docx(doc, o.p("Australia_OSCE_THB_return.docx"), style="check", font="Arial", size=10)
    o.add("Australia_OSCE_THB_return.docx", "return", "Australia", "en", "docx_section_items", cx, d)


def f_uk(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "nrm_exists": False, "budget": False})
    cx = Ctx(a, rng, vi=0, scheme="orig", inline_yn=True, yn_style="bracket", country_prose="The United Kingdom")
    d = sub_date(rng)
    doc = [("title", "United Kingdom: response to OSCE questionnaire on co-ordinating and reporting on THB"),
           ("line", "Home Office - Organised Immigration Crime Unit"), ("line", B_en_date(d, "long")), ("sp",),
           ("line", "Chosen options are shown in bold and underlined.")]
    doc += form_doc(cx, sec=True)
    B.to_docx(doc, o.p("UK_THB_questionnaire_response.docx"), style="bold", font="Arial", size=10)
    o.add("UK_THB_questionnaire_response.docx", "return", "United Kingdom", "en", "docx_formatted_marks", cx, d)


def f_usa(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "ncm_type": "both", "nap_exists": False, "nap_equiv": True,
                               "civ": True, "share": 33, "inter": True, "nrm_exists": True, "nrm_type": "ministry_function",
                               "coord": "the Director of the Office to Monitor and Combat Trafficking in Persons, Department of State",
                               "body": "President's Interagency Task Force to Monitor and Combat Trafficking in Persons",
                               "nap_expl": "The Administration's anti-trafficking strategy, set out in the annual Trafficking in Persons Report and the agencies' implementation plans, serves as the co-ordinated national response."})
    a["mins"] = [(("foreign_affairs",), "Department of State", None), (("justice",), "Department of Justice", None),
                 (("labour",), "Department of Labor", None), (("health", "social"), "Department of Health and Human Services", None),
                 (("education",), "Department of Education", None)]
    a["lead_marked"] = True
    a.update(experts=False, legal="legislation", legal_txt="the Trafficking Victims Protection Act (Public Law 106-386)", year=2001,
             est_date=datetime.date(2001, 2, 13), year_other=[], recipient="the Congress", nrm_auth="legislation",
             defn=("Under federal law, severe forms of trafficking in persons means sex trafficking in which a commercial sex act is "
                   "induced by force, fraud, or coercion, or in which the person induced to perform such act has not attained 18 years "
                   "of age; or the recruitment, harboring, transportation, provision, or obtaining of a person for labor or services, "
                   "through the use of force, fraud, or coercion for the purpose of subjection to involuntary servitude, peonage, debt "
                   "bondage, or slavery."),
             ach=["Enactment of the reauthorization acts, which extended protection to victims and created new offences.",
                  "More than 600 police officers, prosecutors and judges have been trained since 2005.",
                  "Co-operation agreements were signed with the main countries of origin of identified victims."],
             ch=[("coordination", "Information does not always flow between the national and the regional level."),
                 ("data", "Reliable statistics are lacking; each agency counts victims differently.")])
    cx = Ctx(a, rng, vi=0, country_prose="The United States", vague={"ncm_civil_society_share"}, vague_vi=1)
    d = sub_date(rng)
    pr = lambda u: render_unit_prose(cx, u)
    cx.key["nap_exists"] = "no"
    cx.key["nap_equivalent"] = "yes"
    ps = [
        "Dear Ambassador,",
        "On behalf of the United States Mission to the OSCE, I have the pleasure of forwarding the United States' response to the "
        "questionnaire circulated by your Office on national co-ordination and reporting structures. " + FILLER_EN[0],
        "Let me say at the outset that the United States does not have a national action plan in the sense of a single, "
        "formally adopted document; our response is organized differently, as explained further below.",
        pr("1") + " " + pr("2") + " " + pr("3"),
        pr("4") + " " + pr("5") + " " + pr("6"),
        pr("7"), FILLER_USA[0], pr("8"),
        FILLER_EN[1] + " " + FILLER_USA[1],
        a["nap_expl"] + " " + pr("10") + " " + pr("11") + " " + pr("12"),
        pr("13") + " " + pr("14") + " " + pr("15"),
        "Turning to reporting: " + pr("16") + " " + pr("17") + " " + pr("18") + " " + pr("19") + " " + pr("20"),
        pr("21s") + " " + pr("21c"), pr("22") + " " + pr("23"),
        FILLER_USA[2], FILLER_USA[3],
        FILLER_EN[4], "Sincerely,",
    ]
    doc = [("center", "UNITED STATES MISSION TO THE ORGANIZATION FOR SECURITY AND CO-OPERATION IN EUROPE"),
           ("center", "Obersteinergasse 11/1, 1190 Vienna"), ("sp",), ("right", B_en_date(d, "us2")), ("sp",),
           ("line", "Ambassador Eva Biaudet (fictitious addressee)"), ("line", "OSCE Special Representative"), ("sp",)]
    doc += [("para", x) for x in ps]
    doc += [("sig", ["Kyle W. Scott", "Deputy Chief of Mission"])]
    B.to_docx(doc, o.p("USA_mission_letter.docx"), font="Times New Roman", size=12)
    o.add("USA_mission_letter.docx", "return", "United States of America", "en", "mission_letter", cx, d)


def f_ireland(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "nrm_exists": True, "nrm_type": "coordinator_function"})
    if a.get("year_other"):
        a["year_other"] = []
    a["nrm_year"] = a["year"]
    cx = Ctx(a, rng, vi=1, scheme="A.1", yn_mode="word", xref={"19": "4"}, xref_vi=2, country_prose="Ireland")
    d = sub_date(rng)
    doc = [("line", "IRELAND"), ("line", "Department of Justice, Equality and Law Reform - Anti-Human Trafficking Unit"),
           ("line", "Reply to OSCE questionnaire, dated " + B_en_date(d, "dots")), ("sp",)]
    doc += form_doc(cx, sec=True)
    doc += [("sig", ["Contact: AHTU, 51 St Stephen's Green, Dublin 2"])]
    with open(o.p("Ireland_reply.txt"), "w", encoding="utf-8") as fh:
        fh.write(B.to_txt(doc, style="bracket_x"))
    o.add("Ireland_reply.txt", "return", "Ireland", "en", "txt_section_numbered", cx, d)


def f_malta(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": False, "contradict_ncm": True, "ncm_type": "working_group"})
    cx = Ctx(a, rng, vi=2, scheme="orig", contradict=True, country_prose="Malta")
    d = sub_date(rng)
    doc = [("title", "Malta - Questionnaire on national anti-trafficking structures"),
           ("line", "Ministry for Justice and Home Affairs, Valletta"), ("line", "Date: " + B_en_date(d, "long"))]
    doc += form_doc(cx, sec=True)
    B.to_pdf(doc, o.p("Malta_questionnaire.pdf"), style="X_before", font="LA", size=10)
    contra = [f for u in UNITS[:8] for f in UNIT_FIELDS[u] if f in cx.key]
    o.add("Malta_questionnaire.pdf", "return", "Malta", "en", "pdf_typed", cx, d, extra_review=contra)


def f_cyprus(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True})
    cx = Ctx(a, rng, vi=0, scheme="orig", country_prose="Cyprus", ministry_style="mixed")
    d = sub_date(rng)
    doc = [("title", "REPUBLIC OF CYPRUS"), ("center", "Ministry of Justice and Public Order"),
           ("line", "Reply to the OSCE Questionnaire on co-ordination and reporting mechanisms (THB)"),
           ("line", "Nicosia, " + B_en_date(d, "long"))]
    doc += form_doc(cx, sec=True)
    doc += [("sig", ["Multidisciplinary Co-ordinating Group against Trafficking in Human Beings - Secretariat"])]
    B.to_docx(doc, o.p("Cyprus_THB_reply.docx"), style="box", font="Calibri", size=11)
    e = o.add("Cyprus_THB_reply.docx", "return", "Cyprus", "en", "docx_form", cx, d)
    shutil.copyfile(o.p("Cyprus_THB_reply.docx"), o.p("Reply_CY_final(2).docx"))
    o.add("Reply_CY_final(2).docx", "duplicate", "Cyprus", "en", "docx_form", fields=dict(e["fields"]),
          review=list(e["review_fields"]), duplicate_of="Cyprus_THB_reply.docx")


def f_norway(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "ncm_type": "working_group", "civ": True, "share": 25})
    cx = Ctx(a, rng, vi=1, scheme="orig", vague={"ncm_civil_society_share"}, vague_vi=0, country_prose="Norway")
    d = sub_date(rng)
    doc = [("title", "Norway - reply to the OSCE questionnaire (THB co-ordination and reporting)"),
           ("line", "Royal Norwegian Ministry of Justice and the Police - " + B_en_date(d, "long"))]
    doc += form_doc(cx, sec=True)
    with open(o.p("Norway_response.html"), "w", encoding="utf-8") as fh:
        fh.write(B.to_html(doc, style="dash_X", table=True, title="Norway reply"))
    o.add("Norway_response.html", "return", "Norway", "en", "html_table", cx, d)


def f_sweden(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "nap_exists": True})
    cx = Ctx(a, rng, vi=2, scheme="orig", country_prose="Sweden")
    d = sub_date(rng)
    doc = [("title", "Sweden - answers to the OSCE THB questionnaire"),
           ("line", "Ministry of Integration and Gender Equality / Ministry of Justice")]
    doc += form_doc(cx, sec=True)
    ret = pdf_bytes(doc, style="bracket", font="LA", size=10)
    annex = [("title", "Action plan against prostitution and human trafficking for sexual purposes - summary"),
             ("para", "This summary is enclosed for information. The plan contains 36 measures in five priority areas: "
                      "more protection and support for people at risk, more emphasis on preventive work, higher standards and "
                      "efficiency in the justice system, increased national and international co-operation, and a higher level of knowledge."),
             ("para", "Responsibility for each measure is assigned to a government agency; the Government will follow up the plan annually.")]
    ann = docx_bytes(annex, font="Arial", size=10)
    quoted = "\n".join("> " + ln if ln else ">" for ln in REQ_EN.splitlines())
    body = ("Hello,\n\nAttached are Sweden's answers to the questionnaire, plus a short summary of the action plan in English.\n"
            "Apologies for the delay.\n\nRegards\nAnna Lindqvist\nDesk officer, Division for Gender Equality\n\n"
            "-----Ursprungligt meddelande-----\nFrån: OSCE Anti-Trafficking Unit\nSkickat: den 14 januari 2008 10:12\n"
            "Ämne: Questionnaire on national co-ordination and reporting on THB\n\n" + quoted + "\n")
    B.to_eml(o.p("Sweden_reply.eml"),
             [("From", "Anna Lindqvist <anna.lindqvist@regeringskansliet.example.se>"), ("To", "thb-unit@osce.example"),
              ("Subject", "SV: Questionnaire on national co-ordination and reporting on THB"), ("Date", rfc_date(d, rng))],
             body, [("SE_answers_THB.pdf", ret, "application/pdf"),
                    ("Action_plan_summary_EN.docx", ann, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")])
    o.add("Sweden_reply.eml", "return", "Sweden", "en", "eml_attachments", cx, d)


def f_netherlands(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "nap_exists": True, "nrm_exists": True, "nrm_type": "independent_rapporteur",
                               "budget": False})
    cx = Ctx(a, rng, vi=0, scheme="orig", inline_yn=True, yn_style="bracket", blank={"12"}, country_prose="The Netherlands")
    d = sub_date(rng)
    doc = [("title", "Kingdom of the Netherlands"), ("line", "Ministry of Justice - reply to OSCE questionnaire"),
           ("line", "The Hague, " + B_en_date(d, "long"))]
    doc += form_doc(cx, sec=True)
    B.to_docx(doc, o.p("NL_questionnaire_THB.docx"), style="bracket", font="Verdana", size=9)
    o.add("NL_questionnaire_THB.docx", "return", "Netherlands", "en", "docx_checkboxes", cx, d)


def f_finland(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "budget": False, "nrm_exists": True, "nrm_budget": False,
                               "nrm_type": "independent_rapporteur"})
    cx = Ctx(a, rng, vi=1, scheme="Q", yn_mode="word", country_prose="Finland")
    d = sub_date(rng)

    def q5_20(cx):
        cx.key["ncm_budget"] = "no"
        cx.key["nrm_budget"] = "no"
        return "Neither the co-ordination mechanism nor the National Rapporteur has a separate budget of its own; costs are met from the ordinary appropriations of the ministries concerned."

    order = [u for u in UNITS if u != "20"]
    order.insert(order.index("5") + 1, "20")
    doc = [("line", "FINLAND / Ministry of the Interior"), ("line", "OSCE THB questionnaire - answers"),
           ("line", "Helsinki " + B_en_date(d, "dots")), ("sp",)]
    doc += form_doc(cx, order=order, groups=[(["5", "20"], "Q5/Q20:", q5_20)], show_q=False, sec=True)
    doc += [("line", "Annex: Report of the National Rapporteur (summary), sent as a separate file.")]
    with open(o.p("FIN_answers_2008.txt"), "w", encoding="utf-8") as fh:
        fh.write(B.to_txt(doc, style="bracket"))
    o.add("FIN_answers_2008.txt", "return", "Finland", "en", "txt_grouped", cx, d)
    # annexed rapporteur report: answers nothing
    rep = [("title", "Ombudsman for Minorities - National Rapporteur on Trafficking in Human Beings"),
           ("center", "Report to the Government and Parliament 2007 - Summary"), ("sp",),
           ("h", "Introduction"),
           ("para", "This is the first report of the National Rapporteur. It describes the situation of trafficking in Finland, "
                    "the functioning of the system for assisting victims and the enforcement of criminal law."),
           ("h", "1. The phenomenon"),
           ("para", "Trafficking into Finland is mainly linked to sexual exploitation and, increasingly, to labour exploitation in "
                    "construction, restaurants, berry picking and domestic work. The number of identified victims remains low."),
           ("h", "2. Assistance to victims"),
           ("para", "Victims were referred to the Joutseno reception centre. Referral depends too much on whether the police open a criminal investigation."),
           ("h", "3. Recommendations"),
           ("para", "The Rapporteur recommends that identification of victims be separated from criminal proceedings, that labour "
                    "inspectors receive training on trafficking, and that statistics be collected in a uniform manner."),
           ("para", "Helsinki, " + B_en_date(d - datetime.timedelta(days=40), "long"))]
    B.to_pdf(rep, o.p("FIN_rapporteur_report_annex.pdf"), font="LS", size=11)
    o.add("FIN_rapporteur_report_annex.pdf", "not_a_return", "Finland", "en", "annex_report")


def f_denmark(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "nap_exists": True})
    cx = Ctx(a, rng, vi=2, scheme="orig", country_prose="Denmark")
    d = sub_date(rng)
    doc = [("title", "DENMARK - REPLY TO OSCE QUESTIONNAIRE"), ("line", "Ministry of Gender Equality / Danish Centre against Human Trafficking"),
           ("line", "Copenhagen, " + B_en_date(d, "long")), ("line", "")]
    doc += form_doc(cx, order=UNITS[:15], sec=True)
    scan_doc(doc, "X_before", rng, o.p("DK_scan_return.pdf"))
    o.add("DK_scan_return.pdf", "return", "Denmark", "en", "scan", cx, d)


def f_latvia(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "nrm_exists": True})
    cx = Ctx(a, rng, vi=1, scheme="Q", country_prose="Latvia", ministry_style="mixed")
    d = sub_date(rng)
    # part C first, then B, then A with the open questions answered first
    order = UNITS[15:] + UNITS[8:15] + ["7", "8", "1", "2", "3", "4", "5", "6"]
    doc = [("title", "Republic of Latvia - information for the OSCE"), ("line", "Ministry of the Interior, Riga - " + d.isoformat()),
           ("line", "The answers are given in the order in which the contributions were received from the institutions concerned.")]
    doc += form_doc(cx, order=order, sec=True)
    B.to_pdf(doc, o.p("Latvia_reply_out_of_order.pdf"), style="paren", font="DV", size=9.5)
    o.add("Latvia_reply_out_of_order.pdf", "return", "Latvia", "en", "pdf_typed", cx, d)


def f_lithuania(rng, o):
    a = gen_answers(rng, "en", {})
    cx = Ctx(a, rng, vi=0, scheme="orig", country_prose="Lithuania")
    d = sub_date(rng)
    doc = [("title", "Republic of Lithuania"), ("line", "Answers to the OSCE questionnaire - Ministry of the Interior"),
           ("line", "Vilnius, " + B_en_date(d, "iso"))]
    doc += form_doc(cx, sec=True)
    B.to_docx(doc, o.p("LT_atsakymai_OSCE.docx"), style="X_before", font="Times New Roman", size=11)
    o.add("LT_atsakymai_OSCE.docx", "return", "Lithuania", "en", "docx_form", cx, d)


def f_estonia(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "nap_exists": True})
    cx = Ctx(a, rng, vi=2, scheme="Qcolon", xref={"15": "8"}, xref_vi=1, country_prose="Estonia")
    d = sub_date(rng)
    doc = [("title", "Estonia: reply to OSCE questionnaire"), ("line", "Ministry of Justice, Tallinn, " + B_en_date(d, "us"))]
    doc += form_doc(cx, sec=False)
    with open(o.p("Estonia_reply.html"), "w", encoding="utf-8") as fh:
        fh.write(B.to_html(doc, style="bracket", title="Estonia reply"))
    o.add("Estonia_reply.html", "return", "Estonia", "en", "html_plain", cx, d)


def f_georgia(rng, o):
    a = gen_answers(rng, "en", {})
    cx = Ctx(a, rng, vi=1, scheme="Q", country_prose="Georgia")
    d = sub_date(rng)
    body_doc = form_doc(cx, sec=True)
    body = ("Dear colleagues,\n\nPlease find below the answers of Georgia to your questionnaire. We were unable to open the "
            "Word form, so the answers are typed directly in this message.\n\n" + B.to_txt(body_doc, style="bracket_x", width=74) +
            "\nWith best regards,\nNino Beridze\nMinistry of Foreign Affairs of Georgia\nDepartment of International Organizations\n")
    B.to_eml(o.p("Georgia_email_reply.eml"),
             [("From", "Nino Beridze <n.beridze@mfa.example.ge>"), ("To", "thb-unit@osce.example"),
              ("Subject", "Georgia - answers to THB questionnaire"), ("Date", rfc_date(d, rng))], body)
    o.add("Georgia_email_reply.eml", "return", "Georgia", "en", "eml_body", cx, d)


def f_armenia(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True})
    cx = Ctx(a, rng, vi=0, scheme="paren", date_style="dots", country_prose="Armenia")
    d = sub_date(rng)
    doc = [("title", "Republic of Armenia"), ("center", "Inter-agency Commission on Trafficking Issues - Secretariat"),
           ("line", "Yerevan, " + B_en_date(d, "dots")), ("line", "Reply to the questionnaire of the OSCE Secretariat")]
    doc += form_doc(cx, sec=True)
    doc += [("sig", ["A. Grigoryan", "Secretary of the Commission"])]
    B.to_pdf(doc, o.p("Armenia_questionnaire.pdf"), style="paren", font="DVS", size=10)
    o.add("Armenia_questionnaire.pdf", "return", "Armenia", "en", "pdf_typed", cx, d)


def f_moldova(rng, o):
    a = gen_answers(rng, "en", {"ncm_exists": True, "ncm_type": "working_group", "budget": False, "inter": True,
                               "body": "National Committee for Combating Trafficking in Human Beings"})
    a["mins"] = [(("social", "family"), "Ministry of Social Protection, Family and Child", None),
                 (("interior",), "Ministry of Internal Affairs", None), (("justice",), "Ministry of Justice", None),
                 (("foreign_affairs",), "Ministry of Foreign Affairs and European Integration", None),
                 (("education",), "Ministry of Education and Youth", None), (("health",), "Ministry of Health", None)]
    a["lead_marked"] = True
    cx = Ctx(a, rng, vi=1, country_prose="The Republic of Moldova")
    d = sub_date(rng)
    pr = lambda u: render_unit_prose(cx, u)
    ps = [
        "Dear Madam Special Representative,",
        "I have the honour to transmit herewith the answers of the Republic of Moldova to the questionnaire on co-ordinating "
        "and reporting on anti-trafficking efforts. " + FILLER_EN[0],
        pr("1") + " " + pr("2") + " " + pr("3") + " " + pr("4"),
        "As regards resources, I must be frank: the National Committee has no separate budget line of its own.",
        pr("6") + " " + pr("7"),
        FILLER_MDA[0],
        pr("8"),
        FILLER_EN[1] + " " + FILLER_EN[3],
        FILLER_MDA[1] + " " + FILLER_MDA[2],
        pr("9") + " " + pr("10") + " " + pr("11") + " " + pr("12"),
        pr("13") + " " + pr("14") + " " + pr("15"),
        pr("16") + " " + pr("17") + " " + pr("18") + " " + pr("19") + " " + pr("20") + " " + pr("21s") + " " + pr("21c") + " " + pr("22") + " " + pr("23"),
        "The Committee's activities are financed from the regular budgets of the member institutions and from projects of "
        "international partners, including the OSCE Mission to Moldova, IOM and UNDP.",
        FILLER_EN[4],
        "Please accept, Madam Special Representative, the assurances of my highest consideration.",
    ]
    cx.key["ncm_budget"] = "no"
    doc = [("center", "PERMANENT MISSION OF THE REPUBLIC OF MOLDOVA TO THE OSCE"), ("center", "Vienna"), ("sp",),
           ("right", B_en_date(d, "dots")), ("line", f"Nr. OSCE/{rng.randint(10, 99)}-{d.year}"), ("sp",)]
    doc += [("para", x.strip()) for x in ps if x.strip()]
    doc += [("sig", ["Ambassador", "Permanent Representative"])]
    B.to_pdf(doc, o.p("Moldova_mission_letter.pdf"), font="LS", size=12)
    o.add("Moldova_mission_letter.pdf", "return", "Moldova", "en", "mission_letter", cx, d)


def f_slovenia(rng, o):
    d = sub_date(rng)
    doc = [("center", "PERMANENT MISSION OF THE REPUBLIC OF SLOVENIA TO THE OSCE"), ("sp",), ("right", "Vienna, " + B_en_date(d, "long")),
           ("sp",), ("line", "OSCE Secretariat - Anti-Trafficking Assistance Unit"), ("sp",),
           ("para", "Dear Sir or Madam,"),
           ("para", "With reference to your questionnaire on co-ordinating and reporting on efforts to combat trafficking in human "
                    "beings, I wish to inform you that the replies of the Republic of Slovenia are being prepared by the Interdepartmental "
                    "Working Group and will be transmitted to you directly by the Ministry of the Interior in the coming weeks."),
           ("para", "Please do not hesitate to contact the Mission should you need any further information."),
           ("sig", ["Yours sincerely,", "", "Counsellor"])]
    B.to_pdf(doc, o.p("Slovenia_cover_letter.pdf"), font="LS", size=12)
    o.add("Slovenia_cover_letter.pdf", "not_a_return", "Slovenia", "en", "cover_letter")


def f_croatia(rng, o):
    a = gen_answers(rng, "en", {})
    cx = Ctx(a, rng, vi=0, scheme="orig")
    doc = [("title", "Republic of Croatia - reply to OSCE questionnaire")] + form_doc(cx, sec=True)
    data = pdf_bytes(doc, style="bracket", font="DV", size=10)
    cut = int(len(data) * 0.38)
    broken = bytearray(data[:cut])
    for i in range(400, min(len(broken), 2400)):
        broken[i] = (broken[i] * 7 + 13) % 256
    with open(o.p("Croatia_questionnaire.pdf"), "wb") as fh:
        fh.write(bytes(broken))
    o.add("Croatia_questionnaire.pdf", "error", "Croatia", "en", "damaged")


# ============================================================ French
def f_france(rng, o):
    a = gen_answers(rng, "fr", {"ncm_exists": True})
    cx = Ctx(a, rng, vi=0, scheme="roman_sec", country_prose="La France")
    L = lang("fr")
    d = sub_date(rng)
    doc = [("center", "RÉPUBLIQUE FRANÇAISE"), ("center", "Ministère des Affaires étrangères et européennes"),
           ("center", "Direction des Nations unies et des organisations internationales"), ("sp",),
           ("title", "Questionnaire de l'OSCE sur la coordination et les rapports en matière de lutte contre la traite - Réponses de la France"),
           ("right", "Paris, " + L.fmt_date(d, "le"))]
    doc += form_doc(cx, sec=True)
    B.to_docx(doc, o.p("France_reponse_questionnaire.docx"), style="box", font="Times New Roman", size=11)
    o.add("France_reponse_questionnaire.docx", "return", "France", "fr", "docx_form", cx, d)


def f_belgium(rng, o):
    pool = [(("justice",), "SPF Justice", None), (("interior",), "SPF Intérieur (Office des étrangers)", None),
            (("foreign_affairs",), "SPF Affaires étrangères, Commerce extérieur et Coopération au développement", None),
            (("labour",), "SPF Emploi, Travail et Concertation sociale", None), (("social",), "SPF Sécurité sociale", None),
            (("family",), "Institut pour l'égalité des femmes et des hommes", None)]
    a = gen_answers(rng, "fr", {"ncm_exists": True, "ncm_type": "working_group", "inter": True,
                               "body": "Cellule interdépartementale de coordination de la lutte contre la traite et le trafic des êtres humains"})
    a["mins"] = pool[:5]
    a["lead_marked"] = True
    cx = Ctx(a, rng, vi=0, scheme="A.1", country_prose="La Belgique")
    L = lang("fr")
    d = sub_date(rng)
    att = [("title", "Royaume de Belgique - Réponses au questionnaire de l'OSCE"), ("line", "Bruxelles, " + L.fmt_date(d, "long"))]
    att += form_doc(cx, sec=True)
    body = ("Madame, Monsieur,\n\nVeuillez trouver ci-joint les réponses de la Belgique au questionnaire relatif aux mécanismes "
            "nationaux de coordination et de rapport en matière de traite des êtres humains.\n\nNous vous prions d'agréer, Madame, "
            "Monsieur, l'expression de notre considération distinguée.\n\nMarc Dupont\nSPF Justice - Direction générale Législation\n\n"
            "> -------- Message original --------\n> Objet : Questionnaire on national co-ordination and reporting on THB\n"
            "> Date : 14/01/2008 10:12\n> De : OSCE Anti-Trafficking Unit\n>\n" +
            "\n".join("> " + ln if ln else ">" for ln in REQ_EN.splitlines()) + "\n")
    B.to_eml(o.p("Belgique_reponse.eml"),
             [("From", "Marc Dupont <marc.dupont@just.fgov.example.be>"), ("To", "thb-unit@osce.example"),
              ("Subject", "TR: Questionnaire OSCE - réponses de la Belgique"), ("Date", rfc_date(d + datetime.timedelta(days=3), rng))],
             body, [("BE_reponses_questionnaire_OSCE.docx", docx_bytes(att, style="bracket", font="Arial", size=10),
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document")])
    o.add("Belgique_reponse.eml", "return", "Belgium", "fr", "eml_attachments", cx, d)


def f_tunisia(rng, o):
    a = gen_answers(rng, "fr", {"ncm_exists": True, "ncm_type": "working_group", "nap_exists": False, "nap_equiv": True})
    cx = Ctx(a, rng, vi=1, scheme="orig", vague={"ncm_established_year"}, country_prose="La Tunisie", yn_mode="word")
    L = lang("fr")
    d = sub_date(rng)
    groups = [(["2", "3", "4"], "Questions 2 à 4 :"), (["7", "8"], "Questions 7 et 8 :")]
    doc = [("center", "RÉPUBLIQUE TUNISIENNE"), ("center", "Ministère de la Justice et des Droits de l'Homme"), ("sp",),
           ("line", "Réponse au questionnaire de l'OSCE relatif à la traite des personnes"), ("right", "Tunis, le " + L.fmt_date(d, "slash"))]
    doc += form_doc(cx, groups=groups, sec=True, show_q=True)
    B.to_pdf(doc, o.p("Tunisie_questionnaire.pdf"), font="DVS", size=10)
    o.add("Tunisie_questionnaire.pdf", "return", "Tunisia", "fr", "pdf_grouped", cx, d)


# ============================================================ Russian
def f_russia(rng, o):
    a = gen_answers(rng, "ru", {"ncm_exists": True, "nrm_exists": False})
    cx = Ctx(a, rng, vi=0, scheme="orig", country_prose="Российской Федерации", date_style="long")
    L = lang("ru")
    d = sub_date(rng)
    order = UNITS[8:15] + UNITS[:8] + UNITS[15:]
    doc = [("center", "МИНИСТЕРСТВО ИНОСТРАННЫХ ДЕЛ РОССИЙСКОЙ ФЕДЕРАЦИИ"), ("sp",),
           ("title", "Ответы Российской Федерации на вопросник ОБСЕ о координации и отчётности в сфере противодействия торговле людьми"),
           ("right", "Москва, " + L.fmt_date(d, "long")),
           ("line", "Примечание: ответы на раздел о национальном плане приводятся первыми.")]
    doc += form_doc(cx, order=order, sec=True)
    B.to_pdf(doc, o.p("RF_otvet_OBSE.pdf"), style="box", font="DV", size=9.5)
    o.add("RF_otvet_OBSE.pdf", "return", "Russian Federation", "ru", "pdf_typed", cx, d)


def f_kazakhstan(rng, o):
    a = gen_answers(rng, "ru", {"ncm_exists": True, "ncm_type": "working_group", "civ": True, "share": 33})
    cx = Ctx(a, rng, vi=0, scheme="orig", vague={"ncm_civil_society_share"}, country_prose="Республике Казахстан")
    L = lang("ru")
    d = sub_date(rng)
    doc = [("center", "Республика Казахстан"), ("center", "Министерство юстиции"), ("sp",),
           ("title", "Ответы на вопросник ОБСЕ"), ("line", "Астана, " + L.fmt_date(d, "dots"))]
    doc += form_doc(cx, sec=True)
    B.to_docx(doc, o.p("Kazakhstan_otvety.docx"), style="check", font="Times New Roman", size=12)
    o.add("Kazakhstan_otvety.docx", "return", "Kazakhstan", "ru", "docx_form", cx, d)


def f_belarus(rng, o):
    a = gen_answers(rng, "ru", {"ncm_exists": True, "ncm_type": "working_group", "nap_exists": True})
    cx = Ctx(a, rng, vi=1, scheme="orig", yn_mode="word", country_prose="Республике Беларусь")
    L = lang("ru")
    d = sub_date(rng)
    groups = [(["2", "3", "4"], "Вопросы 2-4:"), (["9", "10"], "Вопросы 9, 10:"), (["13", "14", "15"], "Вопросы 13-15:")]
    doc = [("line", "РЕСПУБЛИКА БЕЛАРУСЬ"), ("line", "Министерство внутренних дел"), ("line", "г. Минск, " + L.fmt_date(d, "dots")),
           ("sp",), ("line", "Ответы на вопросник ОБСЕ")]
    doc += form_doc(cx, groups=groups, sec=False, show_q=False)
    doc += [("sig", ["Начальник управления", "И.И. Петров"])]
    with open(o.p("Belarus_otvet.txt"), "w", encoding="utf-8") as fh:
        fh.write(B.to_txt(doc, width=90))
    o.add("Belarus_otvet.txt", "return", "Belarus", "ru", "txt_grouped", cx, d)


# ============================================================ Spanish
def f_spain(rng, o):
    a = gen_answers(rng, "es", {"ncm_exists": True, "ncm_type": "working_group", "nap_exists": True, "nrm_exists": False})
    L = lang("es")
    d1 = sub_date(rng, (2007, 12, 1), (2008, 2, 15))
    cx = Ctx(a, rng, vi=0, scheme="orig", country_prose="España")
    doc = [("center", "MINISTERIO DE ASUNTOS EXTERIORES Y DE COOPERACIÓN"), ("center", "Dirección General de Naciones Unidas y Derechos Humanos"),
           ("sp",), ("title", "Respuesta de España al cuestionario de la OSCE sobre trata de seres humanos"),
           ("right", "Madrid, " + L.fmt_date(d1, "long"))]
    doc += form_doc(cx, sec=True)
    B.to_pdf(doc, o.p("Espana_respuesta_cuestionario.pdf"), style="bracket", font="DVS", size=10)
    o.add("Espana_respuesta_cuestionario.pdf", "return", "Spain", "es", "pdf_typed", cx, d1)
    # revised version: national rapporteur function and updated achievements
    import copy
    a2 = copy.deepcopy(a)
    a2["nrm_exists"] = True
    a2.update(nrm_type="ministry_function", nrm_auth="policy", nrm_year=2008 - 1, nrm_date=datetime.date(2007, 12, 12),
              nrm_year_other=[], nrm_budget=False, nrm_bcov="", freq="annual", recipient="el Consejo de Ministros", public=True,
              content=["law_enforcement", "scope", "trends", "victim_services"], content_other="", model="prescribed",
              nrm_success="Las recomendaciones del primer informe se incorporaron al Plan Integral de lucha contra la trata.",
              nrm_ch="Los datos proceden de distintas instituciones con criterios distintos.")
    a2["ach"] = a["ach"] + ["Aprobación del Plan Integral de lucha contra la trata de seres humanos con fines de explotación sexual."]
    d2 = d1 + datetime.timedelta(days=rng.randint(20, 45))
    cx2 = Ctx(a2, rng, vi=0, scheme="orig", country_prose="España")
    doc2 = [("center", "MINISTERIO DE ASUNTOS EXTERIORES Y DE COOPERACIÓN"), ("sp",),
            ("title", "Respuesta de España al cuestionario de la OSCE - VERSIÓN REVISADA (v2)"),
            ("line", "La presente versión sustituye y anula la respuesta remitida el " + L.fmt_date(d1, "long") +
             ". Se han actualizado las preguntas 7 y 16 a 23."),
            ("right", "Madrid, " + L.fmt_date(d2, "slash"))]
    doc2 += form_doc(cx2, sec=True)
    B.to_docx(doc2, o.p("Espana_respuesta_cuestionario_v2.docx"), style="bracket", font="Arial", size=10)
    o.add("Espana_respuesta_cuestionario_v2.docx", "return", "Spain", "es", "docx_form", cx2, d2,
          supersedes="Espana_respuesta_cuestionario.pdf")


def f_andorra(rng, o):
    a = gen_answers(rng, "es", {"ncm_exists": False, "nap_exists": False, "nap_equiv": False, "nrm_exists": False})
    cx = Ctx(a, rng, vi=0, scheme="orig", na_mode="na", country_prose="Andorra")
    L = lang("es")
    d = sub_date(rng)
    doc = [("title", "Principado de Andorra - Respuesta al cuestionario de la OSCE"),
           ("line", "Ministerio de Asuntos Exteriores - Andorra la Vella, " + L.fmt_date(d, "long")),
           ("line", "Andorra no ha detectado casos de trata en su territorio; por ello no dispone de estructuras específicas.")]
    doc += form_doc(cx, sec=True)
    with open(o.p("Andorra_respuesta.html"), "w", encoding="utf-8") as fh:
        fh.write(B.to_html(doc, style="bracket", title="Andorra", lang="es"))
    o.add("Andorra_respuesta.html", "return", "Andorra", "es", "html_plain", cx, d)


# ============================================================ German
def f_germany(rng, o):
    a = gen_answers(rng, "de", {"ncm_exists": True, "ncm_type": "working_group", "body": "Bund-Länder-Arbeitsgruppe Frauenhandel",
                               "nap_exists": True})
    cx = Ctx(a, rng, vi=0, scheme="orig", country_prose="Deutschland", ministry_style="mixed")
    L = lang("de")
    d = sub_date(rng)
    doc = [("center", "Bundesministerium für Familie, Senioren, Frauen und Jugend"), ("line", "Referat 403"),
           ("right", "Berlin, den " + L.fmt_date(d, "long")), ("title", "Antwort der Bundesrepublik Deutschland auf den OSZE-Fragebogen")]
    doc += form_doc(cx, sec=True)
    B.to_docx(doc, o.p("Deutschland_Antwort_Fragebogen.docx"), style="box", table=True, font="Arial", size=10)
    o.add("Deutschland_Antwort_Fragebogen.docx", "return", "Germany", "de", "docx_table", cx, d)


def f_austria(rng, o):
    a = gen_answers(rng, "de", {"ncm_exists": True, "ncm_type": "working_group", "body": "Task Force Menschenhandel"})
    pool = [(("foreign_affairs",), "Bundesministerium für europäische und internationale Angelegenheiten (BMeiA)", None),
            (("interior",), "Bundesministerium für Inneres (BM.I)", None), (("justice",), "Bundesministerium für Justiz (BMJ)", None),
            (("finance", "labour"), "Bundesministerium für Wirtschaft und Arbeit (BMWA)", None),
            (("social",), "Bundesministerium für Soziales und Konsumentenschutz", None),
            (("health", "family"), "Bundesministerium für Gesundheit, Familie und Jugend", None)]
    a["inter"] = True
    a["mins"] = pool[:rng.randint(4, 6)]
    a["lead_marked"] = True
    cx = Ctx(a, rng, vi=1, scheme="orig", country_prose="Österreich")
    L = lang("de")
    d = sub_date(rng)
    att = [("title", "Republik Österreich - Beantwortung des OSZE-Fragebogens"), ("line", "Wien, am " + L.fmt_date(d, "dots"))]
    att += form_doc(cx, sec=True)
    body = ("Sehr geehrte Damen und Herren,\n\nin der Anlage übermitteln wir die österreichische Beantwortung des Fragebogens. "
            "Den Nationalen Aktionsplan erhalten Sie mit separater Post.\n\nMit freundlichen Grüßen\n\nMag. Elisabeth Huber\n"
            "BMeiA, Abteilung VII.2\n\n---------- Weitergeleitete Nachricht ----------\nVon: OSCE Anti-Trafficking Unit <thb-unit@osce.example>\n"
            "Datum: 14. Januar 2008 10:12\nBetreff: Questionnaire on national co-ordination and reporting on THB\n\n" + REQ_EN + "\n")
    B.to_eml(o.p("Oesterreich_Stellungnahme.eml"),
             [("From", "Elisabeth Huber <elisabeth.huber@bmeia.example.at>"), ("To", "thb-unit@osce.example"),
              ("Subject", "WG: OSZE-Fragebogen Menschenhandel - österreichische Antwort"), ("Date", rfc_date(d + datetime.timedelta(days=1), rng))],
             body, [("AT_Antwort_OSZE_Fragebogen.docx", docx_bytes(att, style="check", font="Arial", size=10),
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document")])
    o.add("Oesterreich_Stellungnahme.eml", "return", "Austria", "de", "eml_attachments", cx, d)


def f_liechtenstein(rng, o):
    a = gen_answers(rng, "de", {"ncm_exists": True, "ncm_type": "working_group", "body": "Arbeitsgruppe Menschenhandel",
                               "nrm_exists": False})
    cx = Ctx(a, rng, vi=0, scheme="orig", inline_yn=True, q2_mode="sub", country_prose="Liechtenstein")
    L = lang("de")
    d = sub_date(rng)
    doc = [("title", "Fragebogen der OSZE - Koordinierung und Berichterstattung (Menschenhandel)"),
           ("field", "Staat", "Fürstentum Liechtenstein"), ("field", "Datum", L.fmt_date(d, "dots"))]
    doc += form_doc(cx, sec=True)
    B.to_acroform(doc, o.p("Liechtenstein_Fragebogen.pdf"), layout="column", title="Fragebogen")
    o.add("Liechtenstein_Fragebogen.pdf", "return", "Liechtenstein", "de", "acroform_column", cx, d)


# ============================================================ Italian
def f_italy(rng, o):
    a = gen_answers(rng, "it", {"ncm_exists": True, "nap_exists": False, "nap_equiv": True})
    cx = Ctx(a, rng, vi=0, scheme="orig", country_prose="L'Italia")
    L = lang("it")
    d = sub_date(rng)
    doc = [("center", "Presidenza del Consiglio dei Ministri"), ("center", "Dipartimento per i Diritti e le Pari Opportunità"), ("sp",),
           ("title", "Risposte dell'Italia al questionario OSCE sulla tratta di esseri umani"), ("right", "Roma, " + L.fmt_date(d, "long"))]
    doc += form_doc(cx, sec=True)
    B.to_docx(doc, o.p("Italia_risposta_questionario.docx"), style="dash_X", font="Garamond", size=12)
    o.add("Italia_risposta_questionario.docx", "return", "Italy", "it", "docx_form", cx, d)


def f_sanmarino(rng, o):
    pool = [(("interior",), "Segreteria di Stato per gli Affari Interni", None), (("foreign_affairs",), "Segreteria di Stato per gli Affari Esteri", None),
            (("health", "social"), "Segreteria di Stato per la Sanità e la Sicurezza Sociale", None),
            (("labour",), "Segreteria di Stato per il Lavoro", None), (("justice",), "Segreteria di Stato per la Giustizia", None),
            (("education", "culture"), "Segreteria di Stato per l'Istruzione e la Cultura", None)]
    a = gen_answers(rng, "it", {"ncm_exists": True, "ncm_type": "working_group", "inter": True, "nrm_exists": False,
                               "body": "Gruppo di lavoro interistituzionale sulla tratta di persone"})
    a["mins"] = pool[:rng.randint(3, 6)]
    a["lead_marked"] = rng.random() < 0.5
    a["legal"] = "decree"
    a["legal_txt"] = f"il Decreto Delegato n. {rng.randint(20, 190)}"
    cx = Ctx(a, rng, vi=1, scheme="paren", yn_mode="word", country_prose="La Repubblica di San Marino")
    doc = [("line", "REPUBBLICA DI SAN MARINO"), ("line", "Segreteria di Stato per gli Affari Esteri"), ("sp",),
           ("line", "Risposte al questionario OSCE")]
    doc += form_doc(cx, sec=False)
    with open(o.p("San_Marino_risposte.txt"), "w", encoding="utf-8") as fh:
        fh.write(B.to_txt(doc, style="X_before"))
    o.add("San_Marino_risposte.txt", "return", "San Marino", "it", "txt_plain", cx, None)


def f_holysee(rng, o):
    a = gen_answers(rng, "it", {"ncm_exists": False, "nap_exists": False, "nap_equiv": False, "nrm_exists": False})
    cx = Ctx(a, rng, vi=0, country_prose="La Santa Sede")
    L = lang("it")
    d = sub_date(rng)
    pr = lambda u: render_unit_prose(cx, u)
    ps = [
        "La Missione Permanente della Santa Sede presso l'Organizzazione per la Sicurezza e la Cooperazione in Europa presenta i suoi "
        "complimenti all'Ufficio del Rappresentante Speciale e Coordinatore per la lotta alla tratta di esseri umani e, con riferimento "
        "alla lettera del 14 gennaio 2008, ha l'onore di comunicare quanto segue.",
        "In considerazione della natura peculiare dello Stato della Città del Vaticano, della sua limitata estensione territoriale e "
        "dell'assenza di flussi migratori, le strutture previste dal questionario non trovano applicazione diretta.",
        pr("1") + " Le competenze in materia penale sono esercitate dagli organi giudiziari dello Stato della Città del Vaticano.",
        pr("9"),
        pr("16"),
        "La Santa Sede segue tuttavia con grande attenzione il fenomeno della tratta attraverso l'azione del Pontificio Consiglio della "
        "Pastorale per i Migranti e gli Itineranti e delle numerose congregazioni religiose impegnate nell'assistenza alle vittime in "
        "tutto il mondo, azione che non costituisce, peraltro, un meccanismo nazionale di coordinamento ai sensi del questionario.",
        "La Missione Permanente della Santa Sede si avvale dell'occasione per rinnovare all'Ufficio del Rappresentante Speciale "
        "gli atti della sua più alta considerazione.",
    ]
    doc = [("center", "MISSIONE PERMANENTE DELLA SANTA SEDE PRESSO L'OSCE"), ("center", "Vienna"), ("sp",),
           ("line", f"N. {rng.randint(100, 900)}/08"), ("sp",)]
    doc += [("para", x) for x in ps]
    doc += [("right", "Vienna, " + L.fmt_date(d, "long"))]
    B.to_pdf(doc, o.p("Santa_Sede_nota_verbale.pdf"), font="DVS", size=11.5)
    o.add("Santa_Sede_nota_verbale.pdf", "return", "Holy See", "it", "mission_letter", cx, d)


SPECS = [f_japan, f_korea, f_thailand, f_israel, f_egypt, f_jordan, f_mongolia, f_afghanistan, f_australia, f_uk, f_usa,
         f_ireland, f_malta, f_cyprus, f_norway, f_sweden, f_netherlands, f_finland, f_denmark, f_latvia, f_lithuania,
         f_estonia, f_georgia, f_armenia, f_moldova, f_slovenia, f_croatia,
         f_france, f_belgium, f_tunisia, f_russia, f_kazakhstan, f_belarus, f_spain, f_andorra,
         f_germany, f_austria, f_liechtenstein, f_italy, f_sanmarino, f_holysee]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=2007)
    args = ap.parse_args()
    o = Out(args.outdir, args.seed)
    for f in SPECS:
        rng = random.Random(f"{args.seed}:{f.__name__}")
        f(rng, o)
    o.entries.sort(key=lambda e: e["file"].lower())
    with open(os.path.join(args.outdir, "key.jsonl"), "w", encoding="utf-8") as fh:
        for e in o.entries:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    print(f"{len(o.entries)} files written to {o.raw}")


if __name__ == "__main__":
    main()
