"""Sub-questions by wording and place: a sub-question's marks belong to it whether or not it carries its
letter, a box row belongs to the sub-question it follows, a blank sub-question gives nothing, and one
sub-question's boxes never answer another."""

from __future__ import annotations

import pytest

from questionnaire_returns.pipeline import process_document
from questionnaire_returns.records import Document, Line

FIRST = """
1. Does your country have a recognized mechanism to co-ordinate policy? ☒ Yes ☐ No
2. If yes, what is the nature of the mechanism? ☐ National co-ordinator ☒ Working group
"""


def answers(text: str) -> dict[str, str]:
    doc = Document("return.txt", "text", tuple(Line(t) for t in text.strip("\n").splitlines()))
    return {a.field: a.value for a in process_document(doc).answers}


def plan(part_a: str, part_b: str) -> dict[str, str]:
    got = answers(f"""
8. What have been the main challenges facing this group?
Lack of funding.
9. Does your country have
{part_a}
{part_b}
10. What is covered in your national policy response?
☒ Prevention
""")
    return {f: got[f] for f in ("nap_exists", "nap_equivalent") if f in got}


def test_each_part_of_q9_is_read_from_its_own_boxes():
    assert plan("a) A National Action Plan? ☒ Yes ☐ No", "b) Other equivalent response? ☐ Yes ☒ No") == {
        "nap_exists": "yes", "nap_equivalent": "no"}
    assert plan("a) A National Action Plan? ☐ Yes ☒ No", "b) Other equivalent response? ☒ Yes ☐ No") == {
        "nap_exists": "no", "nap_equivalent": "yes"}


def test_a_blank_9b_is_no_answer_not_no():
    # 9a's two boxes are no answer to 9b
    assert plan("a) A National Action Plan? ☒ Yes ☐ No", "b) Other equivalent co-ordinated policy/programmatic response?") == {
        "nap_exists": "yes"}
    assert plan("a) A National Action Plan?\n☒ Yes ☐ No", "b) Other equivalent response?\n☐ Yes ☐ No") == {"nap_exists": "yes"}


def test_q9_s_parts_without_their_letters():
    assert plan("A National Action Plan? ☒ Yes ☐ No", "Other equivalent response? ☐ Yes ☒ No") == {
        "nap_exists": "yes", "nap_equivalent": "no"}
    assert plan("National Action Plan: No", "Other equivalent co-ordinated response: Yes - a Government Programme") == {
        "nap_exists": "no", "nap_equivalent": "yes"}
    # an abbreviation no wording matches stands where the form puts part a, beside part b retyped
    assert plan("NAP: Yes, 2005", "Other equivalent: No") == {"nap_exists": "yes", "nap_equivalent": "no"}


def test_the_parts_of_q3_retyped_without_letters_each_answer_their_field():
    got = answers(FIRST + """
3. Who sits on the working group?
Inter-ministerial? ☒ Yes ☐ No
Which ministries? Ministry of Interior, Ministry of Justice
Experts/operational? ☐ Yes ☒ No
Other? n/a
Civil society? ☒ Yes ☐ No
Share: 20 per cent.
4. Under what authority was the mechanism set up? Government decree of 2004.
""")
    assert {f: got.get(f) for f in ("ncm_interministerial", "ncm_ministries", "ncm_experts", "ncm_civil_society",
                                    "ncm_civil_society_share")} == {
        "ncm_interministerial": "yes", "ncm_ministries": "interior;justice", "ncm_experts": "no",
        "ncm_civil_society": "yes", "ncm_civil_society_share": "20"}


def test_paraphrased_parts_of_q3_by_their_place():
    got = answers(FIRST + """
3. Where the mechanism is a working group, who sits on it?
Is it inter-ministerial, and if so which ministries take part? Yes: Ministry of Justice, Ministry of Health
Are experts or operational staff members? Which ones? No
Any other members? Who? N/A
Does civil society take part? What share of the members? In what capacity? No, NGOs are consulted ad hoc.
4. Under what authority was the mechanism set up? Government decree of 2004.
""")
    assert {f: got.get(f) for f in ("ncm_interministerial", "ncm_experts", "ncm_civil_society")} == {
        "ncm_interministerial": "yes", "ncm_experts": "no", "ncm_civil_society": "no"}


def test_a_box_row_belongs_to_the_sub_question_it_follows():
    got = answers(FIRST + """
3. Composition of the working group / commission
Inter-ministerial? Ministries represented: YES: Ministry of Justice, Ministry of Culture
Experts / operational level represented: NO
Other members: Not applicable
Civil society participation (share in %, capacity): YES, 10 per cent
☐ Full member (decision-making)   ☒ Observer   ☐ Other capacity
4. Legal basis and date of establishment
Legal basis: Government Ordinance No. 94
""")
    assert {f: got.get(f) for f in ("ncm_interministerial", "ncm_experts", "ncm_civil_society",
                                    "ncm_civil_society_share", "ncm_civil_society_role")} == {
        "ncm_interministerial": "yes", "ncm_experts": "no", "ncm_civil_society": "yes",
        "ncm_civil_society_share": "10", "ncm_civil_society_role": "observer"}


def test_the_reports_sub_questions_retyped_in_the_return_s_words():
    got = answers(FIRST + """
16. Is there a national reporting mechanism? ☒ Yes ☐ No
17. What kind of reporting mechanism is it? ☒ Independent national rapporteur
21. Reports - how often are they issued, to whom, and are they published?
Frequency: Every two years
Addressed to: the Parliament
Public? No, they are kept internal.
""")
    assert {f: got.get(f) for f in ("report_frequency", "report_recipient", "reports_public")} == {
        "report_frequency": "biennial", "report_recipient": "the Parliament", "reports_public": "no"}


def test_the_ministry_marked_as_chair_leads_where_the_mark_follows_it():
    text = FIRST + """
3. Who sits on the working group?
Is it inter-ministerial, and if so which ministries take part? Yes: Ministry of Public Security
(chair), Ministry of Culture, Ministry of Defence
4. Under what authority was the mechanism set up? Government decree of 2004.
"""
    assert answers(text)["ncm_lead_ministry"] == "interior"
    assert answers(text.replace("Security\n(chair), Ministry", "Security (chair), Ministry"))["ncm_lead_ministry"] == "interior"


def test_the_ministry_inside_the_chair_s_brackets_leads_not_the_one_before_them():
    """'MFA (chaired by the Ministry of Labour)': the brackets name the chair; the ministry before them is a member."""
    for members, lead in (("Ministry of Health, MFA (chaired by the Ministry of Labour)", "labour"),
                               ("Ministry of Labour, Home Office (chair: Ministry of Foreign Affairs)", "foreign_affairs")):
        text = FIRST + f"""
3. Who sits on the working group?
Is it inter-ministerial, and if so which ministries take part? Yes: {members}
4. Under what authority was the mechanism set up? Government decree of 2004.
"""
        assert answers(text)["ncm_lead_ministry"] == lead, members


@pytest.mark.parametrize("members, lead", [
    # a sentence naming the chair after a colon: not the ministry that ends the sentence before it
    ("Ministry of Health; Ministry of Finance. Chair: Ministry of the Interior.", "interior"),
    # the chair's name wrapped onto the next line after its label
    ("Ministry of Health; Ministry of Finance. Chair: Ministry of\nLabour and Social Policy.", "labour"),
    # a chair with two portfolios marked after its name: its first-named portfolio leads (FIELDS.md)
    ("Ministry of Health, Ministry of Labour and Social Policy (chair), Ministry of Finance", "labour"),
    # the chair named inside the brackets in words the resolver does not know: not the one before the brackets
    ("Ministry of Health, Office for Immigration (chaired by the Min. of Jstc.)", None),
])
def test_a_chair_named_after_its_label_leads(members, lead):
    text = FIRST + f"""
3. Who sits on the working group?
Is it inter-ministerial, and if so which ministries take part? Yes: {members}
4. Under what authority was the mechanism set up? Government decree of 2004.
"""
    assert answers(text).get("ncm_lead_ministry") == lead, members


def test_the_name_written_after_a_ticked_option_s_words():
    got = answers("""
1. Does your country have a recognized mechanism to co-ordinate policy? ☒ Yes ☐ No
2. If so, what kind of mechanism is it?
☐ A national co-ordinator
☒ A national working group, commission or task force: Interdepartmental Working Group on Trafficking
☐ Something else (please describe)
6. What is the group's main function?
☒ Advisory
☐ Policy making
☐ Implementation
☒ Other: monitoring of the implementation of the plan
""")
    assert got["ncm_body_name"] == "Interdepartmental Working Group on Trafficking"
    assert got["ncm_function"] == "advisory;other"
    got = answers("""
1. Does your country have a recognized mechanism to co-ordinate policy? ☒ Yes ☐ No
2. If so, what kind of mechanism is it?
☒ A national co-ordinator: the State Secretary for Home Affairs
☐ A national working group, commission or task force
3. Composition
Not applicable
""")
    assert got["ncm_type"] == "coordinator"
    assert got["ncm_coordinator"] == "the State Secretary for Home Affairs"


def test_a_sentence_of_prose_with_a_colon_is_no_sub_question():
    got = answers(FIRST + """
3. Composition
The body is inter-ministerial; members are: Ministry of Labour - chair, Ministry of Health, Ministry of Justice.
Civil society is not represented.
4. Under what authority was the mechanism set up? Government decree of 2004.
""")
    assert got["ncm_interministerial"] == "yes"
    assert got["ncm_civil_society"] == "no"


LETTER = """
Permanent Mission of Ruritania to the OSCE
Vienna, 22 December 2007
Dear Special Representative,
In reply to your questionnaire on national co-ordination and reporting mechanisms, I have the honour to transmit the following information.
The co-ordination body (Task Force on Trafficking in Human Beings) was set up in 1998. Represented are: the Ministry of Justice, the Ministry of Labour and the Ministry of the Interior. Non-governmental organisations take part with voting rights; they make up about 40 % of the members.
There is currently no national rapporteur or equivalent mechanism.
Yours sincerely,
"""


def test_a_letter_s_sentence_with_a_colon_is_read_as_prose_not_as_a_sub_question():
    got = answers(LETTER)
    assert got["ncm_civil_society"] == "yes"
    assert got["ncm_civil_society_share"] == "40"


def test_a_label_naming_the_lead_ministry_is_no_mark_after_the_ministry_above():
    got = answers(FIRST + """
3. Composition
a) Inter-ministerial? If yes, which ministries are represented?
☒ Yes
MFA, Home Office and Ministry of Defence
Lead ministry: Home Office.
4. Under what authority was the mechanism set up? Government decree of 2004.
""")
    assert got.get("ncm_lead_ministry") != "defence"


def test_the_parts_of_a_table_row_under_its_label_keep_their_letters():
    doc = Document("return.txt", "text", tuple(Line(t) for t in (FIRST + """
16. Is there a national reporting mechanism? ☒ Yes ☐ No
17. What kind of reporting mechanism is it? ☒ Independent national rapporteur
20. Does this function have a budget? ☐ Yes ☒ No
21.
Structure of reports
a)
Every two years.
b)
They are submitted to: the Government.
c)
Yes, they are published on the website.
""").strip("\n").splitlines()))
    got = {a.field: a for a in process_document(doc).answers}
    assert got["report_frequency"].value == "biennial" and got["report_frequency"].evidence == "Every two years."
    assert got["report_recipient"].value == "the Government"


def test_a_question_whose_heading_is_left_out_is_found_by_its_retyped_parts():
    """'2. ...' then 'a) Inter-ministerial? ...' with no '3.': the parts are question 3's, not the nature of the
    mechanism's; their wording ('Are representatives from civil society a part ... ?') is no answer."""
    got = answers(FIRST + """
National working group: National Anti-Trafficking Commission.
a) Inter-ministerial? If yes, which ministries are represented?
Yes. Ministry of Labour, MoJ
b) Experts/operational? If yes, which experts are represented?
Yes. senior police investigators, labour inspectors
d) Are representatives from civil society a part of this group? What percentage? Do they function in:
No.
4. By what authority was this mechanism established?
Decree No. 211 of 2012
""")
    assert {f: got.get(f) for f in ("ncm_interministerial", "ncm_ministries", "ncm_experts", "ncm_civil_society")} == {
        "ncm_interministerial": "yes", "ncm_ministries": "justice;labour", "ncm_experts": "yes", "ncm_civil_society": "no"}
    assert got.get("ncm_body_name") == "National Anti-Trafficking Commission"


def test_a_part_s_heading_then_q9_s_parts_with_the_question_left_out():
    """'B. National Action Plans ...' then 'a) A National Action Plan?' with no '9.': the parts answer question 9
    (its sub-questions filling nap_exists and nap_equivalent), not question 8 above them, in any language."""
    got = answers(FIRST + """
8. What have been the main challenges facing this group? Please cite specific instances.
Lack of funding and staff.
B. National Action Plans or other co-ordinated policy responses
a) A National Action Plan?
Yes. National Action Plan against trafficking 2012-2015
b) Other equivalent co-ordinated policy/programmatic response at the national level? If so, please explain.
No.
10. What is covered in your national policy response?
Prevention; Protection and assistance.
""")
    assert {f: got.get(f) for f in ("nap_exists", "nap_equivalent", "nap_year")} == {
        "nap_exists": "yes", "nap_equivalent": "no", "nap_year": "2012"}
    assert "2012" not in got.get("ncm_challenges", "")
    french = answers("""
1. Votre pays dispose-t-il d'un mécanisme reconnu de coordination des politiques ? Oui.
8. Quelles ont été les principales difficultés rencontrées par ce groupe ? Veuillez citer des exemples précis.
Manque de moyens.
B. Plans d'action nationaux ou autres réponses politiques coordonnées
a) d'un Plan d'action national ?
Oui. Plan d'action national de lutte contre la traite 2015-2017
b) d'une autre réponse politique/programmatique coordonnée équivalente au niveau national ? Veuillez préciser.
Non.
10. Que couvre votre réponse politique nationale ?
Prévention.
""")
    assert {f: french.get(f) for f in ("nap_exists", "nap_equivalent", "nap_year")} == {
        "nap_exists": "yes", "nap_equivalent": "no", "nap_year": "2015"}


REPORTS_WITHOUT_21 = {
    "en": """16. Does your country have a national reporting mechanism (national rapporteur or equivalent mechanism)?
Yes.
20. Does this function have a budget? If yes, what does the budget cover?
No.
a) How frequently do you issue reports, and at what intervals?
annually
b) To whom are they submitted?
Parliament and Government
c) Are they public?
Yes.
21. Content of reports. The reports cover:
Scope of the problem; Trends and patterns.
""",
    "ru": """16. Существует ли в Вашей стране национальный механизм отчётности (национальный докладчик или равноценный механизм)?
Да.
20. Располагает ли эта функция бюджетом? Если да, что покрывает этот бюджет?
Нет.
а) С какой периодичностью выпускаются доклады?
ежегодно
б) Кому они направляются?
Парламенту и Правительству
в) Публикуются ли они?
Да.
21. Содержание докладов. Доклады охватывают:
Масштабы проблемы торговли людьми; Тенденции и закономерности.
""",
}


@pytest.mark.parametrize("lang", sorted(REPORTS_WITHOUT_21))
def test_the_structure_of_reports_asked_by_its_parts_alone(lang):
    """The first 21's heading left out: its parts a), b), c) follow question 20's answer. The parts are the
    structure of reports (the first two worded in the return's own way, the third as the form words it), and
    20's 'No' and c)'s 'Yes' are two answers, not the form's yes/no list."""
    got = answers(REPORTS_WITHOUT_21[lang])
    assert {f: got.get(f) for f in ("nrm_budget", "report_frequency", "reports_public")} == {
        "nrm_budget": "no", "report_frequency": "annual", "reports_public": "yes"}
    assert got["report_recipient"].startswith(("Parliament", "Парламенту"))


def test_an_option_s_own_wording_in_another_translation_is_no_body_name():
    """The form retyped in a French of its own ('groupe spécial national' where the pattern files say 'équipe
    spéciale nationale'): the ticked option's words are form text, not the body's name."""
    got = answers("""
1. Votre pays dispose-t-il d'un mécanisme reconnu de coordination des politiques ? ☒ Oui ☐ Non
2. Dans l'affirmative, quelle est la nature de ce mécanisme ?
☐ a) Coordinateur national
☒ b) Groupe de travail, commission ou groupe spécial national ☐ c) Autre
3. Composition
a) Interministériel ? Oui. Ministère de l'Intérieur, Ministère de la Justice
""")
    assert got.get("ncm_type") == "working_group"
    assert "ncm_body_name" not in got
    named = answers("""
1. Votre pays dispose-t-il d'un mécanisme reconnu de coordination des politiques ? ☒ Oui ☐ Non
2. Dans l'affirmative, quelle est la nature de ce mécanisme ?
☒ b) Groupe de travail, commission ou groupe spécial national : Commission nationale de lutte contre la traite
""")
    assert named.get("ncm_body_name") == "Commission nationale de lutte contre la traite"


def test_a_part_s_answer_after_its_label_runs_onto_the_next_line():
    """'a) National Action Plan: Yes — National Action Plan to Combat ...' wrapped onto a second line: the yes
    after the label answers part a, the name going on below it."""
    assert plan("a) National Action Plan: Yes — National Action Plan to Combat Trafficking in Human Beings\n"
                "2011-2014, adopted on 2011.", "b) Other equivalent response: No") == {
        "nap_exists": "yes", "nap_equivalent": "no"}
    assert plan("a) National Action Plan: Yes — National Action\nPlan to Combat Trafficking in Human Beings\n"
                "2011-2014, adopted on 2011.", "b) Other equivalent response: No") == {
        "nap_exists": "yes", "nap_equivalent": "no"}


def test_parts_answered_after_their_label_on_one_line():
    """'a) National Action Plan: No' / 'b) Other equivalent response: Yes': each part's answer follows its label."""
    assert plan("a) National Action Plan: No", "b) Other equivalent response: Yes") == {
        "nap_exists": "no", "nap_equivalent": "yes"}
    assert plan("a) National Action Plan: Yes", "b) Other equivalent response: No") == {
        "nap_exists": "yes", "nap_equivalent": "no"}


def test_letters_written_with_a_colon_and_box_rows_under_each_part():
    """'a):' opens part a as 'a)' does; the part's own '☒ Yes ☐ No' row is its yes/no, never a role."""
    got = answers(FIRST + """
3. If the co-ordination mechanism is a working group, commission, or task force, what is the composition?
a): Inter-ministerial? If yes, which ministries are represented?
☒ Yes ☐ No
• MoH
• Ministry of Interior
b): Experts/operational? If yes, which experts are represented?
☐ Yes ☒ No
d): Are representatives from civil society a part of this group? What percentage? Do they function in a decision making capacity?
☒ Yes ☐ No
NGO representatives: 30 per cent; observer capacity.
""")
    assert {f: got.get(f) for f in ("ncm_interministerial", "ncm_ministries", "ncm_experts", "ncm_civil_society",
                                    "ncm_civil_society_share", "ncm_civil_society_role")} == {
        "ncm_interministerial": "yes", "ncm_ministries": "health;interior", "ncm_experts": "no",
        "ncm_civil_society": "yes", "ncm_civil_society_share": "30", "ncm_civil_society_role": "observer"}


def test_the_chosen_options_written_out_are_an_answer_not_the_form_s_list():
    """'Coordinador nacional; Grupo de trabajo, comisión o equipo especial nacional': two of the three options,
    in a Spanish of the return's own, separated by a semicolon: the answer (both), not the form's options."""
    got = answers("""
1. ¿Cuenta su país con un mecanismo reconocido para coordinar las políticas? Sí
2. En caso afirmativo, ¿cuál es la naturaleza del mecanismo?
Coordinador nacional; Grupo de trabajo, comisión o equipo especial nacional
Comisión Nacional contra la Trata de Seres Humanos
""")
    assert got.get("ncm_type") == "both"


def test_the_civil_society_question_retyped_in_the_return_s_own_translation_is_no_answer():
    """'г) Входят ли в состав группы представители гражданского общества? ... участвуют:' then 'Нет': the
    sub-question names civil society, the answer denies it."""
    got = answers("""
1. Имеется ли в вашей стране признанный механизм координации политики? Да
3. Если механизм является рабочей группой, комиссией или целевой группой, каков её состав?
г) Входят ли в состав группы представители гражданского общества? Какова их доля в процентах? В каком качестве они участвуют:
Нет.
""")
    assert got.get("ncm_civil_society") == "no"


REPORTS = FIRST + """
16. Is there a National Rapporteur or equivalent mechanism? ☒ Yes ☐ No
21. Structure of reports. How often are reports issued? To whom are they issued? Are they made public?
a) Frequency: Annually
b) Recipient: Parliament
{row}
22. What have been evidences of the success of this report?
"""


def test_a_short_part_label_before_boxes_that_precede_their_words():
    # "c) Public ☐ Yes ☒ No": the words before the first box name the part, the boxes stand before yes and no
    for row in ("c) Public ☐ Yes ☒ No", "Public ☐ Yes ☒ No", "c) Public: ☐ Yes ☒ No", "c) Made public ☐ Yes ☒ No"):
        assert answers(REPORTS.format(row=row)).get("reports_public") == "no", row
    for row in ("c) Public ☒ Yes ☐ No", "Public ☒ Yes ☐ No"):
        assert answers(REPORTS.format(row=row)).get("reports_public") == "yes", row
    # labels before their boxes still read that way
    assert answers(REPORTS.format(row="c) Public Yes ☐ No ☒")).get("reports_public") == "no"


def test_the_year_of_q4_comes_from_its_when_part_not_from_the_act_cited_for_its_authority():
    # Q4 asks two things, answered one after the other: the authority (an act whose number or date holds a
    # year) and when the mechanism was established
    for authority, when, year in (
            ("Real Decreto 557/2011", "¿Cuándo se creó?\n2003", "2003"),
            ("Loi n° 2013-711 du 5 août 2013", "Date de création :\n01/2005", "2005"),
            ("Government Decision No. 12 of 4 May 2010", "Date established: 2006", "2006"),
            # both parts answered after labels of the return's own
            ("Legal basis: Law No. 1375/2000 on measures against trafficking", "Year of establishment: 2002", "2002"),
            ("Atto istitutivo: Legge 1375/2000 recante misure contro la tratta", "Data di istituzione: 2002", "2002")):
        got = answers(FIRST + f"""
4. By what authority (legislation, recommended action, etc) was this mechanism established?
{authority}
{when}
5. Does the national co-ordination mechanism have a budget? ☐ Yes ☒ No
""")
        assert got.get("ncm_established_year") == year, (authority, got.get("ncm_established_year"))
        assert "ncm_established_year_other" not in got
    # one answer only: the act's year is the year given
    got = answers(FIRST + """
4. By what authority (legislation, recommended action, etc) was this mechanism established? When was it established?
Government Decision of 4 May 2004
5. Does the national co-ordination mechanism have a budget? ☐ Yes ☒ No
""")
    assert got.get("ncm_established_year") == "2004"


def test_an_act_said_to_bind_no_one_is_policy_in_every_language():
    for act in ("Décision du Conseil des ministres (sans valeur contraignante)",
                "Delibera del Congresso di Stato (atto di indirizzo, senza efficacia vincolante)",
                "Acuerdo del Consejo de Ministros, sin carácter vinculante",
                "Beschluss der Bundesregierung (nicht rechtsverbindlich)",
                "Решение Правительства рекомендательного характера",
                "Cabinet decision, which has no binding effect"):
        got = answers(FIRST + f"""
4. By what authority (legislation, recommended action, etc) was this mechanism established?
{act}
5. Does the national co-ordination mechanism have a budget? ☐ Yes ☒ No
""")
        assert got.get("ncm_legal_basis") == "policy", act
    got = answers(FIRST + """
4. By what authority (legislation, recommended action, etc) was this mechanism established?
Decree No. 2004-12 of the Council of Ministers
5. Does the national co-ordination mechanism have a budget? ☐ Yes ☒ No
""")
    assert got.get("ncm_legal_basis") == "decree"


def test_q2_s_parts_asked_in_other_words_are_no_answer():
    # the parts of Q2 retyped in a wording of the return's own, each a question: the co-ordinator's is
    # left unanswered, so the mechanism is a working group, not both
    got = answers("""
1. Does your country have a recognized mechanism to co-ordinate policy? ☒ Yes ☐ No
2. If yes, what is the nature of the mechanism?
Is there one person acting as the national co-ordinator?
No data
Is it a working group, a commission or a task force?
Interagency Commission against Trafficking in Persons
3. If the co-ordination mechanism is a working group, commission, or task force, what is the composition?
""")
    assert got.get("ncm_type") == "working_group"


@pytest.mark.parametrize("a, b, c, kind", [
    ("Deputy Minister of the Interior", "", "Not applicable", "coordinator"),
    ("", "Inter-agency Commission on Trafficking in Persons", "", "working_group"),
    ("Deputy Minister of the Interior", "Inter-agency Commission on Trafficking in Persons", "N/A", "both"),
])
def test_q2_s_lettered_parts_each_answered_below_give_the_kinds_answered(a, b, c, kind):
    # no box anywhere: the parts answered (a name under the co-ordinator's, a body under the group's) are the
    # kinds the mechanism has; a part left blank or answered "not applicable" is none
    got = answers(f"""
1. Does your country have a recognized mechanism to co-ordinate policy? ☒ Yes ☐ No
2. If yes, what is the nature of the mechanism?
a) National co-ordinator?
{a}
b) National working group, commission or task force?
{b}
c) Other? Please describe:
{c}
3. If the co-ordination mechanism is a working group, commission, or task force, what is the composition?
""")
    assert got.get("ncm_type") == kind
    assert got.get("ncm_coordinator") == (a or None)


def test_a_part_asked_with_an_instruction_after_its_question_mark_is_answered_on_the_line_below():
    # "b) ... auf nationaler Ebene? Bitte erläutern." then "Ja. ...": the instruction makes the part's line longer
    # than its option's words, and the yes below still answers it
    got = answers("""
9. Verfügt Ihr Land über:
a) einen Nationalen Aktionsplan?
Ja. Nationaler Aktionsplan gegen Menschenhandel, verabschiedet 2007
b) eine andere gleichwertige koordinierte Maßnahme auf nationaler Ebene? Bitte erläutern.
Ja. Ressortübergreifendes Programm zur Bekämpfung des Menschenhandels
10. Was umfasst die nationale Politik?
""")
    assert got.get("nap_exists") == "yes" and got.get("nap_equivalent") == "yes"


OWN_FORM = {  # questions 1-4 in each language's own words, a member list to fill in at question 3
    "ru": "1. Имеется ли механизм координации?\nДа.\n2. Каков характер механизма?\nМежведомственная рабочая группа.\n"
          "3. Каков состав механизма? Является ли он межведомственным?\nДа. {members}\n4. Правовая основа?\nПостановление 2004 года.",
    "es": "1. ¿Existe un mecanismo de coordinación?\nSí.\n2. ¿Cuál es la naturaleza del mecanismo?\nGrupo de trabajo.\n"
          "3. ¿Cuál es la composición del mecanismo? ¿Es interministerial?\nSí. {members}\n4. ¿Base jurídica?\nReal Decreto de 2004.",
    "it": "1. Esiste un meccanismo di coordinamento?\nSì.\n2. Qual è la natura del meccanismo?\nGruppo di lavoro.\n"
          "3. Qual è la composizione del meccanismo? È interministeriale?\nSì. {members}\n4. Base giuridica?\nDecreto del 2004.",
    "fr": "1. Existe-t-il un mécanisme de coordination ?\nOui.\n2. Quelle est la nature du mécanisme ?\nGroupe de travail.\n"
          "3. Quelle est la composition du mécanisme ? Est-il interministériel ?\nOui. {members}\n4. Base juridique ?\nDécret de 2004.",
    "en": FIRST + "3. Who sits on the working group? Is it inter-ministerial?\nYes: {members}\n4. Under what authority? Government decree of 2004.",
}


@pytest.mark.parametrize("lang, members, lead", [
    # the lead agency named as such, in each language's own words
    ("ru", "Министерство иностранных дел, Министерство финансов. Головное ведомство: Министерство юстиции", "justice"),
    ("ru", "Министерство иностранных дел, Министерство финансов. Головным ведомством является Министерство социальной "
           "защиты населения.", "social"),
    ("en", "Ministry of Foreign Affairs, Ministry of Finance. Lead agency: Ministry of Justice.", "justice"),
    ("es", "Ministerio de Asuntos Exteriores, Ministerio de Hacienda. Ministerio coordinador: Ministerio del Interior.", "interior"),
    ("it", "Ministero degli Affari Esteri, Ministero dell'Economia. Amministrazione capofila: Ministero della Giustizia.", "justice"),
    ("fr", "Ministère des Affaires étrangères, Ministère des Finances. Ministère référent : Ministère de la Justice.", "justice"),
])
def test_the_lead_agency_named_as_such_leads(lang, members, lead):
    assert answers(OWN_FORM[lang].format(members=members)).get("ncm_lead_ministry") == lead, members


def test_parts_coded_with_the_questions_q_number_are_told_apart():
    """'Q3b – б) Эксперты? ...' / 'Yes: police, ...': a part coded with its question's Q-number (here before the part's
    own letter in the form's alphabet) is that part, so its answer is the part's."""
    text = """
Q1 – Имеется ли в вашей стране механизм координации?
Yes
Q2 – Каков характер этого механизма?
Working group
Q3a – а) Межведомственный? Какие министерства?
Yes: Ministry of Education, Ministry of Finance
Q3b – б) Эксперты/практические работники? Какие эксперты представлены?
Yes: police, prosecutors, labour inspectors
Q3d – г) Входят ли в состав группы представители гражданского общества? В каком качестве?
Yes
30% of members; decision-making
Q4 – На основании какого акта создан механизм?
Government decree of 1999
"""
    got = answers(text)
    assert got.get("ncm_experts") == "yes"
    assert got.get("ncm_civil_society") == "yes" and got.get("ncm_civil_society_share") == "30"


def test_a_fields_value_holding_every_part_joined_by_dashes_is_read_part_by_part():
    """One form field per question, its parts typed into it one after the other ('a) ...?: ja - BMI, BMJ - b) ...?:
    ja - ...'): each part is read as if on its own line."""
    text = """
1. Gibt es in Ihrem Staat einen anerkannten Koordinierungsmechanismus?
ja
3. Wie ist die Arbeitsgruppe zusammengesetzt?
a) Interministeriell? Welche Ministerien sind vertreten?: ja - BMI (Vorsitz), BMJ, BMAS - b) Fachleute/operative Ebene? Welche?: ja - Bundeskriminalamt, Fachberatungsstellen - d) Vertreter/innen der Zivilgesellschaft?: ja - Anteil: 40% - Funktion: Als Beobachter
5. Verfügt der Koordinierungsmechanismus über ein eigenes Budget?
Budget: JA - Falls ja, wofür?: Geschäftsstelle, Sitzungen und Schulungen
"""
    got = answers(text)
    assert got.get("ncm_experts") == "yes" and got.get("ncm_civil_society") == "yes"
    assert got.get("ncm_civil_society_share") == "40" and got.get("ncm_civil_society_role") == "observer"
    assert got.get("ncm_budget") == "yes" and got.get("ncm_budget_covers") == "Geschäftsstelle, Sitzungen und Schulungen"


@pytest.mark.parametrize("text, field, value", [
    # the reports' contents answered by the form's letters of them
    ("16. Имеется ли национальный механизм отчетности?\nОтвет: Да\n21. Содержание докладов. Доклады охватывают:\n"
     "Ответ: а), г), е)\n", "report_content", "international_cooperation;scope;victim_services"),
    ("16. Does your country have a national reporting mechanism?\nYes\n21. Content of the reports. The reports cover:\n"
     "Answer: a, d, f\n", "report_content", "international_cooperation;scope;victim_services"),
    ("1. Does your country have a recognized mechanism to co-ordinate policy?\nYes\n"
     "6. The main function of the group is:\nb), c)\n", "ncm_function", "implementation;policy_making"),
])
def test_options_answered_by_their_letters_alone(text, field, value):
    """'Ответ: а), г), е)': an answer that names the form's options by their letters only chooses those options."""
    assert answers(text).get(field) == value


def test_the_civil_society_question_wrapped_after_its_question_mark_is_no_answer():
    """'г) Входят ли ... гражданского общества? Какова их доля в процентах? В каком' / 'качестве они участвуют:' with
    no answer under it: the sub-question's wording, wrapped mid-sentence, names civil society and answers nothing."""
    got = answers("""
1. Имеется ли в вашей стране признанный механизм координации политики? Да
3. Если механизм является рабочей группой, комиссией или целевой группой, каков её состав?
г) Входят ли в состав группы представители гражданского общества? Какова их доля в процентах? В каком
качестве они участвуют:
4. На каком основании создан механизм?
Указ Президента 2013 года.
""")
    assert "ncm_civil_society" not in got
