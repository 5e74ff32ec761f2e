"""Sub-questions written without their letter, told apart by their wording and their place.

A question with sub-questions (the mechanism's composition: inter-ministerial? experts?
other? civil society?; the plan: a national action plan? another response?; the reports:
how often? to whom? public?) is often answered line by line with each sub-question
retyped, paraphrased, before its answer and no letter: "Inter-ministerial? Ministries
represented: YES: ...", "Does civil society take part? ... No". Each such line is matched
to a sub-question by its wording (English or the return's language), and where the
return retypes as many sub-questions as the form has, in the form's order, by its place.
The lines under a sub-question (its box row, its list) belong to it.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.language.patterns import LanguagePatterns, yes_no_word
from questionnaire_returns.records import CHECKED, UNCHECKED, Line
from questionnaire_returns.segment.marks import marked

# a sub-question's words before its answer: "Inter-ministerial?", "Submitted to:", "How often?"
_ASKED = re.compile(r"^([^?:]{2,120}?)\s*[?:](?!\S)\s*")
_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s-]")
MATCH = 60  # how closely a line's words must echo a sub-question's wording (rapidfuzz, 0-100)
IN_PLACE = 25  # what standing where the form puts it adds, when the return retypes every sub-question


def sub_questions(question: str) -> list[str]:
    """The question's lettered parts that are sub-questions (answered in words or yes/no), not choices."""
    q = CONTRACT.questions.get(question)
    if q is None:
        return []
    return [letter for letter in q.options if letter not in q.option_values]


def _norm(text: str) -> str:
    return _SPACE.sub(" ", _PUNCT.sub(" ", text)).strip().lower()


def asked(line: Line, pats: LanguagePatterns) -> re.Match | None:
    """The sub-question's words a line opens with ("Experts / operational level represented:"), or None: a
    box, a yes or no ("Yes: Ministry of ..."), or a line with no question mark or colon asks nothing."""
    if marked(line.text, line.origin).lstrip()[:1] in ("", CHECKED, UNCHECKED):
        return None
    m = _ASKED.match(line.text.lstrip())
    if not m or yes_no_word(m.group(1), pats) is not None or ";" in m.group(1):
        return None  # "The body is inter-ministerial; members are: ...": a sentence of prose, not a sub-question
    if not line.text.lstrip()[m.end(1):].lstrip().startswith("?") and len(re.findall(r"\w+", m.group(1))) > 8:
        return None  # a label before a colon is a few words
    label = marked(m.group(1), line.origin)
    return None if CHECKED in label or UNCHECKED in label else m


def _wording(question: str, letter: str, pats: LanguagePatterns) -> list[str]:
    texts = [CONTRACT.questions[question].options.get(letter, ""), pats.data.options.get(question, {}).get(letter, "")]
    return [_norm(t) for t in texts if t]


def _likeness(label: str, texts: list[str]) -> float:
    label = _norm(label)
    if len(label) < 3:
        return 0.0
    return max((max(fuzz.token_set_ratio(label, t), fuzz.partial_ratio(label, t) if len(label) >= 8 else 0.0)
                for t in texts), default=0.0)


def assign(lines: list[Line], candidates: list[int], opened: set[str], question: str,
           pats: LanguagePatterns) -> dict[int, tuple[str, re.Match]]:
    """The lines (of `candidates`, indexes into `lines`) that retype a sub-question the return did not letter
    (`opened`: the letters it did write), each with that sub-question's letter and the words that ask it."""
    parts = [p for p in sub_questions(question) if p not in opened]
    if not parts:
        return {}
    found = [(i, m) for i in candidates if (m := asked(lines[i], pats)) is not None]
    if not found:
        return {}
    texts = {p: _wording(question, p, pats) for p in parts}
    scores = [[_likeness(m.group(1), texts[p]) for p in parts] for _, m in found]
    if len(found) == len(parts) >= 2 and any(max(row) >= MATCH for row in scores):
        # as many sub-questions retyped as the form has, one of them recognisably: each stands where the form puts it
        scores = [[max(score, MATCH) + IN_PLACE if a == b else score for b, score in enumerate(row)]
                  for a, row in enumerate(scores)]
    return {found[a][0]: (parts[b], found[a][1]) for a, b in _aligned(scores)}


def _aligned(scores: list[list[float]]) -> list[tuple[int, int]]:
    """The pairs (line, sub-question) in the form's order whose likeness passes MATCH, with the largest total."""
    m, n = len(scores), len(scores[0]) if scores else 0
    best = [[0.0] * (n + 1) for _ in range(m + 1)]
    for a in range(1, m + 1):
        for b in range(1, n + 1):
            gain = scores[a - 1][b - 1] - MATCH
            best[a][b] = max(best[a - 1][b], best[a][b - 1], best[a - 1][b - 1] + gain if gain >= 0 else -1.0)
    pairs = []
    a, b = m, n
    while a and b:
        gain = scores[a - 1][b - 1] - MATCH
        if best[a][b] == best[a - 1][b]:
            a -= 1  # on a tie the earlier line takes the sub-question: it asks, the later one details
        elif gain >= 0 and best[a][b] == best[a - 1][b - 1] + gain:
            pairs.append((a - 1, b - 1))
            a, b = a - 1, b - 1
        else:
            b -= 1
    return pairs[::-1]


def answer_of(line: Line, m: re.Match, pats: LanguagePatterns) -> Line | None:
    """The line without the sub-question's words before its answer ("Ministries represented: YES: Ministry of
    Justice" keeps "YES: Ministry of Justice"); None when the line holds only the sub-question."""
    text = line.text.lstrip()[m.end():].strip()
    for _ in range(2):  # "Inter-ministerial? Ministries represented: YES: ...": a second label, once
        more = _ASKED.match(text)
        if not more or yes_no_word(more.group(1), pats) is not None or len(more.group(1).split()) > 5 \
                or not text[more.end():].strip():
            break
        text = text[more.end():].strip()
    if not text:
        return None
    return Line(text, line.page, line.bbox, line.origin, line.ocr_confidence, line.block)
