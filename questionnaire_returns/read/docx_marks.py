"""Options marked in Word only by run formatting: the chosen one bold, underlined, highlighted,
shaded or coloured among plain ones, or the others struck through.

A respondent who has no box to tick often formats the option instead ("Yes    No" with
"Yes" highlighted). That is a tick only where formatting tells some options from the
others: the paragraph (or table cell) must be a row of short options set apart by tabs,
wide spaces or slashes, one formatting must cover a strict subset of them whole, and no
other formatting may point elsewhere. A bold heading (one piece), a whole bold answer
(every piece), emphasis inside prose (no row of options, or a word inside an option)
are no ticks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFF = ("0", "false", "off", "none")
_PLAIN_COLOURS = ("auto", "000000", "")
_PLAIN_FILLS = ("auto", "FFFFFF", "", "clear")
_GAP = re.compile(r" {2,}|\s+[/|]\s+|\u00a0{2,}")
_MAX_WORDS = 8
_MAX_CHARS = 80


@dataclass(frozen=True, slots=True)
class Span:
    """Characters text[start:end] of a line written with formatting `features`."""

    start: int
    end: int
    features: frozenset


def run_features(run, styles: dict[str, object]) -> frozenset:
    """The formatting of a run (w:r) that can single out an option: its own properties over its
    character style's."""
    rpr = run.find(W + "rPr")
    features: dict[str, str | None] = {}  # None: set by the style, cleared by the run
    if rpr is not None:
        style = rpr.find(W + "rStyle")
        if style is not None:
            features.update(_properties(styles.get(style.get(W + "val") or "")))
        features.update(_properties(rpr))
    return frozenset((k, v) for k, v in features.items() if v is not None)


def _properties(rpr) -> dict[str, str | None]:
    """Formatting set (a value) or explicitly cleared (None) by one rPr element."""
    out: dict[str, str | None] = {}
    if rpr is None:
        return out
    for tag, name in (("b", "bold"), ("strike", "strike"), ("dstrike", "strike")):
        el = rpr.find(W + tag)
        if el is not None:
            out[name] = None if (el.get(W + "val") or "1").lower() in _OFF else "1"
    el = rpr.find(W + "u")
    if el is not None:
        out["underline"] = None if (el.get(W + "val") or "single").lower() in _OFF else "1"
    el = rpr.find(W + "highlight")
    if el is not None:
        value = (el.get(W + "val") or "").lower()
        out["highlight"] = None if value in _OFF or not value else value
    el = rpr.find(W + "color")
    if el is not None:
        value = (el.get(W + "val") or "").upper()
        out["colour"] = None if value.lower() in _PLAIN_COLOURS or value in _PLAIN_COLOURS else value
    el = rpr.find(W + "shd")
    if el is not None:
        value = (el.get(W + "fill") or "").upper()
        out["shading"] = None if value.lower() in _PLAIN_FILLS or value in _PLAIN_FILLS else value
    return out


def character_styles(styles_element) -> dict[str, object]:
    """styleId -> rPr of each character style (w:basedOn is not followed: Word's own character
    styles that mark text, Strong and Emphasis, carry their formatting themselves)."""
    out: dict[str, object] = {}
    if styles_element is None:
        return out
    for style in styles_element.iterchildren(W + "style"):
        if style.get(W + "type") == "character":
            out[style.get(W + "styleId") or ""] = style.find(W + "rPr")
    return out


def option_ticks(pieces: list[tuple[int, str, list[Span]]]) -> list[tuple[int, int, bool]]:
    """(line index, position, checked) of a box before each option, or [] when formatting does
    not single out some options. `pieces`: each line of a paragraph or cell with its spans."""
    options = []  # (line index, start, end)
    for index, text, spans in pieces:
        for start, end in _pieces(text, spans):
            options.append((index, start, end, text[start:end]))
    while options and options[0][3].rstrip().endswith((":", "?", ".")):
        options.pop(0)  # "Inter-ministerial?    Yes    No", "If yes, describe it.  Yes / No": the label asks
    if len(options) < 2 or not all(_option_like(o[3]) for o in options):
        return []
    spans_of = {index: spans for index, _, spans in pieces}
    whole: list[set] = []
    for index, start, _end, text in options:
        covering = [_features_at(spans_of[index], start + k) for k, ch in enumerate(text) if not ch.isspace()]
        every = set.intersection(*map(set, covering)) if covering else set()
        some = set.union(*map(set, covering)) if covering else set()
        if some - every:
            return []  # a word emphasised inside an option: emphasis, not a mark
        whole.append(every)
    chosen: set[int] | None = None
    for feature in set().union(*whole):
        having = {k for k, f in enumerate(whole) if feature in f}
        if len(having) == len(options):
            continue  # the whole row is written so: no option singled out
        picked = set(range(len(options))) - having if feature[0] == "strike" else having
        if chosen is not None and picked != chosen:
            return []  # two formattings point at different options: no safe reading
        chosen = picked
    if not chosen:
        return []
    return [(index, start, k in chosen) for k, (index, start, _, _) in enumerate(options)]


def _pieces(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """The (start, end) of each piece of a line cut at wide gaps and tabs (tabs are written as
    '\\t' by the Word reader before it spaces them)."""
    out, pos = [], 0
    for m in list(_GAP.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        for part in _split_tabs(text, pos, end):
            out.append(part)
        pos = m.end() if m else len(text)
    return out


def _split_tabs(text: str, start: int, end: int):
    pos = start
    for k in range(start, end + 1):
        if k == end or text[k] == "\t":
            seg = text[pos:k]
            if seg.strip():
                lead = len(seg) - len(seg.lstrip())
                yield pos + lead, pos + len(seg.rstrip())
            pos = k + 1


def _option_like(text: str) -> bool:
    """Short, no sentence, no figures: an option label, not prose or a value."""
    words = text.split()
    return (0 < len(words) <= _MAX_WORDS and len(text) <= _MAX_CHARS and any(ch.isalpha() for ch in text)
            and not any(ch.isdigit() for ch in text) and ". " not in text and not text.endswith((".", "!")))


def _features_at(spans: list[Span], pos: int) -> frozenset:
    for span in spans:
        if span.start <= pos < span.end:
            return span.features
    return frozenset()
