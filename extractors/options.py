"""Which option an answer chose: ticked boxes by letter or wording, else the option's words.

A ticked box is read by the form's letter written beside it, or by its label's wording
matched to an option (in English or the return's language), or by the n-th box of as
many as the form has options; a label that fits no option is read by the field's words.
Yes/no comes from boxes labelled yes or no, else from the answer's words.
"""

from __future__ import annotations

from dataclasses import replace
import re
from functools import lru_cache

from rapidfuzz import fuzz

from extractors.answer_text import after_question
from extractors.view import _PART, View, fold, joined, tick_how
from extractors.values import keyword_values, unlisted_item, yesno, yesno_from_options
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.language.patterns import bare_yes_no, labels_in, patterns_for, yes_no_word
from questionnaire_returns.records import Line, Read
from questionnaire_returns.segment.marks import CYRILLIC_LETTERS, has_boxes, options_in


def yes_no(v: View, lines: list[Line], letters: dict[str, str] | None = None) -> Read | None:
    """Yes/no from boxes (by label, then by letter), else from words."""
    opts = options_in(lines)
    if opts:
        got = yesno_from_options(opts, v.pats)
        if got:
            return Read(got[0], got[1].line, tick_how(got[1].line, got[1].ambiguous))
        if letters:
            for o in opts:
                if o.checked and o.letter in letters and letters[o.letter] in ("yes", "no"):
                    return Read(letters[o.letter], o.line, tick_how(o.line))
    # boxes left empty: the answer may still be given in words under them
    words = [l for l in lines if not has_boxes([l])]
    if any(o.checked for o in opts):
        # a box ticked but not read: the form's unmarked options ("b) No") under it are no answer
        words = [l for l in words if not ((m := _PART.match(l.text)) and bare_yes_no(l.text[m.end():], v.pats))]
    # a question retyped in the return's own translation ("d) Are NGOs part of this group? ...") is no answer:
    # only what follows its question mark ("... defined in legislation? A: No") is
    words = [kept for l in words if (kept := after_question(l, v.pats.lang)) is not None]
    return yesno(words, v.pats) if words else None


def letter_of(label: str, question: str, lang: str, before: bool = False) -> str | None:
    """The form's letter for an option written without one ("☒ Prevention"), by its wording;
    for a label before its box ("Advisory Policy making Implementation X") the option it ends with."""
    options = dict(CONTRACT.questions[question].options) if question in CONTRACT.questions else {}
    local = patterns_for(lang).data.options.get(question, {})
    label = label.lower()[-80:] if before else label.lower()[:80]
    if len(label) < 2:
        return None
    if before:
        ends = [(len(t), letter) for letter, t in list(options.items()) + list(local.items())
                if label.rstrip(" :.?").endswith(t.lower().rstrip(" :.?"))]
        if ends:
            return max(ends)[1]
    if len(label) >= 6:
        # a label cut where its line wrapped ("☒ Un'altra" / "risposta coordinata ..."): the one option it begins
        starts = {letter for letter, t in list(options.items()) + list(local.items()) if t.lower().startswith(label)}
        if len(starts) == 1:
            return starts.pop()
    best, best_score = None, 0.0
    for letter, text in list(options.items()) + list(local.items()):
        text = text.lower()
        score = fuzz.ratio(label, text) if len(label) < 12 else fuzz.partial_ratio(label, text)
        if score > best_score:
            best, best_score = letter, score
    if best_score >= 85:
        return best
    # "Otro (descríbase): <the description>": an option named by its first word alone, when only one option begins with it
    head = _FIRST_WORD.match(label)
    if head and len(head.group(1)) >= 4 and not before:
        firsts = {letter for letter, t in list(options.items()) + list(local.items())
                  if (m := _FIRST_WORD.match(t.lower())) and m.group(1) == head.group(1)}
        if len(firsts) == 1:
            return firsts.pop()
    return None


_FIRST_WORD = re.compile(r"^\W*([^\W\d_]+)")


def ticked_values(v: View, letters: dict[str, str], lines: list[Line] | None = None,
                  group: str | None = None) -> list[tuple[str, Line, str]]:
    """Values of checked boxes: by the form's letter (written, or told by the option's wording), else by the
    label's words (`group`). `letters`: the question's options that stand for values, letter -> value."""
    out: list[tuple[str, Line, str]] = []
    boxes = v.options if lines is None else options_in(lines)
    question = v.seg.question
    # as many unlettered boxes as the form has options: the n-th box is the n-th option
    in_order = bool(letters) and len(boxes) == len(letters) and not any(o.letter for o in boxes)
    for n, o in enumerate(boxes):
        if not o.checked:
            continue
        head, colon, _ = o.label.partition(":")
        letter = o.letter or (
            # "Other: monitoring of the implementation ☒": the option is named before its colon, the rest details it
            (letter_of(head, question, v.pats.lang) if colon and head.strip() else None)
            or letter_of(o.label, question, v.pats.lang, o.before) if letters else None)
        if letter is None and in_order:
            letter = "abcdefgh"[n]
        value = letters.get(letter or "")
        if value is None and group:
            # the words nearest the box: "Full member (decision-making) Observer ☒" marks the observer
            hits = sorted((h for h in v.pats.hits(o.label) if labels_in([h], group)),
                          key=lambda h: -h.end if o.before else h.start)
            value = labels_in(hits[:1], group)[0] if hits else None
        if value and value not in [x for x, _, _ in out]:
            out.append((value, o.line, tick_how(o.line, o.ambiguous)))
    return out


@lru_cache(maxsize=None)
def _other_words(lang: str | None) -> frozenset[str]:
    """The words the form gives its 'Other' options in English and in `lang` ("Other", "Autre", "Иное")."""
    words = set()
    for key, q in CONTRACT.questions.items():
        local = patterns_for(lang).data.options.get(key, {}) if lang and lang != "en" else {}
        for letter, value in q.option_values.items():
            if value == "other":
                for text in (q.options.get(letter, ""), local.get(letter, "")):
                    if text:
                        words.add(re.split(r"[?:.(]", text)[0].strip().lower())
    return frozenset(w for w in words if w)


def other_ticked(v: View, lines: list[Line]) -> Line | None:
    """The line of a ticked box labelled only 'Other' (in the form's word for it), where the question's options
    stand for no values of their own (civil society's roles under part d): the answer's 'other'."""
    for o in options_in(lines):
        label = o.label.partition(":")[0].strip(" .?-–").lower()
        if o.checked and label in _other_words(v.pats.lang):
            return o.line
    return None


# "а), г), е)", "a, d, f", "b) c)": the form's options named by their letters alone
_LETTERS_ONLY = re.compile(r"(?:[a-hа-з]\)?[\s,;.]*)+", re.I)
_LETTER = re.compile(r"[a-hа-з]", re.I)


def letters_named(lines: list[Line], letters: dict[str, str]) -> tuple[list[str], Line] | None:
    """The values an answer names by the form's letters alone ("Ответ: а), г), е)"), with its line; None when no
    line is only letters (two at least, or one closed by its bracket: a lone "a" is a word)."""
    for line in lines:
        t = line.text.strip()
        if not t or not _LETTERS_ONLY.fullmatch(t) or not (len(_LETTER.findall(t)) >= 2 or ")" in t):
            continue
        named = [letters.get(c.lower().translate(CYRILLIC_LETTERS)) for c in _LETTER.findall(t)]
        if named and all(named):
            return list(dict.fromkeys(v for v in named if v)), line
    return None


def multi(v: View, letters: dict[str, str], group: str | None, lines: list[Line] | None = None) -> Read | None:
    """The options ticked, or named by their letters, or, where the answer has no boxes, the values its words name."""
    ticked = ticked_values(v, letters, lines, group)
    if ticked:
        values = sorted({t[0] for t in ticked})
        return Read(";".join(values), ticked[0][1], ticked[0][2])
    if v.has_boxes(lines):
        return None
    lines = v.lines if lines is None else lines
    by_letter = letters_named(lines, letters) if letters else None
    if by_letter:
        return Read(";".join(sorted(by_letter[0])), by_letter[1], "pattern")
    found = keyword_values([joined(lines)], v.pats, group) if lines and group else []
    if not found:
        return None
    named = {f[0] for f in found}
    question = CONTRACT.questions.get(v.seg.question)
    options = tuple(question.options.values()) + tuple(v.pats.data.options.get(v.seg.question, {}).values()) if question else ()
    if "other" in letters.values() and group and unlisted_item(joined(lines).text, v.pats, group, options):
        named.add("other")  # "implementation and monitoring": monitoring is none of the form's options
    return Read(";".join(sorted(named)), found[0][1], "pattern")


def choice(v: View, letters: dict[str, str], group: str | None, lines: list[Line] | None = None) -> Read | None:
    """The option ticked (weak when several are), or, where the answer has no boxes, the value its words name.
    A field no box stands for (the reports' model under the row of their contents) is read from the words of
    the lines without boxes."""
    ticked = ticked_values(v, letters, lines, group)
    if ticked:
        how = ticked[0][2] if len(ticked) == 1 else "pattern.weak"
        return Read(ticked[0][0], ticked[0][1], how)
    if letters and v.has_boxes(lines):
        return None
    lines = v.lines if lines is None else lines
    by_letter = letters_named(lines, letters) if letters else None
    if by_letter and len(by_letter[0]) == 1:
        return Read(by_letter[0][0], by_letter[1], "pattern")
    if not letters:
        lines = [l for l in lines if not v.has_boxes([l])]
    found = keyword_values([joined(lines)], v.pats, group) if lines and group else []
    if not found:
        return None
    return Read(found[0][0], found[0][1], "pattern" if len(found) == 1 else "pattern.weak")


def answer_under_option(v: View, question: str, letter: str) -> list[Line]:
    """A part's lines without the option's own wording retyped above its answer ("a) A National Action Plan" /
    "Yes.") or before it on its line ("b) Other equivalent response: Yes")."""
    lines = v.part(letter)
    if not lines or has_boxes(lines[:1]):
        return lines
    m = _PART.match(lines[0].text)
    text = lines[0].text[m.end():] if m else lines[0].text
    options = [CONTRACT.questions[question].options.get(letter, ""), v.pats.data.options.get(question, {}).get(letter, "")]

    def is_option(label: str) -> bool:
        label = label.strip(" ?:.\t").lower()
        # the option's words, not more: "National Action Plan: Yes - National Action Plan 2011" is its answer too
        return bool(label) and yes_no_word(label, v.pats) is None and any(
            len(label) <= 1.5 * len(o) + 10
            and max(fuzz.partial_ratio(label, o.lower()), fuzz.token_set_ratio(label, o.lower())) >= 80
            for o in options if o)

    head, colon, tail = text.partition(":")
    if colon and tail.strip() and is_option(head):
        return [replace(lines[0], text=tail.strip())] + lines[1:]
    if len(lines) > 1 and (is_option(text) or ("?" in text and is_option(text.split("?", 1)[0]))):
        return lines[1:]  # "b) Another equivalent response? Please describe." over "Yes. ...": the part asks, the line below answers
    return lines


def ticked_detail(v: View, letter: str) -> Read | None:
    """What the return wrote after a ticked option's own words ("☒ Working group / commission / task force:
    National Steering Committee on THB"): the option's detail, when the ticked option is the part `letter`."""
    for o in v.checked():
        head, sep, detail = o.label.partition(":")
        if not sep or len(detail.split()) < 2:
            continue
        if (o.letter or letter_of(head, v.seg.question, v.pats.lang)) == letter:
            return Read(fold(detail).strip(" .;,"), o.line, "pattern" if not o.ambiguous else "pattern.weak")
    return None
