"""A segment as the readers see it: its lettered parts, its boxes, its lines joined.

`View` cuts an answer into the form's lettered parts (a) b) c) ...) so a field reads
the part that answers it; a row of yes/no boxes under a part stays with that part.
"""

from __future__ import annotations

from functools import lru_cache

import re

from questionnaire_returns.language.patterns import LanguagePatterns, bare_yes_no, patterns_for
from questionnaire_returns.records import PART_LETTER, Line, Segment
from extractors.subquestions import answer_of, assign
from questionnaire_returns.segment.marks import CYRILLIC_LETTERS, Option, has_boxes, options_in


_PART = re.compile(r"^\s*(?:[☒☐]\s*)?[(\[]?([a-hа-з])[).\]]:?(?:\s|$)", re.I)


_FOLD = re.compile(r"\s+")


def tick_how(line: Line, ambiguous: bool = False) -> str:
    """How a box was read, for its confidence: a form's field, a drawn box, a glyph; an OCR'd or ambiguous one is weak."""
    if ambiguous or line.origin == "ocr":
        return "pattern.weak"  # a mark with an option on either side, or a box OCR guessed: a reviewer should look
    return {"form": "tick.form", "vector": "tick.vector"}.get(line.origin, "tick.glyph")


class View:
    """A segment with what the rules ask of it: its lettered parts, its boxes, its text."""

    def __init__(self, seg: Segment, lang: str | None):
        self.seg = seg
        self.pats: LanguagePatterns = patterns_for(lang)
        self.parts: dict[str | None, list[Line]] = {}
        lines = list(seg.lines)
        opens: dict[int, str] = {}  # lines that open a lettered part, with its letter
        joins: set[int] = set()  # "b) No" under "a) Yes X": the same sub-question's boxes, not part b
        unlettered: list[int] = []  # lines before any written letter
        current: str | None = None
        option_row: bool | None = None  # the line before was a lettered yes/no option ("a) Yes X": True, with its box)
        for i, line in enumerate(lines):
            m = _PART.match(line.text)
            bare = m is not None and bare_yes_no(line.text[m.end():], self.pats)
            ticks = bare and has_boxes([line])
            if m and bare and (option_row or ticks) and option_row is not None and current is not None:
                joins.add(i)
                option_row = option_row or ticks
                continue
            option_row = (True if ticks else False) if bare else None
            if m:
                current = opens[i] = m.group(1).translate(CYRILLIC_LETTERS).lower()
            elif current is None:
                unlettered.append(i)
        # sub-questions retyped without their letter ("Inter-ministerial? ... ☒ Yes ☐ No"): by wording and place;
        # a line under a written letter stays in that letter's part
        asking = assign(lines, unlettered,
                        set(opens.values()), seg.question, self.pats) if seg.how != "narrative" else {}
        current = None
        for i, line in enumerate(lines):
            if i in opens:
                current = opens[i]
                self.parts.setdefault(current, [])
                if (opened := _PART.match(line.text)) and not line.text[opened.end():].strip():
                    continue  # a bare letter left where the option's wording was
            elif i in asking:
                current, words = asking[i]
                self.parts.setdefault(current, [])
                answered = answer_of(line, words, self.pats)
                if answered is None:
                    continue  # the sub-question alone: its answer is on the lines under it
                line = answered
            self.parts.setdefault(current, []).append(line)
        self.lines = [line for lines in self.parts.values() for line in lines]
        self.options = options_in(self.lines)

    def part(self, letter: str) -> list[Line]:
        return self.parts.get(letter, [])

    def checked(self, lines: list[Line] | None = None) -> list[Option]:
        opts = self.options if lines is None else options_in(lines)
        return [o for o in opts if o.checked]

    def has_boxes(self, lines: list[Line] | None = None) -> bool:
        return bool(self.options if lines is None else options_in(lines))


PART_LABEL_WORDS = 4  # a part's label in a table's first column: "c) Made public", "b) Recipients"
_PART_LABEL = re.compile(rf"{PART_LETTER}\s+[^\W\d_][^\d:;.?!]*", re.I)


def is_part_label(text: str) -> bool:
    """'c) Made public', 'b) Experts': a part's letter and a few words of its own wording, the answer below it."""
    text = text.strip()
    return bool(_PART_LABEL.fullmatch(text)) and len(text.split()) <= PART_LABEL_WORDS + 1


def fold(text: str) -> str:
    return _FOLD.sub(" ", text).strip()


def joined(lines: list[Line]) -> Line:
    """Lines that wrap one sentence or list, as one line: its box spans them on the first page."""
    first = lines[0]
    same_page = [l for l in lines if l.page == first.page and l.bbox]
    bbox = None
    if same_page:
        boxes = [l.bbox for l in same_page if l.bbox is not None]
        bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    ocr = [l.ocr_confidence for l in lines if l.ocr_confidence is not None]
    origin = next((l.origin for l in lines if l.origin != "text"), "text")
    return Line(fold(" ".join(l.text for l in lines)), first.page, bbox, origin, min(ocr) if ocr else None, first.block)


_BLANK_SLACK = 8  # characters a blank's line may hold beyond its phrase: a start at 1, an end 3 short, spacing


@lru_cache(maxsize=16)
def _longest_blank(pats: LanguagePatterns) -> int:
    """The longest 'not applicable' phrase of the language; unbounded where a token pattern may say it too."""
    if pats.data.patterns.get("blank.na"):
        return 10**6
    return max((len(p) for p in pats.data.phrases.get("blank.na", [])), default=0)


def is_blank(text: str, pats: LanguagePatterns) -> bool:
    """'N/A', ') N.A.', '—', 'Not applicable.': a line that says the question is not answered."""
    t = text.strip(" ()[].:;,-–—_*\t")
    if not t:
        return True
    kept = text.strip(" ()[]:;,-–—_*\t")  # "S.O." keeps the period its pattern ends with
    if len(t) > _longest_blank(pats) + _BLANK_SLACK:
        return False  # a blank's words must fill the line: a longer line is no blank, whatever it holds
    for form in dict.fromkeys((t, kept, kept.lower())):  # and is tokenised apart from "s.o." in capitals
        hits = [h for h in pats.hits(form) if h.label == "blank.na" and h.start <= 1]
        if any(len(form) - h.end <= 3 for h in hits):
            return True
    return False
