"""Questions answered together ("Questions 2-4:", "Q5/Q20:"): which sentence answers which.

A grouped answer is prose that speaks to several questions at once. Each sentence goes
to the questions of the group its topic cues point at (the schema's letter cues: members
→ Q3, set up → Q4, achievements → Q14, obstacles → Q15); a sentence naming none goes
where the sentence before it went, and the opening ones to the group's first question. A
question a letter reads from every sentence of its part (the mechanism's nature, the
plan's existence) reads every sentence of the group. A group whose sentences point at no
question's topic (a bare "n/a") answers each of them alike.
"""

from __future__ import annotations

import re

from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.language.patterns import labels_in, patterns_for
from questionnaire_returns.records import CHECKED, UNCHECKED, Line
from questionnaire_returns.segment.marks import marked
from questionnaire_returns.segment.narrative import sentences


_LABEL = re.compile(r"^[^\W\d][^:;.?!]{0,60}:\s+(?=\S)")  # "Achievements of the plan: ...", a few words before a colon


def route_group(body: list[Line], group: tuple[str, ...], lang: str | None) -> dict[str, list[Line]]:
    """The group's lines for each of its questions (a question no sentence speaks to gets none)."""
    boxed = any(CHECKED in marked(l.text, l.origin) or UNCHECKED in marked(l.text, l.origin) for l in body)
    if boxed or not body:
        return {q: list(body) for q in group}  # boxes are read by their options' wording, whichever question has them
    pats = patterns_for(lang)
    cued = {q: set(CONTRACT.questions[q].letter_cues) for q in group}
    every = [q for q in group if CONTRACT.questions[q].letter_always]
    sents = sentences(tuple(Line(l.text, l.page, l.bbox, l.origin, l.ocr_confidence, 0) for l in body))
    routed: dict[str, list[Line]] = {q: [] for q in group}
    previous: list[str] = []
    pointed = False
    for sent in sents:
        topics = set(labels_in(pats.hits(sent.text), "topic_q"))
        targets = [q for q in group if cued[q] & topics]
        pointed |= bool(targets)
        targets = targets or previous or [group[0]]
        label = _LABEL.match(sent.text)
        if label and (targets or previous) and sent.text[label.end():].strip():
            # "Obstacles: Political attention decreased": the label said where the sentence goes; the answer follows it
            sent = Line(sent.text[label.end():].strip(), sent.page, sent.bbox, sent.origin, sent.ocr_confidence, sent.block)
        for q in dict.fromkeys(targets + every):
            routed[q].append(sent)
        previous = targets
    if not pointed:
        return {q: list(body) for q in group}
    return routed
