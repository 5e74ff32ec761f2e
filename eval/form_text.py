"""Form text read as an answer: text values that are mostly the questionnaire's own wording.

A return retypes the form: its questions with their examples and instructions ("Please cite
specific instances"), its options, section headings and notes, in English or in the return's
language. A text value made mostly of that wording is no answer. `form_share` measures the
share of a value's letters that such wording covers (rapidfuzz alignment, so spelling and
punctuation variants still count); a value above FORM_SHARE is form text.

`form_wording` is the one place that knows where the questionnaire's wording lives.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, utils

FORM_SHARE = 0.5  # "mostly": more than this share of the value's letters is form wording
MATCH = 90  # rapidfuzz partial_ratio a piece of wording needs to count as present
_SENTENCE = re.compile(r"(?<=[.?!:;])\s+|\s*[()]\s*")


@lru_cache(maxsize=None)
def form_wording(lang: str) -> tuple[str, ...]:
    """The questionnaire's wording in English and in `lang`: every question's text (with its
    examples and instructions), its options, and the form's title, headings and notes.

    Read from the contract (English) and the language's pattern file; when those move, this
    function is the one to repoint."""
    from questionnaire_returns.language.patterns import patterns_for
    from questionnaire_returns.contract import CONTRACT

    texts: list[str] = list(CONTRACT.boilerplate)
    for question in CONTRACT.questions.values():
        texts += [question.text, *question.options.values()]
    for code in dict.fromkeys(["en", lang]):
        data = patterns_for(code).data
        if data.lang != code:  # no pattern file for this language: English stands in
            continue
        texts += [*data.boilerplate, *data.questions.values()]
        texts += [label for options in data.options.values() for label in options.values()]
    return tuple(dict.fromkeys(t for t in texts if t.strip()))


def _norm(text: str) -> str:
    return " ".join(utils.default_process(text).split())


@lru_cache(maxsize=None)
def _pieces(lang: str) -> tuple[str, ...]:
    """The wording, whole and cut into its sentences and parenthesised parts, normalised."""
    out: dict[str, None] = {}
    for text in form_wording(lang):
        for part in [text, *_SENTENCE.split(text)]:
            norm = _norm(part or "")
            if len(norm) >= 2:
                out[norm] = None
    return tuple(sorted(out, key=len, reverse=True))


def _snap(text: str, start: int, end: int, slack: int = 2) -> tuple[int, int] | None:
    """The window widened to whole words when a word boundary is at most `slack` characters
    away on each side (an inflected ending, a dropped letter); None when it cuts into a word."""
    while start > 0 and text[start - 1] != " " and slack >= 0:
        start, slack = start - 1, slack - 1
    right = 2
    while end < len(text) and text[end] != " " and right >= 0:
        end, right = end + 1, right - 1
    if slack < 0 or right < 0:
        return None
    return start, end


def covered_by_wording(value: str, lang: str) -> list[str]:
    """The pieces of wording found in `value` (for reports: why a value counts as form text)."""
    return [piece for piece, _ in _alignments(_norm(value), lang)]


def _alignments(text: str, lang: str):
    """(piece, (start, end) in text) for every piece of wording found in the normalised text.

    A piece of one or two words counts only as the whole value ("Other", "Yes"); a longer one
    wherever it stands in the value, or the value wherever it stands in it, on word boundaries."""
    for piece in _pieces(lang):
        if piece.count(" ") < 2:
            if fuzz.ratio(piece, text) >= MATCH:
                yield piece, (0, len(text))
            continue
        found = fuzz.partial_ratio_alignment(piece, text, score_cutoff=MATCH)
        if found is None:
            continue
        if len(piece) <= len(text):
            window = _snap(text, found.dest_start, found.dest_end)
            if window is not None:
                yield piece, window
        elif text.count(" ") >= 1 and _snap(piece, found.src_start, found.src_end) is not None:
            yield piece, (0, len(text))


def form_share(value: str, lang: str) -> float:
    """The share of `value`'s letters (spaces aside) covered by the questionnaire's wording (0-1)."""
    text = _norm(value)
    covered = bytearray(len(text))
    for _, (start, end) in _alignments(text, lang):
        covered[start:end] = b"\1" * (end - start)
        if all(covered):
            break
    letters = [k for c, k in zip(text, covered) if c != " "]
    return sum(letters) / len(letters) if letters else 0.0


def is_form_text(value: str, lang: str) -> bool:
    """Whether a text value is mostly the questionnaire's own wording."""
    return form_share(value, lang) > FORM_SHARE


def form_text_found(values, examples: int = 20) -> dict:
    """Among text values (a frame with columns file, field, value, status, language), those that
    are mostly the questionnaire's wording: how many, how many of them `auto`, and examples."""
    hits = [r for r in values.itertuples() if is_form_text(str(r.value), str(r.language))]
    return {
        "count": len(hits),
        "auto": sum(r.status == "auto" for r in hits),
        "examples": [{"file": r.file, "field": r.field, "status": r.status, "value": str(r.value)[:200],
                      "wording": covered_by_wording(str(r.value), str(r.language))[:3]} for r in hits[:examples]],
    }
