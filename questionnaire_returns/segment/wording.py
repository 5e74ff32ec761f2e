"""The questionnaire's own wording as returns retype it: found, matched and told from answers.

Every stage that must keep the form's words out of an answer asks here: the
segmenter (where a question starts, what of a line is its wording) and the
extractors (what of an answer's text is the question retyped before it). The
wording comes from the schema (English) and each language's pattern file.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.language.patterns import Cue, patterns_for
from questionnaire_returns.records import CHECKED, PART_LETTER, UNCHECKED
from questionnaire_returns.segment.numbering import Scheme, keys_of, parse_label


_SPACE = re.compile(r"\s+")


_AND = Cue(r"\s{clause.and}\s", flags=0)


@lru_cache(maxsize=4096)
def word_re(words: str) -> re.Pattern:
    """The words as a whole-word pattern, compiled once (they are asked about for every line)."""
    return re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")


def norm(text: str) -> str:
    return _SPACE.sub(" ", text.replace(CHECKED, " ").replace(UNCHECKED, " ")).strip().lower()


@lru_cache(maxsize=None)
def question_texts(lang: str | None) -> dict[str, list[str]]:
    """Each question's wording (without and with its options, in pairs) in English and in `lang`; where the
    wording gives examples in brackets, also without them, as a return that leaves them out retypes it."""

    texts: dict[str, list[str]] = {}
    local = patterns_for(lang).data.questions if lang and lang != "en" else {}
    local_opts = patterns_for(lang).data.options if lang and lang != "en" else {}
    for key, q in CONTRACT.questions.items():
        wordings = [(q.text, " ".join(q.options.values()))]
        if key in local:
            wordings.append((local[key], " ".join(local_opts.get(key, {}).values())))
        wordings += [(core, options) for text, options in wordings if (core := EXAMPLES.sub("", text)) != text]
        texts[key] = [norm(v) for text, options in wordings for v in (text, text + " " + options)]
    return texts


EXAMPLES = re.compile(r"\s*\([^()]{25,}\)")  # "(Examples include legislative and policy reform, ...)"


def parse_number(text: str, words: set[str] | frozenset[str]) -> tuple[int, str, bool] | None:
    """(number, rest of line, had a numbering word) for a line that starts with a question number
    (the first, where it names several); segment/numbering.py reads the whole label."""
    label = parse_label(text, frozenset(words))
    if label is None or not any(keys_for(n) or label.section for n in label.numbers):
        return None
    return label.numbers[0], label.rest, label.had_word


def similarity(text: str, key: str, lang: str | None, options: bool = True) -> float:
    """How closely the text echoes the question's wording (with its options, or the question alone)."""
    t = norm(text)[:220]
    variants = question_texts(lang)[key] if options else question_texts(lang)[key][0::2]
    if len(t) < 8:  # a one-word label ("Budget"): found as a word of the question, or not
        word = t.strip(" .:?")
        return 100.0 if len(word) >= 4 and any(word_re(word).search(v) for v in variants) else 0.0
    return max(fuzz.partial_ratio(t, v) if len(t) <= len(v) else fuzz.partial_ratio(v[: len(t)], t) for v in variants)


def keys_for(number: int) -> list[str]:
    """The questions printed with this number, in the form's order (the form has two 21s)."""
    return CONTRACT.keys_numbered(str(number))


def question_order() -> list[str]:
    """Every question's key in the form's order."""
    return list(CONTRACT.questions)


@lru_cache(maxsize=None)
def numbering_words(lang: str | None) -> frozenset[str]:
    """'Question', 'Q', 'Вопрос', 'Frage' ...: words that may stand before a question's number."""

    words = {w.rstrip(".") for w in patterns_for(lang).numbering} | {w.rstrip(".") for w in patterns_for("en").numbering}
    return frozenset(words | {w + "." for w in words})


def heading_of(text: str, key: str, lang: str | None) -> bool:
    """Whether a line is the question's own numbered heading ('Вопрос 15 С какими ...', 'B.7 Main challenges'),
    which a segment found by the wording just before it may still hold: never part of the answer."""
    label = parse_label(text, numbering_words(lang))
    if label is None or not label.had_word:
        return False
    readings = [Scheme(), Scheme(prefixed_within_part=True)]
    return any(key in keys for scheme in readings for keys in keys_of(label, None, scheme))


LETTER_MARK = re.compile(rf"(?<!\w){PART_LETTER}\s", re.I)


@lru_cache(maxsize=None)
def boilerplate(lang: str | None) -> tuple[str, ...]:

    extra = patterns_for(lang).data.boilerplate if lang and lang != "en" else []
    return tuple(norm(b) for b in list(CONTRACT.boilerplate) + list(extra))


_SLACK = 12  # characters a retyped boilerplate sentence may hold beyond the form's: a number, a label, spacing


def is_wording(text: str, key: str, lang: str | None) -> bool:
    """True when the text only repeats the question, its options or the form's boilerplate."""
    t = norm(LETTER_MARK.sub(" ", text)).strip(" *_.-:")
    if len(t) < 6 or leading_yes_no(t, lang) and not _opens_sentence(text):
        return False  # "Yes, there is a national reporting mechanism." answers, however close to the wording
    # a boilerplate sentence, or most of it; not one with the answer's own sentence after it (partial_ratio
    # finds the boilerplate inside the longer text and would call the whole of it wording)
    if any(0.5 * len(b) <= len(t) <= len(b) + _SLACK and fuzz.partial_ratio(t, b) >= 92 for b in boilerplate(lang)):
        return True
    for labels in option_labels(key, lang):
        # an option named in other words of the same translation ("equipo especial" for "grupo especial") counts
        named = sum(1 for l in labels if word_re(l).search(t) or (len(l) >= 12 and fuzz.partial_ratio(l, t) >= 88))
        if 2 <= named < len(labels) and ("," in text or ";" in text or _AND.search(t)):
            return False  # "Law Enforcement and Prosecution, prevention, ...": some options, named as the answer
    # a sentence ending in a full stop is an answer unless it repeats the wording almost exactly
    return len(t) >= 12 and similarity(t, key, lang) >= (97 if text.rstrip().endswith(".") else 90)


SHORTENED_OPTION = 0.6  # an answer this much of an option's length, within it, names that option


def one_option_alone(text: str, key: str, lang: str | None, row: list[str]) -> bool | None:
    """Whether a line that is one option's own words ('Policy making.', 'Other') stands alone: True when the
    answer's other lines name none of the question's other options (the answer given in words), False when
    they name some (the form's list retyped without its marks), None when the line is no single option."""
    t = norm(LETTER_MARK.sub(" ", text)).strip(" *_.-:;")
    if leading_yes_no(t, lang):
        return None  # a yes or a no answers whatever else the answer says
    for labels in option_labels(key, lang):
        # the option's words, or most of them ("Funzione del coordinatore nazionale" for "Parte delle funzioni del
        # coordinatore nazionale")
        named = [l for l in labels if fuzz.ratio(t, l) >= 90
                 or (SHORTENED_OPTION * len(l) <= len(t) <= len(l) and fuzz.partial_ratio(t, l) >= 90)]
        if len(named) == 1 and len(labels) >= 2:
            rest = " ".join(norm(r) for r in row if r.strip() != text.strip())
            return not any(word_re(l).search(rest) for l in labels if l != named[0])
    return None


_BOX_OR_LETTER = re.compile(rf"[☐☒]|(?<!\w){PART_LETTER}\s")


def echoes_option(text: str, key: str, lang: str | None) -> bool:
    """Whether a short answer is only one of the question's options, in the form's wording or another
    translation of it ("Groupe de travail, commission ou groupe spécial national ☐ c) Autre" for "a national
    working group, commission or task force"): form text, never a name."""
    q = CONTRACT.questions.get(key)
    if q is None:
        return False
    head = _BOX_OR_LETTER.split(text, maxsplit=1)[0] if _BOX_OR_LETTER.search(text[1:]) else text
    t = norm(head).strip(" .:;,")
    if len(t) < 6:
        return False
    options = list(q.options.values())
    if lang and lang != "en":
        options += list(patterns_for(lang).data.options.get(key, {}).values())
    return any(fuzz.token_set_ratio(t, norm(o)) >= 85 and len(t) <= 1.3 * len(norm(o)) for o in options if o)


def option_labels(key: str, lang: str | None) -> list[list[str]]:
    """The question's option labels, one list per language (English and the return's own)."""

    q = CONTRACT.questions.get(key)
    sets = [list(q.options.values()) if q else []]
    if lang and lang != "en":
        sets.append(list(patterns_for(lang).data.options.get(key, {}).values()))
    out = []
    for texts in sets:
        labels = list(dict.fromkeys(norm(t).strip(" .:") for t in texts if t and not t.rstrip().endswith("?")))
        if len(labels) >= 2:  # sub-questions ('If yes, what does it cover?') are no option
            out.append(labels)
    return out


@lru_cache(maxsize=None)
def _sub_questions(lang: str | None) -> tuple[tuple[str, str, str], ...]:
    """(question, letter, wording) of every lettered part that asks, in English and in `lang`: a part whose
    wording asks ("Inter-ministerial? If yes, ...") or one the schema answers yes or no for a field of its own
    ("a) A National Action Plan", nap_exists), however it is worded; never a choice among options."""
    out = []
    for key, q in CONTRACT.questions.items():
        local = patterns_for(lang).data.options.get(key, {}) if lang and lang != "en" else {}
        for letter, text in list(q.options.items()) + list(local.items()):
            asks = "?" in text or letter.lower() in q.option_fields
            if text and asks and letter.lower() not in q.option_values:
                out.append((key, letter.lower(), norm(text)))
    return tuple(out)


_CYRILLIC_LETTERS = str.maketrans("абвгдежз", "abcdefgh")  # "б)" is the form's b)
_LETTERED = re.compile(r"^\s*[(\[]?([a-hа-з])[).\]]:?\s+(.*)$", re.I)


def sub_question_of(text: str, lang: str | None) -> str | None:
    """The question whose lettered part the line retypes, letter and wording ("a) Inter-ministerial? If yes,
    which ministries are represented?" is question 3's part a), wherever it stands), or None."""
    m = _LETTERED.match(text)
    if not m:
        return None
    letter, t = m.group(1).lower().translate(_CYRILLIC_LETTERS), norm(m.group(2))
    if len(t) < 12:
        return None
    best = max(((_echo(t, w), key) for key, l, w in _sub_questions(lang) if l == letter), default=(0.0, None))
    return best[1] if best[0] >= 85 else None


def part_letter(text: str) -> str | None:
    """The form's letter a lettered line opens with ("б) Кому ...?" is b), or None."""
    m = _LETTERED.match(text)
    return m.group(1).lower().translate(_CYRILLIC_LETTERS) if m else None


def start_of_parts(texts: list[str], k: int, key: str, before: str, lang: str | None) -> int:
    """Where the run of question `key`'s lettered parts that ends with the part at line k begins: the parts
    before it in letter order ('а) С какой периодичностью ...' / 'б) ...' above 'в) Публикуются ли они?', which
    alone echoes the form's wording) are the same question's, unless question `before`, whose answer they
    stand in, asks a part of that letter itself."""
    own = {letter for q, letter, _ in _sub_questions(lang) if q == before}
    letter = part_letter(texts[k])
    start = k
    for j in range(k - 1, -1, -1):
        earlier = part_letter(texts[j])
        if earlier is None:
            continue  # the earlier part's answer
        if letter is None or earlier in own or ord(earlier) != ord(letter) - 1:
            break
        start, letter = j, earlier
    return start


def _echo(text: str, wording: str) -> float:
    """How closely a line echoes a part's wording, whole or cut short ("... Do they function in:")."""
    if len(text) < len(wording) and len(text) >= 0.4 * len(wording):
        return fuzz.partial_ratio(text, wording)
    return fuzz.ratio(text, wording)


def _opens_sentence(text: str) -> bool:
    """'Si prega di citare ...': a yes word run straight into a word in small letters opens a sentence
    (Italian 'si'), where 'Sì, ...', 'Yes. ...' or 'YES The ...' answer."""
    words = LETTER_MARK.sub(" ", text).split()
    return len(words) > 1 and words[0][-1:].isalpha() and words[1][:1].islower()


def leading_yes_no(text: str, lang: str | None) -> bool:

    words = patterns_for(lang).data.phrases.get("yesno.yes", []) + patterns_for(lang).data.phrases.get("yesno.no", [])
    first = text.split()[0].lower().strip(".,;:") if text.split() else ""
    return first in {w.lower().strip(".") for w in words}


def answer_label(lang: str | None) -> re.Pattern:

    labels = set(patterns_for("en").data.answer_labels) | set(patterns_for(lang).data.answer_labels)
    alternatives = "|".join(re.escape(l) for l in sorted(labels, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"^\s*(?:{alternatives})\s*[:.\-–]\s*", re.I)
