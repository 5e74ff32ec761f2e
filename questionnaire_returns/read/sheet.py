"""Survey exports sent as spreadsheets (.xlsx) or CSV: rows become the lines a typed return has.

Two shapes are met. One row per question (number, question, answer): the question's line
("5. Does the ... have a budget?"), numbered from its number cell when the question cell is not,
then the answer's own line(s), so the numbered-question segmenter reads it as a retyped
questionnaire. A wide export (a header row with one column per question, a row per respondent):
each column becomes a "header: value" pair laid out the same way; a coded header ("Q10", "3b")
becomes the question's number on its own line ("Q10.") with the value under it, or for a part,
the part's letter before its value ("a) Yes") under its question's number.
Rows that are no question ("Country | Malta") become "Country: Malta".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import replace
from functools import lru_cache

from questionnaire_returns.language.patterns import numbering_list
from questionnaire_returns.records import Document, Table
from questionnaire_returns.read.assemble import RawLine, finish
from questionnaire_returns.read.errors import ReadError
from questionnaire_returns.read.text import decode

WIDE_MIN_COLUMNS = 6  # a header this wide over a few rows is one column per question
WIDE_MAX_RESPONDENTS = 3
# A question's code in a number cell or a header: "5", "5.", "Q5", "Q 3a", "3 b)", "Frage 7", "№ 4"; a question
# cell that carries its own number or letter: "5. Does ...", "a) Inter-ministerial?", "Q5 ...". The numbering
# words ("Q", "Frage", "Вопрос") are every language's, from the pattern files.


@lru_cache(maxsize=1)
def _code_pattern() -> re.Pattern:
    return re.compile(rf"^(?:{_numbering()}\.?\s*)?(\d{{1,2}})(?:[.)]?\s*([a-zа-я]{{1,2}})\)?)?[.):]?$", re.I)


@lru_cache(maxsize=1)
def _numbered_pattern() -> re.Pattern:
    return re.compile(rf"^\s*(?:\d{{1,2}}\s*[.):]|\(?[a-hа-з]\)|{_numbering()}\.?\s*\d)", re.I)


def _numbering() -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(numbering_list(), key=len, reverse=True)) + ")"


_LETTERS = "abcdefgh"
_CYRILLIC_LETTERS = "абвгдежз"


def read_xlsx(data: bytes, source_file: str) -> Document:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise ReadError(source_file, f"the Excel workbook is damaged or cannot be opened ({type(exc).__name__}: {exc})") from None
    sheets = []
    try:
        for ws in book.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible":
                continue  # hidden sheets hold lookup lists, not answers
            sheets.append([[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)])
    finally:
        book.close()
    return _document(sheets, source_file, "xlsx")


def read_csv(data: bytes, source_file: str) -> Document:
    text, encoding = decode(data)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ReadError(source_file, "the file is empty")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), _dialect(text)))
    except csv.Error as exc:
        raise ReadError(source_file, f"the CSV file cannot be parsed ({exc})") from None
    return replace(_document([rows], source_file, "csv"), encoding=encoding)


def _dialect(text: str):
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        counts = {d: sample.count(d) for d in ",;\t|"}
        best = max(counts, key=counts.__getitem__)

        class Fallback(csv.excel):
            delimiter = best

        return Fallback


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _document(sheets: list[list[list[str]]], source_file: str, form: str) -> Document:
    raw: list[RawLine] = []
    tables: list[Table] = []
    warnings: list[str] = []
    next_block = 0  # a sheet's lines start a block after the last sheet's
    for rows in sheets:
        rows = [row for row in (_trimmed(r) for r in rows) if any(row)]
        if not rows:
            continue
        width = max(len(r) for r in rows)
        tables.append(Table(tuple(tuple(r + [""] * (width - len(r))) for r in rows)))
        if _is_wide(rows):
            if len(rows) > 2:
                warnings.append(f"the export holds {len(rows) - 1} responses; they are read as one return")
            records = [rec for row in rows[1:] for rec in _wide_records(rows[0], row)]
        else:
            records = _long_records(rows)
        layout = _Layout(first_block=next_block)
        raw.extend(layout.lines(records))
        next_block = layout.block
    if not raw:
        raise ReadError(source_file, f"the {'Excel workbook' if form == 'xlsx' else 'CSV file'} has no filled cells")
    lines, marks = finish(raw)
    return Document(source_file=source_file, form=form, lines=tuple(lines), marks=tuple(marks),
                    tables=tuple(tables), warnings=tuple(warnings))


def _trimmed(row) -> list[str]:
    cells = [str(c).strip() for c in row]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _is_wide(rows: list[list[str]]) -> bool:
    """A header row of many filled cells over at most a few respondents' rows."""
    header = rows[0]
    return sum(1 for c in header if c) >= WIDE_MIN_COLUMNS and 2 <= len(rows) <= WIDE_MAX_RESPONDENTS + 1


# A record: ("question", code, question text, answers) or ("label", None, text, []).
Record = tuple[str, tuple[int, str] | None, str, list[str]]


def _code(cell: str) -> tuple[int, str] | None:
    m = _code_pattern().match(cell.strip())
    if not m or not 1 <= int(m.group(1)) <= 23:
        return None
    return int(m.group(1)), (m.group(2) or "").lower()


def _asks(text: str) -> bool:
    return bool(_numbered_pattern().match(text)) or text.rstrip().endswith(("?", ":", "？"))


def _wide_records(header: list[str], row: list[str]) -> list[Record]:
    out: list[Record] = []
    for name, value in zip(header, row + [""] * (len(header) - len(row))):
        code = _code(name)
        if code:  # a blank answer keeps its question's place: the numbers run on, as on the form
            out.append(("question", code, "", [value] if value else []))
        elif _asks(name):
            out.append(("question", None, name, [value] if value else []))
        elif value:
            out.append(("label", None, f"{name}: {value}" if name else value, []))
    return out


_MARK = re.compile(r"^\s*[xX✓✔☒■]\s*$")  # a cell ticked
MARK_HEADING_WORDS = 3  # "Yes", "Nein", "Not applicable": a column heading a tick stands under


def _mark_columns(rows: list[list[str]], cols: list[list[str]], coded: list[int], question_col: int) -> dict[int, str]:
    """Columns after the question's whose cells hold only ticks under a short heading ("Yes" | "No" over X's): the
    heading of the column a tick stands in is what the tick answers."""
    if not coded:
        return {}
    heading_row = next((i for i in range(coded[0] - 1, -1, -1) if sum(1 for c in rows[i] if c) >= 2), None)
    if heading_row is None:
        return {}
    out = {}
    for j in range(question_col + 1, len(cols)):
        name = cols[j][heading_row]
        below = [c for c in cols[j][heading_row + 1:] if c]
        if name and not _MARK.match(name) and len(name.split()) <= MARK_HEADING_WORDS and below \
                and all(_MARK.match(c) for c in below):
            out[j] = name
    return out if len(out) >= 2 else {}


def _long_records(rows: list[list[str]]) -> list[Record]:
    width = max(len(r) for r in rows)
    cols = [[r[j] if j < len(r) else "" for r in rows] for j in range(width)]
    number_col = next((j for j, col in enumerate(cols)
                       if sum(1 for c in col if _code(c)) >= max(3, 0.6 * sum(1 for c in col if c))), None)
    coded = [i for i, r in enumerate(rows) if number_col is not None and _code(cols[number_col][i])]
    question_col = next((j for j in range(width) if j != number_col
                         and (not coded or sum(1 for i in coded if cols[j][i]) >= 0.5 * len(coded))), 0)
    marks = _mark_columns(rows, cols, coded, question_col)
    out: list[Record] = []
    for row in rows:
        cells = row + [""] * (width - len(row))
        code = _code(cells[number_col]) if number_col is not None else None
        question = cells[question_col] if question_col != number_col else ""
        before = [c for j, c in enumerate(cells[:question_col]) if c and j != number_col]
        # "1 | Does your country ...? | X | | ": the tick under "Yes" reads "Yes: X", as the sheet's rows of options do
        ticked = [f"{name}: {cells[j]}" for j, name in marks.items() if cells[j]]
        answers = ticked + [c for j, c in enumerate(cells[question_col + 1:], question_col + 1) if c and j not in marks]
        if code or (question and _asks(question)):
            out.append(("question", code, " ".join(before + [question]).strip(), answers))
        else:
            filled = [c for j, c in enumerate(cells) if c and j not in marks] + ticked
            out.append(("label", None, ": ".join(filled), []))
    return out


class _Layout:
    """Records as lines, each its own block (as a typed return's paragraphs are)."""

    def __init__(self, first_block: int = 0) -> None:
        self.block = first_block
        self.number: int | None = None
        self.out: list[RawLine] = []

    def lines(self, records: list[Record]) -> list[RawLine]:
        for kind, code, text, answers in records:
            if kind == "label":
                self._emit(text)
            elif text and code is not None and not code[1] and code[0] == self.number and not _numbered_pattern().match(text):
                # "3 | Anteil | 30%" under question 3's row: the number repeated on a sub-row; a label and its value
                first, *rest = answers or [""]
                self._emit(f"{text}: {first}" if first else text)
                for answer in rest:
                    self._emit(answer)
            elif text:
                self._emit(self._prefix(code, text) + text)
                for answer in answers:
                    self._emit(answer)
            elif code:
                prefix = self._prefix(code, "")
                if code[1]:  # a part: its letter and answer on one line ("a) Yes"); a blank part leaves none
                    first, *rest = answers or [""]
                    if first:
                        self._emit((prefix + first).strip())
                else:  # a question: its number on a line, the answer under it, as typed returns put it
                    self._emit(prefix.strip())
                    rest = answers
                for answer in rest:
                    self._emit(answer)
            else:
                for answer in answers:
                    self._emit(answer)
        return self.out

    def _prefix(self, code: tuple[int, str] | None, text: str) -> str:
        """The question's number, or its part's letter after the number's own line, unless the
        text already carries them. A code with no question text beside it is written "Q5": the
        export's code names the question as surely as a numbering word does, and a bare "5."
        before a one-word answer is what a report's numbered paragraphs look like too."""
        if code is None:
            return ""
        number, letter = code
        numbered = f"{number}. " if text else f"Q{number}. "
        if not letter:
            self.number = number
            return "" if _numbered_pattern().match(text) else numbered
        if number != self.number:
            self.number = number
            self._emit(numbered.strip())
        if _numbered_pattern().match(text):
            return ""
        if letter in _LETTERS or letter in _CYRILLIC_LETTERS:
            return f"{letter}) "
        return ""  # "4w", "21s": the export's own sub-codes, no letter of the form's

    def _emit(self, text: str) -> None:
        parts = [p for p in text.splitlines() if p.strip()]
        for part in parts:
            self.out.append(RawLine(part, block=self.block))
        if parts:
            self.block += 1
