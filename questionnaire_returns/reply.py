"""Whether a document reads as a reply to the questionnaire: only a reply can be a country's return.

A reply does one of three things:
- answers the form's numbered questions: most of its numbered headings are the form's own,
  either the question retyped or a numbering word ("Question 5") the segment stage is sure
  of, or a question in words it could not match (it asks: "5. ¿Dispone de un presupuesto?",
  the form in another language than the answers), or a bare number ("5.", "5)") with the
  answer below it, and at least FORM_HEADINGS of them;
- answers the form's way: FORM_ANSWERS answers under the form's numbers are a ticked box or
  open with Yes / No or an option's words;
- is a letter whose sentences answer at least LETTER_PARTS of the questionnaire's parts
  (co-ordination, action plan, reporting);
- numbers its answers by the form's questions without their wording ("1. A council ...",
  "2. ..."): FORM_RUN of the form's numbers, in order, answering as many parts.
Anything else is an attachment and never supersedes a reply, however much it seems to say:
an annexed plan or report numbers its chapters too, but their headings are titles
("1. Prevention", "7. Identifizierung der Opfer") and what is read under them are patterns
in prose; a law or a plan read sentence by sentence speaks of one part; a cover note, lecture
notes or a court record answer nothing.

Decided from what a DocResult carries: where the segment stage found the questions
(`segments`: the question, how it was found, its score, the heading line) and the answers
read (their rule says how and where each was read: 'tick.glyph.numbered',
'word.leading.question_text', 'pattern.narrative'). A DocResult made without the segment
stage (a stand-in processor in the plumbing's tests) carries no segments: there, answering a
question is all there is to go by (the real extract stage reads only from segments).
"""

from __future__ import annotations

import re

from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.records import SUBMISSION_ONLY
from questionnaire_returns.segment.questions import FORM_RUN, answers_not_titles, ascending_run, last_number

SURE = 1.0  # a segment's score when its heading echoes the question or says "Question 5"
FORM_HEADINGS = 3  # the form's own headings (sure or bare) that make a numbered document a reply ...
FORM_SHARE = 0.5  # ... when they are at least this share of its numbered headings
FORM_ANSWERS = 3  # answers read the form's way that make it a reply on their own
FORM_READS = ("tick.", "word.leading")  # how the form's way of answering is read
LETTER_PARTS = 2  # parts of the questionnaire (its sections) a letter's sentences must answer

# a heading that is its number only: "5.", "5)", "A.5", "Q 5 :" (the answer follows below)
_BARE = re.compile(r"[\W_]*(?:[^\W\d_]{1,2}[\W_]*)?\d+[\W_]*")


def verdict(doc) -> tuple[bool, str]:
    """(reply or not, why): why a reply is one, or why a document is none (the ledger's reason)."""
    answered = [a for a in doc.answers if a.field not in SUBMISSION_ONLY]
    if not doc.segments:
        if answered:  # made without the segment stage: answering is all there is to go by
            return True, f"answers {len(answered)} fields"
        return False, "no reply to the questionnaire: answers no question"
    numbered = [s for s in doc.segments if s[1] != "narrative"]
    if numbered:
        own = [s for s in numbered if s[1] == "question_text" or s[2] >= SURE or _bare(s) or _asks(s)]
        form = [a for a in answered if a.rule.startswith(FORM_READS) and not a.rule.endswith(".narrative")]
        if len(own) >= FORM_HEADINGS and len(own) >= FORM_SHARE * len(numbered):
            return True, f"{len(own)} of its {len(numbered)} numbered headings are the form's"
        if len(form) >= FORM_ANSWERS:
            return True, f"{len(form)} answers in the form's way"
        run = _in_order(numbered)
        parts = {s for s in (_section(a.field) for a in answered) if s is not None}
        titles = [re.sub(r"^\W*\d+[.)]?\s*", "", s[3]) for s in numbered if len(s) > 3]
        if run >= FORM_RUN * last_number() and len(parts) >= LETTER_PARTS and answers_not_titles(titles):
            return True, f"answers {run} of the form's questions by their numbers, in order, in parts {', '.join(sorted(parts))}"
        return False, (f"no reply to the questionnaire: {len(own)} of its {len(numbered)} numbered "
                       f"headings are the form's, {len(form)} answers in the form's way")
    parts = {s for s in (_section(a.field) for a in answered if a.rule.endswith(".narrative")) if s is not None}
    if len(parts) >= LETTER_PARTS:
        return True, f"a letter answering parts {', '.join(sorted(parts))}"
    return False, f"no reply to the questionnaire: a letter answering {len(parts)} of its parts"


def is_reply(doc) -> bool:
    """True when the document reads as a reply to the questionnaire (see the module's docstring)."""
    return verdict(doc)[0]


def why_not(doc) -> str:
    """Why the document is no reply ('' for a reply)."""
    ok, why = verdict(doc)
    return "" if ok else why


def _in_order(segments: list) -> int:
    """How many of the form's numbers the numbered segments give in ascending order."""
    return ascending_run([int(q.number) if (q := CONTRACT.questions.get(s[0])) is not None else 0 for s in segments])


def _bare(segment: tuple) -> bool:
    heading = segment[3] if len(segment) > 3 else ""
    return bool(_BARE.fullmatch(heading.strip()))


def _asks(segment: tuple) -> bool:
    """The heading is a question: a chapter's title never asks."""
    return "?" in (segment[3] if len(segment) > 3 else "")


def _section(field: str) -> str | None:
    """The questionnaire's part a field belongs to (the schema's section: A, B, C)."""
    return CONTRACT.field(field).section if field in CONTRACT.fields else None
