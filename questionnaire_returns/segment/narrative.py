"""Where each question is answered in a narrative letter with no question numbers.

Sentences are told apart by what they speak of: the co-ordination mechanism
(part A), the action plan (B) or the rapporteur and reports (C), carried over
from the sentence before when a sentence names none. Within a part, a sentence
goes to the questions its topic cues point at (budget → Q5 / Q20, set up →
Q4 / Q19, members → Q3 ...). The segments are marked 'narrative' so the
confidence of what is read from them stays below that of a ticked box.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from rapidfuzz import fuzz, process

from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.language.patterns import Cue, labels_in, patterns_for, word_list
from questionnaire_returns.records import Line, Segment
from questionnaire_returns.segment.annex import ANNEX as _ANNEX
from questionnaire_returns.segment.wording import boilerplate, question_texts

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"«„(¿¡]?[A-ZА-ЯЁÀ-ÖØ-Þ0-9])")
_YEAR_ABBREVIATION = Cue(r"(?:19|20)\d\d\s*{year.abbreviation}$", flags=0)  # "2004 г.": a year, not a sentence's end


def _split_sentences(text: str) -> list[str]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start:m.start()].rstrip()
        word = before.rsplit(None, 1)[-1] if before.split() else ""
        if word.endswith(".") and (word[:-1].lower() in word_list("sentence.abbreviation") or len(word) == 2) \
                and not _YEAR_ABBREVIATION.search(before):
            continue
        out.append(text[start:m.start()])
        start = m.end()
    out.append(text[start:])
    return out


@lru_cache(maxsize=1)
def _routes() -> dict[str, tuple[list[str], dict[str, list[str]]]]:
    """Per part of the form: (the questions any of its sentences may answer, topic cue -> questions), from
    the schema's letter cues."""
    routes: dict[str, tuple[list[str], dict[str, list[str]]]] = {s: ([], {}) for s in CONTRACT.sections}
    for q in CONTRACT.questions.values():
        always, by_cue = routes[q.section]
        if q.letter_always:
            always.append(q.key)
        for cue in q.letter_cues:
            by_cue.setdefault(cue, []).append(q.key)
    return routes


def _part_of(cues: list[str], part: str | None) -> str | None:
    """The part a sentence naming these section cues speaks of: a later part's cue outweighs an earlier
    one's (a rapporteur outweighs a plan, a plan a co-ordination body); a weak cue (reports) moves the
    letter only from the parts its section names (a plan has its reports too)."""
    sections = list(reversed(CONTRACT.sections.values()))
    strong = next((s.key for s in sections if s.cue in cues), None)
    if strong is not None:
        return strong
    return next((s.key for s in sections if s.weak_cue in cues and (part is None or part in s.weak_from)), part)


def _is_form_wording(text: str, lang: str | None) -> bool:
    """A line of the questionnaire itself (a question, a section heading), not of the letter."""

    t = " ".join(text.lower().split())
    if len(t) < 12:
        return False
    if process.extractOne(t, list(boilerplate(lang)), scorer=fuzz.ratio, score_cutoff=88):
        return True
    variants = [v for vs in question_texts(lang).values() for v in vs]
    return process.extractOne(t, variants, scorer=fuzz.partial_ratio, score_cutoff=95) is not None and len(t) < 160


def _without_form_wording(lines: tuple[Line, ...], lang: str | None) -> tuple[Line, ...]:
    """The letter's own lines: annex headings and the questionnaire's wording left out, except
    where a sentence of the letter wraps onto words that happen to be an option's ("... of
    Different Stakeholders and" / "implementation Time line.")."""
    kept: list[Line] = []
    for line in lines:
        text = line.text.strip()
        wraps = bool(kept) and kept[-1].text.strip() != "" and text[:1].islower() \
            and not kept[-1].text.rstrip().endswith((".", "!", "?", ":", ";"))
        if not wraps and (_ANNEX.match(line.text) or _is_form_wording(line.text, lang)):
            continue
        kept.append(line)
    return tuple(kept)


def paragraphs(lines: tuple[Line, ...]) -> list[list[Line]]:
    """The text cut into paragraphs of sentences; each sentence carries the page and box of the line it starts on."""
    blocks: dict[tuple, list[Line]] = defaultdict(list)
    order: list[tuple] = []
    para = 0
    for line in lines:
        if not line.text.strip():
            para += 1  # a blank line ends a paragraph, as does a new block (cell, paragraph of a Word file)
            continue
        key = (line.block, para)
        if key not in blocks:
            order.append(key)
        blocks[key].append(line)
    out: list[list[Line]] = []
    for key in order:
        group = blocks[key]
        text = " ".join(l.text.strip() for l in group)
        starts, pos = [], 0
        for l in group:
            starts.append(pos)
            pos += len(l.text.strip()) + 1
        offset = 0
        sents = []
        for sent in _split_sentences(text):
            found = text.find(sent.strip(), offset)
            offset = found if found != -1 else offset
            src = group[max(i for i, s in enumerate(starts) if s <= offset)]
            if sent.strip():
                sents.append(Line(sent.strip(), src.page, src.bbox, src.origin, src.ocr_confidence, src.block))
            offset += len(sent.strip())
        out.append(sents)
    return out


def sentences(lines: tuple[Line, ...]) -> list[Line]:
    return [s for para in paragraphs(lines) for s in para]


def segment_narrative(lines: tuple[Line, ...], lang: str | None) -> list[Segment]:
    """Pseudo-segments per question built from the sentences that speak to it.

    A sentence with no topic of its own goes where the sentence before it in the same
    paragraph went ("The main results are the following. New legislation was adopted.").
    """

    pats = patterns_for(lang)
    routed: dict[str, list[Line]] = defaultdict(list)
    part = None
    lines = _without_form_wording(lines, lang)
    for para in paragraphs(lines):
        previous: list[str] = []
        for sent in para:
            hits = pats.hits(sent.text)
            if labels_in(hits, "letter"):
                continue  # "... presents its compliments", "in reply to your questionnaire": courtesy, not fact
            cues = labels_in(hits, "section")
            if cues:
                new_part = _part_of(cues, part)
                if new_part != part:
                    previous = []
                part = new_part
            if part is None:
                continue
            always, by_cue = _routes()[part]
            topics = [q for topic in labels_in(hits, "topic_q") for q in by_cue.get(topic, [])]
            targets = list(always) + (topics or [q for q in previous if q not in always])
            for q in dict.fromkeys(targets):
                routed[q].append(sent)
            previous = targets
    return [Segment(q, tuple(ls), "narrative", 0.75) for q, ls in routed.items()]
