# -*- coding: utf-8 -*-
"""Write README.md (data card) for corpus d from key.jsonl."""
import collections
import json
import os

STYLES = {
    "table_pdf": "PDF with a ruled 3-column table (No. | question | answer); the table runs over a page break and its header row is repeated on page 2",
    "typed_inline_pdf": "typed PDF of the retyped questionnaire; options on one line with brackets/boxes (`[X] Да [ ] Нет`, `(x) ja ( ) nein`, `Oui ☒ Non ☐`); Swiss form drops the sub-question letters; Q9 a) and b) ticked separately, 9b left blank in the Swiss one",
    "word97_doc": "legacy Word 97 .doc (binary), written as .docx then converted with LibreOffice; question paragraphs with 'Antwort:'/'Réponse :' lines",
    "rtf_form": ".rtf retyped questionnaire (LibreOffice export); table layout or paragraphs with ☒/☐ boxes",
    "odt_form": ".odt retyped questionnaire (LibreOffice export); table layout, 'Ответ:' paragraphs, or X/_ ticks",
    "docx_form": ".docx retyped questionnaire (paragraphs or table, with or without tick boxes)",
    "scan_tiff": "multi-page bilevel TIFF (CCITT G4, 200 dpi) of a typed form with ticks: rotated, noisy, uneven light",
    "scan_pdf": "image-only PDF (JPEG pages, 150/180 dpi) of a typed form with ticks: rotated, noisy, uneven light; one Cyrillic, one Latin",
    "scan_png_p1": "PNG scan of the first page only (150 dpi); only what is on that page is keyed",
    "scan_jpeg_p1": "JPEG scan of the first page only (170 dpi); only what is on that page is keyed",
    "xlsx_rows": "Excel workbook, a few letterhead rows then one row per question: number | question | answer",
    "csv_rows": "CSV (UTF-8 with BOM, comma) one row per question: number, question, answer; no date, country only in the file name and ministry names",
    "survey_csv_wide": "online-survey export: one header row with one column per question, one data row; semicolon-separated, Windows-1251",
    "html_survey": "online survey confirmation page (HTML) with the recorded answers in a table",
    "email_txt": "plain-text e-mail (headers + body): one in German prose without numbers (country only in the sender's domain), one in French with numbered answers; submitted_on from the Date header",
    "narrative_docx": "note verbale / letter in prose (DOCX), no question numbers",
    "narrative_pdf": "note verbale in prose (PDF), no question numbers",
    "eml_forward": "RFC 822 e-mail: short English cover note + forwarded Russian text, the Russian return attached as .docx; the return has no date, so submitted_on is the Date header",
    "nap_annex": "annex: excerpt of a national action plan with 20 numbered chapters (not a return)",
    "law_text": "annex: criminal-code excerpt (not a return)",
    "cover_letter": "cover letter announcing the return / annexes, nothing answered (not a return)",
    "unrelated_pdf": "unrelated PDF (lecture notes; a court transcript with 'Вопрос/Ответ' lines)",
    "damaged": "truncated .docx (zip cut at 55 %), does not open",
}


def write(outdir):
    keys = [json.loads(l) for l in open(os.path.join(outdir, "key.jsonl"), encoding="utf-8")]
    raw = os.path.join(outdir, "raw")
    size = sum(os.path.getsize(os.path.join(raw, k["file"])) for k in keys)
    c_exp = collections.Counter(k["expect"] for k in keys)
    c_lang = collections.Counter(k["language"] for k in keys)
    c_ext = collections.Counter(k["file"].rsplit(".", 1)[-1].lower() for k in keys)
    c_style = collections.Counter(k["style"] for k in keys)
    nvals = sum(len(k["fields"]) for k in keys)
    nrev = sum(len(k["review_fields"]) for k in keys)
    countries = sorted({k["country"] for k in keys if k["expect"] == "return"})

    def table(c, head):
        rows = [f"| {head} | files |", "|---|---|"]
        rows += [f"| {a} | {b} |" for a, b in sorted(c.items(), key=lambda x: (-x[1], x[0]))]
        return "\n".join(rows)

    lines = [
        "# Corpus d — independent test corpus (German, Russian, French returns)",
        "",
        "Fictional returns to the 2007 OSCE questionnaire \"Co-ordinating and reporting on efforts to combat trafficking in human",
        "beings in the OSCE region\", written as German-, Russian- and French-speaking administrations (and a few English ones)",
        "would send them, with an exact answer key. Written only from `shared/QUESTIONNAIRE.md` and `shared/FIELDS.md`;",
        "all answers are invented (seeded random, coherent with the skip logic except where a hard case says otherwise).",
        "Question wordings are own translations (two per language, mixed per question), never the English form's text.",
        "",
        f"- files in `raw/`: **{len(keys)}** ({size / 1e6:.1f} MB); returns from **{len(countries)}** countries, one current return each",
        f"- keyed values in `key.jsonl`: **{nvals}** (`fields`), plus **{nrev}** entries in `review_fields`",
        "",
        "## Counts",
        "",
        table(c_exp, "expect"), "",
        table(c_lang, "language (of the answers)"), "",
        table(c_ext, "file type"), "",
        table(c_style, "style"), "",
        "## Style labels",
        "",
    ]
    for s in sorted(c_style):
        lines.append(f"- `{s}` — {STYLES.get(s, '')}")
    lines += [
        "",
        "## Files",
        "",
        "| file | expect | country | lang | style | fields | review |",
        "|---|---|---|---|---|---|---|",
    ]
    for k in keys:
        extra = ""
        if k.get("supersedes"):
            extra = f" (supersedes `{k['supersedes']}`)"
        if k.get("duplicate_of"):
            extra = f" (copy of `{k['duplicate_of']}`)"
        lines.append(f"| `{k['file']}` | {k['expect']}{extra} | {k['country']} | {k['language']} | {k['style']} | {len(k['fields'])} | "
                     f"{', '.join(k['review_fields'])} |")
    lines += [
        "",
        "## Hard cases",
        "",
        "- **Exact duplicate**: `AT_Fragebogen_Antwort_KOPIE.doc` is a byte copy of `AT_OSZE_Fragebogen_Menschenhandel_Antwort.doc` (`expect: duplicate`, same fields).",
        "- **Corrected return**: `LI_Fragebogen_OSZE_Menschenhandel_v2_korrigiert.docx` (3 Apr 2007, \"korrigierte Fassung (ersetzt die Fassung vom 15.02.2007)\") supersedes the .odt of 15 Feb 2007: Q5 budget now yes (with what it covers), Q16 now no and Q17-23 'entfällt'.",
        "- **Self-contradicting**: `UA_vidpovid_anketa.odt` answers Q16 'Нет' and then Q17-23 in full; all those fields are keyed as written and listed in `review_fields`.",
        "- **Vague values** (not keyed, in `review_fields`): Germany civil-society share \"rund ein Drittel der Mitglieder\"; Kazakhstan established \"в начале 2000-х годов\"; France equivalent policy \"mis en place au milieu des années 2000\" (nap_year); Romania reporting mechanism set up \"il y a quelques années\".",
        "- **Cross-references** (not keyed, in `review_fields`): Austria Q14 \"Siehe Antwort zu Frage 7.\"; Hungary Q8 \"Siehe unsere Antwort zu Frage 15.\" (ncm_challenges and its topics); Moldova Q15 \"См. ответ на вопрос 8.\" (nap_challenges and its topics); Canada Q13 \"Voir notre réponse à la question 7.\".",
        "- **Year inside a legal reference only**: Liechtenstein Q4 \"Verordnung der Regierung, LGBl. 2004 Nr. 238\" with no date of establishment: `ncm_legal_basis=decree`, no `ncm_established_year`.",
        "- **Two years for one body**: Belgium 1995 / restructured 2004, Armenia 2002 / 2007, Moldova 2001 / 2005 (`*_year_other`).",
        "- **Ministries with two or three portfolios** (count for each id): BMAS, EJPD (justice;interior), Ministerium für Justiz und Polizeiwesen, Минздравсоцразвития России, Министерство социальной защиты, семьи и ребенка, Ministry of Labour, Health and Social Affairs, etc. Lists are comma- or semicolon-joined, and names contain commas.",
        "- **N/A variants** for skipped questions: entfällt, k. A., nicht zutreffend, trifft nicht zu, n/a, –; не применимо, н/п, нет данных, —; sans objet, s.o., néant, non applicable, N/A; blank cells / '(pas de réponse)'. All absent from `fields`.",
        "- **Scans first page only** (`DZ_page1.png`, `TJ_skan_str1.jpg`): only fields whose question and answer lie on page 1 are keyed.",
        "- **Letters instead of labels**: some multi-choice answers are given as option letters only (\"a), b), d)\" / Cyrillic \"а), в), д), ж)\").",
        "- **Country naming**: own-language letterheads (Bundesrepublik Deutschland, Республика Беларусь, Royaume du Maroc, Principat d'Andorra ...), abbreviations (BRD in file name and footer, РФ / RF in title and subject), only the e-mail sender's domain (Luxembourg), only the file name and ministry names (Canada), the file name and the city in the date line (Georgia, 'Tbilisi').",
        "- **Non-returns**: German NAP annex with 20 numbered chapters, Austrian StGB excerpt, German and Kazakh cover letters, German lecture notes with a \"Ja oder nein\" question, Russian court transcript with Вопрос/Ответ lines.",
        "- **Damaged**: `SLO_Antwort_Fragebogen.docx` truncated (`expect: error`, empty fields).",
        "- **Partners for Co-operation** (respondent_type `partner_for_cooperation`): Morocco, Tunisia, Algeria, Egypt, Mongolia, Israel.",
        "",
        "## Key conventions",
        "",
        "- One JSON object per file; `fields` holds every value the document states (submission fields included); blank / N/A answers are absent.",
        "- `ncm_type` is read from which of 2a/2b is filled; `ncm_lead_ministry` only where the chair/lead is stated (\"Vorsitz:\", \"Головное ведомство:\", \"Présidence :\", \"chaired by\").",
        "- Challenge topics are keyed from sentences that name one topic each (resources, coordination, data, priorities, disagreement, support).",
        "- `submitted_on`: the document's date; for the two text e-mails and the .eml (whose attached return is undated), the Date header; the Canadian CSV has no date.",
        "- not_a_return / error files have empty `fields`; unrelated PDFs have an empty `country`.",
        "",
        "## Regenerate",
        "",
        "```",
        "/work/main/.venv/bin/python generator/make.py . --seed 4     # raw/, key.jsonl, README.md",
        "/work/main/.venv/bin/python generator/selfcheck.py .         # re-reads every file, checks keyed text/years/numbers",
        "```",
        "",
        "Needs LibreOffice (`soffice`, for .doc/.rtf/.odt; a private profile under `.lo_profile/`), DejaVu and Liberation fonts,",
        "reportlab, python-docx, openpyxl, pillow, numpy (and pdfplumber, pypdf for the self-check). The same seed gives the same",
        "key.jsonl and the same document content; zip-based files (docx/odt/xlsx) and the image PDFs carry build timestamps,",
        "so their bytes differ between runs. The generator code is in `generator/` (`profiles.py` = one profile per file and",
        "its hard case; `lang.py` = wordings and answer pools; `answers.py` = records, skip logic, key; `render.py` = writers).",
        "",
    ]
    with open(os.path.join(outdir, "README.md"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
