"""Letters whose answers are scattered over paragraphs of prose: parts named out of order, a PDF
paragraph cut where its page or spacing changes, short sentences that head what follows, a body
named only inside quotation marks. Each letter is written here, in the languages the class needs,
and read through the segmenter or the whole pipeline.
"""

from __future__ import annotations

import pytest

from questionnaire_returns.pipeline import process_document
from questionnaire_returns.records import Document, Line
from questionnaire_returns.segment.narrative import paragraphs, segment_narrative


def doc_of(text: str) -> Document:
    return Document("letter.txt", "text", tuple(Line(t) for t in text.strip("\n").splitlines()))


def answers(text: str) -> dict[str, str]:
    return {a.field: a.value for a in process_document(doc_of(text)).answers}


def routed(text: str, lang: str) -> dict[str, str]:
    return {s.question: " ".join(l.text for l in s.lines) for s in segment_narrative(doc_of(text).lines, lang)}


# ------------------------------------------------------------------ a PDF paragraph cut into blocks

def _pdf_lines(rows: list[tuple[str, float, int]], page: int = 1) -> tuple[Line, ...]:
    """Lines of a typed PDF: (text, right edge, block), 21 points apart, the text's left edge at 78."""
    return tuple(Line(t, page, (78.0, 100.0 + 21 * i, right, 110.0 + 21 * i), "text", None, block)
                 for i, (t, right, block) in enumerate(rows))


@pytest.mark.parametrize("rows, sentence", [
    # the reader starts a new block where the spacing changes: the sentence runs on over it
    ([("A National Action Plan was adopted in 2005. An explicit definition of trafficking in human", 525.0, 1),
      ("Beings is not contained in our legislation.", 300.0, 2)],
     "An explicit definition of trafficking in human Beings is not contained in our legislation."),
    ([("Die Regierung hat 2005 einen Nationalen Aktionsplan verabschiedet. Eine ausdrückliche", 525.0, 1),
      ("Definition des Menschenhandels enthält unsere", 526.0, 2),
      ("Gesetzgebung nicht.", 180.0, 3)],
     "Eine ausdrückliche Definition des Menschenhandels enthält unsere Gesetzgebung nicht."),
    # ... and the block it runs on into goes on over its own next lines
    ([("Eine ausdrückliche Definition des Menschenhandels enthält unsere", 526.0, 1),
      ("Gesetzgebung nicht. Zu den Ergebnissen des Plans siehe die Antwort zu", 525.0, 2),
      ("Frage 7. Es gibt eine Interministerielle Arbeitsgruppe.", 400.0, 2)],
     "Zu den Ergebnissen des Plans siehe die Antwort zu Frage 7."),
    # a line that ends short and open, then one in lower case: the same sentence
    ([("Il Piano nazionale è stato adottato nel 2005. La tratta non è definita in", 300.0, 1),
      ("quanto tale dalla legislazione nazionale.", 320.0, 2)],
     "La tratta non è definita in quanto tale dalla legislazione nazionale."),
])
def test_a_sentence_a_pdf_reader_cut_into_two_blocks_is_read_whole(rows, sentence):
    sents = [s.text for para in paragraphs(_pdf_lines(rows)) for s in para]
    assert sentence in sents


def test_a_short_heading_and_a_finished_paragraph_stay_apart_from_the_block_after_them():
    lines = _pdf_lines([("Questionnaire on co-ordination", 250.0, 1),
                        ("The National Co-ordinator heads the response and chairs the Working Group of", 525.0, 2),
                        ("experts.", 120.0, 2),
                        ("There is no national rapporteur.", 260.0, 3)])
    texts = [[s.text for s in para] for para in paragraphs(lines)]
    assert texts[0] == ["Questionnaire on co-ordination"]
    assert texts[-1] == ["There is no national rapporteur."]


# ------------------------------------------------------------------ back to an earlier part mid-paragraph

BOTH = {
    "en": "A National Action Plan was adopted in 2005. There is both a National Co-ordinator and an "
          "Inter-ministerial Working Group on trafficking.",
    "de": "Die Regierung hat 2005 einen Nationalen Aktionsplan verabschiedet. Es gibt sowohl einen nationalen "
          "Koordinator als auch eine Interministerielle Arbeitsgruppe.",
    "fr": "Un plan d'action national a été adopté en 2005. Il existe à la fois un coordonnateur national et un "
          "groupe de travail interministériel.",
    "es": "En 2005 se aprobó un Plan Nacional de Acción. Existen tanto un coordinador nacional como un grupo "
          "de trabajo interministerial.",
    "it": "Nel 2005 è stato adottato un Piano d'azione nazionale. Esistono sia un coordinatore nazionale sia un "
          "gruppo di lavoro interministeriale.",
    "ru": "В 2005 году был принят Национальный план действий. Существуют как национальный координатор, так и "
          "межведомственная рабочая группа.",
}


@pytest.mark.parametrize("lang", sorted(BOTH))
def test_a_sentence_saying_an_earlier_parts_body_exists_takes_the_letter_back_mid_paragraph(lang):
    got = routed(BOTH[lang], lang)
    second = BOTH[lang].split(". ", 1)[1]
    assert second in got.get("1", "") and second in got.get("2", "")
    assert second not in got.get("9", "")


REVIEWED = {
    "en": "The National Action Plan was adopted in 2005. The Working Group reviews its implementation twice a year.",
    "de": "Der Nationale Aktionsplan wurde 2005 verabschiedet. Die Arbeitsgruppe überprüft die Umsetzung halbjährlich.",
    "it": "Il Piano d'azione nazionale è stato adottato nel 2005. La Commissione verifica semestralmente lo stato di attuazione.",
    "es": "El Plan Nacional de Acción se aprobó en 2005. La Comisión evalúa semestralmente su ejecución.",
}


@pytest.mark.parametrize("lang", sorted(REVIEWED))
def test_a_body_of_part_a_reviewing_the_plan_is_the_plans_review(lang):
    got = routed(REVIEWED[lang], lang)
    second = REVIEWED[lang].split(". ", 1)[1]
    assert second in got.get("13", "")
    assert second not in got.get("1", "") and second not in got.get("2", "")


# ------------------------------------------------------------------ a short sentence heads what follows

CHALLENGES = {
    "en": ("The Working Group was set up in 2003. Challenges remain. The funding of counselling centres is not "
           "secured. Other political priorities took precedence.", "funding of counselling"),
    "de": ("Die Arbeitsgruppe besteht seit 2003. Herausforderungen bleiben. Die Finanzierung der Beratungsstellen "
           "ist nicht dauerhaft gesichert. Andere politische Schwerpunkte hatten zeitweise Vorrang.", "Finanzierung der"),
    "es": ("El Grupo de Trabajo existe desde 2003. Persisten retos. La financiación de los centros de acogida no "
           "está asegurada. Otras prioridades han relegado el tema.", "financiación de los"),
    "it": ("Il Gruppo di lavoro è stato istituito nel 2003. Permangono alcune criticità. Il finanziamento dei centri "
           "non è garantito. Altre priorità politiche hanno prevalso.", "finanziamento dei"),
}


@pytest.mark.parametrize("lang", sorted(CHALLENGES))
def test_a_short_sentence_naming_the_challenges_heads_the_sentences_after_it(lang):
    text, funding = CHALLENGES[lang]
    got = routed(text, lang)
    assert funding in got.get("8", "")  # the funding lacking is a challenge, read with its head
    assert funding not in got.get("5", "")  # ... not the body's budget


# ------------------------------------------------------------------ a body named only inside quotation marks

QUOTED_BODY = {
    "it": "Il coordinamento è assicurato dall'organismo denominato «Commissione interministeriale per il sostegno "
          "alle vittime di tratta». Ne fanno parte rappresentanti di diversi ministeri.",
    "en": "Co-ordination is ensured by the body called \"Inter-ministerial Commission for the Support of Victims "
          "of Trafficking\". Representatives of several ministries sit on it.",
}


@pytest.mark.parametrize("lang", sorted(QUOTED_BODY))
def test_a_letter_that_first_names_its_body_in_quotation_marks_speaks_of_part_a(lang):
    got = routed(QUOTED_BODY[lang], lang)
    assert QUOTED_BODY[lang].split(". ")[0] in got.get("1", "")


# ------------------------------------------------------------------ German compounds and negations

def test_a_subject_line_naming_the_questionnaire_in_a_compound_says_nothing_of_a_rapporteur():
    got = answers("""
Ständige Vertretung der Bundesrepublik Deutschland bei der OSZE

OSZE-Fragebogen zur Koordinierung und Berichterstattung im Bereich Menschenhandel

Sehr geehrte Damen und Herren,

Die Interministerielle Arbeitsgruppe Menschenhandel wurde 2003 eingerichtet. Der Nationale Aktionsplan wurde 2005 verabschiedet.

Mit freundlichen Grüßen
""")
    assert got.get("ncm_exists") == "yes" and got.get("nap_exists") == "yes"
    assert "nrm_exists" not in got


@pytest.mark.parametrize("sentence", [
    "Ein gleichwertiges Programm besteht ebenfalls nicht.",
    "Ein gleichwertiges Programm besteht jedoch nicht.",
])
def test_an_equivalent_response_said_not_to_exist_a_few_words_on_is_denied(sentence):
    got = answers(f"""
Ständige Vertretung der Bundesrepublik Deutschland bei der OSZE

Sehr geehrte Damen und Herren,

Ein Nationaler Aktionsplan wurde bisher nicht verabschiedet. {sentence}

Mit freundlichen Grüßen
""")
    assert got.get("nap_equivalent") != "yes"


@pytest.mark.parametrize("lang, text, basis", [
    ("de", "Die Arbeitsgruppe verfügt über ein eigenes Budget für Schulungen. Der Mechanismus beruht auf einer Vereinbarung der Ressorts.",
     "beruht auf"),
    ("en", "The Working Group has its own budget for training. The mechanism is based on an agreement between the ministries.",
     "is based on"),
    ("fr", "Le groupe de travail dispose d'un budget propre pour la formation. Le mécanisme repose sur un accord entre les ministères.",
     "repose sur"),
])
def test_what_a_body_rests_on_is_its_authority_not_the_budget_before_it(lang, text, basis):
    got = routed(text, lang)
    assert basis in got.get("4", "") and basis not in got.get("5", "")


@pytest.mark.parametrize("lang, text, item", [
    ("ru", "В 2005 году принят Национальный план действий. В результате реализации Плана: Введена система мониторинга. "
           "Согласовано единое понятие жертвы.", "Согласовано единое понятие жертвы."),
    ("en", "A National Action Plan was adopted in 2005. The plan has brought the following: A monitoring system was "
           "introduced. A common definition agreed.", "A common definition agreed."),
])
def test_a_short_item_of_an_announced_list_naming_another_topic_stays_in_the_list(lang, text, item):
    got = routed(text, lang)
    assert item in got.get("14", "")


# ------------------------------------------------------------------ who co-ordinates, and moving on to a later part

COORDINATION = {
    "en": "The National Action Plan was adopted in 2005. Co-ordination rests with the Ministry of the Interior.",
    "de": "Der Nationale Aktionsplan wurde 2005 verabschiedet. Die Koordinierung erfolgt über die Task Force Menschenhandel.",
    "fr": "Le plan d'action national a été adopté en 2005. La coordination est assurée par le ministère de l'Intérieur.",
    "es": "El Plan Nacional de Acción se aprobó en 2005. La coordinación corresponde al Ministerio del Interior.",
    "it": "Il Piano d'azione nazionale è stato adottato nel 2005. Il coordinamento fa capo al Ministero dell'Interno.",
    "ru": "Национальный план действий принят в 2005 году. Координация возложена на Министерство внутренних дел.",
}


@pytest.mark.parametrize("lang", sorted(COORDINATION))
def test_a_sentence_saying_who_co_ordinates_speaks_of_part_a(lang):
    got = routed(COORDINATION[lang], lang)
    second = COORDINATION[lang].split(". ", 1)[1]
    assert second in got.get("1", "") and second not in got.get("9", "")


@pytest.mark.parametrize("lang, text", [
    ("it", "La Commissione è stata istituita nel 2003. La funzione di rapporto è stata attribuita al Ministero della "
           "Giustizia. Esiste dal 2003."),
    ("en", "The Commission was set up in 2003. The reporting function has been assigned to the Ministry of Justice. "
           "It exists since 2004."),
])
def test_a_letter_moving_on_to_reports_goes_there_whatever_else_the_sentence_names(lang, text):
    got = routed(text, lang)
    second = text.split(". ")[1]
    assert second in got.get("16", "") and second not in got.get("6", "")


def test_policy_co_ordinated_through_a_body_named_mid_paragraph_takes_the_letter_back_to_part_a():
    text = ("There is no National Action Plan. No other equivalent programme exists. Policy is co-ordinated through "
            "the Inter-Departmental Working Group on Trafficking in Human Beings.\n\n"
            "The mechanism was set up by Government Decree in 2006.")
    got = routed(text, "en")
    assert "Policy is co-ordinated" in got.get("1", "") and "Policy is co-ordinated" not in got.get("9", "")
    assert "Government Decree" in got.get("4", "")


@pytest.mark.parametrize("lang, text, after", [
    ("en", 'The plan sets out the comprehensive approach. Our legislation defines trafficking as "the recruitment, '
           'transportation, transfer, harbouring or receipt of persons for the purpose of exploitation" The plan has '
           'brought the following: NGOs have been included as implementing partners.', "NGOs have been included"),
    ("fr", "Le plan d'action national a été adopté en 2005. La traite est définie par le Code pénal : « le fait de "
           "recruter, transporter, transférer, héberger ou accueillir une personne à des fins d'exploitation » Le plan "
           "a permis ce qui suit : les ONG ont été associées à sa mise en œuvre.", "les ONG ont été associées"),
])
def test_a_sentence_after_a_quoted_definition_closed_without_a_stop_is_a_sentence_of_its_own(lang, text, after):
    got = routed(text, lang)
    assert after in got.get("14", "") and after not in got.get("11", "")


# ------------------------------------------------------------------ the reports' success and limits

SUCCESS = {
    "en": ("The reporting function has been assigned to the Ministry of the Interior. A budget is provided. Several "
           "recommendations of the rapporteur have been taken up in the new plan. Data from different agencies are not comparable."),
    "ru": ("Функции национального докладчика выполняет Министерство внутренних дел. Специальный бюджет не выделяется. "
           "Ряд рекомендаций доклада учтён в новом Плане. Данные разных ведомств несопоставимы."),
    "it": ("La funzione di rapporto è stata attribuita al Ministero della Giustizia. Non ha un bilancio proprio. "
           "Diverse raccomandazioni sono state recepite nel nuovo Piano. I dati delle diverse amministrazioni non sono confrontabili."),
}


@pytest.mark.parametrize("lang", sorted(SUCCESS))
def test_recommendations_taken_up_are_the_reports_success_and_data_not_comparable_its_limit(lang):
    sents = SUCCESS[lang].split(". ")
    got = routed(SUCCESS[lang], lang)
    assert sents[2] in got.get("22", "") and sents[2] not in got.get("20", "") and sents[2] not in got.get("9", "")
    assert sents[3].rstrip(".") in got.get("23", "")


def test_a_plan_adopted_after_an_announced_list_of_achievements_is_no_achievement():
    text = ("Межведомственная рабочая группа создана в 2003 году. К основным достижениям относятся следующие. Открыта телефонная «горячая линия». "
            "В 2005 году Правительство приняло Национальный план действий.")
    got = routed(text, "ru")
    assert "Правительство приняло" in got.get("9", "") and "Правительство приняло" not in got.get("7", "")


# ------------------------------------------------------------------ a paragraph opening on the reports

REPORTS_AFTER_PLAN = {
    "de": ("Die Regierung hat 2004 einen Nationalen Aktionsplan verabschiedet. Der Plan hat Folgendes bewirkt: Die NGOs "
           "wurden als Partner einbezogen.\n\nDie Berichte erstellt die Volksanwaltschaft. Diese Aufgabe ist gesetzlich "
           "geregelt. Dies geschieht seit 2007.", "Dies geschieht seit 2007."),
    "en": ("A National Action Plan was adopted in 2004. The plan has brought the following: NGOs were included as "
           "partners.\n\nThe reports are drawn up by the Ombudsman. This task is set out in law. It has been done since 2007.",
           "It has been done since 2007."),
}


@pytest.mark.parametrize("lang", sorted(REPORTS_AFTER_PLAN))
def test_a_paragraph_opening_on_the_reports_after_the_plan_speaks_of_the_reporting_mechanism(lang):
    text, since = REPORTS_AFTER_PLAN[lang]
    got = routed(text, lang)
    assert since in got.get("19", "") and since not in got.get("9", "")


@pytest.mark.parametrize("lang, text", [
    ("en", "A National Action Plan was adopted in 2004.\n\nReports on its implementation are reviewed by the Government every year."),
    ("de", "Die Regierung hat 2004 einen Nationalen Aktionsplan verabschiedet.\n\nBerichte über die Umsetzung werden jährlich von der Regierung überprüft."),
])
def test_a_paragraph_opening_on_reports_that_review_the_plan_stays_with_the_plan(lang, text):
    got = routed(text, lang)
    second = text.split("\n\n")[1]
    assert second in got.get("13", "") and second not in got.get("16", "")


def test_a_national_co_ordinator_named_in_a_declined_form_opens_part_a():
    got = routed("Zum nationalen Koordinator wurde der Leiter der Abteilung Kriminalpolizei bestellt.", "de")
    assert "Leiter der Abteilung" in got.get("1", "")


@pytest.mark.parametrize("lang, text, turn", [
    ("fr", "Le plan d'action national a été adopté en 2005. Le plan a permis ce qui suit : les ONG ont été associées à la "
           "mise en œuvre. La mise en œuvre rencontre des obstacles. Aucune ligne budgétaire spécifique n'a été prévue.",
     "Aucune ligne budgétaire"),
    ("en", "The National Action Plan was adopted in 2005. The plan has brought the following: NGOs were included as "
           "partners. Its implementation has met several obstacles. No specific budget line was provided.",
     "No specific budget line"),
])
def test_a_short_sentence_naming_the_challenges_turns_an_announced_list_of_achievements_to_them(lang, text, turn):
    got = routed(text, lang)
    assert turn in got.get("15", "") and turn not in got.get("14", "")


def test_a_function_provided_for_by_law_and_existing_since_a_year_is_dated_and_based():
    got = routed("La funzione di rapporto è stata attribuita al Ministero della Solidarietà Sociale. Tale funzione è "
                 "prevista per legge. Il Ministero esercita la funzione dal 2007.", "it")
    assert "prevista per legge" in got.get("18", "")


# ------------------------------------------------------------------ background: treaties ratified

RATIFIED = {
    "en": ("The Inter-ministerial Commission was set up in 2006. By way of background, our country ratified the UN "
           "Convention against Transnational Organized Crime and its Protocol in 2003, and signed the Council of Europe "
           "Convention in 2005.", "2006"),
    "ru": ("Межведомственная комиссия создана в 2006 году. Следует отметить, что Конвенция ООН против транснациональной "
           "организованной преступности и дополняющий её Протокол ратифицированы в 2004 году.", "2006"),
    "de": ("Die Interministerielle Arbeitsgruppe wurde 2006 eingerichtet. Zum Hintergrund sei bemerkt, dass das "
           "Übereinkommen der Vereinten Nationen samt Zusatzprotokoll im Jahr 2004 ratifiziert wurde.", "2006"),
    "it": ("La Commissione interministeriale è stata istituita nel 2006. Si ricorda che la Convenzione delle Nazioni "
           "Unite e il relativo Protocollo sono stati ratificati nel 2004.", "2006"),
}


@pytest.mark.parametrize("lang", sorted(RATIFIED))
def test_a_treaty_ratified_is_background_and_its_year_no_answer(lang):
    text, year = RATIFIED[lang]
    got = routed(text, lang)
    assert "2004" not in " ".join(got.values()) and "2003" not in " ".join(got.values())
    assert year in got.get("4", "")


@pytest.mark.parametrize("sentence", [
    "Die Hauptaufgabe ist umsetzend und kontrollierend.",
    "Das Gremium ist in erster Linie umsetzend und kontrollierend tätig.",
])
def test_a_function_named_in_a_german_compound_or_by_what_the_body_does_is_its_function(sentence):
    got = routed(f"Die Interministerielle Arbeitsgruppe besteht seit 2003. {sentence}", "de")
    assert sentence in got.get("6", "") and sentence not in got.get("4", "")
