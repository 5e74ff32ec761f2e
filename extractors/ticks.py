"""Ticked options in an answer, whatever notation the reader found them in.

Readers write every box as ☒ (ticked) or ☐ (empty) where it sits in the line.
Here each box is paired with its label: the text after it ("☒ a) Yes") or, in a
line that puts boxes after their labels ("Yes ☒  No ☐"), the text before it.
Blank-line notations that only a typed return has ("Yes _X_ No ___") are
turned into boxes first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from questionnaire_returns.records import CHECKED, UNCHECKED, Line

_BOX = re.compile(f"([{CHECKED}{UNCHECKED}])")
_UNDERSCORE_X = re.compile(r"_+\s*[xX✓✔]\s*_+")
_UNDERSCORES = re.compile(r"_{3,}")
_LETTER = re.compile(r"^\s*[(\[]?([a-hA-Hа-зА-З])[).\]]\s*")
# Russian forms letter their options а) б) в): the same letters as a) b) c)
CYRILLIC_LETTERS = str.maketrans("абвгдежзАБВГДЕЖЗ", "abcdefghABCDEFGH")


@dataclass(frozen=True, slots=True)
class Option:
    """One box and its label, e.g. checked=True, letter='a', label='Yes'."""

    checked: bool
    letter: str | None
    label: str
    line: Line
    before: bool = False  # the label stands before its box ("Yes ☒"): its last words are the option
    ambiguous: bool = False  # only ticked marks, text on both sides: "Advisory ✓ Policy making" reads either way


_TRAILING_X = re.compile(r"(?<=[^\W\d_]|[:.)])\s+[xX]\s*$")
_MIDDLE_X = re.compile(r"(?<=[^\W\d_])\s+[xX]\s+(?=[^\W\d_])")
_LEADING_X = re.compile(r"^\s*[xX]\s+(?=[^\W\d_]{2})")


def _boxes(text: str) -> str:
    text = _UNDERSCORE_X.sub(f" {CHECKED} ", text)
    if CHECKED in text:
        text = _UNDERSCORES.sub(f" {UNCHECKED} ", text)
    if len(text) <= 90 and CHECKED not in text and UNCHECKED not in text:
        # "Yes X" / "X Yes": a typed X beside an option marks it
        text = _TRAILING_X.sub(f" {CHECKED}", text)
        text = _LEADING_X.sub(f"{CHECKED} ", text)
        if len(text) <= 60 and CHECKED not in text:
            text = _MIDDLE_X.sub(f" {CHECKED} ", text, count=1)  # "Yes X No"
    return text


def marked(text: str) -> str:
    """The text with every notation of a box turned into ☒ / ☐."""
    return _boxes(text)


def _option(checked: bool, raw_label: str, line: Line, before: bool = False, ambiguous: bool = False) -> Option:
    label = raw_label.strip(" :;,.\t")
    m = _LETTER.match(label)
    letter = m.group(1).translate(CYRILLIC_LETTERS).lower() if m else None
    if m:
        label = label[m.end():].strip(" :;,.\t")
    return Option(checked, letter, label, line, before, ambiguous)


def options_in_line(line: Line) -> list[Option]:
    text = _boxes(line.text)
    if CHECKED not in text and UNCHECKED not in text:
        return []
    parts = _BOX.split(text)  # [before, box, after, box, after...]
    boxes = [(parts[i], parts[i - 1], parts[i + 1]) for i in range(1, len(parts), 2)]
    lead = parts[0].strip(" -–•*·\t")  # markdown and list bullets are no label
    # text after the last box ("☒ a) Yes ☐ b) No"), or only a letter before the first:
    # boxes come before their labels; otherwise ("Yes ☒  No ☐") after them
    # Nothing but a letter before the first box, or an introduction ending in ':' or '?'
    # ("The main function is: ☒ a) Advisory ..."): boxes stand before their labels.
    # A label before the first box ("Yes ☒  No", "Advisory ✔ Policy making ✔"): after them.
    lead_is_letter = not lead.strip() or (_LETTER.match(lead) and not _LETTER.sub("", lead).strip())
    if lead_is_letter or lead.rstrip().endswith((":", "?")):
        # "Budget Yes. If yes, what does it cover? ☒ No": with no empty box to show the layout,
        # a mark between two options could belong to either
        unsure = not lead_is_letter and UNCHECKED not in text and len(boxes) == 1 and bool(parts[-1].strip(" .;,:\t"))
        out = []
        for box, _, after in boxes:
            out.append(_option(box == CHECKED, lead + after if not out and _LETTER.match(lead) else after, line,
                               ambiguous=unsure))
        return out
    # labels before their boxes ("Yes ☒ No ☐")
    ambiguous = UNCHECKED not in text and bool(parts[-1].strip(" .;,:\t"))
    return [_option(box == CHECKED, before, line, True, ambiguous) for box, before, _ in boxes]


def options_in(lines: tuple[Line, ...] | list[Line]) -> list[Option]:
    """Every box in these lines with its label, in reading order.

    A row of boxes that wraps ("☒ Law" / "Enforcement and Prosecution ☒ International ...")
    is read as one line, so no label is cut in two.
    """
    found: list[Option] = []
    merged: list[Line] = []
    for line in lines:
        text = _boxes(line.text)
        has = CHECKED in text or UNCHECKED in text
        starts_with_box = text.lstrip()[:1] in (CHECKED, UNCHECKED)
        if merged and has and not starts_with_box and _boxes(merged[-1].text).rstrip()[-1:] not in (CHECKED, UNCHECKED) \
                and (CHECKED in _boxes(merged[-1].text) or UNCHECKED in _boxes(merged[-1].text)):
            prev = merged[-1]
            merged[-1] = Line(_boxes(prev.text) + " " + text, prev.page, prev.bbox, prev.origin, prev.ocr_confidence, prev.block)
        else:
            merged.append(line)
    for line in merged:
        found.extend(options_in_line(line))
    return found


def has_boxes(lines) -> bool:
    return any(CHECKED in _boxes(l.text) or UNCHECKED in _boxes(l.text) for l in lines)
