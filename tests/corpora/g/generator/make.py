# -*- coding: utf-8 -*-
"""Corpus g: narrative letters, notes verbales and e-mails answering the 2007 OSCE THB questionnaire.

usage: python generator/make.py OUTDIR --seed N     (writes OUTDIR/raw/* and OUTDIR/key.jsonl)
"""
import argparse
import datetime as dt
import hashlib
import html
import json
import os
import random
import sys
from email.message import EmailMessage
from email.utils import format_datetime

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build import build, narrative, numbered, LANG  # noqa: E402
import frames as F  # noqa: E402
import writers as W  # noqa: E402
from fillers import FILL  # noqa: E402

PARTNERS = {"Afghanistan", "Algeria", "Egypt", "Israel", "Japan", "Jordan", "Mongolia", "Morocco", "Republic of Korea", "Thailand", "Tunisia"}
DOCX_MIME = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")

# file, language, country, kind, style, letterhead, mission (NV subject), signature, place, date, options
CASES = [
    # ---------------- German ----------------
    dict(f="Deutschland_Antwort_OSZE-Fragebogen_THB.pdf", L="de", c="Germany", kind="letter_pdf", style="letter_pdf",
         lh=["Auswärtiges Amt", "Referat 203 – OSZE, Europarat, Menschenrechte", "Bundesrepublik Deutschland"],
         sign="Im Auftrag\nDr. Katrin Weber\nReferatsleiterin", place="Berlin", d=(2007, 3, 19),
         o=dict(long=True, ncm="both", nap="yes", nrm="no", xref=True, numbered_some=True)),
    dict(f="AUT_Verbalnote_2007-04-02.pdf", L="de", c="Austria", kind="nv_pdf", style="note_verbale_pdf",
         lh=["Ständige Vertretung Österreichs bei der OSZE", "Republik Österreich", "GZ. OSZE.4.31.07/0114"],
         mission="Die Ständige Vertretung Österreichs bei der OSZE", place="Wien", d=(2007, 4, 2),
         o=dict(ncm="working_group", nap="yes", nrm="no", vague={"ncm_civil_society_share"}, min2=True)),
    dict(f="Oesterreich_Verbalnote_Kopie.pdf", kind="duplicate", dup_of="AUT_Verbalnote_2007-04-02.pdf", style="duplicate"),
    dict(f="AUT_Beilage_Nationaler_Aktionsplan.pdf", L="de", c="Austria", kind="annex_nap_de", style="annex_action_plan"),
    dict(f="CH_fedpol_KSMM_Antwort.eml", L="de", c="Switzerland", kind="eml_plain", style="email_body_plain",
         sign="Freundliche Grüsse\n\nBeat Zürcher\nwissenschaftlicher Mitarbeiter\nBundesamt für Polizei fedpol\nKoordinationsstelle gegen Menschenhandel und Menschenschmuggel KSMM\nNussbaumstrasse 29, 3003 Bern",
         sender="beat.zuercher@fedpol.admin.ch", d=(2007, 3, 27),
         o=dict(ncm="working_group", nap="equiv", nrm="no", swiss=True, numbered_some=True)),
    dict(f="LIE_Regierung_Schreiben_OSZE.pdf", L="de", c="Liechtenstein", kind="letter_pdf", style="letter_pdf",
         lh=["Regierung des Fürstentums Liechtenstein", "Ressort Äusseres", "FL-9490 Vaduz"],
         sign="Für die Regierung:\nRegierungsrätin Andrea Büchel", place="Vaduz", d=(2007, 4, 11),
         o=dict(ncm="working_group", nap="prep", nrm="no", swiss=True)),
    dict(f="LIE_Fragebogen_Antwort.docx", L="de", c="Liechtenstein", kind="damaged", style="damaged_docx"),
    dict(f="Luxembourg_reponse_questionnaire_OSCE.eml", L="de", c="Luxembourg", kind="eml_attach", style="email_cover_fr_return_de_pdf",
         cover_L="fr", att="pdf", lh=["Großherzogtum Luxemburg", "Justizministerium", "Lux."],
         sign="Für den Minister\nMarc Schiltz\nRegierungsrat", place="Luxemburg", d=(2007, 4, 5), sender="secretariat@mj.etat.lu",
         o=dict(ncm="working_group", nap="none", nrm="no")),
    dict(f="FW_Ungarn_Fragebogen_Menschenhandel.eml", L="de", c="Hungary", kind="eml_fwd", style="email_forward_chain",
         lh=["Magyar Köztársaság Igazságügyi és Rendészeti Minisztérium"], place="Budapest",
         sign="Dr. Zsuzsanna Kovács\nAbteilung für internationale Zusammenarbeit\nMinisterium für Justiz und Polizei", d=(2007, 3, 22),
         sender="kovacs.zs@irm.gov.hu", o=dict(ncm="coordinator", nap="yes", nrm="yes")),
    # ---------------- Russian ----------------
    dict(f="RF_Nota_OBSE_torgovlya_lyudmi.pdf", L="ru", c="Russian Federation", kind="nv_pdf", style="note_verbale_pdf",
         lh=["ПОСТОЯННОЕ ПРЕДСТАВИТЕЛЬСТВО РОССИЙСКОЙ ФЕДЕРАЦИИ ПРИ ОБСЕ", "РФ · Вена", "№ 412/н"],
         mission="Постоянное представительство Российской Федерации при ОБСЕ", place="Вена", d=(2007, 4, 16),
         o=dict(long=True, ncm="working_group", nap="prep", nrm="no", numbered_some=True)),
    dict(f="Belarus_MVD_otvet.docx", L="ru", c="Belarus", kind="letter_docx", style="letter_docx",
         lh=["Рэспубліка Беларусь", "МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ РЕСПУБЛИКИ БЕЛАРУСЬ", "МВД РБ, г. Минск, ул. Городской Вал, 4"],
         sign="Заместитель Министра\nгенерал-майор милиции\nА. И. Кравченко", place="г. Минск", d=(2007, 3, 2),
         o=dict(ncm="both", nap="yes", nrm="yes", vague={"ncm_established_year"}, typo=True)),
    dict(f="Kazakhstan_reply_THB.eml", L="ru", c="Kazakhstan", kind="eml_attach", style="email_cover_en_return_ru_docx",
         cover_L="en", att="docx_numbered", lh=["Қазақстан Республикасы", "Министерство юстиции Республики Казахстан"],
         sign="", d=(2007, 5, 3), sender="mission.kz@osce-kz.at", o=dict(ncm="working_group", nap="yes", nrm="no")),
    dict(f="KR_otvet_voprosnik.eml", L="ru", c="Kyrgyzstan", kind="eml_plain_numbered", style="email_body_numbered",
         sign="С уважением,\nН. Абдыкадырова\nглавный специалист\nМИД КР", sender="nabdykadyrova@mfa.kg", d=(2007, 4, 24),
         o=dict(ncm="coordinator", nap="yes", nrm="no", drop=0.25)),
    dict(f="Tajikistan_pismo.txt", L="ru", c="Tajikistan", kind="letter_txt", style="letter_txt",
         lh=["РЕСПУБЛИКА ТАДЖИКИСТАН", "МИНИСТЕРСТВО ИНОСТРАННЫХ ДЕЛ", "РТ, г. Душанбе"],
         sign="Первый заместитель Министра\nС. Юсупов", place="г. Душанбе", d=(2007, 2, 27), o=dict(ncm="working_group", nap="yes", nrm="no")),
    dict(f="Uzbekistan_otvet.rtf", L="ru", c="Uzbekistan", kind="letter_rtf", style="letter_rtf",
         lh=["Ўзбекистон Республикаси", "Генеральная прокуратура Республики Узбекистан", "РУз"],
         sign="Начальник управления\nБ. Каримов", place="Ташкент", d=(2007, 5, 14), o=dict(ncm="working_group", nap="equiv", nrm="no")),
    dict(f="Armenia_Nota_2007.docx", L="ru", c="Armenia", kind="nv_docx", style="note_verbale_docx",
         lh=["Հայաստանի Հանրապետություն", "Постоянное представительство Республики Армения при ОБСЕ", "№ 07/238"],
         mission="Постоянное представительство Республики Армения при ОБСЕ", place="Вена", d=(2007, 3, 30),
         o=dict(ncm="working_group", nap="yes", nrm="no", xref=True)),
    dict(f="AZ_DIN_cavab.eml", L="ru", c="Azerbaijan", kind="eml_html", style="email_body_html",
         sign="С уважением,\nЭльчин Мамедов\nГлавное управление по борьбе с торговлей людьми\nAzərbaycan Respublikası Daxili İşlər Nazirliyi",
         sender="e.mamedov@mia.gov.az", d=(2007, 4, 9), o=dict(ncm="coordinator", nap="yes", nrm="yes")),
    dict(f="Moldova_MAI_raspuns.pdf", L="ru", c="Moldova", kind="letter_pdf", style="letter_pdf_contradictory",
         lh=["Republica Moldova", "Ministerul Afacerilor Interne", "Министерство внутренних дел Республики Молдова"],
         sign="Заместитель министра\nВ. Чобану", place="Кишинёв", d=(2007, 3, 12),
         o=dict(ncm="both", nap="yes", nrm="no", contra=True)),
    dict(f="Ukraina_vidpovid.odt", L="ru", c="Ukraine", kind="letter_odt", style="letter_odt",
         lh=["Україна", "Постійне представництво України при ОБСЄ", "Постоянное представительство Украины при ОБСЕ"],
         sign="Советник\nО. Коваленко", place="Вена", d=(2007, 4, 20), o=dict(ncm="working_group", nap="yes", amb_nrm=True)),
    dict(f="Gruziya_skan_pismo.pdf", L="ru", c="Georgia", kind="scan_pdf", style="scan_letter_pdf",
         lh=["МИНИСТЕРСТВО ЮСТИЦИИ ГРУЗИИ", "Тбилиси"], sign="Заместитель министра\nГ. Чиковани", place="Тбилиси", d=(2007, 4, 4),
         o=dict(ncm="coordinator", nap="yes", nrm="no")),
    # ---------------- Italian ----------------
    dict(f="ITA_Nota_verbale_OSCE_tratta.pdf", L="it", c="Italy", kind="nv_pdf", style="note_verbale_pdf",
         lh=["Rappresentanza Permanente d'Italia presso l'OSCE", "Repubblica Italiana", "Prot. n. 0712"],
         mission="La Rappresentanza Permanente d'Italia presso l'OSCE", place="Vienna", d=(2007, 4, 18),
         o=dict(long=True, ncm="working_group", nap="equiv", nrm="yes", vague={"ncm_established_year"})),
    dict(f="ITA_Allegato_Rapporto_Osservatorio_2006.pdf", L="it", c="Italy", kind="annex_report_it", style="annex_rapporteur_report"),
    dict(f="San_Marino_risposta_questionario.docx", L="it", c="San Marino", kind="letter_docx", style="letter_docx",
         lh=["Repubblica di San Marino", "Segreteria di Stato per gli Affari Esteri", "RSM – Palazzo Begni"],
         sign="Il Segretario di Stato\nMarco Gualandi", place="San Marino", d=(2007, 3, 8),
         o=dict(ncm="coordinator", nap="none", nrm="no", xref=False)),
    dict(f="Santa_Sede_lettera.pdf", L="it", c="Holy See", kind="letter_pdf", style="letter_pdf_short",
         lh=["Missione Permanente della Santa Sede presso l'OSCE", "Vienna"],
         sign="Mons. Paolo Ferretti\nRappresentante Permanente", place="Vienna", d=(2007, 5, 7),
         o=dict(ncm="no", nap="none", nrm="no", short=True)),
    dict(f="CZ_odpoved_dotaznik_2att.eml", L="it", c="Czech Republic", kind="eml_two_att", style="email_two_attachments",
         cover_L="en", lh=["Rep. Ceca", "Ministero dell'Interno – Dipartimento per la politica di sicurezza"],
         sign="Il Direttore del Dipartimento\nJan Novák", place="Praga", d=(2007, 4, 26), sender="thb@mvcr.cz",
         o=dict(ncm="working_group", nap="yes", nrm="no", typo=True)),
    dict(f="Albania_risposta.eml", L="it", c="Albania", kind="eml_html", style="email_body_html",
         sign="Cordiali saluti,\nElda Hoxha\nUfficio del Coordinatore Nazionale Antitratta\nRepublika e Shqipërisë – Ministria e Brendshme",
         sender="ehoxha@moi.gov.al", d=(2007, 3, 15), o=dict(vague={"nap_year"}, ncm="both", nap="yes", nrm="no")),
    dict(f="Croazia_lettera.txt", L="it", c="Croatia", kind="letter_txt", style="letter_txt",
         lh=["REPUBLIKA HRVATSKA", "Ured za ljudska prava Vlade RH", "Ufficio per i diritti umani del Governo della Rep. di Croazia"],
         sign="La Direttrice\nVesna Horvat Babić", place="Zagabria", d=(2007, 3, 21), o=dict(ncm="both", nap="yes", nrm="yes")),
    dict(f="Re_Sollecito_questionario_Slovenia.eml", L="it", c="Slovenia", kind="eml_quote", style="email_reply_quoted",
         sign="Cordiali saluti\nMatej Kranjc\nUfficio governativo per la tratta\nRepublika Slovenija", sender="matej.kranjc@gov.si", d=(2007, 5, 10),
         o=dict(ncm="coordinator", nap="yes", nrm="no")),
    # ---------------- Spanish ----------------
    dict(f="ESP_respuesta_cuestionario_OSCE.eml", L="es", c="Spain", kind="eml_plain", style="email_body_plain",
         sign="Un saludo,\n\nLucía Ortega Ruiz\nConsejera – Representación Permanente de España ante la OSCE", sender="lucia.ortega@maec.es",
         d=(2007, 3, 14), o=dict(ncm="working_group", nap="yes", nrm="no", numbered_some=True)),
    dict(f="RE_ESP_corrigendum_respuesta_OSCE.eml", L="es", c="Spain", kind="eml_corr", style="email_correction_reply", corr_of="ESP_respuesta_cuestionario_OSCE.eml",
         sign="Un saludo,\n\nLucía Ortega Ruiz", sender="lucia.ortega@maec.es", d=(2007, 3, 20)),
    dict(f="Andorra_carta_Govern.pdf", L="es", c="Andorra", kind="letter_pdf", style="letter_pdf",
         lh=["Principat d'Andorra", "Govern d'Andorra – Ministeri d'Afers Exteriors"],
         sign="La Ministra de Asuntos Exteriores\nJoan Pujol Rossell", place="Andorra la Vella", d=(2007, 4, 3),
         o=dict(ncm="coordinator", nap="none", nrm="no")),
    dict(f="Portugal_Nota_Verbal.docx", L="es", c="Portugal", kind="nv_docx", style="note_verbale_docx",
         lh=["República Portuguesa", "Missão Permanente de Portugal junto da OSCE", "N.º 127/07"],
         mission="La Misión Permanente de Portugal ante la OSCE", place="Viena", d=(2007, 4, 12),
         o=dict(ncm="both", nap="yes", nrm="yes", vague={"ncm_civil_society_share"})),
    dict(f="Chipre_respuesta.odt", L="es", c="Cyprus", kind="letter_odt", style="letter_odt",
         lh=["Κυπριακή Δημοκρατία", "República de Chipre – Ministerio de Justicia y Orden Público"],
         sign="Por el Secretario Permanente\nAndreas Georgiou", place="Nicosia", d=(2007, 4, 27), o=dict(ncm="working_group", nap="yes", nrm="no", typo=True)),
    dict(f="Grecia_cuestionario_cumplimentado.pdf", L="es", c="Greece", kind="form_pdf", style="questionnaire_retyped_pdf",
         lh=["Ελληνική Δημοκρατία", "Ministerio de Orden Público – Dirección de Seguridad"], place="Atenas", d=(2007, 3, 28),
         sign="Coronel Nikolaos Papadakis", o=dict(ncm="working_group", nap="yes", nrm="no")),
    dict(f="Bulgaria_carta.rtf", L="es", c="Bulgaria", kind="letter_rtf", style="letter_rtf",
         lh=["Република България", "Comisión Nacional de Lucha contra la Trata de Seres Humanos", "Rep. de Bulgaria"],
         sign="Secretaria de la Comisión\nMilena Petrova", place="Sofía", d=(2007, 5, 2), o=dict(ncm="both", nap="yes", nrm="no")),
    dict(f="Serbia_respuestas_intercaladas.eml", L="es", c="Serbia", kind="eml_inline", style="email_inline_answers",
         sign="Saludos cordiales,\nMilica Jovanović\nRepública de Serbia – Ministerio del Interior", sender="milica.jovanovic@mup.gov.rs", d=(2007, 4, 17),
         o=dict(vague={"nap_year"}, ncm="both", nap="yes", nrm="no", drop=0.2)),
    # ---------------- French ----------------
    dict(f="France_NV_questionnaire_traite.pdf", L="fr", c="France", kind="nv_pdf", style="note_verbale_pdf",
         lh=["RÉPUBLIQUE FRANÇAISE", "Représentation permanente de la France auprès de l'OSCE", "Rép. française – Vienne, N° 2007-0231"],
         mission="La Représentation permanente de la France auprès de l'OSCE", place="Vienne", d=(2007, 4, 23),
         o=dict(ncm="working_group", nap="prep", nrm="no", numbered_some=True)),
    dict(f="Belgique_SPF_Justice_lettre.docx", L="fr", c="Belgium", kind="letter_docx", style="letter_docx",
         lh=["Royaume de Belgique / Koninkrijk België", "SPF Justice – Service de la Politique criminelle", "Boulevard de Waterloo 115, 1000 Bruxelles"],
         sign="Le Directeur général\nJean-Paul Delvaux", place="Bruxelles", d=(2007, 3, 16), o=dict(long=True, ncm="working_group", nap="yes", nrm="yes")),
    dict(f="Monaco_reponse.eml", L="fr", c="Monaco", kind="eml_plain", style="email_body_plain",
         sign="Bien cordialement,\nCatherine Fautrier\nDirection des Affaires internationales\nPrincipauté de Monaco", sender="cfautrier@gouv.mc",
         d=(2007, 4, 30), o=dict(ncm="no", nap="none", nrm="no")),
    dict(f="Maroc_Note_verbale.pdf", L="fr", c="Morocco", kind="nv_pdf", style="note_verbale_pdf",
         lh=["ROYAUME DU MAROC", "Mission permanente auprès des Organisations internationales à Vienne", "N° 0419"],
         mission="La Mission permanente du Royaume du Maroc", place="Vienne", d=(2007, 5, 21), o=dict(ncm="working_group", nap="prep", nrm="no", amb_nrm=True)),
    dict(f="Tunisie_lettre.txt", L="fr", c="Tunisia", kind="letter_txt", style="letter_txt",
         lh=["RÉPUBLIQUE TUNISIENNE", "Ministère des Affaires étrangères"], sign="Le Directeur\nMohamed Ben Salah", place="Tunis",
         d=(2007, 6, 4), o=dict(ncm="coordinator", nap="equiv", nrm="no")),
    # ---------------- English ----------------
    dict(f="UK_Delegation_letter_THB_questionnaire.pdf", L="en", c="United Kingdom", kind="letter_pdf", style="letter_pdf",
         lh=["UK Delegation to the OSCE", "Foreign & Commonwealth Office", "Jaurèsgasse 12, 1030 Vienna"],
         sign="Jane Whitfield\nSecond Secretary (Human Dimension)", place="Vienna", d=(2007, 3, 9),
         o=dict(ncm="both", nap="yes", nrm="yes", vague={"ncm_established_year"})),
    dict(f="BiH_Note_Verbale_THB.docx", L="en", c="Bosnia and Herzegovina", kind="nv_docx", style="note_verbale_docx",
         lh=["Bosna i Hercegovina / Босна и Херцеговина", "BiH – Ministarstvo sigurnosti / Ministry of Security", "No. 01-34-2/07"],
         mission="The Permanent Mission of Bosnia and Herzegovina to the OSCE", place="Vienna", d=(2007, 4, 6),
         o=dict(ncm="both", nap="yes", nrm="no", min2=True, xref=True)),
    dict(f="Ireland_reply_html.eml", L="en", c="Ireland", kind="eml_html", style="email_body_html",
         sign="Regards,\nSeán Murphy\nAnti-Human Trafficking Unit\nDepartment of Justice, Equality and Law Reform", sender="smurphy@justice.ie",
         d=(2007, 5, 18), o=dict(ncm="coordinator", nap="prep", nrm="no")),
    dict(f="Japan_questionnaire_reply.docx", L="en", c="Japan", kind="form_docx", style="questionnaire_retyped_docx",
         lh=["Permanent Mission of Japan to the International Organizations in Vienna"], place="Vienna", d=(2007, 4, 25),
         sign="", o=dict(ncm="working_group", nap="yes", nrm="no")),
    dict(f="Malta_letter.txt", L="en", c="Malta", kind="letter_txt", style="letter_txt",
         lh=["MINISTRY FOR JUSTICE AND HOME AFFAIRS", "Valletta, Malta"], sign="Dr Joseph Camilleri\nPermanent Secretary", place="Valletta",
         d=(2007, 5, 28), o=dict(ncm="working_group", nap="none", nrm="no")),
]


def swissify(r):
    r.units = [(a, b, [s.replace("ß", "ss") for s in c], t) for a, b, c, t in r.units]
    for k, v in list(r.K.items()):
        r.K[k] = v.replace("ß", "ss")


def amb_nrm(r, L):
    r.units = [u for u in r.units if u[0] != "C"]
    for k in [k for k in r.K if k.startswith("nrm") or k.startswith("report")]:
        del r.K[k]
    r.u("C", [16], [F.AMB_NRM[L]], "C1")
    r.R.append("nrm_exists")


def make_answers(case, rng):
    o = dict(case.get("o", {}))
    r = build(case["L"], rng, o)
    if o.get("swiss"):
        swissify(r)
    if o.get("amb_nrm"):
        amb_nrm(r, case["L"])
    return r


def body_paras(case, r, rng):
    T = LANG[case["L"]]
    paras = narrative(r, rng, numbered_some=case.get("o", {}).get("numbered_some", False), qref=T["qref"])
    k = case["kind"]
    n = 0
    if k.startswith("letter") or k.startswith("nv") or k in ("eml_two_att", "eml_attach"):
        n = 6 if case.get("o", {}).get("long") else rng.randint(3, 5)
    elif k in ("eml_plain", "eml_html", "eml_fwd", "eml_quote"):
        n = rng.randint(1, 2)
    elif k == "scan_pdf":
        n = 1
    if case.get("o", {}).get("short"):
        n = 0
    fills = rng.sample(FILL[case["L"]], min(n, len(FILL[case["L"]])))
    if fills:
        paras.insert(0, fills[0])
        for f in fills[1:]:
            paras.insert(rng.randint(1, len(paras)), f)
    return paras


def letter_doc(case, r, rng, date, with_date=True):
    L = case["L"]
    right = [("%s, %s" % (case["place"], F.fmt_date(L, date, rng.randrange(2)))) if L != "de" or rng.random() < 0.5
             else "%s, den %s" % (case["place"], F.fmt_date(L, date, 0))] if with_date else []
    blocks = [("p", F.ADDR_LINE[L]),
              ("h", rng.choice(F.SUBJ[L])), ("p", rng.choice(F.SALUT[L])), ("p", rng.choice(F.INTRO[L]))]
    blocks += [("p", p) for p in body_paras(case, r, rng)]
    if "nap_exists" in r.K and r.K["nap_exists"] == "yes" and rng.random() < 0.5:
        blocks.append(("small", F.ANNEX_NOTE[L]))
    blocks.append(("p", rng.choice(F.CLOSE[L])))
    blocks.append(("sig", case.get("sign", "")))
    return dict(letterhead=case.get("lh", []), right=right, blocks=blocks, title=F.SUBJ[L][0])


def nv_doc(case, r, rng, date):
    L = case["L"]
    m = case["mission"]
    blocks = [("center", {"en": "NOTE VERBALE", "de": "VERBALNOTE", "ru": "НОТА", "fr": "NOTE VERBALE", "es": "NOTA VERBAL", "it": "NOTA VERBALE"}[L]),
              ("p", F.nv_open(L, m))]
    blocks += [("p", p) for p in body_paras(case, r, rng)]
    blocks.append(("p", F.nv_close(L, m)))
    blocks.append(("sig", "%s, %s" % (case["place"], F.fmt_date(L, date, rng.randrange(2)))))
    blocks.append(("small", {"en": "(seal)", "de": "(Siegel)", "ru": "(печать)", "fr": "(sceau)", "es": "(sello)", "it": "(timbro)"}[L]))
    return dict(letterhead=case["lh"], right=[], blocks=blocks, title="NV")


def form_doc(case, r, rng, date):
    L = case["L"]
    blocks = [("center", F.SUBJ[L][0])]
    for q, a in numbered(r, L, rng):
        blocks.append(("qa", (F.QL[L][q], a)))
    blocks.append(("p", "%s, %s" % (case["place"], F.fmt_date(L, date, 0))))
    if case.get("sign"):
        blocks.append(("sig", case["sign"]))
    return dict(letterhead=case["lh"], right=[], blocks=blocks, title=F.SUBJ[L][0])


def numbered_text(r, L, rng):
    T = LANG[L]
    out = []
    style = rng.randrange(3)
    for q, a in numbered(r, L, rng):
        out.append(["%s. " % q, T["qref"].format(n=q) + ": ", "%s) " % q][style] + a)
    return out


def plain_from_doc(doc):
    return W.txt_doc(doc, width=10 ** 6).replace("\r\n", "\n")


def eml(case, date, subject, body, html_body=None, attachments=(), frm=None, to="thb-questionnaire@osce.org", hour=10, msgid_seed=""):
    m = EmailMessage()
    m["From"] = frm or case.get("sender", "registry@mfa.example")
    m["To"] = to
    m["Subject"] = subject
    d = dt.datetime(date.year, date.month, date.day, hour, 17, 5, tzinfo=dt.timezone(dt.timedelta(hours=1 if date.month < 4 else 2)))
    m["Date"] = format_datetime(d)
    m["Message-ID"] = "<%s.%s@corpus-g.invalid>" % (int(hashlib.md5((msgid_seed or case["f"]).encode()).hexdigest()[:10], 16), date.isoformat())
    m.set_content(body)
    if html_body:
        m.add_alternative(html_body, subtype="html")
    for data, mt, st, fn in attachments:
        m.add_attachment(data, maintype=mt, subtype=st, filename=fn)
    return m.as_bytes()


def to_html(paras):
    return "<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial\">" + "".join(
        "<p>%s</p>" % html.escape(p, quote=False).replace("\n", "<br>") for p in paras) + "</body></html>"


def render(case, r, rng, outdir, ctx):
    """Returns (bytes, submitted_on, extra_text_for_check)."""
    L, kind = case["L"], case["kind"]
    date = dt.date(*case["d"])
    iso = date.isoformat()
    if kind in ("letter_pdf", "letter_docx", "letter_txt", "letter_rtf", "letter_odt", "scan_pdf"):
        doc = letter_doc(case, r, rng, date)
        if kind == "letter_pdf":
            return W.pdf_doc(doc, serif=rng.random() < 0.6, leading=21 if case["o"].get("long") else 16), iso
        if kind == "letter_docx":
            return W.docx_doc(doc), iso
        if kind == "letter_txt":
            return W.txt_doc(doc).encode("utf-8"), iso
        if kind == "letter_rtf":
            return W.rtf_doc(doc), iso
        if kind == "letter_odt":
            return W.odt_doc(doc), iso
        return W.scan_pdf(doc, rng, L), iso
    if kind in ("nv_pdf", "nv_docx"):
        doc = nv_doc(case, r, rng, date)
        return (W.pdf_doc(doc, leading=21 if case["o"].get("long") else 16) if kind == "nv_pdf" else W.docx_doc(doc)), iso
    if kind in ("form_pdf", "form_docx"):
        doc = form_doc(case, r, rng, date)
        return (W.pdf_doc(doc, serif=False) if kind == "form_pdf" else W.docx_doc(doc)), iso
    subj = rng.choice(F.SUBJ[L])
    if kind in ("eml_plain", "eml_html"):
        paras = [rng.choice(F.SALUT[L]), rng.choice(F.INTRO[L])] + body_paras(case, r, rng) + [case["sign"]]
        body = "\n\n".join(paras) + "\n"
        hb = to_html(paras) if kind == "eml_html" else None
        ctx["body"] = body
        return eml(case, date, subj, body, hb), iso
    if kind == "eml_plain_numbered":
        paras = [rng.choice(F.SALUT[L]), rng.choice(F.INTRO[L])] + numbered_text(r, L, rng) + ["", case["sign"]]
        return eml(case, date, "Re: " + subj, "\n".join(paras) + "\n"), iso
    if kind == "eml_attach":
        cov = rng.choice(F.COVER[case["cover_L"]])
        if case["att"] == "pdf":
            doc = letter_doc(case, r, rng, date - dt.timedelta(days=1))
            att = (W.pdf_doc(doc), "application", "pdf", "Antwort_Fragebogen_OSZE.pdf")
            sub = (date - dt.timedelta(days=1)).isoformat()
            cov += "\n\nService des relations internationales\nMinistère de la Justice, Luxembourg"
        else:  # numbered docx without its own date: submitted_on from the Date header
            doc = dict(letterhead=case["lh"], right=[], blocks=[("center", "ОТВЕТЫ НА ВОПРОСНИК ОБСЕ")] +
                       [("p", t) for t in numbered_text(r, L, rng)])
            att = (W.docx_doc(doc), DOCX_MIME[0], DOCX_MIME[1], "Otvety_voprosnik_OBSE_RK.docx")
            sub = iso
            cov += "\n\nAidar Zhunusov\nThird Secretary, Permanent Mission of the Republic of Kazakhstan to the OSCE"
        return eml(case, date, {"fr": "Réponse du Luxembourg – questionnaire OSCE", "en": "Kazakhstan - reply to questionnaire"}[case["cover_L"]],
                   cov + "\n", attachments=[att]), sub
    if kind == "eml_two_att":
        doc = letter_doc(case, r, rng, date - dt.timedelta(days=2))
        sub = (date - dt.timedelta(days=2)).isoformat()
        plan = W.pdf_doc(dict(letterhead=["Rep. Ceca"], right=[], blocks=[("h", F.ANNEX_PLAN_IT[0])] + [("p", t) for t in F.ANNEX_PLAN_IT[1:]]))
        cov = "Dear colleagues,\n\nAttached please find (1) the reply of the Czech Ministry of the Interior to the questionnaire (in Italian, as agreed with your office) and (2) for information, the national action plan.\n\nBest regards,\nPetra Dvořáková\nSecurity Policy Department"
        return eml(case, date, "CZ reply – OSCE THB questionnaire + action plan", cov + "\n",
                   attachments=[(W.docx_doc(doc), DOCX_MIME[0], DOCX_MIME[1], "Risposta_questionario_CZ.docx"),
                                (plan, "application", "pdf", "Piano_azione_nazionale_CZ.pdf")]), sub
    if kind == "eml_fwd":
        inner_paras = [rng.choice(F.SALUT[L]), rng.choice(F.INTRO[L])] + body_paras(case, r, rng) + \
                      ["%s, den %s" % (case["place"], F.fmt_date(L, date, 0)), case["sign"]]
        inner = "\n\n".join(inner_paras)
        sent = dt.datetime(date.year, date.month, date.day, 9, 42)
        body = ("Liebe Kolleginnen und Kollegen,\n\nbeigefügt leiten wir die Antwort des ungarischen Ministeriums weiter.\n\n"
                "Mit besten Grüßen\nStändige Vertretung der Republik Ungarn bei der OSZE\n\n"
                "-----Original Message-----\nFrom: Kovács Zsuzsanna [mailto:%s]\nSent: %s\nTo: HU Mission OSCE\nSubject: OSZE Fragebogen Menschenhandel - Antwort\n\n%s\n"
                % (case["sender"], sent.strftime("%A, %B %d, %Y %I:%M %p"), inner))
        return eml(case, date + dt.timedelta(days=4), "FW: OSZE Fragebogen Menschenhandel - Antwort", body, frm="hu.mission@kum.hu"), iso
    if kind == "eml_quote":
        paras = ["Gentili colleghi,", "rispondo al Vostro sollecito con le informazioni richieste."] + body_paras(case, r, rng) + [case["sign"]]
        q = ("Il giorno 02/05/2007 09:58, THB Unit <thb-questionnaire@osce.org> ha scritto:\n"
             "> Dear colleagues,\n>\n> This is a kind reminder that the questionnaire on co-ordinating and reporting\n"
             "> on anti-trafficking efforts has not yet been returned by your country.\n"
             "> We would be grateful for your reply by 15 May 2007.\n>\n> Kind regards,\n> THB Unit\n")
        return eml(case, date, "Re: Reminder - OSCE THB questionnaire", "\n\n".join(paras) + "\n\n" + q), iso
    if kind == "eml_inline":
        byq = dict(numbered(r, L, rng))
        lines = ["Estimados colegas:", "", "Respondemos a continuación, intercalando nuestras respuestas en su mensaje.", ""]
        lines.append("-----Mensaje original-----\nDe: THB Unit\nEnviado el: lunes, 5 de marzo de 2007 11:20\nAsunto: Cuestionario OSCE\n")
        for q in range(1, 24):
            lines.append("> " + F.QL[L][q])
            if q in byq:
                lines.append(byq[q])
            lines.append("")
        lines.append(case["sign"])
        return eml(case, date, "RE: Cuestionario OSCE", "\n".join(lines) + "\n"), iso
    raise ValueError(kind)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    random.seed(a.seed)  # e-mail MIME boundaries
    raw = os.path.join(a.outdir, "raw")
    os.makedirs(raw, exist_ok=True)
    for fn in os.listdir(raw):
        os.remove(os.path.join(raw, fn))
    keys, done = [], {}
    for case in CASES:
        rng = random.Random("%d|%s" % (a.seed, case["f"]))
        kind = case["kind"]
        entry = dict(file=case["f"])
        if kind == "duplicate":
            src = done[case["dup_of"]]
            data = src["data"]
            entry.update(expect="duplicate", country=src["entry"]["country"], language=src["entry"]["language"], style=case["style"],
                         duplicate_of=case["dup_of"], fields=dict(src["entry"]["fields"]), review_fields=list(src["entry"]["review_fields"]))
        elif kind in ("annex_nap_de", "annex_report_it"):
            lines = F.ANNEX_NAP_DE if kind == "annex_nap_de" else F.ANNEX_REPORT_IT
            data = W.pdf_doc(dict(letterhead=[], right=[], blocks=[("center", lines[0])] + [("p", t) for t in lines[1:]]), serif=False)
            entry.update(expect="not_a_return", country=case["c"], language=case["L"], style=case["style"], fields={}, review_fields=[])
        elif kind == "damaged":
            r = make_answers(dict(case, o=dict(ncm="working_group", nap="yes", nrm="no")), rng)
            full = W.docx_doc(letter_doc(dict(case, lh=["Fürstentum Liechtenstein"], place="Vaduz", sign="", d=(2007, 4, 10)), r, rng, dt.date(2007, 4, 10)))
            data = full[: len(full) * 2 // 5]
            entry.update(expect="error", country=case["c"], language=case["L"], style=case["style"], fields={}, review_fields=[])
        elif kind == "eml_corr":
            o = done[case["corr_of"]]
            K = dict(o["entry"]["fields"])
            old = K["nap_year"]
            new = str(int(old) - 1)
            K["nap_year"] = new
            K["submitted_on"] = dt.date(*case["d"]).isoformat()
            ob = o["ctx"]["body"]
            body = ("Estimados colegas:\n\nCorrigendum: en nuestro correo del 14 de marzo se indicó por error que el Plan Nacional se aprobó en %s. "
                    "El año correcto de aprobación es %s. El resto de las respuestas no varía.\n\nRogamos disculpen la molestia.\n\n%s\n\n"
                    "-----Mensaje original-----\nDe: Lucía Ortega Ruiz\nEnviado el: miércoles, 14 de marzo de 2007 10:17\nPara: THB Unit\n"
                    "Asunto: Respuesta al cuestionario de la OSCE\n\n%s" % (old, new, case["sign"], "\n".join("> " + l if l else ">" for l in ob.split("\n"))))
            data = eml(case, dt.date(*case["d"]), "RE: Respuesta al cuestionario de la OSCE – corrigendum", body)
            entry.update(expect="return", country=case["c"], language="es", style=case["style"], supersedes=case["corr_of"],
                         fields=K, review_fields=list(o["entry"]["review_fields"]))
        else:
            r = make_answers(case, rng)
            ctx = {}
            data, sub = render(case, r, rng, a.outdir, ctx)
            fields = dict(country=case["c"], respondent_type="partner_for_cooperation" if case["c"] in PARTNERS else "participating_state",
                          language=case["L"], submitted_on=sub)
            fields.update(r.K)
            entry.update(expect="return", country=case["c"], language=case["L"], style=case["style"], fields=fields,
                         review_fields=sorted(set(r.R)))
            done[case["f"]] = dict(entry=entry, data=data, ctx=ctx)
        done.setdefault(case["f"], dict(entry=entry, data=data, ctx={}))
        with open(os.path.join(raw, case["f"]), "wb") as fh:
            fh.write(data)
        keys.append(entry)
    with open(os.path.join(a.outdir, "key.jsonl"), "w", encoding="utf-8") as fh:
        for e in keys:
            fh.write(json.dumps(e, ensure_ascii=False, sort_keys=False) + "\n")
    print("wrote %d files" % len(keys))


if __name__ == "__main__":
    main()
