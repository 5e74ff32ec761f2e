"""The French, German, Russian, Spanish and Italian pattern files on the sentences officials write.

Each language must come out as the same dataset as an English return: the same labels as
en.yaml, yes/no with negations and "not yet", dates in the language's own forms, legal bases,
shares, and the questionnaire's headings found in a return numbered in that language.
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from extractors.dates import find_dates
from questionnaire_returns.language.patterns import PatternFileError, pattern_dir, labels_in, load_pattern_file, patterns_for
from extractors.values import exists_from_mentions, first_year, keyword_values, recipient, share, yesno
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.records import Line
from questionnaire_returns.resolve import get_resolver
from questionnaire_returns.segment.narrative import segment_narrative
from questionnaire_returns.segment.questions import segment_numbered

LANGS = ["fr", "de", "ru", "es", "it"]


def lines(*texts: str) -> list[Line]:
    return [Line(t) for t in texts]


def read_yesno(lang: str, text: str) -> str | None:
    got = yesno(lines(text), patterns_for(lang))
    return got.value if got else None


# ------------------------------------------------------------------ files


@pytest.mark.parametrize("lang", LANGS)
def test_file_loads_with_every_label_of_the_english_model(lang):
    pats = patterns_for(lang)
    en = patterns_for("en")
    assert pats.lang == lang and pats.source.name == f"{lang}.yaml"
    assert set(en.data.phrases) <= set(pats.data.phrases)
    assert set(en.data.patterns) <= set(pats.data.patterns)
    assert all(pats.data.phrases[label] for label in en.data.phrases)
    assert set(pats.data.questions) == set(CONTRACT.questions)
    assert set(pats.data.options) <= set(CONTRACT.questions)
    assert len(set(pats.data.months.values())) == 12
    assert pats.fractions and pats.numbering
    # the lists beside the phrases: every one the English file fills, and the form's boilerplate
    for name in ("numbering", "answer_labels", "negators"):
        if getattr(en.data, name):
            assert getattr(pats.data, name), name
    assert len(pats.data.boilerplate) >= 5


@pytest.mark.parametrize("lang", LANGS)
def test_token_patterns_use_only_attributes_a_blank_pipeline_has(lang):
    allowed = {"LOWER", "REGEX", "LIKE_NUM", "OP", "IN"}
    for label, token_patterns in patterns_for(lang).data.patterns.items():
        for pattern in token_patterns:
            for token in pattern:
                for key, value in token.items():
                    assert key in allowed, (label, key)
                    if isinstance(value, dict):
                        assert set(value) <= {"IN", "REGEX"}, (label, value)


# ------------------------------------------------------------------ yes / no

YESNO = {
    "fr": [
        ("Oui, depuis 2004.", "yes"),
        ("OUI", "yes"),
        ("Oui – depuis 2004.", "yes"),
        ("Non.", "no"),
        ("Il n'existe pas de mécanisme de ce type.", "no"),
        ("Il n’y a pas de rapporteur national.", "no"),
        ("La Commission ne dispose pas d'un budget propre.", "no"),
        ("Aucun budget spécifique n'est alloué.", "no"),
        ("Pas encore, un plan d'action national est en cours d'élaboration.", "no"),
        ("Le plan d'action national est en préparation.", "no"),
        ("La création d'un rapporteur national est prévue pour 2008.", "no"),
        ("La Commission a été créée par décret du 4 mai 2004.", "yes"),
        ("Un tel mécanisme existe depuis 2005.", "yes"),
        ("Les rapports sont rendus publics sur le site du ministère.", "yes"),
    ],
    "de": [
        ("Ja, seit 2004.", "yes"),
        ("Ja – seit 2004.", "yes"),
        ("Nein.", "no"),
        ("Einen solchen Mechanismus gibt es nicht.", "no"),
        ("Es gibt keinen nationalen Berichterstatter.", "no"),
        ("Die Arbeitsgruppe verfügt über kein eigenes Budget.", "no"),
        ("Ein Nationaler Aktionsplan ist noch nicht verabschiedet.", "no"),
        ("Ein Nationaler Aktionsplan befindet sich in Vorbereitung.", "no"),
        ("Der Aktionsplan wird derzeit erarbeitet.", "no"),
        ("Die Einrichtung einer Berichterstatterstelle ist geplant.", "no"),
        ("Die Arbeitsgruppe wurde 2004 durch Ministerratsbeschluss eingerichtet.", "yes"),
        ("Die Berichte werden veröffentlicht.", "yes"),
    ],
    "ru": [
        ("Да, с 2004 года.", "yes"),
        ("Да — с 2004 года.", "yes"),
        ("Нет.", "no"),
        ("Такой механизм в стране отсутствует.", "no"),
        ("Национальный докладчик не назначен.", "no"),
        ("Комиссия не имеет отдельного бюджета.", "no"),
        ("Отдельного бюджета нет.", "no"),
        ("Пока нет, национальный план действий разрабатывается.", "no"),
        ("Проект национального плана находится в стадии подготовки.", "no"),
        ("Создание института национального докладчика планируется в 2008 году.", "no"),
        ("Межведомственная комиссия была создана постановлением Правительства в 2003 году.", "yes"),
        ("Доклады публикуются на сайте министерства.", "yes"),
    ],
    "es": [
        ("Sí, desde 2004.", "yes"),
        ("Si.", "yes"),
        ("No.", "no"),
        ("No existe tal mecanismo.", "no"),
        ("No hay un relator nacional.", "no"),
        ("La Comisión no cuenta con presupuesto propio.", "no"),
        ("Todavía no; el Plan Nacional se encuentra en preparación.", "no"),
        ("El plan está en proceso de elaboración.", "no"),
        ("Se prevé la creación de un relator nacional en 2008.", "no"),
        ("La Comisión fue creada por Real Decreto en 2003.", "yes"),
        ("Los informes se publican en la página web del Ministerio.", "yes"),
    ],
    "it": [
        ("Sì, dal 2004.", "yes"),
        ("SI", "yes"),
        ("Si - Definizione: art. 601 del codice penale.", "yes"),  # an unaccented "Si" set off by a dash stands alone
        ("No.", "no"),
        ("Non esiste un meccanismo di questo tipo.", "no"),
        ("Non c'è un relatore nazionale.", "no"),
        ("Non c’è un relatore nazionale.", "no"),
        ("Il Comitato non dispone di un bilancio proprio.", "no"),
        ("Non ancora; il Piano nazionale è in preparazione.", "no"),
        ("Il Piano d'azione è in corso di elaborazione.", "no"),
        ("È prevista l'istituzione di un relatore nazionale.", "no"),
        ("Il Comitato è stato istituito con decreto del 2004.", "yes"),
        ("Il reato è previsto dalla legge n. 228 del 2003.", "yes"),
        ("I rapporti sono pubblicati sul sito del Ministero.", "yes"),
    ],
}


@pytest.mark.parametrize("lang, answer, expected", [(l, a, e) for l, cases in YESNO.items() for a, e in cases])
def test_yes_no_reads_negation_pending_and_affirmation(lang, answer, expected):
    assert read_yesno(lang, answer) == expected


@pytest.mark.parametrize("lang, answer", [(l, a) for l, cases in YESNO.items() for a, _ in cases if a.split()[0].strip(".,;").lower() in ("oui", "ja", "да", "sí", "si", "sì")])
def test_a_leading_yes_is_read_as_the_answer(lang, answer):
    got = yesno(lines(answer), patterns_for(lang))
    assert got.value == "yes" and got.how == "word.leading"


BLANKS = {
    "fr": ["Sans objet", "s.o.", "Non applicable.", "Voir la réponse à la question 2."],
    "de": ["Entfällt", "Nicht zutreffend.", "Siehe Antwort zu Frage 2."],
    "ru": ["Не применимо.", "См. ответ на вопрос 2."],
    "es": ["No procede.", "No aplicable", "Véase la respuesta a la pregunta 2."],
    "it": ["Non applicabile", "Vedi risposta alla domanda 2.", "affermativo, spiegare."],  # the last: wrapped wording
}


@pytest.mark.parametrize("lang, answer", [(l, a) for l, cases in BLANKS.items() for a in cases])
def test_blank_answers_are_not_read_as_yes_or_no(lang, answer):
    assert yesno(lines(answer), patterns_for(lang)) is None


CROSSREFS = [
    ("en", "See Q8 above."), ("en", "As for question 8."), ("fr", "Voir Q8 ci-dessus."), ("fr", "Voir la réponse à la question 8."),
    ("de", "Wie zu Frage 8."), ("de", "Siehe Frage 8 oben."), ("ru", "См. ответ на вопрос 8."), ("es", "Véase la pregunta 8."),
    ("it", "Vedi la domanda 8."),
]


@pytest.mark.parametrize("lang, answer", CROSSREFS)
def test_an_answer_pointing_at_another_question_is_read_as_that_pointer(lang, answer):
    from extractors.interpret import crossref_target
    from questionnaire_returns.records import Segment

    assert crossref_target(Segment("15", tuple(lines(answer)), "numbered", 1.0), patterns_for(lang)) == "8"


# ------------------------------------------------------------------ dates and years

DATES = [
    ("fr", "Vienne, le 4 mai 2004", date(2004, 5, 4)),
    ("fr", "Paris, le 1er février 2007", date(2007, 2, 1)),
    ("fr", "le 12 fevrier 2007", date(2007, 2, 12)),
    ("fr", "le 3 déc. 2006", date(2006, 12, 3)),
    ("de", "Wien, 4. Mai 2004", date(2004, 5, 4)),
    ("de", "Berlin, den 15. März 2007", date(2007, 3, 15)),
    ("de", "Wien, am 2. Jänner 2007", date(2007, 1, 2)),
    ("ru", "Москва, 4 мая 2004 г.", date(2004, 5, 4)),
    ("ru", "от 23 января 2007 года", date(2007, 1, 23)),
    ("ru", "Вена, 1 декабря 2006 г.", date(2006, 12, 1)),
    ("es", "Madrid, 4 de mayo de 2004", date(2004, 5, 4)),
    ("es", "Viena, 15 de septiembre del 2007", date(2007, 9, 15)),
    ("es", "Viena, 2 marzo 2007", date(2007, 3, 2)),
    ("it", "Roma, 4 maggio 2004", date(2004, 5, 4)),
    ("it", "Vienna, 21 dicembre 2006", date(2006, 12, 21)),
]


@pytest.mark.parametrize("lang, text, expected", DATES)
def test_dates_in_the_languages_own_forms(lang, text, expected):
    found = find_dates(text, patterns_for(lang))
    assert found and found[0][0] == expected


@pytest.mark.parametrize(
    "text, year",
    [
        ("Le décret n° 2004-123 du 4 mai 2004", "2004"),
        ("Постановление Правительства № 123 от 4 мая 2004 г.", "2004"),
        ("в начале 1990-х годов", ""),  # a decade: no year, for a reviewer
        ("Nationaler Aktionsplan 2007-2010", "2007"),
    ],
)
def test_years_in_other_languages(text, year):
    got = first_year(lines(text))
    assert got is not None and got.value == year


# ------------------------------------------------------------------ legal basis

LEGAL = [
    ("fr", "Le mécanisme a été créé par décret du Premier ministre.", "decree"),
    ("fr", "Par arrêté ministériel du 12 mars 2003.", "decree"),
    ("fr", "La loi n° 2003-239 pour la sécurité intérieure.", "legislation"),
    ("fr", "Sur recommandation du Gouvernement.", "policy"),
    ("de", "Durch Verordnung der Bundesregierung.", "decree"),
    ("de", "Ministerratsbeschluss vom 4. Mai 2004.", "decree"),
    ("de", "Durch Bundesgesetz.", "legislation"),
    ("de", "Durch das Gesetz über die Bekämpfung des Menschenhandels.", "legislation"),
    ("de", "Auf Empfehlung der Innenministerkonferenz.", "policy"),
    ("ru", "Постановлением Правительства Российской Федерации.", "decree"),
    ("ru", "Указом Президента от 4 мая 2004 г.", "decree"),
    ("ru", "Распоряжением Кабинета министров.", "decree"),
    ("ru", "Федеральным законом о противодействии торговле людьми.", "legislation"),
    ("es", "Mediante la Ley Orgánica 11/2003.", "legislation"),
    ("es", "Por Real Decreto 1/2004.", "decree"),
    ("es", "Acuerdo del Consejo de Ministros de 12 de diciembre de 2008.", "decree"),
    ("es", "Por resolución del Ministerio del Interior.", "decree"),
    ("it", "Con decreto legislativo n. 286 del 1998.", "decree"),
    ("it", "Con delibera del Consiglio dei Ministri.", "decree"),
    ("it", "Con la legge n. 228 del 2003.", "legislation"),
    ("it", "Con un protocollo d'intesa tra i ministeri.", "other"),
    ("it", "Con decisione del Governo.", "policy"),
    ("fr", "Par un protocole d'accord entre les ministères.", "other"),
    ("de", "Durch eine Kooperationsvereinbarung der Ressorts.", "other"),
    ("ru", "Соглашением о сотрудничестве между ведомствами.", "other"),
    ("es", "Mediante un acuerdo entre los ministerios.", "other"),
    ("es", "Mediante un convenio de colaboración.", "other"),
]


@pytest.mark.parametrize("lang, text, expected", LEGAL)
def test_legal_basis(lang, text, expected):
    found = keyword_values(lines(text), patterns_for(lang), "legal")
    assert found and found[0][0] == expected


# ------------------------------------------------------------------ shares

SHARES = [
    ("fr", "environ 20 % des membres", "20"),
    ("fr", "12,5 % des membres sont des ONG", "12.5"),
    ("fr", "un tiers des membres", "33.3"),
    ("fr", "la moitié des membres", "50"),
    ("fr", "3 sur 10 membres", "30"),
    ("de", "ca. 20 Prozent", "20"),
    ("de", "ein Drittel der Mitglieder", "33.3"),
    ("de", "die Hälfte der Mitglieder", "50"),
    ("de", "3 von 12 Mitgliedern", "25"),
    ("ru", "около 30% членов", "30"),
    ("ru", "около 30 процентов", "30"),
    ("ru", "треть членов комиссии", "33.3"),
    ("ru", "половина членов", "50"),
    ("ru", "3 из 10 членов", "30"),
    ("es", "aproximadamente el 20%", "20"),
    ("es", "un 25 por ciento", "25"),
    ("es", "un tercio de los miembros", "33.3"),
    ("es", "la mitad de los miembros", "50"),
    ("it", "circa il 20%", "20"),
    ("it", "il 15 per cento", "15"),
    ("it", "un terzo dei membri", "33.3"),
    ("it", "la metà dei membri", "50"),
]


@pytest.mark.parametrize("lang, text, value", SHARES)
def test_shares(lang, text, value):
    got = share(lines(text), patterns_for(lang))
    assert got is not None and got.value == value


# ------------------------------------------------------------------ other label groups

KEYWORDS = [
    ("fr", "frequency", "Les rapports sont publiés chaque année.", "annual"),
    ("fr", "frequency", "Rapport annuel au Parlement.", "annual"),
    ("de", "frequency", "Der Bericht erscheint jährlich.", "annual"),
    ("de", "frequency", "Alle zwei Jahre.", "biennial"),
    ("ru", "frequency", "Доклад представляется ежегодно.", "annual"),
    ("ru", "frequency", "Два раза в год.", "biannual"),
    ("es", "frequency", "El informe es anual.", "annual"),
    ("it", "frequency", "La relazione è annuale.", "annual"),
    ("fr", "function", "Consultative", "advisory"),
    ("de", "function", "Umsetzung", "implementation"),
    ("ru", "function", "Консультативная", "advisory"),
    ("es", "function", "Consultiva", "advisory"),
    ("it", "function", "Attuazione", "implementation"),
    ("fr", "ncm_type", "Un groupe de travail interministériel.", "working_group"),
    ("de", "ncm_type", "Die Bund-Länder-Arbeitsgruppe Menschenhandel.", "working_group"),
    ("ru", "ncm_type", "Межведомственной комиссией по противодействию торговле людьми.", "working_group"),
    ("es", "ncm_type", "Una Comisión Interministerial.", "working_group"),
    ("it", "ncm_type", "Il Comitato di coordinamento.", "working_group"),
    ("fr", "cs_role", "Les ONG participent en qualité d'observateurs.", "observer"),
    ("de", "cs_role", "Die NGOs sind stimmberechtigte Mitglieder.", "decision_making"),
    ("ru", "cs_role", "НПО участвуют в качестве наблюдателей.", "observer"),
    ("es", "cs_role", "Las ONG participan con voz y voto.", "decision_making"),
    ("it", "cs_role", "Le ONG partecipano in qualità di osservatori.", "observer"),
    ("fr", "topic", "Le manque de moyens financiers.", "resources"),
    ("de", "topic", "Fehlende Daten und Statistiken.", "data"),
    ("ru", "topic", "Недостаточное финансирование.", "resources"),
    ("es", "topic", "Falta de coordinación entre las instituciones.", "coordination"),
    ("it", "topic", "La mancanza di dati affidabili.", "data"),
    ("ru", "section", "Национальный план действий утвержден в 2004 году.", "B"),
    ("ru", "section", "Функции национального докладчика не возложены.", "C"),
    ("de", "section", "Der Nationale Aktionsplan wurde 2007 beschlossen.", "B"),
    ("fr", "section", "Le rapporteur national publie un rapport.", "C"),
    ("es", "section", "El Plan Integral de lucha contra la trata.", "B"),
    ("it", "section", "Il Piano nazionale d'azione contro la tratta.", "B"),
    ("fr", "lead", "La commission est présidée par le ministre de l'Intérieur.", "cue"),
    ("de", "lead", "Die Arbeitsgruppe tagt unter Vorsitz des Bundesministeriums.", "cue"),
    ("ru", "lead", "Комиссия работает под председательством министра.", "cue"),
    ("es", "lead", "Presidida por el Ministerio de Justicia.", "cue"),
    ("it", "lead", "Il Comitato è presieduto dal Ministro dell'Interno.", "cue"),
]


@pytest.mark.parametrize("lang, group, text, expected", KEYWORDS)
def test_label_groups(lang, group, text, expected):
    assert expected in [v for v, _ in keyword_values(lines(text), patterns_for(lang), group)]


KEYWORDS_MORE = [
    ("fr", "cs_role", "Les associations sont invitées au cas par cas.", "other"),
    ("de", "cs_role", "NGOs nehmen als Gäste teil.", "other"),
    ("ru", "cs_role", "НПО участвуют по приглашению.", "other"),
    ("es", "cs_role", "Las ONG asisten en calidad de invitados.", "other"),
    ("it", "cs_role", "Le ONG partecipano su invito.", "other"),
    ("fr", "topic", "Les membres ne sont pas toujours d'accord sur l'approche.", "disagreement"),
    ("de", "topic", "Die Ressorts sind sich nicht immer einig.", "disagreement"),
    ("ru", "topic", "Ведомства не всегда согласны друг с другом.", "disagreement"),
    ("es", "topic", "Los ministerios no siempre están de acuerdo.", "disagreement"),
    ("it", "topic", "I ministeri non sono d’accordo sulle misure.", "disagreement"),
    ("fr", "ncm_type", "Les deux.", "both"),
    ("de", "ncm_type", "Beides.", "both"),
    ("ru", "ncm_type", "И то, и другое.", "both"),
    ("es", "ncm_type", "Ambos.", "both"),
    ("it", "ncm_type", "Entrambi.", "both"),
    ("ru", "section", "Ежегодный доклад направляется Президенту.", "reports"),
    ("de", "section", "Der Bericht wird jährlich veröffentlicht.", "reports"),
]


@pytest.mark.parametrize("lang, group, text, expected", KEYWORDS_MORE)
def test_more_label_groups(lang, group, text, expected):
    assert expected in [v for v, _ in keyword_values(lines(text), patterns_for(lang), group)]


RECIPIENTS = [
    ("fr", "Le rapport annuel est présenté au Parlement.", "Parlement"),
    ("de", "Der Bericht wird an den Nationalrat übermittelt.", "Nationalrat"),  # the closing verb is no part of the name
    ("de", "Adressat: den Nationalrat.", "den Nationalrat"),
    ("it", "Sono trasmessi a: il Parlamento.", "il Parlamento"),
    ("es", "Se dirigen a las Cortes Generales.", "las Cortes Generales"),
    ("fr", "Destinataire : le Gouvernement.", "le Gouvernement"),
    ("ru", "Адресат: Правительству.", "Правительству"),
    ("ru", "Доклад представляется Президенту Российской Федерации.", "Президенту Российской Федерации"),
    ("es", "El informe se presenta a las Cortes Generales.", "las Cortes Generales"),
    ("it", "La relazione è trasmessa al Parlamento.", "Parlamento"),
]


@pytest.mark.parametrize("lang, text, expected", RECIPIENTS)
def test_report_recipient_after_its_cue(lang, text, expected):
    got = recipient(lines(text), patterns_for(lang))
    assert got is not None and got.value == expected


MENTIONS = [
    ("fr", "La France a institué une commission interministérielle.", "yes"),
    ("fr", "Il n'existe aucune commission de ce type.", "no"),
    ("de", "Es besteht eine interministerielle Arbeitsgruppe.", "yes"),
    ("de", "Es gibt keine Arbeitsgruppe.", "no"),
    ("ru", "Создана межведомственная комиссия.", "yes"),
    ("ru", "Межведомственная комиссия не создана.", "no"),
    ("en", "The inter-ministerial commission has not been set up.", "no"),
    ("en", "The Commission does not have a separate budget.", "yes"),
    ("ru", "Не существует ни комиссии, ни координатора.", "no"),
    ("es", "Se creó una Comisión Interministerial.", "yes"),
    ("es", "No existe ninguna comisión.", "no"),
    ("it", "È stato istituito un Comitato.", "yes"),
    ("it", "Non esiste alcun comitato né un coordinatore.", "no"),
]


@pytest.mark.parametrize("lang, text, expected", MENTIONS)
def test_existence_from_mentions_denied_or_not(lang, text, expected):
    got = exists_from_mentions(lines(text), patterns_for(lang), ("ncm_type",))
    assert got is not None and got.value == expected


LETTERS = {
    "fr": "Une commission interministérielle a été créée en 2004. Elle est composée de représentants des ministères et d'ONG. Elle ne dispose pas d'un budget propre. Un plan d'action national est en cours d'élaboration. Il n'existe pas de rapporteur national.",
    "de": "Die interministerielle Arbeitsgruppe wurde 1998 eingerichtet. Ihr gehören Vertreter der Ministerien und NGOs an. Sie verfügt über kein eigenes Budget. Ein Nationaler Aktionsplan ist in Vorbereitung. Einen nationalen Berichterstatter gibt es noch nicht.",
    "ru": "В 2004 году создана Межведомственная комиссия. В состав комиссии входят представители министерств и НПО. Комиссия не имеет отдельного бюджета. Национальный план действий разрабатывается. Национальный докладчик пока не назначен.",
    "es": "En 2008 se creó una Comisión Interministerial. Está integrada por representantes de los ministerios y de las ONG. No cuenta con presupuesto propio. El Plan Nacional se encuentra en preparación. No existe un Relator Nacional.",
    "it": "Nel 2007 è stato istituito un Comitato di coordinamento. Ne fanno parte rappresentanti dei ministeri e delle ONG. Il Comitato non dispone di un bilancio proprio. Il Piano nazionale d'azione è in preparazione. Non esiste un relatore nazionale.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_narrative_letter_sentences_reach_their_questions(lang):
    segs = {s.question: s for s in segment_narrative((Line(LETTERS[lang]),), lang)}
    assert {"1", "3", "4", "5", "9", "16"} <= set(segs)
    pats = patterns_for(lang)
    assert len(segs["3"].lines) == 1 and len(segs["5"].lines) == 1
    assert yesno(list(segs["5"].lines), pats).value == "no"
    assert yesno(list(segs["9"].lines), pats).value == "no"
    assert yesno(list(segs["16"].lines), pats).value == "no"
    assert first_year(list(segs["4"].lines)).value in ("1998", "2004", "2007", "2008")


def test_russian_case_forms_are_all_seen():
    ru = patterns_for("ru")
    for form in ["комиссия", "комиссии", "комиссию", "комиссией"]:
        assert "working_group" in labels_in(ru.hits(f"Межведомственная {form}"), "ncm_type"), form
    for form in ["план действий", "плана действий", "планом действий", "плане действий"]:
        assert "B" in labels_in(ru.hits(f"национальный {form}"), "section"), form


# ------------------------------------------------------------------ question headings

RETURNS = {
    "fr": [
        "Réponse de la France au questionnaire de l'OSCE",
        "A. Structures nationales de coordination",
        "Question 1. Votre pays dispose-t-il d'un mécanisme reconnu chargé de coordonner les politiques et les programmes de lutte contre la traite des êtres humains ?",
        "Oui, depuis 2004.",
        "Question 2. Dans l'affirmative, quelle est la nature de ce mécanisme ?",
        "Un groupe de travail interministériel.",
        "Question 4. En vertu de quel texte (législation, mesure recommandée, etc.) ce mécanisme a-t-il été créé ? Quand a-t-il été créé ?",
        "Par décret du 4 mai 2004.",
        "Question 5. Le mécanisme national de coordination dispose-t-il d'un budget ?",
        "Non, il n'existe pas de budget propre.",
    ],
    "de": [
        "Antwort Österreichs auf den OSZE-Fragebogen",
        "Frage 1: Verfügt Ihr Land über einen anerkannten Mechanismus zur Koordinierung der politischen und programmatischen Maßnahmen gegen den Menschenhandel?",
        "Ja, seit 2004.",
        "Frage 2: Wenn ja, welcher Art ist dieser Mechanismus?",
        "Eine interministerielle Arbeitsgruppe.",
        "Frage 4: Auf welcher Grundlage (Gesetz, empfohlene Maßnahme usw.) wurde dieser Mechanismus eingerichtet? Wann wurde er eingerichtet?",
        "Durch Ministerratsbeschluss vom 4. Mai 2004.",
        "Frage 5: Verfügt der nationale Koordinierungsmechanismus über ein Budget?",
        "Nein, es gibt kein eigenes Budget.",
    ],
    "ru": [
        "Ответ Российской Федерации на вопросник ОБСЕ",
        "Вопрос 1. Существует ли в вашей стране признанный механизм координации политики и программных мер по противодействию торговле людьми?",
        "Да, с 2004 года.",
        "Вопрос 2. Если да, то каков характер этого механизма?",
        "Межведомственная комиссия.",
        "Вопрос 4. На каком основании (законодательство, рекомендованные меры и т.д.) был создан этот механизм? Когда он был создан?",
        "Постановлением Правительства от 4 мая 2004 г.",
        "Вопрос 5. Имеет ли национальный механизм координации бюджет?",
        "Нет, отдельного бюджета нет.",
    ],
    "es": [
        "Respuesta de España al cuestionario de la OSCE",
        "Pregunta 1. ¿Cuenta su país con un mecanismo reconocido para coordinar las respuestas políticas y programáticas a la trata de personas?",
        "Sí, desde 2004.",
        "Pregunta 2. En caso afirmativo, ¿cuál es la naturaleza del mecanismo?",
        "Una Comisión Interministerial.",
        "Pregunta 4. ¿En virtud de qué instrumento (legislación, medida recomendada, etc.) se estableció este mecanismo? ¿Cuándo se estableció?",
        "Por Real Decreto de 4 de mayo de 2004.",
        "Pregunta 5. ¿Dispone el mecanismo nacional de coordinación de un presupuesto?",
        "No, no cuenta con presupuesto propio.",
    ],
    "it": [
        "Risposta dell'Italia al questionario OSCE",
        "Domanda 1. Il vostro Paese dispone di un meccanismo riconosciuto per coordinare le politiche e i programmi di contrasto alla tratta di esseri umani?",
        "Sì, dal 2004.",
        "Domanda 2. In caso affermativo, qual è la natura del meccanismo?",
        "Un Comitato di coordinamento interministeriale.",
        "Domanda 4. In base a quale atto (legislazione, azione raccomandata, ecc.) è stato istituito questo meccanismo? Quando è stato istituito?",
        "Con decreto del 4 maggio 2004.",
        "Domanda 5. Il meccanismo nazionale di coordinamento dispone di un bilancio?",
        "No, non dispone di un bilancio proprio.",
    ],
}


@pytest.mark.parametrize("lang", LANGS)
def test_numbered_return_is_segmented_by_its_own_headings(lang):
    segs = segment_numbered(tuple(Line(t) for t in RETURNS[lang]), lang)
    by_key = {s.question: s for s in segs}
    assert list(by_key) == ["1", "2", "4", "5"]
    pats = patterns_for(lang)
    # the answer, never the question's wording
    assert yesno(list(by_key["1"].lines), pats).value == "yes"
    assert yesno(list(by_key["5"].lines), pats).value == "no"
    assert "working_group" in [v for v, _ in keyword_values(list(by_key["2"].lines), pats, "ncm_type")]
    assert [v for v, _ in keyword_values(list(by_key["4"].lines), pats, "legal")][:1] == ["decree"]
    assert first_year(list(by_key["4"].lines)).value == "2004"


HEADINGS_ONLY = {
    "fr": ("Quelle est la nature de ce mécanisme ?", "17"),
    "de": ("Verfügt diese Funktion über ein Budget?", "20"),
    "ru": ("Когда она была учреждена?", "19"),
    "es": ("¿Con qué frecuencia se publican los informes?", "21s"),
    "it": ("Contenuto dei rapporti. I rapporti riguardano:", "21c"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_numbering_words_and_wording_of_later_questions(lang):
    word = {"fr": "Question", "de": "Frage", "ru": "Вопрос", "es": "Pregunta", "it": "Domanda"}[lang]
    text, key = HEADINGS_ONLY[lang]
    number = key.rstrip("sc")
    return_lines = (Line(f"{word} 16"), Line("—"), Line(f"{word} {number}. {text}"), Line("xyz"))
    keys = [s.question for s in segment_numbered(return_lines, lang)]
    assert keys[-1] == key


NUMBERINGS = {
    "fr": ["Question n° 1", "Question no 5", "Q.9"],
    "de": ["Frage 1", "Frage Nr. 5", "Nr. 9"],
    "ru": ["Вопрос 1", "Вопрос № 5", "Вопрос 9."],
    "es": ["Pregunta 1", "Pregunta núm. 5", "P. 9"],
    "it": ["Domanda 1", "Domanda n. 5", "D. 9"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_numbering_words_of_each_language(lang):
    yes, no = {"fr": ("Oui.", "Non."), "de": ("Ja.", "Nein."), "ru": ("Да.", "Нет."), "es": ("Sí.", "No."), "it": ("Sì.", "No.")}[lang]
    heads = NUMBERINGS[lang]
    return_lines = (Line(heads[0]), Line(yes), Line(heads[1]), Line(no), Line(heads[2]), Line(no))
    segs = segment_numbered(return_lines, lang)
    assert [(s.question, [l.text for l in s.lines]) for s in segs] == [("1", [yes]), ("5", [no]), ("9", [no])]


FORMULAS = {
    "fr": "La Mission permanente de la France présente ses compliments au Secrétariat de l'OSCE.",
    "de": "Die Ständige Vertretung Österreichs beehrt sich, den beigefügten Fragebogen zu übermitteln.",
    "ru": "Постоянное представительство Российской Федерации свидетельствует свое уважение Секретариату ОБСЕ.",
    "es": "La Misión Permanente de España saluda atentamente a la Secretaría de la OSCE.",
    "it": "La Rappresentanza Permanente d'Italia presenta i suoi complimenti al Segretariato dell'OSCE.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_courtesies_of_a_letter_are_no_facts(lang):
    assert "formula" in labels_in(patterns_for(lang).hits(FORMULAS[lang]), "letter")


@pytest.mark.parametrize(
    "lang, text",
    [("fr", "Sur le plan national, la commission coordonne les actions."), ("it", "Sul piano nazionale il Comitato coordina le attività.")],
)
def test_at_the_national_level_is_not_a_plan(lang, text):
    assert labels_in(patterns_for(lang).hits(text), "section") == ["A"]


# ------------------------------------------------------------------ broken files


@pytest.mark.parametrize(
    "lang, old, new, message",
    [
        ("fr", "  yesno.affirm:", "  yesno.affirms:", "unknown label"),
        ("de", "  share.of:\n", "  share.of:\n    - [{LOWER: {NOPE: [x]}}]\n", "invalid"),
        ("ru", "lang: ru", "lang: uk", "lang"),
        ("es", "  yesno.pending:", "  yesno.pendiente:", "unknown label"),
        ("it", "  share.of:\n", "  share.of:\n    - [{LOWR: essere}]\n", "invalid"),
    ],
)
def test_broken_pattern_file_names_the_file(tmp_path, lang, old, new, message):
    source = (pattern_dir() / f"{lang}.yaml").read_text(encoding="utf-8")
    assert old in source
    broken = tmp_path / f"{lang}.yaml"
    broken.write_text(source.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(PatternFileError) as err:
        load_pattern_file(broken)
    assert str(broken) in str(err.value) and message in str(err.value)


def test_intact_copy_loads(tmp_path):
    for lang in LANGS:
        copy = tmp_path / f"{lang}.yaml"
        shutil.copy(pattern_dir() / f"{lang}.yaml", copy)
        assert load_pattern_file(copy).lang == lang


# Challenge topics as officials of each language write them (inflected and turned around).
TOPICS_WRITTEN = [
    ("fr", "Les membres ne s'accordent pas toujours sur l'approche à adopter.", "disagreement"),
    ("de", "Es fehlt an interner Einigkeit über die Politik gegen Menschenhandel.", "disagreement"),
    ("de", "Das öffentliche Bewusstsein für das Problem ist gering.", "support"),
    ("es", "Falta consenso interno sobre las políticas.", "disagreement"),
    ("it", "Manca un accordo interno sulle politiche contro la tratta.", "disagreement"),
    ("it", "I membri non sempre concordano sull'approccio.", "disagreement"),
    ("ru", "Отсутствует единое мнение ведомств о политике.", "disagreement"),
    ("ru", "Противодействие торговле людьми не является приоритетом для всех ведомств.", "priorities"),
    ("ru", "Низкий уровень осведомленности населения о проблеме.", "support"),
]


@pytest.mark.parametrize("lang, text, expected", TOPICS_WRITTEN)
def test_challenge_topics_as_written(lang, text, expected):
    assert expected in labels_in(patterns_for(lang).hits(text), "topic")


# "Low political priority" is a lack of political support, not competing priorities; a policy that is or is not
# "part of the agenda" names no priority at all.
TOPICS_READ = [
    ("en", "Limited public support and low political priority outside election periods.", {"support"}),
    ("fr", "Faible priorité politique en dehors des périodes électorales.", {"support"}),
    ("de", "Geringe politische Priorität außerhalb von Wahlkampfzeiten.", {"support"}),
    ("es", "Escasa prioridad política fuera de los periodos electorales.", {"support"}),
    ("it", "Scarsa priorità politica al di fuori dei periodi elettorali.", {"support"}),
    ("ru", "Низкий политический приоритет вне избирательных кампаний.", {"support"}),
    ("en", "Ministries disagree on whether prostitution policy should be part of the anti-trafficking agenda.",
     {"disagreement"}),
    ("en", "Competing priorities of the ministries involved.", {"priorities"}),
    # responsibilities spread over many bodies is a want of co-ordination
    ("es", "La dispersión de competencias entre administraciones.", {"coordination"}),
    ("it", "La frammentazione delle competenze tra amministrazioni.", {"coordination"}),
    ("fr", "La dispersion des compétences entre administrations.", {"coordination"}),
    ("de", "Die Zersplitterung der Zuständigkeiten zwischen Bund und Ländern.", {"coordination"}),
    ("en", "The fragmentation of responsibilities between agencies.", {"coordination"}),
    ("ru", "Раздробленность полномочий между ведомствами.", {"coordination"}),
    # measures left without money are a want of resources; the public's backing is support
    ("fr", "Plusieurs mesures n'ont pas été financées.", {"resources"}),
    ("de", "Mehrere Maßnahmen waren nicht ausfinanziert.", {"resources"}),
    ("en", "Several measures were not funded.", {"resources"}),
    ("ru", "Низкий уровень поддержки со стороны общественности.", {"support"}),
    # agencies that have not agreed disagree; information that does not reach a partner, and reports that come
    # irregularly, are a want of co-ordination
    ("en", "Member agencies have not agreed on the residence status of victims.", {"disagreement"}),
    ("en", "Information does not always flow between the national and the regional level.", {"coordination"}),
    ("en", "Reporting by the responsible institutions is irregular.", {"coordination"}),
    ("fr", "Les associations ne sont pas systématiquement informées des décisions.", {"coordination"}),
    ("fr", "Les rapports des institutions responsables sont irréguliers.", {"coordination"}),
    ("de", "Die Berichte der zuständigen Stellen kommen unregelmäßig.", {"coordination"}),
    ("es", "Los informes de los órganos responsables son irregulares.", {"coordination"}),
    ("it", "Le relazioni delle amministrazioni responsabili sono irregolari.", {"coordination"}),
    ("ru", "Отчёты ответственных органов поступают нерегулярно.", {"coordination"}),
]


@pytest.mark.parametrize("lang, text, expected", TOPICS_READ)
def test_challenge_topics_read_as_meant(lang, text, expected):
    assert {v for v, _ in keyword_values(lines(text), patterns_for(lang), "topic")} == expected


# Report content named in compounds (German) and in any case (Russian).
CONTENT_INFLECTED = [
    ("de", "Die Berichte behandeln: Strafverfolgungsmaßnahmen und Opferbetreuung.", "law_enforcement"),
    ("de", "Präventionsarbeit und Trends.", "prevention"),
    ("ru", "Доклады охватывают профилактическую деятельность.", "prevention"),
    ("ru", "о помощи жертвам и международном сотрудничестве", "victim_services"),
    ("ru", "о помощи жертвам и международном сотрудничестве", "international_cooperation"),
    ("it", "attività di polizia e giudiziarie", "law_enforcement"),
]


@pytest.mark.parametrize("lang, text, expected", CONTENT_INFLECTED)
def test_report_content_inflected(lang, text, expected):
    assert expected in [v for v, _ in keyword_values(lines(text), patterns_for(lang), "content")]


# Civil society denied after the noun, and a body "lacking" after its noun.
DENIED_AFTER = [
    ("de", "Die Zivilgesellschaft ist im Gremium nicht vertreten."),
    ("fr", "La société civile n'y est pas représentée."),
    ("ru", "Гражданское общество в составе органа не представлено."),
    ("es", "La sociedad civil no está representada en el órgano."),
    ("it", "La società civile non è rappresentata nell'organismo."),
]


@pytest.mark.parametrize("lang, text", DENIED_AFTER)
def test_civil_society_denied(lang, text):
    assert "negate" in labels_in(patterns_for(lang).hits(text), "yesno")


def test_a_rapporteur_lacking_is_no_rapporteur():
    got = exists_from_mentions(lines("В настоящее время национальный докладчик или равноценный механизм отсутствует."),
                               patterns_for("ru"), ("section.C",))
    assert got is not None and got.value == "no"


def test_a_note_verbale_opening_is_no_closing():
    hits = patterns_for("es").hits("La Misión Permanente ante la OSCE saluda atentamente a la Oficina del Representante")
    assert not labels_in(hits, "letter")  or "closing" not in labels_in(hits, "letter")
    assert "closing" in labels_in(patterns_for("es").hits("Atentamente,"), "letter")


def test_early_1990s_is_a_vague_year():
    got = first_year(lines("В начале 1990-х годов."))
    assert got is not None and got.how == "vague"


def test_ad_numbers_a_question_in_german():
    segs = segment_numbered(tuple(lines("Ad 1. Anerkannter Koordinierungsmechanismus?", "Ja.", "Ad 2. Art des Mechanismus",
                                        "Beides.", "Ad 3. Zusammensetzung", "Fachleute.")), "de")
    assert [s.question for s in segs][:3] == ["1", "2", "3"]


# ------------------------------------------------------------------ rules on answers in every language


def rule(question: str, lang: str, *texts: str) -> dict[str, str]:
    """What the question's field rule reads from these answer lines (a numbered return)."""
    from extractors.interpret import read_segment
    from extractors.view import View
    from questionnaire_returns.records import Segment

    view = View(Segment(question, tuple(lines(*texts)), "numbered"), lang)
    return {field: read.value for field, read in read_segment(view, get_resolver())}


# "The function of national rapporteur was given to a ministry": a national rapporteur named is not an
# independent one; an independent research institute is an institute.
NRM_TYPE_WRITTEN = [
    ("es", "En 2007 la función de relator nacional se asignó a un ministerio.", "ministry_function"),
    ("fr", "La fonction de rapporteur national a été confiée à un ministère en 2005.", "ministry_function"),
    ("it", "Nel 2005 la funzione di relatore nazionale è stata affidata a un ministero.", "ministry_function"),
    ("ru", "В 2005 году функции национального докладчика возложены на одно из министерств.", "ministry_function"),
    ("ru", "Независимый исследовательский институт (Институт криминологии).", "research_institute"),
    ("de", "Seit 2005 nimmt die nationale Koordination auch die Berichterstattung wahr.", "coordinator_function"),
    ("es", "Relator Nacional independiente nombrado por el Gobierno.", "independent_rapporteur"),
    ("ru", "Независимый национальный докладчик назначен правительством.", "independent_rapporteur"),
]


@pytest.mark.parametrize("lang, text, expected", NRM_TYPE_WRITTEN)
def test_nature_of_the_reporting_mechanism_as_written(lang, text, expected):
    assert rule("17", lang, text).get("nrm_type") == expected


# A network of contact points is no working group; the Security Council in a co-ordinator's title is no
# co-ordinating council; "nationale Koordination" is how German returns name the co-ordinator.
NCM_TYPE_WRITTEN = [
    ("es", "Una red de puntos de contacto en los ministerios, sin órgano formal.", None),
    ("fr", "Un réseau de points de contact dans les ministères, sans organe formel.", None),
    ("it", "Una rete di punti di contatto nei ministeri, senza un organismo formale.", None),
    ("de", "Ein Netzwerk von Kontaktstellen in den Ministerien ohne formelles Gremium.", None),
    ("ru", "Сеть контактных лиц в министерствах без формального органа.", None),
    ("ru", "Национальный координатор: Государственный секретарь Совета безопасности.", "coordinator"),
    ("ru", "Координационный совет по борьбе с торговлей людьми.", "working_group"),
    ("de", "Nationale Koordination: Staatssekretär im Bundesministerium des Innern.", "coordinator"),
    ("de", "Gremium: Koordinationsstelle gegen Menschenhandel. Vertreten ist auch der Beauftragte der Bundesregierung "
           "für Kultur und Medien.", "working_group"),
]


@pytest.mark.parametrize("lang, text, expected", NCM_TYPE_WRITTEN)
def test_nature_of_the_mechanism_as_written(lang, text, expected):
    assert rule("2", lang, text).get("ncm_type") == expected


# "h) Does the content vary ... or follow a prescribed model? A fixed model is used.": the sub-question names
# both values; only its answer counts.
MODEL_AFTER_ITS_QUESTION = [
    ("es", "h) ¿Varía el contenido de un año a otro o sigue cada informe un modelo prescrito? Se sigue un modelo fijo.", "prescribed"),
    ("en", "h) Does the content vary from year to year or does each report follow a prescribed model? "
           "Each report follows a prescribed model.", "prescribed"),
    ("it", "h) Il contenuto varia di anno in anno o ogni rapporto segue un modello prestabilito? Varia.", "varies"),
    ("de", "h) Ändert sich der Inhalt von Jahr zu Jahr oder folgt jeder Bericht einem vorgegebenen Muster?", "prescribed"),
]


@pytest.mark.parametrize("lang, text, expected", MODEL_AFTER_ITS_QUESTION)
def test_report_model_is_read_after_its_sub_question(lang, text, expected):
    texts = [text, "Ein festes Muster wird verwendet."] if lang == "de" else [text]
    assert rule("21c", lang, *texts).get("report_model") == expected


# "a) A National Action Plan" retyped above its answer "Yes.": the option's wording is no answer.
NAP_UNDER_ITS_OPTION = [
    ("en", ["a) A National Action Plan", "Yes.", "b) Other equivalent co-ordinated response", "No."], ("yes", "no")),
    ("es", ["a) Un Plan de Acción Nacional", "Sí.", "b) Otra respuesta coordinada equivalente", "No."], ("yes", "no")),
    ("ru", ["а) Национальный план действий", "Да.", "б) Иная равноценная скоординированная политика/программа", "Нет."],
     ("yes", "no")),
    ("fr", ["a) Un plan d'action national", "Non.", "b) Une autre réponse coordonnée équivalente", "Oui."], ("no", "yes")),
]


@pytest.mark.parametrize("lang, texts, expected", NAP_UNDER_ITS_OPTION)
def test_plan_answered_under_its_option(lang, texts, expected):
    got = rule("9", lang, *texts)
    assert (got.get("nap_exists"), got.get("nap_equivalent")) == expected


# A document that marks only its ticked options ("✓ Sí    No"): a lone mark between two options ("Sí ✓ No")
# belongs to the side the document's other rows put their marks on.
MARKS_ONE_SIDE = [
    ("es", ["☒ Sí No", "Sí. En caso afirmativo, ¿qué cubre este presupuesto? ☒ No", "Sí ☒ No"], "5",
     ["Sí. En caso afirmativo, ¿qué cubre este presupuesto? ☒ No"], {"ncm_budget": "no"}),
    ("es", ["☒ Sí No", "legislación ☒ acción política otra"], "18", ["legislación ☒ acción política otra"],
     {"nrm_authority": "policy"}),
    ("ru", ["☒ Да Нет", "Да ☒ Нет"], "20", ["Да ☒ Нет"], {"nrm_budget": "no"}),
    ("de", ["Ja Nein ☒", "Ja ☒ Nein"], "1", ["Ja ☒ Nein"], {"ncm_exists": "yes"}),
    ("de", ["Nein ☒", "Ja. Wenn ja, was deckt dieses Budget ab? ☒ Nein"], "5",
     ["Ja. Wenn ja, was deckt dieses Budget ab? ☒ Nein"], {"ncm_budget": "yes"}),
]


@pytest.mark.parametrize("lang, document, question, answer, expected", MARKS_ONE_SIDE)
def test_a_lone_mark_reads_by_the_documents_layout(lang, document, question, answer, expected):
    from questionnaire_returns.segment.marks import document_layout

    with document_layout(lines(*document)):
        got = rule(question, lang, *answer)
    assert {k: got.get(k) for k in expected} == expected


def test_a_document_with_empty_boxes_or_marks_on_both_sides_has_no_layout():
    from questionnaire_returns.segment.marks import layout_of

    assert layout_of(lines("☒ Sí ☐ No", "Sí ☒ No")) is None
    assert layout_of(lines("☒ Sí No", "Sí No ☒")) is None
    # a long row wrapped around its marks is no evidence: "☒ Other" closes the row above
    assert layout_of(lines("Beratend Politikgestaltung Umsetzung ☒ Sonstiges ☒", "☒ Sonstiges", "Ja Nein ☒")) == "after"


def test_a_label_wrapped_over_two_lines_stays_with_its_mark():
    got = rule("2", "es", "Coordinador nacional: Director General de la Policía X",
               "Grupo de trabajo, comisión o grupo especial nacional: Comité Nacional de Lucha",
               "contra la Trata de Personas X", "Otro (descríbase)")
    assert got.get("ncm_type") == "both"


# "☒ Otro (descríbase): <the description>": the option is named by its first word, whatever the translation's note
OTHER_BY_ITS_WORD = [
    ("es", "☒ Otro (descríbase): La coordinación se asegura mediante reuniones periódicas convocadas por la Presidencia."),
    ("it", "☒ Altro (descrivere): Una rete di punti di contatto nei ministeri, senza un organismo formale."),
    ("fr", "☒ Autre (veuillez préciser) : la coordination est assurée par des réunions régulières."),
]


@pytest.mark.parametrize("lang, text", OTHER_BY_ITS_WORD)
def test_other_option_named_by_its_first_word(lang, text):
    assert rule("2", lang, text).get("ncm_type") == "other"


def test_what_the_budget_covers_leaves_out_the_unticked_no():
    from questionnaire_returns.segment.marks import document_layout

    with document_layout(lines("Nein ☒", "Ja ☒ Nein")):
        got = rule("5", "de", "Ja. Wenn ja, was deckt dieses Budget ab? ☒ Nein",
                   "Sensibilisierungskampagnen, die Hotline und Schulungen für Polizeibeamte.")
    assert got == {"ncm_budget": "yes",
                   "ncm_budget_covers": "Sensibilisierungskampagnen, die Hotline und Schulungen für Polizeibeamte."}


@pytest.mark.parametrize("document, layout", [
    (["B.11 Definition of THB ☒ Yes No", "B.12 Comprehensive approach defined? Yes ☒ No"], "before"),
    (["B.11 Définition de la traite Oui Non ☒", "B.12 Approche globale définie ? Oui ☒ Non"], "after"),
    (["Б.11 Определение торговли людьми ☒ Да Нет"], "before"),
])
def test_a_table_row_with_its_label_in_the_first_cell_shows_the_layout(document, layout):
    from questionnaire_returns.segment.marks import layout_of

    assert layout_of(lines(*document)) == layout


@pytest.mark.parametrize("lang, answer, target", [
    ("en", "As stated under question 8.", "8"),
    ("en", "Véase el apartado 15 más abajo.", "15"),  # English questions, a Spanish pointer
    ("es", "See our reply to question 7.", "7"),
])
def test_a_pointer_to_another_question_in_any_language(lang, answer, target):
    from extractors.interpret import crossref_target
    from questionnaire_returns.records import Segment

    assert crossref_target(Segment("22", tuple(lines(answer)), "numbered", 1.0), patterns_for(lang)) == target


def test_a_schema_letter_cue_the_cues_do_not_list_fails_naming_both_files(tmp_path, monkeypatch):
    """The rules' label vocabulary (cues.yaml) and a survey's schema are checked against each other."""
    from questionnaire_returns import contract
    from questionnaire_returns.language import patterns

    source = contract.CONTRACT.source.read_text(encoding="utf-8")
    broken = tmp_path / "questionnaire.yaml"
    broken.write_text(source.replace("letter: {cues: [budget]}", "letter: {cues: [budgett]}", 1), encoding="utf-8")
    monkeypatch.setattr(contract, "_default", lambda: contract.load_contract(broken))
    patterns.known_labels.cache_clear()
    try:
        with pytest.raises(PatternFileError) as err:
            patterns.known_labels()
        assert "budgett" in str(err.value) and str(broken) in str(err.value) and "cues.yaml" in str(err.value)
    finally:
        patterns.known_labels.cache_clear()


# A share written out in words, as letters write it ("thirty per cent", "двадцать процентов").
SHARES_IN_WORDS = [
    ("en", "NGO representatives: thirty per cent of the members.", "30"),
    ("ru", "Да. С правом решающего голоса. Иное. двадцать процентов", "20"),
    ("fr", "Oui. Les ONG représentent vingt pour cent des membres.", "20"),
    ("de", "Ja, zwanzig Prozent der Mitglieder.", "20"),
    ("es", "Sí, el cuarenta por ciento de los miembros.", "40"),
    ("it", "Sì, il trenta per cento dei membri.", "30"),
]


@pytest.mark.parametrize("lang, text, expected", SHARES_IN_WORDS)
def test_a_share_written_in_words(lang, text, expected):
    got = share(lines(text), patterns_for(lang))
    assert got is not None and got.value == expected


@pytest.mark.parametrize("lang, text", [
    ("en", "Competing priorities, such as the fight against irregular migration."),
    ("fr", "Des priorités concurrentes, comme la lutte contre la migration irrégulière."),
    ("es", "Prioridades en competencia, como la lucha contra la migración irregular."),
    ("it", "Priorità concorrenti, come il contrasto all'immigrazione irregolare."),
])
def test_irregular_migration_is_no_want_of_co_ordination(lang, text):
    """Reports that come irregularly are a want of co-ordination; 'irregular migration' is a subject, not one."""
    assert "coordination" not in {v for v, _ in keyword_values(lines(text), patterns_for(lang), "topic")}
