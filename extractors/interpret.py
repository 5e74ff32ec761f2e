"""The extractor as an interpreter of the schema: each segment read by its question's fields.

For the question a segment answers, every field the schema gives it is read in the
schema's order by the reader its `read` names (extractors/readers.py) or by the rule
registered for it (extractors/rules.py); what one field read, the next may use (a
budget's description is read only after a yes). A field whose rule reads several
questions (the lead ministry) is read once per document. A short answer that only
points at another question is a pointer, not an answer; so is a letter's sentence that
refers the reader to another question's answer ("see our answer to question 7").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterator

from extractors.readers import READERS, Context
from extractors.rules import DOCUMENT_RULES, RULES
from extractors.view import View, fold
from questionnaire_returns.contract import CONTRACT, Contract, SchemaError
from questionnaire_returns.language.patterns import LanguagePatterns, phrase_list, word_list
from questionnaire_returns.records import Read, Segment


def check_readers(contract: Contract) -> None:
    """Every field the schema reads has its reader or rule here (a schema naming a rule that no code
    registers fails naming the file and the field)."""
    for spec in contract.fields.values():
        r = spec.read
        if r is None or r.reader == "by":
            continue
        if r.questions and spec.id not in DOCUMENT_RULES:
            raise SchemaError(f"{contract.source}: field {spec.id} reads questions {', '.join(r.questions)}, "
                              f"and extractors/rules.py has no rule reading several questions for it")
        if r.reader == "rule" and not r.questions and spec.id not in RULES:
            raise SchemaError(f"{contract.source}: field {spec.id} asks for a rule of its own, and extractors/rules.py has none")
        if r.reader != "rule" and r.reader not in READERS:
            raise SchemaError(f"{contract.source}: field {spec.id} names reader {r.reader!r}, which extractors/readers.py lacks")


def read_segment(view: View, names) -> Iterator[tuple[str, Read]]:
    """(field id, Read) for every field of the segment's question the answer gives."""
    ctx = Context(names)
    for spec in CONTRACT.fields_of(view.seg.question):
        r = spec.read
        if r is None or r.reader == "by" or r.questions:
            continue
        fn = RULES[spec.id] if r.reader == "rule" else READERS[r.reader]
        for field, read in fn(view, spec, ctx):
            ctx.found.setdefault(field, read)
            yield field, read


def read_across(views: list[View], names) -> Iterator[tuple[str, Read, View]]:
    """Fields whose rule reads several questions: (field id, Read, the view it was read in)."""
    for spec in CONTRACT.fields.values():
        r = spec.read
        if r is None or not r.questions:
            continue
        wanted = [v for v in views if v.seg.question in r.questions]
        got = DOCUMENT_RULES[spec.id](wanted, spec, names)
        if got:
            view = next(v for v in wanted if got.line in v.seg.lines)
            yield spec.id, got, view


_REF_NUMBER = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")


@lru_cache(maxsize=1)
def _crossref_cues() -> tuple[str, ...]:
    """Every language's words that point at another question, longest first (a return may answer in one
    language and point in another: "Véase el apartado 15" under English questions)."""
    return tuple(sorted(phrase_list("crossref.cue"), key=len, reverse=True))


_REF_REACH = 45  # characters after the cue where the number may stand: "Siehe unsere Antwort zu Frage 15"


def crossref_target(seg: Segment, pats: LanguagePatterns) -> str | None:
    """The number of the question a short answer points at ('Cf. question 8.', 'See Q7 above'), or None."""
    text = fold(" ".join(l.text for l in seg.lines)).lower()
    if not text or len(text) > 120:
        return None
    return _pointed_at(text, lambda rest: _REF_NUMBER.search(rest[:_REF_REACH]))


def _pointed_at(text: str, number_after: Callable[[str], re.Match[str] | None], own: str | None = None) -> str | None:
    """The question a pointing cue in `text` (folded, lower case) points at: `number_after` finds its number in
    what follows the cue; a number the form does not print, or the segment's own (`own`), points nowhere."""
    numbers = {q.number for q in CONTRACT.questions.values()}
    for cue in _crossref_cues():
        at = text.find(cue.lower())
        if at == -1 or (at and text[at - 1].isalnum()):
            continue
        m = number_after(text[at + len(cue):])
        if m and str(int(m.group(1))) in numbers and str(int(m.group(1))) != own:
            return str(int(m.group(1)))
    return None


_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")


@lru_cache(maxsize=1)
def _question_named() -> re.Pattern[str]:
    """A question's number as a letter names it, in any configured language: 'question 7', 'Frage 7',
    'вопрос № 7', '(question 7)' (the pattern files' words crossref.question)."""
    words = sorted({fold(w).lower() for w in word_list("crossref.question")}, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)\s*(?:№|n°|nº|no\.?)?\s*(\d{{1,2}})(?!\d)")


def sentence_crossref_target(seg: Segment, pats: LanguagePatterns) -> str | None:
    """In a letter: the question whose answer the segment's first sentence refers the reader to ('For the
    plan's results, see our answer to question 7'), or None. Unlike a short answer's pointer the number must
    be named as a question's, after the pointing words and within their sentence: 'see Article 12' is no
    pointer."""
    if not seg.lines:
        return None
    own = CONTRACT.questions[seg.question].number if seg.question in CONTRACT.questions else None

    def named_in_its_sentence(rest: str) -> re.Match[str] | None:
        end = _SENTENCE_END.search(rest)
        return _question_named().search(rest[: end.start() if end else len(rest)])

    return _pointed_at(fold(seg.lines[0].text).lower(), named_in_its_sentence, own)
