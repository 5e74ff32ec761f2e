"""A form page's answers placed right after the wording they answer.

The segmenter reads a document's lines in order, so an answer must follow its question's
wording. Form values are not in the text layer (widgets) or come after all of it (a
flattened form's fields, drawn last): their place is found from the page's geometry.
Each answer line (a text field's value, a row that starts at a form box, a flattened
field's text) goes to the wording that stands nearest before it:
- on its row, to its left (answers in a column beside the questions): after that
  wording's whole paragraph, so a value beside a question's first line does not cut
  the question in two;
- else above it in its column (answers under the questions): after that line; an answer
  under another answer follows the same wording.
Field names and tooltips that name a question settle a row that touches two questions'
wording: a tooltip repeating the question's wording, or a name or tooltip carrying its
number ("vopros21a", "sec_A_q3b_opt", "Q7") once the form's names have been seen to agree
with its geometry (generic names like "Text12" carry numbers that do not). An answer with
no wording on its row or above it keeps the place its height gives it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from questionnaire_returns.read.assemble import RawLine

ROW = 14.0  # points: an answer's first row, from the top of its box
LEFT_SLACK = 2.0  # points: wording may end this far right of the answer's left edge
ABOVE_SLACK = 3.0  # points: a line above may reach this far into the answer's box
INDENT = 12.0  # points: a paragraph's lines start within this of each other
TRUST = 0.6  # share of named answers whose name agrees with the geometry before names are used
TOOLTIP = 80  # rapidfuzz ratio of a tooltip to a question's wording that names it (and 10 more than any other)

_NUMBER = re.compile(r"^\s*(?:[A-Za-z]{1,2}\s*)?(\d{1,2})\s*[.)]\s")  # "4. By what...", "Q7) ..."
_PART = re.compile(r"^\s*([a-hа-и])\s*\)\s", re.IGNORECASE)  # "a) Inter-ministerial?", "б) ..."
_NAMED = re.compile(r"(?:^|[^0-9A-Za-z]|[A-Za-z](?=\d))(\d{1,2})(?:_?([a-h])(?![A-Za-z]))?(?![0-9])", re.IGNORECASE)


@dataclass(frozen=True)
class Answer:
    """An answer line to place, and the question its field's name or tooltip names (if any)."""

    line: RawLine
    named: tuple[str, str] | None = None  # (number, letter or '')
    tooltip: str = ""


def named_question(*names: str) -> tuple[str, str] | None:
    """The question a field's name or tooltip names: 'vopros21a_text' -> ('21', 'a'),
    'sec_A_q3b_opt' -> ('3', 'b'), 'Q7_achievements' -> ('7', ''); 'Text12' -> ('12', '') too,
    which is why names are only used once they agree with the page (see TRUST)."""
    for name in names:
        for m in _NAMED.finditer(name or ""):
            number = m.group(1)
            if 1 <= int(number) <= 23:
                return number, (m.group(2) or "").lower()
    return None


def order_form_lines(lines: list[RawLine], answers: list[Answer]) -> list[RawLine]:
    """`lines` (the page's lines in reading order, the answers among them) with each answer moved
    right after the wording it answers."""
    moving = {id(a.line): a for a in answers}
    wording = [line for line in lines if id(line) not in moving and line.bbox is not None]
    if not wording or not moving:
        return lines
    context = _contexts(wording)
    candidates = {id(a.line): _row_candidates(a.line, wording) for a in answers}
    trusted = _names_agree(answers, candidates, context)
    after: dict[int, RawLine | None] = {}  # id(answer line) -> the wording line it follows
    for a in sorted(answers, key=lambda a: (a.line.box[1], a.line.box[0])):
        row = candidates[id(a.line)]
        if row:
            chosen = _by_tooltip(a, row, wording) or (_by_name(a, row, context) if trusted else None)
            after[id(a.line)] = _paragraph_end(chosen or row[0], wording)
        else:
            after[id(a.line)] = _above(a.line, wording, answers, after)
    followers: dict[int, list[RawLine]] = {}
    for a in answers:
        anchor = after[id(a.line)]
        if anchor is not None:
            followers.setdefault(id(anchor), []).append(a.line)
    out: list[RawLine] = []
    for line in lines:
        if id(line) in moving and after[id(line)] is not None:
            continue
        out.append(line)
        for f in sorted(followers.get(id(line), []), key=lambda r: (r.box[1], r.box[0])):
            out.append(f)
    return out


def _row_candidates(answer: RawLine, wording: list[RawLine]) -> list[RawLine]:
    """Wording lines to the answer's left on its first row: the one it stands most beside first
    (of two on that row, such as a number's cell and a question's, the nearer)."""
    x0, top = answer.box[0], answer.box[1]
    band = (top, top + min(ROW, answer.box[3] - top))
    found = [w for w in wording if w.page == answer.page and w.box[2] <= x0 + LEFT_SLACK
             and _overlap(band, (w.box[1], w.box[3])) > 0]
    return sorted(found, key=lambda w: (-round(_overlap(band, (w.box[1], w.box[3])) / 3), -w.box[2]))


def _above(answer: RawLine, wording: list[RawLine], answers: list[Answer], after: dict[int, RawLine | None]) -> RawLine | None:
    """The wording an answer under other lines of its column follows: the nearest line above it
    that shares its column, or what that line follows when it is an answer itself."""
    x0, top, x1, _ = answer.box
    best, best_bottom = None, None
    for line in wording + [a.line for a in answers if id(a.line) in after]:
        if line is answer or line.page != answer.page:
            continue
        if line.box[3] <= top + ABOVE_SLACK and line.box[0] < x1 and x0 < line.box[2]:
            if best_bottom is None or line.box[3] > best_bottom:
                best, best_bottom = line, line.box[3]
    if best is None:
        return None
    return after[id(best)] if id(best) in after else best


def _paragraph_end(start: RawLine, wording: list[RawLine]) -> RawLine:
    """The last line of the paragraph `start` belongs to: the lines after it in reading order, in
    its column, each close under the one before, until a line that starts a new number or letter."""
    k = next(i for i, w in enumerate(wording) if w is start)
    end = start
    for w in wording[k + 1:]:
        height = max(end.box[3] - end.box[1], 1.0)
        gap = w.box[1] - end.box[3]
        if w.page != end.page or not -0.5 * height <= gap <= 0.6 * height or abs(w.box[0] - start.box[0]) > INDENT:
            break
        if _NUMBER.match(w.text) or _PART.match(w.text):
            break
        end = w
    return end


def _contexts(wording: list[RawLine]) -> dict[int, tuple[str, str]]:
    """The question number and letter in force at each wording line, from the numbers and letters
    that start lines ('4. By what...', 'b) To whom...')."""
    out, number, part = {}, "", ""
    for w in wording:
        if m := _NUMBER.match(w.text):
            number, part = m.group(1), ""
        elif m := _PART.match(w.text):
            part = m.group(1).lower()
        out[id(w)] = (number, part)
    return out


def _names_agree(answers: list[Answer], candidates, context) -> bool:
    """Do the form's field names name the questions its geometry puts them at? Generic names
    (Text12, Check Box3) carry numbers that do not."""
    agree = total = 0
    for a in answers:
        row = candidates[id(a.line)]
        if a.named is None or not row or not context[id(row[0])][0]:
            continue
        total += 1
        agree += a.named[0] == context[id(row[0])][0]
    return total >= 3 and agree >= TRUST * total


def _by_name(answer: Answer, row: list[RawLine], context) -> RawLine | None:
    """Of the wording lines on an answer's row, the one its name names, when exactly one is."""
    if answer.named is None or len(row) < 2:
        return None
    number, part = answer.named
    exact = [w for w in row if context[id(w)] == (number, part)]
    same = exact or [w for w in row if context[id(w)][0] == number]
    return same[0] if len(same) == 1 else None


def _by_tooltip(answer: Answer, row: list[RawLine], wording: list[RawLine]) -> RawLine | None:
    """Of the wording lines on an answer's row, the one whose paragraph its tooltip repeats."""
    tip = " ".join(answer.tooltip.lower().split())
    if len(row) < 2 or len(tip) < 8:
        return None
    scores = sorted(((fuzz.ratio(tip, _paragraph_text(w, wording)), k) for k, w in enumerate(row)), reverse=True)
    (best, k), runner_up = scores[0], scores[1][0]
    return row[k] if best >= TOOLTIP and best >= runner_up + 10 else None


def _paragraph_text(start: RawLine, wording: list[RawLine]) -> str:
    """The text of the paragraph a line belongs to, from its first line (the line itself when it
    starts it) to its last."""
    k = next(i for i, w in enumerate(wording) if w is start)
    while k > 0 and _paragraph_end(wording[k - 1], wording) is not wording[k - 1]:
        k -= 1
    lines, end = [], _paragraph_end(start, wording)
    for w in wording[k:]:
        lines.append(w.text)
        if w is end:
            break
    return " ".join(" ".join(lines).lower().split())


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return min(a[1], b[1]) - max(a[0], b[0])
