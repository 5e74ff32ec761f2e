"""How sure the pipeline is of a value, from how the value was read.

A box ticked in a form field is near certain; a word pattern inside the answer
to the right question is strong; a sentence in a narrative letter is weaker;
OCR and a weak name match lower it further. `make eval` prints a reliability
table (these confidences against observed accuracy) so the numbers here stay
honest: tune them on that table, never on one document.
"""

from __future__ import annotations

from questionnaire_returns.records import Line

# Base confidence by how the value was read.
BASE = {
    "tick.form": 0.97,
    "tick.vector": 0.95,
    "tick.glyph": 0.95,
    "word.leading": 0.94,  # the answer opens with Yes / No / the option's own words
    "pattern": 0.88,  # a pattern inside the answer span
    "pattern.weak": 0.72,  # a pattern that could also mean something else
    "text": 0.9,  # the respondent's own words, copied
    "inferred": 0.85,  # implied by another answer (two ministries listed: inter-ministerial; right 100% of ~30 times)
    "vague": 0.5,  # words that fit no value of the type ("about a third", "the early 1990s"): kept with no value
}

# A pattern over OCR'd words: one misread word changes what the pattern finds (on generated
# scans their values were right ~80-95% of the time), so a reviewer confirms them; ticked
# boxes and copied words keep the plain OCR factor.
OCR_PATTERN = 0.9
# ... but not where the pattern finds digits: on the scans of eight generated corpora (make eval, seeds
# 1-8) a year read from OCR'd words was right 66 times in 67 and a date 25 in 25; tesseract's own word
# confidence still weighs on them.
OCR_DIGITS = {"year", "date"}

# Multipliers by where the answer was found.
VAGUE = "vague"  # words that fit no value of the field's type: no value, for a reviewer (FIELDS.md)
SELF_DOUBTING = {"pattern.weak", VAGUE}  # readings the extractor marks for a reviewer (two senses, no value)
GUESSED_PLACE = 0.5  # a place the segmenter guessed (grouped questions: which sentence answers which)

SEGMENT = {"numbered": 1.0, "question_text": 0.97, "narrative": 0.86}
# ... except where the value type makes the place matter little: whether a thing exists and the
# year it was set up read from a letter's sentence ("No national rapporteur has been appointed",
# "adopted in 2005") were right 99-100% of the time on generated letters (make eval, 3 corpora,
# ~250 values), while lists, choices and copied text from the same sentences were right 46-90%.
SEGMENT_BY_KIND = {("narrative", "yesno"): 1.0, ("narrative", "year"): 1.0, ("narrative", "number"): 1.0}


def combine(how: str, segment_how: str, segment_score: float = 1.0, lines: list[Line] | tuple[Line, ...] = (),
            name_score: float | None = None, conflict: bool = False, kind: str | None = None) -> float:
    """One field's confidence in [0, 1] from everything known about how it was read
    (`kind`: the field's value type in FIELDS.md: yesno, choice, multi, year, ...)."""
    place = SEGMENT_BY_KIND.get((segment_how, kind or ""), SEGMENT.get(segment_how, 0.9))
    conf = BASE[how] * place * (0.8 + 0.2 * segment_score)
    ocr = [l.ocr_confidence for l in lines if l.ocr_confidence is not None]
    if ocr:
        conf *= 0.6 + 0.4 * min(ocr)
        if how.startswith("pattern") and kind not in OCR_DIGITS:
            conf *= OCR_PATTERN
    if name_score is not None:
        conf *= name_score
    if conflict:
        conf *= 0.6
    return round(max(0.0, min(1.0, conf)), 3)
