"""Ticked options in an answer, whatever notation the reader found them in.

Readers write every box as ☒ (ticked) or ☐ (empty) where it sits in the line.
Here each box is paired with its label: the text after it ("☒ a) Yes") or, in a
line that puts boxes after their labels ("Yes ☒  No ☐"), the text before it.
Blank-line notations that only a typed return has ("Yes _X_ No ___") are
turned into boxes first.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from questionnaire_returns.language.patterns import Cue, phrase_list
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


_INLINE_LETTER = re.compile(r"(?:^|(?<=\s))[(\[]?[a-hа-з][).\]](?=\s)")
_X_BEFORE_LETTER = re.compile(r"(?<=[^\W\d_])\s+[xX](?=\s+[(\[]?[a-hа-з][).\]]\s)")
_TRAILING_X = re.compile(r"(?<=[^\W\d_]|[:.)])\s+[xX]\s*$")
_MIDDLE_X = re.compile(r"(?<=[^\W\d_])\s+[xX]\s+(?=[^\W\d_])")
_LEADING_X = re.compile(r"^\s*[xX]\s+(?=[^\W\d_]{2})")


# "Advisory role - X", "Observer - X Other capacity": an X set after its option by a dash
_DASH_X = re.compile(r"(?<=[^\W_]|[.:)])\s+[-–—]\s*[xX](?=\s|$)")


def _boxes(text: str) -> str:
    text = _UNDERSCORE_X.sub(f" {CHECKED} ", text)
    text = _DASH_X.sub(f" {CHECKED}", text)
    if (CHECKED in text or UNCHECKED in text) and len(text) <= 160:
        # a row mixing notations ("Advisory ☒ Policy making X Implementation X Other"): a typed X
        # between two options is a tick like the box beside it
        text = _TRAILING_X.sub(f" {CHECKED}", _MIDDLE_X.sub(f" {CHECKED} ", text))
    if CHECKED in text:
        text = _UNDERSCORES.sub(f" {UNCHECKED} ", text)
    if CHECKED not in text and UNCHECKED not in text and len(_INLINE_LETTER.findall(text)) >= 2:
        # "a) Advisory b) Policy making X c) Implementation X d) Other": an X closing an option, before the next letter
        text = _X_BEFORE_LETTER.sub(f" {CHECKED}", text)
    if CHECKED not in text and UNCHECKED not in text and 90 < len(text) <= 220 and _LETTER.match(text):
        # a lettered option with its description, marked at its end: "b) Working group: the National Commission X"
        text = _TRAILING_X.sub(f" {CHECKED}", text)
    if len(text) <= 90 and CHECKED not in text and UNCHECKED not in text:
        # "Yes X" / "X Yes": a typed X beside an option marks it
        text = _TRAILING_X.sub(f" {CHECKED}", text)
        text = _LEADING_X.sub(f"{CHECKED} ", text)
        if len(text) <= 60 and CHECKED not in text:
            text = _MIDDLE_X.sub(f" {CHECKED} ", text, count=1)  # "Yes X No"
    return text


def marked(text: str, origin: str = "text") -> str:
    """The text with every notation of a box turned into ☒ / ☐."""
    return _boxes(_ocr_boxes(text) if origin == "ocr" else text)


def _option(checked: bool, raw_label: str, line: Line, before: bool = False, ambiguous: bool = False) -> Option:
    label = raw_label.strip(" :;,./|\t")
    m = _LETTER.match(label)
    letter = m.group(1).translate(CYRILLIC_LETTERS).lower() if m else None
    if m:
        label = label[m.end():].strip(" :;,.\t")
    return Option(checked, letter, label, line, before, ambiguous)


# How tesseract tends to read tick boxes on a scan: a ticked box as 'm', '@', '©', 'v' ...,
# an empty one as '(]', '0', 'C1', '1' ... Read only on OCR'd lines of a few words, before a
# word, and always sent to review (extractors/fields.tick_how treats OCR'd boxes as weak).
_OCR_TICKED = {"m", "m@", "@", "©", "®", "&", "v", "V", "W", "M", "X", "x", "%", "Kl", "K]", "[x]", "(x)", "fx]"}
_OCR_EMPTY = {"(]", "[]", "()", "0", "O", "o", "Oo", "C1", "1", "[", "]", "D", "LJ", "L]", "(1", "O0", "—.", "-", "—"}


def _ocr_boxes(text: str) -> str:
    tokens = text.split()
    if not 2 <= len(tokens) <= 10:
        return text
    out = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if nxt[:1].isalpha() and (i == 0 or tokens[i - 1][-1:].isalpha() or tokens[i - 1][-1:] in ".:"):
            if tok in _OCR_TICKED:
                out.append(CHECKED)
                continue
            if tok in _OCR_EMPTY:
                out.append(UNCHECKED)
                continue
            if len(tok) <= 2 and not any(c.isalnum() or c in (CHECKED, UNCHECKED) for c in tok) and _LETTER.match(nxt + " "):
                out.append(CHECKED)  # a stray mark before a lettered option ("“ b) No"): what is left of a tick
                continue
        out.append(tok)
    return " ".join(out)


# Where a document marks only its ticked options ("✓ Yes    No"), one mark between two options ("Yes ✓ No")
# reads either way; the document's other rows tell which side its marks stand on (see `document_layout`).
_LAYOUT: ContextVar[str | None] = ContextVar("tick_layout", default=None)


def layout_of(lines) -> str | None:
    """'before' when a document's marks stand before their options ("☒ Yes No" opens a row), 'after' when
    they follow them ("Yes No ☒" closes one); None when it uses empty boxes, or shows both. Only short rows
    count, with one mark and no row of marks around them: a longer one may have wrapped around a mark
    ("Prevention ☒ Protection ☒" / "☒ Other")."""
    before = after = 0
    texts = [marked(line.text, line.origin).strip(" -–•*·\t") for line in lines]
    if any(UNCHECKED in text for text in texts):
        return None  # empty boxes show every option's own box: no row is ambiguous
    for n, text in enumerate(texts):
        if text.count(CHECKED) == 1:
            # a row of a table with its label in the first cell: "B.11 Definition of THB ☒ Yes No" / "... Yes No ☒"
            head, tail = text.split(CHECKED)
            before += bool(_YES_NO_PAIR.fullmatch(tail.strip())) and not _YES_NO_PAIR.search(head.strip())
            after += bool(_YES_NO_PAIR.search(head.strip())) and not tail.strip()
        if text.count(CHECKED) != 1 or not text.strip(CHECKED + " ") or len(text.replace(CHECKED, " ").split()) > 4:
            continue
        # a line opening on a mark votes 'before' only after a question or another short option: after a
        # line of running words it may close the option that wrapped there ("... groupe de" / "travail ☒ c) Autre")
        prev = texts[n - 1].rstrip() if n else ""
        before += text.startswith(CHECKED) and (n == 0 or CHECKED not in prev) and (
            not prev or prev.endswith(("?", ":")) or bool(_LETTER.match(prev)) and len(prev.split()) <= 4)
        after += text.endswith(CHECKED) and (n + 1 == len(texts) or CHECKED not in texts[n + 1])
    if before and not after:
        return "before"
    if after and not before:
        return "after"
    return None


_YES_NO_WORD = r"(?:{answer.yes:words}|{answer.no:words})"
# "Yes No", "a) Oui b) Non": the pair of options of a yes/no row, their letters and all
_YES_NO_PAIR = Cue(
    r"(?:^|(?<=\s))(?:[a-zа-я]\)\s*)?" + _YES_NO_WORD + r"[\s.,;:/]+(?:[a-zа-я]\)\s*)?" + _YES_NO_WORD + r"[\s.]*$")


def current_layout() -> str | None:
    """The layout `document_layout` set for the document being read (None outside one, or when unsure)."""
    return _LAYOUT.get()


@contextmanager
def document_layout(lines):
    """Within the block, a lone mark between two options is read by the document's own layout."""
    token = _LAYOUT.set(layout_of(lines))
    try:
        yield
    finally:
        _LAYOUT.reset(token)


def _lead(text: str) -> str:
    """The words before a line's first box; markdown and list bullets are no label."""
    return text.strip(" -–•*·\t")


_BOX_PAIR = re.compile(rf"([{CHECKED}{UNCHECKED}])\s+([{CHECKED}{UNCHECKED}])\s+(\S+)\s+(\S+)(?=\s|$)")


# the other box: a token of one or two characters, or a scratch glued to the word ("‘Yes")
_YES_NO_ROW = re.compile(rf"^\s*(\S{{1,2}}\s+|[^\w\s{CHECKED}{UNCHECKED}]{{1,2}})(\S+)\s+([{CHECKED}{UNCHECKED}])\s+(\S+?)[.,;:]?\s*$")


def _other_box_misread(text: str) -> str:
    """'Q Yes ☒ No', '‘Yes ☒ No' on a scan: the yes/no row's other box, read by tesseract as a letter or a
    scratch; it is the box the one read is not (a row of two boxes, each before its word)."""
    m = _YES_NO_ROW.match(text)
    if not m or not (_yes_no_label(m.group(2)) and _yes_no_label(m.group(4))) or _yes_no_label(m.group(1).strip()):
        return text
    other = UNCHECKED if m.group(3) == CHECKED else CHECKED
    return f"{other} {m.group(2)} {m.group(3)} {m.group(4)}"


def _paired_columns(text: str) -> str:
    """'Definizione ☒ ☐ Sì No': a table's two box cells, then its two header words, read row by row; each box
    belongs to the word in its column ('☒ Sì ☐ No')."""
    def pair(m: re.Match) -> str:
        if _yes_no_label(m.group(3).strip(".,;:")) and _yes_no_label(m.group(4).strip(".,;:")):
            return f"{m.group(1)} {m.group(3)} {m.group(2)} {m.group(4)}"
        return m.group(0)
    return _BOX_PAIR.sub(pair, text)


def _only_a_letter(lead: str) -> bool:
    """Nothing before the first box but perhaps an option's letter ("a) ☒ Yes")."""
    return not lead.strip() or bool(_LETTER.match(lead) and not _LETTER.sub("", lead).strip())


def options_in_line(line: Line, row_label: bool = False) -> list[Option]:
    """The boxes of one line with their labels; `row_label`: the words before the first box
    name the row ("Main function ☒ Advisory" above "☒ Policy making"), not an option."""
    text = _boxes(_ocr_boxes(line.text) if line.origin == "ocr" else line.text)
    if CHECKED not in text and UNCHECKED not in text:
        return []
    text = _paired_columns(_other_box_misread(text) if line.origin == "ocr" else text)
    parts = _BOX.split(text)  # [before, box, after, box, after...]
    if row_label:
        parts[0] = ""
    boxes = [(parts[i], parts[i - 1], parts[i + 1]) for i in range(1, len(parts), 2)]
    lead = _lead(parts[0])
    # text after the last box ("☒ a) Yes ☐ b) No"), or only a letter before the first:
    # boxes come before their labels; otherwise ("Yes ☒  No ☐") after them
    # Nothing but a letter before the first box, or an introduction ending in ':' or '?'
    # ("The main function is: ☒ a) Advisory ..."): boxes stand before their labels.
    # A label before the first box ("Yes ☒  No", "Advisory ✔ Policy making ✔"): after them.
    lead_is_letter = _only_a_letter(lead)
    # a lone mark between two options ("Yes ✓ No"): the document's layout says which one it marks, and a
    # row of several marks keeps its doubt (a wrapped row may have lost or moved words around them)
    layout = _LAYOUT.get() if UNCHECKED not in text and not lead_is_letter else None
    if layout == "after":
        # the document's marks follow their options: "Yes. If yes, what does it cover? ✓ No" marks the first
        unsure = len(boxes) > 1 and bool(parts[-1].strip(" .;,:\t"))
        return [_option(box == CHECKED, _last_option(before), line, True, unsure) for box, before, _ in boxes]
    # ... and so do boxes each followed by an option's letter ("Budget ☒ a) Yes ☐ b) No")
    boxes_first = (lead_is_letter or lead.rstrip().endswith((":", "?")) or all(_LETTER.match(after) for _, _, after in boxes)
                   or _yes_no_after_boxes(parts))
    if boxes_first or layout == "before":
        # "Budget Yes. If yes, what does it cover? ☒ No": with no empty box to show the layout,
        # a mark between two options could belong to either
        # ... and so could marks between lettered options ("a) Co-ordinator ☒ b) Working group ☒ c) Other")
        unsure = not lead_is_letter and UNCHECKED not in text and bool(parts[-1].strip(" .;,:\t")) and (
            len(boxes) == 1 and not layout or len(boxes) > 1 and not boxes_first
            or bool(_LETTER.match(lead)) and not layout)
        out: list = []
        for box, _, after in boxes:
            out.append(_option(box == CHECKED, lead + after if not out and lead_is_letter and _LETTER.match(lead) else after, line,
                               ambiguous=unsure))
        return out
    # labels before their boxes ("Yes ☒ No ☐")
    ambiguous = UNCHECKED not in text and bool(parts[-1].strip(" .;,:\t"))
    return [_option(box == CHECKED, _last_option(before), line, True, ambiguous) for box, before, _ in boxes]


def _yes_no_after_boxes(parts: list[str]) -> bool:
    """'c) Public ☐ Yes ☒ No': a yes and a no word after the boxes, the words before the first box none;
    they name the part, and the boxes stand before their words."""
    labels = [parts[i].strip(" .:;,/|\t") for i in range(2, len(parts), 2)]  # "☒ Sì / ☐ No": the slash parts them
    if len(labels) >= 2 and labels[-1].split():
        # "☐ Oui ☒ Non voir annexe": the last word may go on with a remark
        labels[-1] = labels[-1].split()[0].strip(" .:;,/|\t")
    return (len(labels) >= 2 and all(_yes_no_label(t) for t in labels)
            and not _yes_no_label(parts[0].strip(" .:;,\t").split()[-1] if parts[0].strip() else ""))


def is_yes_no_word(text: str) -> bool:
    """'YES', 'Нет.', 'Sì': one word that says yes or no in a configured language."""
    return _yes_no_label(text.strip(" .!;,"))


def _yes_no_label(text: str) -> bool:
    """One word that says yes or no in a configured language ('Yes', 'Нет', 'Sì')."""
    words = text.lower().split()
    return len(words) == 1 and words[0] in _yes_no_words()


@lru_cache(maxsize=1)
def _yes_no_words() -> frozenset[str]:
    return frozenset(w.rstrip(".") for label in ("yesno.yes", "yesno.no") for w in phrase_list(label) if " " not in w)


def _last_option(label: str) -> str:
    """'a) Advisory b) Policy making' before a box: the box marks the last lettered option."""
    starts = [m.start() for m in _INLINE_LETTER.finditer(label)]
    return label[starts[-1]:] if len(starts) >= 2 else label


def options_in(lines: tuple[Line, ...] | list[Line]) -> list[Option]:
    """Every box in these lines with its label, in reading order.

    A row of boxes that wraps ("☒ Law" / "Enforcement and Prosecution ☒ International ...")
    is read as one line, so no label is cut in two.
    """
    found: list[Option] = []
    merged: list[Line] = []
    lines = _label_wrapped_onto_its_box(list(lines))
    for line in lines:
        text = marked(line.text, line.origin)
        has = CHECKED in text or UNCHECKED in text
        prev_text = marked(merged[-1].text, merged[-1].origin) if merged else ""
        wrapped = _wrapped_before_its_mark(merged, text) if has else 0
        if wrapped:
            # "a) Co-ordinator b) Working group," / "commission: Group on THB" / "☒ c) Other", in a document
            # whose marks follow their options: the mark closes the option that wrapped, so the row is one line
            rows = merged[-wrapped:]
            del merged[-wrapped:]
            first = rows[0]
            merged.append(Line(" ".join(r.text for r in rows) + " " + text, first.page, first.bbox, line.origin,
                               line.ocr_confidence, first.block))
        elif merged and _continues_row(prev_text, text):
            prev = merged[-1]
            merged[-1] = Line(prev_text + " " + text, prev.page, prev.bbox, prev.origin, prev.ocr_confidence, prev.block)
        else:
            merged.append(Line(text, line.page, line.bbox, line.origin, line.ocr_confidence, line.block) if has else line)
    for n, line in enumerate(merged):
        found.extend(options_in_line(line, _labels_a_row(line.text, merged[n + 1].text if n + 1 < len(merged) else "")))
    return found


def _wrapped_before_its_mark(merged: list[Line], text: str) -> int:
    """How many lines above a line that opens on a mark hold the lettered options it closes, where the
    document's marks follow their options; 0 when it starts a row of its own."""
    if _LAYOUT.get() != "after" or not text.startswith(CHECKED):
        return 0
    for k in range(1, min(3, len(merged)) + 1):
        above = merged[-k].text
        if CHECKED in above or UNCHECKED in above or above.rstrip().endswith(("?", ":", ".")) and k == 1:
            return 0
        if len(_INLINE_LETTER.findall(above)) >= 2 or _LETTER.match(above):
            return k
    return 0


def _label_wrapped_onto_its_box(lines: list[Line]) -> list[Line]:
    """'Co-ordinator: Head of Police X' / 'Working group: National Committee against' / 'Trafficking X': in a
    column of labels before their boxes, a line without a box is the first part of the next line's label."""
    out: list[Line] = []
    n = 0
    while n < len(lines):
        line = lines[n]
        if n + 1 < len(lines) and len(line.text) <= 120:
            prev, text, nxt = (marked(l.text, l.origin).strip() for l in ((out[-1] if out else line), line, lines[n + 1]))
            prev = prev if out else ""
            boxes = (CHECKED, UNCHECKED)
            # ... the label goes on in lower case ("Comité Nacional de Lucha" / "contra la Trata de Personas X"): a line
            # of its own that starts with a capital is another option, left unmarked ("Victim protection" / "Law
            # enforcement X"); where unmarked options show no box, an option with its detail after a colon may wrap too
            if ((prev[-1:] in boxes and prev[:1] not in boxes or ":" in text) and text and not any(b in text for b in boxes)
                    and nxt[-1:] in boxes and nxt[:1] not in boxes and not _LETTER.match(nxt) and not text.endswith(("?", ":"))
                    and nxt[:1].islower()):
                nxt_line = lines[n + 1]
                out.append(Line(text + " " + nxt, line.page, line.bbox, nxt_line.origin, nxt_line.ocr_confidence, line.block))
                n += 2
                continue
        out.append(line)
        n += 1
    return out


def _labels_a_row(text: str, following: str) -> bool:
    """'Main function ☒ Advisory' over '☒ Policy making': one box with words on both sides, and
    the next line opening with a box, so boxes stand before their options and the first words
    are the row's label."""
    parts = _BOX.split(text.strip())
    return len(parts) == 3 and bool(parts[0].strip()) and bool(parts[2].strip(" .;,:\t")) \
        and following.lstrip()[:1] in (CHECKED, UNCHECKED)


def _continues_row(prev: str, text: str) -> bool:
    """Whether a line carries on the row of boxes above it rather than starting its own.

    Two ways a wrapped row shows it: a label cut in two ("☒ Protection and" / "Assistance ☒ Law");
    a box closing a line of boxes-before-labels whose label is on the next line ("☐ b) Prevention ☐" /
    "c) Protection and Assistance ☒ d) Law"). A line opening with a box starts its own row: after
    "Main function ☒ Advisory", "☒ Policy making" is the next option, not the first one's box.
    """
    if CHECKED not in prev and UNCHECKED not in prev:
        return False
    has = CHECKED in text or UNCHECKED in text
    prev, text = prev.strip(), text.strip()
    prev_ends_box, starts_box = prev[-1:] in (CHECKED, UNCHECKED), text[:1] in (CHECKED, UNCHECKED)
    lead = _lead(_BOX.split(prev, 1)[0])
    boxes_first = _only_a_letter(lead) or lead.endswith((":", "?"))
    if not prev_ends_box:
        return has and not starts_box
    return boxes_first and bool(text) and not starts_box and len(text) <= 120


def has_boxes(lines) -> bool:
    return any(CHECKED in marked(l.text, l.origin) or UNCHECKED in marked(l.text, l.origin) for l in lines)
