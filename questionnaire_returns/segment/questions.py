"""Where each question is answered in a questionnaire-shaped return.

A question starts at a numbered line ("5.", "Q5", "A.5", "Question 5", a table
cell holding "5") whose wording or place in the sequence fits, or at a line
that retypes a question's wording without a number (found with rapidfuzz).
The answer is every line up to the next question, minus the question's own
wording, so a field is never filled from the question text itself.
"""

from __future__ import annotations

import re
from typing import Any
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.language.patterns import Cue, labels_in, patterns_for, word_list
from questionnaire_returns.records import CHECKED, PART_LETTER, UNCHECKED, Line, Segment
from questionnaire_returns.segment.annex import ANNEX as _ANNEX
from questionnaire_returns.segment.closing import until_closing
from questionnaire_returns.segment.marks import current_layout, is_yes_no_word, marked
from questionnaire_returns.segment.grouped import route_group
from questionnaire_returns.segment.numbering import Label, keys_of, parse_label, scheme_of, section_heading
from questionnaire_returns.segment.wording import (LETTER_MARK, answer_label, is_wording, keys_for, one_option_alone, part_letter, start_of_parts,
                                                   leading_yes_no, norm, numbering_words, option_labels,
                                                   question_order, question_texts, similarity, sub_question_of,
                                                   word_re)



@dataclass(frozen=True, slots=True)
class Heading:
    """Where a question's answer starts: its line, the question, how it was found, the text after the
    number, how sure; `group`: every question a grouped heading ("Questions 2-4:") answers at once."""

    at: int
    key: str
    how: str
    rest: str
    score: float
    group: tuple[str, ...] = ()
    part: str = ""  # the part the heading's number names with its letter ("9a)")


GROUP_SCORE = 0.4  # questions answered together: which sentence answers which one is a guess


def part_headings(lines: tuple[Line, ...], labels: list[Label | None], lang: str | None) -> list[str | None]:
    """For each line, the part of the form it heads ("SECTION B: ACTION PLAN"), or None. A line with only a
    part's letter ("A. Structures nationales ...") heads its part only before any of that part's questions."""
    seen: set[str] = set()
    out: list[str | None] = []
    sections = list(CONTRACT.sections)

    def parts_of(label: Label) -> set[str]:
        return {label.section} if label.section else {CONTRACT.questions[k].section for n in label.numbers for k in keys_for(n)}

    for n, (line, label) in enumerate(zip(lines, labels)):
        if label is not None and label.style == "roman" and section_heading(line.text, lang):
            labels[n] = label = None  # "II. ACTION PLAN": a part's heading, though numbered as the questions are
        part = section_heading(line.text, lang, lettered=False) if label is None else None
        if label is None and part is None:
            part = section_heading(line.text, lang)
            part = part if part not in seen else None
            if part is None:
                # "B. Nationaler Aktionsplan ..." between the last question of part A and the first of part B
                lettered = section_heading(line.text, lang, lettered=True, titled=False)
                later = next((parts_of(l) for l in labels[n + 1:n + 40] if l is not None), set())
                if lettered is not None and lettered not in seen and lettered in later and all(
                        sections.index(p) < sections.index(lettered) for p in seen):
                    part = lettered
        out.append(part)
        if label is not None:
            seen |= parts_of(label)
    return out


def _dominant_style(labels: list[Label | None]) -> str | None:
    """How the return writes its headings' numbers ("Q5" → "q", "A.5" → "prefix"), when it is clear."""
    counts: dict[str, int] = {}
    bare = 0  # numbers written without a word ("5. НЕТ")
    for label in labels:
        if label is not None and label.had_word:
            counts[label.style] = counts.get(label.style, 0) + 1
        elif label is not None:
            bare += 1
    if not counts:
        return None
    style, n = max(counts.items(), key=lambda kv: kv[1])
    # "Вопросы 2-4:" over a few grouped answers among many bare "5. НЕТ": the word is no house style
    return style if n >= 3 and n > bare else None


def find_headings(lines: tuple[Line, ...], lang: str | None) -> list[Heading]:
    """Each question's start: its number (in the form's numbering, within its part, or several at once)
    or its retyped wording."""
    return _find(lines, lang)[0]


FORM_RUN = 0.6  # share of the form's numbers a return must give in order, and no other, to number like the form


def last_number() -> int:
    """The form's last question number (23)."""
    return max(int(q.number) for q in CONTRACT.questions.values())


def ascending_run(numbers: list[int]) -> int:
    """How many of these numbers rise one after another from the start (1, 2, 4, 3, 5 → 4)."""
    run = top = 0
    for n in numbers:
        if n > top:
            run, top = run + 1, n
    return run


def _numbers_like_the_form(labels: list[Label | None]) -> bool:
    """The return numbers its answers by the form's questions ("1. A Co-ordination Council ...", "2. ...",
    ... "18. No data."): most of the form's numbers, ascending, and none beyond its last. A plan's or a law's
    numbered paragraphs run on past it or start again; a list of a few items is too short."""
    given = [label for label in labels if label is not None and len(label.numbers) == 1 and label.style != "roman"]
    # a question's parts written with its number ("3a)", "3b)", "3d)") give that number once
    numbers = [n for k, n in enumerate(label.numbers[0] for label in given) if k == 0 or n != given[k - 1].numbers[0]]
    last = last_number()
    if not numbers or max(numbers) > last or not answers_not_titles([label.rest for label in given]):
        return False
    run = ascending_run(numbers)
    return run >= FORM_RUN * last and run >= 0.8 * len(numbers)


_SENTENCE_STOP = re.compile(r"[.!;)»\"”]\s*$")


def answers_not_titles(rests: list[str]) -> bool:
    """What follows the numbers reads as answers, sentences closed by a stop ("6. Its function is advisory.",
    "13. No data."), not as a plan's chapter titles ("1. Prevention", "17. International co-operation")."""
    said = [r for r in rests if r.strip()]
    return bool(said) and sum(1 for r in said if _SENTENCE_STOP.search(r) or _BARE_ANSWER.fullmatch(r.strip())
                              or is_yes_no_word(r) or _not_a_title(r)) >= 0.6 * len(said)


def _not_a_title(rest: str) -> bool:
    """'par la loi ...; créé en 2004', 'consultative; élaboration des politiques': an answer written in small
    letters or as a list; a chapter's title opens with a capital and lists nothing."""
    t = rest.strip()
    return t[:1].islower() or ";" in t


_BARE_ANSWER = re.compile(r"[-–—_/.]+|n/?a\.?", re.I)  # "17. -", "18. n/a": an answer left blank, never a title


_LABEL_STOP = re.compile(r"[?:]")
_LABEL_WORDS = 6  # "Principali risultati", "Difficoltà di attuazione": a question's short label before its answer


def _find(lines: tuple[Line, ...], lang: str | None) -> tuple[list[Heading], list[str | None]]:
    """(the headings, and for each line the part of the form it heads or None)."""
    words = numbering_words(lang)
    order = question_order()
    labels = [parse_label(line.text, words) for line in lines]
    if sum(1 for label in labels if label is not None and label.style == "roman") < 3:
        # "I. ..." numbers questions only in a return that numbers them all so; once, it is a pronoun or a list
        labels = [None if label is not None and label.style == "roman" else label for label in labels]
    parts = part_headings(lines, labels, lang)
    scheme = scheme_of(labels, parts)
    dominant = _dominant_style(labels)
    like_the_form = _numbers_like_the_form(labels)
    headings: list[Heading] = []
    taken: set[str] = set()
    last_pos = -1
    current: str | None = None  # the part whose heading the line stands under
    new_part = False  # a part's heading since the last question
    all_texts = question_texts(lang)
    flat_keys = [k for k in order for _ in all_texts[k]]
    flat_texts = [t for k in order for t in all_texts[k]]
    # every line against every question's wording at once (rapidfuzz's vectorised cdist)
    normed = [norm(line.text)[:220] for line in lines]
    candidates = [i for i, t in enumerate(normed) if len(t) >= 18 and CHECKED not in lines[i].text and UNCHECKED not in lines[i].text]
    whole_scores: Any = process.cdist([normed[i] for i in candidates], flat_texts, scorer=fuzz.ratio, score_cutoff=78) if candidates else []
    best_whole = {i: (int(row.argmax()), float(row.max())) for i, row in zip(candidates, whole_scores) if row.max() >= 78}
    for i, line in enumerate(lines):
        if parts[i]:
            current, new_part = parts[i], True
            continue
        label = labels[i]
        if label is not None and _a_date(label.rest, lang):
            continue  # "2 juin 2015" atop a letter: the day of its date, no question's number
        after = labels[i + 1] if i + 1 < len(lines) else None
        if label is not None and not label.rest.strip() and after is not None and after.numbers == label.numbers:
            continue  # "21." alone, then "21. Structure of reports": one heading, its number written twice
        if label is not None:
            choices = keys_of(label, current, scheme)
            if len(label.numbers) > 1:
                group = [next((k for k in ks if k not in taken), ks[0]) for ks in choices if ks]
                if not group or all(k in taken for k in group):
                    continue
                key = next(k for k in group if k not in taken)
                headings.append(Heading(i, key, "numbered", label.rest, GROUP_SCORE, tuple(group)))
                run = [k for n, k in enumerate(group) if order.index(k) == order.index(group[0]) + n]
                last_pos = max(last_pos, order.index(run[-1]))
                new_part = False
                continue
            keys = [k for k in choices[0] if k not in taken]
            if not keys or (label.part and label.part != "a" and len(keys) < len(choices[0])):
                continue  # "21b)" under "21a)": the same question's next part, not the form's second 21
            rest = label.rest
            forward = [k for k in keys if order.index(k) > last_pos]
            under_its_part = new_part and current is not None
            if forward:
                key = forward[0]
                if len(forward) > 1:  # a number printed twice (the form's two 21s): the first, unless the wording says a later one
                    sims = {k: similarity(rest, k, lang, options=False) for k in forward}
                    later = max(forward[1:], key=lambda k: sims[k])
                    key = later if sims[later] > sims[key] + 10 else key
                sim = similarity(rest, key, lang, options=False)  # a heading echoes the question, not an option
                jump = order.index(key) - last_pos
                # a bare number in sequence, or a short label that echoes the question ("5) Budget"),
                # or an answer on the number's line ("19. 2004"); not a chapter title ("1. Prevention")
                answer_like = not rest or leading_yes_no(rest, lang) or bool(_SHORT_ANSWER.match(rest) and any(c.isdigit() for c in rest))
                # a table row's label before its boxes ("10. Contenu de la réponse nationale ☒ a) ..."): the label alone counts
                label_only = re.split(f"[{CHECKED}{UNCHECKED}]", rest, maxsplit=1)[0].strip()
                # a numbering word ("Q9") may skip a part the return does not answer (no co-ordination
                # mechanism: Q1, then Q9): up to the length of a part; the first number under a part's heading
                # is that part's question however far it is from the last one
                # ... or a question worded otherwise: one that asks ("?"), or a label that wraps onto the next
                # lines up to its end ("14. Main achievements (e.g. new partners," / "clearer objectives):"), or
                # the next number with a label's shape ("21. Reports: frequency, addressees, publicity")
                asks = "?" in label_only or bool(_heading_wraps(rest, list(lines[i + 1:i + 4]), lang))
                label_shaped = jump == 1 and not rest.rstrip().endswith((".", ";")) and (
                    ":" in rest or "(" in rest or len(rest.split()) <= 14)
                # ... or the next number's short label with its answer after a colon ("7 Principali risultati:
                # Approvazione della legge ... ogni anno."): the label, not the answer, has the label's shape
                head, colon, _ = rest.partition(":")
                label_shaped = label_shaped or (jump == 1 and bool(colon) and 0 < len(head.split()) <= _LABEL_WORDS
                                                and not head.rstrip().endswith((".", ";")))
                plausible = sim >= 62 or (label.had_word and jump <= 8) or (
                    under_its_part and CONTRACT.questions[key].section == current) or (
                    jump <= 3 and (answer_like or (len(label_only) < 40 and (sim >= 50 or jump == 1))
                                   or rest.endswith(("?", ":")) or asks)) or label_shaped or (
                    like_the_form and jump <= 2)
                if not plausible:
                    continue
                if dominant and not label.had_word and sim < 62 and not under_its_part:
                    continue  # a return that writes "Вопрос № 6" does not write its headings "6)": a list, or "б)" misread
                score = 1.0 if sim >= 62 or label.had_word else 0.9
            elif (label.had_word and label.style == dominant) or (
                    under_its_part and CONTRACT.questions[keys[0]].section == current):
                # answered out of the form's order ("The answers are given in the order they were received"):
                # a heading written as the return writes its others, or the first under a part's heading
                key, score = keys[0], 1.0 if label.had_word else 0.9
            else:
                continue
            headings.append(Heading(i, key, "numbered", rest, score, part=label.part))
            taken.add(key)
            last_pos = order.index(key)
            new_part = False
            continue
        text = normed[i]
        if len(text) < 18 or CHECKED in line.text or UNCHECKED in line.text:
            continue
        best: tuple[str, float, int] | None
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
        if order.index(key) <= last_pos or key in taken:
            continue
        if headings:
            cut = text.rfind("?")
            head = text[:cut + 1] if cut > 10 else text
            if similarity(head, headings[-1].key, lang) >= 90:
                continue  # the previous question's wording, wrapped ("established? When was it established?")
        jump = order.index(key) - last_pos
        numbered = sum(1 for h in headings if h.how == "numbered")
        whole = fuzz.ratio(text[:220], best[0])
        if (numbered >= 2 and jump > 2 and whole < 90) or (jump > 4 and whole < 90):
            continue  # a far jump, or a gap in a numbered return, needs the whole wording
        headings.append(Heading(i, key, "question_text", "", 0.9))
        taken.add(key)
        last_pos = order.index(key)
        new_part = False
    return _without_repeated_labels(headings, lang), parts


_YEAR = re.compile(r"^(?:19|20)\d\d\b")


def _a_date(rest: str, lang: str | None) -> bool:
    """Whether a number's line goes on as a date does: a month's name, then a year ("juin 2015", "March, 2013")."""
    words = rest.replace(",", " ").split()
    if len(words) < 2 or not _YEAR.match(words[1]):
        return False
    month = words[0].lower().strip(".")
    return any(month in patterns_for(code).months for code in {"en", lang or "en"})


_BARE_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]?\s*$")


def _number_written_twice(lines: tuple[Line, ...], at: int, end: int) -> bool:
    """'21.' alone on the line before the heading '21. Structure of reports': the heading's number, no answer."""
    m = _BARE_NUMBER.match(lines[at].text)
    if m is None or at != end - 1 or end >= len(lines):
        return False
    return re.match(rf"\s*{m.group(1)}\b", lines[end].text) is not None


def _without_repeated_labels(headings: list[Heading], lang: str | None) -> list[Heading]:
    """A report's numbered chapters ("3. Prevention" ... "9. Prevention"), not the questions: the form
    never gives two questions the same label, so labels that come back under other numbers are dropped."""

    def label(rest: str) -> str:
        t = norm(rest).strip(" .:;")
        if len(t.split()) < 2 or any(ch.isdigit() or ch == "?" for ch in t) or leading_yes_no(t, lang):
            return ""  # an answer on the heading's line ("Yes, since 2004"), no label
        if any(labels_in(p.hits(t), "blank") for p in {patterns_for(lang), patterns_for("en")}):
            return ""  # "Not applicable" may well answer many questions
        return t

    labels = [label(h.rest) if h.how == "numbered" and h.score < 1.0 and not h.group else "" for h in headings]
    counts = {t: labels.count(t) for t in labels if t}
    repeated = {t for t, n in counts.items() if n >= 2}
    if sum(counts[t] for t in repeated) < 3:
        return headings
    return [h for h, t in zip(headings, labels) if t not in repeated]


_LETTER_START = re.compile(rf"^\s*{PART_LETTER}\s")


def _letter_only(line: Line) -> Line:
    """The line's part letter alone ('a) '), its wording dropped: the answer's parts are told apart by it."""
    m = _LETTER_START.match(line.text)
    return replace(line, text=m.group(0).strip() + " ") if m else line


def _without_bare_options(body: list[Line], key: str, lang: str | None) -> list[Line]:
    """The form's options listed with no mark at all ('Yes' / 'No' on lines of their own, or
    'Advisory Policy making Implementation Other' on one): wording, not an answer. Only the
    whole list, its lines together, is the form's; some options, or options joined by commas, are an answer
    in words."""

    unmarked = {i for i, line in enumerate(body)
                if CHECKED not in marked(line.text, line.origin) and UNCHECKED not in marked(line.text, line.origin)}
    drop: set[int] = set()
    for labels in option_labels(key, lang):
        bare = [i for i in unmarked
                if any(fuzz.ratio(norm(LETTER_MARK.sub(" ", body[i].text)).strip(" ?.:-"), l) >= 90 for l in labels)]
        if len(bare) >= len(labels) and max(bare) - min(bare) < 2 * len(labels):
            drop |= set(bare)  # the list together; 'No.' here and 'Yes.' under a later part are two answers
        for i in unmarked:
            text = norm(body[i].text)
            if "," not in body[i].text and len(text) <= sum(len(l) + 2 for l in labels) + 10 \
                    and all(word_re(l).search(text) for l in labels):
                drop.add(i)
    return [line for i, line in enumerate(body) if i not in drop]


def _LEADING_OPTION_WORD(text: str, lang: str | None) -> bool:
    """'Yes. If yes, what does this budget cover?': an option's own wording, kept for its parts."""
    return leading_yes_no(norm(LETTER_MARK.sub(" ", text)), lang)


def _asks_a_part(text: str, key: str, lang: str | None) -> bool:
    """'Inter-ministerial? ☒ Yes ☐ No': a sub-question's words before its answer, unlettered; the extractor
    tells the answer's parts by them, so they stay."""
    q = CONTRACT.questions.get(key)
    if q is None:
        return False
    local = patterns_for(lang).data.options.get(key, {}) if lang and lang != "en" else {}
    texts = [t for letter in q.options if letter not in q.option_values
             for t in (q.options[letter], local.get(letter, "")) if t]
    t = norm(LETTER_MARK.sub(" ", text)).strip(" ?:")
    if not text.strip()[:1].isupper():
        return False  # "co-ordinated policy ... level?": the question's wording wrapped, not a sub-question asked
    return len(t) >= 4 and not _LETTER_START.match(text) and any(
        fuzz.partial_ratio(t, norm(x)) >= 90 and len(t) <= len(x) + 15 for x in texts)  # the part's words, not more


def _continues_wording(text: str, key: str, lang: str | None) -> bool:
    """A short line right under the heading that is a piece of the question's wording ('examples.')."""
    t = norm(LETTER_MARK.sub(" ", text)).strip(" *_.-:?")
    if (len(t) < 6 and not text.rstrip().endswith("?")) or len(t) < 2 or len(t) > 60 or any(ch.isdigit() for ch in t) \
            or CHECKED in text or UNCHECKED in text:
        return False
    if leading_yes_no(t, lang):
        return False
    return any(fuzz.partial_ratio(t, v) == 100 for v in question_texts(lang)[key])


def _strip_wording(line: Line, key: str, lang: str | None, row: list[str]) -> Line | None:
    """The line without the question's wording: None when it is all wording. `row`: the answer's lines, where
    the form's other options would stand if the line were the form's list rather than the one option named."""

    if CHECKED in marked(line.text) or UNCHECKED in marked(line.text):
        return line  # a ticked option ("c) Function assigned to a ministry X") is an answer, not wording
    text = line.text.strip()
    if not text:
        return None
    alone = one_option_alone(text, key, lang, row)
    if alone is False:
        return None  # 'Other' under 'Advisory' / 'Policy making' / ...: the last of the form's options, unmarked
    if is_wording(text, key, lang):
        if alone:
            return line
        # "When was it established? 2004": keep what follows the wording
        cut = max(text.rfind("?"), text.rfind(":"))
        if cut != -1 and text[cut + 1:].strip(" _.-\t") and _asks_a_part(text[:cut + 1], key, lang):
            return line  # "National Action Plan: No": the sub-question's words tell which part the answer is
        if cut != -1 and similarity(text[:cut], key, lang) >= 85:
            rest = text[cut + 1:].strip(" _.-\t")
            if rest and not is_wording(rest, key, lang):
                letter = _LETTER_START.match(text)  # "a) National Action Plan: No": the part's letter stays
                return replace(line, text=(letter.group(0).strip() + " " if letter else "") + rest)
        return None
    return line


_RULE = re.compile(r"^[\W_]+$")
_SHORT_ANSWER = re.compile(r"^\W*(?:\w+\W*){0,3}$", re.U)


def _heading_rest(rest: str, key: str, lang: str | None, below: str | None = None, apart: bool = False) -> str:
    """What of the heading's text after the number is answer, not the question's label, wording or instruction.
    `below`: the first line under the heading, where the answer starts when the heading holds none; `apart`: the
    reader put it in a block (cell, paragraph) of its own, so it never goes on with the heading's sentence."""
    goes_on = (lambda text, under: False) if apart else _goes_on
    if CHECKED in rest or UNCHECKED in rest:
        return rest
    words = rest.split()
    if _SHORT_ANSWER.match(rest) and any(ch.isdigit() for ch in rest):
        return rest  # "19. 2004"
    core = rest[m.end():].lstrip() if (m := _PART_LETTER_START.match(rest)) else rest
    if leading_yes_no(core, lang):
        return rest  # "1. Yes, since 2004", "3a) Oui. Ministère de l'Intérieur; ... Présidence : ..."
    if core[:1].islower() and not core.rstrip().endswith(("?", ":")) \
            and similarity(core, key, lang, options=False) < (62 if len(core) >= 20 else 80):  # a short word matches by chance
        # "17. fonction confiée à un ministère", "21a) annuelle", "6. consultative; élaboration des politiques": a label
        # opens with a capital and echoes the question; an answer in small letters may name its options
        return rest
    for stop in _LABEL_STOP.finditer(rest):
        tail = rest[stop.end():].strip(" _\t")
        if tail and leading_yes_no(tail, lang):
            # "a) Piano d'azione nazionale: Sì: adottato nel 2007": the answer starts at the first yes or no, the
            # part's letter kept
            letter = _PART_LETTER_START.match(rest)
            return (letter.group(0).strip() + " " if letter else "") + tail
    question = rest.rfind("?")
    cut = max(question, rest.rfind(":"))
    if cut != -1 and rest[cut + 1:].strip(" _.-\t"):
        after = rest[cut + 1:].strip(" _\t")
        if is_wording(after, key, lang):
            return ""
        if below is not None and goes_on(after, below):
            # "... reviewed? The commission" / "reviews the plan.": the answer wraps; "... specific" / "examples." is wording
            return "" if is_wording(after + " " + below.strip(), key, lang) else after
        if cut == question and below is not None and not _answer_like(after, lang):
            return ""  # the question's instruction ("... achieved? Please give concrete cases (...)."), the answer under it
        return after
    if below is not None and goes_on(rest, below):
        return rest  # "Q7 Opening of two shelters for victims, in" / "co-operation with NGOs.": the answer wraps
    if rest.rstrip().endswith(("?", ":")):
        return ""  # the question, however it is worded; its answer follows
    if len(words) <= 9 and not rest.rstrip().endswith("."):
        return ""  # a short label: "Achievements of the plan", "Budget"
    if below is not None and not rest.rstrip().endswith((".", "!", ";")) and not goes_on(rest, below):
        return ""  # a label over its answer: "A.7 Primary achievements (concrete examples, e.g. ...)"
    if rest.rstrip().endswith("."):
        return "" if is_wording(rest, key, lang) else rest  # a sentence answers, unless it retypes the question
    return "" if similarity(rest, key, lang) >= 62 else rest


def _answer_like(text: str, lang: str | None) -> bool:
    """An answer's shape on a heading's line: a yes or no, a date or year, a box."""
    return leading_yes_no(text, lang) or bool(_SHORT_ANSWER.match(text) and any(ch.isdigit() for ch in text)) \
        or CHECKED in marked(text) or UNCHECKED in marked(text)


def _goes_on(text: str, below: str) -> bool:
    """Whether the line below carries on the text's sentence ("... for victims, in" / "co-operation with NGOs.")."""
    below = below.strip()
    return bool(below) and below[:1].islower() and not text.rstrip().endswith((".", "?", ":", "!", ";"))


_OPEN, _CLOSE = "([", ")]"


_PART_LETTER_START = re.compile(r"^\s*[a-hа-з]\)", re.I)
# "2a", "Q3b": the question's number and the part's letter, then perhaps the part's letter again in the form's
# alphabet after a dash ("Q3b – б) Эксперты?")
_PART_NUMBER = re.compile(r"^\s*(?:Q\.?\s?)?(\d{1,2})\s?([a-hа-з])(?:[.):]|\s|$)\s*(?:[–—-]\s*(?:[a-hа-з]\)\s*)?)?", re.I)


# where a field's value typed one part after the other goes on to the next part: " - b) ...", " - Falls ja, wofür?:",
# " - Funktion: ..."
_JOINED = re.compile(r"\s[-–—]\s(?![xX✓✔]\s)(?=[a-hа-з]\)\s|[^\W\d][^-–—?:\n]{2,120}\?\s?:|[^\W\d][^-–—?:\n]{2,40}:\s)", re.I)  # not "Observer - X Other: ...", an option's mark after it


def _joined_parts(line: Line) -> list[Line]:
    """A form field's value holding every part of its question, one after the other ("a) Interministeriell?: ja -
    BMI, BMJ - b) Fachleute?: ja - ... - Anteil: 40% - Funktion: Als Beobachter"): a line per part, as a typed
    return sets them."""
    pieces = [p.strip() for p in _JOINED.split(line.text)]
    return [line] if len(pieces) == 1 else [replace(line, text=p) for p in pieces if p]


def _part_number_as_letter(line: Line, key: str) -> Line:
    """'2a National Coordinator', '9b' in a table's number column, 'Q3b – б) ...': the question's number with a part's letter,
    written as the letter alone ('a) National Coordinator') so the answer's parts are told apart by it."""
    m = _PART_NUMBER.match(line.text)
    if not m or m.group(1) != CONTRACT.questions[key].number:
        return line
    return replace(line, text=f"{m.group(2).lower()}) {line.text[m.end():]}".rstrip() + " ")


def _asks_below(following: list[Line], key: str, lang: str | None) -> bool:
    """Whether the first line under a bare number is the question, worded however the return words it: it asks
    ("?") or introduces (":"), holds no box, opens with no option's letter or yes/no, and an answer follows it."""
    texts = [line.text.strip() for line in following if line.text.strip()]
    if len(texts) < 2:
        return False
    t = texts[0]
    if _answer_like(t, lang) or _LETTER_START.match(t) or _asks_a_part(t, key, lang) or answer_label(lang).match(t):
        return False
    if "?" in t or t.endswith(":"):
        return True
    # a label in the question's cell ("Zusammensetzung (sofern es sich um eine Arbeitsgruppe ... handelt)"): no
    # sentence, and the question's own words
    return not t.endswith((".", ";", "!")) and ":" not in t and any(
        fuzz.token_set_ratio(norm(t), v) >= 60 for v in question_texts(lang)[key][0::2])


def _heading_wraps(rest: str, following: list[Line], lang: str | None) -> int:
    """How many lines under a numbered heading carry on its wording, however it is worded: a heading that
    stops mid-sentence ("14. Main achievements of the NAP (specific instances, e.g. new partners, clearer")
    goes on over lines that continue it (a lower-case start, an open bracket) up to the one that ends the
    question ("?" or ":" or its closing bracket). 0 when the heading is whole or the lines are an answer."""
    text = rest.rstrip()
    if not text or _answer_like(text, lang):
        return 0
    depth = sum(text.count(c) for c in _OPEN) - sum(text.count(c) for c in _CLOSE)
    if depth <= 0 and text.endswith((".", "?", ":", "!", ";")):
        return 0  # a whole heading ("(e.g." leaves its bracket open)
    if "?" in text and depth <= 0 and not _LETTER_START.match(text[text.rfind("?") + 1:] + " "):
        return 0  # "13. How is it reviewed? The commission reviews" / "the plan every year.": an answer goes on
    # ... but "21. Structure: a) How often ...? b) To whom are they" goes on asking its next part
    last_word = text.split()[-1]
    for n, line in enumerate(following[:3]):
        t = line.text.strip()
        if n == 0 and depth <= 0 and last_word.isalpha() and last_word.islower() and 0 < len(t.split()) <= 2 \
                and not _answer_like(t, lang) and not _LETTER_START.match(t + " ") and len(following) > 1 \
                and not any(ch.isdigit() for ch in t) and (t.isupper() or t[:1].islower()):
            return 1  # "... co-ordination mechanism on" / "THB": the heading's last word or two
        if not t or _LETTER_START.match(t + " ") or _answer_like(t, lang) or not (t[:1].islower() or t[:1] in _OPEN or depth > 0):
            return 0  # an option's letter ("a)") starts the answer's parts
        depth += sum(t.count(c) for c in _OPEN) - sum(t.count(c) for c in _CLOSE)
        if depth <= 0 and ("?" in t or t.endswith(":") or t.rstrip(" .:;").endswith(tuple(_CLOSE))):
            return n + 1
    return 0


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


def _answer_column(lines: tuple[Line, ...], headings: list[Heading]) -> float | None:
    """Where the answer column starts when the form is a table with the questions in the left column
    and the answers beside them (an answer cell's first line stands on its question's first line, to
    the right of it), or None. Two such rows make a table: one may be a line that happens to sit there."""
    starts = []
    for h in headings:
        i = h.at
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


def _continues_answer_cell(line: Line, body: list[Line], column: float | None) -> bool:
    """A line of a two-column table's answer cell after the cell's first answer line ("Aplicación de la ley y
    enjuiciamiento, Cooperación" under "Reforma legislativa, Prevención, ..."): the answer wrapped, however
    much of it the options' words make up."""
    if column is None or line.bbox is None or not body:
        return False
    last = body[-1]
    return (last.block == line.block and last.page == line.page and last.bbox is not None
            and last.bbox[0] >= column and line.bbox[0] >= column)


def _in_question_cell(line: Line, head: Line, column: float | None) -> bool:
    """A line of the question's own cell in a table with an answer column: its label ('Nature of the
    mechanism') or its wording wrapped there ('скоординированных мер? Просьба'), however its words differ
    from the wording the patterns know."""
    return (column is not None and line.bbox is not None and head.bbox is not None and line.page == head.page
            and line.bbox[2] < column and line.bbox[0] >= head.bbox[0] - 2
            and CHECKED not in line.text and UNCHECKED not in line.text)  # a Yes/No column's box answers


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
    headings, parts = _find(lines, lang)
    column = _answer_column(lines, headings)
    label = answer_label(lang)
    segments: list[Segment] = []
    for n, h in enumerate(headings):
        i, key = h.at, h.key
        end = headings[n + 1].at if n + 1 < len(headings) else len(lines)
        following = [line for at, line in enumerate(lines[i + 1:end], i + 1)
                     if not parts[at] and not _number_written_twice(lines, at, end)]  # a part's heading answers nothing
        head_line, head_rest = lines[i], h.rest
        if not head_rest and _asks_below(following, key, lang):
            # a bare number, the question in the cell or line under it ("9." / "Gibt es einen ...? Bitte erläutern.")
            while not following[0].text.strip():
                following = following[1:]
            head_line, head_rest, following = following[0], following[0].text.strip(), following[1:]
        wraps = _heading_wraps(head_rest, following, lang) if head_rest else 0
        heading_text = " ".join([head_rest] + [line.text.strip() for line in following[:wraps]])
        following = following[wraps:]
        body: list[Line] = []
        under = next((line for line in following if line.text.strip() and not _RULE.match(line.text)), None)
        below = under.text if under is not None else None
        # a line the reader set in a block of its own (a sheet's answer cell) does not go on with the heading's
        apart = under is not None and None not in (under.block, head_line.block) and under.block != head_line.block
        rest = _heading_rest(heading_text, key, lang, below, apart) if heading_text else ""
        if h.part and not _PART_LETTER_START.match(rest):
            rest = f"{h.part}) {rest}".rstrip() + " "  # "3a) Inter-ministerial  Yes: ...": the part's letter opens its answer
        first = replace(head_line, text=rest) if rest else None
        wording_goes_on = not first
        row = ([first] if first else []) + following
        row = [piece for line in row for piece in _joined_parts(_part_number_as_letter(line, key))]
        row_texts = [line.text for line in row]
        for k, line in enumerate(row):
            found = label.match(line.text)
            # "Answer:" / "Réponse -" marks the answer; a one-letter label may be an option's letter ("a. Yes")
            labelled = found is not None and (":" in found.group(0) or len(found.group(0).strip(" .-–")) > 2)
            if found:
                line = replace(line, text=line.text[found.end():])
            if labelled:
                wording_goes_on = False  # "Answer: International co-operation, ...": the answer, even in the options' words
            elif column is not None and line.bbox is not None and line.bbox[0] >= column:
                wording_goes_on = False  # the answer cell of a two-column table
            if _in_question_cell(line, lines[i], column) and _LETTER_START.match(line.text):
                # the part's number in the question's column ("2b Working group"): its letter opens the part's answer
                body.append(_letter_only(line))
                continue
            if _RULE.match(line.text) or _ANNEX.match(line.text) or _in_question_cell(line, lines[i], column) \
                    or _table_header(line.text, lang):
                continue  # a ruled line, the list of what is enclosed, the question's cell, a table's header: no answer
            if wording_goes_on and "?" in line.text and not _LETTER_START.match(line.text):
                # the wording's last line, perhaps with the answer after its question mark:
                # "... reporting on THB? Not applicable." / "... cover? Yes ☒ No"

                cut = line.text.rfind("?")
                head, tail = line.text[:cut + 1], line.text[cut + 1:].strip(" _\t")
                boxed = CHECKED in marked(head, line.origin) or UNCHECKED in marked(head, line.origin)
                if not boxed and not _LEADING_OPTION_WORD(head, lang) and not _asks_a_part(head, key, lang) and (
                        _continues_wording(head, key, lang) or (len(head) <= 160 and similarity(head, key, lang) >= 85)):
                    tail_wording = LETTER_MARK.sub(" ", tail)
                    if not tail or _continues_wording(tail_wording, key, lang) or is_wording(tail_wording, key, lang):
                        continue  # "Action Plan? b) Other equivalent": the question goes on, inline options and all
                    line = replace(line, text=tail)
            if wording_goes_on and _continues_wording(line.text, key, lang) and not _LETTER_START.match(line.text) \
                    and not one_option_alone(line.text, key, lang, row_texts):
                kept = None  # the question's wording wrapped onto this line
            else:
                wording_goes_on = False
                kept = line if labelled or _closed_by_a_later_mark(row, k) or _continues_answer_cell(line, body, column) \
                    else _strip_wording(line, key, lang, row_texts)
            if kept is not None and kept.text.strip():
                body.append(kept)
            elif _LETTER_START.match(line.text):
                # the option's wording goes, its letter stays: the answer's parts a) b) c) are told apart by it
                body.append(_letter_only(line))
                wording_goes_on = True  # the option's wording may wrap onto the next line too
        body = _without_bare_options(body, key, lang)
        if n + 1 == len(headings):
            body = _without_signature(until_closing(body, lang, start=0))
        if h.group:
            for q, q_lines in route_group(body, h.group, lang).items():
                segments.append(Segment(q, tuple(q_lines), h.how, h.score, heading=lines[i].text))
        else:
            segments.append(Segment(key, tuple(body), h.how, h.score, heading=lines[i].text))
    return _split_unheaded(segments, lang)


UNHEADED_SCORE = 0.9  # a question found by its retyped part alone: its heading left out


def _split_unheaded(segments: list[Segment], lang: str | None) -> list[Segment]:
    """A return that leaves a question's heading out and retypes its lettered parts ("2. ... / a) Inter-
    ministerial? If yes, which ministries are represented?"): from the first such part on, the lines answer
    that question (3), not the one before it, when it is a later question the return numbers nowhere."""
    order = question_order()
    found = {s.question for s in segments}
    out: list[Segment] = []
    todo = list(reversed(segments))
    while todo:
        seg = todo.pop()
        for k, line in enumerate(seg.lines):
            q = sub_question_of(line.text, lang)
            if q and q not in found and seg.question in order and order.index(q) > order.index(seg.question):
                found.add(q)
                start = start_of_parts([l.text for l in seg.lines], k, q, seg.question, lang)
                # each retyped part keeps its letter only, as under a numbered heading: its wording is no answer
                rest = tuple(_letter_only(l) if sub_question_of(l.text, lang) == q
                             or (at <= k and "?" in l.text and part_letter(l.text)) else l
                             for at, l in enumerate(seg.lines[start:], start))
                k, line = start, seg.lines[start]
                todo.append(Segment(q, rest, seg.how, min(seg.score, UNHEADED_SCORE), heading=line.text))
                seg = replace(seg, lines=seg.lines[:k])
                break
        out.append(seg)
    return out
