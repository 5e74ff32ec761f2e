"""What an e-mail quotes or forwards of earlier messages: the request it answers, a colleague's note.

An e-mail that carries the return as an attachment says little of its own ("Attached are our
answers"); below it, the OSCE's request or a ministry's forwarding note, quoted ("> ...") or
forwarded ("-----Original Message-----", "On 30 January, X wrote:"). Those are other people's
words: they answer nothing.
"""

from __future__ import annotations

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
