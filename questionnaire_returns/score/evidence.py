"""What a document, and a value's own reading, say about how well the value was read.

A value read the same way (a pattern in a numbered answer) is right more often in a return
whose questions were all found, in the form's order, each giving a value, than in a return
where the segmenter found a few questions out of order and most of them gave nothing: the
second is a layout the pipeline has not seen (`DocumentFit`). Beside the document, each value
has evidence of its own (`value_evidence`): whether another, independent reading of the return
gives the same value (a box and the words beside it, two places) or another one, how sure the
segmenter was of the place, the OCR confidence of its line, how long its evidence line is and
how much of it is the question's own wording (a line that only repeats the question answers
nothing). score/calibration.py weighs all of them beside how the value was read (issue 16, item 4).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.records import Found, Segment

_WORD = re.compile(r"[^\W\d_]{3,}")

# questions of a part answered with more than a "no", from which on the return describes the part's thing
# (a mechanism, a plan, a rapporteur): where the return denies it, a real contradiction (the denial too goes to
# review); where it does not say, the thing exists (score/answers.py). One or two stray answers (the
# signature under the last question, a definition in law under "no plan", a "not relevant" written in) say
# neither: on tests/corpora c-g every return keyed as contradicting itself answered 3 or more such
# questions, no other return more than 2
DESCRIBED_PART = 3


@dataclass(frozen=True, slots=True)
class DocumentFit:
    found_share: float  # the form's questions found, of those the schema declares
    in_order: float  # of the questions found, the share that stand in the form's order
    yield_share: float  # of the places found, the share that gave at least one value
    # every reading of the document: (field, value, evidence line's page and text), so that a value can
    # be told apart from one that another, independent reading confirms or contradicts
    readings: tuple[tuple[str, str, int | None, str], ...] = ()

    def features(self) -> tuple[tuple[str, float], ...]:
        return (("found_share", self.found_share), ("in_order", self.in_order), ("yield_share", self.yield_share))


NO_FIT = DocumentFit(0.0, 0.0, 0.0)  # a document in which no question was found


def document_fit(segments: list[Segment], found: list[Found]) -> DocumentFit:
    """The document's fit, from where its questions were found and which of them gave values."""
    order = {key: n for n, key in enumerate(CONTRACT.questions)}
    readings = tuple((f.field, f.read.value, f.read.line.page, f.read.line.text.strip()) for f in found)
    seen = [s.question for s in segments if s.question in order]
    if not seen:
        return DocumentFit(0.0, 0.0, 0.0, readings)
    distinct = list(dict.fromkeys(seen))
    gave = {CONTRACT.fields[f.field].question for f in found if f.field in CONTRACT.fields}
    return DocumentFit(
        found_share=round(len(distinct) / max(1, len(order)), 3),
        in_order=round(_longest_rising([order[q] for q in distinct]) / len(distinct), 3),
        yield_share=round(sum(q in gave for q in distinct) / len(distinct), 3),
        readings=readings,
    )


def value_evidence(f: Found, fit: DocumentFit) -> tuple[tuple[str, float], ...]:
    """One value's own evidence, as numbers (kept in the answer's basis, weighed by the model):
    - agree / disagree: other readings of the field, from another line, that give the same value / another;
    - place_score: how sure the segmenter was that the value's lines answer its question;
    - ocr: the OCR confidence of the evidence line (1 for a line that was not OCR'd), is_ocr;
    - name_score: the weakest name match behind the value (1 without names);
    - words: log(1 + the evidence line's words); question_words: the share of them that are the question's own;
    - extra: further values the reading gave (later years);
    - logic: what the questionnaire's logic (the schema's conditions) says of the value, read from the rest
      of the return: +1 where it agrees (a mechanism said to exist and then described; none, and nothing
      described; a question answered whose condition the return's answers meet), -1 where it disagrees,
      0 where it tells nothing."""
    line = f.read.line
    here = (line.page, line.text.strip())
    agree = disagree = 0
    for field, value, page, text in fit.readings:
        if field != f.field or (page, text) == here:
            continue
        if value == f.read.value:
            agree += 1
        else:
            disagree += 1
    words = _WORD.findall(line.text.lower())
    asked = _question_words(f.field)
    ocr = line.ocr_confidence
    return (
        ("agree", float(min(agree, 2))),
        ("disagree", float(min(disagree, 2))),
        ("place_score", round(float(f.place_score), 3)),
        ("ocr", round(float(ocr), 3) if ocr is not None else 1.0),
        ("is_ocr", 1.0 if ocr is not None else 0.0),
        ("name_score", round(float(f.name_score), 3) if f.name_score is not None else 1.0),
        ("words", round(math.log1p(len(words)), 3)),
        ("question_words", round(sum(w in asked for w in words) / len(words), 3) if words else 0.0),
        ("extra", float(len(f.read.extra))),
        ("logic", logic(f.field, f.read.value, fit.readings)),
    )


def describes(field: str, value: str) -> bool:
    """A value that says more than a denial of its part does: anything but a "no" to a yes/no question
    (no mechanism, hence no budget for it)."""
    spec = CONTRACT.fields.get(field)
    return bool(value) and not (spec is not None and spec.type == "yesno" and value == "no")


def logic(field: str, value: str, readings: tuple[tuple[str, str, int | None, str], ...]) -> float:
    """+1 / -1 / 0: whether the rest of the return, read through the questionnaire's conditions, agrees with
    this value (see value_evidence)."""
    gated = gated_by(field)
    if gated:
        described = {CONTRACT.fields[f].question for f, v, _, _ in readings
                     if f in CONTRACT.fields and CONTRACT.fields[f].question in gated and describes(f, v)}
        if value == "yes":
            return 1.0 if described else 0.0
        if value == "no":
            others = {g for key in gated for g in CONTRACT.questions[key].condition.fields if g != field}  # type: ignore[union-attr]
            if any(f in others and v == "yes" for f, v, _, _ in readings):
                return 0.0  # no plan but an equivalent response: the described questions are the equivalent's
            return 1.0 if not described else (-1.0 if len(described) >= DESCRIBED_PART else 0.0)
        return 0.0
    spec = CONTRACT.fields.get(field)
    question = CONTRACT.questions.get(spec.question) if spec is not None and spec.question else None
    if question is None or question.condition is None or not describes(field, value):
        return 0.0
    values: dict[str, str] = {}
    for f, v, _, _ in readings:
        if f in question.condition.fields and v and (values.get(f) != "yes"):
            values[f] = v  # a "yes" read anywhere for a condition's field counts
    holds = question.condition.holds(values)
    return 0.0 if holds is None else (1.0 if holds else -1.0)


@lru_cache(maxsize=None)
def gated_by(field: str) -> frozenset[str]:
    """The questions whose condition asks this field (a gate: ncm_exists gates questions 2-8)."""
    return frozenset(q.key for q in CONTRACT.questions.values() if q.condition is not None and field in q.condition.fields)


@lru_cache(maxsize=None)
def _question_words(field: str) -> frozenset[str]:
    """The words of the field's question as the form prints it, in every language read (its options
    left out: they are answers). The wording is segment/wording.py's, the one place that holds it."""
    from questionnaire_returns.config import settings
    from questionnaire_returns.segment.wording import question_texts

    spec = CONTRACT.fields.get(field)
    if spec is None or spec.question not in CONTRACT.questions:
        return frozenset()
    words: set[str] = set()
    for lang in settings().languages:
        texts = question_texts(lang)[spec.question]
        for text in texts[0::2]:  # the wording without its options, in English and in `lang`
            words.update(_WORD.findall(text))
    return frozenset(words)


def _longest_rising(numbers: list[int]) -> int:
    """Length of the longest strictly rising subsequence (patience sorting)."""
    tails: list[int] = []
    for x in numbers:
        i = bisect_left(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return len(tails)
