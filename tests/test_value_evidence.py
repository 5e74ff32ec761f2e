"""A value's own evidence (score/evidence.py, issue 16 item 4): whether another, independent reading
of the return gives the same value or another, and how much of its evidence line is the question's
own wording - what the confidence model weighs beside how the value was read."""

from __future__ import annotations

from questionnaire_returns.records import Found, Line, Read


def _found(field: str, value: str, text: str, how: str = "pattern", page: int | None = 1) -> Found:
    return Found(field, Read(value, Line(text, page=page), how), "numbered")


def _evidence(found: Found, others: list[Found]) -> dict[str, float]:
    from questionnaire_returns.score.evidence import document_fit, value_evidence

    return dict(value_evidence(found, document_fit([], [found, *others])))


def test_a_box_and_the_words_beside_it_that_give_the_same_value_agree():
    box = _found("nap_exists", "yes", "☒ Yes ☐ No", how="tick.glyph")
    words = _found("nap_exists", "yes", "Yes, a National Action Plan was adopted in 2006.", how="word.leading")
    evidence = _evidence(box, [words])
    assert evidence["agree"] == 1.0 and evidence["disagree"] == 0.0


def test_a_second_place_giving_another_value_disagrees_and_a_value_read_once_has_neither():
    first = _found("nap_year", "2006", "The plan was adopted in 2006.")
    other = _found("nap_year", "2004", "Adopted by the government in 2004.", page=3)
    evidence = _evidence(first, [other])
    assert evidence["agree"] == 0.0 and evidence["disagree"] == 1.0
    alone = _evidence(first, [_found("nrm_exists", "yes", "A national rapporteur was appointed.")])
    assert alone["agree"] == alone["disagree"] == 0.0  # another field's reading is no second reading of this one


def test_the_same_line_read_twice_is_one_reading_not_two_that_agree():
    line = "Yes, since 2004."
    first = _found("ncm_exists", "yes", line, how="word.leading")
    again = _found("ncm_exists", "yes", line, how="pattern")
    assert _evidence(first, [again])["agree"] == 0.0


def test_an_evidence_line_that_retypes_the_question_is_told_from_an_answer_in_each_language():
    question = _found("nrm_exists", "yes", "Is there a National Rapporteur or equivalent mechanism in your country?")
    answer = _found("nrm_exists", "yes", "The Ministry of the Interior appointed one in 2005.")
    french = _found("ncm_exists", "yes",
                    "Votre pays dispose-t-il d'un mécanisme reconnu chargé de coordonner les politiques ?")
    assert _evidence(question, [])["question_words"] > 0.8
    assert _evidence(answer, [])["question_words"] < 0.3
    assert _evidence(french, [])["question_words"] > 0.8


def test_an_ocr_line_carries_its_confidence_and_a_typed_line_counts_as_sure():
    from dataclasses import replace

    typed = _found("nap_year", "2006", "Adopted in 2006.")
    scanned = replace(typed, read=replace(typed.read, line=Line("Adopted in 2006.", page=1, origin="ocr", ocr_confidence=0.62)))
    assert _evidence(typed, [])["ocr"] == 1.0 and _evidence(typed, [])["is_ocr"] == 0.0
    assert _evidence(scanned, [])["ocr"] == 0.62 and _evidence(scanned, [])["is_ocr"] == 1.0


def test_a_mechanism_said_to_exist_and_then_described_is_confirmed_by_the_questionnaire_s_logic():
    """The questionnaire's conditions as a second reading: 'yes' at Q16 with Q17 answered agrees, 'no' at
    Q16 with nothing of Q17-23 answered agrees, 'no' with three of its questions answered disagrees, and
    'yes' with nothing described tells nothing."""
    said = _found("nrm_exists", "yes", "☒ Yes ☐ No", how="tick.glyph")
    nature = _found("nrm_type", "independent_rapporteur", "☒ a) Independent National Rapporteur")
    assert _evidence(said, [nature])["logic"] == 1.0
    assert _evidence(nature, [said])["logic"] == 1.0  # a question answered whose condition the return meets
    assert _evidence(said, [])["logic"] == 0.0
    denied = _found("nrm_exists", "no", "☐ Yes ☒ No", how="tick.glyph")
    assert _evidence(denied, [])["logic"] == 1.0
    described = [nature, _found("nrm_established_year", "2005", "2005"), _found("report_frequency", "annual", "Annually.")]
    assert _evidence(denied, described)["logic"] == -1.0
    assert _evidence(described[1], [denied])["logic"] == -1.0


def test_no_plan_beside_an_equivalent_response_is_not_contradicted_by_the_response_s_answers():
    no_plan = _found("nap_exists", "no", "☐ Yes ☒ No", how="tick.glyph")
    equivalent = _found("nap_equivalent", "yes", "☒ Yes ☐ No", how="tick.glyph")
    coverage = [_found("nap_coverage", "prevention", "☒ b) Prevention"), _found("nap_year", "2006", "2006"),
                _found("nap_review", "Yearly report to parliament.", "Yearly report to parliament.")]
    assert _evidence(no_plan, [equivalent, *coverage])["logic"] == 0.0
    assert _evidence(equivalent, [no_plan, *coverage])["logic"] == 1.0
