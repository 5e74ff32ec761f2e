"""One tick notation for the extractors: every box becomes CHECKED '☒' or UNCHECKED '☐'.

Returns tick boxes as glyphs (☑ ✓ ■ □), as typed brackets ([X], ( )), as drawn
vectors or as form fields. Readers find them here (`find_ticks`), add their own
(vector, form field, Word content control) as insertions, and `apply` rewrites the
line with one token per box and gives each box the label beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from questionnaire_returns.language.patterns import Cue
from questionnaire_returns.records import CHECKED, UNCHECKED

GLYPH_CHECKED = "☒☑✓✔■✗✘⊠"
GLYPH_UNCHECKED = "☐□❑❏❐❒◻▢"
# Word's Wingdings boxes as they come out of PDFs (private-use code points).
_PUA = {"\uf0fe": True, "\uf0fd": True, "\uf078": True, "\uf0a8": False, "\uf06f": False, "\uf071": False}

# Box symbols of Word's symbol fonts by character code (low byte): checked or not.
_SYMBOL_FONTS = {
    "wingdings": {0xFE: True, 0xFD: True, 0x78: True, 0xFC: True, 0xFB: True, 0xA8: False, 0x6F: False, 0x71: False},
    "wingdings2": {0x52: True, 0x53: True, 0x54: True, 0x50: True, 0x4F: True, 0xA3: False, 0x2A: False},
}
SYMBOL_CODES = frozenset(chr(c) for table in _SYMBOL_FONTS.values() for c in table) | frozenset(
    chr(0xF000 | c) for table in _SYMBOL_FONTS.values() for c in table
)


def symbol_font(font_name: str) -> str | None:
    """'wingdings' or 'wingdings2' for a font name as PDFs and Word write it, else None."""
    name = "".join(ch for ch in font_name.split("+")[-1].lower() if ch.isalnum())
    if name.startswith("wingdings2"):
        return "wingdings2"
    if name.startswith("wingdings") and not name.startswith("wingdings3"):
        return "wingdings"
    return None


def symbol_tick(font: str, code: int) -> bool | None:
    """Checked (True), unchecked (False) or not a box (None) for a symbol font's character code."""
    return _SYMBOL_FONTS.get(font, {}).get(code & 0xFF)


_MARK = "xX✓✔✗"
_SQUARE = re.compile(rf"(?<![\w\]\[])\[(?:\s?[{_MARK}]\s?|( {{1,3}}))\](?![\w\[])")
_ROUND = re.compile(rf"(?<![\w)(])\((?:\s?[{_MARK}]\s?|( {{1,3}}))\)(?![\w(])")
_ANSWER_WORD = Cue(r"\s*(?:[a-h]\)\s*)?({answer.yes:words}|{answer.no:words})\b")  # "( ) Yes", "[ ] b) Non"
_GLYPHS = re.compile(f"[{GLYPH_CHECKED}{GLYPH_UNCHECKED}{''.join(_PUA)}]")
_ENUMERATOR = re.compile(r"^\s*(?:[a-zA-Z]\)|\(?[a-zA-Z0-9]{1,3}[.)])?\s*$")


@dataclass(frozen=True, slots=True)
class Hit:
    """One box in a line's raw text: text[start:end] is its notation (empty for insertions)."""

    start: int
    end: int
    checked: bool
    how: str  # 'glyph' | 'bracket' | 'vector' | 'form_field' | 'docx' | 'format'


@dataclass(frozen=True, slots=True)
class Placed:
    """A box after `apply`: where its token sits in the new text and its label."""

    hit: Hit
    index: int
    label: str


def round_marks_allowed(texts) -> bool:
    """'(x)' is a tick only in documents that also have an empty '( )' box.

    Legal texts number clauses (ix), (x), (xi); a return that ticks with round
    brackets always shows the options it left empty as '( )'.
    """
    return any(m.group(1) for t in texts for m in _ROUND.finditer(t))


def find_ticks(text: str, round_ok: bool = False) -> list[Hit]:
    """Glyph and bracket boxes in `text`; (x) only when `round_ok` or before an answer word."""
    hits = []
    for m in _GLYPHS.finditer(text):
        ch = m.group()
        checked = _PUA[ch] if ch in _PUA else ch in GLYPH_CHECKED
        hits.append(Hit(m.start(), m.end(), checked, "glyph"))
    for m in _SQUARE.finditer(text):
        hits.append(Hit(m.start(), m.end(), m.group(1) is None, "bracket"))
    for m in _ROUND.finditer(text):
        empty = m.group(1) is not None
        if empty or round_ok or _ANSWER_WORD.match(text, m.end()):
            hits.append(Hit(m.start(), m.end(), not empty, "bracket"))
    hits.sort(key=lambda h: h.start)
    out: list[Hit] = []
    for h in hits:  # a glyph inside brackets, '[✓]', is one box
        if out and h.start < out[-1].end:
            if h.how == "bracket":
                out[-1] = h
            continue
        out.append(h)
    return out


_X_BESIDE = re.compile(r"\s?[xX✓✔](?=\s+\S)")  # the tick a flattened checkbox draws beside its empty box


def ticked_beside(text: str, hit: Hit) -> Hit:
    """"☐ X Sì": an empty box with its tick drawn beside it (as "print to PDF" flattens a checkbox, the box one
    glyph or shape, the tick a letter after it) is one ticked box over both."""
    beside = None if hit.checked else _X_BESIDE.match(text, hit.end)
    return replace(hit, end=beside.end(), checked=True) if beside else hit


def normalise(text: str, round_ok: bool = False) -> str:
    """`text` with its glyph and bracket boxes as tokens (for table cells; lines go through apply)."""
    return apply(text, [ticked_beside(text, h) for h in find_ticks(text, round_ok)])[0]


def apply(text: str, hits: list[Hit]) -> tuple[str, list[Placed]]:
    """Rewrite `text` with one token per hit (insertions get spaces around) and label each box."""
    hits = _dedupe(sorted(hits, key=lambda h: (h.start, h.end)))
    out, pos, index = "", 0, []
    for h in hits:
        out += text[pos:h.start]
        inserted = h.start == h.end
        if inserted and out and not out[-1].isspace():
            out += " "
        index.append(len(out))
        out += CHECKED if h.checked else UNCHECKED
        if inserted and h.end < len(text) and not text[h.end].isspace():
            out += " "
        pos = h.end
    out += text[pos:]
    return out, [Placed(h, i, lab) for h, i, lab in zip(hits, index, _labels(out, index))]


def _dedupe(hits: list[Hit]) -> list[Hit]:
    out, pos = [], 0
    for h in hits:
        if h.start < pos:
            continue
        out.append(h)
        pos = h.end
    return out


def _labels(text: str, index: list[int]) -> list[str]:
    """Boxes before their options ('☒ Yes ☐ No') take the text after; boxes after ('Yes ☒') the text before."""
    if not index:
        return []
    bounds = [0, *index, len(text)]
    before = [_clean(text[bounds[k] + (k > 0): bounds[k + 1]]) for k in range(len(index))]
    after = [_clean(text[index[k] + 1: bounds[k + 2]]) for k in range(len(index))]
    leading = _ENUMERATOR.match(text[: index[0]]) is not None
    if not leading and not after[-1]:
        return before
    return [a or b for a, b in zip(after, before)]


def _clean(label: str) -> str:
    return " ".join(label.replace("_", " ").split()).strip(" :;,-–")
