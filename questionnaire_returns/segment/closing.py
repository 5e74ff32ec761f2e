"""Where a letter ends: its closing formula ("Yours faithfully", "avails itself of this
opportunity"). What follows it (the signature, the list of annexes, an action plan or a
rapporteur's report appended to the same file) answers no question."""

from __future__ import annotations

from questionnaire_returns.language.patterns import patterns_for
from questionnaire_returns.records import Line


def _is_closing(text: str, lang: str | None) -> bool:
    return any(pats.has("letter.closing", text) for pats in {patterns_for(lang), patterns_for("en")})


def until_closing(lines: tuple[Line, ...] | list[Line], lang: str | None, start: int = 3) -> list[Line]:
    """The lines before the letter's closing formula (all of them when there is none).
    The first `start` lines are never taken for a closing: a letter opens with facts first."""
    for i, line in enumerate(lines):
        if i >= start and _is_closing(line.text, lang):
            return list(lines[:i])
    return list(lines)
