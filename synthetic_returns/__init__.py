"""Synthetic returns: writes realistic returns to the 2007 OSCE anti-trafficking
questionnaire, in many forms and six languages, with an exact answer key. The demo set
(`make samples`), `make eval`'s generated corpus, `make bench` and the tests use it.

Usage::

    from synthetic_returns import generate_corpus, write_samples
    key = generate_corpus(Path("out"), n=60, seed=1, forms=["pdf_typed"], languages=["en"],
                          key_path=Path("out_key.json"))
    write_samples(Path("raw"))                    # the fixed demo set of 10 returns

    returns samples [FOLDER]                      # the demo set (default: raw/)
    returns samples FOLDER --n 60 --seed 1 [--form F ...] [--language L ...] [--key FILE]

Data: phrases/<lang>.yaml (question texts, option labels, many phrasings per value, letter
formulas), data/countries.yaml (67 countries: 56 participating States of 2007 + 11 Partners,
names in the six languages). Code: compose.py draws coherent facts and writes them as
answers (the key comes from what is written), layout.py / render_*.py lay them out,
generate.py writes files and the key.

Forms (the key's ``form``): pdf_typed, pdf_vector, pdf_form, pdf_table, pdf_narrative,
docx, docx_narrative, txt (also .md), html, email, scan. E-mail attachments are keyed
``"<eml path>::<attachment filename>"`` with role ``attachment``, submission = the .eml path,
and form = the attachment's own form (docx, pdf_typed, pdf_narrative, docx_narrative), or
``annex`` for a document that answers nothing (action plan text, rapporteur report,
law), whose ``fields`` is empty.

Variety per return: question numbering ("1.", "Q1", "Q.1", "A.1", "Question 1", "1)"), question
text full / abbreviated / omitted, answers below or beside, option letters shown or not,
tick notations (☒/☐, ☑, ✓, ✔, ■/□, [X]/[ ], (x), "X" after the label, or the option named
in words), drawn vector boxes (pdf_vector), AcroForm checkbox/text fields (pdf_form),
letterheads, date lines, cover text, annex lists, signatures, running headers "page 2 of 5",
fonts, page sizes; ~35% of PDF/Word returns carry an appended document (action plan text,
report) after the answers, and ~55% of e-mails an annex attachment: neither answers
anything. txt encodings: UTF-8 with/without BOM, UTF-16, cp1252/latin-1 (fr/de/es/it/en),
cp1251/KOI8-R (ru), CRLF or LF; .md for some txt returns. E-mail bodies: plain,
plain+HTML alternative, or HTML only.

Answer-key conventions
----------------------
* ``fields`` holds exactly the fields the written return answers, formatted as FIELDS.md
  says; every value passes ``CONTRACT.check_value``. Text values are the words as written
  (whitespace folded): the answer sentence(s) only, without a leading "Yes."/"Answer:"
  label or the lead-in of a narrative sentence ("As regards achievements: ...").
* country, respondent_type and language are keyed for every return (the title, letterhead,
  subtitle, header or sender always names the country). Mongolia is keyed
  ``partner_for_cooperation`` (its status in 2007, and the project's QUESTIONNAIRE.md lists it
  among the Partners).
* submitted_on: the ISO date when the return prints a date (date line, letter date). An e-mail
  is dated by its Date header, so an .eml entry always has submitted_on (same day as any
  dated attachment). When the return is attached, the .eml entry holds only the submission
  fields (country, respondent_type, language, submitted_on) and the attachment holds the
  answers plus its own submission fields.
* Unanswered: a question left blank, or answered "N/A", "-", "—", "Not applicable" ⇒ its
  fields are absent. If the NCM does not exist (Q1 no) Q2-8 are absent or N/A; likewise
  Q10 and Q13-15 without a plan, Q17-23 without a reporting mechanism.
* Cross-references ("See answer to question 7.", "Cf. question 8.", "See Q4 above.") are
  keyed with the referenced answer's value: nap_achievements ← ncm_achievements (Q14→Q7),
  nap_challenges and nap_challenge_topics ← Q8 (Q15→Q8), nrm_established_year ←
  ncm_established_year (Q19→Q4, only where the rapporteur is the national co-ordinator).
  They are written only where the referenced answer is itself keyed.
* Vague dates ("In the beginning of the 1990s", "In the early 1990s") are NOT a year: the
  year field is absent. Two years for one body ("created in 1995 and revitalised in 2004")
  ⇒ *_established_year 1995, *_established_year_other "2004". "Yes, since 2004" in Q1/Q16
  gives the established year. NAP "2007-2010" ⇒ nap_year 2007; "Not yet, foreseen for 2008"
  and "A national action plan is being prepared" ⇒ nap_exists no, no nap_year.
* Ticks: a ticked option is the answer; in a yes/no or multi question shown with tick
  boxes, the unticked options are "not chosen" (e.g. Q9 with box a ticked and b unticked ⇒
  nap_equivalent no). Q9 answered in words keys nap_equivalent only when b) is answered.
* Legal basis (ncm_legal_basis): law / act of parliament ⇒ legislation; government,
  royal or presidential decree, numbered Government Resolution/Decision, Council of
  Ministers resolution, order ⇒ decree; government decision without legal force,
  recommended action, non-binding cabinet/council recommendation ⇒ policy; memorandum of
  understanding / inter-institutional agreement ⇒ other. nrm_authority has no decree: a
  "decision of the Government (policy action)" or "the National Action Plan" ⇒ policy.
* Ministries: each name resolves to its ids ("Ministry of Labour and Social Affairs" ⇒
  labour;social; "Prosecutor General's Office" ⇒ justice; "Ministry of Economy and
  Finance" ⇒ finance); bodies that fit no id (Ministry of Tourism, Transport,
  Agriculture, Office of the President) ⇒ other. The lead ministry is always among the
  ministries listed. ncm_interministerial is yes when two or more ids are listed.
* Shares: "approx. 12%" ⇒ 12, "12,5 %" ⇒ 12.5, "one third" ⇒ 33.3, "half" ⇒ 50,
  "a quarter" ⇒ 25, "2 of 10 members" ⇒ 20 (rounded to one decimal).
* Challenge topics: one sentence per topic, the key lists the topics whose sentences are
  written (support only for nap_challenge_topics).
* In narrative letters a body-type mechanism that the plan drew as "other" is written (and
  keyed) as working_group.
"""

from .bank import available_languages
from .generate import FORMS, generate_corpus, write_key
from .samples import SAMPLES, write_samples

__all__ = ["FORMS", "SAMPLES", "available_languages", "generate_corpus", "write_key", "write_samples"]
