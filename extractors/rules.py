"""The few fields that need a rule of their own, each registered against its field id.

The schema marks these fields `reader: rule`. Everything else is read by the value-type
readers (extractors/readers.py). A rule may give more than its own field (civil society
gives its share and roles too; the plan's rule gives the equivalent response); those
fields say `reader: by` in the schema.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from extractors.answer_text import after_question, answer_text
from extractors.options import answer_under_option, letter_of, multi, other_ticked, ticked_detail, ticked_values, yes_no
from extractors.readers import Context, Yields, lines_of, part_lines, read_spec
from extractors.values import exists_from_mentions, keyword_values, mentions, recipient, share, yesno
from extractors.view import View, fold, joined, tick_how
from questionnaire_returns.contract import CONTRACT, FieldSpec
from questionnaire_returns.language.patterns import Cue, LanguagePatterns, bare_yes_no, labels_in, yes_no_word
from questionnaire_returns.records import Line, Read
from questionnaire_returns.segment.marks import has_boxes, options_in
from questionnaire_returns.segment.wording import echoes_option

RuleFn = Callable[[View, FieldSpec, Context], Yields]
RULES: dict[str, RuleFn] = {}


def rule(field_id: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        RULES[field_id] = fn
        return fn

    return register


def _lettered(v: View) -> bool:
    """Whether the answer is cut into lettered parts at all."""
    return bool(v.parts.keys() - {None})


# ------------------------------------------------------------------ Q2: the mechanism's nature


@rule("ncm_type")
def mechanism_kind(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    """A co-ordinator, a working group, both, or another kind: the boxes ticked, else the kinds the answer
    names and does not deny. A co-ordinator and a group together are `both`."""
    words = read_spec(spec).words or spec.id
    ticked = ticked_values(v, CONTRACT.letters_for(spec.id), None, words)
    kinds = {t[0] for t in ticked}
    found: list = []
    line: Line | None
    if ticked:
        line, how = ticked[0][1], ticked[0][2]
    else:
        # a part's own wording retyped as a question ("Is there a national co-ordinator?") names a kind
        # without answering: only what follows its question mark counts
        answered = [kept for l in v.lines if (kept := after_question(l, v.pats.lang)) is not None]
        every = mentions(answered, v.pats, words)
        # a kind the return denies ("There is no commission; a national co-ordinator ...") is not
        # brought back by a later sentence that speaks of "the working group" loosely
        denied = {m[0] for m in every if m[2]}
        found = [m for m in every if not m[2] and m[0] not in denied]
        kinds = {f[0] for f in found}
        # boxes there but none read: the options' own wording names every kind, so the words are weak evidence
        line, how = (found[0][1], "pattern.weak" if v.has_boxes() else "pattern") if found else (None, "")
        answered_parts = _parts_answered(v, spec)
        if answered_parts and not kinds - set(answered_parts):
            kinds = set(answered_parts)
            line, how = next(iter(answered_parts.values())), "pattern"
    ctx.notes["kinds"] = kinds
    ctx.notes["kind_line"] = line
    if line is None:
        return  # no kind ticked or named
    if {"coordinator", "working_group"} <= kinds or (not ticked and found and found[0][0] == "both"):
        yield spec.id, Read("both", line, how)
    elif kinds & {"coordinator", "working_group", "other"}:
        yield spec.id, Read(next(k for k in ("coordinator", "working_group", "other") if k in kinds), line, how)


def _parts_answered(v: View, spec: FieldSpec) -> dict[str, Line]:
    """With no box anywhere, the kinds whose lettered part the return answered under it ("a) National
    co-ordinator?" / "Deputy Minister ..."): {kind: the answer's line}. A part left blank, or answered "No" or
    "not applicable", is no kind; nothing when the answer is not cut into the form's parts."""
    if v.has_boxes() or not _lettered(v):
        return {}
    out: dict[str, Line] = {}
    for letter, kind in CONTRACT.letters_for(spec.id).items():
        lines = answer_under_option(v, v.seg.question, letter)
        said = yes_no(v, lines) if lines else None
        if said is not None:
            if said.value == "yes":
                out[kind] = said.line
            continue
        got = answer_text(v, lines) if lines else None
        if got is not None and not echoes_option(got.value, v.seg.question, v.pats.lang):
            out[kind] = got.line
    return out


_ARTICLE = Cue(r"^{name.article:words}\s+")
_NOT_A_NAME = Cue(r"{name.not_a_name:words}\b")
_COORD_AFTER = Cue("{coordinator.after}")  # "the National Co-ordinator, the Director of X": group 1 the name
_COORD_BEFORE = Cue("{coordinator.before}")  # "The Head of X acts as National Co-ordinator"


@rule("ncm_coordinator")
def coordinator(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    """Who the co-ordinator is: the answer under its part, else named in a sentence; only where the
    mechanism has a co-ordinator."""
    r = read_spec(spec)
    part = part_lines(v, r)
    got = answer_text(v, part) if part else (ticked_detail(v, r.parts[0]) if r.parts else None) \
        or _details_below(v, ctx).get("coordinator") or _coordinator_named(v)
    if got and "coordinator" in ctx.notes.get("kinds", set()) and not echoes_option(got.value, v.seg.question, v.pats.lang):
        yield spec.id, got


_DETAIL_WORDS = 20  # a title or a body's name, not a sentence of the answer


def _details_below(v: View, ctx: Context) -> dict[str, Read]:
    """'☒ National co-ordinator ☒ National working group ...' then 'Deputy Minister of Interior' / 'Inter-Agency
    Working Group on ...': the short lines under the kinds' row detail the kinds chosen, one line each, in the
    form's order; {kind: its line}. Nothing when the lines and the kinds do not pair up."""
    row, kinds = ctx.notes.get("kind_line"), ctx.notes.get("kinds", set())
    if row is None or row not in v.lines or v.seg.how == "narrative" or ":" in row.text:
        return {}  # "Co-ordinator: X. Working group: ..." names them on its own line
    below = []
    for line in v.lines[v.lines.index(row) + 1:]:
        text = line.text.strip()
        if not text:
            continue
        if "?" in text or has_boxes([line]) or len(text.split()) > _DETAIL_WORDS or text[-1:] == ":" \
                or not text[:1].isupper():
            break  # a question, a row of boxes, a sentence, a label, or the line above going on
        below.append(line)
    order = [value for _, value in sorted(CONTRACT.letters_for("ncm_type").items()) if value in kinds]
    if not below or len(below) != len(order):
        return {}
    return {kind: Read(_after_option_label(line.text), line, "pattern") for kind, line in zip(order, below)}


def _after_option_label(text: str) -> str:
    """'National working group: National Anti-Trafficking Commission', 'Chair: ...': the name after a short
    label of a few words (the kind's own, or the return's)."""
    head, sep, tail = text.partition(":")
    if sep and len(tail.split()) >= 2 and len(head.split()) <= 5:
        text = tail
    return fold(text).strip(" .;,")


def _line_at(lines: list[Line], at: int) -> Line:
    """The line in which character `at` of the lines' stripped texts joined by single spaces falls: the
    evidence line of a name read over wrapped lines."""
    start = 0
    for line in lines:
        start += len(line.text.strip()) + 1
        if at < start:
            return line
    return lines[-1]


_KIND_LABELLED = re.compile(r"([^.:;]{6,90}):\s*(.+?)(?:\.\s|\.?$)")


def _after_kind_label(v: View, letter: str) -> Read | None:
    """'Coordinateur national: X. Groupe de travail, commission ou groupe spécial national: Commission nationale
    de lutte contre la traite.': the name written after the words of the kind that is the part `letter`."""
    lines = [l for l in v.lines if l.text.strip()]
    text = " ".join(l.text.strip() for l in lines)  # a name wrapped over two lines stays whole
    for m in _KIND_LABELLED.finditer(text):
        label, name = m.group(1).strip(" -–•"), m.group(2).strip()
        if len(name.split()) >= 2 and letter_of(label, v.seg.question, v.pats.lang) == letter \
                and not echoes_option(name, v.seg.question, v.pats.lang):
            return Read(fold(name).strip(" .;,"), _line_at(lines, m.start(2)), "pattern")
    return None


def _coordinator_named(v: View) -> Read | None:
    """'… a National Co-ordinator, the Director of X' or 'The Head of X acts as National Co-ordinator'."""
    for line in v.lines:
        for rx in (_COORD_BEFORE, _COORD_AFTER):
            m = rx.search(line.text)
            named = next((g for g in m.groups() if g), "") if m else ""  # each language's expression has its own group
            if len(named.split()) >= 2:
                name = fold(named).strip(" ,.;:")
                name = _ARTICLE.sub("", name)
                if not _NOT_A_NAME.match(name):
                    return Read(name, line, "pattern.weak")
    return None


@rule("ncm_body_name")
def body_name(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    """The body's name: the answer under its part, else spelt out in the answer; only where the
    mechanism is a working group, commission or task force."""
    if "working_group" not in ctx.notes.get("kinds", set()):
        return
    r = read_spec(spec)
    part = part_lines(v, r)
    got = answer_text(v, part) if part else None
    if got is None and v.seg.how != "narrative":
        got = (ticked_detail(v, r.parts[0]) if r.parts else None) or _details_below(v, ctx).get("working_group") \
            or (_after_kind_label(v, r.parts[0]) if r.parts else None) or _body_name(v)
    elif got is None:
        got = _body_name(v)
        if got is not None:
            got = replace(got, how="pattern.weak")  # a letter names many bodies: a reviewer confirms which
    if got and not echoes_option(got.value, v.seg.question, v.pats.lang):
        yield spec.id, got


_BODY = Cue("{body.name}", flags=0)  # "the Inter-Agency Working Group on ...": group 1 the name
# Names that start with the body's noun, as French, German, Russian, Spanish and Italian write them; the name
# ends where a relative clause describing the body begins ("..., qui se réunit chaque mois")
_BODY_NOUN_FIRST = Cue(r"({body.noun_first}\b(?:(?!,\s*{clause.relative}\b)[^.;:\n]){0,120})", flags=0)
_LABELLED = Cue(r"(?::|\b{name.label:words})\s*$")  # "task force:", "The mechanism is (the)"
_NAME_ENDS = re.compile(r"^\s*(?:[.;☐☒]|$)")
_ARTICLE_END = Cue(r"\s*\b{name.article:words}\s*$")


_CALLED = Cue(r"{name.called}\s*[«\"“„]\s*([^»\"”“]{3,150}?)\s*[»\"”“]|{name.called}\s+(?:{name.article:words}\s+)?((?:[A-ZÀ-ÖØ-ÞА-Я][\w'’-]*)(?:[ ]+[\w'’-]+){0,12}?)(?=\s*(?:[.;,]|$|\s(?:se|is|was|meets|tagt|si|с)\s))", flags=0)


def _body_name(v: View) -> Read | None:
    """The body's name where the answer spells it out: read over the answer's lines joined, so a
    name wrapped over two lines ("Inter-ministerial Commission for" / "Combating ...") stays whole;
    sure when a label introduces it and the sentence ends with it ("task force: the X Group."), or
    when the return says it is called so ("une instance dénommée « Commission nationale ... »")."""
    lines = [l for l in v.lines if not l.text.rstrip().endswith("?")]
    if not lines:
        return None
    text = " ".join(l.text.strip() for l in lines)
    called = _CALLED.search(text)
    if called:
        name = called.group(1) or called.group(2)
        line = next((l for l in lines if name.split()[0] in l.text), lines[0])
        return Read(fold(name).rstrip(" ,.;"), line, "pattern")
    m = _BODY.search(text) if v.pats.lang == "en" else (_BODY_NOUN_FIRST.search(text) or _BODY.search(text))
    if not m:
        return None
    line = _line_at(lines, m.start())
    sure = bool(_LABELLED.search(_ARTICLE_END.sub("", text[:m.start()]))) and bool(_NAME_ENDS.match(text[m.end():]))
    return Read(fold(m.group(1)).rstrip(" ,.;"), line, "pattern" if sure else "pattern.weak")


# ------------------------------------------------------------------ Q3: who sits in the mechanism


def _member_lines(v: View, spec: FieldSpec) -> list[Line]:
    """The lines of the field's part; with no lettered parts at all, the whole answer."""
    return part_lines(v, read_spec(spec)) or ([] if _lettered(v) else v.lines)


def _ministries_in(v: View, spec: FieldSpec, ctx: Context) -> tuple[set[str], Line | None]:
    """The ministries the interministerial part names (found once per segment): not in a sentence about
    the experts ("Experts such as police investigators and prosecutors take part"): people, not members."""
    if "ministries" not in ctx.notes:
        lines = _member_lines(v, spec) or v.lines
        topics = [set(labels_in(v.pats.hits(l.text), "composition")) for l in lines]
        lines = [l for l, t in zip(lines, topics) if not ("experts" in t and "interministerial" not in t)]
        ids: set[str] = set()
        line = None
        if lines:
            line = joined(lines)
            ids = {m.id for m in ctx.names.find_ministries(line.text) if m.id}  # type: ignore[attr-defined]
        ctx.notes["ministries"] = (ids, line if ids else None)
    return ctx.notes["ministries"]  # type: ignore[return-value]


@rule("ncm_interministerial")
def interministerial(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    """The part's own yes/no; else two ministries named make the mechanism inter-ministerial."""
    part = part_lines(v, read_spec(spec))
    got = yes_no(v, part) if part else None
    ids, line = _ministries_in(v, spec, ctx)
    if got:
        yield spec.id, got
    elif len(ids) >= 2 and line is not None:
        yield spec.id, Read("yes", line, "inferred")


@rule("ncm_ministries")
def ministries(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    """The ministries represented, by id (names no alias table knows are kept by the resolve stage)."""
    ids, line = _ministries_in(v, spec, ctx)
    if ids and line is not None:
        yield spec.id, Read(";".join(sorted(ids)), line, "pattern")


@rule("ncm_experts")
def experts(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    """The part's own yes/no; with no lettered parts, experts named and not denied."""
    part = part_lines(v, read_spec(spec))
    if part:
        got = yes_no(v, part)
        if got:
            yield spec.id, got
    elif not _lettered(v):
        named = [m for m in mentions(v.lines, v.pats, "composition") if m[0] == "experts" and not m[2]]
        if named:  # "... and police experts and prosecutors take part"
            yield spec.id, Read("yes", named[0][1], "pattern")


@rule("ncm_civil_society")
def civil_society(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    """Civil society's place: the part's yes/no, else NGOs named (or denied); then its share and roles."""
    lines = _member_lines(v, spec)
    if not lines:
        return
    got = yes_no(v, lines) if part_lines(v, read_spec(spec)) else None
    if got is None:
        for line in lines:
            if _asks(line.text, v.pats):
                continue  # the sub-question's own wording, in whatever translation the return retyped it
            hits = v.pats.hits(line.text)
            if "civil_society" in labels_in(hits, "composition"):
                lead = yes_no_word(line.text, v.pats)  # "No, but NGOs are consulted on specific issues."
                neg = lead == "no" or (lead is None and "negate" in labels_in(hits, "yesno"))
                got = Read("no" if neg else "yes", line, "pattern")
                break
    if not got:
        return
    yield spec.id, got
    if got.value != "yes":
        return
    # the sub-question retyped before its answer ("Do they take part in decision making, as observers? Yes, as
    # observers") names every role: only what follows its question mark is the answer
    lines = [replace(l, text=l.text.rsplit("?", 1)[1]) if "?" in l.text else l for l in lines]
    # ... and the part's own yes/no boxes ("☒ Yes ☐ No") are no role
    lines = [l for l in lines if l.text.strip() and not _yes_no_row(l, v.pats)]
    for by in CONTRACT.fields_of(v.seg.question):
        if by.read is None or by.read.by != spec.id:
            continue
        if by.type == "number":
            pct = share(lines, v.pats)
            if pct:
                yield by.id, pct
        elif by.type == "multi" and lines:
            role = multi(v, CONTRACT.letters_for(by.id), by.read.words, lines)
            other = other_ticked(v, lines) if "other" in (by.values or ()) else None
            if other is not None:  # "☐ A decision making capacity ☐ An observer capacity ☒ Other"
                named = set(role.value.split(";")) if role else set()
                role = Read(";".join(sorted(named | {"other"})), role.line if role else other, tick_how(other))
            if role:
                yield by.id, role


ASK_WRAP_WORDS = 3  # words after a question's last "?" that only begin its next question, wrapped


def _asks(text: str, pats: LanguagePatterns) -> bool:
    """A line that asks rather than answers: it ends on its question mark, or it asks and ends introducing
    the answer ("г) Входят ли ... представители гражданского общества? ... В каком качестве они участвуют:")."""
    t = text.rstrip(" _\t")
    if t.endswith("?") or ("?" in t and t.endswith(":")):
        return True
    # "... гражданского общества? Какова их доля в процентах? В каком" / "качестве ...:": the next question's first
    # words after the last "?", wrapped (not an answer: "... represented? Yes", "... share? 30 %")
    after = t.rsplit("?", 1)[1].strip() if "?" in t else ""
    return 0 < len(after.split()) <= ASK_WRAP_WORDS and after[:1].isupper() and not any(c.isdigit() for c in after) \
        and yes_no_word(after, pats) is None and not labels_in(pats.hits(after), "blank")


def _yes_no_row(line: Line, pats: LanguagePatterns) -> bool:
    """A row of boxes labelled only yes and no."""
    opts = options_in([line])
    return bool(opts) and all(bare_yes_no(o.label, pats) for o in opts)


def lead_ministry(views: list[View], spec: FieldSpec, names) -> Read | None:
    """The ministry named right after 'chaired by' / 'headed by' (or before 'chairs'), in the first of
    the questions the schema gives that names one."""
    for v in views:
        for n, line in enumerate(v.seg.lines):
            cues = [h for h in v.pats.hits(line.text) if h.label == "lead.cue"]
            if not cues:
                continue
            found = [m for m in names.find_ministries(line.text) if m.id]
            for cue in cues:
                got = _chair_of(v.seg.lines, n, cue, found, names)
                if got is not None:
                    return got
    return None


def _chair_of(lines: tuple[Line, ...], n: int, cue, found: list, names) -> Read | None:
    """The ministry one lead cue on line `n` names, wherever the return puts it: inside the cue's brackets, before
    a mark set after its name, after the cue, wrapped onto the next line after a label, or (weakly) before it."""
    line = lines[n]
    text = line.text
    if text[:cue.start].rstrip().endswith(("(", "[")):
        # "MFA (chaired by the Ministry of Labour)", "(Vorsitz: BMI)": a ministry inside the cue's brackets
        close = min((i for i in (text.find(")", cue.end), text.find("]", cue.end)) if i != -1), default=len(text))
        inside = [m for m in found if cue.end <= m.start < close]
        if inside:
            return Read(inside[0].id, line, "pattern")
        if any(ch.isalnum() for ch in text[cue.end:close]):
            return None  # "Office for Immigration (chaired by Min. Justice)": the chair named inside, not the one before
    above = _marked_on_the_line_above(lines, n, cue, names)
    if above is not None:
        return above
    # ... but "... Hacienda. Preside: Ministerio del Interior": a cue that labels (a colon after it) or opens a
    # sentence names what follows it
    labels = text[cue.end:].lstrip().startswith(":") or "." in text[max(0, cue.start - 3):cue.start]
    marked_after = [m for m in found if 0 <= cue.start - m.end <= 3 and not labels
                    and not any(ch.isalnum() for ch in text[m.end:cue.start])]
    if marked_after:
        return Read(_last_named(marked_after), line, "pattern")
    after = [m for m in found if 0 <= m.start - cue.end <= 60]
    if after:
        return Read(after[0].id, line, "pattern")
    if labels:
        return _wrapped_after_label(lines, n, cue, names)
    before = [m for m in found if 0 <= cue.start - m.end <= 25]
    return Read(_last_named(before), line, "pattern.weak") if before else None


def _marked_on_the_line_above(lines: tuple[Line, ...], n: int, cue, names) -> Read | None:
    """"Ministry of Public Security (chair), Ministry of Culture": the cue in brackets names the one before it,
    which may end the line above ("... Ministry of Public Security" / "(chair), Ministry of Culture")."""
    gap = lines[n].text[:cue.start].strip()
    if gap not in ("(", "-", "–", "—", "- (", ",") or not n:  # a mark set after the name, not a label ("Lead ministry:")
        return None
    above = lines[n - 1]
    ends = [m for m in names.find_ministries(above.text) if m.id and not above.text[m.end:].strip()]
    return Read(_last_named(ends), above, "pattern") if ends else None


def _wrapped_after_label(lines: tuple[Line, ...], n: int, cue, names) -> Read | None:
    """"Presidenza: Ministero delle" / "Politiche per la Famiglia": the name after a label wraps onto the next line."""
    if n + 1 >= len(lines):
        return None
    line = lines[n]
    both = fold(line.text[cue.end:] + " " + lines[n + 1].text)
    wrapped = [m for m in names.find_ministries(both) if m.id and m.start <= 60]
    return Read(wrapped[0].id, line, "pattern") if wrapped else None


def _last_named(matches) -> str:
    """The last ministry named, by its first-named portfolio ("Ministero del Lavoro e della Previdenza Sociale"
    → labour, FIELDS.md): one name gives a match per portfolio, in the order it names them."""
    last = max(m.start for m in matches)
    return next(m.id for m in matches if m.start == last)


DOCUMENT_RULES = {"ncm_lead_ministry": lead_ministry}  # rules that read several questions' answers


# ------------------------------------------------------------------ Q4: legal basis

# "a Government decision without legal force": whatever the act is called, it binds no one
_NO_LEGAL_FORCE = Cue("{legal_force.none}")


@rule("ncm_legal_basis")
def legal_basis(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    """The act the words name (law, decree, policy ...); an act "without legal force" is policy whatever it is called."""
    legal = keyword_values(v.lines, v.pats, read_spec(spec).words or spec.id)
    unbinding = next((l for l in v.lines if _NO_LEGAL_FORCE.search(l.text)), None)
    if unbinding is not None:
        yield spec.id, Read("policy", unbinding, "pattern")
    elif legal:
        yield spec.id, Read(legal[0][0], legal[0][1], "pattern" if len(legal) == 1 else "pattern.weak")


# ------------------------------------------------------------------ Q9: sub-questions answered yes or no


@rule("nap_exists")
def ticked_parts(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    """A question whose lettered parts are each a yes/no field (a plan; another equivalent response): a
    ticked part is yes and the others no; else each part's own yes/no; in a letter, the thing named."""
    flags = CONTRACT.questions[v.seg.question].option_fields  # letter -> field
    own = [f for f in flags.values()]
    found: dict[str, Read] = {}
    # boxes labelled yes and no ("a) A National Action Plan? ☒ Yes ☐ No") answer each part on its own: a part's
    # yes is no tick of the part, and a part whose boxes are all empty is unanswered, not "no"
    own_boxes = any(bare_yes_no(o.label, v.pats) for o in v.options)
    if v.seg.how == "narrative":
        found.update(_parts_named(v, own))
    elif v.checked() and not own_boxes:
        ticked = ticked_values(v, flags)
        if ticked:
            chosen = {t[0] for t in ticked}
            line, how = ticked[0][1], ticked[0][2]
            for fid in own:
                found[fid] = Read("yes" if fid in chosen else "no", line, how)
    if not found:
        answers = {fid: yes_no(v, answer_under_option(v, v.seg.question, letter)) if v.part(letter) else None
                   for letter, fid in flags.items()}
        words = [l for l in v.lines if not has_boxes([l])]
        if all(a is None for a in answers.values()) and words:
            answers[spec.id] = yesno(words, v.pats)
        found.update({fid: r for fid, r in answers.items() if r})
        others = [fid for fid in own if fid != spec.id]
        if answers.get(spec.id) and all(answers.get(f) is None for f in others) and v.has_boxes() and not own_boxes:
            # every box left empty and the first part answered in words: no other part was ticked either
            for fid in others:
                found[fid] = Read("no", v.options[-1].line, "pattern.weak")
    yield from found.items()


def _parts_named(v: View, fields: list[str]) -> dict[str, Read]:
    """In a letter, each part's field from what the letter names (its `mentions`: "a National Action Plan",
    "an equivalent co-ordinated response"); a field's looser words (`else_mentions`: "the programme") only
    where the letter names no part of the question in its own words."""
    found: dict[str, Read] = {}
    for fid in fields:
        r = CONTRACT.fields[fid].read
        got = exists_from_mentions(v.lines, v.pats, r.mentions) if r is not None and r.mentions else None
        if got:
            found[fid] = got
    if not found:
        for fid in fields:
            r = CONTRACT.fields[fid].read
            got = exists_from_mentions(v.lines, v.pats, r.else_mentions) if r is not None and r.else_mentions else None
            if got:
                found[fid] = got
    return found


# ------------------------------------------------------------------ Q21: to whom reports go


@rule("report_recipient")
def report_recipient(v: View, spec: FieldSpec, ctx: Context) -> Yields:
    """The words after 'submitted to'; else what the recipient's part says."""
    r = read_spec(spec)
    part = part_lines(v, r)
    got = recipient(lines_of(v, r), v.pats) or (answer_text(v, part) if part else None)
    if got:
        yield spec.id, got


__all__ = ["DOCUMENT_RULES", "RULES", "lead_ministry"]
_ = LanguagePatterns  # the type rules see through View.pats
