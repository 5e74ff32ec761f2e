"""Letters, notes verbales and e-mails that answer in prose: what a reviewer would check by eye.

Each letter here is written the way missions write them (an opening courtesy, facts scattered over
paragraphs, lists announced by a head, filler paragraphs, a closing formula) in the six languages,
and read through the whole pipeline.
"""

from __future__ import annotations

import pytest

from questionnaire_returns.language.patterns import patterns_for
from questionnaire_returns.pipeline import process_document
from questionnaire_returns.records import Document, Line
from questionnaire_returns.segment.narrative import segment_narrative


def doc_of(text: str, name: str = "letter.txt", attachments: tuple[Document, ...] = (), form: str = "text") -> Document:
    """A document whose blank lines end paragraphs, as a word processor's would."""
    return Document(name, form, tuple(Line(t) for t in text.strip("\n").splitlines()), attachments=attachments)


def read(text: str, **kw) -> dict[str, str]:
    return {a.field: a.value for a in process_document(doc_of(text, **kw)).answers}


def answers_of(text: str, **kw):
    return {a.field: a for a in process_document(doc_of(text, **kw)).answers}


def routed(text: str, lang: str) -> dict[str, str]:
    """The letter's sentences each question receives, joined."""
    return {s.question: " ".join(l.text for l in s.lines) for s in segment_narrative(doc_of(text).lines, lang)}


# ------------------------------------------------------------------ announced lists, carried paragraphs

LISTS = {
    "en": """
Permanent Mission of Austria to the OSCE

The Permanent Mission of Austria presents its compliments to the Office of the Special Representative and has the honour to transmit the following information.

Co-ordination rests with the Inter-Ministerial Working Group on Trafficking in Human Beings. It was set up by Government Resolution No. 21 in 2003.

Its members are the following:

• Ministry of the Interior

• Ministry of Justice

• Ministry of Labour

Among its achievements: More than 600 police officers have been trained since 2007. Donor funding is now co-ordinated through a single matrix.

The main difficulties: High staff turnover. Victims are reluctant to testify.
""",
    "fr": """
Mission permanente de la Belgique auprès de l'OSCE

La Mission permanente présente ses compliments au Bureau du Représentant spécial et a l'honneur de lui communiquer les informations suivantes.

La coordination est assurée par le Groupe de travail interministériel sur la traite. Il a été institué par décret en 2003.

En font partie :

• Ministère de l'Intérieur

• Ministère de la Justice

• Ministère du Travail

Parmi ses réalisations : plus de 600 policiers ont été formés depuis 2007. Le financement des donateurs est désormais coordonné dans une matrice unique.

Les principales difficultés : la rotation du personnel. Les victimes hésitent à témoigner.
""",
    "es": """
Misión Permanente de España ante la OSCE

En respuesta a su carta relativa al cuestionario, tengo el honor de remitirle la siguiente información.

La coordinación corresponde al Grupo Interministerial de Coordinación contra la Trata. Fue creado por decreto en 2003.

Lo integran:

• Ministerio del Interior

• Ministerio de Justicia

• Ministerio de Trabajo

Entre sus logros: más de 600 agentes han sido formados desde 2007. La financiación de los donantes se coordina ahora en una matriz única.

Las principales dificultades: la rotación del personal. Las víctimas se resisten a declarar.
""",
    "it": """
Rappresentanza Permanente d'Italia presso l'OSCE

La Rappresentanza Permanente presenta i suoi complimenti all'Ufficio del Rappresentante Speciale e ha l'onore di trasmettere le seguenti informazioni.

Il coordinamento è affidato al Tavolo interministeriale sulla tratta. È stato istituito con decreto nel 2003.

Ne fanno parte:

• Ministero dell'Interno

• Ministero della Giustizia

• Ministero del Lavoro

Tra i suoi risultati: oltre 600 agenti sono stati formati dal 2007. Il finanziamento dei donatori è ora coordinato in una matrice unica.

Le principali difficoltà: l'avvicendamento del personale. Le vittime esitano a testimoniare.
""",
    "de": """
Ständige Vertretung Österreichs bei der OSZE

Sehr geehrte Damen und Herren, in Beantwortung Ihres Schreibens zum Fragebogen darf ich Ihnen Folgendes mitteilen.

Die Koordinierung obliegt der interministeriellen Arbeitsgruppe Menschenhandel. Sie wurde 2003 durch Verordnung eingerichtet.

Vertreten sind:

• Bundesministerium für Inneres

• Bundesministerium für Justiz

• Bundesministerium für Arbeit

Zu ihren Erfolgen: Seit 2007 wurden über 600 Polizeibeamte geschult. Die Finanzierung der Geber wird nun in einer einzigen Matrix koordiniert.

Die größten Schwierigkeiten: Personalwechsel. Opfer scheuen die Aussage.
""",
    "ru": """
Постоянное представительство Республики Беларусь при ОБСЕ

Постоянное представительство свидетельствует свое уважение Бюро Специального представителя и имеет честь сообщить следующее.

Координацию осуществляет Межведомственная рабочая группа по противодействию торговле людьми. Она создана постановлением в 2003 году.

В её состав входят:

• Министерство внутренних дел

• Министерство юстиции

• Министерство труда

К её достижениям относятся: с 2007 года обучено более 600 сотрудников милиции. Финансирование доноров теперь координируется в единой матрице.

Основные трудности: текучесть кадров. Жертвы не желают давать показания.
""",
}


@pytest.mark.parametrize("lang", sorted(LISTS))
def test_a_list_announced_by_its_head_is_read_whole_and_its_items_words_are_no_facts_of_their_own(lang):
    got = answers_of(LISTS[lang])
    # the bullets after "Its members are the following:" are the members, each in a paragraph of its own
    assert set(got["ncm_ministries"].value.split(";")) == {"interior", "justice", "labour"}
    # "trained since 2007" is an achievement, not the year the group was set up
    assert got["ncm_established_year"].value == "2003"
    # "Donor funding ..." belongs to the achievements announced, and is no budget
    assert any(w in got["ncm_achievements"].value.lower() for w in ("matrix", "matrice", "matriz", "матрице"))
    assert "ncm_budget" not in got
    assert len(got["ncm_challenges"].value.split(".")) >= 3  # both difficulties after their head
    assert got["language"].value == lang


# ------------------------------------------------------------------ parts: named again only where a paragraph opens

def test_a_body_named_in_passing_in_a_paragraph_on_the_plan_does_not_take_the_letter_back():
    text = """
Permanent Mission of Malta to the OSCE

The National Co-ordinator, the Director of the Anti-Trafficking Office, co-ordinates the response.

A National Action Plan was adopted in 2005. Parliament hears the report of the National Commission every year. Achievements of the plan: New stakeholders were brought into the response.

There is no national rapporteur or equivalent mechanism.
"""
    got = read(text)
    assert got["ncm_type"] == "coordinator"  # the plan paragraph's "National Commission" is no working group of part A
    assert got["nap_exists"] == "yes" and got["nrm_exists"] == "no"
    assert "Parliament hears" not in routed(text, "en").get("2", "")


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Reports are submitted to Parliament and to the Council of Ministers."),
    ("es", "Los informes se presentan al Parlamento y al Consejo de Ministros."),
    ("ru", "Доклады рассматривает Совет министров."),
])
def test_the_council_of_ministers_is_no_co_ordination_body(lang, sentence):
    segs = segment_narrative((Line(sentence),), lang)
    assert segs == [] or all(s.question not in ("1", "2") for s in segs)


def test_a_paraphrase_of_question_one_is_no_plan_for_its_programme():
    got = read("""
Permanent Mission of Malta to the OSCE

Malta has a recognised mechanism for co-ordinating policy and programme responses to trafficking in human beings.
""")
    assert got["ncm_exists"] == "yes" and "nap_exists" not in got


# ------------------------------------------------------------------ denied, then named loosely

@pytest.mark.parametrize("text", [
    """
Permanent Mission of Israel to the OSCE

There is no national rapporteur or equivalent mechanism.

The establishment of an independent rapporteur-type function was discussed in Parliament in 2007; no decision has been taken.
""",
    """
Mission permanente de la France auprès de l'OSCE

Il n'existe ni rapporteur national ni mécanisme équivalent.

La création d'une fonction de rapporteur indépendant a été évoquée au Parlement en 2007.
""",
])
def test_a_thing_denied_and_later_named_loosely_is_denied(text):
    got = answers_of(text)
    assert got["nrm_exists"].value == "no"


def test_a_thing_denied_and_later_said_to_exist_goes_to_a_reviewer():
    got = answers_of("""
Permanent Mission of Israel to the OSCE

There is no national rapporteur.

A national rapporteur was appointed in 2006.
""")
    assert got["nrm_exists"].value == "yes" and got["nrm_exists"].confidence < 0.8


@pytest.mark.parametrize("text", [
    """
Permanent Mission of Malta to the OSCE

There is no national rapporteur or equivalent mechanism. There is no separate budget for it.

Reports are prepared twice a year and submitted to the Government. They are not published.
""",
    """
Mission permanente de la Suisse auprès de l'OSCE

Il n'existe pas de rapporteur national ni de mécanisme équivalent. Aucun budget spécifique n'est prévu.

Les rapports sont établis deux fois par an et transmis au Gouvernement. Ils ne sont pas publiés.
""",
    """
Постоянное представительство Республики Молдова при ОБСЕ

Национальный докладчик или аналогичный механизм пока не учреждён. Специальный бюджет не выделяется.

Доклады готовятся раз в полгода и направляются в Правительство. Они не публикуются.
""",
])
def test_a_part_denied_and_then_answered_sentence_by_sentence_goes_to_a_reviewer(text):
    """No rapporteur, then how often its reports go out, to whom, unpublished: the letter contradicts itself.
    The answers stay, and they and the denial carry a conflict note (review), none dropped, none auto."""
    got = answers_of(text)
    assert got["nrm_exists"].value == "no"
    for field in ("nrm_exists", "nrm_budget", "report_frequency", "reports_public"):  # Q16, Q20, Q21 alike
        assert field in got and got[field].note.startswith("conflict"), field
    assert got["report_frequency"].value == "biannual" and got["reports_public"].value == "no"


def test_a_mechanism_denied_is_not_brought_back_by_a_word_in_a_quoted_law():
    got = read("""
Représentation permanente de la France auprès de l'OSCE

La France ne dispose pas, à ce jour, d'un mécanisme national de coordination spécifique à la lutte contre la traite.

Il n'existe pas de plan d'action national. La traite est définie par la législation : « Article 225-4-1 du Code pénal : la traite des êtres humains est le fait de recruter une personne afin de permettre la commission d'infractions ». Les éléments d'une approche globale n'y sont pas définis en tant que tels.
""")
    assert got["ncm_exists"] == "no"
    assert got["thb_defined"] == "yes"  # the sentence after the quotation is another one
    assert got["comprehensive_approach_defined"] == "no"


# ------------------------------------------------------------------ the plan, or another equivalent response

PLANS = [
    ("en", "The United States has no specific national action plan against trafficking. There is, however, an equivalent co-ordinated response at national level: measures in the national crime-prevention strategy (since 2004).", "no", "yes"),
    ("es", "No existe un Plan Nacional de Acción. Existe, no obstante, otra respuesta coordinada equivalente a nivel nacional: medidas incluidas en la estrategia nacional (desde 2004).", "no", "yes"),
    ("fr", "Il n'existe pas de plan d'action national. Il existe cependant une réponse coordonnée équivalente : le plan de lutte de l'Office central (depuis 2004).", "no", "yes"),
    ("it", "Non esiste un Piano d'azione nazionale. Esiste tuttavia una risposta coordinata equivalente: il programma nazionale antitratta (dal 2004).", "no", "yes"),
    ("de", "Einen Nationalen Aktionsplan gibt es nicht. Es besteht jedoch eine gleichwertige koordinierte Strategie: Programm zur Bekämpfung des Menschenhandels (seit 2004).", "no", "yes"),
    ("en", "A National Action Plan was adopted in 2004. There is no other equivalent co-ordinated policy.", "yes", "no"),
    ("es", "Bélgica dispone de un Plan Nacional de Acción, aprobado en 2004. No existe ninguna otra respuesta coordinada equivalente.", "yes", "no"),
    ("it", "Il Principato dispone di un Piano d'azione nazionale, adottato nel 2004. Non esistono altre risposte coordinate equivalenti.", "yes", "no"),
]
LETTERHEAD = {"en": "Permanent Mission of Malta to the OSCE", "es": "Misión Permanente de España ante la OSCE",
              "fr": "Mission permanente de la France auprès de l'OSCE", "it": "Rappresentanza Permanente d'Italia presso l'OSCE",
              "de": "Ständige Vertretung Österreichs bei der OSZE", "ru": "Постоянное представительство Республики Беларусь при ОБСЕ"}


@pytest.mark.parametrize("lang, paragraph, plan, equivalent", PLANS)
def test_a_plan_and_another_equivalent_response_are_told_apart(lang, paragraph, plan, equivalent):
    got = read(LETTERHEAD[lang] + "\n\n" + paragraph)
    assert got["nap_exists"] == plan and got["nap_equivalent"] == equivalent
    assert got["nap_year"] == "2004"  # the equivalent response's year, where there is no plan


ALSO_IN_A_STRATEGY = [
    ("en", "A National Action Plan was adopted in 2004. In addition, anti-trafficking measures form part of the national crime prevention strategy.", "yes"),
    ("fr", "Un plan d'action national est en cours d'élaboration. La lutte contre la traite est par ailleurs intégrée au programme national de prévention de la délinquance.", "no"),
    ("de", "Die Regierung hat 2004 einen Nationalen Aktionsplan verabschiedet. Maßnahmen gegen den Menschenhandel sind zudem Teil der nationalen Strategie zur Kriminalprävention.", "yes"),
    ("ru", "Национальный план действий утверждён в 2004 году. Меры по противодействию торговле людьми включены также в Государственную программу по борьбе с преступностью.", "yes"),
    ("es", "El Plan Nacional de Acción se aprobó en 2004. Además, las medidas contra la trata forman parte de la estrategia nacional de prevención del delito.", "yes"),
    ("it", "Il Piano d'azione nazionale è in corso di elaborazione. Le misure contro la tratta sono inserite inoltre nel programma nazionale di assistenza sociale.", "no"),
]


@pytest.mark.parametrize("lang, paragraph, plan", ALSO_IN_A_STRATEGY)
def test_measures_made_part_of_another_national_strategy_are_an_equivalent_response(lang, paragraph, plan):
    """Q9b asks for another co-ordinated policy or programmatic response: trafficking measures written into a
    national crime-prevention strategy or a state programme are one, whether or not there is also a plan."""
    got = read(LETTERHEAD[lang] + "\n\n" + paragraph)
    assert got["nap_exists"] == plan and got["nap_equivalent"] == "yes"


def test_a_plan_that_is_itself_part_of_nothing_else_gives_no_equivalent_response():
    got = read(LETTERHEAD["en"] + "\n\nA National Action Plan was adopted in 2004. The plan is implemented by the ministries concerned.")
    assert got["nap_exists"] == "yes" and got.get("nap_equivalent") != "yes"


# ------------------------------------------------------------------ a definition in law, wherever the letter gives it

@pytest.mark.parametrize("lang, text", [
    ("ru", """
Постоянное представительство Республики Узбекистан при ОБСЕ

Координацию осуществляет Национальный совет по борьбе с торговлей людьми. Механизм создан законом в 2008 году.

Определение торговли людьми содержится в законодательстве:

Статья 135 Уголовного кодекса: купля-продажа человека, его вербовка, перевозка или укрывательство в целях эксплуатации.
"""),
    ("en", """
Permanent Mission of Malta to the OSCE

Co-ordination rests with the National Anti-Trafficking Commission, set up by law in 2008.

Trafficking in human beings is defined in our legislation as follows:

Article 248A of the Criminal Code: the recruitment, transportation or harbouring of a person for the purpose of exploitation.
"""),
])
def test_a_definition_in_law_after_its_announcement_is_read_even_in_a_letter_without_a_plan(lang, text):
    got = read(text)
    assert got["thb_defined"] == "yes"
    assert "exploit" in got["thb_definition"] or "эксплуатации" in got["thb_definition"]
    assert "nap_exists" not in got


# ------------------------------------------------------------------ values read from sentences

@pytest.mark.parametrize("sentence, year", [
    ("El mecanismo se creó mediante Ley Orgánica 5/2010, mayo de 2009.", "2009"),
    ("The mechanism was set up by Act No. 45/2005 on the Prevention of Trafficking, 2006.", "2006"),
    ("The mechanism was set up by Law 5/2010.", "2010"),
    ("The mechanism was set up on 12/03/2008 by Law 4/2007.", "2008"),
])
def test_the_year_in_an_acts_number_yields_to_the_sentences_own(sentence, year):
    from extractors.values import first_year

    assert first_year([Line(sentence)]).value == year


@pytest.mark.parametrize("lang, sentence, exact", [
    ("en", "Civil society organisations account for about a third of the members.", False),
    ("en", "Civil society organisations account for 40% of the members.", True),
    ("fr", "Les ONG représentent environ 30 % des membres.", False),
    ("ru", "Доля НПО составляет около 20% членов.", False),
    ("de", "Der Anteil der NGOs beträgt rund ein Drittel.", False),
])
def test_an_estimated_share_goes_to_a_reviewer(lang, sentence, exact):
    from extractors.values import share

    got = share([Line(sentence)], patterns_for(lang))
    assert got is not None and (got.how == "pattern") == exact


@pytest.mark.parametrize("lang, text, coordinator", [
    ("en", "The function of National Co-ordinator is exercised by the State Secretary of the Ministry of Justice.", "State Secretary of the Ministry of Justice"),
    ("fr", "La fonction de coordonnateur national est exercée par le Directeur des affaires criminelles.", "Directeur des affaires criminelles"),
    ("es", "La función de coordinador nacional la ejerce la Delegada del Gobierno para la Violencia de Género.", "Delegada del Gobierno para la Violencia de Género"),
    ("it", "La funzione di coordinatore nazionale è svolta dal Capo del Dipartimento per le Pari Opportunità.", "Capo del Dipartimento per le Pari Opportunità"),
    ("es", "Se ha designado un Coordinador Nacional (Director de la Oficina Nacional de Lucha contra la Trata).", "Director de la Oficina Nacional de Lucha contra la Trata"),
])
def test_the_co_ordinator_named_in_a_letters_sentence(lang, text, coordinator):
    got = answers_of(LETTERHEAD[lang] + "\n\n" + text)
    assert got["ncm_type"].value == "coordinator"
    assert got["ncm_coordinator"].value == coordinator
    assert got["ncm_coordinator"].confidence < 0.8  # a name read from prose: a reviewer confirms it


def test_the_body_named_in_a_letter_is_read_for_review_and_its_chair_in_brackets_leads():
    got = answers_of("""
Permanent Mission of Israel to the OSCE

There is an Inter-Ministerial Committee on Trafficking in Persons. The body is inter-ministerial; members are: Ministry of Justice (chair), Ministry of Public Security, Ministry of the Interior.
""")
    assert got["ncm_body_name"].value == "Inter-Ministerial Committee on Trafficking in Persons"
    assert got["ncm_body_name"].confidence < 0.8
    assert got["ncm_lead_ministry"].value == "justice"


@pytest.mark.parametrize("lang, text", [
    ("en", "Its budget covers the following:\n\nOperational costs of the secretariat and funding of shelters."),
    ("fr", "Son budget couvre :\n\nLe fonctionnement du secrétariat et les campagnes de sensibilisation."),
    ("ru", "Бюджет покрывает:\n\nСодержание секретариата и проведение информационных кампаний."),
])
def test_a_budget_said_to_cover_something_exists_and_what_it_covers_follows(lang, text):
    head = {"en": "The National Commission was set up in 2004.", "fr": "La Commission nationale a été créée en 2004.",
            "ru": "Национальная комиссия создана в 2004 году."}[lang]
    got = read(LETTERHEAD[lang] + "\n\n" + head + "\n\n" + text)
    assert got["ncm_budget"] == "yes"
    assert len(got["ncm_budget_covers"].split()) >= 5


# ------------------------------------------------------------------ e-mails: quoted requests and cover notes

REQUEST = """
-----Original Message-----
From: OSCE Anti-Trafficking Unit
Subject: Questionnaire on national co-ordination and reporting on THB
The Office of the Special Representative is collecting information on national co-ordination and reporting structures.
We would be grateful for a copy of your national action plan and of the most recent report of your national rapporteur or equivalent mechanism.
"""


def test_the_request_an_e_mail_quotes_or_forwards_answers_nothing():
    attached = Document("mail.eml::answers.txt", "text", (Line("1. Does your country have a recognized mechanism to co-ordinate policy and programmatic responses to human trafficking?"), Line("Yes.")))
    mail = "Hello,\n\nAttached are our answers to the questionnaire.\n\nRegards\nAnna\n" + REQUEST
    result = process_document(doc_of(mail, name="mail.eml", attachments=(attached,), form="email"))
    fields = {a.field for a in result.answers} - {"country", "respondent_type", "language", "submitted_on"}
    assert fields == set()
    quoted = "Dear colleagues,\n\nPlease find our reply attached.\n\n" + "\n".join("> " + l for l in REQUEST.strip().splitlines()[3:])
    result = process_document(doc_of(quoted, name="mail.eml", attachments=(attached,), form="email"))
    assert {a.field for a in result.answers} - {"country", "respondent_type", "language", "submitted_on"} == set()


def test_a_return_forwarded_under_a_cover_note_in_another_language_is_in_the_answers_language():
    russian = Document("mail.eml::otvety.txt", "text", tuple(Line(t) for t in """
1. Имеется ли в стране механизм координации в сфере противодействия торговле людьми?
Ответ: Да, создана Межведомственная рабочая группа по противодействию торговле людьми под руководством МВД.
16. Имеется ли национальный механизм отчетности?
Ответ: Нет, национальный докладчик пока не назначен, вопрос находится на рассмотрении правительства.
""".strip().splitlines()))
    cover = "Dear colleagues,\n\nPlease find attached the reply of the Russian Federation to the OSCE questionnaire, as prepared by the Ministry of Internal Affairs. The text is available in Russian only.\n\nBest regards,\nI. Petrov"
    result = process_document(doc_of(cover, name="mail.eml", attachments=(russian,), form="email"))
    languages = {d.language: a.confidence for d in (result, *result.attachments) for a in d.answers if a.field == "language"}
    assert max(languages, key=languages.get) == "ru"


# ------------------------------------------------------------------ the answers' language, not the form's

FORM_EN_ANSWERS_RU = """
1. Does your country have a recognized mechanism to co-ordinate policy and programmatic responses to human trafficking?
Да.
2. If yes, what is the nature of the mechanism?
Межведомственная комиссия.
5. Does the national co-ordination mechanism have a budget?
Нет.
16. Does your country have a national reporting mechanism in place? (Either a national rapporteur or equivalent mechanism)
Нет.
"""

FORM_IT_ANSWERS_EN = """
1. Il vostro Paese dispone di un meccanismo riconosciuto per coordinare le risposte politiche e programmatiche alla tratta di esseri umani?
Yes.
2. In caso affermativo, qual è la natura del meccanismo?
An inter-ministerial commission.
5. Il meccanismo nazionale di coordinamento dispone di un bilancio?
No.
16. Il vostro Paese dispone di un meccanismo nazionale di rapporto? (Un relatore nazionale o un meccanismo equivalente)
No.
"""


@pytest.mark.parametrize("text, lang", [(FORM_EN_ANSWERS_RU, "ru"), (FORM_IT_ANSWERS_EN, "en")])
def test_short_answers_under_a_form_in_another_language_are_read_in_their_own(text, lang):
    got = read(text, name="return.txt")
    assert got["language"] == lang
    assert got["ncm_exists"] == "yes" and got["ncm_budget"] == "no" and got["nrm_exists"] == "no"
    assert got["ncm_type"] == "working_group"


@pytest.mark.parametrize("lang, text", [
    ("de", "Die interministerielle Arbeitsgruppe wurde 2000 eingerichtet. Als wichtigste Ergebnisse sind zu nennen: Neufassung des Straftatbestands; Ausarbeitung des Nationalen Aktionsplans. Schwierigkeiten bereiten vor allem folgende Punkte: Die Abstimmung zwischen den Behörden ist schwierig."),
    ("en", "The Inter-Ministerial Commission was set up in 2000. Its main achievements: a new article of the Criminal Code; drafting of the National Action Plan. The main difficulties: co-ordination between the authorities is hard."),
])
def test_an_item_of_an_announced_list_naming_the_plan_does_not_move_the_letter_to_the_plan(lang, text):
    got = read(LETTERHEAD[lang] + "\n\n" + text)
    assert "ncm_challenges" in got and "nap_challenges" not in got
    assert "nap_exists" not in got


# ------------------------------------------------------------------ what is no letter

ROMAN = """
Reply of Ruritania to the OSCE questionnaire
Part A - Co-ordination
I. Is there a recognised body which co-ordinates the response to trafficking in human beings?
Yes, the National Commission on Trafficking in Persons was established in 2004.
II. Does the mechanism have a budget of its own?
No.
Part B - National action plan
III. Is there a National Action Plan? Please explain.
National Action Plan: No
Equivalent policy/programme response (explain): NO
SECTION C: NATIONAL RAPPORTEUR OR EQUIVALENT
No.
"""


def test_a_questionnaire_read_sentence_by_sentence_is_all_for_a_reviewer():
    got = answers_of("\n\n".join(ROMAN.strip().splitlines()))  # each line a paragraph, as a web page's
    facts = {f: a for f, a in got.items() if f not in ("country", "respondent_type", "language", "submitted_on")}
    assert facts and all(a.confidence < 0.8 for a in facts.values())
    assert got["nap_equivalent"].value == "no"  # "... (explain): NO" denies it
    assert "nrm_exists" not in got or got["nrm_exists"].value == "no"  # a heading in capitals states nothing


def test_an_annexed_law_transmitted_with_the_return_answers_nothing():
    law = """
Legge 11 agosto 2003, n. 228
(pubblicata nella Gazzetta Ufficiale n. 195 del 23 agosto 2003) - testo trasmesso in allegato, per opportuna conoscenza
Art. 1. Chiunque esercita su una persona poteri corrispondenti a quelli del diritto di proprietà è punito con la reclusione.
Art. 13. È istituito presso la Presidenza del Consiglio dei ministri il Fondo per le misure anti-tratta.
Il Piano nazionale d'azione contro la tratta è adottato dal Consiglio dei ministri.
"""
    fields = {a.field for a in process_document(doc_of(law, name="legge.docx")).answers}
    assert fields <= {"country", "respondent_type", "language", "submitted_on"}


@pytest.mark.parametrize("lang, text", [
    ("en", "The National Commission was set up in 2004. The Commission has its own budget.\n\nIt covers the secretariat and awareness campaigns."),
    ("fr", "La Commission nationale a été créée en 2004. La Commission dispose d'un budget propre.\n\nIl couvre le secrétariat et les campagnes de sensibilisation."),
    ("ru", "Национальная комиссия создана в 2004 году. Комиссия располагает собственным бюджетом.\n\nОн покрывает содержание секретариата и информационные кампании."),
])
def test_a_paragraph_referring_back_goes_on_with_the_one_before(lang, text):
    got = read(LETTERHEAD[lang] + "\n\n" + text)
    assert got["ncm_budget"] == "yes"
    assert any(w in got["ncm_budget_covers"] for w in ("secretariat", "secrétariat", "секретариата"))


# ------------------------------------------------------------------ a letter without a mission's formulas

def test_a_letter_from_a_ministry_that_opens_with_a_salutation_is_a_reply():
    # no mission, no diplomatic formula: a salutation, the questionnaire named once, facts in prose
    letter = """
Segreteria di Stato per gli Affari Esteri
San Marino, 8 marzo 2007
Egregi Signori,
In riscontro alla Sua richiesta relativa al questionario, comunichiamo quanto segue.
Il coordinamento è affidato al Capo del Dipartimento per le Pari Opportunità, in qualità di coordinatore nazionale.
L'organismo di coordinamento è stato istituito nel 2004 con delibera del Congresso di Stato.
Non esiste un Piano d'Azione Nazionale. Non esiste nemmeno un programma equivalente.
Un meccanismo nazionale di rapporto non è stato ancora istituito.
Con i migliori saluti,
Marco Rossi
"""
    got = read(letter, name="risposta.docx")
    assert got.get("ncm_exists") == "yes" and got.get("nap_exists") == "no" and got.get("nrm_exists") == "no"
    # the same facts in an annexed report, with no salutation, stay no reply
    annex = "\n".join(l for l in letter.strip().splitlines() if l not in ("Egregi Signori,", "Con i migliori saluti,"))
    assert "ncm_exists" not in read(annex.replace("questionario", "rapporto"), name="allegato.docx")


@pytest.mark.parametrize("lang, text, challenge", [
    ("ru", """Уважаемые коллеги!
В ответ на вопросник ОБСЕ сообщаем следующее.
В 2005 году Правительство утвердило Национальный план действий по противодействию торговле людьми.
Оценка: Комиссия два раза в год рассматривает отчёты ведомств. Реализация Плана сталкивается с трудностями. Общественная осведомлённость о проблеме низка. Финансирование Плана не предусмотрено отдельной строкой бюджета.
С уважением,""", "Финансирование Плана"),
    ("en", """Dear Sir or Madam,
In reply to the OSCE questionnaire we inform you of the following.
In 2005 the Government adopted a National Action Plan against trafficking in human beings.
Evaluation: the Commission reviews the ministries' reports twice a year. The implementation of the Plan meets difficulties. Public awareness of the problem is low. The Plan has no budget line of its own.
Yours faithfully,""", "budget line"),
])
def test_a_paragraph_that_moves_on_to_a_later_question_takes_its_sentences_along(lang, text, challenge):
    # several answers in one paragraph: the sentences after "... meets difficulties." are the difficulties,
    # not more of the evaluation announced at the paragraph's start
    got = answers_of(text)
    assert challenge in got["nap_challenges"].value
    assert challenge not in got["nap_review"].value


# ------------------------------------------------------------------ a sentence that refers to another answer

@pytest.mark.parametrize("text", [
    """
Permanent Mission of Malta to the OSCE

A National Action Plan was adopted in 2005. For the achievements of the plan, please see our comments on the co-ordination mechanism (question 7).
""",
    """
Ständige Vertretung Österreichs bei der OSZE

Ein Nationaler Aktionsplan wurde 2005 angenommen. Zu den Ergebnissen des Plans siehe die Antwort zu Frage 7.
""",
    """
Постоянное представительство Республики Армения при ОБСЕ

Национальный план действий утверждён в 2005 году. О достижениях Плана см. ответ на вопрос 7.
""",
    """
Rappresentanza permanente d'Italia presso l'OSCE

Il Piano d'azione nazionale è stato adottato nel 2005. Per i risultati del Piano si veda la risposta alla domanda 7.
""",
])
def test_a_letters_sentence_that_refers_to_another_answer_goes_to_a_reviewer(text):
    """'See our answer to question 7' is no account of the plan's achievements: the field goes to review with
    a crossref note, its words not published as the answer."""
    got = answers_of(text)
    assert got["nap_exists"].value == "yes"
    ach = got.get("nap_achievements")
    assert ach is not None and ach.note.startswith("crossref") and ach.confidence < 0.8
    assert "7" not in ach.value


def test_a_letter_pointing_at_an_article_is_no_pointer_to_a_question():
    got = answers_of("""
Permanent Mission of Malta to the OSCE

A National Action Plan was adopted in 2005. Its achievements include new shelters; see Article 12 of the Law on Social Care.
""")
    ach = got.get("nap_achievements")
    assert ach is None or not ach.note.startswith("crossref")


# ------------------------------------------------------------------ a list naming something none of the options name

@pytest.mark.parametrize("lang, sentence, values", [
    ("en", "The group's role is implementation and monitoring.", "implementation;other"),
    ("ru", "Основная функция - консультативная, реализация мер и контроль.", "advisory;implementation;other"),
    ("it", "La sua funzione principale è attuativa e di monitoraggio.", "implementation;other"),
    ("es", "Su función principal es consultiva, la definición de políticas y el seguimiento.", "advisory;other;policy_making"),
    ("fr", "Le rôle de l'organe de coordination est consultatif, la mise en œuvre et le suivi.", "advisory;implementation;other"),
    ("en", "Its role is advisory and policy making.", "advisory;policy_making"),
])
def test_a_function_the_form_does_not_list_is_other(lang, sentence, values):
    """Q6 offers advisory, policy making, implementation and other: monitoring, named beside the listed ones,
    is 'other'; a list of listed functions only gets no 'other'."""
    intro = {"en": "The National Co-ordination Committee co-ordinates the response.",
             "ru": "Национальный координационный совет координирует противодействие торговле людьми.",
             "it": "Il Comitato nazionale di coordinamento coordina la risposta.",
             "es": "La Comisión Nacional de Coordinación coordina la respuesta.",
             "fr": "Le Comité national de coordination coordonne la réponse."}[lang]
    got = read(LETTERHEAD[lang] + "\n\n" + intro + " " + sentence)
    assert got["ncm_function"] == values


# ------------------------------------------------------------------ the kinds of challenge a plan's answer names

@pytest.mark.parametrize("lang, paragraph", [
    ("ru", "Национальный план действий утверждён в 2004 году. Реализация Плана сталкивается с трудностями. "
           "Региональные органы не всегда вовлечены в работу. Общественная осведомлённость о проблеме низка."),
    ("it", "Il Piano d'azione nazionale è stato adottato nel 2004. L'attuazione del Piano incontra ostacoli. "
           "Le amministrazioni regionali non sono sempre coinvolte. La sensibilità dell'opinione pubblica è scarsa."),
    ("de", "Die Regierung hat 2004 einen Nationalen Aktionsplan verabschiedet. Die Umsetzung des Plans stößt auf Hindernisse. "
           "Die regionalen Behörden sind nicht immer eingebunden. Das öffentliche Bewusstsein für das Problem ist gering."),
])
def test_regional_bodies_left_out_and_low_public_awareness_are_coordination_and_support(lang, paragraph):
    """Q15's kinds: regional authorities not involved is a lack of co-ordination, low public awareness a lack
    of public support; the sentence that only announces difficulties is no kind of its own ('other')."""
    got = read(LETTERHEAD[lang] + "\n\n" + paragraph)
    assert got["nap_challenge_topics"] == "coordination;support"


# ------------------------------------------------------------------ a body introduced by its name

@pytest.mark.parametrize("lang, sentence, name", [
    ("es", "La coordinación se lleva a cabo a través del órgano denominado Mesa Interinstitucional sobre Trata.",
     "Mesa Interinstitucional sobre Trata"),
    ("en", "Co-ordination is ensured by an inter-agency working group called the National Anti-Trafficking Council, which meets monthly.",
     "National Anti-Trafficking Council"),
    ("ru", "Координацию осуществляет межведомственная рабочая группа под названием «Межведомственная комиссия по противодействию торговле людьми».",
     "Межведомственная комиссия по противодействию торговле людьми"),
])
def test_a_body_the_letter_says_is_called_so_is_named(lang, sentence, name):
    got = read(LETTERHEAD[lang] + "\n\n" + sentence)
    assert got["ncm_body_name"] == name


# ------------------------------------------------------------------ a thing that exists only in fact

@pytest.mark.parametrize("lang, sentence", [
    ("en", "Some of the functions of a national rapporteur are in fact exercised by the Ombudsman, without a formal mandate."),
    ("fr", "Certaines fonctions d'un rapporteur sont, dans les faits, exercées par le Médiateur, sans mandat formel."),
    ("ru", "Отдельные функции национального докладчика фактически выполняет Уполномоченный по правам человека, однако формально такой механизм не закреплён."),
])
def test_a_rapporteur_that_exists_only_in_fact_goes_to_a_reviewer(lang, sentence):
    """Whether there is a national rapporteur is the reviewer's call when the letter says its functions are
    exercised in fact by another body, without a formal mandate: neither a sure yes nor a sure no."""
    got = answers_of(LETTERHEAD[lang] + "\n\n" + sentence)
    assert "nrm_exists" in got and got["nrm_exists"].confidence < 0.8


# ------------------------------------------------------------------ how the plan is reviewed, told by a verb

@pytest.mark.parametrize("lang, paragraph, review", [
    ("ru", "Национальный план действий утверждён в 2004 году. Ход его выполнения ежегодно рассматривает Правительство.",
     "Ход его выполнения ежегодно рассматривает Правительство."),
    ("es", "El Plan Nacional de Acción se aprobó en 2004. El Gobierno evalúa cada año el grado de cumplimiento.",
     "El Gobierno evalúa cada año el grado de cumplimiento."),
    ("en", "A National Action Plan was adopted in 2004. Every year the Government reviews its implementation.",
     "Every year the Government reviews its implementation."),
])
def test_the_plans_review_told_by_a_verb_in_any_form(lang, paragraph, review):
    got = read(LETTERHEAD[lang] + "\n\n" + paragraph)
    assert got.get("nap_review") == review


def test_an_options_own_words_split_by_and_are_no_other():
    """'trends and patterns' is the form's option 'Trends and patterns', though the patterns name it by 'trends':
    'patterns' is no content of its own kind."""
    got = read(LETTERHEAD["en"] + "\n\nThe Ministry of the Interior acts as national rapporteur. Its reports cover trends and "
               "patterns, law-enforcement and prosecution activities, and international co-operation.")
    assert "other" not in got["report_content"].split(";")


# ------------------------------------------------------------------ German letters: compounds, participles, a closing "nicht"

GERMAN_INTRO = "Die Koordinierung obliegt einer interministeriellen Arbeitsgruppe, die seit 2006 besteht."


@pytest.mark.parametrize("sentence, field, value", [
    # a compound noun of the rapporteur's part: "Berichts-mechanismus", "Berichts-stelle"
    ("Eine nationale Berichtsstelle wurde noch nicht eingerichtet.", "nrm_exists", "no"),
    ("Ein unabhängiger Berichtsmechanismus wurde 2009 geschaffen.", "nrm_exists", "yes"),
    # German closes a clause with its "nicht": the verb and the thing denied come before it
    ("Eine Legaldefinition des Menschenhandels kennt unser Strafrecht nicht.", "thb_defined", "no"),
    ("Einen eigenen Haushalt hat die Arbeitsgruppe nicht.", "ncm_budget", "no"),
    # the option words as participles: "beratend und umsetzend tätig"
    ("Die Arbeitsgruppe ist beratend und umsetzend tätig.", "ncm_function", "advisory;implementation"),
    # an inflected lead cue: "Federführendes Ressort", "Geschäftsführendes Ministerium"
    ("Federführendes Ressort ist das Bundesministerium des Innern.", "ncm_lead_ministry", "interior"),
    ("Geschäftsführendes Ministerium: Bundesministerium der Justiz.", "ncm_lead_ministry", "justice"),
])
def test_german_letters_compounds_participles_and_a_closing_nicht(sentence, field, value):
    got = read(LETTERHEAD["de"] + "\n\n" + GERMAN_INTRO + " " + sentence)
    assert got.get(field) == value


@pytest.mark.parametrize("lang, sentence, name", [
    ("de", "Die Koordinierung obliegt der Koordinierungsstelle gegen Menschenhandel, die zweimal jährlich tagt.",
     "Koordinierungsstelle gegen Menschenhandel"),
    ("fr", "La coordination est assurée par le Comité national de lutte contre la traite, qui se réunit chaque mois.",
     "Comité national de lutte contre la traite"),
])
def test_a_body_named_in_a_letter_ends_where_a_relative_clause_begins(lang, sentence, name):
    """A body's name runs on to the sentence's end only as far as the relative clause that describes it."""
    got = read(LETTERHEAD[lang] + "\n\n" + sentence)
    assert got.get("ncm_body_name") == name


@pytest.mark.parametrize("lang, paragraph", [
    ("de", "Ein nationaler Berichtsmechanismus wurde bisher nicht geschaffen. Zuständig für die Koordinierung ist die "
           "Interministerielle Arbeitsgruppe Menschenhandel, die viermal jährlich tagt. Vertreten sind das Bundesministerium "
           "des Innern und das Bundesministerium der Justiz."),
    ("en", "No national rapporteur has been appointed so far. Responsible for co-ordination is the Inter-Agency Working "
           "Group on Trafficking, which meets quarterly. Represented are the Ministry of the Interior and the Ministry of Justice."),
])
def test_a_part_said_not_to_exist_does_not_keep_the_paragraph_that_goes_on_about_another(lang, paragraph):
    """A paragraph opening on a rapporteur that does not exist, then describing the co-ordination body: nothing more
    can be said of a thing that is not there, so the body and its members belong to the co-ordination mechanism."""
    got = read(LETTERHEAD[lang] + "\n\n" + paragraph)
    assert got["nrm_exists"] == "no"
    assert got.get("ncm_ministries") == "interior;justice"
    assert "nrm_type" not in got


# ------------------------------------------------------------------ a correction quoting the reply it corrects

EARLIER_REPLY = {
    "en": """Dear colleagues,

In reply to your questionnaire we are pleased to provide the following information.

The Inter-Ministerial Working Group on Trafficking in Human Beings co-ordinates the national response. It was set up in 2003.

A National Action Plan was adopted in 2008. It covers prevention, protection of victims and prosecution.

No national rapporteur has been appointed so far.

Kind regards,
Maria Rossi""",
    "es": """Estimados colegas:

En respuesta a su cuestionario, nos complace remitirles la siguiente información.

El Grupo Interministerial de Trabajo sobre la Trata de Seres Humanos coordina la respuesta nacional. Fue creado en 2003.

En 2008 se aprobó un Plan Nacional de Acción. El Plan abarca la prevención, la protección de las víctimas y el enjuiciamiento.

Aún no se ha designado un relator nacional.

Un saludo,
María Ruiz""",
}
CORRECTION = {
    "en": "Dear colleagues,\n\nCorrigendum: in our message below we stated in error that the National Action Plan was adopted "
          "in 2008. The correct year of adoption is 2009. The other answers are unchanged.\n\nKind regards,\nMaria Rossi\n\n"
          "-----Original Message-----\nFrom: Maria Rossi\nSent: 14 March 2007\n",
    "es": "Estimados colegas:\n\nCorrigendum: en nuestro correo se indicó por error que el Plan Nacional de Acción se aprobó "
          "en 2008. El año correcto es 2009. El resto de las respuestas no varía.\n\nUn saludo,\nMaría Ruiz\n\n"
          "-----Mensaje original-----\nDe: María Ruiz\nEnviado el: 14 de marzo de 2007\n",
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_correction_quoting_the_whole_earlier_reply_is_that_reply_corrected(lang):
    """A corrigendum sent as a reply to the return it corrects, quoting it whole: the return is the quoted reply with
    the correction made (the year stated in error gives way to the correct one), not a one-line letter that loses
    every other answer."""
    quoted = "\n".join("> " + l if l else ">" for l in EARLIER_REPLY[lang].splitlines())
    got = read(CORRECTION[lang] + quoted, name="RE_reply.eml", form="email")
    assert got["nap_exists"] == "yes" and got["nap_year"] == "2009"
    assert got["ncm_exists"] == "yes" and got["ncm_established_year"] == "2003"
    assert got["nrm_exists"] == "no"


def test_a_reply_quoting_the_request_it_answers_takes_nothing_from_the_request():
    """Only a correction takes the quoted text for its own: a reply quoting the request answers with its own words."""
    quoted = "\n".join("> " + l for l in REQUEST.strip().splitlines())
    got = read("Dear colleagues,\n\nWe have no national action plan.\n\nKind regards,\nMaria Rossi\n\n" + quoted,
               name="RE_request.eml", form="email")
    assert got.get("nap_exists") == "no" and "ncm_exists" not in got


# ------------------------------------------------------------------ working since a decade: no year

@pytest.mark.parametrize("lang, intro, sentence", [
    ("ru", "Межведомственная рабочая группа по вопросам противодействия торговле людьми координирует работу.",
     "Механизм действует с начала 2000-х годов."),
    ("ru", "Межведомственная рабочая группа по вопросам противодействия торговле людьми координирует работу.",
     "Группа работает с конца 1990-х годов."),
    ("it", "Il coordinamento è assicurato dalla Commissione interministeriale contro la tratta.",
     "L'organismo opera dai primi anni Duemila."),
    ("it", "Il coordinamento è assicurato dalla Commissione interministeriale contro la tratta.",
     "La Commissione è attiva dalla fine degli anni Novanta."),
])
def test_a_mechanism_working_since_a_decade_goes_to_a_reviewer(lang, intro, sentence):
    """'Operating since the early 2000s' answers when the mechanism was set up, with no year FIELDS.md can hold:
    the field goes to a reviewer with the sentence as evidence, rather than being left out."""
    got = answers_of(LETTERHEAD[lang] + "\n\n" + intro + " " + sentence)
    assert "ncm_established_year" in got
    year = got["ncm_established_year"]
    assert year.value == "" and year.confidence < 0.5 and year.evidence == sentence


@pytest.mark.parametrize("lang, paragraph", [
    ("it", "Il Piano d'azione nazionale è stato adottato nel 2004. L'attuazione incontra ostacoli. "
           "Il Piano non ha una copertura finanziaria specifica."),
    ("ru", "Национальный план действий утверждён в 2004 году. Реализация Плана сталкивается с трудностями. "
           "Отсутствует специальное финансовое обеспечение Плана."),
])
def test_a_plan_without_its_own_financing_is_a_lack_of_resources(lang, paragraph):
    got = read(LETTERHEAD[lang] + "\n\n" + paragraph)
    assert got["nap_challenge_topics"] == "resources"


@pytest.mark.parametrize("lang, sentence, values", [
    ("es", "El órgano tiene carácter consultivo y de ejecución.", "advisory;implementation"),
    ("it", "L'organismo ha carattere consultivo e attuativo.", "advisory;implementation"),
    ("ru", "Деятельность группы носит консультативный характер.", "advisory"),
    ("fr", "L'organe a un caractère consultatif.", "advisory"),
])
def test_the_function_told_as_the_bodys_character(lang, sentence, values):
    """'tiene carácter consultivo', 'носит консультативный характер': the body's character is its function (Q6)."""
    intro = {"es": "La coordinación corresponde a la Comisión Interministerial contra la Trata, creada en 2004.",
             "it": "Il coordinamento è assicurato dalla Commissione interministeriale contro la tratta, istituita nel 2004.",
             "ru": "Координацию осуществляет Межведомственная рабочая группа, созданная в 2004 году.",
             "fr": "La coordination est assurée par la Commission interministérielle, créée en 2004."}[lang]
    got = read(LETTERHEAD[lang] + "\n\n" + intro + "\n\n" + sentence)
    assert got.get("ncm_function") == values


MIXED_OPTIONS = """
1. Does your country have a recognised mechanism for co-ordinating policy and programme responses to trafficking?
Sí, existe una Comisión Interministerial de Coordinación contra la Trata de Seres Humanos desde el año 2001.
2. If so, what kind of mechanism is it?
Comisión interministerial presidida por el Ministerio del Interior, con participación de la Fiscalía General del Estado.
3. Where the mechanism is a commission, what is its composition?
3a) Inter-ministerial? If so, which ministries take part?
Sí: Ministerio del Interior, Ministerio de Justicia, Ministerio de Trabajo y Asuntos Sociales.
3d) Is civil society represented? In what capacity?
Sí
Capacity: Observers
6. The group's main function is:
Advisory; Implementing
7. What are the main achievements of the group?
Aprobación de un protocolo nacional de identificación de víctimas y formación de más de trescientos agentes de policía.
"""


def test_options_answered_in_the_forms_words_under_answers_in_another_language():
    """A Spanish return on the English form writes its choices in the form's words ("Advisory; Implementing"):
    the choices are read though the answers around them are Spanish."""
    got = read(MIXED_OPTIONS, name="return.txt")
    assert got["language"] == "es"
    assert got.get("ncm_function") == "advisory;implementation"
    assert got.get("ncm_civil_society_role") == "observer"
