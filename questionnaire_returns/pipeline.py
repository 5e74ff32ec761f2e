"""One document through the stages: read → segment → extract → resolve → score.

`process_file` is what the ingest flow runs once per file in raw/ (one Prefect
task per document); it returns a `DocResult` that carries every answer with its
evidence, page, bounding box, rule and confidence. Writing the dataset and the
ledger happens once per run, in questionnaire_returns/write/.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from questionnaire_returns.records import Answer, Document


@dataclass(frozen=True, slots=True)
class DocResult:
    """What the pipeline read from one file (and its e-mail attachments)."""

    source_file: str  # relative to raw/, '/'-separated
    form: str
    page_count: int | None
    language: str | None
    country: str | None  # canonical name, None when no country was found
    answers: tuple[Answer, ...]  # question fields and submission fields (country, language, ...)
    attachments: tuple["DocResult", ...] = ()
    unknown_names: tuple[tuple[str, str], ...] = ()  # (kind, name as written)
    unreadable_pages: tuple[tuple[int, str], ...] = ()  # (page, reason)
    warnings: tuple[str, ...] = ()

    @property
    def answers_questions(self) -> bool:
        """True when the document answers at least one question (a return, not an annex)."""
        return any(a.field not in SUBMISSION_ONLY for a in self.answers)


SUBMISSION_ONLY = frozenset({"country", "respondent_type", "language", "submitted_on"})


def process_document(doc: Document) -> DocResult:
    """Segment, extract, resolve and score one read document (attachments included)."""
    from extractors.document import extract_document
    from extractors.patterns import forget_matches

    try:
        return extract_document(doc)
    finally:
        forget_matches()  # the next document's lines are others: cached matches only grew the worker


def process_file(path: Path, raw_root: Path) -> DocResult:
    """Read one file and run it through every stage; ReadError propagates to the caller."""
    from questionnaire_returns.read import read_file

    return process_document(read_file(path, raw_root))
