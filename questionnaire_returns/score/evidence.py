"""What a document as a whole says about how well it was read.

A value read the same way (a pattern in a numbered answer) is right more often in a return
whose questions were all found, in the form's order, each giving a value, than in a return
where the segmenter found a few questions out of order and most of them gave nothing: the
second is a layout the pipeline has not seen. These shares are the document's evidence that
score/calibration.py weighs beside how each value was read (issue 16, item 4).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.records import Found, Segment


@dataclass(frozen=True, slots=True)
class DocumentFit:
    found_share: float  # the form's questions found, of those the schema declares
    in_order: float  # of the questions found, the share that stand in the form's order
    yield_share: float  # of the places found, the share that gave at least one value

    def features(self) -> tuple[tuple[str, float], ...]:
        return (("found_share", self.found_share), ("in_order", self.in_order), ("yield_share", self.yield_share))


NO_FIT = DocumentFit(0.0, 0.0, 0.0)  # a document in which no question was found


def document_fit(segments: list[Segment], found: list[Found]) -> DocumentFit:
    """The document's fit, from where its questions were found and which of them gave values."""
    order = {key: n for n, key in enumerate(CONTRACT.questions)}
    seen = [s.question for s in segments if s.question in order]
    if not seen:
        return NO_FIT
    distinct = list(dict.fromkeys(seen))
    gave = {CONTRACT.fields[f.field].question for f in found if f.field in CONTRACT.fields}
    return DocumentFit(
        found_share=round(len(distinct) / max(1, len(order)), 3),
        in_order=round(_longest_rising([order[q] for q in distinct]) / len(distinct), 3),
        yield_share=round(sum(q in gave for q in distinct) / len(distinct), 3),
    )


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
