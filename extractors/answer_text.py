"""The respondent's own words in an answer: what is left when the form is taken away.

Boxes, option letters, a bare yes/no, the question's wording retyped before the answer
(in English or the return's language, exact or OCR-misread), sentences that only announce
the answer, and scraps of the form's wording are no part of a text answer.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz

from extractors.view import _PART, View, fold, is_blank, is_part_label, joined
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.language.patterns import Cue, LanguagePatterns, labels_in, patterns_for, word_list, yes_no_word
from questionnaire_returns.records import CHECKED, PART_LETTER, UNCHECKED, Line, Read
from questionnaire_returns.segment.wording import EXAMPLES, answer_label, heading_of, is_wording, norm, question_texts, similarity


# Compiled once: patterns with Unicode classes cost milliseconds to compile, and Python's
# own regex cache is too small to keep them among the many patterns a run asks for.
LEADING_LETTER = re.compile(rf"^\s*{PART_LETTER}\s+")


# a yes or no that answers before the words: "Yes, ...", "No - ...", "YES The ..."; not one run straight into a word in
# small letters, which opens a sentence ("Si prega di ...", "No data were ...")
LEADING_YES_NO = Cue(r"^(?:{answer.yes:words}|{answer.no:words})\b(?:\s*[,.:;–—|-][\s,.:;–—|-]*|\s+(?=(?-i:[^a-zà-ÿа-яё]))|\s*$)")


_ONLY_YES_NO = Cue(r"^\W*(?:(?:{answer.yes:words}|{answer.no:words})\W*)+$")


def _clean_answer_text(lines: list[Line], pats: LanguagePatterns) -> tuple[str, Line] | None:
    """The respondent's words in these lines: boxes, option letters and bare yes/no removed."""
    words = []
    lines = [l for l in lines if not is_blank(l.text.replace(CHECKED, "").replace(UNCHECKED, ""), pats)] or []
    if not lines:
        return None
    for line in lines:
        t = line.text.replace(CHECKED, " ").replace(UNCHECKED, " ")
        t = _PART.sub("", " " + t if not t.startswith(" ") else t).strip()
        t = LEADING_LETTER.sub("", t)
        if line.text != t and _ONLY_YES_NO.match(t):
            continue  # a row of boxes labelled yes / no is the answer's tick, not its words
        words.append(t)
    text = fold(" ".join(words))
    text = LEADING_YES_NO.sub("", text).strip()
    if len(text) < 3 or (labels_in(pats.hits(text[:40]), "blank") and len(text) < 40):
        return None
    return text, joined(lines)


def _strip_option_wording(text: str, question: str, lang: str) -> str:
    """'National co-ordinator? Head of Department' -> 'Head of Department'."""
    cut = max(text.find("?"), -1)
    if cut == -1:
        cut = text.find(":")
    if cut == -1 or cut > 90:
        return text
    head = text[:cut].lower()
    labels = list(CONTRACT.questions[question].options.values()) if question in CONTRACT.questions else []
    labels += list(patterns_for(lang).data.options.get(question, {}).values())
    if any(fuzz.partial_ratio(head, label.lower()) >= 80 for label in labels):
        return text[cut + 1:].strip()
    return text


_PIECE_END = re.compile(r"(?<=[.?!:)])\s+")


def _after_question_wording(text: str, question: str, pats: LanguagePatterns, ocr: bool = False) -> str:
    """The text after the question's own words retyped before it ("Please cite specific instances.
    Reply: -", "... awareness of the problem, other?) Not applicable."): '' when nothing else is.
    On OCR'd text a misread word ("Please provide us with the SEENON.") still leaves the wording close."""

    if question not in CONTRACT.questions:
        return text
    cut = 0
    ends = [(m.start(), m.end()) for m in _PIECE_END.finditer(text)] + [(len(text), len(text))]
    for end, after in ends:
        if end > 400:
            break  # the longest question's wording is ~330 characters: a longer head is the answer's own
        # a bracketed list of examples is form text by its shape, in whatever translation ("(legislative reform, ...
        # etc.)"): what is left of the head must still be the question's wording
        head = EXAMPLES.sub("", text[:end])
        short = False
        if len(head) < 12:
            # a fragment of the wording: two words of it ("Please cite"), or a lone word of it ("Citare")
            frag = norm(head).strip(" .:")
            short = (len(head.split()) >= 2 or (end == len(text) and len(head.strip(" .:")) >= 5)) and any(
                v.startswith(frag) or f" {frag}" in v for v in question_texts(pats.lang)[question])
        if short or is_wording(head, question, pats.lang) or (ocr and len(head) >= 20 and similarity(head, question, pats.lang) >= 85) \
                or _instruction_with_examples(text[:end], pats.lang):
            cut = after
    if not cut:
        return text
    rest = answer_label(pats.lang).sub("", text[cut:].strip(" )]")).strip()
    return "" if not rest.strip(" -–—_.:;") or is_blank(rest, pats) else rest


_BRACKET_AT_END = re.compile(r"^([^()]*?)\s*\(([^()]{20,})\)\s*[.:]?\s*$")
_LEAD_WORDS = 12  # "Please give concrete examples", "Veuillez citer des exemples précis": a few words before the list


@lru_cache(maxsize=1)
def _etc_words() -> tuple[str, ...]:
    return tuple(sorted({w.lower().rstrip(".") for w in word_list("examples.etc")}, key=len, reverse=True))


def _instruction_with_examples(head: str, lang: str | None) -> bool:
    """'Please give concrete examples (such as budget and resources, internal disagreement, ..., etc.).': an
    instruction in the form's shape, known in any translation: a few words, mostly the form's own ('please',
    'examples'), then a bracketed list closed by 'etc.' (the pattern files' examples.etc). 'Training for police
    (workshops, manuals, etc.).' is an answer: its words are its own."""
    m = _BRACKET_AT_END.match(head.strip())
    if not m or len(m.group(1).split()) > _LEAD_WORDS or any(ch.isdigit() for ch in m.group(1)):
        return False
    lead = _WORD.findall(m.group(1).lower())
    if not lead or sum(w[:5] in _form_words(lang) for w in lead) < 0.5 * len(lead):
        return False
    inside = m.group(2).strip().lower().rstrip(" .")
    return len(re.findall(r"[,;]", inside)) >= 2 and any(
        inside.endswith(w) and (len(inside) == len(w) or not inside[-len(w) - 1].isalnum()) for w in _etc_words())


_NEXT_QUESTION_ANSWERED = re.compile(r"(?:(?<=[.!])|^)\s*[^.!?]*\?\s*\)?\s*(\S{1,6})\W*$")


_INTRO_END = re.compile(r"(?<=[.:])\s+")


def _without_introduction(text: str, pats: LanguagePatterns) -> str:
    """The answer without the sentences that only announce it ("Among the main achievements, the
    following may be mentioned.", "As regards achievements:"): '' when nothing else is said."""
    pieces = _INTRO_END.split(text)
    n = 0
    while n < len(pieces) and len(pieces[n]) <= 90 and pieces[n].rstrip().endswith((".", ":")):
        cues = [h for h in pats.hits(pieces[n]) if h.label == "intro.cue"]
        # an announcement is followed by what it announces, or ends on its cue ("... are the following.")
        if not cues or (n == len(pieces) - 1 and not any(len(pieces[n].rstrip()) - h.end <= 2 for h in cues)):
            break
        n += 1
    return text if n == 0 else " ".join(pieces[n:])


_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=None)
def _form_words(lang: str | None) -> frozenset[str]:
    """The stems of every word of the questionnaire's wording (its questions and options), in English
    and in `lang`: five letters of each, so an inflected form ('политики' / 'политика') is the same."""

    texts = [t for lg in {"en", lang} for ts in question_texts(lg).values() for t in ts]
    return frozenset(w[:5] for t in texts for w in _WORD.findall(t.lower()))


def _only_form_words(text: str, lang: str | None) -> bool:
    """'Cite', 'Veuillez', 'Просьба политики': a scrap or two of the form's wording left where a
    table cell or a scanned line cut it, with nothing of the respondent's own."""
    words = _WORD.findall(text.lower())
    return 0 < len(words) <= 3 and all(w[:5] in _form_words(lang) for w in words)


def answer_text(v: View, lines: list[Line] | None = None, prose: bool = False) -> Read | None:
    """The respondent's words; `prose`: an answer in sentences (achievements, challenges, a definition),
    which a scrap of the form's wording never is, where a name or a title ('The Government') may be."""

    lines = v.lines if lines is None else lines
    lines = [l for l in lines if not heading_of(l.text, v.seg.question, v.pats.lang)]
    if len(lines) >= 2 and is_part_label(lines[0].text) and not _PART.match(lines[1].text):
        lines = lines[1:]  # "b) Recipients" over "Parliament": the part's label, its answer below
    if not lines:
        return None
    got = _clean_answer_text(lines, v.pats)
    if not got:
        return None
    text = _strip_option_wording(got[0], v.seg.question, v.pats.lang)
    text = _after_question_wording(text, v.seg.question, v.pats, ocr=got[1].origin == "ocr")
    text = _without_introduction(text, v.pats)
    how = "text"
    tail = _NEXT_QUESTION_ANSWERED.search(text)
    if tail and _ONLY_YES_NO.match(tail.group(1)):
        # "... were identified. (national rapporteur or equivalent)? No": the next question's wording and
        # its answer ran into this one, so where this answer ends is a guess for a reviewer to check
        text, how = text[:tail.start()].rstrip(), "pattern.weak"
    if len(text) < 3 or _ONLY_YES_NO.match(LEADING_LETTER.sub("", text)):
        return None  # nothing left, or an option of the form ("b) No") and not the respondent's words
    if text.endswith("?") or prose and _only_form_words(text, v.pats.lang):
        return None  # a question's own wording (a wrapped tail, a sub-question, a scrap of it), never its answer
    if text.endswith(":") and len(text) < 80:
        return None  # a label or a signature line leading to something else ("J. Martín, Deputy Head:", "K.A:")
    return Read(text, got[1], how)


def after_question(line: Line, lang: str) -> Line | None:
    """The line without a question's wording before its last '?' (and an answer label after it); None if nothing is left."""
    if "?" not in line.text or yes_no_word(line.text, patterns_for(lang)):
        return line  # "Yes. If yes, what does it cover? ...": the answer came first

    rest = answer_label(lang).sub("", line.text.rsplit("?", 1)[1].strip(" _\t").removeprefix(":").lstrip())  # "...?: answer"
    if rest.rstrip(" _\t").endswith(":") and not yes_no_word(rest, patterns_for(lang)):
        return None  # the question goes on and introduces the answer below: "... В каком качестве они участвуют:"
    return replace(line, text=rest) if rest.strip(" _.:;-\t") else None
