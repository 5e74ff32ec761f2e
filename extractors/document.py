"""One read document → its answers: language, segments, field rules, names, confidence.

This is the extract stage's entry point (pipeline.process_document calls it).
A return that numbers or retypes the questions is segmented by question; one
with fewer than four recognisable questions is read as a narrative letter.
Where two places answer the same field differently, the surer one is kept and
both lose confidence, so the conflict reaches a reviewer.
"""

from __future__ import annotations

from dataclasses import replace

from extractors import fields as rules
from extractors import submission
from extractors.language import detect_language, detect_text
from extractors.patterns import labels_in, patterns_for
from extractors.ticks import document_layout
from extractors.values import Read
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.pipeline import DocResult
from questionnaire_returns.records import Answer, Document, Segment
from questionnaire_returns.score.confidence import combine
from questionnaire_returns.segment.closing import until_closing
from questionnaire_returns.segment.narrative import segment_narrative
from questionnaire_returns.segment.questions import segment_numbered



def _resolver():
    from questionnaire_returns.resolve import get_resolver

    return get_resolver()


def segments_of(doc: Document, lang: str | None) -> list[Segment]:
    """Question by question for a questionnaire; sentence by sentence for a letter; nothing
    for an annex (a plan, a report, a law), which answers no question of its own."""
    segs = segment_numbered(doc.lines, lang)
    # Numbers alone prove little (a report has numbered chapters): the questions' wording, a
    # numbering word ("Question 5") or most of the form's 23 numbers in order must be there too.
    sure = [s for s in segs if s.score >= 1.0 or s.how == "question_text"]
    if len(sure) >= 3 or (len(sure) >= 2 and len(sure) * 2 >= len(segs)) or len(segs) >= 12:
        letter = _letter_before_numbered_annex(doc, lang)
        return letter if letter is not None else segs
    if not _reads_as_a_reply(doc, lang):
        return []
    return segment_narrative(tuple(until_closing(doc.lines, lang)), lang)


def _letter_before_numbered_annex(doc: Document, lang: str | None) -> list[Segment] | None:
    """A letter whose facts come before its closing formula, with a numbered plan or report
    appended after it: the letter's segments (None when the numbering is the questionnaire's,
    e.g. a short cover note followed by the answered form)."""
    from questionnaire_returns.segment.questions import find_headings

    letter = until_closing(doc.lines, lang)
    if len(letter) == len(doc.lines) or find_headings(tuple(letter), lang):
        return None
    segs = segment_narrative(tuple(letter), lang)
    return segs if len({s.question for s in segs}) >= 4 else None


def _reads_as_a_reply(doc: Document, lang: str | None) -> bool:
    """A letter or message answering the questionnaire says so: its courtesies, a reference to
    the questionnaire, a note's formula. An annexed plan or report does not."""
    pats = patterns_for(lang)
    english = patterns_for("en")
    head = list(doc.lines[:25]) + list(doc.lines[-15:])
    if any(submission.MISSION.search(line.text) for line in head):
        return True  # a mission's or delegation's letterhead
    return any(labels_in(p.hits(line.text), "letter") for line in head for p in {pats, english})


def _answer(field: str, read: Read, seg: Segment, doc: Document, **kw) -> Answer:
    kind = CONTRACT.field(field).type if field in CONTRACT.fields else None
    conf = combine(read.how, seg.how, seg.score, [read.line], kind=kind, **kw)
    return Answer(field, read.value, conf, f"{read.how}.{seg.how}", read.line.text.strip()[:500],
                  read.line.page, read.line.bbox, doc.source_file)


def _field_answers(doc: Document, segs: list[Segment], lang: str | None, resolver) -> list[Answer]:
    found: dict[str, list[Answer]] = {}
    lead_lines = []
    pointers: list[tuple[Segment, str]] = []
    pats = patterns_for(lang)
    for seg in segs:
        target = rules.crossref_target(seg, pats) if seg.how != "narrative" else None
        if target:
            pointers.append((seg, target))
            continue
        view = rules.View(seg, lang)
        if seg.question in rules.RULES:
            produced = rules.RULES[seg.question](view)
        elif seg.question in rules.NEEDS_RESOLVER:
            produced = rules.NEEDS_RESOLVER[seg.question](view, resolver)
        else:
            produced = iter(())
        for field, read in produced:
            found.setdefault(field, []).append(_ministries_answer(field, read, seg, doc, resolver, pats) if field == "ncm_ministries" else _answer(field, read, seg, doc))
        if seg.question in ("2", "3", "4"):
            lead_lines.append((seg, view))
    for seg, view in lead_lines:
        lead = rules.lead_ministry(list(seg.lines), view, resolver)
        if lead:
            found.setdefault("ncm_lead_ministry", []).append(_answer("ncm_lead_ministry", lead, seg, doc))
            break
    settled = {field: _settle(field, answers) for field, answers in found.items() if not field.endswith(rules.FALLBACK)}
    for field, answers in found.items():
        if field.endswith(rules.FALLBACK) and field[: -len(rules.FALLBACK)] not in settled:
            settled[field[: -len(rules.FALLBACK)]] = replace(_settle(field, answers), field=field[: -len(rules.FALLBACK)])
    for seg, target in pointers:
        for field, source in rules.CROSSREF.get(seg.question, {}).get(target, {}).items():
            if source in settled and field not in settled:
                src = settled[source]
                value = _within_vocabulary(field, src.value)
                if value:
                    line = seg.lines[0]
                    settled[field] = replace(src, field=field, value=value, confidence=round(src.confidence * 0.95, 3),
                                             rule=f"crossref.{seg.question}->{target}", evidence=line.text.strip()[:500],
                                             page=line.page, bbox=line.bbox)
    lead, listed = settled.get("ncm_lead_ministry"), settled.get("ncm_ministries")
    if lead and listed and lead.value not in listed.value.split(";") and not listed.note:
        settled["ncm_ministries"] = replace(listed, value=";".join(sorted(listed.value.split(";") + [lead.value])))
    if all(s.how == "narrative" for s in segs):
        _drop_parts_that_do_not_exist(settled)
    return list(settled.values())


def _within_vocabulary(field: str, value: str) -> str:
    """A value taken over from another field, kept to this field's vocabulary."""
    spec = CONTRACT.fields[field]
    if spec.type != "multi" or not spec.values:
        return value
    return ";".join(v for v in value.split(";") if v in spec.values)


# In a letter, "There is no national rapporteur" ends what the letter can say of that part.
_EXISTS = {"ncm_exists": "A", "nrm_exists": "C"}


def _drop_parts_that_do_not_exist(settled: dict[str, Answer]) -> None:
    for exists_field, section in _EXISTS.items():
        answer = settled.get(exists_field)
        if answer is None or answer.value != "no":
            continue
        for field in list(settled):
            spec = CONTRACT.fields[field]
            if field != exists_field and spec.section == section and spec.type != "text":
                del settled[field]


def _ministries_answer(field: str, read: Read, seg: Segment, doc: Document, resolver, pats) -> Answer:
    """Ministries: known names by id; unknown ones kept verbatim and sent to review."""
    unknown = []
    scores = []
    for m in resolver.find_ministries(read.line.text):
        if m.id:
            scores.append(m.score)
        elif not rules._bare_yes_no(" ".join(m.text.split()[1:]), pats):
            # a name, not the question's "which ministries" with the answer's "Yes" after it
            unknown.append(m.text)
    value = read.value if not unknown else ";".join([read.value] + unknown) if read.value else ";".join(unknown)
    answer = _answer(field, Read(value, read.line, read.how), seg, doc, name_score=min(scores) if scores else None)
    if unknown:
        from dataclasses import replace

        answer = replace(answer, confidence=min(answer.confidence, 0.5), note="unknown_name: " + "; ".join(unknown))
    return answer


def _settle(field: str, answers: list[Answer]) -> Answer:
    from dataclasses import replace

    best = max(answers, key=lambda a: a.confidence)
    values = {a.value for a in answers}
    if len(values) > 1:
        others = sorted(v for v in values if v != best.value)
        return replace(best, confidence=round(best.confidence * 0.6, 3), note=f"conflict: also read {', '.join(others)}")
    return best


def _submission_answers(doc: Document, lang: str | None, lang_conf: float, resolver) -> tuple[list[Answer], str | None]:
    out: list[Answer] = []
    found = submission.country(doc, resolver)
    country = None
    if found:
        country, conf, line = found
        out.append(Answer("country", country, conf, "country.sender", line.text.strip()[:300], line.page, line.bbox, doc.source_file))
        out.append(Answer("respondent_type", resolver.respondent_type(country), conf, "country.canon",
                          line.text.strip()[:300], line.page, line.bbox, doc.source_file))
    if lang:
        first = doc.lines[0] if doc.lines else None
        out.append(Answer("language", lang, round(min(0.99, lang_conf), 3), "language.lingua",
                          f"detected from {len(doc.text.split())} words", None, None, doc.source_file))
    date = submission.submitted_on(doc, lang)
    if date:
        out.append(Answer("submitted_on", date.value, combine(date.how, "numbered", 1.0, [date.line], kind="date"), f"date.{date.how}",
                          date.line.text.strip()[:300], date.line.page, date.line.bbox, doc.source_file))
    return out, country


def extract_document(doc: Document) -> DocResult:
    """Everything one document says, as answers with evidence and confidence."""
    resolver = _resolver()
    lang, lang_conf = detect_language(doc)
    if lang:
        patterns_for(lang)  # fail early on a broken pattern file
    with document_layout(doc.lines):  # which side of its options the document puts its marks
        segs = segments_of(doc, lang)
        answered = " ".join(s.text for s in segs if s.how != "narrative")
        if len(answered.split()) >= 30:
            answer_lang, answer_conf = detect_text(answered)
            if answer_lang and answer_lang != lang:
                lang, lang_conf = answer_lang, answer_conf
                segs = segments_of(doc, lang)
        answers = _field_answers(doc, segs, lang, resolver)
    sub, country = _submission_answers(doc, lang, lang_conf, resolver)
    answers = [a for a in answers if a.field in CONTRACT.fields]
    unknown = tuple(("ministry", a.note.split(": ", 1)[1]) for a in answers if a.note.startswith("unknown_name"))
    attachments = tuple(extract_document(att) for att in doc.attachments)
    return DocResult(
        source_file=doc.source_file,
        form=doc.form,
        page_count=doc.page_count,
        language=lang,
        country=country,
        answers=tuple(sub + sorted(answers, key=lambda a: list(CONTRACT.fields).index(a.field))),
        attachments=attachments,
        unknown_names=unknown,
        unreadable_pages=tuple(doc.unreadable_pages),
        warnings=tuple(doc.warnings),
    )
