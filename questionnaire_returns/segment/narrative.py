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
from collections.abc import Collection
from functools import lru_cache

from rapidfuzz import fuzz, process

from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.language.patterns import Cue, Hit, labels_in, patterns_for, word_list
from questionnaire_returns.records import Line, Segment
from questionnaire_returns.segment.annex import ANNEX as _ANNEX
from questionnaire_returns.segment.quoted import is_quoted
from questionnaire_returns.segment.wording import boilerplate, question_texts

# a sentence ends at its stop, or after the quotation or bracket its stop closes ("... d'exploitation.» Les éléments")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?;])|(?<=[.!?;][»\"”’)]))\s+(?=[\"«„“(¿¡]?[A-ZА-ЯЁÀ-ÖØ-Þ0-9])")
_YEAR_ABBREVIATION = Cue(r"(?:19|20)\d\d\s*{year.abbreviation}$", flags=0)  # "2004 г.": a year, not a sentence's end


def _split_sentences(text: str) -> list[str]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start:m.start()].rstrip()
        word = before.rsplit(None, 1)[-1] if before.split() else ""
        if word.endswith(".") and (word[:-1].lower() in word_list("sentence.abbreviation") or (len(word) == 2 and word[0].isalpha())) \
                and not _YEAR_ABBREVIATION.search(before):
            continue
        out.append(text[start:m.start()])
        start = m.end()
    out.append(text[start:])
    return [piece for sent in out for piece in _after_quotation(sent)]


# a long quotation closed without a stop, and a new sentence after it: 'defines trafficking as "the
# recruitment ... for the purpose of exploitation" The plan has brought ...'
_QUOTATION_END = re.compile(r"[«“„\"][^«»“”„\"]{40,}[»”“\"](?=\s+[A-ZА-ЯЁÀ-ÖØ-Þ])")


def _after_quotation(sent: str) -> list[str]:
    out, start = [], 0
    for m in _QUOTATION_END.finditer(sent):
        out.append(sent[start:m.end()])
        start = m.end()
    out.append(sent[start:])
    return [p for p in out if p.strip()] or [sent]


@lru_cache(maxsize=1)
def _routes() -> dict[str, tuple[list[str], dict[str, list[str]]]]:
    """Per part of the form: (the questions any of its sentences may answer, topic cue -> questions), from
    the schema's letter cues; a question a letter reaches `anywhere` is reached from every part."""
    routes: dict[str, tuple[list[str], dict[str, list[str]]]] = {s: ([], {}) for s in CONTRACT.sections}
    anywhere: dict[str, list[str]] = {}
    for q in CONTRACT.questions.values():
        always, by_cue = routes[q.section]
        if q.letter_always:
            always.append(q.key)
        for cue in q.letter_cues:
            by_cue.setdefault(cue, []).append(q.key)
            if q.letter_anywhere:
                anywhere.setdefault(cue, []).append(q.key)
    for _, by_cue in routes.values():
        for cue, keys in anywhere.items():
            by_cue.setdefault(cue, keys)  # a part's own question for the cue first
    return routes


def _part_of(cues: list[str], part: str | None, leading: Collection[str] = ()) -> str | None:
    """The part a sentence naming these section cues speaks of: a later part's cue outweighs an earlier
    one's (a rapporteur outweighs a plan, a plan a co-ordination body); a weak cue (reports) moves the
    letter only from the parts its section names (a plan has its reports too), or where a paragraph
    opens on it (`leading`: "The reports are drawn up by the Ombudsman.")."""
    sections = list(reversed(CONTRACT.sections.values()))
    strong = next((s.key for s in sections if s.cue in cues), None)
    if strong is not None:
        return strong
    return next((s.key for s in sections if s.weak_cue in cues
                 and (part is None or part in s.weak_from or s.weak_cue in leading)), part)


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


_OPEN_END = re.compile(r"[.!?:;»\"”)]\s*$")
_WRAPPED = 0.85  # a line reaching this share of the text's right edge was wrapped, not ended


def _goes_on(before: Line, line: Line, right: dict) -> bool:
    """Whether a new block only goes on with the sentence the block before left open: a PDF reader
    cuts a paragraph where its lines' spacing or a page changes ("... enthält unsere" / "Gesetzgebung
    nicht."). The sentence is left open (no stop) and the line before it ran to the right margin, or
    the next one opens in lower case; a list item or a short heading ends where it stands."""
    text = before.text.rstrip()
    if _OPEN_END.search(text) or _ITEM.match(line.text) or len(text.split()) < 4:
        return False
    if line.text.lstrip()[:1].islower():
        return True
    if before.bbox is None or before.page not in right:
        return False
    left, edge = right[before.page]
    return before.bbox[2] - left >= _WRAPPED * (edge - left)


def paragraphs(lines: tuple[Line, ...]) -> list[list[Line]]:
    """The text cut into paragraphs of sentences; each sentence carries the page and box of the line it starts on."""
    blocks: dict[tuple, list[Line]] = defaultdict(list)
    order: list[tuple] = []
    para = 0
    right: dict = {}  # per page: the text's left and right edges, to tell a wrapped line from an ended one
    for line in lines:
        if line.bbox is not None and line.text.strip():
            left, edge = right.get(line.page, (line.bbox[0], line.bbox[2]))
            right[line.page] = (min(left, line.bbox[0]), max(edge, line.bbox[2]))
    before: Line | None = None
    key: tuple = ()
    for line in lines:
        if not line.text.strip():
            para += 1  # a blank line ends a paragraph, as does a new block (cell, paragraph of a Word file)
            before = None
            continue
        # a new block starts a paragraph unless it only goes on with the sentence the block before left open;
        # its next lines then stay with that paragraph too
        if before is None or (line.block != before.block and not _goes_on(before, line, right)):
            key = (line.block, para)
        before = line
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


def outermost(hits: list[Hit], groups: tuple[str, ...]) -> list[Hit]:
    """The hits that no longer hit of another label of these groups covers: "policy and programme responses"
    (a co-ordination mechanism's words) is no plan for its "programme", the "Council of Ministers" no
    council of part A."""
    cover = [g for g in hits if g.label.partition(".")[0] in groups]
    return [h for h in hits if not any(g.label != h.label and g.start <= h.start and g.end >= h.end
                                       and g.end - g.start > h.end - h.start for g in cover)]


LETTER_GROUPS = ("section", "topic_q", "institution")  # the label groups that place a letter's sentence


# A quotation in the letter (a law's definition, a plan's title): its words are the law's, not the letter's
_QUOTED = re.compile(r"[«“„\"]([^«»“”„\"]{40,})[»”“\"]")
_COLON = re.compile(r":(?:\s|$)")
_ITEM = re.compile(r"^\s*(?:[•·▪◦●■○\-–—*]|\(?[0-9a-zа-я]{1,2}[.)])\s", re.I)
_HEAD_WORDS = 12  # an announcement's head: "Among the main achievements are the following:"
_OWN_TOPIC_WORDS = 5  # within an announced list, a sentence that opens on its own topic speaks to it too


def _letters_hits(text: str, pats) -> list[Hit]:
    """The sentence's section and topic cues, quotations and covered hits left out."""
    quoted = [m.span(1) for m in _QUOTED.finditer(text)]
    return [h for h in outermost(pats.hits(text), LETTER_GROUPS) if not any(a <= h.start < b for a, b in quoted)]


def _head_end(text: str, hits: list[Hit]) -> int | None:
    """Where a sentence's announcement ends ("The main difficulties: ...", "... are the following."):
    the end of its head, or None for a sentence that announces nothing."""
    colon = _COLON.search(text)
    if colon and len(text[:colon.start()].split()) <= _HEAD_WORDS:
        return colon.start()
    end = len(text.rstrip(" .:;"))
    if any(h.label == "intro.cue" and end - h.end <= 2 for h in hits):
        return len(text)
    return None


def _topics(hits: list[Hit], by_cue: dict[str, list[str]], before: int | None = None, first: bool = False) -> list[str]:
    """The questions the topic cues point at (those before `before` only; the first cue's only)."""
    found: list[str] = []
    for h in hits:
        group, _, topic = h.label.partition(".")
        if group != "topic_q" or (before is not None and h.start >= before) or topic not in by_cue:
            continue
        found += [q for q in by_cue[topic] if q not in found]
        if first:
            break
    return found


def _about_part(text: str, hits: list[Hit], all_hits: list[Hit]) -> bool:
    """Whether a sentence is about the part it names: it opens on the part's name, or says that something
    exists, is lacking or is to come ("... was adopted in 2001")."""
    return _opens_on_part(text, hits) or bool(set(labels_in(all_hits, "yesno")) & {"affirm", "negate", "pending"}) \
        or (any(h.label == "topic_q.established" for h in hits) and _ends_sentence(text))  # "In 2005 the Government adopted the Plan."


_TOPIC_ALONE_WORDS = 4  # "Herausforderungen bleiben.", "Persisten retos.", "Сохраняется ряд проблем."
_HEAD_TOPICS = ("topic_q.challenge", "topic_q.achievement")  # the topics a letter lists under a head
_HEAD_SENTENCE_WORDS = 8  # a sentence this short naming one of them anywhere turns a list to it


def _topic_alone(text: str, hits: list[Hit]) -> bool:
    """A short sentence that names the challenges or achievements and states nothing else ("Challenges
    remain."): the head of the sentences after it, not the whole answer."""
    words = text.split()
    return len(words) <= _TOPIC_ALONE_WORDS and text.rstrip().endswith(".") and not any(c.isdigit() for c in text) \
        and any(h.label in _HEAD_TOPICS for h in hits) and not any(h.label.startswith("section.") for h in hits)


def _says_exists(text: str, hits: list[Hit], all_hits: list[Hit]) -> bool:
    """Whether a sentence states that a part's thing exists or not before naming anything else:
    "There is both a national co-ordinator and ...", "Il n'existe pas de rapporteur national"."""
    first = min((h.start for h in hits if h.label.startswith("section.")), default=None)
    return first is not None and any(h.label.partition(".")[0] == "yesno" and h.label != "yesno.no" and h.start < first
                                     and len(text[:h.start].split()) <= 2 for h in all_hits)


def _topic_of(part: str, new_part: str, hits: list[Hit], weak: bool = False) -> bool:
    """Whether the sentence's topic cues point at a question only the present part has and (but for a move by
    a weak cue) at none only the new one has ("Progress is reviewed twice a year by the working group": a
    review, which only a plan has; "Reports on its implementation are reviewed every year": the plan's)."""
    _, here = _routes()[part]
    _, there = _routes()[new_part]
    topics = {h.label.partition(".")[2] for h in hits if h.label.startswith("topic_q.")}
    return any(t in here and t not in there for t in topics) \
        and (weak or not any(t in there and t not in here for t in topics))


def _background(hits: list[Hit]) -> bool:
    """A sentence on treaties ratified that names no part of the form and no topic but a date's: background."""
    return bool(labels_in(hits, "background")) and not any(
        h.label.startswith("section.") or (h.label.startswith("topic_q.") and h.label != "topic_q.established")
        for h in outermost(hits, LETTER_GROUPS))  # "the Council of Europe Convention" names no council of part A


def _opens_on_part(text: str, hits: list[Hit], before: int = 0) -> bool:
    """Whether a sentence opens on a part's name ("The National Action Plan was adopted in 2005."), with at
    most `before` words other than articles ahead of it ("Policy is co-ordinated through the Working Group")."""
    articles = set(word_list("name.article"))
    return any(h.label.startswith("section.") and sum(w.lower() not in articles for w in text[:h.start].split()) <= before
               for h in hits)


def _refers_back(text: str, pats) -> bool:
    """Whether a sentence opens on a word referring to what was said before ("It", "Its", "Cette", "Эта")."""
    return any(h.label == "refer.back" and h.start == 0 for h in pats.hits(text))


def _shouted(text: str) -> bool:
    """A heading or letterhead in capitals ("SECTION C: NATIONAL RAPPORTEUR OR EQUIVALENT")."""
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 2 and len(letters) >= 8 and all(c.isupper() for c in letters)


def _is_item(para: list[Line]) -> bool:
    """A paragraph that is one item of a list: a bullet or a number before it, or a few words without a full stop."""
    text = para[0].text
    return bool(_ITEM.match(text)) or (len(para) == 1 and len(text.split()) <= 10 and not text.rstrip().endswith((".", "!", "?", ":")))


def _later(question: str, than: list[str]) -> bool:
    keys = list(CONTRACT.questions)
    return bool(than) and all(keys.index(question) > keys.index(q) for q in than if q in keys)


def _ends_sentence(text: str) -> bool:
    """A sentence closed by its stop, not a list's item or a head ("Difficulties:")."""
    return text.rstrip().endswith((".", "!")) and len(text.split()) >= 3


def segment_narrative(lines: tuple[Line, ...], lang: str | None) -> list[Segment]:
    """Pseudo-segments per question built from the sentences that speak to it.

    A sentence with no topic of its own goes where the sentence before it in the same
    paragraph went ("The main results are the following. New legislation was adopted."), or
    the paragraph before when it opens by referring back to it ("It covers ...").
    A sentence that announces a list ("Its main achievements: ...", "... are the following:")
    sends the sentences after it in its paragraph to what it announced, and when it closes its
    paragraph, the next paragraph (and the list items after it); a sentence of the list that
    opens on a topic of its own goes there too. Within a paragraph the letter moves on to a
    later part of the form by naming it (not from within an announced list, whose items name
    other things: "Achievements: ... drafting of the action plan."), but back to an earlier one
    only where a paragraph, or a sentence, opens on it: "the report of the National Commission"
    in a paragraph on the plan stays with the plan, "The National Action Plan was adopted in
    2005." after a sentence on the rapporteur goes to the plan. Headings in capitals place what follows but answer nothing.
    """

    pats = patterns_for(lang)
    routed: dict[str, list[Line]] = defaultdict(list)
    order = list(CONTRACT.sections)
    part = None
    carry: list[str] | None = None  # what a paragraph's closing announcement announced
    carried = 0  # paragraphs that took it over
    lines = _without_form_wording(tuple(l for l in lines if not is_quoted(l)), lang)
    last: list[str] = []  # where the paragraph before went
    denied = False  # the present part was entered by a sentence saying its thing does not exist (yet)
    for para in paragraphs(lines):
        # a paragraph that opens by referring back ("It meets twice a year.") goes on where the one before went
        previous: list[str] = last if para and _refers_back(para[0].text, pats) else []
        block: list[str] | None = None
        if carry is not None and (carried == 0 or _is_item(para)):
            block, carried = carry, carried + 1
        else:
            carry = None
        for i, sent in enumerate(para):
            all_hits = pats.hits(sent.text)
            if labels_in(all_hits, "letter"):
                continue  # "... presents its compliments", "in reply to your questionnaire": courtesy, not fact
            if _background(all_hits):
                continue  # "The UN Convention ... was ratified in 2004.": the country's background, its years no answer
            hits = _letters_hits(sent.text, pats)
            if part is None and not labels_in(hits, "section"):
                # before the letter names a part, a quoted name names it too ("the body called «Inter-ministerial Commission ...»")
                hits = outermost(all_hits, LETTER_GROUPS)
            head = _head_end(sent.text, all_hits)
            if head is None and _topic_alone(sent.text, hits):
                head = len(sent.text)  # "Challenges remain.": a short sentence naming a topic announces what follows
            # a list its head announces names other things ("Its achievements: ... drafting of the action plan"): the
            # head says the part (not so a head that only turns to something: "Turning to reporting: a mechanism ...")
            lists = head is not None and any(h.label.startswith("topic_q.") and h.start < head for h in hits)
            cues = labels_in([h for h in hits if not lists or (head is not None and h.start < head)], "section")
            if cues:
                # the section cues a paragraph opens on ("Die Berichte erstellt die Volksanwaltschaft.")
                leading = {h.label.partition(".")[2] for h in hits if i == 0 and _opens_on_part(sent.text, [h])}
                new_part = _part_of(cues, part, leading)
                weak_move = new_part != _part_of(cues, part)
                backward = part is not None and new_part is not None and order.index(new_part) < order.index(part)
                # a sentence on a topic only the present part has stays there: "The Working Group reviews the
                # plan's implementation twice a year" is the plan's review, whoever reviews it (not a sentence saying
                # a thing exists, is lacking or is to come; a letter moving on to a later part names it and goes,
                # unless it does so by a weak cue: "Reports on the plan are reviewed each year" stays with the plan)
                own_topic = part is not None and new_part is not None and (backward or weak_move) \
                    and _topic_of(part, new_part, hits, weak=weak_move) \
                    and not set(labels_in(all_hits, "yesno")) & {"affirm", "negate", "pending"}
                # mid-paragraph, no step back, and out of an announced list only by a sentence on the new part
                # ("A national action plan was adopted in 2001."), not by an item naming it ("Drafting of the plan.")
                listed = block is not None and not _about_part(sent.text, hits, all_hits)
                # ... and back mid-paragraph only by a sentence that opens on the earlier part's name, or says it exists
                # ("There is both a National Co-ordinator and an Inter-ministerial Working Group."), or after a sentence
                # saying the present part's thing does not exist: nothing more is said of it ("No rapporteur has been
                # appointed. Responsible for co-ordination is the Working Group, ...")
                backward = backward and not (_opens_on_part(sent.text, hits, before=1) or _says_exists(sent.text, hits, all_hits)
                                             or denied)
                if new_part != part and not own_topic and not ((backward or listed) and i > 0):
                    previous, block, carry = [], None, None
                    part = new_part
                    denied = bool(set(labels_in(all_hits, "yesno")) & {"negate", "pending"})  # as values.yesno reads it
            if part is None:
                continue  # before the letter names a part
            always, by_cue = _routes()[part]
            announced = _topics(hits, by_cue, before=head, first=True) if head is not None else []
            if announced:
                block = [q for q in announced if q not in always]
                targets = list(always) + block
            elif block is not None:  # "Article 4 of the Code: ..." goes on with what was announced
                words = len(sent.text.split())
                opening = [h for h in hits if len(sent.text[:h.start].split()) < min(_OWN_TOPIC_WORDS, words)
                           or (h.label in _HEAD_TOPICS and words <= _HEAD_SENTENCE_WORDS)]  # "La mise en œuvre rencontre des obstacles."
                # a sentence opening on a later question's topic moves the paragraph on to it ("... The
                # implementation meets difficulties. Regional bodies ..."); an item naming an earlier one stays
                own = [q for q in _topics(opening, by_cue) if q not in always and _later(q, block)]
                if own and i > 0 and _ends_sentence(sent.text):
                    block = own
                targets = list(always) + block
            else:
                topics = _topics(hits, by_cue)
                targets = list(always) + (topics or [q for q in previous if q not in always])
            if head is not None and i == len(para) - 1 and not sent.text[head:].strip(" :."):
                carry, carried = [q for q in targets if q not in always], 0  # "Its members are the following:" closes its paragraph
            if not _shouted(sent.text):
                for q in dict.fromkeys(targets):
                    routed[q].append(sent)
            previous = targets  # a heading in capitals states nothing, but says what follows is about
        last = previous
    return [Segment(q, tuple(ls), "narrative", 0.75) for q, ls in routed.items()]
