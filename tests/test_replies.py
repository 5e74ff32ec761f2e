"""A return is a reply: only a document that reads as a reply to the questionnaire becomes a
country's return, and only replies supersede each other (issue 16, item 2).

Each failure class is a small document written here, read by the real pipeline, and filed by
the ledger: a numbered action plan annexed to a reply, lecture notes and a court record that
are no return at all, a cover note, and the replies they must not displace (the retyped form,
a reply that numbers its answers without the wording, a letter answering the parts).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from questionnaire_returns import reply
from questionnaire_returns.write import ledger
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.write.ledger import FileInfo
from questionnaire_returns.pipeline import process_file
from questionnaire_returns.records import Answer, DocResult

LETTERHEAD = "Permanent Mission of the Republic of Austria to the OSCE\nVienna, 12 March 2007\n\n"

# the form retyped, each question with its answer below it
ANSWERS = {
    "1": "Yes", "2": "A national co-ordinator heads an inter-ministerial working group.",
    "3": "Ministry of the Interior, Ministry of Justice, Ministry of Social Affairs and two NGOs.",
    "4": "A decision of the Council of Ministers of 2004.", "5": "No",
    "9": "Yes, a National Action Plan was adopted in 2006.",
    "16": "No",
}

PLAN = """National Action Plan against Trafficking in Human Beings 2007-2010
Annex to the reply of Austria

""" + "\n".join(
    f"{n}. {title}\nThe measures of this chapter were adopted in 2006 by the Government. The working group "
    f"meets four times a year and the police, prosecutors and NGOs take part in it. A budget is foreseen.\n"
    for n, title in enumerate([
        "Prevention", "Protection of victims", "Prosecution", "Co-operation", "Training", "Research",
        "Awareness", "Children", "Labour exploitation", "Victim identification", "Shelters",
        "Return and reintegration", "Legislation", "Data collection", "Funding", "Evaluation",
        "International co-operation", "Civil society"], start=1))

LECTURE = """Verwaltungsrecht - Einheit 3
Universität Wien, Sommersemester 2007

""" + "\n".join(
    f"{n}. Abschnitt {n}\nSei f eine stetige Funktion auf dem Intervall; es gibt keine Lösung der Gleichung "
    f"und die Behörde entscheidet durch Bescheid. Ein Mechanismus der Koordinierung besteht nicht.\n"
    for n in range(1, 15))

COVER = LETTERHEAD + """The Permanent Mission of Austria to the OSCE presents its compliments to the OSCE Secretariat
and has the honour to transmit herewith the reply of Austria to the questionnaire on co-ordinating
and reporting on efforts to combat trafficking in human beings, with the National Action Plan annexed.
The Permanent Mission of Austria avails itself of this opportunity to renew to the OSCE Secretariat
the assurances of its highest consideration.
"""

LETTER = LETTERHEAD + """The Permanent Mission of Austria to the OSCE presents its compliments to the OSCE Secretariat
and, in reply to the questionnaire on co-ordinating and reporting on efforts to combat trafficking,
has the honour to inform it of the following.
Austria has a National Co-ordinator on trafficking in human beings, who chairs a Task Force set up in 2004
by a decision of the Council of Ministers.
A National Action Plan against trafficking in human beings was adopted in 2006.
Austria has not appointed a national rapporteur.
The Permanent Mission of Austria avails itself of this opportunity to renew the assurances of its highest consideration.
"""


def _form(answers: dict[str, str]) -> str:
    parts = [LETTERHEAD]
    for key, answer in answers.items():
        q = CONTRACT.questions[key]
        parts.append(f"{q.number}. {q.text}\n{answer}\n")
    return "\n".join(parts)


def _bare_numbers() -> str:
    """A reply that numbers its answers, the number alone on its line, without retyping a question."""
    lines = [LETTERHEAD, "Reply to the OSCE questionnaire", ""]
    answers = ["A national co-ordinator and an inter-ministerial working group.",
               "Interior, Justice, Social Affairs and two NGOs.", "Decision of the Council of Ministers, 2004.",
               "None foreseen.", "Co-ordination and monitoring.", "Shelters opened in three regions.",
               "Too few staff.", "A plan adopted in 2006.", "Prevention, protection, prosecution.",
               "Article 104a of the Criminal Code.", "All four elements.", "An annual report to Parliament.",
               "Shelters, training, a hotline.", "Funding."]
    for n, answer in enumerate(answers, start=2):
        lines += [f"{n})", answer]
    return "\n".join(lines)


def _form_in_another_language() -> str:
    """The form retyped in Spanish, answered in English: its questions are no match for the
    wording the answers' language reads, but they still ask."""
    questions = ["¿Dispone su país de un mecanismo reconocido de coordinación?", "¿Cuál es la naturaleza del mecanismo?",
                 "¿Cuál es su composición?", "¿En virtud de qué instrumento se estableció? ¿Cuándo?",
                 "¿Dispone el mecanismo de un presupuesto?", "Función principal del grupo:",
                 "¿Cuáles han sido sus principales logros?", "¿Cuáles han sido sus principales dificultades?",
                 "¿Dispone su país de un Plan Nacional de Acción?", "¿Qué abarca la respuesta nacional?",
                 "¿Está definida la trata en su legislación?", "¿Están definidos los elementos de un enfoque global?",
                 "¿Cómo evalúa el Gobierno el impacto del plan?", "¿Cuáles han sido los logros del plan?"]
    answers = ["There is a National Task Force chaired by the Ministry of the Interior.",
               "An inter-ministerial working group meeting every quarter.",
               "The ministries of the interior, justice and social affairs, and two NGOs.",
               "A government decision adopted in 2004.", "There is no separate budget for it.",
               "Co-ordination and monitoring of the measures.", "Shelters were opened in three regions.",
               "Staff shortages in the regions.", "A plan was adopted in 2006.", "Prevention and protection of victims.",
               "Article 104a of the Criminal Code defines it.", "All four elements are in the plan.",
               "An annual report to Parliament.", "More convictions and a hotline."]
    lines = [LETTERHEAD]
    for n, (q, a) in enumerate(zip(questions, answers), start=1):
        lines += [f"{n}. {q}", a, ""]
    return "\n".join(lines)


def _run(tmp_path: Path, docs: dict[str, str], received: dict[str, str] | None = None):
    raw = tmp_path / "raw"
    raw.mkdir()
    results, files = {}, []
    for i, (name, text) in enumerate(docs.items()):
        path = raw / name
        path.write_text(text, encoding="utf-8")
        results[name] = process_file(path, raw)
        when = (received or {}).get(name, f"2007-03-{10 + i:02d}T00:00:00+00:00")
        files.append(FileInfo(name, f"sha-{name}", path.stat().st_size, when))
    rows, subs = ledger.build(files, results, {})
    return {r["source_file"]: r for r in rows}, subs, results


def test_an_annexed_numbered_plan_is_an_attachment_and_never_supersedes_the_reply(tmp_path):
    # the plan arrives after the reply and numbers 18 chapters: before, it became Austria's current return
    rows, subs, results = _run(tmp_path, {"AT_reply.txt": _form(ANSWERS), "AT_annex_plan.txt": PLAN})
    assert reply.is_reply(results["AT_reply.txt"])
    assert not reply.is_reply(results["AT_annex_plan.txt"])
    assert rows["AT_reply.txt"]["status"] == "return"
    assert rows["AT_annex_plan.txt"]["status"] == "attachment"
    assert rows["AT_annex_plan.txt"]["submission_id"] == rows["AT_reply.txt"]["submission_id"]
    assert "no reply to the questionnaire" in rows["AT_annex_plan.txt"]["reason"]
    # the plan's sentences are no answers of Austria's
    (sub,) = subs.values()
    assert {d.source_file for d in sub.docs} == {"AT_reply.txt"}


def test_a_reply_numbering_its_answers_without_the_wording_is_a_return(tmp_path):
    rows, _, results = _run(tmp_path, {"AT_reply.txt": _bare_numbers(), "AT_annex_plan.txt": PLAN})
    assert reply.is_reply(results["AT_reply.txt"]), results["AT_reply.txt"].segments
    assert (rows["AT_reply.txt"]["status"], rows["AT_annex_plan.txt"]["status"]) == ("return", "attachment")


def test_the_form_retyped_in_another_language_than_the_answers_is_a_return(tmp_path):
    rows, _, results = _run(tmp_path, {"AT_risposta_EN.txt": _form_in_another_language(), "AT_annex_plan.txt": PLAN})
    assert reply.is_reply(results["AT_risposta_EN.txt"]), results["AT_risposta_EN.txt"].segments
    assert (rows["AT_risposta_EN.txt"]["status"], rows["AT_annex_plan.txt"]["status"]) == ("return", "attachment")


def test_a_letter_answering_the_parts_is_a_return_and_its_cover_note_is_not(tmp_path):
    rows, _, results = _run(tmp_path, {"AT_letter.txt": LETTER, "AT_cover.txt": COVER})
    assert reply.is_reply(results["AT_letter.txt"]), results["AT_letter.txt"].answers
    assert not reply.is_reply(results["AT_cover.txt"])
    assert rows["AT_letter.txt"]["status"] == "return"
    assert rows["AT_cover.txt"]["status"] == "attachment"


def test_documents_that_are_no_return_at_all_publish_nothing(tmp_path):
    rows, subs, _ = _run(tmp_path, {"Skript_Einheit3.txt": LECTURE})
    assert rows["Skript_Einheit3.txt"]["status"] == "attachment"
    assert subs == {}  # no submission: nothing of it reaches answers.csv


# -- the ledger's rules, on DocResults shaped as the pipeline makes them ---------------------------
def _doc(sf, country=None, fields=(), how="numbered", sure=True, rule="word.leading", attachments=(), form="pdf_typed"):
    answers = [Answer(f, "yes", 0.9, f"{rule}.{how}", "e", source_file=sf) for f in fields]
    if country:
        answers.append(Answer("country", country, 0.9, "country.sender", "e", source_file=sf))
    segments = tuple((str(n), how, 1.0 if sure else 0.9, f"{n}. Title") for n in range(1, 1 + max(3, len(fields))))
    return DocResult(sf, form, 1, "en", country, tuple(answers), tuple(attachments), segments=segments)


def _fi(sf, received):
    return FileInfo(sf, f"sha-{sf}", 10, received)


def test_only_replies_supersede_each_other():
    reply_ = _doc("at/reply.pdf", "Austria", ["ncm_exists", "nap_exists", "nrm_exists"])
    plan = _doc("at/plan.pdf", "Austria", ["ncm_exists", "nap_year"], sure=False, rule="pattern")
    revised = _doc("at/reply_REV1.pdf", "Austria", ["ncm_exists", "nap_exists", "nrm_exists"])
    files = [_fi("at/reply.pdf", "2007-03-01T00:00:00+00:00"), _fi("at/plan.pdf", "2007-03-05T00:00:00+00:00")]
    r = {x["source_file"]: x for x in ledger.build(files, {"at/reply.pdf": reply_, "at/plan.pdf": plan}, {})[0]}
    assert (r["at/reply.pdf"]["status"], r["at/plan.pdf"]["status"]) == ("return", "attachment")
    files.append(_fi("at/reply_REV1.pdf", "2007-03-09T00:00:00+00:00"))
    results = {"at/reply.pdf": reply_, "at/plan.pdf": plan, "at/reply_REV1.pdf": revised}
    r = {x["source_file"]: x for x in ledger.build(files, results, {})[0]}
    assert r["at/reply_REV1.pdf"]["status"] == "return"
    assert r["at/reply.pdf"]["status"] == "superseded" and "at/reply_REV1.pdf" in r["at/reply.pdf"]["reason"]
    assert r["at/plan.pdf"]["status"] == "attachment"


def test_a_revision_supersedes_the_reply_it_revises_even_when_that_one_arrived_later():
    # the original re-sent after its corrected version: the revision is still the current return
    first = _doc("AT_Antwort_2013.pdf", "Austria", ["ncm_exists", "nap_exists"])
    revised = _doc("AT_Antwort_2013_REV1.pdf", "Austria", ["ncm_exists", "nap_exists"])
    files = [_fi("AT_Antwort_2013_REV1.pdf", "2007-03-01T00:00:00+00:00"), _fi("AT_Antwort_2013.pdf", "2007-03-09T00:00:00+00:00")]
    rows, _ = ledger.build(files, {"AT_Antwort_2013.pdf": first, "AT_Antwort_2013_REV1.pdf": revised}, {})
    r = {x["source_file"]: x for x in rows}
    assert (r["AT_Antwort_2013_REV1.pdf"]["status"], r["AT_Antwort_2013.pdf"]["status"]) == ("return", "superseded")


def test_a_revised_reply_that_names_no_country_keeps_the_country_of_the_reply_it_revises():
    first = _doc("ES_cuestionario_2015.pdf", "Spain", ["ncm_exists", "nap_exists"])
    second = _doc("ES_cuestionario_2015_v2_corregido.pdf", None, ["ncm_exists", "nap_exists"])
    files = [_fi("ES_cuestionario_2015.pdf", "2007-03-01T00:00:00+00:00"),
             _fi("ES_cuestionario_2015_v2_corregido.pdf", "2007-03-09T00:00:00+00:00")]
    rows, subs = ledger.build(files, {f.source_file: d for f, d in zip(files, (first, second))}, {})
    r = {x["source_file"]: x for x in rows}
    assert r["ES_cuestionario_2015_v2_corregido.pdf"]["country"] == "Spain"
    assert r["ES_cuestionario_2015_v2_corregido.pdf"]["status"] == "return"
    assert r["ES_cuestionario_2015.pdf"]["status"] == "superseded"
    sub = subs["es-cuestionario-2015-v2-corregido"]
    assert sub.country == "Spain"
    # the kept country is an answer of the revision's, for a reviewer to confirm
    kept = [a for d in sub.docs for a in d.answers if a.field == "country"]
    assert [(a.value, a.rule) for a in kept] == [("Spain", "country.revised")]
    assert kept[0].confidence < 0.8 and "ES_cuestionario_2015.pdf" in kept[0].evidence


def test_an_e_mail_publishes_its_replys_answers_and_of_its_cover_note_and_annex_only_the_sender():
    att_reply = _doc("mail.eml::reply.pdf", None, ["ncm_exists", "nap_exists", "nrm_exists"])
    att_plan = _doc("mail.eml::plan.pdf", "Austria", ["nap_year", "ncm_budget"], sure=False, rule="pattern")
    body = DocResult("mail.eml", "email", None, "en", "Austria", (
        Answer("country", "Austria", 0.99, "country.sender", "From: ...", source_file="mail.eml"),
        Answer("language", "en", 0.99, "language.lingua", "", source_file="mail.eml"),
        Answer("nrm_budget", "yes", 0.9, "pattern.narrative", "", source_file="mail.eml"),
    ), (att_reply, att_plan), segments=(("16", "narrative", 0.75, ""),))
    rows, subs = ledger.build([_fi("mail.eml", "2007-03-01T00:00:00+00:00")], {"mail.eml": body}, {})
    r = {x["source_file"]: x for x in rows}
    assert r["mail.eml"]["status"] == "return" and r["mail.eml"]["country"] == "Austria"
    assert "no reply" in r["mail.eml::plan.pdf"]["reason"]
    fields = {a.field for d in subs["mail"].docs for a in d.answers}
    assert {"country", "ncm_exists", "nap_exists", "nrm_exists"} <= fields
    assert not {"nap_year", "ncm_budget", "nrm_budget", "language"} & fields


def test_an_e_mail_carrying_only_an_annex_is_no_return():
    att_plan = _doc("mail.eml::plan.pdf", "Austria", ["nap_year"], sure=False, rule="pattern")
    body = DocResult("mail.eml", "email", None, "en", "Austria", (), (att_plan,))
    rows, subs = ledger.build([_fi("mail.eml", "2007-03-01T00:00:00+00:00")], {"mail.eml": body}, {})
    assert rows[0]["status"] == "attachment" and subs == {}


@pytest.mark.parametrize("segments,answers,expected", [
    # the form's questions found for sure (wording echoed, "Question 5")
    ((("1", "numbered", 1.0, "1. Does your country have"), ("2", "numbered", 1.0, "Question 2"),
      ("9", "question_text", 0.9, "Does your country have a National Action Plan")), (), True),
    # numbered chapters with titles, two near a question, patterns in prose: an annexed plan
    (tuple((str(n), "numbered", 0.9, f"{n}. Chapter {n}") for n in range(1, 19))
     + (("19", "numbered", 1.0, "19. Budget"), ("20", "numbered", 1.0, "20. Evaluation")),
     ("pattern.numbered", "text.numbered", "pattern.numbered"), False),
    # bare numbers with the answers below them (a scanned reply): the form's numbering
    (tuple((str(n), "numbered", 0.9, f"{n})") for n in range(1, 13)), ("pattern.numbered",), True),
    # headings that ask, though the segment stage matched none of them (the form in another language)
    (tuple((str(n), "numbered", 0.9, f"{n}. ¿Pregunta número {n}?") for n in range(1, 8)), (), True),
    # ... but not two of them among titled chapters
    (tuple((str(n), "numbered", 0.9, f"{n}. Chapter") for n in range(1, 11)) + (("11", "numbered", 0.9, "11."),),
     (), False),
    # titled headings answered the form's way: a box ticked, a Yes / No opening the answer
    (tuple((str(n), "numbered", 0.9, f"{n}. Budget") for n in range(1, 9)),
     ("word.leading.numbered", "tick.glyph.numbered", "word.leading.numbered"), True),
    # a letter answering two parts (A and C), one answering one part, a cover note answering nothing
    ((("1", "narrative", 0.75, ""), ("16", "narrative", 0.75, "")),
     ("pattern.narrative@ncm_exists", "pattern.narrative@nrm_exists"), True),
    ((("9", "narrative", 0.75, ""), ("11", "narrative", 0.75, "")),
     ("pattern.narrative@nap_exists", "text.narrative@nap_challenges", "pattern.narrative@nap_challenge_topics"), False),
    ((), (), False),
])
def test_what_reads_as_a_reply(segments, answers, expected):
    fields = iter(["ncm_exists", "ncm_type", "ncm_budget", "nap_exists", "nrm_exists"])
    made = []
    for rule in answers:
        rule, _, field = rule.partition("@")
        made.append(Answer(field or next(fields), "yes", 0.9, rule, "e"))
    doc = DocResult("x.pdf", "pdf_typed", 1, "en", "Austria", tuple(made), segments=segments)
    assert reply.is_reply(doc) is expected
    assert (reply.why_not(doc) == "") is expected
