"""Returns that number the questions their own way: within each part, in Roman numerals, by "Section B,
item 2", several at once, out of the form's order, with the wording paraphrased. Each text is built here
in the shape such returns take; the questions' parts and order come from the schema."""

from __future__ import annotations

import pytest

from questionnaire_returns.pipeline import process_document
from questionnaire_returns.records import Document, Line
from questionnaire_returns.segment.questions import segment_numbered

# One paraphrased label per question, in the form's order (the two 21s included), as a return retypes them.
LABELS = {
    "A": ["Existence of an officially recognised national co-ordination mechanism on THB", "Type of mechanism",
          "Composition of the working group / commission", "Legal basis and date of establishment",
          "Budget of the mechanism (and what it covers)", "Main function",
          "Primary achievements (concrete examples, e.g. legal/policy reform, new prevention practice, funding co-ordination)",
          "Main challenges (specific examples, e.g. lack of resources, internal disagreement, other priorities)"],
    "B": ["National Action Plan or equivalent national response", "Scope of the national response",
          "Definition of THB in law / NAP (please give the text)",
          "Comprehensive approach (prevention, prosecution, protection/assistance) defined in law or NAP?",
          "Review and assessment of the plan's impact",
          "Main achievements of the NAP (specific instances, e.g. new partners, clearer objectives/definitions)",
          "Main challenges in implementation (examples, e.g. funding, lack of political/public support)"],
    "C": ["National rapporteur or equivalent reporting mechanism", "Nature of the reporting mechanism",
          "Authority for the function", "When was the reporting function created?", "Budget of the reporting function",
          "Frequency, addressees and publicity of reports", "Contents of the reports",
          "Evidence of success of the reports", "Limitations and challenges in reporting"],
}
ANSWERS = {
    ("A", 1): ["☒ YES", "☐ NO"],
    ("A", 2): ["☐ National Co-ordinator", "☒ Working group / commission / task force: National Steering Committee on THB",
               "☐ Other (describe)"],
    ("A", 3): ["Inter-ministerial? Ministries represented: YES: Ministry of Justice, Ministry of Labour and Social Policy",
               "Experts / operational level represented: NO"],
    ("A", 4): ["Legal basis: Government Ordinance No. 94", "Established: 11.12.2000"],
    ("A", 5): ["☐ YES", "☒ NO"],
    ("A", 6): ["☒ Advisory role", "☐ Policy-making", "☒ Implementation", "☐ Other"],
    ("A", 7): ["A reflection period of 30 days for foreign victims was introduced."],
    ("A", 8): ["Victims are reluctant to testify against traffickers."],
    ("B", 1): ["A National Action Plan? YES, 2003", "Equivalent policy/programme response (explain): NO"],
    ("B", 2): ["☐ Reform of legislation", "☒ Prevention", "☒ Victim protection and assistance", "☐ Other"],
    ("B", 3): ["☒ YES", "☐ NO", "Text of the definition: Section 2 of the Criminal Code defines trafficking as recruiting persons for exploitation."],
    ("B", 4): ["☐ YES", "☒ NO"],
    ("B", 5): ["An annual implementation report is prepared by the secretariat and discussed by the Government."],
    ("B", 6): ["New stakeholders, in particular the labour inspectorate, were brought into the response."],
    ("B", 7): ["Competing reform priorities in the justice sector."],
    ("C", 1): ["☒ YES", "☐ NO"],
    ("C", 2): ["☒ Independent National Rapporteur", "☐ Other"],
    ("C", 3): ["☐ Law", "☒ Policy decision", "☐ Other"],
    ("C", 4): ["2004"],
    ("C", 5): ["☐ YES", "☒ NO"],
    ("C", 6): ["How often? Every year", "Submitted to: the Government and Parliament", "Published: Yes"],
    ("C", 7): ["☒ Extent of trafficking", "☒ Victim services", "☐ Other"],
    ("C", 8): ["The reports are now the main source of data quoted by ministries and NGOs alike."],
    ("C", 9): ["Access to court files is refused without the consent of the judiciary."],
}
KEYS = {"A": ["1", "2", "3", "4", "5", "6", "7", "8"], "B": ["9", "10", "11", "12", "13", "14", "15"],
        "C": ["16", "17", "18", "19", "20", "21s", "21c", "22", "23"]}
HEADS = {"A": "SECTION A: NATIONAL CO-ORDINATION", "B": "SECTION B: ACTION PLAN", "C": "SECTION C: NATIONAL RAPPORTEUR"}


def doc_of(text: str, name: str = "return.txt") -> Document:
    return Document(name, "text", tuple(Line(t) for t in text.strip("\n").splitlines()))


def answers(text: str) -> dict[str, str]:
    return {a.field: a.value for a in process_document(doc_of(text)).answers}


def written(number, parts=("A", "B", "C"), heads: bool = True) -> str:
    """A return with the paraphrased labels, each question numbered by `number(part, n, form_number)`."""
    out, form = [], 0
    for part in parts:
        if heads:
            out.append(HEADS[part])
        for n, label in enumerate(LABELS[part], 1):
            form = int(KEYS[part][n - 1].rstrip("sc"))
            out.append(f"{number(part, n, form)} {label}")
            out.extend(ANSWERS[(part, n)])
            out.append("")
    return "\n".join(out)


EXPECTED = {
    "ncm_exists": "yes", "ncm_type": "working_group", "ncm_budget": "no", "ncm_function": "advisory;implementation",
    "ncm_established_year": "2000", "nap_exists": "yes", "nap_year": "2003", "nap_coverage": "prevention;protection_assistance",
    "thb_defined": "yes", "comprehensive_approach_defined": "no", "nrm_exists": "yes", "nrm_type": "independent_rapporteur",
    "nrm_authority": "policy", "nrm_established_year": "2004", "nrm_budget": "no", "report_frequency": "annual",
    "report_content": "scope;victim_services",
    "ncm_achievements": "A reflection period of 30 days for foreign victims was introduced.",
    "nap_challenges": "Competing reform priorities in the justice sector.",
    "nrm_challenges": "Access to court files is refused without the consent of the judiciary.",
}


@pytest.mark.parametrize("number", [
    lambda part, n, form: f"{part}.{n}",  # A.1 ... A.8, B.1 ... B.7, C.1 ... C.9
    lambda part, n, form: f"{'I' * 'ABC'.index(part) + 'I'}.{n}",  # I.1 ... III.9
    lambda part, n, form: f"Section {part}, item {n}",
], ids=["part-letter", "roman", "section-item"])
def test_numbers_within_each_part_mean_that_part_s_questions(number):
    text = written(number)
    segs = segment_numbered(doc_of(text).lines, "en")
    assert [s.question for s in segs] == KEYS["A"] + KEYS["B"] + KEYS["C"]
    got = answers(text)
    assert {f: got.get(f) for f in EXPECTED} == EXPECTED


def test_numbers_that_start_again_under_each_part_s_heading():
    text = written(lambda part, n, form: f"{n}.")
    segs = segment_numbered(doc_of(text).lines, "en")
    assert [s.question for s in segs] == KEYS["A"] + KEYS["B"] + KEYS["C"]
    assert answers(text)["nrm_type"] == "independent_rapporteur"


def test_the_form_s_own_numbers_with_a_part_s_prefix_keep_their_meaning():
    segs = segment_numbered(doc_of(written(lambda part, n, form: f"{part}.{form}")).lines, "en")
    assert [s.question for s in segs] == KEYS["A"] + KEYS["B"] + KEYS["C"]


def test_parts_answered_out_of_the_form_s_order():
    text = "The answers are given in the order in which the institutions sent them.\n" + written(
        lambda part, n, form: f"Q{form}", parts=("C", "B", "A"))
    segs = segment_numbered(doc_of(text).lines, "en")
    assert [s.question for s in segs] == KEYS["C"] + KEYS["B"] + KEYS["A"]
    got = answers(text)
    assert {f: got.get(f) for f in EXPECTED} == EXPECTED


def test_a_part_answered_first_under_its_heading_with_bare_numbers():
    text = written(lambda part, n, form: f"{form}.", parts=("B", "A", "C"))
    segs = segment_numbered(doc_of(text).lines, "en")
    assert [s.question for s in segs] == KEYS["B"] + KEYS["A"] + KEYS["C"]


def test_a_part_s_heading_is_no_part_of_the_answer_before_it():
    segs = segment_numbered(doc_of(written(lambda part, n, form: f"{form}.")).lines, "en")
    assert all("SECTION" not in s.text for s in segs)
    assert next(s for s in segs if s.question == "8").text == "Victims are reluctant to testify against traffickers."


def test_a_paraphrased_label_and_its_examples_are_no_answer():
    text = """
6. What is the group's main function?
☒ Advisory
7. Primary achievements (concrete examples, e.g. legal/policy reform, new
prevention, protection or law-enforcement practice, awareness campaigns, funding
co-ordination)
A national awareness campaign was carried out in 2003.
8. What main difficulties has the group faced? Please give specific examples (such as budget and resources, poor co-ordination between stakeholders).
There is no consensus among the members on how to treat prostitution-related cases.
9. Is there in your country a National Action Plan, or an equivalent response at national level?
National Action Plan: Yes, 2006
10. Areas covered by the national response - concrete cases (e.g.
prevention, protection, prosecution,
international co-operation) :
Prevention and victim protection.
11. Does your legislation contain a definition of trafficking? Please quote it.
Yes. Article 3 of the Law defines trafficking as the recruitment of persons for exploitation.
12. Are the elements of a comprehensive approach laid down in law? Yes
"""
    segs = {s.question: s.text for s in segment_numbered(doc_of(text).lines, "en")}
    assert segs == {
        "6": "☒ Advisory",
        "7": "A national awareness campaign was carried out in 2003.",
        "8": "There is no consensus among the members on how to treat prostitution-related cases.",
        "9": "National Action Plan: Yes, 2006",
        "10": "Prevention and victim protection.",
        "11": "Yes. Article 3 of the Law defines trafficking as the recruitment of persons for exploitation.",
        "12": "Yes",
    }


def test_an_answer_on_the_heading_s_line_that_wraps_stays_whole():
    text = """
Q7 Opening of two state-funded shelters for victims, in
co-operation with NGOs.
Q8 Lack of funding.
"""
    segs = {s.question: s.text for s in segment_numbered(doc_of(text).lines, "en")}
    assert segs["7"] == "Opening of two state-funded shelters for victims, in\nco-operation with NGOs."


GROUPED = """
Q1 Yes

Questions 2-4:
Co-ordination is ensured by the National Task Force against Human Trafficking.
The body is inter-ministerial; its members are the Ministry of Justice and the Ministry of Health.
Civil society is not represented. It was set up by Resolution of the Cabinet of Ministers No. 256 in 2001.

Q5/Q20: Neither the co-ordination mechanism nor the National Rapporteur has a separate budget of its own.

Q6
☒ Advisory
☐ Other

Questions 13 to 15:
Parliament hears the report of the National Commission every year. Achievements of the plan: Each
measure has a responsible institution and a deadline. Obstacles: Political attention to the plan
decreased after the elections.

Q16 Yes
Q17-Q19: n/a
"""


def test_questions_answered_together_each_read_their_own_sentences():
    segs = segment_numbered(doc_of(GROUPED).lines, "en")
    by_key = {s.question: s for s in segs}
    assert [s.question for s in segs] == ["1", "2", "3", "4", "5", "20", "6", "13", "14", "15", "16", "17", "18", "19"]
    assert by_key["3"].text.startswith("The body is inter-ministerial")
    assert "Resolution" in by_key["4"].text and "inter-ministerial" not in by_key["4"].text
    assert by_key["13"].text == "Parliament hears the report of the National Commission every year."
    assert by_key["14"].text == "Each measure has a responsible institution and a deadline."
    assert by_key["15"].text == "Political attention to the plan decreased after the elections."


def test_grouped_answers_give_their_values_for_review():
    result = process_document(doc_of(GROUPED))
    got = {a.field: a for a in result.answers}
    assert got["ncm_budget"].value == "no" and got["nrm_budget"].value == "no"
    assert got["ncm_type"].value == "working_group"
    assert got["ncm_civil_society"].value == "no"
    assert got["ncm_established_year"].value == "2001"
    assert got["nap_review"].value == "Parliament hears the report of the National Commission every year."
    assert got["ncm_function"].value == "advisory"
    # which sentence answers which grouped question is the reader's guess: a reviewer confirms the prose read there
    assert got["nap_review"].confidence < 0.8 and got["ncm_budget"].confidence < 0.8
    assert got["ncm_function"].confidence >= 0.8  # a question answered under its own number keeps its confidence


def test_a_heading_that_ends_on_an_acronym_of_its_own_line():
    text = """
1. Existence of an officially recognised national co-ordination mechanism on
THB
YES
2. Type of mechanism
☒ Working group / commission / task force
"""
    assert {s.question: s.text for s in segment_numbered(doc_of(text).lines, "en")}["1"] == "YES"


def test_answers_written_under_each_question_of_the_quoted_request():
    """An e-mail that answers inline: the request's questions quoted ('> 3. ...', '> d): ...'), the answers
    under each. The quoted questions are the form's; their parts' letters count as if unquoted."""
    from questionnaire_returns.contract import CONTRACT

    q = CONTRACT.questions
    text = ["Dear colleagues,", "please find our answers below each question.",
            f"> 1. {q['1'].text}", "Yes",
            f"> 3. {q['3'].text}", f"> a): {q['3'].options['a']}", "Yes", "Ministry of Finance, Ministry of Justice",
            f"> b): {q['3'].options['b']}", "No",
            f"> d): {q['3'].options['d']}", "Yes", "NGO representatives: 20 per cent; as observers.",
            f"> 5. {q['5'].text}", "No"]
    got = {a.field: a.value for a in process_document(Document("reply.eml", "email", tuple(Line(t) for t in text))).answers}
    assert {f: got.get(f) for f in ("ncm_exists", "ncm_interministerial", "ncm_ministries", "ncm_experts",
                                    "ncm_civil_society", "ncm_civil_society_share", "ncm_civil_society_role",
                                    "ncm_budget")} == {
        "ncm_exists": "yes", "ncm_interministerial": "yes", "ncm_ministries": "finance;justice", "ncm_experts": "no",
        "ncm_civil_society": "yes", "ncm_civil_society_share": "20", "ncm_civil_society_role": "observer",
        "ncm_budget": "no"}


NUMBERED_ANSWERS = """
Ministry of Justice
ANSWERS TO THE OSCE QUESTIONNAIRE
1. A Co-ordination Council under the Government has worked since 2003; it meets every quarter.
2. The Council is chaired by the Deputy Prime Minister.
3. Represented are the Ministry of Internal Affairs, the Ministry of Social Protection and the Ministry of Finance.
4. The Council was set up by a Government decision and has no legal force. It has worked since 2003.
5. There is no budget of its own; the members bear their costs.
6. Its function is advisory.
7. Co-operation agreements were signed with neighbouring States.
8. Other priorities often come first. Co-operation between agencies remains weak.
9. In 2007 the Government adopted a National Action Plan.
10. The plan covers legislation, law enforcement and prosecution, and victim protection.
11. The law defines trafficking as the sale of a person or other transactions in persons.
12. The comprehensive approach (prevention, prosecution, protection) is laid down in the Plan.
13. No data.
14. A common concept of the victim was agreed.
15. Regional bodies are not always involved.
16. A National Rapporteur or equivalent mechanism has not yet been established. Questions 17-23 therefore do not apply.
17. No data.
18. No data.
"""


def test_answers_numbered_by_the_form_s_questions_without_their_wording_are_a_reply():
    # each line opens with the question's number and goes straight on with the answer
    result = process_document(Document("answers.docx", "docx", tuple(Line(t) for t in NUMBERED_ANSWERS.strip().splitlines())))
    got = {a.field: a.value for a in result.answers}
    assert got.get("ncm_function") == "advisory"
    assert got.get("nap_year") == "2007" and got.get("ncm_legal_basis") == "policy"
    assert got.get("nrm_exists") == "no"
    from questionnaire_returns.reply import is_reply
    assert is_reply(result)


def test_a_part_s_letter_glued_to_its_question_s_number_heads_that_part():
    # a table's number column read row by row, the answer cell under the label: "3a)", "9a)", "9b)", "21b)"
    # with no row for the question itself
    rows = [("1) Co-ordination mechanism", "Yes"), ("2) Nature of the mechanism", "Working group"),
            ("3a) Inter-ministerial; which ministries", "Yes: Ministry of Finance, Ministry of Health"),
            ("3b) Experts", "Yes"), ("8) Main challenges", "Lack of funding."),
            ("9a) National Action Plan", "Yes, adopted in 2005"), ("9b) Other equivalent response", "No"),
            ("16) National Rapporteur", "Yes"), ("17) Nature of the reporting", "Independent institution"),
            ("18) Authority", "Law"), ("19) Established", "2004"), ("20) Budget", "No"),
            ("21a) Frequency of reports", "Annually"), ("21b) Recipients", "Parliament"), ("21c) Made public", "No")]
    lines = tuple(Line(t) for row in rows for t in row)
    segs = {s.question for s in segment_numbered(lines, "en")}
    assert {"3", "9", "21s"} <= segs and "21c" not in segs
    got = {a.field: a.value for a in process_document(Document("table.pdf", "pdf_typed", lines)).answers}
    assert got.get("ncm_interministerial") == "yes" and got.get("ncm_ministries") == "finance;health"
    # a part's short label on its line, its answer on the line below
    assert got.get("ncm_experts") == "yes" and got.get("reports_public") == "no"
    assert got.get("report_recipient") == "Parliament"
    assert got.get("nap_exists") == "yes" and got.get("nap_equivalent") == "no" and got.get("nap_year") == "2005"
    assert got.get("report_frequency") == "annual"


def test_a_cyrillic_part_letter_before_the_number_names_the_form_s_part():
    from questionnaire_returns.segment.numbering import parse_label
    from questionnaire_returns.segment.wording import numbering_words
    words = numbering_words("ru")
    assert parse_label("Б.2 Какой год?", words).section == "B"
    assert parse_label("В.1 Есть ли докладчик?", words).section == "C"


GROUPED_WITH_A_WORD = """
REPUBLIC OF ARCADIA
Ministry of Internal Affairs
Answers to the OSCE questionnaire
1. YES
Questions 2-4:
Co-ordination is carried out by the Inter-agency Commission on Trafficking in Persons, set up by Decree No. 356 of 2004.
5. NO
6.
[X] Advisory
[ ] Policy making
7. A 24-hour hotline was opened with the support of IOM.
8. Assistance to victims is funded mainly by international donors.
Questions 9, 10: The National Action Plan was adopted in 2007. It covers prevention and protection.
11. YES
12. YES
Questions 13-15:
There is no formal evaluation; progress is discussed at the working group's meetings.
16. NO
17. -
18. -
19. -
20. -
21. -
22. -
23. -
"""


def test_bare_numbers_among_a_few_groups_written_with_a_word_are_headings():
    # "Questions 2-4:" names a few groups; the single questions are written "5. NO": both are the return's headings
    segs = segment_numbered(doc_of(GROUPED_WITH_A_WORD).lines, "en")
    assert {"1", "5", "6", "7", "8", "11", "12", "16"} <= {s.question for s in segs}
    from questionnaire_returns.read import read_bytes  # a plain-text return: its "[X]" / "[ ]" are boxes

    doc = read_bytes(GROUPED_WITH_A_WORD.encode(), "otvet.txt", "otvet.txt")
    got = {a.field: a.value for a in process_document(doc).answers}
    assert got.get("ncm_exists") == "yes" and got.get("ncm_budget") == "no" and got.get("nrm_exists") == "no"
    assert got.get("ncm_function") == "advisory"


NUMBERED_IN_SMALL_LETTERS = """
Madame, Monsieur,
Veuillez trouver ci-dessous nos réponses au questionnaire de l'OSCE.
A. STRUCTURES NATIONALES DE COORDINATION
1. Oui
2b) Commission nationale de lutte contre la traite des êtres humains
3a) Oui. Ministère de l'Intérieur; Ministère de la Santé; Ministère de la Justice. Présidence : Ministère de l'Intérieur
3d) Non
4. par la loi sur la lutte contre la traite; créé en 2004
5. Non
6. consultative; élaboration des politiques
7. campagne de sensibilisation du public; modification du Code pénal
8. le manque de moyens humains et financiers
B. PLANS D'ACTION NATIONAUX
9a) Oui. plan d'action national adopté en 2007
9b) Non
10. prévention; protection et assistance; coopération internationale
11. Non
12. Oui
13. le comité de suivi se réunit deux fois par an
14. meilleure répartition des compétences entre les services
15. l'insuffisance des crédits budgétaires
C. MÉCANISME NATIONAL DE RAPPORT
16. Oui
17. fonction confiée à un ministère
18. législation
19. 2005
20. Non
21a) annuelle
21b) au Parlement
21c) Non
22. plusieurs recommandations ont été intégrées dans la législation
23. le caractère caché du phénomène rend l'évaluation difficile
Avec nos salutations distinguées,
"""


def test_answers_in_small_letters_on_the_numbers_lines_are_answers_not_labels():
    # each answer follows its number ("17. fonction confiée à un ministère"), parts as "3a)", "21a)"; a label
    # opens with a capital and echoes its question, these do neither
    got = {a.field: a.value for a in process_document(doc_of(NUMBERED_IN_SMALL_LETTERS)).answers}
    assert got.get("ncm_function") == "advisory;policy_making"
    assert got.get("nrm_type") == "ministry_function" and got.get("nrm_authority") == "legislation"
    assert got.get("report_frequency") == "annual"
    assert got.get("nrm_challenges") == "le caractère caché du phénomène rend l'évaluation difficile"
    assert set(got.get("ncm_ministries", "").split(";")) >= {"interior", "health", "justice"}
    assert got.get("nap_coverage") == "international_cooperation;prevention;protection_assistance"
    assert got.get("ncm_legal_basis") == "legislation" and got.get("ncm_established_year") == "2004"
