"""From lines being read to the records: ticks normalised, Marks made, blocks numbered.

Every reader builds `RawLine`s (raw text plus boxes it found itself: vector, form,
Word checkboxes) and hands them here, so all formats share one tick notation and
one labelling rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from questionnaire_returns.records import BBox, Line, Mark
from questionnaire_returns.read.ticks import Hit, apply, find_ticks, round_marks_allowed, ticked_beside

_ORIGIN_OF = {"vector": "vector", "form_field": "form", "docx": "form"}  # boxes that are not text


@dataclass
class RawLine:
    """A line being built: raw text, where it is, and boxes found by other means than its text."""

    text: str
    page: int | None = None
    bbox: BBox | None = None
    first: int | None = None  # pdfium index of text[0]; None when not from a PDF text layer
    origin: str = "text"
    confidence: float | None = None
    block: int | None = None  # set by readers that know their blocks (cells, paragraphs)
    inserts: list[tuple[Hit, BBox | None, str]] = field(default_factory=list)  # box, its bbox, field name
    spans: dict[tuple[int, int], BBox] = field(default_factory=dict)  # boxes of tick notations in text

    @property
    def box(self) -> BBox:
        """bbox, for a line that must have one: every line of a PDF page or of OCR is read with its
        box, so one without is a reader's bug, said here rather than as a TypeError later."""
        if self.bbox is None:
            raise ValueError(f"page {self.page}: the line {self.text[:40]!r} was read without its box")
        return self.bbox

    @property
    def mid(self) -> float:
        return (self.bbox[1] + self.bbox[3]) / 2 if self.bbox else 0.0


def finish(raw: list[RawLine]) -> tuple[list[Line], list[Mark]]:
    """Lines with ☒/☐ tokens and whitespace tidied, and one Mark per box, in line order."""
    round_ok = round_marks_allowed(r.text for r in raw)
    blocks = _blocks(raw)
    lines: list[Line] = []
    marks: list[Mark] = []
    for r, block in zip(raw, blocks):
        hits = [ticked_beside(r.text, h) for h in find_ticks(r.text, round_ok)]
        inserts = [(ticked_beside(r.text, h), box, name) for h, box, name in r.inserts]
        extra = {id(h): (box, name) for h, box, name in inserts}
        text, placed = apply(r.text, hits + [h for h, _, _ in inserts])
        text = " ".join(text.split())
        if not text:
            continue
        origin = r.origin
        for p in placed:
            if id(p.hit) in extra:
                box, name = extra[id(p.hit)]
                origin = _ORIGIN_OF.get(p.hit.how, origin) if origin == "text" else origin
            else:
                box, name = r.spans.get((p.hit.start, p.hit.end), r.bbox), ""
            marks.append(Mark(p.hit.checked, r.page, box, p.hit.how, p.label or name))
        lines.append(Line(text, r.page, r.bbox, origin, r.confidence, block))
    return lines, marks


def _blocks(raw: list[RawLine]) -> list[int]:
    """Readers' own block numbers, else a new block at each page and at each vertical gap."""
    out, block, prev = [], 0, None
    for r in raw:
        if r.block is not None:
            block = r.block
        elif prev is not None and _new_block(prev, r):
            block += 1
        out.append(block)
        prev = r
    return out


def _new_block(prev: RawLine, cur: RawLine) -> bool:
    if prev.page != cur.page or prev.bbox is None or cur.bbox is None:
        return prev.page != cur.page
    height = max(prev.bbox[3] - prev.bbox[1], 1.0)
    gap = cur.bbox[1] - prev.bbox[3]
    return gap > 0.9 * height or gap < -3 * height  # a gap, or a jump back up (a new column)
