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

from questionnaire_returns.records import Line, Segment

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"«„(]?[A-ZА-ЯÀ-ÖØ-Þ0-9])")
# Words after which a full stop does not end a sentence ("Decision No. 12", "Art. 5").
_ABBREVIATIONS = {
    "no", "nr", "nos", "art", "arts", "para", "paras", "e.g", "i.e", "approx", "dr", "mr", "mrs", "ms", "st", "vol",
    "ref", "cf", "p", "pp", "n°", "no°", "abs", "ziff", "s", "ст", "п", "г", "гг", "им", "см", "mme", "m", "sig",
    "dott", "av", "ch", "lit", "let", "incl", "resp", "sec", "fig", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
}


def _split_sentences(text: str) -> list[str]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start:m.start()].rstrip()
        word = before.rsplit(None, 1)[-1] if before.split() else ""
        if word.endswith(".") and (word[:-1].lower() in _ABBREVIATIONS or len(word) == 2):
            continue
        out.append(text[start:m.start()])
        start = m.end()
    out.append(text[start:])
    return out

# part -> topic cue -> questions; "any" lists the questions every sentence of the part may answer
_ROUTES = {
    "A": {"any": ["1", "2"], "composition": ["3"], "established": ["4"], "budget": ["5"], "function": ["6"],
          "achievement": ["7"], "challenge": ["8"]},
    "B": {"any": ["9"], "coverage": ["10"], "definition": ["11"], "comprehensive": ["12"], "review": ["13"],
          "achievement": ["14"], "challenge": ["15"]},
    "C": {"any": ["16", "17"], "established": ["18", "19"], "budget": ["20"], "frequency": ["21s"], "public": ["21s"],
          "coverage": ["21c"], "achievement": ["22"], "challenge": ["23"]},
}


def sentences(lines: tuple[Line, ...]) -> list[Line]:
    """The text cut into sentences, each carrying the page and box of the line it starts on."""
    out: list[Line] = []
    blocks: dict[tuple, list[Line]] = defaultdict(list)
    order: list[tuple] = []
    # Lines of one paragraph are joined; a blank-ish short line or a new block starts a paragraph.
    para = 0
    for line in lines:
        if not line.text.strip():
            para += 1
            continue
        key = (line.block, para)
        if key not in blocks:
            order.append(key)
        blocks[key].append(line)
    for key in order:
        group = blocks[key]
        text = " ".join(l.text.strip() for l in group)
        # map character offsets back to the line each sentence starts on
        starts, pos = [], 0
        for l in group:
            starts.append(pos)
            pos += len(l.text.strip()) + 1
        offset = 0
        for sent in _split_sentences(text):
            found = text.find(sent.strip(), offset)
            offset = found if found != -1 else offset
            idx = max(i for i, s in enumerate(starts) if s <= offset) if starts else 0
            src = group[idx]
            out.append(Line(sent.strip(), src.page, src.bbox, src.origin, src.ocr_confidence, src.block))
            offset += len(sent.strip())
    return [s for s in out if s.text]


def segment_narrative(lines: tuple[Line, ...], lang: str | None) -> list[Segment]:
    """Pseudo-segments per question built from the sentences that speak to it."""
    from extractors.patterns import labels_in, patterns_for

    pats = patterns_for(lang)
    routed: dict[str, list[Line]] = defaultdict(list)
    part = None
    for sent in sentences(lines):
        hits = pats.hits(sent.text)
        parts = labels_in(hits, "section")
        if parts:
            # the part named first in the sentence is what it speaks of
            part = parts[0]
            if "C" in parts and any(h.label == "section.C" and h.text.lower().startswith("rapporteur") for h in hits):
                part = "C"
        if part is None:
            continue
        routes = _ROUTES[part]
        targets = list(routes["any"])
        for topic in labels_in(hits, "topic_q"):
            targets += routes.get(topic, [])
        for q in dict.fromkeys(targets):
            routed[q].append(sent)
    return [Segment(q, tuple(ls), "narrative", 0.75) for q, ls in routed.items()]
