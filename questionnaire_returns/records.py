"""The small typed records that flow between the pipeline's stages.

Every record carries where it came from (file, page, bounding box, the rule that
read it), so provenance travels with the data and is never rebuilt later.
Coordinates are PDF points with the origin at the top-left of the page, as
pdfplumber gives them: (x0, top, x1, bottom).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from questionnaire_returns.contract import SUBMISSION_FIELDS

BBox = tuple[float, float, float, float]

# How a line's text reached us. Extractors use it for confidence.
ORIGINS = ("text", "form", "vector", "ocr")

# Tick tokens that readers write into a line's text where a box sits, whatever
# the notation of the source (form field, vector tick, glyph, bracket).
CHECKED = "☒"
UNCHECKED = "☐"
# A part's letter as returns write it: "a)", "(b)", "c.", "[d]", "а)" (Cyrillic), "a):" (a regex fragment; the
# readers, the segmenter and the extractors build their patterns from it)
PART_LETTER = r"[(\[]?[a-hа-з][).\]]:?"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a document's text, in reading order, with where it sits."""

    text: str
    page: int | None = None  # 1-based; None for sources without pages
    bbox: BBox | None = None
    origin: str = "text"  # one of ORIGINS
    ocr_confidence: float | None = None  # 0-1, for OCR'd lines
    block: int = 0  # paragraph / table-cell number: lines of one block belong together


@dataclass(frozen=True, slots=True)
class Mark:
    """A tick box: checked or not, where it is and how it was read."""

    checked: bool
    page: int | None
    bbox: BBox | None
    how: str  # 'form_field' | 'vector' | 'glyph' | 'bracket' | 'docx' | 'format' (a Word option marked by its formatting)
    label: str = ""  # the text beside the box, or the form field's name


@dataclass(frozen=True, slots=True)
class FormField:
    """A fillable PDF's field and the value the respondent entered."""

    name: str
    value: str
    kind: str  # 'text' | 'checkbox' | 'radio' | 'choice'
    page: int | None = None
    bbox: BBox | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A table's cells, row by row, with its page and box."""

    rows: tuple[tuple[str, ...], ...]
    page: int | None = None
    bbox: BBox | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """What a reader gives the pipeline: one file's text and what its format carries."""

    source_file: str  # path relative to the raw folder, '/'-separated
    form: str  # 'pdf_typed' | 'pdf_form' | 'pdf_scan' | 'docx' | 'rtf' | 'odt' | 'doc' | 'xlsx' | 'csv' | 'image' | 'text' | 'email' | 'html'
    lines: tuple[Line, ...]
    page_count: int | None = None
    marks: tuple[Mark, ...] = ()
    fields: tuple[FormField, ...] = ()
    tables: tuple[Table, ...] = ()
    meta: Mapping[str, str] = field(default_factory=dict)
    attachments: tuple["Document", ...] = ()
    encoding: str | None = None
    image_only_pages: tuple[int, ...] = ()  # pages with no text layer (scans)
    unreadable_pages: tuple[tuple[int, str], ...] = ()  # (page, reason) that OCR could not read
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def paged(self) -> bool:
        return self.page_count is not None


@dataclass(frozen=True, slots=True)
class Segment:
    """Where one question is answered: the answer's lines, without the question's wording."""

    question: str  # question key of the schema: '1' ... '20', '21s', '21c', '22', '23'
    lines: tuple[Line, ...]
    how: str  # 'numbered' | 'question_text' | 'narrative'
    score: float = 1.0  # how sure the segmenter is that these lines answer this question
    heading: str = ""  # the question line as the return wrote it
    corrects: bool = False  # a correction's own words: its values replace those the reply it corrects gives

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True, slots=True)
class Read:
    """A value read from an answer's text, with its evidence line and how it was read."""

    value: str
    line: Line
    how: str  # a key of score.confidence.BASE: 'tick.form', 'word.leading', 'pattern', ...
    extra: tuple[str, ...] = ()  # further values (later years)


@dataclass(frozen=True, slots=True)
class Found:
    """One field's value as one place of a return gives it, before it is resolved and scored."""

    field: str
    read: Read
    place: str  # how the place was found: the segment's 'numbered' | 'question_text' | 'narrative'
    place_score: float = 1.0  # how sure the segmenter is of the place
    fallback: bool = False  # used only where no other place gives the field ("Yes, since 2004")
    name_score: float | None = None  # the weakest name match behind the value (ministries)
    note: str = ""  # why it needs a reviewer ('unknown_name: ...')


@dataclass(frozen=True, slots=True)
class Pointer:
    """An answer that only points at another question ("See the answer to question 7")."""

    question: str  # the pointing question's key
    target: str  # the number it points at, as printed
    line: Line


@dataclass(frozen=True, slots=True)
class Answer:
    """One field's value as read from one return, with its evidence and confidence."""

    field: str
    value: str
    confidence: float
    rule: str  # which rule read it, e.g. 'yesno.tick', 'year.pattern', 'narrative.sentence'
    evidence: str
    page: int | None = None
    bbox: BBox | None = None
    source_file: str = ""
    note: str = ""  # why it may need review: 'unknown_name', 'conflict', ...
    # what the confidence was worked out from: confidence.py's score ('raw') and the document's fit
    # (score/evidence.py), kept so that eval/calibrate.py can fit the model on what the pipeline saw
    basis: tuple[tuple[str, float], ...] = ()


SUBMISSION_ONLY = frozenset(SUBMISSION_FIELDS)  # the contract's fields of a whole return, answered by no question


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
    # where the segment stage found each question, in the document's order: (question key,
    # how: 'numbered' | 'question_text' | 'narrative', score, the heading line's first 120
    # characters); what questionnaire_returns/reply.py reads to tell a reply from an annex
    segments: tuple[tuple[str, str, float, str], ...] = ()

    @property
    def answers_questions(self) -> bool:
        """True when the document answers at least one question (a return, not an annex)."""
        return any(a.field not in SUBMISSION_ONLY for a in self.answers)
