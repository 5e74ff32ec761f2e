"""Whole returns through segmentation and the field rules: what a reviewer would check by eye."""

from __future__ import annotations

import pytest

from questionnaire_returns.pipeline import process_document as extract_document
from questionnaire_returns.records import Document, Line
from questionnaire_returns.segment.questions import segment_numbered


def doc_of(text: str, name: str = "return.txt") -> Document:
    return Document(name, "text", tuple(Line(t) for t in text.strip("\n").splitlines()))


def answers(text: str) -> dict[str, str]:
    return {a.field: a.value for a in extract_document(doc_of(text)).answers}


@pytest.mark.parametrize("style", ["{n}. ", "Q{n} ", "Question {n}: ", "A.{n} ", "{n}) ", "**A.{n}** ", "**Question {n}:** "])
def test_numbering_styles_find_the_questions(style):
    text = "\n".join(
        [
            style.format(n=1) + "Does your country have a recognized mechanism to co-ordinate policy?",
            "Yes.",
            style.format(n=5) + "Does the national co-ordination mechanism have a budget?",
            "No.",
            style.format(n=16) + "Does your country have a national reporting mechanism in place?",
            "Yes, since 2004.",
            style.format(n=19) + "When was it established?",
            "2004",
        ]
    )
    segs = segment_numbered(doc_of(text).lines, "en")
    assert [s.question for s in segs] == ["1", "5", "16", "19"]
    assert [s.text for s in segs] == ["Yes.", "No.", "Yes, since 2004.", "2004"]


def test_the_two_questions_numbered_21_are_told_apart():
    text = """
21. Structure of reports a) How often are reports issued? b) To whom are they issued? c) Are they made public?
Reports are issued annually to Parliament and are made public.
21. Content of reports. The reports cover:
☒ a) The scope of the problem of THB ☒ b) Trends and patterns ☐ c) Law enforcement
22. What have been evidences of the success of this report?
Increased national awareness of the problem.
"""
    segs = segment_numbered(doc_of(text).lines, "en")
    assert [s.question for s in segs] == ["21s", "21c", "22"]
    got = answers(text)
    assert got["report_frequency"] == "annual"
    assert got["report_content"] == "scope;trends"


def test_an_enumeration_inside_an_answer_does_not_start_a_question():
    text = """
7. What have been the primary achievements of this individual or group?
1. Adoption of the Law on Combating Trafficking.
2. Opening of two shelters.
8. What have been the main challenges facing this group?
Lack of funding.
"""
    segs = segment_numbered(doc_of(text).lines, "en")
    assert [s.question for s in segs] == ["7", "8"]
    assert "shelters" in segs[0].text


def test_retyped_questions_without_numbers_are_found_by_their_wording():
    text = """
Does your country have a recognized mechanism to co-ordinate policy and programmatic responses to human trafficking?
Yes.
Does the national co-ordination mechanism have a budget?
No, there is no dedicated budget.
Does your country have a national reporting mechanism in place? (Either a national rapporteur or equivalent mechanism)?
Not yet, foreseen for 2008.
What limitations and challenges have you encountered in reporting on THB?
Lack of reliable data.
"""
    got = answers(text)
    assert got["ncm_exists"] == "yes"
    assert got["ncm_budget"] == "no"
    assert got["nrm_exists"] == "no"
    assert got["nrm_challenges"] == "Lack of reliable data."


def test_a_questionnaire_left_blank_yields_no_answers():
    text = """
1. Does your country have a recognized mechanism to co-ordinate policy and programmatic responses to human trafficking?  a) Yes  b) No
4. By what authority (legislation, recommended action, etc) was this mechanism established? When was it established?
5. Does the national co-ordination mechanism have a budget?
6. The main function of this group is: a) Advisory b) Policy making c) Implementation d) Other
8. What have been the main challenges facing this group? Please cite specific examples.
"""
    got = answers(text)
    question_fields = {f for f in got if f not in ("country", "respondent_type", "language", "submitted_on")}
    assert question_fields == set()


def test_a_narrative_sentence_yields_its_facts():
    text = """
Permanent Mission of Austria to the OSCE
The Inter-ministerial Commission, chaired by the Ministry of the Interior, was set up by Government Decision No. 12 of 4 May 2004.
There is no national rapporteur.
"""
    got = answers(text)
    assert got["ncm_type"] == "working_group"
    assert got["ncm_lead_ministry"] == "interior"
    assert got["ncm_established_year"] == "2004"
    assert got["nrm_exists"] == "no"
    assert got["country"] == "Austria"


def test_a_letter_sentence_wrapping_onto_an_options_words_keeps_them():
    text = """
Permanent Mission of Austria to the OSCE
The National Action Plan was adopted by the Government in 2005. The Plan covers prevention, roles and responsibilities of Different Stakeholders and
implementation Time line.
"""
    assert answers(text)["nap_coverage"] == "prevention;stakeholder_roles;timeline"


def test_ticks_beat_words_and_unticked_boxes_answer_nothing():
    text = """
5. Does the national co-ordination mechanism have a budget?
☐ a) Yes   ☐ b) No
6. The main function of this group is:
☐ a) Advisory ☒ b) Policy making ☒ c) Implementation ☐ d) Other
"""
    got = answers(text)
    assert "ncm_budget" not in got
    assert got["ncm_function"] == "implementation;policy_making"


def test_yes_since_a_year_gives_the_year_when_nothing_else_does():
    text = """
1. Does your country have a recognized mechanism to co-ordinate policy and programmatic responses to human trafficking?
Yes, since 2004.
2. If yes, what is the nature of the mechanism?
The National Commission for Combating Trafficking.
"""
    got = answers(text)
    assert got["ncm_exists"] == "yes"
    assert got["ncm_established_year"] == "2004"


def test_a_cross_reference_takes_over_the_referenced_answer():
    text = """
8. What have been the main challenges facing this group? Please cite specific examples.
Lack of funding. Competing priorities of the ministries.
15. What have been the main challenges facing the implementation of this plan or co-ordinated response?
See answer to question 8.
"""
    got = answers(text)
    assert got["nap_challenges"] == got["ncm_challenges"] == "Lack of funding. Competing priorities of the ministries."
    assert got["nap_challenge_topics"] == "priorities;resources"


def test_an_annexed_plan_answers_nothing():
    text = """
National Action Plan against Trafficking in Human Beings 2007-2010
1.
The Government will establish a commission chaired by the Ministry of the Interior.
2.
Prevention measures include awareness campaigns and a hotline.
3.
Victims will be assisted in shelters.
4.
The plan has no separate budget.
"""
    got = answers(text)
    assert {f for f in got if f not in ("language",)} == set()


def test_a_marked_option_with_labels_on_both_sides_goes_to_review():
    text = """
5. Does the national co-ordination mechanism have a budget?
Yes ☒ No
6. The main function of this group is:
☐ a) Advisory ☒ b) Policy making ☐ c) Implementation ☐ d) Other
"""
    found = {a.field: a for a in extract_document(doc_of(text)).answers}
    assert found["ncm_budget"].confidence < 0.8
    assert found["ncm_function"].value == "policy_making" and found["ncm_function"].confidence >= 0.9


@pytest.mark.parametrize(
    "lang, answer",
    [
        ("en", "A Government decision without legal force of 8 March 1999."),
        ("ru", "Решение правительства, не имеющее юридической силы, от 08.03.1999."),
        ("fr", "Une décision du gouvernement sans force juridique du 8 mars 1999."),
        # an act called a recommended action, whatever else it is called ("the Council of Ministers' agreement")
        ("es", "Acuerdo del Consejo de Ministros (acción recomendada), de 8 de marzo de 1999."),
        ("en", "Decision of the Council of Ministers (recommended action) of 8 March 1999."),
        ("it", "Delibera del Consiglio dei Ministri (azione raccomandata) dell'8 marzo 1999."),
    ],
)
def test_a_decision_without_legal_force_is_a_policy_basis(lang, answer):
    from extractors.interpret import read_segment
    from extractors.view import View
    from questionnaire_returns.records import Segment

    seg = Segment("4", (Line(answer),), "numbered")
    got = dict(read_segment(View(seg, lang), None))
    assert got["ncm_legal_basis"].value == "policy"
    assert got["ncm_established_year"].value == "1999"


@pytest.mark.parametrize(
    "answer",
    [
        "public awareness, other)?",  # the question's own wrapped tail, as OCR splits it
        "Javier Martin, Deputy Head of Mission:",  # a signature line under the last question
        "K.A:",  # "keine Angabe" as OCR reads it
        "awareness of the problem, other?) Not applicable.",  # the wording's tail, then "no answer"
        "b) No",  # an option of the form left where the answer's words would be
    ],
)
def test_a_question_tail_or_a_label_is_not_a_text_answer(answer):
    text = f"""
22. What have been the main successes of the national rapporteur?
{answer}
23. What have been the main challenges?
Lack of resources and of reliable data.
"""
    got = answers(text)
    assert "nrm_success" not in got
    assert got["nrm_challenges"] == "Lack of resources and of reliable data."


def test_a_text_answer_after_the_retyped_instruction_keeps_only_the_answer():
    text = """
7. What have been the primary achievements of this individual or group?
Please cite specific instances. Reply: A shelter for victims was opened.
8. What have been the main challenges this individual or group has faced?
Lack of resources.
"""
    assert answers(text)["ncm_achievements"] == "A shelter for victims was opened."
    assert "ncm_achievements" not in answers(text.replace("A shelter for victims was opened.", "-"))


@pytest.mark.parametrize("instruction, answer", [
    # the instruction with its bracketed examples wrapped under the question, the answer below it; the
    # answer's first sentence shares words with the examples and must stay
    ("Please cite specific instances (legislative and policy reforms, new prevention, protection and prosecution "
     "practices, awareness raising, funding co-ordination, etc.).",
     "Adoption of a national referral mechanism and funding of protection projects with the countries of origin. "
     "Training was given to more than 500 police officers."),
    # Italian: the instruction opens with "Si", which is also a yes; here it opens a sentence and is no answer
    ("Si prega di citare esempi specifici (riforme legislative e politiche, nuove pratiche di prevenzione, "
     "protezione e contrasto, sensibilizzazione, coordinamento dei finanziamenti, ecc.).",
     "Istituzione del Numero Verde nazionale antitratta, finanziamento di progetti di protezione sociale e firma "
     "di accordi di cooperazione con i Paesi di origine. Sono stati organizzati corsi di formazione."),
])
@pytest.mark.parametrize("one_line", [False, True])
def test_an_answer_under_the_wrapped_instruction_is_kept_whole(instruction, answer, one_line):
    sep = " " if one_line else "\n"  # the answer on the instruction's own line, or on the next
    got = answers(f"""
7. What have been the primary achievements of this individual or group?
{instruction}{sep}{answer}
8. What have been the main challenges facing this group?
Lack of resources.
""")
    assert got["ncm_achievements"] == answer


def test_a_stray_mark_before_a_lettered_option_on_a_scan_is_its_tick():
    from questionnaire_returns.segment.marks import options_in

    lines = [Line("a) Yes", page=1, origin="ocr", ocr_confidence=0.8), Line("“ b) No", page=1, origin="ocr", ocr_confidence=0.8)]
    assert [(o.letter, o.checked) for o in options_in(lines)] == [("b", True)]
    assert options_in([Line("“ b) No")]) == []  # in typed text a quote mark is a quote mark


def test_the_questions_which_ministries_followed_by_yes_is_no_ministry_name():
    text = """
3. Le mécanisme de coordination est-il :
a) Interministériel ? Si oui, quels ministères Oui. Sont représentés : le Ministère de la Santé, le Ministère des Finances et le Ministère de la Mer.
5. Le mécanisme national de coordination dispose-t-il d'un budget ?
Non.
"""
    got = extract_document(doc_of(text, "reponse.txt")).answers
    ministries = next(a for a in got if a.field == "ncm_ministries")
    assert ministries.value.split(";")[:2] == ["finance", "health"]
    assert "Oui" not in ministries.value
    assert "Ministère de la Mer" in ministries.value  # a ministry the tables do not know is still kept, verbatim


def test_a_table_row_label_with_its_boxes_on_the_numbers_line_starts_the_question():
    text = """
9. National action plan ☒ a) A National Action Plan ☐ b) Other equivalent response
Adopted in 2005.
10. Coverage of the national response ☐ a) Legislative reform ☒ b) Prevention ☐ c)
Protection and Assistance ☒ d) Law Enforcement and Prosecution
11. Definition of THB ☒ a) Yes ☐ b) No
"""
    got = answers(text)
    assert got["nap_exists"] == "yes"
    assert got["nap_coverage"] == "law_enforcement;prevention"


@pytest.mark.parametrize(
    "lang, text, answer",
    [
        ("en", "Among the main achievements, the following may be mentioned. A shelter was opened.", "A shelter was opened."),
        ("en", "As regards achievements: A free telephone hotline has been operating since 2006.", "A free telephone hotline has been operating since 2006."),
        ("en", "The main challenges are the following.", ""),
        ("en", "Training as follows from the plan was held for judges.", "Training as follows from the plan was held for judges."),
        ("fr", "Parmi les principales réalisations, on peut citer les suivantes. Un foyer a été ouvert.", "Un foyer a été ouvert."),
        ("de", "Als wichtigste Ergebnisse sind folgende zu nennen: Ein Frauenhaus wurde eröffnet.", "Ein Frauenhaus wurde eröffnet."),
        ("ru", "Среди основных достижений можно отметить следующие. Открыт приют.", "Открыт приют."),
        ("es", "Entre los principales logros cabe mencionar los siguientes. Se abrió un albergue.", "Se abrió un albergue."),
        ("it", "Tra i principali risultati si possono citare i seguenti. È stato aperto un centro.", "È stato aperto un centro."),
        ("fr", "S'agissant des réalisations : Un foyer a été ouvert.", "Un foyer a été ouvert."),
        ("ru", "Осуществление плана сопряжено со следующими трудностями. Сбор данных разрознен.", "Сбор данных разрознен."),
        ("es", "En lo que se refiere a los logros: Se abrió un albergue.", "Se abrió un albergue."),
    ],
)
def test_a_sentence_that_only_announces_the_answer_is_left_out(lang, text, answer):
    from extractors.answer_text import _without_introduction
    from questionnaire_returns.language.patterns import patterns_for

    assert _without_introduction(text, patterns_for(lang)) == answer


def test_the_next_questions_wording_and_answer_run_into_a_text_answer_are_cut_and_sent_to_review():
    from extractors.answer_text import answer_text
    from extractors.view import View
    from questionnaire_returns.records import Segment

    seg = Segment("15", (Line("NGOs take part in the Plan. More victims were identified. (national rapporteur or equivalent mechanism)? No"),), "numbered")
    read = answer_text(View(seg, "en"))
    assert read.value == "NGOs take part in the Plan. More victims were identified."
    assert read.how == "pattern.weak"


def test_a_misread_word_in_the_retyped_instruction_of_a_scan_is_still_no_answer():
    from extractors.answer_text import answer_text
    from extractors.view import View
    from questionnaire_returns.records import Segment

    seg = Segment("11", (Line("Please provide us with the SEENON.", page=1, origin="ocr", ocr_confidence=0.9),), "numbered")
    assert answer_text(View(seg, "en")) is None


def test_a_letter_denying_a_commission_keeps_its_coordinator_and_its_experts_are_no_ministries():
    text = """
Permanent Mission of Austria to the OSCE
There is no commission; co-ordination is entrusted to a National Co-ordinator (the Deputy Prime Minister).
Represented in the co-ordination are the Ministry of Employment, Ministry for Women and Children and Treasury. Experts such as police investigators, prosecutors and social workers take part.
As regards achievements: the working group drafted the new Article of the Criminal Code.
"""
    got = answers(text)
    assert got["ncm_type"] == "coordinator"
    assert got["ncm_ministries"] == "family;finance;labour"


@pytest.mark.parametrize("text", ["Au début des années 1990.", "A comienzos de la década de 1990.",
                                  "Agli inizi degli anni 1990.", "В начале 1990-х годов.", "In the early 1990s.",
                                  "A mediados de los años 1990."])
def test_a_decade_in_any_language_is_a_vague_year_for_review(text):
    from extractors.values import first_year

    got = first_year([Line(text)])
    assert (got.value, got.how) == ("", "vague")


def test_a_signature_line_in_russian_under_the_last_answer_is_no_answer():
    text = """
21. Публикуются ли доклады?
Да.
22. Каковы свидетельства успеха этого доклада?
Рекомендации учтены в новом плане.
23. С какими трудностями сталкивается национальный докладчик?
Н.Н. Сидоров Заместитель постоянного представителя
"""
    got = {a.field: a.value for a in extract_document(doc_of(text)).answers}
    assert "nrm_challenges" not in got


def test_russian_numbering_with_a_letter_glued_to_the_number_finds_the_questions():
    text = """
В1 Признанный механизм координации?
Да
В5 Бюджет
Нет
В16 Национальный докладчик?
Нет
"""
    assert [s.question for s in segment_numbered(doc_of(text).lines, "ru")] == ["1", "5", "16"]
    assert segment_numbered(doc_of("В 5 министерствах созданы рабочие группы.\nВ 2004 году принят закон.").lines, "ru") == []


def test_numbered_questions_may_skip_a_part_the_return_does_not_answer():
    text = """
Q1
☐ Yes
☒ No
Q4
B. National action plans
Q9
☒ A National Action Plan
Q16
☐ Yes
☒ No
Q19
Set up in 2006, restructured in 2007.
"""
    assert [s.question for s in segment_numbered(doc_of(text).lines, "en")] == ["1", "4", "9", "16", "19"]


def test_a_table_of_number_question_and_answer_gives_each_cell_its_part():
    """The answer cell is the answer; the question's cell, label or wrapped wording, never is (an empty
    answer cell beside a wrapped question gives no answer at all)."""
    from questionnaire_returns.read import read_bytes
    from tests import fixtures_readers as F

    doc = read_bytes(F.question_table_pdf(), "reply.pdf", "reply.pdf")
    segs = {s.question: [l.text for l in s.lines] for s in segment_numbered(doc.lines, "en")}
    assert segs["7"] == ["The commission drafted a new article", "of the Criminal Code on trafficking."]
    assert segs["14"] == []
    assert segs["15"] == ["The budget is insufficient."]


def test_where_marks_follow_their_options_a_mark_under_a_wrapped_option_closes_it():
    """'a) Yes b) No ☒' shows the document's marks follow their options, so the mark opening
    '☒ c) Other' closes option b), whose words wrapped over the lines above."""
    got = answers("""
1. Does your country have a recognized mechanism to co-ordinate policy? a) Yes ☒ b) No
2. If yes, what is the nature of the mechanism?
a) National co-ordinator b) National working group,
commission or task force: Inter-ministerial working group
☒ c) Other (please describe)
16. Does your country have a national reporting mechanism in place? a) Yes b) No ☒
19. When was it established? 2004
""")
    assert (got["ncm_exists"], got["ncm_type"], got["nrm_exists"]) == ("yes", "working_group", "no")


# a return answering part C up to Q22: the tests of what may follow that answer add to it
PART_C_TO_Q22 = """
1. Does your country have a recognized mechanism to co-ordinate policy?
Yes.
16. Does your country have a national reporting mechanism in place?
Yes.
22. What have been evidences of the success of this report?
Two of its recommendations were written into the new law.
"""


@pytest.mark.parametrize("after_the_answer", [
    "Cite",  # a scrap of the form's wording
    "National Action Plan against Trafficking in Human Beings 2006-2009\nThe plan sets out measures.",  # an annex
    "María García\nPrimera Secretaria",  # a signature
])
def test_what_follows_an_unanswered_last_question_is_no_answer(after_the_answer):
    got = answers(PART_C_TO_Q22 + f"""23. What limitations and challenges have you encountered in reporting on THB?
{after_the_answer}
""")
    assert got["nrm_success"] == "Two of its recommendations were written into the new law."
    assert "nrm_challenges" not in got


def test_an_answer_labelled_as_such_is_the_answer_even_in_the_options_words():
    got = answers("""
1. Does your country have a recognized mechanism to co-ordinate policy?
Yes.
9. Does your country have a National Action Plan?
Yes.
10. What is covered in your national
policy response?
Answer: International co-operation,
legislative reform, prevention.
16. Does your country have a national reporting mechanism in place?
No.
""")
    assert got["nap_coverage"] == "international_cooperation;legislative_reform;prevention"


def test_a_tables_header_row_repeated_over_a_page_is_no_part_of_an_answer():
    got = answers(PART_C_TO_Q22 + """No. Question Answer
23. What limitations and challenges have you encountered in reporting on THB?
Data are scattered across agencies.
""")
    assert got["nrm_success"] == "Two of its recommendations were written into the new law."


@pytest.mark.parametrize("word, rest", [("Questio", "n 5."), ("Вопро", "с № 5."), ("Questio", "n No. 5")])
def test_a_numbering_word_a_narrow_cell_broke_over_two_lines_is_mended(word, rest):
    lines = tuple(Line(t) for t in [word, rest, "No.", "Question 9.", "Yes."])
    assert [(s.question, s.text) for s in segment_numbered(lines, "ru" if word == "Вопро" else "en")] == [("5", "No."), ("9", "Yes.")]


def test_a_russian_letter_read_in_its_own_inflections_and_cut_at_its_closing():
    got = answers("""
Постоянное представительство Республики Польша при ОБСЕ
Уважаемые коллеги!
В ответ на Ваш вопросник о национальных механизмах координации направляем следующую информацию.
Координационный орган (Национальный комитет по борьбе с торговлей людьми) создан в 2004 году.
Механизм располагает собственным бюджетом.
К основным достижениям относится следующее. Проведено обучение более 500 сотрудников милиции.
Национальный план действий утвержден в 2001 году.
Осуществление плана сопряжено со следующими трудностями. Сбор данных разрознен.
С глубоким уважением,
Д.А. Смирнов
Доклад национального докладчика о торговле людьми (2003)
1. Законодательная реформа
Определение соответствует статье 3 Палермского протокола. Национальный докладчик назначен в 2002 году.
""")
    assert got["ncm_budget"] == "yes"
    assert got["ncm_achievements"] == "Проведено обучение более 500 сотрудников милиции."
    assert got["nap_challenges"] == "Сбор данных разрознен."
    assert "thb_defined" not in got and "nrm_exists" not in got  # the appended report is not the letter


def test_a_report_appended_after_the_signature_lends_its_chapter_numbers_to_no_question():
    text = """
1. Does your country have a recognized mechanism to co-ordinate policy?
Yes.
16. Does your country have a national reporting mechanism in place?
No.
Anna Huber
Head of Department
Report of the National Rapporteur on Trafficking in Human Beings (2005)
17. Timeline for implementation
Several recommendations of the report were taken up in the new plan.
20. Protection and assistance
A shelter for victims was opened.
21. Prevention
An awareness campaign was run with NGOs.
22. Law enforcement
More than 500 police officers were trained.
23. Legislative reform
A new article of the Criminal Code was adopted.
"""
    assert [seg.question for seg in segment_numbered(doc_of(text).lines, "en")] == ["1", "16"]
    got = answers(text)
    assert got["nrm_exists"] == "no"
    assert not {f for f in got if f.startswith(("nrm_", "report")) and f != "nrm_exists"}


def test_the_questions_own_numbered_heading_inside_its_segment_is_no_answer():
    from extractors.answer_text import answer_text
    from extractors.view import View
    from questionnaire_returns.records import Segment

    seg = Segment("15", (Line("Not applicable."), Line("Question 15 Main difficulties in carrying out the plan")), "question_text")
    assert answer_text(View(seg, "en"), prose=True) is None


KINDS_ROW = """1. Does your country have a recognized mechanism to co-ordinate policy on trafficking? ☒ Yes ☐ No
2. If yes, what is the nature of the mechanism?
{row}
{details}
3. If the co-ordination mechanism is a working group, commission, or task force, what is the composition?
a) Inter-ministerial? ☒ Yes ☐ No
"""


@pytest.mark.parametrize("row, details, expected", [
    ("☒ National co-ordinator ☒ National working group, commission or task force ☐ Other",
     "Deputy Minister of Interior\nInter-Agency Working Group on Trafficking in Persons",
     {"ncm_coordinator": "Deputy Minister of Interior",
      "ncm_body_name": "Inter-Agency Working Group on Trafficking in Persons"}),
    ("National co-ordinator; National working group, commission or task force",
     "State Secretary of the Ministry of Justice\nNational Task Force against Human Trafficking",
     {"ncm_coordinator": "State Secretary of the Ministry of Justice",
      "ncm_body_name": "National Task Force against Human Trafficking"}),
    ("☒ Coordonnateur national ☐ Groupe de travail, commission ou équipe spéciale nationale ☐ Autre",
     "Coordonnatrice nationale de la lutte contre la traite des êtres humains",
     {"ncm_coordinator": "Coordonnatrice nationale de la lutte contre la traite des êtres humains",
      "ncm_body_name": None}),
])
def test_the_lines_under_the_kinds_row_name_each_kind_chosen(row, details, expected):
    """The co-ordinator's title and the body's name on lines of their own under the row of kinds, in the form's
    order: one line for each kind chosen."""
    got = answers(KINDS_ROW.format(row=row, details=details))
    assert {f: got.get(f) for f in expected} == expected


def test_questions_retyped_without_their_bracketed_examples_are_found_by_their_wording():
    """Numbered by part ('1.7', '1.8'), the wording retyped without the form's long '(Examples include ...)':
    still the question, so each answer stays with it and not with the question before."""
    got = answers("""
1.1 Does your country have a recognized mechanism to co-ordinate policy and programmatic responses to human trafficking?
(i) Yes ☒
(ii) No ☐
1.6 The main function of this group is:
(i) Advisory ☒
(ii) Policy making ☐
1.7 What have been the primary achievements of this individual or group? Please cite specific instances.
More than 1,200 police officers were trained between 2010 and 2012.
1.8 What have been the main challenges facing this group? Please cite specific examples.
Insufficient budget and staff.
""")
    assert got.get("ncm_achievements") == "More than 1,200 police officers were trained between 2010 and 2012."
    assert got.get("ncm_challenges") == "Insufficient budget and staff."


def test_a_letter_s_date_is_no_question_number_and_each_kind_s_name_follows_its_label():
    """'2 juin 2015' atop a note verbale is its date, not question 2; 'Groupe de travail, commission ou groupe
    spécial national : Commission nationale ...' names the body after the kind's own words."""
    got = answers("""
Mission permanente de la Tunisie à Vienne
2 juin 2015
La Mission permanente présente ses compliments au Bureau et a l'honneur de lui communiquer les informations suivantes.
A. Structures nationales de coordination
1. Votre pays dispose-t-il d'un mécanisme reconnu de coordination des réponses politiques et programmatiques à la traite des êtres humains ?
Oui.
2. Dans l'affirmative, quelle est la nature de ce mécanisme ?
Coordinateur national: Secrétaire générale de la Mission interministérielle (MIPROF). Groupe de
travail, commission ou groupe spécial national: Commission nationale de lutte contre la traite des
personnes.
4. Sur quelle base (loi, recommandation, etc.) ce mécanisme a-t-il été créé ?
Loi relative à la lutte contre la traite des personnes
""")
    assert got.get("ncm_exists") == "yes"
    assert got.get("ncm_type") == "both"
    assert got.get("ncm_body_name") == "Commission nationale de lutte contre la traite des personnes"


def test_a_low_political_priority_is_a_want_of_support_in_the_plan_s_challenges():
    got = answers("""
9. Does your country have a National Action Plan? Yes, adopted in 2010.
15. What have been the main challenges facing the implementation of this plan? Please cite specific examples.
Limited public support and low political priority outside election periods.
""")
    assert got["nap_challenge_topics"] == "support"


@pytest.mark.parametrize("text, recipient", [
    ("""16. Does your country have a national reporting mechanism? ☒ Yes ☐ No
21. Structure of reports: a) How frequently are reports issued? b) To whom are they
sent? c) Are they made public?
a) Frequency
Irregularly
b) Recipient
Parliament
c) Public
☒ Yes ☐ No
""", "Parliament"),
    ("""16. Существует ли в вашей стране национальный механизм отчётности? ☒ Да ☐ Нет
21. Структура докладов: а) Как часто публикуются доклады? б) Кому они
направляются? в) Являются ли они публичными?
а) Периодичность
Нерегулярно
б) Адресат
Парламенту
в) Публичность
☒ Да ☐ Нет
""", "Парламенту"),
])
def test_a_heading_that_asks_its_parts_and_wraps_is_no_answer(text, recipient):
    """'21. Structure of reports: a) ...? b) To whom are they' / 'sent? c) Are they made public?': the heading's
    wording goes on over its second line, in the return's own translation too; it answers nothing (the
    recipient is under b))."""
    assert answers(text).get("report_recipient") == recipient


@pytest.mark.parametrize("rows, expected", [
    ("☐ A decision making capacity\n☐ An observer capacity\n☒ Other", "other"),
    ("☒ A decision making capacity\n☐ An observer capacity\n☒ Other: on invitation", "decision_making;other"),
    ("☐ A decision making capacity\n☒ An observer capacity\n☐ Other", "observer"),
])
def test_civil_society_s_role_ticked_other(rows, expected):
    """Civil society's roles as boxes under part d): a ticked 'Other' is the role 'other'."""
    got = answers(f"""
1. Does your country have a recognized mechanism to co-ordinate policy? ☒ Yes ☐ No
2. If yes, what is the nature of the mechanism? ☐ National co-ordinator ☒ Working group
3. If the co-ordination mechanism is a working group, commission, or task force, what is the composition?
d) Are representatives from civil society a part of this group? What percentage? Do they function in a decision making capacity, an observer capacity, other?
☒ Yes ☐ No
{rows}
30 per cent
""")
    assert got.get("ncm_civil_society_role") == expected


@pytest.mark.parametrize("when, year, later", [
    ("2008–2009 гг.", "2008", "2009"),
    ("2001-2002", "2001", "2002"),
    ("Established in 2005 under the National Action Plan 2005-2008.", "2005", None),
])
def test_a_bare_range_of_years_gives_the_later_year_too(when, year, later):
    """'2008–2009' answering when the body was set up: both years are the body's; a plan's period named in a
    sentence is not."""
    got = answers(f"""
1. Does your country have a recognized mechanism to co-ordinate policy? ☒ Yes ☐ No
4. By what authority (legislation, recommended action, etc) was this mechanism established? When was it established?
Government decree.
{when}
""")
    assert (got.get("ncm_established_year"), got.get("ncm_established_year_other")) == (year, later)


def test_a_number_written_twice_heads_one_question():
    """'21.' on a row of its own, then '21. Structure of reports' (an export that writes the number in a column
    of its own): one heading; the parts under it are the structure of reports, not the content."""
    got = answers("""
16. Does your country have a national reporting mechanism in place? ☒ Yes ☐ No
20. Does this function have a budget? If yes, what does this budget cover?
Yes | research and the publication of the annual report
21.
21. Structure of reports
a) How often are reports issued?
twice a year
b) To whom are they issued?
the Minister of Justice and the Parliament
c) Are they made public?
Yes
21. Content of reports. The reports cover:
The scope of the problem of THB; Prevention activities
""")
    assert (got.get("report_frequency"), got.get("reports_public")) == ("biannual", "yes")
    assert got.get("report_content") == "prevention;scope"
    # an export's cell separator after the yes, and the number's row, are no part of what the budget covers
    assert got.get("nrm_budget_covers") == "research and the publication of the annual report"


def test_the_english_form_s_yes_ticked_in_a_return_answered_in_spanish_is_yes():
    # the form retyped in English, the answers in Spanish: the answers' language reads the boxes, and the
    # form's own "Yes" is still a yes in it
    got = answers("""
9. Does your country have:
a) a National Action Plan (NAP)? ☒ Yes ☐ No
Programa Nacional de Prevención y Lucha contra la Trata, aprobado en noviembre de 2003 por el Consejo de Ministros.
11. Is trafficking in human beings defined in the legislation / national action plan? Please provide the definition.
☒ Yes ☐ No
El Código Penal castiga a quien capte, transporte, traslade, acoja o reciba a una persona empleando violencia.
12. Are the elements of a comprehensive approach defined in the legislation / national action plan?
☒ Yes ☐ No
13. How does the government review and assess the impact of the action plan?
Se ha previsto una evaluación intermedia y una evaluación final a cargo de un organismo independiente.
""")
    assert got["language"] == "es"
    assert got.get("nap_exists") == "yes" and got.get("thb_defined") == "yes"
    assert got.get("comprehensive_approach_defined") == "yes"


@pytest.mark.parametrize("instruction, answer", [
    ("Si prega di citare esempi specifici (bilancio e risorse, mancanza di accordo interno, priorità concorrenti, "
     "scarso coordinamento tra i diversi soggetti, ecc.).",
     "Insufficienza delle risorse finanziarie e di personale specializzato."),
    # the instruction in a translation of the return's own: known by its shape, a few words and a list closed by etc.
    ("Please give concrete examples (such as budget and resources, internal disagreement, competing priorities, "
     "poor co-ordination between actors, etc.).",
     "Insufficient financial resources and too few specialised staff."),
])
def test_the_topics_of_challenges_come_from_the_answer_not_the_instruction_s_examples(instruction, answer):
    got = answers(f"""
8. What have been the main challenges facing this individual or group?
{instruction}
{answer}
9. Does your country have a National Action Plan? ☒ Yes ☐ No
""")
    assert got["ncm_challenges"] == answer
    assert got["ncm_challenge_topics"] == "resources"


def test_an_answer_whose_first_sentence_ends_in_a_list_with_etc_is_kept():
    answer = "Training for police officers (workshops, manuals, study visits, etc.). Over 500 officers were trained."
    got = answers(f"""
7. What have been the primary achievements of this individual or group?
{answer}
8. What have been the main challenges facing this group?
Lack of resources.
""")
    assert got["ncm_achievements"] == answer


@pytest.mark.parametrize("text, kind", [
    ("16. Il Suo Paese dispone di un meccanismo nazionale di rapporto?\nSi\n17. Di che natura è tale meccanismo?\n"
     "Funzione del coordinatore nazionale\n19. Quando è stata istituita?\n2007", "coordinator_function"),
    ("16. Does your country have a national reporting mechanism in place?\nYes\n17. What kind of mechanism is it?\n"
     "Function of the national co-ordinator\n19. When was it established?\n2007", "coordinator_function"),
])
def test_an_answer_that_is_most_of_one_options_words_chooses_it(text, kind):
    """'Funzione del coordinatore nazionale' for the form's 'Parte delle funzioni del coordinatore nazionale': the
    option named in short is the answer, not the form's wording retyped."""
    assert answers(text).get("nrm_type") == kind


def test_a_detail_holding_an_options_word_inside_a_longer_word_is_no_option():
    """'Расходы на подготовку и издание доклада.' under '☒ Да ☐ Нет': 'да' inside 'доклада' names no option; the
    line is the budget's detail."""
    got = answers("16. Имеется ли национальный механизм отчетности?\n☒ Да ☐ Нет\n"
                  "20. Располагает ли эта функция бюджетом? Если да, что покрывает этот бюджет?\n☒ Да ☐ Нет\n"
                  "Расходы на подготовку и издание доклада.\n")
    assert got.get("nrm_budget_covers") == "Расходы на подготовку и издание доклада."
