"""Drop running headers and footers, which repeat on every page and answer nothing.

A line is furniture when the same text (digits masked, so 'Page 3 of 9' matches
'Page 4 of 9') sits in the top or bottom ~8% of at least 60% of the pages of a
document of two pages or more. A page number in those margins ('Page 2 de 3', '- 4 -', '2/2') goes
whatever its origin: OCR misreads a footer differently on every page, so it never repeats.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from questionnaire_returns.language.patterns import Cue
from questionnaire_returns.read.assemble import RawLine

MARGIN = 0.08
SHARE = 0.6
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = Cue(r"^\W*{page.word}?\s*\d{1,3}\s*(?:(?:{page.of}|/)\s*\d{1,3})?\W*$")  # "Page 2 of 3", "- 2 -", "2/3"


def drop_furniture(lines: list[RawLine], heights: dict[int, float], page_count: int) -> tuple[list[RawLine], int]:
    """`lines` without repeated headers and footers, and how many lines went."""
    if page_count < 2:
        return lines, 0
    pages = defaultdict(set)
    for line in lines:
        key = _key(line, heights)
        if key:
            pages[key].add(line.page)
    need = max(2, math.ceil(SHARE * page_count))
    repeated = {k for k, p in pages.items() if len(p) >= need}
    kept = [line for line in lines if _key(line, heights) not in repeated and not _page_number(line, heights)]
    return kept, len(lines) - len(kept)


def _page_number(line: RawLine, heights: dict[int, float]) -> bool:
    height = None if line.page is None else heights.get(line.page)
    if not height or line.bbox is None:
        return False
    return _PAGE_NUMBER.match(line.text) is not None and (
        line.bbox[1] <= MARGIN * height or line.bbox[3] >= (1 - MARGIN) * height)


def _key(line: RawLine, heights: dict[int, float]) -> tuple[str, str] | None:
    """(margin, text with digits masked) of a text line in a page's top or bottom margin, else None."""
    if line.origin != "text":
        return None
    height = None if line.page is None else heights.get(line.page)
    if not height or line.bbox is None:  # a line without a page or a box has no margin to sit in
        return None
    if line.bbox[1] <= MARGIN * height:
        zone = "top"
    elif line.bbox[3] >= (1 - MARGIN) * height:
        zone = "bottom"
    else:
        return None
    return zone, _DIGITS.sub("#", " ".join(line.text.lower().split()))
