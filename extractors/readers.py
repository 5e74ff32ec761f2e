"""The value-type readers the schema names: how a yes/no, a choice, a list, a year or a text is read.

A field whose `read` names one of these is read by it with the parameters the schema
gives (schema/questionnaire.yaml's header explains each); nothing here knows a field
by its id. A reader yields (field id, Read) pairs: usually its own field, and the field
its `later` or `since` names where the answer gives that too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from dataclasses import replace
from typing import Any, Callable, Iterator

from extractors.answer_text import LEADING_LETTER, LEADING_YES_NO, after_question, answer_text
from extractors.options import choice, multi, yes_no
from extractors.values import LABEL_WORDS, exists_from_mentions, first_year
from extractors.view import View
from questionnaire_returns.contract import CONTRACT, FieldSpec, ReadSpec
from questionnaire_returns.language.patterns import Cue, labels_in, yes_no_word
from questionnaire_returns.records import Line, Read
from questionnaire_returns.segment.marks import has_boxes
from questionnaire_returns.segment.narrative import outermost, sentences

FALLBACK = "~fallback"  # suffix of a field a reader gives only for where no other place gives it


@dataclass
class Context:
    """What one segment's readers share: the values read so far, the name finder, a rule's own notes."""

    names: object  # the resolver's find_ministries, handed down by the pipeline
    found: dict[str, Read] = field(default_factory=dict)
    notes: dict[str, Any] = field(default_factory=dict)  # a rule's own facts for the next ("kinds": the mechanism's kinds)


Yields = Iterator[tuple[str, Read]]
ReaderFn = Callable[[View, FieldSpec, Context], Yields]
READERS: dict[str, ReaderFn] = {}


def reader(name: str) -> Callable[[ReaderFn], ReaderFn]:
    def register(fn: ReaderFn) -> ReaderFn:
        READERS[name] = fn
        return fn

    return register


def read_spec(spec: FieldSpec) -> ReadSpec:
    assert spec.read is not None, f"{spec.id} has no read spec"
    return spec.read


def part_lines(v: View, r: ReadSpec) -> list[Line] | None:
    """The lines of the first of the spec's parts the answer has; None when it has none of them."""
    return next((v.part(p) for p in r.parts if v.part(p)), None)


def lines_of(v: View, r: ReadSpec) -> list[Line]:
    """What a field reads: its part, else (`else_cue`) the lines naming the cue, else every line
    but those of the parts it leaves out."""
    got = part_lines(v, r)
    if got is not None:
        return got
    if r.else_cue:
        group, _, value = r.else_cue.partition(".")
        return [l for l in v.lines if value in labels_in(v.pats.hits(l.text), group)]
    if r.without_parts:
        left_out = [l for p in r.without_parts for l in v.part(p)]
        return [l for l in v.lines if l not in left_out]
    return v.lines


def letters(spec: FieldSpec) -> dict[str, str]:
    return CONTRACT.letters_for(spec.id)


@reader("yesno")
def read_yesno(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    got = yes_no(v, lines_of(v, read_spec(spec)), letters(spec) or None)
    if got:
        yield spec.id, got


_SINCE = Cue(r"\b{since.cue}\s+(?:\w+\s+)?((?:19|20)\d\d)\b")


@reader("exists")
def read_exists(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    """Whether the thing exists: the answer's own yes/no, or in a letter whether its sentences name the
    thing (`mentions`, else `else_mentions`) without denying it; "Yes, since 2004" gives the `since` year."""
    r = read_spec(spec)
    if v.seg.how == "narrative":
        got = exists_from_mentions(v.lines, v.pats, r.mentions)
        if got is None and r.else_mentions:
            got = exists_from_mentions(v.lines, v.pats, r.else_mentions)
    else:
        got = yes_no(v, v.lines, letters(spec) or None)
    if not got:
        return
    yield spec.id, got
    if r.since and got.value == "yes":
        m = _SINCE.search(got.line.text)
        if m:
            yield r.since + FALLBACK, Read(m.group(1), got.line, "pattern")


@reader("choice")
def read_choice(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    r = read_spec(spec)
    lines = lines_of(v, r) if (r.parts or r.without_parts or r.after_question) else None
    if r.after_question and lines is not None:
        # a sub-question retyped before its answer names every value: only what follows its question mark answers it
        lines = [l for l in (after_question(l, v.pats.lang) for l in lines) if l is not None]
        if not lines:
            return
    got = choice(v, letters(spec), r.words, lines)
    if got:
        yield spec.id, got


@reader("multi")
def read_multi(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    r = read_spec(spec)
    got = multi(v, letters(spec), r.words, lines_of(v, r) if (r.parts or r.without_parts) else None)
    if got:
        yield spec.id, got


@reader("year")
def read_year(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    """The first year given; the later ones (revised, revitalised) to `later`. No year where a field
    `unless` names holds its value and none of the others their opposite (no plan, and no equivalent response
    said to exist), or (`not_pending`) where the year dates what is still to come."""
    r = read_spec(spec)
    year = first_year(v.lines)
    if year is None:
        return
    said = {f: ctx.found[f].value for f, _ in r.unless if ctx.found.get(f) is not None}
    if any(said.get(f) == value for f, value in r.unless) and all(said.get(f, value) == value for f, value in r.unless):
        return
    if r.not_pending and "pending" in labels_in(v.pats.hits(year.line.text), "yesno"):
        return  # "not yet, foreseen for 2008" gives no year of its own
    if not r.later:
        yield spec.id, Read(year.value, year.line, year.how)
        return
    yield spec.id, year
    if year.extra:
        # sure when the same sentence says the body was set up again ("Created in 2000 and revitalised
        # in 2004"); a later year elsewhere may date something else (a report, an evaluation)
        same = all(y in year.line.text for y in year.extra) and _RENEWED.search(year.line.text)
        yield r.later, Read(";".join(year.extra), year.line, "pattern" if same else "pattern.weak")


_RENEWED = Cue("{renewed.cue}")


@reader("text")
def read_text(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    """The respondent's own words, cleaned of the form's."""
    got = answer_text(v, prose=True)
    if got:
        yield spec.id, got


@reader("detail")
def read_detail(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    """What a yes says more ("Yes. It covers the secretariat and campaigns"): read only after a yes to `of`."""
    r = read_spec(spec)
    said = ctx.found.get(r.of or "")
    if said is None or said.value != "yes":
        return
    lines = ([l for l in v.lines if not has_boxes([l])] or v.lines) if r.unboxed else (part_lines(v, r) or v.lines)
    # "Budget: JA" / "Falls ja, wofür?: Geschäftsstelle ...": the labelled yes is the field's, the detail follows its question
    told = [l for l in lines if not _labelled_yes_no(l.text, v)]
    if told and len(told) < len(lines):
        lines = [a for a in (after_question(l, v.pats.lang or "en") for l in told) if a is not None] or told
    got = answer_text(v, lines, prose=True)
    if got and r.strip_yes_no:
        unlettered = LEADING_LETTER.sub("", got.value)
        if LEADING_YES_NO.match(unlettered):
            # "Yes. If yes, what does it cover? ✓ (b) No" / "Campaigns ...": the form's unticked "No" is no part of it
            got = replace(got, value=LEADING_YES_NO.sub("", unlettered).strip())
    if got and len(got.value.split()) >= r.min_words:
        yield spec.id, got


def _labelled_yes_no(text: str, v: View) -> bool:
    """'Budget: JA', 'Bilancio: no': a short label and a bare yes or no after its colon."""
    head, colon, tail = text.partition(":")
    return bool(colon) and len(head.split()) <= LABEL_WORDS and len(tail.split()) <= 2 \
        and yes_no_word(tail.strip(), v.pats) is not None


@reader("topics")
def read_topics(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    """The topics of the text `of` holds, sentence by sentence: a sentence naming something that fits no
    topic ('the language barrier') counts as other. Sure only where every sentence names one topic: a
    sentence naming two ("low political priority and too little funding": support or priorities?) or
    a topic told by no word at all (other) is for a reviewer to confirm."""
    r = read_spec(spec)
    said = ctx.found.get(r.of or "")
    if said is None:
        return
    allowed = set(spec.values or ()) - {"other"}
    topics: set[str] = set()
    unsure = False
    # the answer's own words only: the instruction retyped before it ("Please cite examples (budget and resources,
    # lack of internal agreement, ...)") names every topic and answers none
    said_line = said.line
    for sent in sentences((Line(said.value, said_line.page, said_line.bbox, said_line.origin, said_line.ocr_confidence, 0),)):
        hits = v.pats.hits(sent.text)
        # a topic's word inside another's longer words is none ("priority" in "low political priority")
        named = set(labels_in(outermost(hits, (r.words or "",)), r.words or ""))
        found = named & allowed
        if found:
            topics |= found
            unsure = unsure or len(named) > 1  # two topics, even one the field has no value for (support in 8)
        elif len(sent.text.split()) >= 4 and not labels_in(hits, "topic_q") and not labels_in(hits, "blank"):
            topics.add("other")  # a challenge of its own kind, not an introduction ("faces several difficulties")
            unsure = True
    if topics:
        yield spec.id, Read(";".join(sorted(topics)), said.line, "pattern.weak" if unsure else "pattern")
