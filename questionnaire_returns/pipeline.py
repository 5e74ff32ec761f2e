"""One document through the stages: read → segment → extract → resolve → score.

`process_file` is what the ingest flow runs once per file in raw/ (one Prefect
task per document); it returns a `DocResult` that carries every answer with its
evidence, page, bounding box, rule and confidence. Writing the dataset and the
ledger happens once per run, in questionnaire_returns/write/.
"""

from __future__ import annotations

from pathlib import Path

from extractors.extract import extract_date, extract_fields
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.language.detect import detect_language
from questionnaire_returns.language.patterns import forget_matches, patterns_for
from questionnaire_returns.read import read_file
from questionnaire_returns.records import DocResult, Document
from questionnaire_returns.resolve import get_resolver
from questionnaire_returns.resolve.answers import resolve_found, unknown_names
from questionnaire_returns.resolve.sender import ask_for_country, country as sender_country
from questionnaire_returns.score.answers import settle_answers, submission_answers
from questionnaire_returns.score.evidence import document_fit
from questionnaire_returns.segment.document import segment_document
from questionnaire_returns.segment.marks import document_layout


def process_file(path: Path, raw_root: Path) -> DocResult:
    """Read one file and run it through every stage; ReadError propagates to the caller."""
    return process_document(read_file(path, raw_root))


def process_document(doc: Document) -> DocResult:
    """Segment, extract, resolve and score one read document (attachments included)."""
    try:
        return ask_for_country(doc, _stages(doc), get_resolver())
    finally:
        forget_matches()  # the next document's lines are others: cached matches only grew the worker


def _stages(doc: Document) -> DocResult:
    resolver = get_resolver()
    lang, lang_conf = detect_language(doc)
    if lang:
        patterns_for(lang)  # fail early on a broken pattern file
    with document_layout(doc.lines):  # which side of its options the document puts its marks
        segs, lang, lang_conf = segment_document(doc, lang, lang_conf)
        found, pointers = extract_fields(segs, lang, resolver)
    found = resolve_found(found, resolver, lang)
    answers = settle_answers(found, pointers, doc.source_file, letter=all(s.how == "narrative" for s in segs),
                             fit=document_fit(segs, found))
    country = sender_country(doc, resolver)
    sub = submission_answers(doc, country, resolver.respondent_type(country[0]) if country else None,
                             lang, lang_conf, extract_date(doc, lang))
    order = list(CONTRACT.fields)
    return DocResult(
        source_file=doc.source_file,
        form=doc.form,
        page_count=doc.page_count,
        language=lang,
        country=country[0] if country else None,
        answers=tuple(sub + sorted(answers, key=lambda a: order.index(a.field))),
        attachments=tuple(_stages(att) for att in doc.attachments),
        unknown_names=unknown_names([a.note for a in answers]),
        unreadable_pages=tuple(doc.unreadable_pages),
        warnings=tuple(doc.warnings),
        segments=tuple((s.question, s.how, s.score, s.heading[:120]) for s in segs),
    )
