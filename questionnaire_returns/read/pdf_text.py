"""A PDF page's text layer as lines with boxes, from pypdfium2 (about 100x pdfplumber's speed).

pdfium already breaks the page text into lines ('\\r\\n'); each line's box is the union
of pdfium's text rectangles for its character range. Coordinates are turned into
top-left-origin points, as in records.py.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from questionnaire_returns.records import BBox
from questionnaire_returns.read.assemble import RawLine
from questionnaire_returns.read.ticks import SYMBOL_CODES, find_ticks, symbol_font, symbol_tick

_LINE = re.compile(r"[^\r\n]+")
STAMPS = 3  # field texts drawn as form XObjects on a page before it is read as a flattened form


@dataclass
class PageFrame:
    """Turns pdfium's bottom-left page coordinates into top-left ones."""

    left: float
    top: float
    width: float
    height: float

    @classmethod
    def of(cls, page) -> "PageFrame":
        left, bottom, right, top = page.get_bbox()
        return cls(left, top, right - left, top - bottom)

    def box(self, left: float, bottom: float, right: float, top: float) -> BBox:
        return (round(left - self.left, 2), round(self.top - top, 2), round(right - self.left, 2), round(self.top - bottom, 2))


def page_text(textpage) -> str:
    """All of the page's text; its length matches pdfium's character count."""
    n = textpage.count_chars()
    return clean(textpage.get_text_range(0, n)) if n > 0 else ""


_HYPHENS = "\x02\ufffe"  # how pdfium writes a hyphen where a word processor broke a line ("Anti-" / "Trafficking")


def clean(text: str) -> str:
    """pdfium's hyphens at a line break (\\x02, U+FFFE) as '-', other control characters and non-characters
    as spaces (no XML file, no spreadsheet takes them); length kept."""
    if not any(ord(ch) < 32 and ch not in "\r\n" or ch in "\ufffe\uffff" for ch in text):
        return text
    return "".join("-" if ch in _HYPHENS else " " if ord(ch) < 32 and ch not in "\r\n" or ch == "\uffff" else ch
                   for ch in text)


def decode_symbol_fonts(textpage, text: str) -> str:
    """Wingdings boxes without a Unicode mapping come out as 'þ', '¨', 'o'...: make them ticks.

    Called only for pages that use a Wingdings font, and only the candidate characters
    are checked for their font, so ordinary 'o's cost nothing.
    """
    chars = list(text)
    buf, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    for i, ch in enumerate(chars):
        if ch not in SYMBOL_CODES:
            continue
        pdfium_c.FPDFText_GetFontInfo(textpage.raw, i, buf, 128, flags)
        font = symbol_font(buf.value.decode("latin-1"))
        checked = symbol_tick(font, ord(ch)) if font else None
        if checked is not None:
            chars[i] = "☒" if checked else "☐"
    return "".join(chars)


def page_lines(textpage, frame: PageFrame, page_no: int, text: str | None = None) -> list[RawLine]:
    """The page's non-blank lines in pdfium's (content) order, each with its box."""
    text = page_text(textpage) if text is None else text
    if len(text) != textpage.count_chars():  # characters outside the BMP: map one by one
        text = "".join(textpage.get_text_range(i, 1) or " " for i in range(textpage.count_chars()))
    lines = []
    for m in _LINE.finditer(text):
        if not m.group().strip():
            continue
        bbox = _range_box(textpage, frame, m.start(), m.end() - m.start())
        if bbox is not None:
            lines.append(RawLine(m.group(), page_no, bbox, first=m.start()))
    return lines


def _range_box(textpage, frame: PageFrame, start: int, count: int) -> BBox | None:
    n = textpage.count_rects(start, count)
    if n <= 0:
        return None
    rects = [textpage.get_rect(i) for i in range(n)]
    return frame.box(min(r[0] for r in rects), min(r[1] for r in rects), max(r[2] for r in rects), max(r[3] for r in rects))


def char_box(textpage, frame: PageFrame, index: int) -> BBox:
    return frame.box(*textpage.get_charbox(index))


def span_box(textpage, frame: PageFrame, line: RawLine, start: int, end: int) -> BBox | None:
    """The box of line.text[start:end] (a tick glyph or bracket), when the line has characters."""
    if line.first is None:
        return None
    return _range_box(textpage, frame, line.first + start, end - start) or char_box(textpage, frame, line.first + start)


def insert_position(textpage, frame: PageFrame, line: RawLine, x: float) -> int:
    """Where in line.text a box at horizontal position x goes: before the first character right of it."""
    if line.first is None:
        return 0 if x <= line.box[0] else len(line.text)
    for k, ch in enumerate(line.text):
        if ch.isspace():
            continue
        x0, _, x1, _ = char_box(textpage, frame, line.first + k)
        if (x0 + x1) / 2 > x:
            return k
    return len(line.text)


def split_at_rules(lines: list[RawLine], rules, textpage, frame: PageFrame) -> list[RawLine]:
    """Lines cut where a table's vertical rule crosses them: pdfium joins the words of one height into
    one line, so a question's cell and its answer's cell ("7. Achievements  The commission drafted ...")
    would read as one run of words, and the answer would hide in the question's heading."""
    verticals = [(x, top, bottom) for kind, x, top, bottom in rules if kind == "v"]
    if not verticals:
        return lines
    out: list[RawLine] = []
    for line in lines:
        if find_ticks(line.text, round_ok=True):
            out.append(line)  # "Interior | ☒ Chair ☐ Member": a row of boxes keeps its label with it
            continue
        cuts = sorted({insert_position(textpage, frame, line, x) for x, top, bottom in verticals
                       if line.first is not None and line.box[0] + 2 < x < line.box[2] - 2
                       and top <= line.mid <= bottom})
        cuts = [k for k in cuts if 0 < k < len(line.text)]
        if not cuts or line.first is None:  # a line without characters' indexes has no cuts
            out.append(line)
            continue
        for start, end in zip([0] + cuts, cuts + [len(line.text)]):
            piece = line.text[start:end]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            bbox = _range_box(textpage, frame, line.first + start + lead, len(piece)) if piece else None
            if bbox is not None:
                out.append(RawLine(piece, line.page, bbox, first=line.first + start + lead))
    return out


def lift_stamps(lines: list[RawLine], stamps: list[BBox], textpage, frame: PageFrame, page_no: int) -> tuple[list[RawLine], list[RawLine]]:
    """(the page's lines without a flattened form's field texts, one line per field text).

    A flattened field is drawn by a form XObject of its own, after all of the page's text:
    pdfium reads its text last and may run two fields into one line ("Every two years To the
    Parliament"). Each stamp's text becomes one line with the stamp's box, to be placed after
    the wording it answers; a stamp holding only a tick glyph stays where it is. A page with
    fewer than STAMPS such texts is no flattened form (a letterhead drawn as an XObject).
    """
    lifted: list[RawLine] = []
    boxes: list[BBox] = []
    for s in stamps:
        raw = textpage.get_text_bounded(frame.left + s[0], frame.top - s[3], frame.left + s[2], frame.top - s[1]) or ""
        text = " ".join(clean(raw).split())
        if any(ch.isalnum() for ch in text):
            lifted.append(RawLine(text, page_no, s, origin="text"))
            boxes.append(s)
    if len(lifted) < STAMPS:
        return lines, []

    def inside(k: int) -> bool:
        x0, top, x1, bottom = char_box(textpage, frame, k)
        cx, cy = (x0 + x1) / 2, (top + bottom) / 2
        return any(b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1 for b in boxes)

    kept = []
    for line in lines:
        first = line.first
        chars = [k for k, ch in enumerate(line.text) if not ch.isspace()] if first is not None else []
        if first is not None and chars and sum(inside(first + k) for k in chars) >= 0.9 * len(chars):
            continue
        kept.append(line)
    return kept, lifted
