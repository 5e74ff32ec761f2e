"""Where a document answers each question: by number, by the retyped wording, or sentence by sentence.

A return that numbers or retypes the questions is cut question by question; one with
too few recognisable questions is read as a letter, sentence by sentence; a document
that does neither and does not read as a reply (an annexed plan, report or law)
answers nothing. The language the segments are read in is the answers' own: a
return that retypes the English questions and answers in Russian is read as Russian.
"""

from __future__ import annotations

import re

from dataclasses import replace

from questionnaire_returns.language.detect import best_read_by, detect_text
from questionnaire_returns.language.patterns import Cue, patterns_for
from questionnaire_returns.records import Document, Segment
from questionnaire_returns.segment.closing import until_closing
from questionnaire_returns.segment.narrative import segment_narrative
from questionnaire_returns.segment.questions import find_headings, segment_numbered
from questionnaire_returns.segment.quoted import answered_inline, earlier_message, own_message

# A diplomatic sender: permanent missions and delegations write the letters that answer
MISSION = Cue("{mission.cue}")
# How far the language of a cover note that answers nothing is trusted (below any answering attachment's)
COVER_NOTE_LANGUAGE = 0.5
# The answers' own language overrides the document's (the retyped questions'): from this many words of
# answers, or from a few where the detector is this sure of them
ANSWER_WORDS = 30
SHORT_ANSWERS = 4
SHORT_ANSWERS_SURE = 0.95
# A document that asks this many questions is the questionnaire, not a letter: read sentence by sentence
# (its numbering not found), it is read with this segment score, low enough that every value is reviewed
QUESTIONS_ASKED = 3
FORM_READ_AS_LETTER = 0.25


def segment_document(doc: Document, lang: str | None, lang_conf: float) -> tuple[list[Segment], str | None, float]:
    """(segments, language, its confidence): the segments read in the language of the answers."""
    segs = segments_of(doc, lang)
    answered = " ".join(s.text for s in segs if s.how != "narrative")
    words = len(answered.split())
    if words >= SHORT_ANSWERS:
        answer_lang, answer_conf = detect_text(answered)
        if words < ANSWER_WORDS and answer_conf < SHORT_ANSWERS_SURE:
            # a few words the detector is unsure of ("Yes. An inter-ministerial commission. No."): the
            # language whose patterns read them
            answer_lang, answer_conf = best_read_by(answered, lang), lang_conf
        if answer_lang and answer_lang != lang:
            # the questions were found in the form's language; the answers are read in theirs
            lang, lang_conf = answer_lang, answer_conf
    if not segs and doc.attachments:
        # a cover note that answers nothing: its language is the sender's, the attachment's is the answers'
        lang_conf = round(lang_conf * COVER_NOTE_LANGUAGE, 3)
    return segs, lang, lang_conf


def segments_of(doc: Document, lang: str | None) -> list[Segment]:
    """Question by question for a questionnaire; sentence by sentence for a letter; nothing
    for an annex (a plan, a report, a law), which answers no question of its own."""
    segs = segment_numbered(answered_inline(doc.lines), lang)
    # Numbers alone prove little (a report has numbered chapters): the questions' wording, a
    # numbering word ("Question 5") or most of the form's 23 numbers in order must be there too.
    sure = [s for s in segs if s.score >= 1.0 or s.how == "question_text"]
    if len(sure) >= 3 or (len(sure) >= 2 and len(sure) * 2 >= len(segs)) or len(segs) >= 12:
        letter = _letter_before_numbered_annex(doc, lang)
        return letter if letter is not None else segs
    corrected = _corrected_reply(doc, lang)
    if corrected is not None:
        return corrected
    if not _reads_as_a_reply(doc, lang):
        return []
    # an e-mail carrying the return: what it quotes or forwards below its own words is other people's
    lines = own_message(doc.lines) if doc.attachments else doc.lines
    segs = segment_narrative(tuple(until_closing(lines, lang)), lang)
    if _asks_questions(doc):
        # the questionnaire retyped, its numbering not found, read sentence by sentence: a reviewer checks it all
        segs = [replace(s, score=FORM_READ_AS_LETTER) for s in segs]
    return segs


CORRECTION = Cue("{correction.cue}|{correction.error}")
ERROR = Cue("{correction.error}")
CORRECTED_QUESTIONS = 4  # the quoted message answers this many questions: a reply, not the request it answered


def _corrected_reply(doc: Document, lang: str | None) -> list[Segment] | None:
    """A correction sent in reply to the return it corrects, quoting it whole ("Corrigendum: we stated in error
    that the plan was adopted in 2008. The correct year is 2009." over "> ..."): the quoted reply's segments, and
    the correction's own, marked to replace what the reply gives for the same fields; the sentence naming the
    value given in error says where the correction belongs, but its value is the old one. None for any other
    message (a reply quoting the request it answers takes nothing from the request)."""
    own = own_message(doc.lines)
    if doc.attachments or not any(CORRECTION.search(l.text) for l in own):
        return None
    earlier = earlier_message(doc.lines)
    before = segments_of(replace(doc, lines=earlier), lang) if earlier else []
    if len({s.question for s in before}) < CORRECTED_QUESTIONS:
        return None
    mine = []
    for seg in segment_narrative(tuple(until_closing(own, lang)), lang):
        right = tuple(l for l in seg.lines if not ERROR.search(l.text))
        if right:
            mine.append(replace(seg, lines=right, corrects=True))
    return before + mine


def _letter_before_numbered_annex(doc: Document, lang: str | None) -> list[Segment] | None:
    """A letter whose facts come before its closing formula, with a numbered plan or report
    appended after it: the letter's segments (None when the numbering is the questionnaire's,
    e.g. a short cover note followed by the answered form)."""
    letter = until_closing(doc.lines, lang)
    if len(letter) == len(doc.lines) or find_headings(tuple(letter), lang):
        return None
    segs = segment_narrative(tuple(letter), lang)
    return segs if len({s.question for s in segs}) >= 4 else None


def _reads_as_a_reply(doc: Document, lang: str | None) -> bool:
    """A letter or message answering the questionnaire says so: its courtesies, a reference to
    the questionnaire, a note's formula, two of them at least (an annexed law "transmitted as an
    attachment" says one), or one where it retypes the questions. An annexed plan or report does not."""
    pats = patterns_for(lang)
    english = patterns_for("en")
    head = list(doc.lines[:25]) + list(doc.lines[-15:])
    if any(MISSION.search(line.text) for line in head):
        return True  # a mission's or delegation's letterhead
    said = {h.text.lower() for line in head for p in {pats, english} for h in p.hits(line.text) if h.label.startswith("letter.")}
    salutation = next((line.text for line in doc.lines[:SALUTATION_WITHIN]
                       if _SALUTATION.fullmatch(line.text.strip()) and len(line.text.split()) <= SALUTATION_WORDS), None)
    if salutation:
        said.add(salutation.lower())  # "Egregi Signori,", "Dear Sir/Madam,": a letter opens so, a plan or a law never
    return len(said) >= 2 or (len(said) == 1 and _asks_questions(doc))


SALUTATION_WITHIN = 12  # lines from the top: under a letterhead, a date and an address
SALUTATION_WORDS = 5  # "Sehr geehrte Damen und Herren,": longer, it is a line of a paragraph wrapped at a comma
# a salutation: a few words, no digits, closed by a comma or an exclamation mark ("Уважаемые коллеги!")
_SALUTATION = re.compile(r"[^\W\d_][^\d:;.?]{2,60}[,!]")


def _asks_questions(doc: Document) -> bool:
    """Whether the document retypes the questionnaire's questions (a letter asks none)."""
    return sum("?" in line.text for line in doc.lines) >= QUESTIONS_ASKED
