"""A return that gives each question's number and a short label of its own, the answer after a colon on the
same line ("7 Principali risultati: Approvazione della legge ..."), as e-mails often do."""

from __future__ import annotations

import pytest

from questionnaire_returns.pipeline import process_document
from questionnaire_returns.records import Document, Line

RETURNS = {
    "it": """Gentili colleghi,
in riscontro alla Vostra richiesta, si trasmettono di seguito le risposte dell'Italia.

1 Esiste un meccanismo nazionale di coordinamento?: Sì
2 Natura del meccanismo: Commissione / gruppo di lavoro
3 b) Esperti / operativi: No
3 d) Partecipazione della società civile (percentuale, ruolo): No
5 Bilancio del meccanismo: No
6 Funzione principale: Consultiva
7 Principali risultati: Approvazione della legge n. 228 del 2003. Finanziamento di oltre 60 progetti ogni anno.
8 Principali difficoltà: Mancanza di dati statistici omogenei. Scarso coordinamento tra amministrazioni.
9 a) Piano d'azione nazionale: Sì: adottato nel 2007
9 b) Altra risposta coordinata equivalente: NO
16 Meccanismo nazionale di rendicontazione: No

Per il Ministro""",
    "en": """Dear colleagues,
in reply to your request, please find below the answers of Malta.

1 Is there a national co-ordination mechanism?: Yes
2 Nature of the mechanism: Working group / commission
3 b) Experts / practitioners: No
3 d) Civil society participation (share, role): No
5 Budget of the mechanism: No
6 Main function: Advisory
7 Main achievements: The law on trafficking was adopted in 2003. Sixty projects are funded every year.
8 Main difficulties: Lack of comparable statistics. Weak co-ordination between administrations.
9 a) National Action Plan: Yes: adopted in 2007
9 b) Other equivalent co-ordinated response: NO
16 National reporting mechanism: No

For the Minister""",
}


@pytest.mark.parametrize("lang", ["it", "en"])
def test_numbered_labels_with_their_answers_after_a_colon(lang):
    doc = Document("risposta.txt", "text", tuple(Line(t) for t in RETURNS[lang].splitlines()))
    got = {a.field: a.value for a in process_document(doc).answers}
    assert got["ncm_experts"] == "no" and got["ncm_civil_society"] == "no"  # "...: No" after the part's label
    assert got["nap_exists"] == "yes" and got["nap_year"] == "2007"  # "Plan: Yes: adopted in 2007"
    assert got["ncm_achievements"].startswith(("Approvazione", "The law"))  # 7 is its own question, not 6's
    assert got["ncm_challenges"].startswith(("Mancanza", "Lack"))
    assert got["ncm_function"] == "advisory"


def _answers(text: str) -> dict[str, str]:
    doc = Document("return.txt", "text", tuple(Line(t) for t in text.strip("\n").splitlines()))
    return {a.field: a.value for a in process_document(doc).answers}


@pytest.mark.parametrize("lang, text", [
    ("en", """1. Does your country have a recognized mechanism to co-ordinate policy on trafficking? Yes.
6. The main function of this group is:
Policy making.
16. Does your country have a national reporting mechanism (national rapporteur or equivalent)? Yes.
17. What is the nature of this mechanism?
Independent national rapporteur.
"""),
    ("ru", """1. Существует ли в вашей стране признанный механизм координации мер по противодействию торговле людьми?
Да.
6. Основная функция группы:
Выработка политики.
16. Существует ли в Вашей стране национальный механизм отчётности (национальный докладчик или равноценный механизм)?
Да.
17. Каков характер этого механизма?
Независимый национальный докладчик.
"""),
])
def test_one_option_written_out_alone_is_the_answer(lang, text):
    """The answer given as one option's own words on its line ('Policy making.'): the option chosen, not the
    form's wording; the form's options all listed without marks stay no answer."""
    got = _answers(text)
    assert (got.get("ncm_function"), got.get("nrm_type")) == ("policy_making", "independent_rapporteur")
    listed = _answers("""1. Does your country have a recognized mechanism to co-ordinate policy on trafficking? Yes.
6. The main function of this group is:
Advisory
Policy making
Implementation
Other
7. What have been the main achievements of this person or group? The law of 2010.
""")
    assert "ncm_function" not in listed
