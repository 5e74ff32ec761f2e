"""Every field's extraction rule, in one place, question by question.

Each `q_<n>` function reads one question's answer (a Segment seen through a
View) and yields (field, Read) pairs. The value-type readers live in
extractors/values.py and extractors/ticks.py; the words they look for live in
the pattern files. Order of evidence within a question: ticked boxes first,
then the option's own words at the start of the answer, then patterns in the
answer's sentences. A question the return leaves blank yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Callable, Iterator

from rapidfuzz import fuzz

from questionnaire_returns.language.patterns import LanguagePatterns, bare_yes_no, labels_in, patterns_for, yes_no_word
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.segment.marks import CYRILLIC_LETTERS, Option, has_boxes, options_in
from questionnaire_returns.segment.narrative import sentences
from questionnaire_returns.segment.wording import answer_label, heading_of, is_wording, norm, question_texts, similarity
from extractors.values import (exists_from_mentions, first_year, keyword_values, mentions, recipient, share, yesno,
                              yesno_from_options)
from questionnaire_returns.records import CHECKED, UNCHECKED, Line, Read, Segment

# The form's lettered options, as field values.
LETTERS = {
    "1": {"a": "yes", "b": "no"},
    "2": {"a": "coordinator", "b": "working_group", "c": "other"},
    "5": {"a": "yes", "b": "no"},
    "6": {"a": "advisory", "b": "policy_making", "c": "implementation", "d": "other"},
    "9": {"a": "nap", "b": "equivalent"},
    "10": {"a": "legislative_reform", "b": "prevention", "c": "protection_assistance", "d": "law_enforcement",
           "e": "international_cooperation", "f": "stakeholder_roles", "g": "timeline", "h": "other"},
    "16": {"a": "yes", "b": "no"},
    "17": {"a": "independent_rapporteur", "b": "coordinator_function", "c": "ministry_function",
           "d": "research_institute", "e": "other"},
    "18": {"a": "legislation", "b": "policy", "c": "other"},
    "20": {"a": "yes", "b": "yes", "c": "no"},
    "21c": {"a": "scope", "b": "trends", "c": "law_enforcement", "d": "victim_services", "e": "prevention",
            "f": "international_cooperation", "g": "other"},
}

_PART = re.compile(r"^\s*(?:[☒☐]\s*)?[(\[]?([a-hа-з])[).\]](?:\s|$)", re.I)
_FOLD = re.compile(r"\s+")
# Compiled once: patterns with Unicode classes cost milliseconds to compile, and Python's
# own regex cache is too small to keep them among the many patterns a run asks for.
_LEADING_LETTER = re.compile(r"^\s*[(\[]?[a-hа-з][).\]]\s+")
_LEADING_YES_NO = re.compile(r"^(?:yes|no|oui|non|ja|nein|да|нет|sí|sì|si|no)\b[\s,.:;–-]*", re.I)
_ONLY_YES_NO = re.compile(r"^\W*(?:(?:yes|no|oui|non|ja|nein|да|нет|sí|sì|si)\W*)+$", re.I)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_NOT_A_NAME = re.compile(r"(?:has|have|was|is|and|who|which|appointed|chairs)\b", re.I)


def tick_how(line: Line, ambiguous: bool = False) -> str:
    """How a box was read, for its confidence: a form's field, a drawn box, a glyph; an OCR'd or ambiguous one is weak."""
    if ambiguous or line.origin == "ocr":
        return "pattern.weak"  # a mark with an option on either side, or a box OCR guessed: a reviewer should look
    return {"form": "tick.form", "vector": "tick.vector"}.get(line.origin, "tick.glyph")


class View:
    """A segment with what the rules ask of it: its lettered parts, its boxes, its text."""

    def __init__(self, seg: Segment, lang: str | None):
        self.seg = seg
        self.pats: LanguagePatterns = patterns_for(lang)
        self.parts: dict[str | None, list[Line]] = {}
        current: str | None = None
        option_row: bool | None = None  # the line before was a lettered yes/no option ("a) Yes X": True, with its box)
        for line in seg.lines:
            m = _PART.match(line.text)
            bare = bool(m) and bare_yes_no(line.text[m.end():], self.pats)
            ticks = bare and has_boxes([line])
            if m and bare and (option_row or ticks) and option_row is not None and current is not None:
                self.parts[current].append(line)  # "b) No" under "a) Yes X": the same sub-question's boxes
                option_row = option_row or ticks
                continue
            option_row = (True if ticks else False) if bare else None
            if m:
                current = m.group(1).translate(CYRILLIC_LETTERS).lower()
                self.parts.setdefault(current, [])
                if not line.text[m.end():].strip():
                    continue  # a bare letter left where the option's wording was
            self.parts.setdefault(current, []).append(line)
        self.lines = [line for lines in self.parts.values() for line in lines]
        self.options = options_in(self.lines)

    def part(self, letter: str) -> list[Line]:
        return self.parts.get(letter, [])

    def checked(self, lines: list[Line] | None = None) -> list[Option]:
        opts = self.options if lines is None else options_in(lines)
        return [o for o in opts if o.checked]

    def has_boxes(self, lines: list[Line] | None = None) -> bool:
        return bool(self.options if lines is None else options_in(lines))


def fold(text: str) -> str:
    return _FOLD.sub(" ", text).strip()


def joined(lines: list[Line]) -> Line:
    """Lines that wrap one sentence or list, as one line: its box spans them on the first page."""
    first = lines[0]
    same_page = [l for l in lines if l.page == first.page and l.bbox]
    bbox = None
    if same_page:
        bbox = (min(l.bbox[0] for l in same_page), min(l.bbox[1] for l in same_page),
                max(l.bbox[2] for l in same_page), max(l.bbox[3] for l in same_page))
    ocr = [l.ocr_confidence for l in lines if l.ocr_confidence is not None]
    origin = next((l.origin for l in lines if l.origin != "text"), "text")
    return Line(fold(" ".join(l.text for l in lines)), first.page, bbox, origin, min(ocr) if ocr else None, first.block)


def is_blank(text: str, pats: LanguagePatterns) -> bool:
    """'N/A', ') N.A.', '—', 'Not applicable.': a line that says the question is not answered."""
    t = text.strip(" ()[].:;,-–—_*\t")
    if not t:
        return True
    kept = text.strip(" ()[]:;,-–—_*\t")  # "S.O." keeps the period its pattern ends with
    for form in dict.fromkeys((t, kept, kept.lower())):  # and is tokenised apart from "s.o." in capitals
        hits = [h for h in pats.hits(form) if h.label == "blank.na" and h.start <= 1]
        if any(len(form) - h.end <= 3 for h in hits):
            return True
    return False


def _clean_answer_text(lines: list[Line], pats: LanguagePatterns) -> tuple[str, Line] | None:
    """The respondent's words in these lines: boxes, option letters and bare yes/no removed."""
    words = []
    lines = [l for l in lines if not is_blank(l.text.replace(CHECKED, "").replace(UNCHECKED, ""), pats)] or []
    if not lines:
        return None
    for line in lines:
        t = line.text.replace(CHECKED, " ").replace(UNCHECKED, " ")
        t = _PART.sub("", " " + t if not t.startswith(" ") else t).strip()
        t = _LEADING_LETTER.sub("", t)
        if line.text != t and _ONLY_YES_NO.match(t):
            continue  # a row of boxes labelled yes / no is the answer's tick, not its words
        words.append(t)
    text = fold(" ".join(words))
    text = _LEADING_YES_NO.sub("", text).strip()
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
        head = text[:end]
        short = False
        if len(head) < 12:
            # a fragment of the wording: two words of it ("Please cite"), or a lone word of it ("Citare")
            frag = norm(head).strip(" .:")
            short = (len(head.split()) >= 2 or (end == len(text) and len(head.strip(" .:")) >= 5)) and any(
                v.startswith(frag) or f" {frag}" in v for v in question_texts(pats.lang)[question])
        if short or is_wording(head, question, pats.lang) or (ocr and len(head) >= 20 and similarity(head, question, pats.lang) >= 85):
            cut = after
    if not cut:
        return text
    rest = answer_label(pats.lang).sub("", text[cut:].strip(" )]")).strip()
    return "" if not rest.strip(" -–—_.:;") or is_blank(rest, pats) else rest


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


def _text(v: View, lines: list[Line] | None = None, prose: bool = False) -> Read | None:
    """The respondent's words; `prose`: an answer in sentences (achievements, challenges, a definition),
    which a scrap of the form's wording never is, where a name or a title ('The Government') may be."""

    lines = v.lines if lines is None else lines
    lines = [l for l in lines if not heading_of(l.text, v.seg.question, v.pats.lang)]
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
    if len(text) < 3 or _ONLY_YES_NO.match(_LEADING_LETTER.sub("", text)):
        return None  # nothing left, or an option of the form ("b) No") and not the respondent's words
    if text.endswith("?") or prose and _only_form_words(text, v.pats.lang):
        return None  # a question's own wording (a wrapped tail, a sub-question, a scrap of it), never its answer
    if text.endswith(":") and len(text) < 80:
        return None  # a label or a signature line leading to something else ("J. Martín, Deputy Head:", "K.A:")
    return Read(text, got[1], how)


def _yesno(v: View, lines: list[Line], letters: dict[str, str] | None = None) -> Read | None:
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
        words = [l for l in words if not (_PART.match(l.text) and bare_yes_no(l.text[_PART.match(l.text).end():], v.pats))]
    # a question retyped in the return's own translation ("d) Are NGOs part of this group? ...") is no answer:
    # only what follows its question mark ("... defined in legislation? A: No") is
    words = [_after_question(l, v.pats.lang) for l in words]
    words = [l for l in words if l is not None]
    return yesno(words, v.pats) if words else None


def _after_question(line: Line, lang: str) -> Line | None:
    """The line without a question's wording before its last '?' (and an answer label after it); None if nothing is left."""
    if "?" not in line.text or yes_no_word(line.text, patterns_for(lang)):
        return line  # "Yes. If yes, what does it cover? ...": the answer came first

    rest = answer_label(lang).sub("", line.text.rsplit("?", 1)[1].strip(" _\t"))
    return replace(line, text=rest) if rest.strip(" _.:;-\t") else None


def _letter_of(label: str, question: str, lang: str, before: bool = False) -> str | None:
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


def _ticked_values(v: View, question: str, lines: list[Line] | None = None, group: str | None = None) -> list[tuple[str, Line, str]]:
    """Values of checked boxes: by the form's letter (written, or told by the option's wording), else by the label's words."""
    out: list[tuple[str, Line, str]] = []
    boxes = v.options if lines is None else options_in(lines)
    # as many unlettered boxes as the form has options: the n-th box is the n-th option
    in_order = question in LETTERS and len(boxes) == len(LETTERS[question]) and not any(o.letter for o in boxes)
    for n, o in enumerate(boxes):
        if not o.checked:
            continue
        letter = o.letter or (_letter_of(o.label, question, v.pats.lang, o.before) if question in LETTERS else None)
        if letter is None and in_order:
            letter = "abcdefgh"[n]
        value = LETTERS.get(question, {}).get(letter or "")
        if value is None and group:
            found = labels_in(v.pats.hits(o.label), group)
            value = found[0] if found else None
        if value and value not in [x for x, _, _ in out]:
            out.append((value, o.line, tick_how(o.line, o.ambiguous)))
    return out


def _multi(v: View, question: str, group: str, lines: list[Line] | None = None) -> Read | None:
    ticked = _ticked_values(v, question, lines, group)
    if ticked:
        values = sorted({t[0] for t in ticked})
        return Read(";".join(values), ticked[0][1], ticked[0][2])
    if v.has_boxes(lines):
        return None
    lines = v.lines if lines is None else lines
    found = keyword_values([joined(lines)], v.pats, group) if lines else []
    if not found:
        return None
    return Read(";".join(sorted({f[0] for f in found})), found[0][1], "pattern")


def _choice(v: View, question: str, group: str, lines: list[Line] | None = None) -> Read | None:
    ticked = _ticked_values(v, question, lines, group)
    if ticked:
        how = ticked[0][2] if len(ticked) == 1 else "pattern.weak"
        return Read(ticked[0][0], ticked[0][1], how)
    if v.has_boxes(lines):
        return None
    lines = v.lines if lines is None else lines
    found = keyword_values([joined(lines)], v.pats, group) if lines else []
    if not found:
        return None
    return Read(found[0][0], found[0][1], "pattern" if len(found) == 1 else "pattern.weak")


def _free_text(field: str) -> Callable[[View], Iterator[tuple[str, Read]]]:
    """The rule of a question answered in the respondent's own words: the answer, cleaned."""

    def rule(v: View) -> Iterator[tuple[str, Read]]:
        got = _text(v, prose=True)
        if got:
            yield field, got

    return rule


# ------------------------------------------------------------------ part A


def _exists(v: View, letters: dict[str, str] | None, labels: tuple[str, ...], part: str | None = None) -> Read | None:
    """Yes/no for 'does it exist': the answer's own yes/no, or in a letter what its sentences name."""
    if v.seg.how == "narrative":
        return exists_from_mentions(v.lines, v.pats, labels, part)
    return _yesno(v, v.lines, letters)


_SINCE = re.compile(r"\b(?:since|depuis|seit|с|desde|dal|dall'|fin dal)\s+(?:\w+\s+)?((?:19|20)\d\d)\b", re.I)


def _since_year(got: Read | None) -> Iterator[tuple[str, Read]]:
    """'Yes, since 2004': the year it has existed, used when the return gives no other."""
    if got and got.value == "yes":
        m = _SINCE.search(got.line.text)
        if m:
            yield FALLBACK, Read(m.group(1), got.line, "pattern")


FALLBACK = "~fallback"  # a value used only where no other place in the return gives the field


def q1(v: View) -> Iterator[tuple[str, Read]]:
    got = _exists(v, LETTERS["1"], ("ncm_type", "section"), "A")
    if got:
        yield "ncm_exists", got
        for _, year in _since_year(got):
            yield "ncm_established_year" + FALLBACK, year


def q2(v: View) -> Iterator[tuple[str, Read]]:
    ticked = _ticked_values(v, "2", None, "ncm_type")
    kinds = {t[0] for t in ticked}
    if ticked:
        line, how = ticked[0][1], ticked[0][2]
    else:
        every = mentions(v.lines, v.pats, "ncm_type")
        # a kind the return denies ("There is no commission; a national co-ordinator ...") is not
        # brought back by a later sentence that speaks of "the working group" loosely
        denied = {m[0] for m in every if m[2]}
        found = [m for m in every if not m[2] and m[0] not in denied]
        kinds = {f[0] for f in found}
        # boxes there but none read: the options' own wording names every kind, so the words are weak evidence
        line, how = (found[0][1], "pattern.weak" if v.has_boxes() else "pattern") if found else (None, "")
    if {"coordinator", "working_group"} <= kinds or (not ticked and found and found[0][0] == "both"):
        yield "ncm_type", Read("both", line, how)
    elif kinds & {"coordinator", "working_group", "other"}:
        yield "ncm_type", Read(next(k for k in ("coordinator", "working_group", "other") if k in kinds), line, how)
    coord = _text(v, v.part("a")) if v.part("a") else _coordinator_named(v)
    if coord and "coordinator" in kinds:
        yield "ncm_coordinator", coord
    body = _text(v, v.part("b")) if v.part("b") else None
    if body is None and "working_group" in kinds and v.seg.how != "narrative":
        body = _body_name(v)
    if body and "working_group" in kinds:
        yield "ncm_body_name", body


_NAME_WORD = r"[A-ZÀ-ÖØ-ÞА-Я][\w'’-]*"
_BODY = re.compile(rf"((?:{_NAME_WORD}[ ]+)(?:(?:{_NAME_WORD}|of|on|for|the|and|to|against|in|Combating|Trafficking)[ ]+)*(?:Working Group|Commission|Task Force|Committee|Council|Group|Board)(?:[ ]+(?:on|for|of|against|to)[ ]+(?:(?:{_NAME_WORD}|the|in|of|and|against|Human|Beings)[ ]*)+)?)")


_COORD = r"(?:National\s+)?(?:Anti-Trafficking\s+)?Co-?ordinator"
_COORD_AFTER = re.compile(rf"{_COORD}\s*(?:,\s*(?:the\s+)?|\s+is\s+(?:the\s+)?|:\s*|\s+[–-]\s+|\s*\()([^,;.()]+?(?:\s+(?:of|for|on|in)\s+[^,;.()]+)*)(?=[,;.)]|$)", re.I)
_COORD_BEFORE = re.compile(rf"(?:^|\.\s+|:\s*)(?:The\s+)?([A-Z][^,;.:]+?)\s+(?:acts|serves|functions)\s+as\s+(?:the\s+)?{_COORD}", re.I)


def _coordinator_named(v: View) -> Read | None:
    """'… a National Co-ordinator, the Director of X' or 'The Head of X acts as National Co-ordinator'."""
    for line in v.lines:
        for rx in (_COORD_BEFORE, _COORD_AFTER):
            m = rx.search(line.text)
            if m and len(m.group(1).split()) >= 2:
                name = fold(m.group(1)).strip(" ,.;:")
                name = _ARTICLE.sub("", name)
                if not _NOT_A_NAME.match(name):
                    return Read(name, line, "pattern.weak")
    return None


# Names that start with the body's noun, as French, German, Russian, Spanish and Italian write them
_BODY_NOUN_FIRST = re.compile(
    r"((?:Commission|Comité|Groupe de travail|Conseil|Kommission|Arbeitsgruppe|Ausschuss|Lenkungsgruppe|Comisión|"
    r"Grupo de Trabajo|Comité|Consejo|Commissione|Comitato|Gruppo di lavoro|Tavolo|Межведомственная комиссия|"
    r"Комиссия|Рабочая группа|Совет|Координационный совет|Interministerielle Arbeitsgruppe)\b[^.;:\n]{0,120})"
)


_LABELLED = re.compile(r"(?::|\bis|\bnamely)\s*$", re.I)  # "task force:", "The mechanism is (the)"
_NAME_ENDS = re.compile(r"^\s*(?:[.;☐☒]|$)")


def _body_name(v: View) -> Read | None:
    """The body's name where the answer spells it out: read over the answer's lines joined, so a
    name wrapped over two lines ("Inter-ministerial Commission for" / "Combating ...") stays whole;
    sure when a label introduces it and the sentence ends with it ("task force: the X Group.")."""
    lines = [l for l in v.lines if not l.text.rstrip().endswith("?")]
    if not lines:
        return None
    text = " ".join(l.text.strip() for l in lines)
    m = _BODY.search(text) if v.pats.lang == "en" else (_BODY_NOUN_FIRST.search(text) or _BODY.search(text))
    if not m:
        return None
    starts = [sum(len(l.text.strip()) + 1 for l in lines[:k]) for k in range(len(lines))]
    line = lines[max(k for k, at in enumerate(starts) if at <= m.start())]
    sure = bool(_LABELLED.search(_ARTICLE_END.sub("", text[:m.start()]))) and bool(_NAME_ENDS.match(text[m.end():]))
    return Read(fold(m.group(1)).rstrip(" ,.;"), line, "pattern" if sure else "pattern.weak")


_ARTICLE_END = re.compile(r"\s*\b(?:the|a|an)\s*$", re.I)


def q3(v: View, resolver) -> Iterator[tuple[str, Read]]:
    part_a = v.part("a") or ([] if v.parts.keys() - {None} else v.lines)
    got = _yesno(v, part_a) if v.part("a") else None
    ministries = _ministries(part_a or v.lines, resolver, v.pats)
    if got:
        yield "ncm_interministerial", got
    elif len(ministries[0]) >= 2:
        yield "ncm_interministerial", Read("yes", ministries[1], "inferred")
    if ministries[0]:
        yield "ncm_ministries", Read(";".join(sorted(ministries[0])), ministries[1], ministries[2])
    if v.part("b"):
        got = _yesno(v, v.part("b"))
        if got:
            yield "ncm_experts", got
    elif not (v.parts.keys() - {None}):
        experts = [m for m in mentions(v.lines, v.pats, "composition") if m[0] == "experts" and not m[2]]
        if experts:  # "... and police experts and prosecutors take part"
            yield "ncm_experts", Read("yes", experts[0][1], "pattern")
    cs_lines = v.part("d") or ([] if v.parts.keys() - {None} else v.lines)
    if cs_lines:
        yield from _civil_society(v, cs_lines)


def _civil_society(v: View, lines: list[Line]) -> Iterator[tuple[str, Read]]:
    got = _yesno(v, lines) if v.part("d") else None
    if got is None:
        for line in lines:
            if line.text.rstrip(" _").endswith("?"):
                continue  # the sub-question's own wording
            hits = v.pats.hits(line.text)
            if labels_in(hits, "composition").count("civil_society") or "civil_society" in labels_in(hits, "composition"):
                lead = yes_no_word(line.text, v.pats)  # "No, but NGOs are consulted on specific issues."
                neg = lead == "no" or (lead is None and "negate" in labels_in(hits, "yesno"))
                got = Read("no" if neg else "yes", line, "pattern")
                break
    if got:
        yield "ncm_civil_society", got
    if got and got.value == "yes":
        # the sub-question retyped before its answer ("Do they take part in decision making, as observers? Yes, as
        # observers") names every role: only what follows its question mark is the answer
        lines = [replace(l, text=l.text.rsplit("?", 1)[1]) if "?" in l.text else l for l in lines]
        lines = [l for l in lines if l.text.strip()]
        pct = share(lines, v.pats)
        if pct:
            yield "ncm_civil_society_share", pct
        role = _multi(v, "", "cs_role", lines) if lines else None
        if role:
            yield "ncm_civil_society_role", role


def _ministries(lines: list[Line], resolver, pats: LanguagePatterns | None = None) -> tuple[set[str], Line | None, str]:
    """Ministries named in the lines (a list may wrap over several lines); not in a sentence about
    the experts ("Experts such as police investigators and prosecutors take part"): people, not members."""
    if pats is not None:
        topics = [set(labels_in(pats.hits(l.text), "composition")) for l in lines]
        lines = [l for l, t in zip(lines, topics) if not ("experts" in t and "interministerial" not in t)]
    if not lines:
        return set(), None, "pattern"
    line = joined(lines)
    ids = {m.id for m in resolver.find_ministries(line.text) if m.id}
    return ids, line if ids else None, "pattern"


def lead_ministry(lines: list[Line], v: View, resolver) -> Read | None:
    """The ministry named right after 'chaired by' / 'headed by' (or before 'chairs')."""
    for line in lines:
        cues = [h for h in v.pats.hits(line.text) if h.label == "lead.cue"]
        if not cues:
            continue
        found = [m for m in resolver.find_ministries(line.text) if m.id]
        for cue in cues:
            after = [m for m in found if 0 <= m.start - cue.end <= 60]
            if after:
                return Read(after[0].id, line, "pattern")
            before = [m for m in found if 0 <= cue.start - m.end <= 25]
            if before:
                return Read(before[-1].id, line, "pattern.weak")
    return None


# "a Government decision without legal force": whatever the act is called, it binds no one
_NO_LEGAL_FORCE = re.compile(
    r"without legal force|no legal force|non-binding|not legally binding|sans force juridique|non contraignant|"
    r"ohne rechtskraft|nicht rechtsverbindlich|ohne rechtsverbindlich|не име\w* юридическ\w* сил|без юридическ\w* сил|"
    r"sin fuerza jurídica|no vinculante|senza valore giuridico|senza forza giuridica|non vincolante",
    re.I,
)


def q4(v: View) -> Iterator[tuple[str, Read]]:
    legal = keyword_values(v.lines, v.pats, "legal")
    unbinding = next((l for l in v.lines if _NO_LEGAL_FORCE.search(l.text)), None)
    if unbinding is not None:
        yield "ncm_legal_basis", Read("policy", unbinding, "pattern")
    elif legal:
        yield "ncm_legal_basis", Read(legal[0][0], legal[0][1], "pattern" if len(legal) == 1 else "pattern.weak")
    yield from _established(v, "ncm")


def _established(v: View, prefix: str) -> Iterator[tuple[str, Read]]:
    """The first year given, and the later ones for the same body (revised, revitalised)."""
    year = first_year(v.lines)
    if year:
        yield f"{prefix}_established_year", year
        if year.extra:
            # sure when the same sentence says the body was set up again ("Created in 2000 and revitalised
            # in 2004"); a later year elsewhere may date something else (a report, an evaluation)
            same = all(y in year.line.text for y in year.extra) and _RENEWED.search(year.line.text)
            yield f"{prefix}_established_year_other", Read(";".join(year.extra), year.line, "pattern" if same else "pattern.weak")


_RENEWED = re.compile(
    r"revitali|restructur|reorgani|renewed|re-?establish|re-?constitut|revised|relaunch|"
    r"réorganis|restructur|renouvel|révisé|relancé|reconstitu|"
    r"umstrukturiert|reorganisiert|erneuert|neu gegründet|neu konstituiert|neu eingerichtet|"
    r"реорганиз|преобразова|обновл|возобнов|воссозда|"
    r"reestructur|reorganiz|renovad|relanzad|reconstitu|"
    r"ristruttur|riorganizz|rinnovat|rilanciat|ricostitu",
    re.I,
)


def _budget(v: View, prefix: str, cover_lines: list[Line]) -> Iterator[tuple[str, Read]]:
    """Whether there is a budget and, when there is, what it covers in the respondent's words."""
    got = _yesno(v, v.lines, LETTERS["5" if prefix == "ncm" else "20"])
    if got:
        yield f"{prefix}_budget", got
        if got.value == "yes":
            covers = _text(v, cover_lines or v.lines, prose=True)
            unlettered = _LEADING_LETTER.sub("", covers.value) if covers else ""
            if covers and _LEADING_YES_NO.match(unlettered):
                # "Yes. If yes, what does it cover? ✓ (b) No" / "Campaigns ...": the form's unticked "No" is no part of it
                covers = replace(covers, value=_LEADING_YES_NO.sub("", unlettered).strip())
            if covers and len(covers.value.split()) >= 2:
                yield f"{prefix}_budget_covers", covers


def q5(v: View) -> Iterator[tuple[str, Read]]:
    yield from _budget(v, "ncm", v.part("a"))


def q6(v: View) -> Iterator[tuple[str, Read]]:
    got = _multi(v, "6", "function")
    if got:
        yield "ncm_function", got


q7 = _free_text("ncm_achievements")


def _challenges(v: View, text_field: str, topic_field: str, allowed: set[str]) -> Iterator[tuple[str, Read]]:
    """The challenges in the respondent's words, and their topics sentence by sentence: a
    sentence naming a challenge that fits no topic ('the language barrier') counts as other."""

    got = _text(v, prose=True)
    if not got:
        return
    yield text_field, got
    topics: set[str] = set()
    for sent in sentences(tuple(Line(s.text, s.page, s.bbox, s.origin, s.ocr_confidence, 0) for s in v.lines)):
        hits = v.pats.hits(sent.text)
        found = {t for t in labels_in(hits, "topic") if t in allowed}
        if found:
            topics |= found
        elif len(sent.text.split()) >= 4 and not labels_in(hits, "topic_q") and not labels_in(hits, "blank"):
            topics.add("other")  # a challenge of its own kind, not an introduction ("faces several difficulties")
    if topics:
        yield topic_field, Read(";".join(sorted(topics)), got.line, "pattern" if topics != {"other"} else "pattern.weak")


def q8(v: View) -> Iterator[tuple[str, Read]]:
    yield from _challenges(v, "ncm_challenges", "ncm_challenge_topics",
                           {"resources", "disagreement", "priorities", "coordination", "data"})


# ------------------------------------------------------------------ part B


def q9(v: View) -> Iterator[tuple[str, Read]]:
    found: dict[str, Read] = {}
    if v.seg.how == "narrative":
        got = exists_from_mentions(v.lines, v.pats, ("section",), "B")
        if got:
            found["nap_exists"] = got
    elif v.checked():
        ticked = _ticked_values(v, "9")
        if ticked:
            kinds = {t[0] for t in ticked}
            line, how = ticked[0][1], ticked[0][2]
            found["nap_exists"] = Read("yes" if "nap" in kinds else "no", line, how)
            found["nap_equivalent"] = Read("yes" if "equivalent" in kinds else "no", line, how)
    if not found:
        a = _yesno(v, _answer_under_option(v, "9", "a")) if v.part("a") else None
        b = _yesno(v, _answer_under_option(v, "9", "b")) if v.part("b") else None
        words = [l for l in v.lines if not has_boxes([l])]
        if a is None and b is None and words:
            a = yesno(words, v.pats)
        found.update({k: r for k, r in (("nap_exists", a), ("nap_equivalent", b)) if r})
        if a and b is None and v.has_boxes():
            # both boxes left empty and the plan denied in words: no equivalent was ticked either
            found["nap_equivalent"] = Read("no", v.options[-1].line, "pattern.weak")
    year = first_year(v.lines)
    exists = found.get("nap_exists")
    pending = year is not None and "pending" in labels_in(v.pats.hits(year.line.text), "yesno")
    if year and (exists is None or exists.value == "yes") and not pending:  # "not yet, foreseen for 2008" gives no plan year
        found["nap_year"] = Read(year.value, year.line, year.how)
    yield from found.items()


def _answer_under_option(v: View, question: str, letter: str) -> list[Line]:
    """A part's lines without the option's own wording retyped above its answer ("a) A National Action Plan" / "Yes.")."""
    lines = v.part(letter)
    if len(lines) > 1 and not has_boxes(lines[:1]):
        m = _PART.match(lines[0].text)
        label = (lines[0].text[m.end():] if m else lines[0].text).strip(" ?:.\t").lower()
        options = [CONTRACT.questions[question].options.get(letter, ""), v.pats.data.options.get(question, {}).get(letter, "")]
        if label and yes_no_word(label, v.pats) is None and any(
                max(fuzz.partial_ratio(label, o.lower()), fuzz.token_set_ratio(label, o.lower())) >= 80 for o in options if o):
            return lines[1:]
    return lines


def q10(v: View) -> Iterator[tuple[str, Read]]:
    got = _multi(v, "10", "coverage")
    if got:
        yield "nap_coverage", got


def q11(v: View) -> Iterator[tuple[str, Read]]:
    got = _yesno(v, v.lines)
    if got:
        yield "thb_defined", got
        if got.value == "yes":
            definition = _text(v, [l for l in v.lines if not has_boxes([l])] or v.lines, prose=True)
            if definition and len(definition.value.split()) >= 5:
                yield "thb_definition", definition


def q12(v: View) -> Iterator[tuple[str, Read]]:
    got = _yesno(v, v.lines)
    if got:
        yield "comprehensive_approach_defined", got


q13 = _free_text("nap_review")


q14 = _free_text("nap_achievements")


def q15(v: View) -> Iterator[tuple[str, Read]]:
    yield from _challenges(v, "nap_challenges", "nap_challenge_topics",
                           {"resources", "disagreement", "priorities", "coordination", "data", "support"})


# ------------------------------------------------------------------ part C


def q16(v: View) -> Iterator[tuple[str, Read]]:
    got = _exists(v, LETTERS["16"], ("section",), "C") or _exists(v, LETTERS["16"], ("section",), "reports")
    if got:
        yield "nrm_exists", got
        for _, year in _since_year(got):
            yield "nrm_established_year" + FALLBACK, year


def q17(v: View) -> Iterator[tuple[str, Read]]:
    got = _choice(v, "17", "nrm_type")
    if got:
        yield "nrm_type", got


def q18(v: View) -> Iterator[tuple[str, Read]]:
    got = _choice(v, "18", "authority")
    if got:
        yield "nrm_authority", got


def q19(v: View) -> Iterator[tuple[str, Read]]:
    yield from _established(v, "nrm")


def q20(v: View) -> Iterator[tuple[str, Read]]:
    yield from _budget(v, "nrm", v.part("b") or v.part("a"))


def q21s(v: View) -> Iterator[tuple[str, Read]]:
    freq = _choice(v, "", "frequency", v.part("a") or v.lines)
    if freq:
        yield "report_frequency", freq
    to_whom = recipient(v.part("b") or v.lines, v.pats) or (_text(v, v.part("b")) if v.part("b") else None)
    if to_whom:
        yield "report_recipient", to_whom
    public_lines = v.part("c") or [l for l in v.lines if "public" in labels_in(v.pats.hits(l.text), "topic_q")]
    if public_lines:
        got = _yesno(v, public_lines)
        if got:
            yield "reports_public", got


def q21c(v: View) -> Iterator[tuple[str, Read]]:
    h = v.part("h")
    main = [l for l in v.lines if l not in h]
    got = _multi(v, "21c", "content", main)
    if got:
        yield "report_content", got
    # "h) Does the content vary ... or follow a prescribed model? A fixed model is used.": the sub-question
    # names both values, so only what follows its question mark answers it
    model_lines = [l for l in (_after_question(l, v.pats.lang) for l in h or v.lines) if l is not None]
    model = _choice(v, "", "model", model_lines) if model_lines else None
    if model:
        yield "report_model", model


q22 = _free_text("nrm_success")


q23 = _free_text("nrm_challenges")


RULES: dict[str, Callable[..., Iterator[tuple[str, Read]]]] = {
    "1": q1, "2": q2, "4": q4, "5": q5, "6": q6, "7": q7, "8": q8,
    "9": q9, "10": q10, "11": q11, "12": q12, "13": q13, "14": q14, "15": q15,
    "16": q16, "17": q17, "18": q18, "19": q19, "20": q20, "21s": q21s, "21c": q21c, "22": q22, "23": q23,
}
NEEDS_RESOLVER = {"3": q3}


# A question answered by pointing at another ("See answer to question 7"): the fields it takes over.
CROSSREF = {
    "14": {"7": {"nap_achievements": "ncm_achievements"}},
    "15": {"8": {"nap_challenges": "ncm_challenges", "nap_challenge_topics": "ncm_challenge_topics"}},
    "19": {"4": {"nrm_established_year": "ncm_established_year", "nrm_established_year_other": "ncm_established_year_other"}},
    "20": {"5": {"nrm_budget": "ncm_budget", "nrm_budget_covers": "ncm_budget_covers"}},
    "22": {"7": {"nrm_success": "ncm_achievements"}, "14": {"nrm_success": "nap_achievements"}},
    "23": {"8": {"nrm_challenges": "ncm_challenges"}, "15": {"nrm_challenges": "nap_challenges"}},
    "7": {"14": {"ncm_achievements": "nap_achievements"}},
    "8": {"15": {"ncm_challenges": "nap_challenges", "ncm_challenge_topics": "nap_challenge_topics"}},
}
_REF_NUMBER = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")


def crossref_target(seg: Segment, pats: LanguagePatterns) -> str | None:
    """The question a short answer points at ('Cf. question 8.', 'See Q7 above'), or None."""
    text = fold(" ".join(l.text for l in seg.lines)).lower()
    if not text or len(text) > 120:
        return None
    cues = pats.data.phrases.get("crossref.cue", []) + (patterns_for("en").data.phrases.get("crossref.cue", []) if pats.lang != "en" else [])
    for cue in sorted(cues, key=len, reverse=True):
        at = text.find(cue.lower())
        if at != -1 and (at == 0 or not text[at - 1].isalnum()):
            m = _REF_NUMBER.search(text[at + len(cue):at + len(cue) + 25])
            if m and 1 <= int(m.group(1)) <= 23:
                return m.group(1)
    return None
