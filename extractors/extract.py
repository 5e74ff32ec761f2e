"""The extract stage: a document's segments → each field's value as each place gives it.

Every segment is read by the rules of its question (extractors/fields.py); an answer
that only points at another question ("See the answer to question 7") becomes a
Pointer, which the score stage follows once every field is settled. Names of
ministries are looked up through the `names` finder the pipeline hands in (the
resolver), so this stage never imports the one after it.
"""

from __future__ import annotations

from typing import Protocol, Sequence

from extractors import fields as rules
from extractors.submission import submitted_on
from questionnaire_returns.language.patterns import patterns_for
from questionnaire_returns.records import Document, Found, Pointer, Read, Segment


class NameFinder(Protocol):
    """What extraction asks of the resolver: the ministries named in a text, with their spans."""

    def find_ministries(self, text: str) -> Sequence: ...


def extract_fields(segs: list[Segment], lang: str | None, names: NameFinder) -> tuple[list[Found], list[Pointer]]:
    """Every field each segment answers, and the answers that point at another question."""
    found: list[Found] = []
    lead_views = []
    pointers: list[Pointer] = []
    pats = patterns_for(lang)
    for seg in segs:
        target = rules.crossref_target(seg, pats) if seg.how != "narrative" else None
        if target:
            pointers.append(Pointer(seg.question, target, seg.lines[0]))
            continue
        view = rules.View(seg, lang)
        if seg.question in rules.RULES:
            produced = rules.RULES[seg.question](view)
        elif seg.question in rules.NEEDS_RESOLVER:
            produced = rules.NEEDS_RESOLVER[seg.question](view, names)
        else:
            produced = iter(())
        for field, read in produced:
            fallback = field.endswith(rules.FALLBACK)
            found.append(Found(field[: -len(rules.FALLBACK)] if fallback else field, read, seg.how, seg.score, fallback))
        if seg.question in ("2", "3", "4"):
            lead_views.append((seg, view))
    for seg, view in lead_views:
        lead = rules.lead_ministry(list(seg.lines), view, names)
        if lead:
            found.append(Found("ncm_lead_ministry", lead, seg.how, seg.score))
            break
    return found, pointers


def extract_date(doc: Document, lang: str | None) -> Read | None:
    """The return's own date (submitted_on), where it gives one."""
    return submitted_on(doc, lang)
