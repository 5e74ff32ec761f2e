"""A table's Yes and No columns: an X under "Yes" is a ticked yes; an X printed over a box ticks it.

Some returns retype the questionnaire as a table with a narrow column for each answer
("Question | Sí | No | Respuesta") and mark the answer with an X in one of them. The X
stands alone in its cell, far from any word; what it means is the header above it. Here
such an X becomes the box row the extractors read elsewhere ("☒ Sí ☐ No"), in the
header's own words, on the X's line: the row it stands in is the question it answers.

A fillable form flattened to print keeps each ticked box's X as text drawn over the empty box
glyph: the text layer reads "X ☐ Да ☐ Нет". The X just before a box is that box's tick. A table
printed from a word processor may give a cell's boxes before their words ("☒ ☐ Sì No"): each
box goes with the word in its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from questionnaire_returns.language.patterns import word_list
from questionnaire_returns.records import CHECKED, UNCHECKED, Document, Line

LONE_MARKS = frozenset("xX✓✔✗✘ХхV")  # an X typed in a cell (Latin or Cyrillic), a check mark
SAME_ROW = 4.0  # points: the Yes and No headers' tops differ by less than this
HEADER_GAP = 120.0  # points: at most this far apart, left to right: two narrow neighbouring columns
SLACK = 6.0  # points: an X may stand this far outside its header's width


@dataclass(frozen=True, slots=True)
class _Columns:
    page: int
    top: float
    yes: tuple[float, float, str]  # x0, x1 and the header's word
    no: tuple[float, float, str]


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(w.lower() for w in word_list("answer.yes")), frozenset(w.lower() for w in word_list("answer.no"))


def _word(text: str) -> str:
    return text.strip().strip(":.()[]").lower()


def _headers(lines: tuple[Line, ...]) -> list[_Columns]:
    yes_words, no_words = _words()
    found = []
    for a in lines:
        if a.bbox is None or a.page is None or _word(a.text) not in yes_words:
            continue
        for b in lines:
            if (b.page == a.page and b.bbox is not None and _word(b.text) in no_words
                    and abs(b.bbox[1] - a.bbox[1]) < SAME_ROW and 0 < b.bbox[0] - a.bbox[2] < HEADER_GAP):
                found.append(_Columns(a.page, a.bbox[1], (a.bbox[0], a.bbox[2], a.text.strip()),
                                      (b.bbox[0], b.bbox[2], b.text.strip())))
                break
    return found


def _under(line: Line, column: tuple[float, float, str]) -> bool:
    assert line.bbox is not None
    middle = (line.bbox[0] + line.bbox[2]) / 2
    return column[0] - SLACK <= middle <= column[1] + SLACK


_OVERPRINTED = re.compile(rf"(?<!\S)[xXхХ✓✔]\s?{UNCHECKED}")  # "X ☐ Да": the X drawn over the box


def _overprinted(line: Line) -> Line:
    if UNCHECKED not in line.text or not _OVERPRINTED.search(line.text):
        return line
    return replace(line, text=_OVERPRINTED.sub(CHECKED, line.text))


_BOX_RUN = re.compile(rf"^(\s*)((?:[{CHECKED}{UNCHECKED}]\s*){{2,}})(.*)$")


def _boxes_before_words(line: Line) -> Line:
    """'☒ ☐ Sì No ...' -> '☒ Sì ☐ No ...': as many yes/no words after a run of boxes as there are boxes."""
    m = _BOX_RUN.match(line.text)
    if not m:
        return line
    boxes = [c for c in m.group(2) if c in (CHECKED, UNCHECKED)]
    words = m.group(3).split()
    yes_words, no_words = _words()
    if len(words) < len(boxes) or not all(_word(w) in yes_words | no_words for w in words[:len(boxes)]):
        return line
    pairs = " ".join(f"{b} {w}" for b, w in zip(boxes, words))
    rest = " ".join(words[len(boxes):])
    return replace(line, text=f"{m.group(1)}{pairs} {rest}".rstrip())


def with_column_marks(doc: Document) -> Document:
    """The document with each X printed over a box written as a ticked box, boxes given before their words
    put beside them, and each lone X under a Yes or
    No column header as that column's ticked box (the header's columns hold on later pages too, until
    another header)."""
    lines = [_boxes_before_words(_overprinted(line)) for line in doc.lines]
    changed = any(a is not b for a, b in zip(lines, doc.lines))
    headers = _headers(doc.lines)
    if not headers:
        return replace(doc, lines=tuple(lines)) if changed else doc
    for i, line in enumerate(lines):
        if line.bbox is None or line.page is None or line.text.strip() not in LONE_MARKS:
            continue
        above = [h for h in headers if (h.page, h.top) < (line.page, line.bbox[1])]
        if not above:
            continue
        cols = max(above, key=lambda h: (h.page, h.top))
        if _under(line, cols.yes):
            text = f"{CHECKED} {cols.yes[2]} {UNCHECKED} {cols.no[2]}"
        elif _under(line, cols.no):
            text = f"{UNCHECKED} {cols.yes[2]} {CHECKED} {cols.no[2]}"
        else:
            continue
        lines[i], changed = replace(line, text=text), True
    return replace(doc, lines=tuple(lines)) if changed else doc
