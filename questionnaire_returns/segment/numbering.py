"""How a return numbers the questions, and which of the schema's questions each number means.

Returns number the form's questions in many ways: as the form does ("5.", "Q5",
"Question 5", "A.5"), within each part ("B.2", "II.3", "Section B, item 2", or "2."
under a "Part B" heading: the second question of part B), and several questions at once
("Questions 2-4:", "Q5/Q20:", "Вопросы 9, 10:"). `parse_label` reads what stands before a
line's text; `section_heading` tells a part's heading ("SECTION B: ACTION PLAN",
"Раздел B.", "II. ..."); `Scheme` says, for the whole document, whether its numbers
count within each part. The parts and their questions come from the schema.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.language.patterns import Cue, patterns_for
from questionnaire_returns.records import CHECKED, UNCHECKED
from questionnaire_returns.segment.marks import CYRILLIC_LETTERS

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}
_CYRILLIC = "АБВГДЕЖЗ"
_EMPHASIS = re.compile(r"\*\*|__")
_GLUED = re.compile(r"^([^\W\d_]{3,})\s([^\W\d_]{1,3})(?=\.?\s*\d)")
_NUMBER_SIGN = re.compile(r"^(?:n\.?\s*[°º]|№)\s*(?=\d)", re.I)
# "A.5", "B 12", "Б.3", "II.3", "III-9"; a Cyrillic letter glued to the number ("В1") may be В for вопрос
_PREFIX = re.compile(r"^(?:(?P<roman>[IVX]{1,4})\s?[.\-]\s?|(?P<latin>[A-H])\s?[.\-]?\s?|(?P<cyr>[А-З])\s?[.\-]\s?|[АБВ])(?=\d)")
_WORD = Cue(r"^([^\W\d_]{1,12})\.?\s*(?:{number.sign}\s*)?(?=\d)")  # "Frage Nr. 5", "Вопрос № 3"
# "Section B, item 2", "Part II question 3", "Раздел Б, пункт 2"
_SECTION_WORD = Cue(r"^(?:{number.section:words})\s*(?P<sid>[A-HА-З]|[IVX]{1,4}|\d)(?![\w.]\d)\s*[,.:\-–]?\s*")
_NUMBER = re.compile(r"^(\d{1,2})(?!\d|[.,]\d)")
_GLUED_PART = re.compile(r"^([a-hа-з])(?:[).:]\s*|\s+)", re.I)  # the part's letter glued to the number: "9a)", "3b "
_AFTER = re.compile(r"^\s*(?:[.):\-–]\s*|\s+|$)(.*)$", re.S)
# what joins the numbers of questions answered together: "2-4", "5/20", "9, 10", "2 à 4", "7 et 8"
_THROUGH = Cue(r"^\s*(?:[-–]|\s(?:{number.through:words})\s)\s*")
_AND = Cue(r"^\s*(?:[/,&+]|\s(?:{number.and:words})\s)\s*")
# "SECTION A: NATIONAL CO-ORDINATION", "Part B - Action plan", "Раздел B. Национальный план"
_SECTION_LINE = Cue(r"^\W*(?:{number.section:words})\s*(?P<sid>[A-HА-З]|[IVX]{1,4}|\d)(?:\s*[.:\-–)]\s*(?P<title>.*))?$")
# "A. Structures nationales de coordination", "II. ACTION PLAN"
_LETTERED_LINE = re.compile(r"^\W*(?P<sid>[A-H]|[IVX]{1,4}|[А-З])\s*[.):\-–]\s+(?P<title>[^\d?]{4,100})$")


_ROMAN_NUMBER = re.compile(r"^([IVXL]{1,6})[.)]\s+(?=\S)")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman_value(numeral: str) -> int:
    """'XXI' → 21; 0 for what is no well-formed numeral ('IIII', 'VX')."""
    total = 0
    for n, ch in enumerate(numeral):
        value = _ROMAN_DIGITS[ch]
        following = _ROMAN_DIGITS[numeral[n + 1]] if n + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total if _as_roman(total) == numeral else 0


def _as_roman(value: int) -> str:
    out = ""
    for n, numeral in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= n:
            out, value = out + numeral, value - n
    return out


@dataclass(frozen=True, slots=True)
class Label:
    """The number (or numbers) a line opens with, and what follows it."""

    numbers: tuple[int, ...]  # one, or every question a grouped answer names ("Questions 2-4": 2, 3, 4)
    rest: str
    had_word: bool  # a numbering word or a part's prefix stands before it: "Q5", "Frage 5", "A.5"
    section: str | None = None  # the schema's part the prefix names ("B.2", "II.3", "Section B, item 2")
    style: str = ""  # how the number is written ("q", "section", "."): a return writes its headings one way
    part: str = ""  # the part's letter glued to the number ("9a)"): the heading opens that part


def section_at(index: int) -> str | None:
    """The schema's part at this place (0 for the first)."""
    keys = list(CONTRACT.sections)
    return keys[index] if 0 <= index < len(keys) else None


def _section_of(sid: str, roman_first: bool = True) -> str | None:
    """A part's letter, Roman or Arabic numeral ('B', 'Б', 'II', '2') as the schema's part."""
    sid = sid.strip().upper()
    if roman_first and sid in _ROMAN:
        return section_at(_ROMAN[sid] - 1)
    if sid.isdigit():
        return section_at(int(sid) - 1)
    if len(sid) == 1 and "A" <= sid <= "Z":
        return section_at(ord(sid) - ord("A"))
    if len(sid) == 1 and sid in _CYRILLIC:
        return section_at(_CYRILLIC.index(sid))
    return None


@lru_cache(maxsize=None)
def section_questions(section: str) -> tuple[str, ...]:
    """The part's questions in the form's order."""
    return tuple(k for k, q in CONTRACT.questions.items() if q.section == section)


def parse_label(text: str, words: frozenset[str]) -> Label | None:
    """The question number(s) a line opens with ("5.", "Q5", "A.5", "II.3", "Section B, item 2",
    "Questions 2-4:"), or None. `words`: the numbering words ("Question", "Q", "Frage" ...)."""
    t = _EMPHASIS.sub("", text).strip().lstrip("•-–*#").strip()  # "**A.1** Budget" in a Markdown reply
    glued = _GLUED.match(t)  # "Questio n 8": a numbering word broken where a narrow table cell wrapped it
    if glued and (glued.group(1) + glued.group(2)).lower() in words:
        t = glued.group(1) + glued.group(2) + t[glued.end():]
    had_word, section, style = False, None, ""
    m = _SECTION_WORD.match(t)
    if m:
        section = _section_of(m.group("sid"))
        if section is None:
            return None
        t, had_word, style = t[m.end():], True, "section"
        w = _WORD.match(t)
        if w:
            if w.group(1).lower() not in words:
                return None
            t = t[w.end():]
    else:
        sign = _NUMBER_SIGN.match(t)
        if sign:
            t, had_word, style = t[sign.end():], True, "sign"
        m = _PREFIX.match(t)
        if m and m.group("roman"):
            section = _section_of(m.group("roman"))
        elif m and m.group("latin"):
            section = _section_of(m.group("latin"), roman_first=False)
        elif m and m.group("cyr"):
            section = _section_of(m.group("cyr"))
        if m and (section is not None or not (m.group("roman") or m.group("latin"))):
            t, had_word, style = t[m.end():], True, "prefix"  # "A.5": the form's part and the question's number
        elif not sign:  # "D5" in an Italian return is Domanda 5, not a part D the form lacks
            w = _WORD.match(t)
            if w:
                word = w.group(1).lower()
                if word not in words and word.rstrip(".") not in words:
                    return None
                t, had_word, style = t[w.end():], True, word.rstrip(".")
    numbers, t = _numbers(t, words, grouped=had_word)
    if not numbers and not had_word:
        roman = _ROMAN_NUMBER.match(t)  # "IV. Under what authority ...": the form's number in Roman numerals
        value = _roman_value(roman.group(1)) if roman else 0
        if value and roman:
            return Label((value,), t[roman.end():].strip(), False, None, "roman")
    if not numbers:
        return None
    glued_part = _GLUED_PART.match(t) if len(numbers) == 1 else None
    part = ""
    if glued_part:  # "9a) National Action Plan  Yes": question 9, its part a) (a table's number column)
        part = glued_part.group(1).lower().translate(CYRILLIC_LETTERS)
        t = f" {glued_part.group(1).lower()}) {t[glued_part.end():]}"
    after = _AFTER.match(t)
    if not after:
        return None
    if not style:
        style = t[:1] if t[:1] in ".):" else " "
    return Label(numbers, after.group(1).strip(), had_word, section, style, part)


def _numbers(t: str, words: frozenset[str], grouped: bool) -> tuple[tuple[int, ...], str]:
    """The numbers at the start of t, and what follows them: "2-4" is 2, 3 and 4; "5/20" is 5 and 20.
    Only a numbering word or a part's prefix makes several numbers one heading ("Questions 2-4")."""
    m = _NUMBER.match(t)
    if not m:
        return (), t
    numbers = [int(m.group(1))]
    t = t[m.end():]
    while grouped:
        joined = _THROUGH.match(t)
        through = bool(joined)
        joined = joined or _AND.match(t)
        if not joined:
            break
        after = t[joined.end():]
        w = _WORD.match(after)
        if w and (w.group(1).lower() in words or w.group(1).lower().rstrip(".") in words):
            after = after[w.end():]
        n = _NUMBER.match(after)
        if not n:
            break
        last = int(n.group(1))
        if through:
            if not 0 < last - numbers[-1] <= 8:
                break
            numbers.extend(range(numbers[-1] + 1, last + 1))
        else:
            if last in numbers:
                break
            numbers.append(last)
        t = after[n.end():]
    return tuple(numbers), t


def section_heading(text: str, lang: str | None, lettered: bool = True, titled: bool = True) -> str | None:
    """The schema's part a line heads ("SECTION B: ACTION PLAN", "Part II", "Раздел B. ...", "A. Structures
    nationales de coordination"), or None. `lettered`: a line with a part's letter but no part's word may head
    one too, when its title is the part's title or is written in capitals ("A. National co-ordinator" is an
    option, which the caller tells by where it stands)."""
    t = text.strip()
    if not t or len(t) > 120 or "?" in t or CHECKED in t or UNCHECKED in t:
        return None
    m = _SECTION_LINE.match(t)
    if m:
        title = (m.group("title") or "").strip()
        if title and (len(title.split()) > 12 or title.rstrip().endswith((".", ";")) and len(title.split()) > 8):
            return None
        return _section_of(m.group("sid"))
    m = _LETTERED_LINE.match(t) if lettered else None
    if not m:
        return None
    section = _section_of(m.group("sid"))
    title = m.group("title").strip()
    if section is None or len(title.split()) < 2 or len(title.split()) > 12 or title.endswith((".", ";", ",")):
        return None
    letters = [c for c in title if c.isalpha()]
    if letters and all(c.isupper() for c in letters) or not titled:
        return section  # `titled` False: the caller knows the line stands where a part starts
    return section if _like_a_section_title(title, section, lang) else None


def _like_a_section_title(title: str, section: str, lang: str | None) -> bool:
    """Whether the title reads as the part's title (in English or in the return's language)."""
    t = title.lower()
    titles = [CONTRACT.sections[section].title.lower()]
    local = patterns_for(lang).data.boilerplate if lang and lang != "en" else []
    titles += [re.sub(r"^\W*\w{1,3}\s*[.)]\s*", "", b).lower() for b in local]
    return any(fuzz.token_set_ratio(t, x) >= 80 for x in titles)


@dataclass(frozen=True, slots=True)
class Scheme:
    """How a document counts its questions: within each part after a part's prefix ("B.2" is the second
    question of part B), and, after a part's heading, bare numbers that start again at 1 in each part."""

    prefixed_within_part: bool = False
    restarts_per_part: bool = False
    one_per_question: bool = False  # 1, 2, ... for every question in the form's order, the two 21s numbered apart


def _vote(section: str, n: int) -> int:
    """+1 when the number can only count within its part, -1 when it is the form's own number of one
    of the part's questions (and counting within the part would mean another one), 0 when both agree."""
    absolute = [k for k in CONTRACT.keys_numbered(str(n)) if CONTRACT.questions[k].section == section]
    qs = section_questions(section)
    relative = qs[n - 1] if 0 < n <= len(qs) else None
    if absolute:
        return 0 if relative in absolute else -1
    return 1 if relative else 0


def scheme_of(labels: list[Label | None], sections: list[str | None]) -> Scheme:
    """The document's counting, from every label it has (each with the part heading it stands under)."""
    prefixed = within = 0
    current: str | None = None
    for label, heads in zip(labels, sections):
        if heads:
            current = heads
            continue
        if label is None:
            continue
        for n in label.numbers[:1]:
            if label.section:
                prefixed += _vote(label.section, n)
            elif current:
                within += _vote(current, n)
    # a number the form never prints, one past its last ("XXIV."), where a return numbers each question in turn
    bare = [label.numbers[0] for label in labels if label is not None and not label.section and len(label.numbers) == 1]
    order = list(CONTRACT.questions)
    beyond = [n for n in bare if not CONTRACT.keys_numbered(str(n)) and n <= len(order)]
    shared = [n for n in set(bare) if len(CONTRACT.keys_numbered(str(n))) > 1]  # the form's two 21s
    return Scheme(prefixed > 0, within >= 2,
                  bool(beyond) and len(bare) >= 3 and all(bare.count(n) == 1 for n in shared))


def keys_of(label: Label, current: str | None, scheme: Scheme) -> list[list[str]]:
    """For each number of the label, the questions it may mean, most likely first."""
    out = []
    order = list(CONTRACT.questions)
    for n in label.numbers:
        form = CONTRACT.keys_numbered(str(n))
        if scheme.one_per_question and not label.section and 0 < n <= len(order):
            out.append([order[n - 1]])
            continue
        part = label.section or (current if scheme.restarts_per_part else None)
        if part is None:
            out.append(form)
            continue
        absolute = [k for k in form if CONTRACT.questions[k].section == part]
        qs = section_questions(part)
        relative = [qs[n - 1]] if 0 < n <= len(qs) else []
        within = scheme.prefixed_within_part if label.section else scheme.restarts_per_part
        keys = (relative or absolute) if within else (absolute or relative)
        out.append(keys or form)
    return out

