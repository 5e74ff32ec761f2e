"""The extract stage: a document's segments → each field's value as each place gives it.

Every segment is read by the fields of its question, as the schema says (extractors/interpret.py); an answer
that only points at another question ("See the answer to question 7") becomes a
Pointer, which the score stage follows once every field is settled. Names of
ministries are looked up through the `names` finder the pipeline hands in (the
resolver), so this stage never imports the one after it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol, Sequence

from extractors.interpret import check_readers, crossref_target, read_across, read_segment, sentence_crossref_target
from extractors.readers import FALLBACK
from extractors.submission import submitted_on
from extractors.view import View
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.language.patterns import patterns_for
from questionnaire_returns.records import Document, Found, Pointer, Read, Segment


class NameFinder(Protocol):
    """What extraction asks of the resolver: the ministries named in a text, with their spans."""

    def find_ministries(self, text: str) -> Sequence: ...


def extract_fields(segs: list[Segment], lang: str | None, names: NameFinder) -> tuple[list[Found], list[Pointer]]:
    """Every field each segment answers, and the answers that point at another question."""
    _schema_readers_checked()
    found: list[Found] = []
    views: list[View] = []
    pointers: list[Pointer] = []
    pats = patterns_for(lang)
    corrected: set[str] = set()  # the fields a correction's own words give
    correcting: set[int] = set()  # which of `found` they are
    for seg in segs:
        before = len(found)
        target = crossref_target(seg, pats) if seg.how != "narrative" else sentence_crossref_target(seg, pats)
        if target:
            pointers.append(Pointer(seg.question, target, seg.lines[0]))
            continue
        view = View(seg, lang)
        views.append(view)
        for field, read in read_segment(view, names):
            fallback = field.endswith(FALLBACK)
            found.append(Found(field[: -len(FALLBACK)] if fallback else field, read, seg.how, seg.score, fallback))
        if seg.corrects:
            corrected.update(f.field for f in found[before:])
            correcting.update(range(before, len(found)))
    for field, read, view in read_across(views, names):
        found.append(Found(field, read, view.seg.how, view.seg.score))
    # a correction's values replace those of the reply it corrects
    found = [f for i, f in enumerate(found) if f.field not in corrected or i in correcting]
    return found, pointers


@lru_cache(maxsize=1)
def _schema_readers_checked() -> None:
    check_readers(CONTRACT)  # type: ignore[arg-type]


def extract_date(doc: Document, lang: str | None) -> Read | None:
    """The return's own date (submitted_on), where it gives one."""
    return submitted_on(doc, lang)
