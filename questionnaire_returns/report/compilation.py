"""compilation.html / compilation.xlsx: the answers by question (the 2008 report's Annex D).

For each question of the schema, in the form's order, every current return's answer to each
of its fields: the value (its label beside a code), the return's own words it was read from,
its status and confidence, and a link to its evidence: the field's page in the review app
(config.yaml's report.review_url) and the file and page it was read from (a link relative to
the report's folder, so no local path is written into the page). The HTML filters by section
and country; the workbook has the same rows with an autofilter. Every XLSX cell goes through
write/cells.py.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from jinja2 import Environment, select_autoescape
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from questionnaire_returns import dictionary
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.report.data import _read_csv, country_sort_key
from questionnaire_returns.write.cells import put_xlsx

HEADER_FILL = PatternFill("solid", fgColor="DDE6EE")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")  # one style object for every wrapped cell: building one a cell cost ~0.2 s a report
REVIEW_FILL = PatternFill("solid", fgColor="FFE8B0")
SUBMISSION = "return"  # the section key of the submission fields (country, respondent type, language, date)
COLUMNS = ["section", "question", "question text", "field", "field meaning", "country", "value", "label", "text",
           "status", "confidence", "source file", "page", "review link", "file link"]
WIDTHS = [8, 8, 40, 26, 34, 24, 22, 26, 60, 10, 10, 30, 6, 30, 30]


@dataclass
class Answer:
    section: str
    question: str  # as printed ('' for the submission fields)
    field: str
    country: str
    submission_id: str
    value: str
    label: str
    text: str  # the return's own words the value was read from (the evidence)
    status: str
    confidence: float | None
    source_file: str
    page: str
    review_link: str
    file_link: str


@dataclass
class Question:
    key: str
    section: str
    number: str
    text: str
    answers: list[Answer]


def review_link(base: str, submission_id: str, field: str) -> str:
    """The field's page in the review app ('' when no review app is configured)."""
    if not base:
        return ""
    return f"{base.rstrip('/')}/item?{urlencode({'s': submission_id, 'f': field})}"


def file_link(raw_dir: Path | None, out_dir: Path, source_file: str, page: str) -> str:
    """The evidence's file relative to the report's folder (an e-mail's attachment: the e-mail),
    with '#page=N' for a PDF's page; '' when the file is unknown."""
    if raw_dir is None or not source_file:
        return ""
    path = Path(raw_dir) / source_file.split("::", 1)[0]
    try:
        rel = os.path.relpath(path, out_dir)
    except ValueError:  # another drive
        return ""
    link = quote(Path(rel).as_posix())
    if page and path.suffix.lower() == ".pdf" and "::" not in source_file:
        link += f"#page={page}"
    return link


def _confidence(text: str) -> float | None:
    try:
        return round(float(text), 2)
    except (TypeError, ValueError):
        return None


def compile_answers(data_dir: Path, cycle: str, out_dir: Path, raw_dir: Path | None = None,
                    review_url: str = "") -> list[Question]:
    """Every answered field of every current return of the cycle, grouped by question in the form's order."""
    path = Path(data_dir) / "answers.csv"
    records = [r for r in _read_csv(path) if (r.get("cycle") or "").strip() == cycle] if path.exists() else []
    by_field: dict[str, list[Answer]] = {}
    for r in records:
        fid, value, evidence = (r.get("field") or "").strip(), (r.get("value") or "").strip(), (r.get("evidence") or "").strip()
        if fid not in CONTRACT.fields or not (value or evidence):
            continue  # a required answer that is missing answers nothing
        spec = CONTRACT.field(fid)
        q = CONTRACT.questions.get(spec.question or "")
        sid = (r.get("submission_id") or "").strip()
        page = (r.get("page") or "").strip()
        by_field.setdefault(fid, []).append(Answer(
            section=q.section if q else SUBMISSION, question=q.number if q else "", field=fid,
            country=(r.get("country") or "").strip() or sid, submission_id=sid, value=value,
            label=dictionary.label(fid, value) if spec.values else "", text=evidence,
            status=(r.get("status") or "").strip(), confidence=_confidence(r.get("confidence", "")),
            source_file=(r.get("source_file") or "").strip(), page=page,
            review_link=review_link(review_url, sid, fid),
            file_link=file_link(raw_dir, out_dir, (r.get("source_file") or "").strip(), page),
        ))
    questions: list[Question] = []
    submission_fields = [f for f, s in CONTRACT.fields.items() if s.question is None]
    groups = [("", SUBMISSION, "", "The return: who answered, in which language, when", submission_fields)]
    groups += [(q.key, q.section, q.number, q.text, [f.id for f in CONTRACT.fields_of(q.key)])
               for q in CONTRACT.questions.values()]
    for key, section, number, text, fields in groups:
        answers = [a for f in fields for a in by_field.get(f, [])]
        answers.sort(key=lambda a: (country_sort_key(a.country), fields.index(a.field)))
        questions.append(Question(key, section, number, text, answers))
    return questions


def _rows(questions: list[Question]) -> list[list]:
    rows = []
    for q in questions:
        for a in q.answers:
            rows.append([a.section, a.question, q.text, a.field, dictionary.entry(a.field).description, a.country,
                         a.value, a.label, a.text, a.status, a.confidence, a.source_file,
                         int(a.page) if a.page.isdigit() else None, a.review_link, a.file_link])
    return rows


def write_compilation_xlsx(path: Path, questions: list[Question]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Answers by question"
    for j, h in enumerate(COLUMNS, start=1):
        cell = put_xlsx(ws, 1, j, h)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    rows = _rows(questions)
    status_col = COLUMNS.index("status")
    links = {COLUMNS.index("review link"), COLUMNS.index("file link")}
    for i, row in enumerate(rows, start=2):
        for j, value in enumerate(row):
            if value is None or value == "":
                continue
            cell = put_xlsx(ws, i, j + 1, value)
            if j in links:
                cell.hyperlink = value
                cell.style = "Hyperlink"
            elif j == COLUMNS.index("text"):
                cell.alignment = WRAP_TOP
            if j == status_col and value == "review":
                cell.fill = REVIEW_FILL
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(rows) + 1}"
    for j, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    wb.save(path)
    return path


TEMPLATE = (Path(__file__).with_name("compilation.html"))


def write_compilation_html(path: Path, questions: list[Question], cycle: str, generated: dt.datetime) -> Path:
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    countries = sorted({a.country for q in questions for a in q.answers}, key=country_sort_key)
    sections = [(SUBMISSION, "The return")] + [(k, f"{k}. {s.title}") for k, s in CONTRACT.sections.items()]
    html = env.from_string(TEMPLATE.read_text(encoding="utf-8")).render(
        title="Answers by question", cycle=cycle, generated=generated.strftime("%Y-%m-%d %H:%M"),
        questions=[q for q in questions if q.answers], sections=sections, countries=countries,
        total=sum(len(q.answers) for q in questions),
        meaning=lambda f: dictionary.entry(f).description,
    )
    path.write_text(html, encoding="utf-8")
    return path


def build_compilation(data_dir: Path, out_dir: Path, cycle: str, generated: dt.datetime,
                      raw_dir: Path | None = None, review_url: str = "") -> dict[str, Path]:
    questions = compile_answers(data_dir, cycle, out_dir, raw_dir, review_url)
    return {
        "compilation_html": write_compilation_html(out_dir / "compilation.html", questions, cycle, generated),
        "compilation_xlsx": write_compilation_xlsx(out_dir / "compilation.xlsx", questions),
    }
