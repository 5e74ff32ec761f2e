"""Confidence that knows what it has not seen (issue 16, item 4): the document's fit, the
calibration model fitted on keyed values, and the model file's validation."""

from __future__ import annotations

import pandas as pd
import pytest

from questionnaire_returns.records import Document, Line


def _form(*numbers: str) -> Document:
    """A typed return answering the given questions, in the given order, each with a plain answer."""
    from questionnaire_returns.contract import CONTRACT

    lines = []
    for n in numbers:
        q = CONTRACT.questions[n]
        lines += [Line(f"{q.number}. {q.text}"), Line("Yes." if q.options else "The Ministry of the Interior co-ordinates it.")]
    return Document("form.txt", "text", tuple(lines))


def test_a_return_whose_questions_are_found_in_order_fits_better_than_one_found_in_pieces():
    from questionnaire_returns.segment.document import segment_document
    from questionnaire_returns.score.evidence import document_fit

    whole = _form("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "16", "17")
    pieces = _form("17", "4", "1", "9")
    fits = []
    for doc in (whole, pieces):
        segs, _, _ = segment_document(doc, "en", 0.99)
        fits.append(document_fit(segs, []))
    assert fits[0].found_share > fits[1].found_share
    assert fits[0].in_order == 1.0 and fits[1].in_order < 1.0
    assert fits[0].yield_share == fits[1].yield_share == 0.0  # nothing was found in either: no place gave a value


def _model_file(tmp_path, weights, intercept=0.0):
    import yaml

    path = tmp_path / "confidence.yaml"
    path.write_text(yaml.safe_dump({"intercept": intercept, "weights": weights}), encoding="utf-8")
    return path


def test_a_model_naming_a_feature_the_pipeline_does_not_know_fails_naming_the_file(tmp_path):
    from questionnaire_returns.score.calibration import CalibrationError, load_model

    with pytest.raises(CalibrationError, match=r"confidence\.yaml: unknown feature 'how\.guesswork'"):
        load_model(_model_file(tmp_path, {"raw": 1.0, "how.guesswork": 2.0}))
    with pytest.raises(CalibrationError, match="must be a finite number"):
        load_model(_model_file(tmp_path, {"raw": "high"}))
    # a product of two features, or a field's own term, names only what the pipeline knows
    with pytest.raises(CalibrationError, match=r"confidence\.yaml: unknown feature 'raw\*how\.guesswork'"):
        load_model(_model_file(tmp_path, {"raw*how.guesswork": 1.0}))
    with pytest.raises(CalibrationError, match=r"confidence\.yaml: unknown feature 'field\.shoe_size'"):
        load_model(_model_file(tmp_path, {"field.shoe_size": 1.0}))
    assert load_model(_model_file(tmp_path, {"raw*how.pattern": 1.0, "field.nap_year": -0.5})) is not None
    assert load_model(tmp_path / "absent.yaml") is None  # no model: confidence.py's scores pass through


def test_the_same_answer_goes_to_review_in_a_return_read_in_pieces_and_out_auto_in_a_whole_one(tmp_path, monkeypatch):
    """With a model that has learnt that values of badly fitting documents are often wrong, a pattern read
    in a return whose questions were found in pieces falls below the review threshold, while the same
    read in a whole, orderly return stays auto."""
    from questionnaire_returns.config import settings
    from questionnaire_returns.records import Found, Read
    from questionnaire_returns.score import calibration
    from questionnaire_returns.score.answers import answer_of
    from questionnaire_returns.score.evidence import DocumentFit

    model = calibration.load_model(_model_file(tmp_path, {"raw": 1.0, "found_share": 2.0, "in_order": 2.0}, intercept=-3.0))
    monkeypatch.setattr(calibration, "active_model", lambda: model)
    found = Found("ncm_function", Read("advisory", Line("Advisory functions."), "pattern"), "numbered")
    whole = answer_of(found, "a.pdf", DocumentFit(1.0, 1.0, 1.0))
    pieces = answer_of(found, "b.pdf", DocumentFit(0.2, 0.5, 0.5))
    threshold = settings().review.threshold
    assert whole.confidence >= threshold > pieces.confidence
    assert dict(pieces.basis)["raw"] == dict(whole.basis)["raw"]  # what the model was given is kept for refitting


def test_a_model_fitted_on_judged_values_gives_the_rate_at_which_such_values_were_right():
    """Ticks right 98 times in 100, patterns 80 in 100, at the same raw score: after fitting, each kind's
    confidence is its observed rate (within a few points), where the raw score said the same for both."""
    from eval.calibrate import design, fit, predicted

    rows = []
    for how, right in (("tick.glyph", 98), ("pattern", 80)):
        for n in range(100):
            rows.append({"how": how, "place": "numbered", "kind": "yesno", "field": "ncm_exists", "raw": 0.9,
                         "found_share": 1.0, "in_order": 1.0, "yield_share": 1.0, "correct": n < right})
    frame = pd.DataFrame(rows)
    x = design(frame)
    intercept, weights = fit(x, frame["correct"], strength=100.0)
    p = predicted(x, intercept, weights)
    assert abs(p[frame["how"] == "tick.glyph"].mean() - 0.98) < 0.03
    assert abs(p[frame["how"] == "pattern"].mean() - 0.80) < 0.03


def test_a_reading_that_doubts_itself_stays_with_a_reviewer_whatever_the_model_says(tmp_path, monkeypatch):
    """A model may lower a confidence (an unfamiliar return) but never lift a reading the extractor marked weak
    (a plan named, then said to be still in preparation) over the review threshold; a plain reading below the
    threshold (a letter's sentence) takes the model's word, which was fitted on such readings."""
    from questionnaire_returns.config import settings
    from questionnaire_returns.records import Found, Read
    from questionnaire_returns.score import calibration
    from questionnaire_returns.score.answers import answer_of
    from questionnaire_returns.score.evidence import DocumentFit

    generous = calibration.load_model(_model_file(tmp_path, {"place.narrative": 6.0}))
    monkeypatch.setattr(calibration, "active_model", lambda: generous)
    weak = Found("nap_exists", Read("yes", Line("A plan is being prepared."), "pattern.weak"), "narrative")
    sure = Found("nrm_exists", Read("no", Line("There is no national rapporteur."), "pattern"), "narrative")
    fit = DocumentFit(0.3, 1.0, 1.0)
    assert answer_of(weak, "l.txt", fit).confidence < settings().review.threshold_for("nap_exists")
    assert answer_of(sure, "l.txt", fit).confidence > 0.99  # a plain reading takes the model's word


def test_copied_words_that_are_the_question_retyped_go_to_review_whatever_the_model_says(tmp_path, monkeypatch):
    """A text answer whose evidence line is the question's own wording is the form retyped, no answer: it
    goes to review even under a model that trusts every copied text; a real answer beside it passes."""
    from questionnaire_returns.config import settings
    from questionnaire_returns.records import Found, Read
    from questionnaire_returns.score import calibration
    from questionnaire_returns.score.answers import answer_of
    from questionnaire_returns.score.evidence import DocumentFit

    trusting = calibration.load_model(_model_file(tmp_path, {"how.text": 8.0}))
    monkeypatch.setattr(calibration, "active_model", lambda: trusting)
    fit = DocumentFit(1.0, 1.0, 1.0)
    retyped = "What are the main challenges faced by the co-ordination mechanism?"
    form = Found("ncm_challenges", Read(retyped, Line(retyped), "text"), "numbered")
    answer = Found("ncm_challenges", Read("Funding is short.", Line("Funding is short and staff change often."), "text"), "numbered")
    threshold = settings().review.threshold_for("ncm_challenges")
    assert answer_of(form, "a.pdf", fit).confidence < threshold <= answer_of(answer, "a.pdf", fit).confidence


def test_the_suggested_threshold_is_the_lowest_at_which_values_of_left_out_corpora_are_right_often_enough():
    """Two corpora whose boxes are right 99 times in 100 and patterns 80 in 100: fitted on one and judged on the
    other, a threshold that sends the patterns to review reaches .98 auto precision, and none reaches 1.0."""
    from eval.calibrate import cross_validated

    rows = []
    for corpus in ("tests/x", "tests/y"):
        for how, raw, right in (("tick.glyph", 0.95, 99), ("pattern", 0.88, 80)):
            for n in range(100):
                rows.append({"corpus": corpus, "submission_id": f"{corpus}-{n}", "field": "ncm_legal_basis",
                             "kind": "choice", "how": how, "place": "numbered", "note": "", "status": "auto",
                             "confidence": raw, "scored": True, "judged": True, "correct": n < right, "raw": raw,
                             "found_share": 1.0, "in_order": 1.0, "yield_share": 1.0})
    frame = pd.DataFrame(rows)
    per_corpus, suggested, confidence = cross_validated(frame, strength=100.0, target=0.98)
    assert [row["corpus"] for row in per_corpus] == ["tests/x", "tests/y"]
    patterns = confidence[frame["how"] == "pattern"]
    assert suggested is not None and patterns.max() < suggested["threshold"] <= confidence[frame["how"] == "tick.glyph"].min()
    assert suggested["auto_precision"] >= 0.98 and 0.5 < suggested["review_share"] < 0.6  # patterns and the audit sample
    assert cross_validated(frame, strength=100.0, target=1.0)[1] is None
