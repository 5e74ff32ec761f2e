"""Where each question is answered in a questionnaire-shaped return.

A question starts at a numbered line ("5.", "Q5", "A.5", "Question 5", a table
cell holding "5") whose wording or place in the sequence fits, or at a line
that retypes a question's wording without a number (found with rapidfuzz).
The answer is every line up to the next question, minus the question's own
wording, so a field is never filled from the question text itself.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from questionnaire_returns.language.patterns import Cue, labels_in, patterns_for, word_list
from questionnaire_returns.records import CHECKED, UNCHECKED, Line, Segment
from questionnaire_returns.segment.annex import ANNEX as _ANNEX
from questionnaire_returns.segment.closing import until_closing
from questionnaire_returns.segment.marks import current_layout, marked
from questionnaire_returns.segment.wording import (LETTER_MARK, answer_label, is_wording, keys_for,
                                                   leading_yes_no, norm, numbering_words, option_labels, parse_number,
                                                   question_order, question_texts, similarity, word_re)



def find_headings(lines: tuple[Line, ...], lang: str | None) -> list[tuple[int, str, str, str, float]]:
    """(line index, question key, how, rest of the heading line, score) for each question start."""
    words = numbering_words(lang)
    order = question_order()
    headings: list[tuple[int, str, str, str, float]] = []
    last_pos = -1
    all_texts = question_texts(lang)
    flat_keys = [k for k in order for _ in all_texts[k]]
    flat_texts = [t for k in order for t in all_texts[k]]
    # every line against every question's wording at once (rapidfuzz's vectorised cdist)
    normed = [norm(line.text)[:220] for line in lines]
    candidates = [i for i, t in enumerate(normed) if len(t) >= 18 and CHECKED not in lines[i].text and UNCHECKED not in lines[i].text]
    whole_scores = process.cdist([normed[i] for i in candidates], flat_texts, scorer=fuzz.ratio, score_cutoff=78) if candidates else []
    best_whole = {i: (int(row.argmax()), float(row.max())) for i, row in zip(candidates, whole_scores) if row.max() >= 78}
    for i, line in enumerate(lines):
        parsed = parse_number(line.text, words)
        if parsed:
            number, rest, had_word = parsed
            keys = [k for k in keys_for(number) if order.index(k) > last_pos]
            if not keys:
                continue
            key = keys[0]
            if len(keys) > 1:  # a number printed twice (the form's two 21s): the first, unless the wording says a later one
                sims = {k: similarity(rest, k, lang, options=False) for k in keys}
                best = max(keys[1:], key=lambda k: sims[k])
                key = best if sims[best] > sims[key] + 10 else key
            sim = similarity(rest, key, lang, options=False)  # a heading echoes the question, not an option
            jump = order.index(key) - last_pos
            # a bare number in sequence, or a short label that echoes the question ("5) Budget"),
            # or an answer on the number's line ("19. 2004"); not a chapter title ("1. Prevention")
            answer_like = not rest or leading_yes_no(rest, lang) or bool(_SHORT_ANSWER.match(rest) and any(c.isdigit() for c in rest))
            # a table row's label before its boxes ("10. Contenu de la réponse nationale ☒ a) ..."): the label alone counts
            label_only = re.split(f"[{CHECKED}{UNCHECKED}]", rest, maxsplit=1)[0].strip()
            # a numbering word ("Q9") may skip a part the return does not answer (no co-ordination
            # mechanism: Q1, then Q9): up to the length of a part
            plausible = sim >= 62 or (had_word and jump <= 8) or (
                jump <= 3 and (answer_like or (len(label_only) < 40 and (sim >= 50 or jump == 1)) or rest.endswith(("?", ":"))))
            if not plausible:
                continue
            score = 1.0 if sim >= 62 or had_word else 0.9
            headings.append((i, key, "numbered", rest, score))
            last_pos = order.index(key)
            continue
        text = normed[i]
        if len(text) < 18 or CHECKED in line.text or UNCHECKED in line.text:
            continue
        if i in best_whole:
            at, score = best_whole[i]
            best = (flat_texts[at], score, at)
        else:
            if "?" not in line.text:
                continue  # a retyped question with text around it still asks something
            best = process.extractOne(text, flat_texts, scorer=fuzz.partial_ratio, score_cutoff=92)
            if best is None or len(text) < 0.45 * len(best[0]):
                continue
        key = flat_keys[best[2]]
        if order.index(key) <= last_pos:
            continue
        if headings:
            cut = text.rfind("?")
            head = text[:cut + 1] if cut > 10 else text
            if similarity(head, headings[-1][1], lang) >= 90:
                continue  # the previous question's wording, wrapped ("established? When was it established?")
        jump = order.index(key) - last_pos
        numbered = sum(1 for h in headings if h[2] == "numbered")
        whole = fuzz.ratio(text[:220], best[0])
        if (numbered >= 2 and jump > 2 and whole < 90) or (jump > 4 and whole < 90):
            continue  # a far jump, or a gap in a numbered return, needs the whole wording
        headings.append((i, key, "question_text", "", 0.9))
        last_pos = order.index(key)
    return _without_repeated_labels(headings, lang)


def _without_repeated_labels(headings: list[tuple[int, str, str, str, float]], lang: str | None) -> list[tuple[int, str, str, str, float]]:
    """A report's numbered chapters ("3. Prevention" ... "9. Prevention"), not the questions: the form
    never gives two questions the same label, so labels that come back under other numbers are dropped."""

    def label(rest: str) -> str:
        t = norm(rest).strip(" .:;")
        if len(t.split()) < 2 or any(ch.isdigit() or ch == "?" for ch in t) or leading_yes_no(t, lang):
            return ""  # an answer on the heading's line ("Yes, since 2004"), no label
        if any(labels_in(p.hits(t), "blank") for p in {patterns_for(lang), patterns_for("en")}):
            return ""  # "Not applicable" may well answer many questions
        return t

    labels = [label(h[3]) if h[2] == "numbered" and h[4] < 1.0 else "" for h in headings]
    counts = {t: labels.count(t) for t in labels if t}
    repeated = {t for t, n in counts.items() if n >= 2}
    if sum(counts[t] for t in repeated) < 3:
        return headings
    return [h for h, t in zip(headings, labels) if t not in repeated]


_LETTER_START = re.compile(r"^\s*[(\[]?[a-hа-з][).\]]\s")


def _without_bare_options(body: list[Line], key: str, lang: str | None) -> list[Line]:
    """The form's options listed with no mark at all ('Yes' / 'No' on lines of their own, or
    'Advisory Policy making Implementation Other' on one): wording, not an answer. Only the
    whole list is the form's; some options, or options joined by commas, are an answer in words."""

    unmarked = {i for i, line in enumerate(body)
                if CHECKED not in marked(line.text, line.origin) and UNCHECKED not in marked(line.text, line.origin)}
    drop: set[int] = set()
    for labels in option_labels(key, lang):
        bare = [i for i in unmarked
                if any(fuzz.ratio(norm(LETTER_MARK.sub(" ", body[i].text)).strip(" ?.:-"), l) >= 90 for l in labels)]
        if len(bare) >= len(labels):
            drop |= set(bare)
        for i in unmarked:
            text = norm(body[i].text)
            if "," not in body[i].text and len(text) <= sum(len(l) + 2 for l in labels) + 10 \
                    and all(word_re(l).search(text) for l in labels):
                drop.add(i)
    return [line for i, line in enumerate(body) if i not in drop]


def _LEADING_OPTION_WORD(text: str, lang: str | None) -> bool:
    """'Yes. If yes, what does this budget cover?': an option's own wording, kept for its parts."""
    return leading_yes_no(norm(LETTER_MARK.sub(" ", text)), lang)


def _continues_wording(text: str, key: str, lang: str | None) -> bool:
    """A short line right under the heading that is a piece of the question's wording ('examples.')."""
    t = norm(LETTER_MARK.sub(" ", text)).strip(" *_.-:?")
    if (len(t) < 6 and not text.rstrip().endswith("?")) or len(t) < 2 or len(t) > 60 or any(ch.isdigit() for ch in t) \
            or CHECKED in text or UNCHECKED in text:
        return False
    if leading_yes_no(t, lang):
        return False
    return any(fuzz.partial_ratio(t, v) == 100 for v in question_texts(lang)[key])


def _strip_wording(line: Line, key: str, lang: str | None) -> Line | None:
    """The line without the question's wording: None when it is all wording."""

    if CHECKED in marked(line.text) or UNCHECKED in marked(line.text):
        return line  # a ticked option ("c) Function assigned to a ministry X") is an answer, not wording
    text = line.text.strip()
    if not text:
        return None
    if is_wording(text, key, lang):
        # "When was it established? 2004": keep what follows the wording
        cut = max(text.rfind("?"), text.rfind(":"))
        if cut != -1 and similarity(text[:cut], key, lang) >= 85:
            rest = text[cut + 1:].strip(" _.-\t")
            if rest and not is_wording(rest, key, lang):
                return replace(line, text=rest)
        return None
    return line


_RULE = re.compile(r"^[\W_]+$")
_SHORT_ANSWER = re.compile(r"^\W*(?:\w+\W*){0,3}$", re.U)


def _heading_rest(rest: str, key: str, lang: str | None) -> str:
    """What of the heading line's text after the number is answer, not the question's label."""
    if CHECKED in rest or UNCHECKED in rest:
        return rest
    cut = max(rest.rfind("?"), rest.rfind(":"))
    if cut != -1 and rest[cut + 1:].strip(" _.-\t"):
        after = rest[cut + 1:].strip(" _\t")
        return "" if is_wording(after, key, lang) else after
    words = rest.split()
    if _SHORT_ANSWER.match(rest) and any(ch.isdigit() for ch in rest):
        return rest  # "19. 2004"
    if len(words) <= 3:

        yes_no = {w.lower().strip(".") for w in patterns_for(lang).data.phrases.get("yesno.yes", []) + patterns_for(lang).data.phrases.get("yesno.no", [])}
        if words and words[0].lower().strip(".,") in yes_no:
            return rest  # "1. Yes"
    if len(words) <= 9 and not rest.rstrip().endswith("."):
        return ""  # a short label: "Achievements of the plan", "Budget"
    return "" if similarity(rest, key, lang) >= 62 else rest


@lru_cache(maxsize=None)
def _header_words(lang: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """(words a questionnaire table's header row is made of: "No. | Question | Answer", "№ Вопрос Ответ";
    the answer labels among them, one of which every such row has)."""

    words, answers = set(word_list("header.word")), set()
    for pats in {patterns_for("en"), patterns_for(lang)}:
        words |= {w.lower().strip(".") for w in pats.data.numbering if len(w.strip(".")) > 2}
        answers |= {w.lower() for w in pats.data.answer_labels if len(w) > 3}
    return frozenset(words | answers), frozenset(answers)


def _table_header(text: str, lang: str | None) -> bool:
    """A table's header row, repeated where the table goes on over a page ("Frage Antwort"): no answer.
    A bare "No." is an answer, so a header must name the answer column."""
    words = [w.lower().strip(".:") for w in text.split()]
    every, answers = _header_words(lang)
    number = set(word_list("header.number"))
    return 0 < len(words) <= 4 and all(w in every or w in number for w in words) and any(w in answers for w in words)


_SIGNATURE = Cue("{signature.cue}")  # a signer's title or a closing under the last answer


_APPENDED_TITLE = Cue(r"^\s*{appended.title}\b")  # "Report of the National Rapporteur", "Aktionsplan ..."


def _appended_title(text: str) -> bool:
    """A title line of a document appended to the return ('Report of the National Rapporteur (2005)'):
    a title's opening words, no sentence's end, short."""
    text = text.strip()
    return bool(_APPENDED_TITLE.match(text)) and not text.endswith((".", ";", ":")) and len(text.split()) <= 16


def _without_signature(body: list[Line]) -> list[Line]:
    """The last answer without the signature block under it (short lines naming a title) and
    without a plan or report appended after it (a title line such as 'Report of the National Rapporteur')."""
    for i, line in enumerate(body):
        # a title opening the body is an annex only when more follows it (its text), not a one-line answer
        if (i or len(body) > 1) and _appended_title(line.text):
            body = body[:i]
            break
    start = len(body)
    while start > 0 and not body[start - 1].text.rstrip().endswith((".", "?", ";")) and (
            len(body[start - 1].text.split()) <= 6
            or (len(body[start - 1].text.split()) <= 14 and _SIGNATURE.search(body[start - 1].text))):
        start -= 1
    titles = [i for i in range(start, len(body)) if _SIGNATURE.search(body[i].text)]
    if titles:
        # the name stands on the line above the first title; what is above the name is the answer
        return body[:max(start, titles[0] - 1)]
    return body


_FRAGMENT = re.compile(r"^[^\W\d_]{2,12}$")
_FRAGMENT_END = Cue(r"^[a-zа-яà-ÿ]{1,3}\.?\s*(?i:{number.broken_sign})?\s*\d{1,2}\b", flags=0)


def _end_of_return(lines: tuple[Line, ...]) -> int:
    """Where a document appended after the return's signature starts: a title ('Bericht der nationalen
    Berichterstatterin (2005)') within three lines of a signer's title ('Referatsleiter'). Its numbered
    chapters ('17. Zeitplan', '22. Strafverfolgung') would otherwise pass for the questions left unanswered."""
    for i, line in enumerate(lines):
        if _appended_title(line.text) and any(
                _SIGNATURE.search(b.text) and len(b.text.split()) <= 6 for b in lines[max(0, i - 3):i]):
            return i
    return len(lines)


def _mend_broken_words(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """'Questio' / 'n 1': a numbering word a narrow table cell broke over two lines, mended."""
    out: list[Line] = []
    skip = False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and _FRAGMENT.match(line.text.strip()) and _FRAGMENT_END.match(nxt.text.strip()):
            out.append(replace(line, text=line.text.strip() + nxt.text.strip()))
            skip = True
        else:
            out.append(line)
    return tuple(out)


def _answer_column(lines: tuple[Line, ...], headings: list[tuple]) -> float | None:
    """Where the answer column starts when the form is a table with the questions in the left column
    and the answers beside them (an answer cell's first line stands on its question's first line, to
    the right of it), or None. Two such rows make a table: one may be a line that happens to sit there."""
    starts = []
    for i, *_ in headings:
        head = lines[i]
        if head.bbox is None:
            continue
        # the row's first line may stand a line above the number ("Question" / "15" in a narrow cell)
        beside = [l.bbox[0] for l in lines[max(0, i - 3):i + 12] if l.bbox and l.page == head.page
                  and -12 <= l.bbox[1] - head.bbox[1] <= 3 and l.bbox[0] > head.bbox[2]]
        if beside:
            starts.append(max(beside))  # a table of number, question and answer has two cells beside the number
    if len(starts) < 2:
        return None
    # the column most rows agree on: a row whose answer cell is empty shows only its question's cell
    votes: dict[int, list[float]] = {}
    for x in starts:
        votes.setdefault(round(x / 10), []).append(x)
    best = max(votes.values(), key=lambda xs: (len(xs), xs[0]))
    return min(best) - 2 if len(best) >= 2 else None


def _in_question_cell(line: Line, head: Line, column: float | None) -> bool:
    """A line of the question's own cell in a table with an answer column: its label ('Nature of the
    mechanism') or its wording wrapped there ('скоординированных мер? Просьба'), however its words differ
    from the wording the patterns know."""
    return (column is not None and line.bbox is not None and head.bbox is not None and line.page == head.page
            and line.bbox[2] < column and line.bbox[0] >= head.bbox[0] - 2)


def _closed_by_a_later_mark(row: list[Line], k: int) -> bool:
    """A row of lettered options whose last option wraps onto the lines below, where the document's marks
    follow their options: the mark opening a later line closes it ("a) Co-ordinator b) Working group," /
    "commission: Group on THB" / "☒ c) Other"), so the row is the answer, not the form's wording."""

    if current_layout() != "after" or not _LETTER_START.match(row[k].text):
        return False
    for line in row[k + 1:k + 4]:
        text = marked(line.text, line.origin).lstrip()
        if text.startswith(CHECKED):
            return True
        if CHECKED in text or UNCHECKED in text:
            return False
    return False


def segment_numbered(lines: tuple[Line, ...], lang: str | None) -> list[Segment]:
    """Segments of a return that numbers or retypes the questions; [] when it does neither."""
    lines = _mend_broken_words(lines)
    lines = lines[:_end_of_return(lines)]
    headings = find_headings(lines, lang)
    column = _answer_column(lines, headings)
    label = answer_label(lang)
    segments: list[Segment] = []
    for n, (i, key, how, rest, score) in enumerate(headings):
        end = headings[n + 1][0] if n + 1 < len(headings) else len(lines)
        body: list[Line] = []
        rest = _heading_rest(rest, key, lang) if rest else ""
        first = replace(lines[i], text=rest) if rest else None
        wording_goes_on = not first
        row = ([first] if first else []) + list(lines[i + 1:end])
        for k, line in enumerate(row):
            found = label.match(line.text)
            # "Answer:" / "Réponse -" marks the answer; a one-letter label may be an option's letter ("a. Yes")
            labelled = bool(found) and (":" in found.group(0) or len(found.group(0).strip(" .-–")) > 2)
            if found:
                line = replace(line, text=line.text[found.end():])
            if labelled:
                wording_goes_on = False  # "Answer: International co-operation, ...": the answer, even in the options' words
            elif column is not None and line.bbox is not None and line.bbox[0] >= column:
                wording_goes_on = False  # the answer cell of a two-column table
            if _RULE.match(line.text) or _ANNEX.match(line.text) or _in_question_cell(line, lines[i], column) \
                    or _table_header(line.text, lang):
                continue  # a ruled line, the list of what is enclosed, the question's cell, a table's header: no answer
            if wording_goes_on and "?" in line.text and not _LETTER_START.match(line.text):
                # the wording's last line, perhaps with the answer after its question mark:
                # "... reporting on THB? Not applicable." / "... cover? Yes ☒ No"

                cut = line.text.rfind("?")
                head, tail = line.text[:cut + 1], line.text[cut + 1:].strip(" _\t")
                boxed = CHECKED in marked(head, line.origin) or UNCHECKED in marked(head, line.origin)
                if not boxed and not _LEADING_OPTION_WORD(head, lang) and (
                        _continues_wording(head, key, lang) or (len(head) <= 160 and similarity(head, key, lang) >= 85)):
                    tail_wording = LETTER_MARK.sub(" ", tail)
                    if not tail or _continues_wording(tail_wording, key, lang) or is_wording(tail_wording, key, lang):
                        continue  # "Action Plan? b) Other equivalent": the question goes on, inline options and all
                    line = replace(line, text=tail)
            if wording_goes_on and _continues_wording(line.text, key, lang) and not _LETTER_START.match(line.text):
                kept = None  # the question's wording wrapped onto this line
            else:
                wording_goes_on = False
                kept = line if labelled or _closed_by_a_later_mark(row, k) else _strip_wording(line, key, lang)
            if kept is not None and kept.text.strip():
                body.append(kept)
            elif _LETTER_START.match(line.text):
                # the option's wording goes, its letter stays: the answer's parts a) b) c) are told apart by it
                body.append(replace(line, text=_LETTER_START.match(line.text).group(0).strip() + " "))
                wording_goes_on = True  # the option's wording may wrap onto the next line too
        body = _without_bare_options(body, key, lang)
        if n + 1 == len(headings):
            body = _without_signature(until_closing(body, lang, start=0))
        segments.append(Segment(key, tuple(body), how, score, heading=lines[i].text))
    return segments
