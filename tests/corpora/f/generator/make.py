# -*- coding: utf-8 -*-
"""Build corpus f: python generator/make.py OUTDIR --seed N
Writes OUTDIR/raw/* and OUTDIR/key.jsonl (deterministic for a given seed)."""
import argparse, json, os, random, shutil, subprocess, sys, tempfile, io
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lang import fmt_date, DATE_LBL, COUNTRY_LBL, B
from answers import make_answers, ITEM_FIELDS
import render, forms
from scans import scan_outputs
from annex import annex_it_nap, annex_ru_report

PARTNERS = {"Afghanistan", "Algeria", "Egypt", "Israel", "Japan", "Jordan", "Mongolia", "Morocco", "Republic of Korea", "Thailand", "Tunisia"}

SIGN = {"it": ["Il Direttore", "Il Capo Ufficio", "Per il Ministro"], "es": ["El Director General", "El Jefe de Gabinete", "Por el Ministro"],
        "ru": ["Директор Департамента", "Начальник управления", "Заместитель Министра"], "fr": ["Le Directeur", "Le Chef de service", "Pour le Ministre"],
        "en": ["Director", "Head of Unit", "For the Minister"]}
NAMES = {"it": ["Dott. Marco Bellini", "Avv. Giulia Ferraro", "Min. Plen. Luca Santoro"], "es": ["Fdo.: Javier Ortega Ruiz", "Fdo.: María del Carmen López", "Fdo.: Antonio Vidal"],
         "ru": ["А.В. Смирнов", "Н.К. Ибраимова", "С.П. Ковальчук"], "fr": ["Jean-Pierre Lambert", "Anne-Sophie Dubois", "Marc Wagner"],
         "en": ["Sarah O'Neill", "Michael Carter", "J. Thompson"]}

# file, lang(answers), qlang, country, cname(in qlang), style, cycle date, renderer options
SPECS = [
 # ---------------- Italian
 dict(file="IT_Italia_questionario_tratta_2007.pdf", lang="it", country="Italy", cname="Italia", kind="table", style="ruled_table_2col_box",
      date=(2007, 11, 26), cols=2, mark="box", subrows=True, qmode="long", split=False, vague=("ncm_established_year",), ncm=True,
      letterhead=["Ministero degli Affari Esteri", "Direzione Generale per gli Affari Politici e di Sicurezza – Ufficio OSCE"]),
 dict(file="SanMarino_risposta_OSCE_2008.pdf", lang="it", country="San Marino", cname="Repubblica di San Marino", kind="table", style="ruled_table_3col_comments",
      date=(2008, 1, 14), cols=3, mark="brk", subrows=False, qmode="short", xref=("nap_challenges",), ncm=True, nap=True,
      letterhead=["Repubblica di San Marino", "Segreteria di Stato per gli Affari Esteri e Politici"]),
 dict(file="SantaSede_questionario.pdf", lang="it", country="Holy See", cname="Santa Sede", kind="table", style="ruled_table_yes_no_columns",
      date=None, cols="x", mark="word", subrows=True, qmode="long", ncm=False, nap=False, nrm=False,
      letterhead=["Missione Permanente della Santa Sede presso l'OSCE", "Vienna"]),
 dict(file="Italia_aggiornamento_2011.pdf", lang="it", country="Italy", cname="Italia", kind="table", style="ruled_table_2col_word_split",
      date=(2011, 5, 9), cols=2, mark="word", subrows=True, qmode="long", split=True, ncm=True, nap=True, nrm=True, two_portfolio=True,
      letterhead=["Presidenza del Consiglio dei Ministri", "Dipartimento per le Pari Opportunità"], cycle=2011),
 dict(file="RSM_modulo_compilabile_2011.pdf", lang="it", country="San Marino", cname="Repubblica di San Marino", kind="form", style="acroform_meaningful_radio",
      date=(2011, 3, 2), layout="beside", names="meaningful", yn="radio", opts="checks", tooltips=True, cycle=2011,
      letterhead=["Repubblica di San Marino", "Segreteria di Stato per gli Affari Esteri"]),
 dict(file="Croazia_modulo_OSCE.pdf", lang="it", country="Croatia", cname="Repubblica di Croazia", kind="form", style="acroform_translit_cells",
      date=(2007, 12, 18), layout="cells", names="translit_it", yn="checks", opts="checks", on="On",
      letterhead=["Repubblica di Croazia", "Ufficio governativo per i diritti umani"]),
 dict(file="Malta_risposte_questionario.docx", lang="it", country="Malta", cname="Malta", kind="docx", style="docx_table_box",
      date=(2008, 2, 6), cols=2, mark="box", subrows=True, qmode="short", drop=0.1,
      letterhead=["Rappresentanza Permanente di Malta presso l'OSCE", "Vienna"]),
 dict(file="Montenegro_EN-IT_questionnaire.pdf", lang="it", qlang="en", country="Montenegro", cname="Montenegro", kind="table", style="mixed_q_en_a_it_table",
      date=(2007, 12, 3), cols=2, mark="word", subrows=False, qmode="long", ncm=True, nap=True, vague=("nap_year",),
      letterhead=["Government of Montenegro", "Ministry of Foreign Affairs"]),
 dict(file="Slovenia_scansione_questionario.pdf", lang="it", country="Slovenia", cname="Slovenia", kind="scan", scan="pdf", style="scan_pdf_of_images",
      date=(2008, 1, 30), cols=2, mark="box", subrows=False, qmode="short", stamp="PERVENUTO",
      letterhead=["Repubblica di Slovenia – Ministero dell'Interno", "Ufficio del Coordinatore nazionale"]),
 dict(file="Piano_nazionale_azione_estratto.pdf", lang="it", country="Italy", kind="annex_it", style="annex_action_plan", expect="not_a_return"),
 dict(file="Albania_questionario_tratta.pdf", lang="it", country="Albania", cname="Albania", kind="damaged", style="damaged_truncated_pdf", expect="error",
      date=(2008, 3, 3), cols=2, mark="box", subrows=True, qmode="long", letterhead=["Repubblica d'Albania", "Ministero dell'Interno"]),
 dict(file="Italia_risposta_email_2009.eml", lang="it", country="Italy", cname="Italia", kind="email", style="email_body_numbered",
      date=None, maildate=(2009, 6, 22), cycle=2009, ncm=True, nap=True, drop=0.15,
      frm="Ufficio OSCE <osce.ufficio@esteri.example.it>", subject="Questionario OSCE tratta – risposta dell'Italia (aggiornamento 2009)",
      body_head=["Gentili colleghi,", "in riscontro alla Vostra richiesta, si trasmettono di seguito le risposte aggiornate dell'Italia.", ""]),
 dict(file="SantaSede_2011_tabella.docx", lang="it", country="Holy See", cname="Santa Sede", kind="docx", style="docx_table_3col_brk",
      date=(2011, 10, 4), cols=3, mark="brk", subrows=False, qmode="long", ncm=False, nap=True, nrm=False, cycle=2011,
      letterhead=["Missione Permanente della Santa Sede", "presso l'Organizzazione per la Sicurezza e la Cooperazione in Europa"]),
 dict(file="Svizzera_questionario_IT.pdf", lang="it", country="Switzerland", cname="Svizzera", kind="lo_table", style="libreoffice_table_from_docx",
      date=(2007, 10, 29), cols=3, mark="box", subrows=True, qmode="short", split=True, ncm=True, nrm=True, vague=("ncm_civil_society_share",),
      letterhead=["Confederazione Svizzera", "Dipartimento federale di giustizia e polizia DFGP", "Ufficio federale di polizia fedpol – SCOTT"]),
 # ---------------- Spanish
 dict(file="ES_cuestionario_OSCE_trata_2007.pdf", lang="es", country="Spain", cname="España", kind="table", style="ruled_table_2col_word",
      date=(2007, 12, 11), cols=2, mark="word", subrows=True, qmode="long", ncm=True, nap=True, nrm=False,
      letterhead=["MINISTERIO DEL INTERIOR", "Secretaría de Estado de Seguridad", "Gabinete de Coordinación y Estudios"]),
 dict(file="Copia_de_ES_cuestionario_OSCE_trata_2007.pdf", lang="es", country="Spain", kind="dup", dup_of="ES_cuestionario_OSCE_trata_2007.pdf",
      style="ruled_table_2col_word", expect="duplicate"),
 dict(file="Espana_formulario_2009.pdf", lang="es", country="Spain", cname="España", kind="form", style="acroform_generic_names",
      date=(2009, 4, 17), layout="under", names="generic", yn="checks", opts="checks", ncm=True, nrm=True, xref=("nrm_established_year",), cycle=2009,
      letterhead=["MINISTERIO DEL INTERIOR", "Secretaría de Estado de Seguridad"]),
 dict(file="Espana_2011_escaneado.tif", lang="es", country="Spain", cname="España", kind="scan", scan="tif", style="scan_multipage_tif",
      date=(2011, 2, 21), cols=2, mark="brk", subrows=True, qmode="short", cycle=2011, stamp="REGISTRO ENTRADA",
      letterhead=["MINISTERIO DE IGUALDAD", "Delegación del Gobierno para la Violencia de Género"]),
 dict(file="Andorra_respuesta_cuestionario.pdf", lang="es", country="Andorra", cname="Principado de Andorra", kind="table", style="ruled_table_3col_comments",
      date=(2007, 11, 20), cols=3, mark="brk", subrows=True, qmode="short", ncm=True, nap=True,
      letterhead=["Govern d'Andorra", "Ministerio de Asuntos Exteriores, Cultura y Cooperación"]),
 dict(file="Andorra_respuesta_cuestionario_REV1.pdf", lang="es", country="Andorra", cname="Principado de Andorra", kind="table", style="ruled_table_3col_comments_corrected",
      date=(2008, 1, 22), cols=3, mark="brk", subrows=True, qmode="short", ncm=True, nap=True, supersedes="Andorra_respuesta_cuestionario.pdf",
      letterhead=["Govern d'Andorra", "Ministerio de Asuntos Exteriores, Cultura y Cooperación", "VERSIÓN REVISADA (REV. 1) – anula y sustituye la remitida el 20 de noviembre de 2007"]),
 dict(file="Andorra_formulario_2009.pdf", lang="es", country="Andorra", cname="Andorra", kind="form", style="acroform_radio_partial",
      date=(2009, 9, 8), layout="beside", names="meaningful", yn="radio", opts="text", partial_after="q9b", cycle=2009, ncm=True,
      letterhead=["Govern d'Andorra"]),
 dict(file="Portugal_cuestionario_trata.pdf", lang="es", country="Portugal", cname="Portugal", kind="table", style="ruled_table_yes_no_columns",
      date=(2008, 2, 15), cols="x", mark="word", subrows=True, qmode="short", split=True, ncm=True, nrm=True,
      letterhead=["Misión Permanente de Portugal ante la OSCE", "Viena"]),
 dict(file="Portugal_2011_respuestas.docx", lang="es", country="Portugal", cname="Portugal", kind="docx", style="docx_table_word",
      date=(2011, 6, 30), cols=2, mark="word", subrows=False, qmode="long", cycle=2011, ncm=True,
      letterhead=["Misión Permanente de Portugal ante la OSCE"]),
 dict(file="Marruecos_correo_respuesta.eml", lang="es", country="Morocco", cname="Marruecos", kind="email", style="email_body_numbered",
      date=None, maildate=(2008, 3, 12), ncm=False, nrm=False, frm="Embajada del Reino de Marruecos <embajada.marruecos@example.ma>",
      subject="RE: Cuestionario OSCE – coordinación y presentación de informes sobre la trata",
      body_head=["Estimados señores:", "Adjuntamos a continuación las respuestas del Reino de Marruecos al cuestionario.", ""]),
 # ---------------- Russian
 dict(file="RF_anketa_OBSE_2007.pdf", lang="ru", country="Russian Federation", cname="Российская Федерация", kind="table", style="ruled_table_2col_box_split",
      date=(2007, 12, 24), cols=2, mark="box", subrows=True, qmode="long", split=True, ncm=True, nap=False, nrm=False, two_portfolio=True,
      letterhead=["МИНИСТЕРСТВО ИНОСТРАННЫХ ДЕЛ РОССИЙСКОЙ ФЕДЕРАЦИИ", "Департамент по вопросам новых вызовов и угроз"]),
 dict(file="Belarus_otvety_tablitsa.pdf", lang="ru", country="Belarus", cname="Республика Беларусь", kind="table", style="ruled_table_yes_no_columns",
      date=(2008, 1, 9), cols="x", mark="word", subrows=True, qmode="long", split=True, ncm=True, nap=True, nrm=True,
      letterhead=["Министерство внутренних дел Республики Беларусь", "Департамент по противодействию торговле людьми"]),
 dict(file="Kazakhstan_voprosnik.pdf", lang="ru", country="Kazakhstan", cname="Республика Казахстан", kind="table", style="ruled_table_3col_combined",
      date=(2008, 2, 27), cols=3, mark="box", subrows=False, qmode="long", ncm=True, nrm=True, vague=("nrm_established_year",),
      letterhead=["Министерство юстиции Республики Казахстан"]),
 dict(file="Kyrgyzstan_otvety.pdf", lang="ru", country="Kyrgyzstan", cname="Кыргызская Республика", kind="table", style="ruled_table_2col_word",
      date=(2007, 11, 30), cols=2, mark="word", subrows=True, qmode="short", ncm=True, nap=True, nrm=False, contradict=True,
      letterhead=["Министерство иностранных дел Кыргызской Республики"]),
 dict(file="Ukraina_forma.pdf", lang="ru", country="Ukraine", cname="Украина", kind="form", style="acroform_translit_tooltips",
      date=(2008, 3, 19), layout="beside", names="translit_ru", yn="checks", opts="checks", tooltips=True, ncm=True, nap=True,
      letterhead=["Министерство Украины по делам семьи, молодёжи и спорта"]),
 dict(file="Moldova_forma_chastichno.pdf", lang="ru", country="Moldova", cname="Республика Молдова", kind="form", style="acroform_generic_partial",
      date=(2007, 12, 5), layout="under", names="generic", yn="checks", opts="checks", partial_after="q8", ncm=True,
      letterhead=["Постоянное представительство Республики Молдова при ОБСЕ"]),
 dict(file="Armenia_forma_OBSE.pdf", lang="ru", country="Armenia", cname="Республика Армения", kind="form", style="acroform_translit_radio",
      date=(2008, 1, 25), layout="under", names="translit_ru", yn="radio", opts="text", na_text=True, ncm=True, nrm=True, nap=True, vague=("nap_year",),
      letterhead=["Министерство иностранных дел Республики Армения"]),
 dict(file="Mongolia_forma_pechat.pdf", lang="ru", country="Mongolia", cname="Монголия", kind="form", style="acroform_flattened",
      date=(2008, 2, 4), layout="cells", names="generic", yn="checks", opts="checks", flatten=True, ncm=True, nap=True,
      letterhead=["Постоянное представительство Монголии при ОБСЕ", "Вена"]),
 dict(file="Tadzhikistan_skan.pdf", lang="ru", country="Tajikistan", cname="Республика Таджикистан", kind="scan", scan="pdf", style="scan_pdf_of_images",
      date=(2007, 12, 12), cols=3, mark="box", subrows=True, qmode="short", stamp="ПОЛУЧЕНО", ncm=True,
      letterhead=["Министерство внутренних дел Республики Таджикистан"]),
 dict(file="Doklad_natsionalnogo_dokladchika_2007.pdf", lang="ru", country="Belarus", kind="annex_ru", style="annex_rapporteur_report", expect="not_a_return"),
 # ---------------- French
 dict(file="Belgique_questionnaire_OSCE.pdf", lang="fr", country="Belgium", cname="Belgique", kind="table", style="ruled_table_2col_box",
      date=(2007, 12, 17), cols=2, mark="box", subrows=True, qmode="long", ncm=True, nrm=True, vague=("ncm_civil_society_share",),
      letterhead=["Royaume de Belgique", "SPF Justice – Service de la Politique criminelle"]),
 dict(file="Luxembourg_reponses_tableau.pdf", lang="fr", country="Luxembourg", cname="Grand-Duché de Luxembourg", kind="table", style="ruled_table_3col_combined",
      date=(2008, 1, 31), cols=3, mark="brk", subrows=False, qmode="short", split=True, ncm=True, nap=False,
      letterhead=["Grand-Duché de Luxembourg", "Ministère de la Justice"]),
 dict(file="France_formulaire_OSCE.pdf", lang="fr", country="France", cname="France", kind="form", style="acroform_meaningful_cells",
      date=(2008, 2, 20), layout="cells", names="meaningful", yn="checks", opts="checks", tooltips=True, ncm=True, nap=True, nrm=False,
      letterhead=["République française", "Ministère des Affaires étrangères et européennes"]),
 dict(file="Tunisie_formulaire_partiel.pdf", lang="fr", country="Tunisia", cname="Tunisie", kind="form", style="acroform_generic_partial",
      date=None, layout="beside", names="generic", yn="text", opts="checks", partial_after="q9b", ncm=True,
      letterhead=["République Tunisienne", "Ministère des Affaires Étrangères"]),
 dict(file="Monaco_scan_p1.jpg", lang="fr", country="Monaco", cname="Principauté de Monaco", kind="scan", scan="jpg", style="scan_jpg_page1",
      date=(2008, 3, 6), cols=2, mark="box", subrows=True, qmode="long", stamp="REÇU", ncm=True,
      letterhead=["Principauté de Monaco", "Direction de la Sûreté Publique"]),
 dict(file="Algerie_reponses.docx", lang="fr", country="Algeria", cname="Algérie", kind="docx", style="docx_table_3col_brk",
      date=(2008, 1, 16), cols=3, mark="brk", subrows=True, qmode="long", ncm=False, nap=False, nrm=False,
      letterhead=["République Algérienne Démocratique et Populaire", "Ministère des Affaires Étrangères"]),
 # ---------------- English
 dict(file="Ireland_OSCE_questionnaire_table.pdf", lang="en", country="Ireland", cname="Ireland", kind="lo_table", style="libreoffice_table_from_docx",
      date=(2008, 2, 1), cols=3, mark="box", subrows=True, qmode="long", ncm=True, nap=True, nrm=True, xref=("nrm_challenges",), two_portfolio=True,
      letterhead=["Department of Justice, Equality and Law Reform", "Anti-Human Trafficking Unit"]),
 dict(file="UK_fillable_return.pdf", lang="en", country="United Kingdom", cname="United Kingdom", kind="form", style="acroform_meaningful_swapped_names",
      date=(2007, 11, 12), layout="beside", names="meaningful", yn="checks", opts="checks", tooltips=True, ncm=True, nap=True,
      swap=(("q9a", "q9b"), ("q9b", "q9a"), ("q21a", "q21b"), ("q21b", "q21a")), nrm=True,
      letterhead=["Home Office", "Crime Reduction and Community Safety Group"]),
 dict(file="Japan_questionnaire_form.pdf", lang="en", country="Japan", cname="Japan", kind="form", style="acroform_meaningful_radio",
      date=(2008, 3, 14), layout="beside", names="meaningful", yn="radio", opts="checks", ncm=True, nap=True, xref=("nap_challenges",),
      letterhead=["Permanent Mission of Japan to the International Organizations in Vienna"]),
 dict(file="Georgia_RU-EN_return.docx", lang="en", qlang="ru", country="Georgia", cname="Грузия", kind="docx", style="mixed_q_ru_a_en_docx",
      date=(2008, 1, 28), cols=2, mark="word", subrows=True, qmode="long", ncm=True,
      letterhead=["Ministry of Justice of Georgia"]),
 dict(file="USA_response.docx", lang="en", country="United States of America", cname="United States", kind="docx", style="docx_table_box",
      date=(2007, 12, 20), cols=2, mark="box", subrows=False, qmode="short", ncm=True, nap=False, vague=("ncm_established_year",),
      letterhead=["United States Department of State", "Office to Monitor and Combat Trafficking in Persons"]),
]


def head_foot(spec, rng):
    ql, al = spec["qlang"], spec["lang"]
    head = [f"{COUNTRY_LBL[ql]}: {spec['cname']}"]
    foot = []
    if spec.get("date"):
        ds = fmt_date(al, spec["date"], rng.randrange(3))
        if rng.random() < .5 or spec.get("scan") == "jpg":
            head.append(f"{DATE_LBL[ql]}: {ds}")
        else:
            foot.append(ds)
    foot += [rng.choice(SIGN[al]), rng.choice(NAMES[al])]
    return head, foot


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=2007)
    a = ap.parse_args()
    out = a.outdir
    raw = os.path.join(out, "raw")
    if os.path.isdir(raw):
        shutil.rmtree(raw)
    os.makedirs(raw)
    keys = {}
    tmp = tempfile.mkdtemp()
    for idx, s in enumerate(SPECS):
        rng = random.Random(a.seed * 1000 + idx)
        s = dict(s)
        s.setdefault("qlang", s["lang"])
        s["alang"] = s["lang"]
        s.setdefault("numfmt", rng.randrange(3))
        s.setdefault("qmode", rng.choice(["long", "short"]))
        render.TYPO.update(on=rng.random() < 0.4, rng=random.Random(a.seed * 31 + idx))
        path = os.path.join(raw, s["file"])
        entry = {"file": s["file"], "expect": s.get("expect", "return"), "country": s["country"], "language": s["lang"], "style": s["style"]}
        if s["kind"] == "dup":
            shutil.copyfile(os.path.join(raw, s["dup_of"]), path)
            entry["duplicate_of"] = s["dup_of"]
            entry["fields"] = dict(keys[s["dup_of"]]["fields"]); entry["review_fields"] = list(keys[s["dup_of"]]["review_fields"])
            keys[s["file"]] = entry
            continue
        if s["kind"] == "annex_it":
            annex_it_nap(path); entry.update(fields={}, review_fields=[]); keys[s["file"]] = entry; continue
        if s["kind"] == "annex_ru":
            annex_ru_report(path); entry.update(fields={}, review_fields=[]); keys[s["file"]] = entry; continue
        arng = random.Random(a.seed * 7919 + idx)
        if s.get("supersedes"):   # corrected return: same draw as the original, then amended
            oi = [x["file"] for x in SPECS].index(s["supersedes"])
            arng = random.Random(a.seed * 7919 + oi)
        A = make_answers(arng, s["lang"], ncm=s.get("ncm"), nap=s.get("nap"), nrm=s.get("nrm"), vague=s.get("vague", ()),
                         xref=s.get("xref", ()), drop=s.get("drop", 0.05 if s["kind"] != "form" else 0.0), contradict=s.get("contradict", False),
                         partial_after=s.get("partial_after"), two_portfolio=s.get("two_portfolio", False))
        if s.get("supersedes"):
            amend(A, s["lang"])
        head, foot = head_foot(s, rng)
        s["head"], s["foot"] = head, foot
        s["author"] = rng.choice(["", "utente", "admin", "Secretaria", "user01", "pc-osce"])
        f = {"country": s["country"], "respondent_type": "partner_for_cooperation" if s["country"] in PARTNERS else "participating_state",
             "language": s["lang"]}
        if s.get("date"):
            f["submitted_on"] = "%04d-%02d-%02d" % s["date"]
        form_expect = None
        if s["kind"] == "table":
            render.table_pdf(path, s, A, rng)
        elif s["kind"] == "lo_table":
            render.lo_pdf(path, s, A, rng, tmp)
        elif s["kind"] == "damaged":
            tp = os.path.join(tmp, "dmg.pdf")
            render.table_pdf(tp, s, A, rng)
            data = open(tp, "rb").read()
            open(path, "wb").write(data[: int(len(data) * 0.38)])
            entry.update(fields={}, review_fields=[]); keys[s["file"]] = entry; continue
        elif s["kind"] == "docx":
            render.docx_return(path, s, A, rng)
        elif s["kind"] == "form":
            form_expect = forms.form_pdf(path, s, A, rng)
        elif s["kind"] == "email":
            s["from"] = s["frm"]; s["to"] = "osce-thb-questionnaire@example.org"
            s["foot"] = foot
            render.email_return(path, s, A, rng)
            y, m, d = s["maildate"]
            f["submitted_on"] = "%04d-%02d-%02d" % (y, m, d)
        elif s["kind"] == "scan":
            tp = os.path.join(tmp, f"scan{idx}.pdf")
            log = {}
            render.table_pdf(tp, s, A, rng, pagelog=log)
            scan_outputs(tp, path, s["scan"], s.get("stamp", ""), rng)
            if s["scan"] == "jpg":   # only page 1 is in the file
                keep = set()
                for k, pg in log.items():
                    if pg == 1:
                        keep |= set(ITEM_FIELDS[k])
                for fld in list(A.fields):
                    if fld not in keep:
                        del A.fields[fld]
                A.review = [r for r in A.review if r in keep]
                entry["note"] = "page 1 only"
        fields = dict(f)
        fields.update(A.fields)
        entry["fields"] = fields
        entry["review_fields"] = sorted(set(A.review))
        if s.get("supersedes"):
            entry["supersedes"] = s["supersedes"]
        if form_expect is not None:
            entry["_form_values"] = form_expect
        keys[s["file"]] = entry
    with open(os.path.join(out, "key.jsonl"), "w", encoding="utf-8") as fh:
        for s in SPECS:
            e = dict(keys[s["file"]])
            e.pop("_form_values", None); e.pop("note", None)
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "generator", "form_values.json") if os.path.isdir(os.path.join(out, "generator")) else os.path.join(tmp, "fv.json"), "w") as fh:
        json.dump({k: v["_form_values"] for k, v in keys.items() if "_form_values" in v}, fh, ensure_ascii=False, indent=0)
    shutil.rmtree(tmp)


def amend(A, lang):
    """corrigendum: the revised return changes a few answers"""
    F, R = A.fields, A.rows
    if "nap_year" in F:
        ny = int(F["nap_year"]) + 1 if int(F["nap_year"]) < 2007 else 2006
        F["nap_year"] = str(ny)
        from answers import ADOPTED
        if isinstance(R.get("q9a"), tuple) and R["q9a"][1]["v"] == "yes":
            R["q9a"][1]["extra"] = ADOPTED[lang].format(y=ny)
        elif isinstance(R.get("q9b"), tuple):
            R["q9b"][1]["extra"] = B[lang]["eq"][0] + " " + ADOPTED[lang].format(y=ny)
    if "ncm_budget" in F and isinstance(R.get("q5"), tuple):
        if F["ncm_budget"] == "no":
            F["ncm_budget"] = "yes"; F["ncm_budget_covers"] = B[lang]["budget_covers"][1]
            R["q5"] = ("yn", {"v": "yes", "extra": F["ncm_budget_covers"]})
        else:
            F["ncm_budget"] = "no"; F.pop("ncm_budget_covers", None)
            R["q5"] = ("yn", {"v": "no", "extra": ""})


if __name__ == "__main__":
    main()
