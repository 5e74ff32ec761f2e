"""What an e-mail quotes or forwards of earlier messages: the request it answers, a colleague's note.

An e-mail that carries the return as an attachment says little of its own ("Attached are our
answers"); below it, the OSCE's request or a ministry's forwarding note, quoted ("> ...") or
forwarded ("-----Original Message-----", "On 30 January, X wrote:"). Those are other people's
words: they answer nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from questionnaire_returns.language.patterns import Cue
from questionnaire_returns.records import Line

# "-----Ursprungligt meddelande-----", "---------- Forwarded message ---------": a rule of dashes around
# a few words, in any language; or the words themselves, as the pattern files give them
_SEPARATOR = Cue(r"^\s*(?:-{3,}\s*[^-\n]{3,60}?\s*-{3,}|_{10,})\s*$|^\W*{quoted.separator}\W*$")
_WROTE = Cue(r"{quoted.wrote}\s*:?\s*$")  # "On 30 January 2008, X wrote:", "Le ... a écrit :"


def is_quoted(line: Line) -> bool:
    """A line of an earlier message quoted in a reply: "> Dear colleagues ..."."""
    return line.text.lstrip().startswith(">")


def own_message(lines: tuple[Line, ...] | list[Line]) -> list[Line]:
    """The lines before the first earlier message the e-mail forwards or quotes (all of them when none)."""
    for i, line in enumerate(lines):
        if is_quoted(line) or _SEPARATOR.search(line.text) or _WROTE.search(line.text):
            return list(lines[:i])
    return list(lines)


INLINE_SWITCHES = 6  # quoted and own lines taking turns this often: answers written under each quoted question
_QUOTE_MARK = re.compile(r"^\s*(?:>\s?)+")


def answered_inline(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """A reply that answers under each question of the quoted request ("> 3. ... composition?" / "Sí"): the
    request's questions are the form's, so their quote marks go; any other text comes back as it was."""
    turns = sum(1 for a, b in zip(lines, lines[1:]) if is_quoted(a) != is_quoted(b))
    if turns < INLINE_SWITCHES:
        return lines
    return tuple(replace(l, text=_QUOTE_MARK.sub("", l.text)) if is_quoted(l) else l for l in lines)


def earlier_message(lines: tuple[Line, ...] | list[Line]) -> tuple[Line, ...]:
    """The earlier message an e-mail quotes or forwards below its own words, its quote marks taken off (none
    when it quotes nothing): a correction's reply, which the correction makes its own."""
    rest = lines[len(own_message(lines)):]
    return tuple(replace(l, text=_QUOTE_MARK.sub("", l.text)) if is_quoted(l) else l for l in rest)
