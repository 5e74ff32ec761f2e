"""Word (.docx) returns: paragraphs and table cells in document order, with Word's boxes.

python-docx lists paragraphs and tables apart, losing their order, so the body's XML
children are walked instead (through content controls and custom-XML wrappers, around
rows and cells too). Content-control checkboxes (w14:checkbox) and legacy form
checkboxes (FORMCHECKBOX) become ☒/☐ insertions; Wingdings boxes (w:sym, or typed in a
run set in Wingdings) become glyphs; an option singled out only by its formatting
(docx_marks.py) gets a box too. Each table cell is its own block, and tables also go to
Document.tables.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from questionnaire_returns.records import BBox, Document, Table
from questionnaire_returns.read.assemble import RawLine, finish
from questionnaire_returns.read.docx_marks import Span, character_styles, option_ticks, run_features
from questionnaire_returns.read.errors import ReadError
from questionnaire_returns.read.ticks import Hit, apply, find_ticks, symbol_font, symbol_tick

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_TRUE = ("1", "true", "on")


_WRAPPERS = (W + "sdt", W + "customXml")
# an option written as its own paragraph under a question: "a) Advisory", "(b) Policy making"
# (a lettered sub-question, "h) Does the content vary ...?", ends the options before it)
_LETTERED = re.compile(r"\s*\(?[a-zа-я]\)\s+\S", re.IGNORECASE)  # content controls and custom XML around blocks, rows, cells


@dataclass
class _Line(RawLine):
    """A Word line with its runs' formatting and where its tabs stood (for option marks)."""

    runs: list[Span] = field(default_factory=list)  # the formatting of its text, run by run
    tabs: set[int] = field(default_factory=set)

    def marked_text(self) -> str:
        return "".join("\t" if k in self.tabs else ch for k, ch in enumerate(self.text))


class _Body:
    """Lines and tables gathered while walking the body."""

    def __init__(self, styles: dict | None = None) -> None:
        self.lines: list[RawLine] = []
        self.tables: list[Table] = []
        self.block = 0
        self.styles = styles or {}


def read_docx(data: bytes, source_file: str) -> Document:
    import docx

    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds
        raise ReadError(source_file, f"the Word file is damaged ({exc})") from None
    body = _Body(character_styles(_styles_element(doc)))
    _blocks(doc.element.body, body)
    lines, marks = finish(body.lines)
    return Document(
        source_file=source_file, form="docx", lines=tuple(lines), marks=tuple(marks),
        tables=tuple(body.tables), meta=_meta(doc),
    )


def _blocks(parent, body: _Body) -> None:
    """Paragraphs and tables of a container (body, cell, block content control) in order."""
    lettered: list[RawLine] = []  # the run of "a) ..." paragraphs just read, one option each
    for child in parent.iterchildren():
        if child.tag == W + "p":
            lines = _paragraph(child, body.block, body.styles)
            _formatting_ticks(lines)
            body.lines.extend(lines)
            body.block += 1
            if len(lines) == 1 and _LETTERED.match(lines[0].text) and not lines[0].text.rstrip().endswith("?"):
                lettered.extend(lines)
                continue
        elif child.tag == W + "tbl":
            _table(child, body)
        elif child.tag in _WRAPPERS:
            _blocks(_unwrapped(child), body)
        else:
            continue
        _formatting_ticks(lettered)
        lettered = []
    _formatting_ticks(lettered)


def _unwrapped(el):
    """A content control's content, or a custom-XML element itself (its children are the blocks)."""
    if el.tag == W + "sdt":
        content = el.find(W + "sdtContent")
        return content if content is not None else el.makeelement(W + "sdtContent")
    return el


def _children(parent, tag: str):
    """`parent`'s children of `tag`, looking inside content controls and custom-XML wrappers
    (a repeating-section control wraps whole rows; a cell can sit in a plain-text control)."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(_unwrapped(child), tag)


def _table(tbl, body: _Body) -> None:
    rows = []
    for tr in _children(tbl, W + "tr"):
        row = []
        for tc in _children(tr, W + "tc"):
            start = len(body.lines)
            inner = _Body(body.styles)
            inner.block = body.block
            _blocks(tc, inner)
            for line in inner.lines:
                line.block = body.block  # a cell is one block
            if not any(line.inserts for line in inner.lines):
                _formatting_ticks(inner.lines)  # options in a cell's paragraphs, one marked
            body.lines.extend(inner.lines)
            body.tables.extend(inner.tables)
            body.block += 1
            row.append(" ".join(_rendered(r) for r in body.lines[start:] if r.text.strip() or r.inserts))
        rows.append(tuple(row))
    if rows:
        body.tables.append(Table(tuple(rows)))


def _rendered(line: RawLine) -> str:
    """A cell line's text for Table.rows, with its boxes as tokens."""
    hits = find_ticks(line.text) + [h for h, _, _ in line.inserts]
    return " ".join(apply(line.text, hits)[0].split())


def _formatting_ticks(lines: Sequence[RawLine]) -> None:
    """Boxes before the options of a paragraph or cell that formatting alone marks (docx_marks)."""
    if any(line.inserts or find_ticks(line.text) for line in lines):
        return  # boxes of its own: formatting is no mark there
    pieces = [(k, line.marked_text(), line.runs) for k, line in enumerate(lines) if isinstance(line, _Line)]
    for k, pos, checked in option_ticks(pieces):
        lines[k].inserts.append((Hit(pos, pos, checked, "format"), None, ""))


@dataclass
class _LineState:
    """The line a paragraph's walk is building, and the formatting of the run it is in."""

    text: str = ""
    inserts: list[tuple[Hit, BBox | None, str]] = field(default_factory=list)
    runs: list[Span] = field(default_factory=list)
    tabs: set[int] = field(default_factory=set)
    features: frozenset = frozenset()  # the current run's formatting (docx_marks.run_features)
    font: str | None = None  # the current run's symbol font, if any


def _paragraph(p, block: int, styles: dict | None = None) -> list[_Line]:
    """A paragraph's lines (w:br splits them), with Word checkboxes as insertions."""
    lines: list[_Line] = []
    state = _LineState()

    def flush() -> None:
        if state.text.strip() or state.inserts:
            lines.append(_Line(state.text, block=block, inserts=state.inserts, runs=state.runs, tabs=state.tabs))
        state.text, state.inserts, state.runs, state.tabs = "", [], [], set()

    def box(checked: bool) -> None:
        pos = len(state.text)
        state.inserts.append((Hit(pos, pos, checked, "docx"), None, ""))

    def add(text: str) -> None:
        start = len(state.text)
        state.text += text
        if text and state.features:
            state.runs.append(Span(start, start + len(text), state.features))

    def walk(node) -> None:
        for el in node.iterchildren():
            tag = el.tag
            if tag == W + "r":
                saved = state.features, state.font
                state.features = run_features(el, styles or {})
                state.font = _run_symbol_font(el)
                walk(el)
                state.features, state.font = saved
            elif tag == W + "t":
                add(_font_text(el.text or "", state.font))
            elif tag == W + "tab":
                state.tabs.add(len(state.text))
                state.text += " "
            elif tag in (W + "br", W + "cr"):
                flush()
            elif tag == W + "sym":
                add(_symbol(el))
            elif tag == W + "sdt":
                checkbox = el.find(f"{W}sdtPr/{W14}checkbox")
                if checkbox is not None:
                    box(_checkbox_checked(el, checkbox))
                else:
                    content = el.find(W + "sdtContent")
                    if content is not None:
                        walk(content)
            elif tag == W + "fldChar":
                legacy = el.find(f"{W}ffData/{W}checkBox")
                if legacy is not None:
                    box(_legacy_checked(legacy))
            elif tag in (W + "delText", W + "instrText", W + "pPr", W + "rPr"):
                continue
            else:
                walk(el)

    walk(p)
    flush()
    return lines


def _checkbox_checked(sdt, checkbox) -> bool:
    """A checkbox content control's state: w14:checked, else the glyph it shows (a file written
    by another program may leave the state out and show ☒), else unticked."""
    mark = checkbox.find(W14 + "checked")
    if mark is not None:
        return (mark.get(W14 + "val") or "1").lower() in _TRUE
    shown = "".join(t.text or "" for t in sdt.iter(W + "t"))
    hits = find_ticks(shown)
    return bool(hits) and hits[0].checked


def _run_symbol_font(run) -> str | None:
    """'wingdings' / 'wingdings2' when the run is set in a symbol font (boxes typed as letters)."""
    fonts = run.find(f"{W}rPr/{W}rFonts")
    if fonts is None:
        return None
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        font = symbol_font(fonts.get(W + attr) or "")
        if font:
            return font
    return None


def _font_text(text: str, font: str | None) -> str:
    """A symbol-font run's characters as tick glyphs (its other symbols dropped); other text as is."""
    if not font:
        return text
    out = []
    for ch in text:
        checked = symbol_tick(font, ord(ch))
        if checked is not None:
            out.append("☒" if checked else "☐")
        elif ch.isspace():
            out.append(ch)
    return "".join(out)


def _styles_element(doc):
    try:
        return doc.styles.element
    except Exception:  # noqa: BLE001 - a document without a styles part
        return None


def _legacy_checked(check) -> bool:
    for name in ("checked", "default"):
        el = check.find(W + name)
        if el is not None:
            return (el.get(W + "val") or "1").lower() in _TRUE
    return False


def _symbol(sym) -> str:
    """A Wingdings box (w:sym) as a tick glyph; other symbols are dropped."""
    font = symbol_font(sym.get(W + "font") or "")
    try:
        code = int(sym.get(W + "char") or "0", 16)
    except ValueError:
        return ""
    checked = symbol_tick(font, code) if font else None
    return "" if checked is None else ("☒" if checked else "☐")


def _meta(doc) -> dict[str, str]:
    props = doc.core_properties
    meta = {"title": props.title or "", "author": props.author or "", "subject": props.subject or ""}
    for key, value in (("created", props.created), ("modified", props.modified)):
        if value is not None:
            meta[key] = value.date().isoformat()
    return {k: v.strip() for k, v in meta.items() if v and v.strip()}
