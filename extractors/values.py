"""Reading one value type from answer text: yes/no, years, shares, keyword values.

Each function takes the answer's lines and the language's patterns, and returns
the value with the line it came from and how it was read (for confidence), or
None when the text does not say. Nothing here knows about particular fields:
extractors/fields.py says which function reads which field.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import replace

from questionnaire_returns.language.patterns import (FORM_LANGUAGE, Cue, LanguagePatterns, alternatives, labels_in,
                                                     patterns_for, word_list, yes_no_word)
from questionnaire_returns.segment.marks import Option, current_layout, marked
from questionnaire_returns.segment.narrative import outermost
from extractors.view import is_part_label
from questionnaire_returns.records import CHECKED, UNCHECKED, Line, Read



# ---------------------------------------------------------------- yes / no


def yesno_from_options(options: list[Option], pats: LanguagePatterns) -> tuple[str, Option] | None:
    """Yes/No from ticked boxes labelled yes or no."""
    for opt in options:
        if not opt.checked:
            continue
        # "Yes No ☒": a label before its box is the word nearest the box
        word = yes_no_word(opt.label.split()[-1] if opt.before and opt.label.split() else opt.label, pats)
        if word is None and opt.before and current_layout() == "after":
            word = yes_no_word(opt.label, pats)  # "Yes. If yes, what does it cover? ✓" in a document marking after
        if word and not opt.before and current_layout() is None:
            # "Yes. If yes, what does it cover? ☒ No": one box between two answers reads either way
            # (unless the document's other rows show which side its marks stand on)
            text = marked(opt.line.text)
            head = text.split(CHECKED, 1)[0]
            other = yes_no_word(head, pats) if text.count(CHECKED) + text.count(UNCHECKED) == 1 else None
            if other and other != word:
                return other, replace(opt, ambiguous=True)
        if word:
            return word, opt
    return None


def _both_answers(text: str, pats: LanguagePatterns) -> bool:
    """Whether a line names both answers, each perhaps with a misread mark stuck to it ('NoX', 'Nov')."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    found = set()
    for kind in ("yes", "no"):
        for phrase in pats.data.phrases.get(f"yesno.{kind}", []):
            p = phrase.lower().rstrip(".")
            if " " not in p and len(p) >= 2 and any(w.startswith(p) and len(w) <= len(p) + 2 for w in words):
                found.add(kind)
    return found == {"yes", "no"}


LABEL_WORDS = 8  # "d) Partecipazione della società civile (percentuale, ruolo)": a part's label before ": No"


def yesno(lines: list[Line], pats: LanguagePatterns, allow_affirm: bool = True) -> Read | None:
    """Yes/no from words: a leading Yes/No, then 'not yet' / 'being prepared' (no), negation, affirmation."""
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if any(h.label == "blank.na" and h.start == 0 for h in pats.hits(text[:40])) and len(text) < 40:
            return None
        head, colon, tail = text.partition(":")
        if colon and tail.strip() and len(head.split()) <= LABEL_WORDS and yes_no_word(head, pats) is None:
            after = yes_no_word(tail.strip(), pats)  # "b) Esperti / operativi: No": the part's short label, its answer
            if after:
                return Read(after, line, "word.leading")
        word = yes_no_word(text, pats)
        if word:
            if line.origin == "ocr" and _both_answers(text, pats):
                return Read(word, line, "pattern.weak")  # "Yes Nov", "а) Да 6)НетХх": a row of options whose boxes OCR lost
            return Read(word, line, "word.leading")
        if is_part_label(text):
            continue  # "c) Made public" over "No": the part's own short wording, its answer on the line below
        break
    for line in lines:
        hits = pats.hits(line.text)
        found = labels_in(hits, "yesno")
        if "pending" in found:
            return Read("no", line, "pattern")
        if "negate" in found:
            return Read("no", line, "pattern")
        if allow_affirm and "affirm" in found:
            return Read("yes", line, "pattern")
    return None


# ---------------------------------------------------------------- years

_YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20[0-4]\d)(?!\d)")
_RANGE_END = re.compile(r"(?:19|20)\d\d\s*[-–—/]\s*$")
_ACT_YEAR = re.compile(r"(?:^|[^\d/.])\d{1,4}\s*/\s*$")  # "5/2010": the act's number, then its year (a date's "12/03/" is no number)
_PLAIN_YEAR = Cue(r"\b((?:19|20)\d\d)\b(?!{decade.suffix})", flags=0)
_NUMBERED_ACT = Cue(r"{act.number}\s*[\d/-]*$")


@lru_cache(maxsize=1)
def _decade() -> re.Pattern:
    """A decade: "the 1990s", "1990-х", "1990er" (a suffix), "les années 1990", "gli anni 1990" (words before it)."""
    before = "|".join(f"(?<={re.escape(w)} )" for w in word_list("decade.before")) or "(?!)"
    return re.compile(rf"(?:{before})(19[4-9]0|20[0-4]0)\b|(?<!\d)(19[4-9]0|20[0-4]0){alternatives('decade.suffix')}\b", re.I)


_WORD = re.compile(r"[^\W\d_]{3,}")  # a word of three letters or more ("гг." and "г." are no words here)


def years(lines: list[Line]) -> list[tuple[str, Line]]:
    """Four-digit years in reading order (a decade '1990s' counts as its first year); no repeats. The year
    of an act's number ("Law 5/2010", "Act No. 45/2005") counts only where its sentence gives no other."""
    out: list[tuple[str, Line]] = []
    for line in lines:
        text = line.text
        numbered: list[str] = []
        found: list[str] = []
        for m in sorted(list(_YEAR.finditer(text)) + list(_decade().finditer(text)), key=lambda m: m.start()):
            year = m.group(1) or m.group(2)
            if _NUMBERED_ACT.search(text[max(0, m.start() - 12):m.start()]) and "/" not in text[m.start() - 1:m.start()]:
                continue  # "Decree No. 2004" is a number, not a year
            if _RANGE_END.search(text[max(0, m.start() - 8):m.start()]) and len(_WORD.findall(text)) > 1:
                continue  # "under the plan 2007-2010": the plan's end, not a second year of the body ("2008–2009 гг." is)
            (numbered if _ACT_YEAR.search(text[max(0, m.start() - 8):m.start()]) else found).append(year)
        for year in found or numbered:
            if year not in [y for y, _ in out]:
                out.append((year, line))
    return out


def _last_part_with_a_year(lines: list[Line]) -> list[Line]:
    """A question of two parts answered one after the other ("By what authority? Real Decreto 557/2011" /
    "When was it established?" / "2003"): the year comes from the last part that is answered with one; the
    act cited for the first part dates the act, not the body. The lines unchanged where no part's own
    wording (a short line ending in '?' or ':', without digits) follows an answer."""
    for n in range(len(lines) - 1, 0, -1):
        label, after = _part_label(lines[n].text)
        # an answer before it: a line of its own, or after its label ("Legal basis: Law 1375/2000" / "Date of
        # establishment: 2002")
        if label is None or not any(_part_label(l.text)[0] is None or _part_label(l.text)[1].strip() for l in lines[:n]):
            continue
        rest = ([Line(after, lines[n].page, lines[n].bbox, lines[n].origin, lines[n].ocr_confidence, lines[n].block)]
                if after else []) + list(lines[n + 1:])
        if years(rest):
            return rest
    return lines


_LABEL_END = re.compile(r"^([^\d?:]{3,80}?[?:])\s*(.*)$")


def _part_label(text: str) -> tuple[str | None, str]:
    """('When was it established?', '2006') for a line that opens with a part's short wording."""
    m = _LABEL_END.match(text.strip())
    if not m or len(m.group(1).split()) > 10:
        return None, text
    return m.group(1), m.group(2)


_VAGUE_WHEN = Cue(r"(?:^|\W){vague.when}(?:\W|$)")


def first_year(lines: list[Line]) -> Read | None:
    lines = _last_part_with_a_year(lines)
    found = years(lines)
    if not found:
        # "a few years ago", "at the beginning of the decade", "the late '90s": a time that fits no year
        said = next((line for line in lines if _VAGUE_WHEN.search(line.text)), None)
        return Read("", said, VAGUE) if said else None
    year, line = found[0]
    decades = [m.start() for m in _decade().finditer(line.text) if (m.group(1) or m.group(2)) == year]
    decade = bool(decades) and not any(m.group(1) == year and m.start() not in decades for m in _PLAIN_YEAR.finditer(line.text))
    later = tuple(y for y, _ in found[1:])
    # "in the early 1990s" fits no year: kept as evidence, with no value, for a reviewer (FIELDS.md)
    return Read("", line, VAGUE, later) if decade else Read(year, line, "pattern", later)


# ---------------------------------------------------------------- shares

_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)")


def share(lines: list[Line], pats: LanguagePatterns) -> Read | None:
    """A percentage: '12%', '20 per cent', '3 of 10 members', 'one third', 'half of the members'. Digits the text
    only estimates or bounds ('about 20%', 'more than 20%') are weak: a reviewer decides what to record; a
    fraction in words said to be approximate ('about a third', 'около трети') fits no number: kept with no
    value, for a reviewer."""
    for line in lines:
        got = _share_in(line.text, pats)
        if got is None:
            continue
        value, at, in_words = got
        if in_words:
            return _exact_or_vague(value, line, at)
        estimate = any(h.label == "share.approx" and h.end <= at and at - h.end <= _APPROX_BEFORE
                       for h in pats.hits(line.text))
        return Read(value, line, "pattern.weak" if estimate else "pattern")
    return None


_APPROX_BEFORE = 4  # characters between "about" and the share it qualifies ("about 20%")


def _share_in(text: str, pats: LanguagePatterns) -> tuple[str, int, bool] | None:
    """(the share, where its words start, whether it is a fraction in words) in a line."""
    hits = pats.hits(text)
    for h in hits:
        if h.label == "share.percent":
            n = _NUMBER.search(h.text)
            if n:
                value = float(n.group(1).replace(",", "."))
                if 0 <= value <= 100:
                    return _fmt(value), h.start, False
    for h in hits:
        if h.label == "share.of":
            nums = [float(x.replace(",", ".")) for x in _NUMBER.findall(h.text)]
            if len(nums) == 2 and 0 < nums[0] <= nums[1]:
                return _fmt(100 * nums[0] / nums[1]), h.start, False
    low = text.lower()
    for words, value in pats.fractions.items():
        at = low.find(words)
        if at != -1 and (at == 0 or not low[at - 1].isalnum()) and (at + len(words) == len(low) or not low[at + len(words)].isalnum()):
            return _fmt(value), at, True
    return None


VAGUE = "vague"  # how a value that fits no value of its type was read: no value, for a reviewer
_APPROXIMATELY = Cue(r"(?:^|\W){vague.cue}\W*$")  # "about", "environ", "около" just before a fraction


def _exact_or_vague(value: str, line: Line, start: int) -> Read:
    return Read("", line, VAGUE) if _APPROXIMATELY.search(line.text[max(0, start - 30):start]) else Read(value, line, "pattern")


def _fmt(value: float) -> str:
    value = round(value, 1)
    return str(int(value)) if value == int(value) else str(value)


# ---------------------------------------------------------------- keyword values


def keyword_values(lines: list[Line], pats: LanguagePatterns, group: str) -> list[tuple[str, Line]]:
    """Values of one label group ('legal', 'topic', 'frequency' ...) named in the lines, first mention first; a
    value's word inside another value's longer words is none ("priority" in "low political priority"). Where the
    answers' language names none, the form's may: a Spanish return on the English form writes its choices in the
    form's words ("Advisory; Implementing")."""
    out = _named(lines, pats, group)
    if not out and pats.lang not in (None, FORM_LANGUAGE):
        out = _named(lines, patterns_for(FORM_LANGUAGE), group)
    return out


def _named(lines: list[Line], pats: LanguagePatterns, group: str) -> list[tuple[str, Line]]:
    out: list[tuple[str, Line]] = []
    for line in lines:
        for value in labels_in(outermost(pats.hits(line.text), (group,)), group):
            if value not in [v for v, _ in out]:
                out.append((value, line))
    return out


_LIST_STOP = re.compile(r"[.;!?:()](?:\s|$)")
_ITEM_WORDS = 2  # "monitoring", "el seguimiento", "di monitoraggio": an item of a list ("setzt Maßnahmen um" is a clause)


def unlisted_item(text: str, pats: LanguagePatterns, group: str, options: tuple[str, ...] = ()) -> str | None:
    """In a list that names values of `group` ("The group's role is implementation and monitoring"), an item
    that names none of them ("monitoring"): the answer's 'other'. The list runs from the first value named to
    the end of its clause; items are split at commas and the language's 'and', never inside a value's words;
    an item longer than a few words is a clause, not an item; one made of the options' own words ("patterns" of
    "trends and patterns") is part of an option."""
    option_words = {w.lower() for o in options for w in re.findall(r"\w+", o)}
    hits = [h for h in pats.hits(text) if labels_in([h], group)]
    if not hits:
        return None
    start = min(h.start for h in hits)
    stop = _LIST_STOP.search(text, start)
    span = text[start:stop.start() if stop else len(text)]
    masked = list(span)
    for h in hits:  # a value's own words are never split: "protection and assistance"
        for i in range(max(0, h.start - start), min(len(span), h.end - start)):
            masked[i] = "#" if not span[i].isspace() and span[i] != "," else "_"
    for item in re.split(rf",|\s{alternatives('clause.and')}\s", "".join(masked), flags=re.I):
        if "#" in item:
            continue
        words = [w for w in _TOKEN.findall(item) if any(c.isalpha() for c in w)]
        if 0 < len(words) <= _ITEM_WORDS and not all(w.lower() in option_words for w in re.findall(r"\w+", item)):
            return item.strip()
    return None


# ---------------------------------------------------------------- mentions, denied or not

_TOKEN = re.compile(r"[\w'’-]+", re.U)


def mentions(lines: list[Line], pats: LanguagePatterns, group: str) -> list[tuple[str, Line, bool]]:
    """(value, line, denied) for each mention of a label group: 'no commission' is a denied mention,
    and so is any mention in a sentence that says the thing is still to come ('is being prepared').
    A word inside a longer name of another kind is no mention ("the Council of Ministers")."""
    return [(value, line, denied) for value, line, denied, _ in _mentions(lines, pats, group)]


def _mentions(lines: list[Line], pats: LanguagePatterns, group: str) -> list[tuple[str, Line, bool, int]]:
    """mentions(), each with where it starts in its line."""
    out: list[tuple[str, Line, bool, int]] = []
    for line in lines:
        hits = pats.hits(line.text)
        pending = "pending" in labels_in(hits, "yesno")
        for h in outermost(hits, (group, "institution")):
            g, _, value = h.label.partition(".")
            if g != group:
                continue
            # a denial reaches to the end of its clause: "no national rapporteur or equivalent mechanism"
            clause = _CLAUSE.split(line.text[:h.start])[-1]
            denied = pending or any(t.lower() in pats.negators for t in _TOKEN.findall(clause)[-6:])
            # ... and a denied coming-into-being after the noun: "the Commission has not been set up", "Комиссия не создана"
            after = _CLAUSE.split(line.text[h.end:])[0]
            denied = denied or any(n.label == "yesno.negate" and h.start <= n.start <= h.end + len(after) and n.end > h.end
                                   and _COMING_INTO_BEING.search(n.text) for n in hits)
            # ... or answered no right after it: "Equivalent policy response (explain): NO"
            answered = _ANSWERED.match(line.text[h.end:])
            denied = denied or bool(answered and yes_no_word(answered.group(1), pats) == "no")
            out.append((value, line, denied, h.start))
    return out


_ANSWERED = re.compile(r"^[^.;:?]{0,60}[:?]\s*(.*)$")  # the words after the colon or question mark that follow a name
_COMING_INTO_BEING = Cue("{being.cue}")  # set up or lacking: "the Commission has not been set up", "механизм отсутствует"
_CLAUSE = Cue(r"[;:]|,\s+(?:{clause.contrast}|{clause.relative})\b|\s{clause.contrast}\s")


def _affirmed(line: Line, at: int, pats: LanguagePatterns) -> bool:
    """Whether the sentence says the thing named at `at` exists ("There is a plan", "A plan was adopted in
    2005"), not only names it ("The approach is laid down in the plan"): the affirmation just before the
    name, or after it where the name opens the sentence."""
    articles = set(word_list("name.article"))
    opening = len([w for w in line.text[:at].split() if w.lower() not in articles]) <= _SUBJECT_WORDS
    return any(h.label == "yesno.affirm" and ((h.end <= at and all(w.lower() in articles for w in line.text[h.end:at].split()))
                                              or (opening and h.start >= at))
               for h in pats.hits(line.text))


_SUBJECT_WORDS = 1  # "The new National Action Plan ...": the name is the sentence's subject


_DE_FACTO = Cue(r"(?:^|\W){vague.de_facto}(?:\W|$)")  # "in fact exercised by the Ombudsman, without a formal mandate"


def exists_from_mentions(lines: list[Line], pats: LanguagePatterns, wanted: tuple[str, ...]) -> Read | None:
    """See _exists_from_mentions; a thing said to exist only in fact, not formally ("Some of a rapporteur's
    functions are in fact exercised by the Ombudsman, without a formal mandate"), is for a reviewer: weak."""
    got = _exists_from_mentions(lines, pats, wanted)
    if got is not None and _DE_FACTO.search(got.line.text):
        return replace(got, how="pattern.weak")
    return got


def _exists_from_mentions(lines: list[Line], pats: LanguagePatterns, wanted: tuple[str, ...]) -> Read | None:
    """Yes when the text names the thing without denying it; no when every mention is denied.
    `wanted`: label groups ("ncm_type": any of its values) or single labels ("section.A").

    A letter that denies the thing (or the whole part: "no national co-ordination mechanism") and
    later names it loosely ("the establishment of a rapporteur was discussed") says no; where it
    names it as existing after denying it ("A plan was adopted in 2005"), a reviewer decides. One
    kind denied and another named ("There is no commission; a national co-ordinator ...") is a yes."""
    found = [(g, m) for w in wanted for g, _, value in [w.partition(".")]
             for m in _mentions(lines, pats, g) if not value or m[0] == value]
    found.sort(key=lambda gm: lines.index(gm[1][1]) if gm[1][1] in lines else 0)
    if not found:
        return None
    denied = {(g, m[0]) for g, m in found if m[2]}
    # the part's own words denied in a sentence that denies no kind of it ("There is no national rapporteur",
    # not "There is no inter-ministerial commission"): the thing as a whole
    kinds_denied = {id(m[1]) for g, m in found if g != "section" and m[2]}
    whole = any(g == "section" and m[2] and id(m[1]) not in kinds_denied for g, m in found)
    kept = [(g, m) for g, m in found if not m[2]]
    clear = [m for g, m in kept if (g, m[0]) not in denied and not whole]
    if clear:
        return Read("yes", clear[0][1], "pattern")
    first_denial = next(n for n, (_, m) in enumerate(found) if m[2])
    named_before = [m for _, m in found[:first_denial] if not m[2]]
    if named_before:  # named as a thing that is, then denied or said to be still to come: a reviewer decides
        return Read("yes", named_before[0][1], "pattern.weak")
    stated = [m for _, m in kept if _affirmed(m[1], m[3], pats)]
    if stated:
        return Read("yes", stated[0][1], "pattern.weak")  # denied in one sentence, stated in another
    return Read("no", next(m for _, m in found if m[2])[1], "pattern")


_VERB_LAST = Cue(r"\s+{clause.final_verb}\s*$")  # "an den Bundestag übermittelt": the verb closes a German clause
_RECIPIENT_END = Cue(r"[.;,(]|\s{clause.and}\s{clause.published}", flags=0)  # "... and are published"


def recipient(lines: list[Line], pats: LanguagePatterns) -> Read | None:
    """Who reports go to: the words after 'submitted to' up to the end of the clause."""
    for line in lines:
        for h in pats.hits(line.text):
            if h.label != "recipient.cue":
                continue
            rest = _RECIPIENT_END.split(line.text[h.end:], maxsplit=1)[0].strip(" :–-\t")
            rest = _VERB_LAST.sub("", rest)
            if 2 <= len(rest) <= 120:
                return Read(rest, line, "pattern")
    return None
