# -*- coding: utf-8 -*-
"""Build corpus d: python generator/make.py OUTDIR --seed N
Writes OUTDIR/raw/*, OUTDIR/key.jsonl (and OUTDIR/README.md when --readme)."""
import argparse
import copy
import json
import os
import random
import shutil
import sys
import tempfile
from email import encoders
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lang as LG  # noqa: E402
import answers as AN  # noqa: E402
import narrative as NA  # noqa: E402
import render as R  # noqa: E402
import nonreturns as NR  # noqa: E402
from profiles import profiles  # noqa: E402

SUBMISSION = ("country", "respondent_type", "language", "submitted_on")

OPENING = {
    "UZ": "Постоянное представительство Республики Узбекистан при ОБСЕ свидетельствует свое уважение Секретариату ОБСЕ и, ссылаясь на вопросник «Координация и отчетность в сфере противодействия торговле людьми в регионе ОБСЕ», имеет честь сообщить следующее.",
    "VA": "La Mission permanente du Saint-Siège auprès de l'OSCE présente ses compliments au Secrétariat de l'OSCE et, se référant au questionnaire intitulé « Coordination et rapports sur les efforts de lutte contre la traite des êtres humains dans la région de l'OSCE », a l'honneur de lui communiquer ce qui suit.",
    "FR": "La Représentation permanente de la France auprès de l'OSCE présente ses compliments au Secrétariat de l'OSCE et a l'honneur de lui faire parvenir, en réponse au questionnaire relatif à la coordination et aux rapports en matière de lutte contre la traite des êtres humains, les éléments d'information suivants.",
    "IL": "The Permanent Mission of Israel to the International Organizations in Vienna presents its compliments to the OSCE Secretariat and, with reference to the questionnaire on co-ordinating and reporting on efforts to combat trafficking in human beings, has the honour to convey the following information.",
    "LU": "Sehr geehrte Damen und Herren,\n\nbezugnehmend auf Ihren Fragebogen zur Koordinierung und Berichterstattung im Bereich der Bekämpfung des Menschenhandels dürfen wir Ihnen Folgendes mitteilen.",
}
CLOSING = {
    "UZ": "Постоянное представительство Республики Узбекистан при ОБСЕ пользуется случаем, чтобы возобновить Секретариату ОБСЕ уверения в своем высоком уважении.",
    "VA": "La Mission permanente du Saint-Siège saisit cette occasion pour renouveler au Secrétariat de l'OSCE les assurances de sa haute considération.",
    "FR": "La Représentation permanente de la France auprès de l'OSCE saisit cette occasion pour renouveler au Secrétariat de l'OSCE les assurances de sa haute considération.",
    "IL": "The Permanent Mission of Israel avails itself of this opportunity to renew to the OSCE Secretariat the assurances of its highest consideration.",
}
EXTRA = {
    "VA": "Il convient de rappeler que, compte tenu de la nature particulière de l'État de la Cité du Vatican, les questions relatives à la coordination nationale se posent de manière très différente. Le Saint-Siège soutient toutefois activement, par l'intermédiaire des institutions de l'Église, l'accueil et l'accompagnement des victimes de la traite.",
}


def date_str(p):
    if not p.get("date"):
        return None
    y, m, d = p["date"]
    return p.get("date_prefix", "") + LG.fmt_date(p["lang"], y, m, d, p.get("date_form", 0))


def gen(p, seed):
    rng = random.Random(f"{seed}:{p['id']}")
    r = AN.gen_record(p, rng)
    o = dict(p.get("opts", {}))
    items = AN.build_items(p, r, rng, yesno_case=o.get("yesno_case", 0), letters=o.get("letters", True),
                           multi_letters=o.get("multi_letters", False), na_style=o.get("na_style", "na"))
    return r, items, rng


def write_eml(p, items, path):
    att = os.path.join(tempfile.mkdtemp(), "Otvety_RF_voprosnik_OBSE.docx")
    R.docx_form(p, items, att, layout="para", prefix="Ответ:")
    msg = MIMEMultipart()
    msg["From"] = formataddr(("Permanent Mission of the Russian Federation to the OSCE", "delegation@rf-mission-osce.example"))
    msg["To"] = "thb-survey@osce-secretariat.example"
    msg["Date"] = "Thu, 26 Apr 2007 10:12:44 +0200"
    msg["Subject"] = "FW: RF reply to THB questionnaire"
    msg["Message-ID"] = "<20070426081244.4711@rf-mission-osce.example>"
    body = ("Dear colleagues,\n\n"
            "Please find attached the reply of the Russian Federation to the OSCE questionnaire on co-ordinating and "
            "reporting on efforts to combat trafficking in human beings, as prepared by the Ministry of Internal Affairs. "
            "The text is available in Russian only.\n\n"
            "Best regards,\nI. Petrov\nThird Secretary\n\n"
            "-------- Пересылаемое сообщение --------\n"
            "От: Департамент по вопросам новых вызовов и угроз МИД России\n"
            "Тема: Ответы на вопросник ОБСЕ\n\n"
            "Направляем ответы МВД России на вопросник ОБСЕ для передачи в Секретариат ОБСЕ.\n")
    msg.attach(MIMEText(body, "plain", "utf-8"))
    part = MIMEBase("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
    with open(att, "rb") as fh:
        part.set_payload(fh.read())
    encoders.encode_base64(part)
    part.add_header("Content-Disposition", "attachment", filename="Otvety_RF_voprosnik_OBSE.docx")
    msg.attach(part)
    msg.preamble = ""
    # fixed boundary for determinism
    msg.set_boundary("----=_Part_2007_0426_RF")
    with open(path, "wb") as fh:
        fh.write(msg.as_bytes())
    shutil.rmtree(os.path.dirname(att))


def write_email_txt(p, lines, path):
    e = p["email"]
    head = [f"From: {e['frm']}", f"To: {e['to']}", f"Date: {e['date']}", f"Subject: {e['subject']}", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", ""]
    with open(path, "w", encoding="utf-8", newline="\r\n") as fh:
        fh.write("\n".join(head + lines + [""] + p.get("sign", [])) + "\n")


def scan(p, items, path, rng):
    rd = p["render"]
    mono = "dejavu/DejaVuSansMono.ttf" if p["lang"] == "ru" or rd.get("mono") else "liberation2/LiberationMono-Regular.ttf"
    fp = os.path.join(R.FONTDIR, mono)
    pages, fpages = R.render_pages(p, items, rd["marks"], dpi=rd["dpi"], font_path=fp, size_pt=10.5)
    if rd["pages"] == "first":
        pages = pages[:1]
    deg = [R.degrade(pg, rng, rd["angle"] + rng.uniform(-0.4, 0.4), noise=14 if p["style"] != "scan_png_p1" else 8,
                     light=0.3, blur=0.5) for pg in pages]
    st = p["style"]
    dpi = (rd["dpi"], rd["dpi"])
    if st == "scan_tiff":
        bw = [d.point(lambda x: 0 if x < 150 else 255, "1") for d in deg]
        bw[0].save(path, save_all=True, append_images=bw[1:], compression="group4", dpi=dpi)
    elif st == "scan_pdf":
        deg[0].save(path, "PDF", save_all=True, append_images=deg[1:], resolution=float(rd["dpi"]), quality=55)
    elif st == "scan_png_p1":
        q = deg[0].quantize(16).convert("L")
        q.save(path, optimize=True, dpi=dpi)
    elif st == "scan_jpeg_p1":
        deg[0].save(path, "JPEG", quality=68, dpi=dpi)
    visible = set(range(1, len(pages) + 1))
    return {f for f, pg in fpages.items() if pg <= visible}, {f for f, pg in fpages.items()}


def build(outdir, seed):
    raw = os.path.join(outdir, "raw")
    os.makedirs(raw, exist_ok=True)
    for f in os.listdir(raw):
        os.remove(os.path.join(raw, f))
    R.LO_PROFILE = os.path.join(os.path.abspath(outdir), ".lo_profile")
    os.makedirs(R.LO_PROFILE, exist_ok=True)
    profs = profiles()
    byid = {p["id"]: p for p in profs}
    keys = []
    cache = {}
    tmpd = tempfile.mkdtemp()
    for p in profs:
        path = os.path.join(raw, p["file"])
        st = p["style"]
        entry = {"file": p["file"], "expect": p["expect"], "country": p.get("country", ""), "language": p["lang"], "style": st}
        fields, review = {}, []
        if p["expect"] in ("return", "error") and not p.get("same_record_as"):
            p["date_str"] = None if p.get("no_date_in_body") else date_str(p)
            r, items, rng = gen(p, seed)
            cache[p["id"]] = (r, items, rng)
            fields, review = AN.key_fields(p, r)
            if p.get("no_date_in_body") and p.get("date"):
                pass  # e-mail: date from the Date header, already in fields via p["date"]
            rd = p.get("render", {})
            if st == "table_pdf":
                R.pdf_table(p, items, path, rd["hdr"], font=rd.get("font", "DejaVuSans"), size=rd.get("size", 9))
            elif st == "typed_inline_pdf":
                R.pdf_inline(p, items, path, rd["marks"], font=rd.get("font", "LibMono"), size=rd.get("size", 9.5))
            elif st in ("word97_doc", "rtf_form", "odt_form", "damaged"):
                tmp = os.path.join(tmpd, p["id"] + ".docx")
                R.docx_form(p, items, tmp, layout=rd.get("layout", "para"), ticks=rd.get("ticks"), prefix=rd.get("prefix"))
                if st == "damaged":
                    data = open(tmp, "rb").read()
                    with open(path, "wb") as fh:
                        fh.write(data[: int(len(data) * 0.55)])
                    fields, review = {}, []
                else:
                    R.lo_convert(tmp, rd["fmt"], path)
            elif st == "docx_form":
                R.docx_form(p, items, path, layout=rd.get("layout", "para"), ticks=rd.get("ticks"), prefix=rd.get("prefix"))
            elif st.startswith("scan_"):
                visible, allf = scan(p, items, path, rng)
                if p["render"]["pages"] == "first":
                    for fid in list(fields):
                        if fid in SUBMISSION and fid != "submitted_on":
                            continue
                        if fid not in visible:
                            fields.pop(fid)
                    review = [x for x in review if x in visible]
            elif st == "xlsx_rows":
                meta = [[h] for h in p["head"]]
                meta.append([{"ru": "Дата заполнения: ", "fr": "Date : "}[p["lang"]] + p["date_str"]])
                R.xlsx_rows(p, items, path, rd["hdr"], meta)
            elif st == "csv_rows":
                R.csv_rows(p, items, path, rd["hdr"])
            elif st == "survey_csv_wide":
                R.csv_wide(p, items, path, rd["meta"])
            elif st == "html_survey":
                intro = ('<div class="confirm"><h2>Merci ! Vos réponses ont bien été enregistrées.</h2>'
                         '<p>Réponse transmise le 22/05/2007 à 10:41 (heure de Vienne). Un récapitulatif figure ci-dessous.</p></div>')
                meta = [("Pays :", "Tunisie (République tunisienne)"), ("Institution :", "Ministère des Affaires étrangères"),
                        ("Référence :", "R-2007-0412")]
                p["title"] = "Questionnaire OSCE – traite des êtres humains – confirmation"
                R.html_survey(p, items, path, intro, meta)
            elif st == "email_txt":
                if p.get("narrative"):
                    lines = [OPENING[p["id"]], ""]
                    for para in NA.paras(p, r, rng):
                        lines += [para, ""]
                else:
                    lines = ["Madame, Monsieur,", "",
                             "Veuillez trouver ci-dessous les réponses de la République de Bulgarie au questionnaire de l'OSCE "
                             "sur la coordination et les rapports en matière de lutte contre la traite des êtres humains.", ""]
                    lines += R.text_items(p, items)
                write_email_txt(p, lines, path)
            elif st == "narrative_pdf":
                paras = [OPENING[p["id"]]] + ([EXTRA[p["id"]]] if p["id"] in EXTRA else []) + NA.paras(p, r, rng) + [CLOSING[p["id"]]]
                R.pdf_prose(p, paras, path, font="DejaVuSerif", size=11, title="NOTE VERBALE" if p["lang"] == "fr" else "НОТА")
            elif st == "narrative_docx":
                paras = [OPENING[p["id"]]] + NA.paras(p, r, rng) + [CLOSING[p["id"]]]
                R.docx_prose(p, paras, path)
            elif st == "eml_forward":
                write_eml(p, items, path)
            else:
                raise ValueError(st)
        elif p.get("same_record_as"):
            base = byid[p["same_record_as"]]
            r0, _, _ = cache[base["id"]]
            q = dict(base)
            q.update({k: v for k, v in p.items()})
            q["title"] = base["title"] + " – korrigierte Fassung (ersetzt die Fassung vom 15.02.2007)"
            q["date_str"] = date_str(q)
            rng = random.Random(f"{seed}:{p['id']}")
            r = copy.deepcopy(r0)
            # the corrigendum: no reporting mechanism after all; the working group does have a budget
            r["nrm"] = "no"
            for k in ("nrm_type", "nrm_auth", "nrm_year", "nrm_year_other", "nrm_budget", "nrm_budget_covers", "freq", "recipient",
                      "public", "content", "model", "nrm_succ", "nrm_ch"):
                r.pop(k, None)
            r["budget"] = "yes"
            r["budget_covers"] = "Sekretariat, Sitzungskosten und Schulungen"
            o = q.get("opts", {})
            items = AN.build_items(q, r, rng, yesno_case=0, letters=True, multi_letters=False, na_style="na")
            R.docx_form(q, items, path, layout="para", prefix="Antwort:")
            fields, review = AN.key_fields(q, r)
            entry["supersedes"] = base["file"]
        elif p["expect"] == "duplicate":
            shutil.copyfile(os.path.join(raw, byid[p["duplicate_of"]]["file"]), path)
            orig = next(k for k in keys if k["file"] == byid[p["duplicate_of"]]["file"])
            fields, review = dict(orig["fields"]), list(orig["review_fields"])
            entry["duplicate_of"] = orig["file"]
        else:  # not_a_return
            if st == "nap_annex":
                NR.nap_annex(path)
            elif st == "law_text":
                NR.law_text(path)
            elif st == "unrelated_pdf":
                (NR.lecture if p["lang"] == "de" else NR.court)(path)
            elif st == "cover_letter":
                if p["lang"] == "de":
                    NR.cover_de(p, path)
                else:
                    NR.cover_ru(path)
        entry["fields"] = dict(sorted(fields.items()))
        entry["review_fields"] = sorted(set(review))
        keys.append(entry)
    shutil.rmtree(tmpd)
    with open(os.path.join(outdir, "key.jsonl"), "w", encoding="utf-8") as fh:
        for k in keys:
            fh.write(json.dumps(k, ensure_ascii=False) + "\n")
    return keys


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=4)
    a = ap.parse_args()
    ks = build(a.outdir, a.seed)
    import readme
    readme.write(a.outdir)
    print(f"{len(ks)} files written to {os.path.join(a.outdir, 'raw')}")
