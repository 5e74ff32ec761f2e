"""Word (.docx) returns: paragraphs and table cells in document order, with Word's boxes.

python-docx lists paragraphs and tables apart, losing their order, so the body's XML
children are walked instead. Content-control checkboxes (w14:checkbox) and legacy
form checkboxes (FORMCHECKBOX) become ☒/☐ insertions; Wingdings box symbols (w:sym)
become glyphs; each table cell is its own block, and tables also go to Document.tables.
"""

from __future__ import annotations

import io

from questionnaire_returns.records import Document, Table
from questionnaire_returns.read.assemble import RawLine, finish
from questionnaire_returns.read.errors import ReadError
from questionnaire_returns.read.ticks import Hit, apply, find_ticks, symbol_font, symbol_tick

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_TRUE = ("1", "true", "on")


class _Body:
    """Lines and tables gathered while walking the body."""

    def __init__(self) -> None:
        self.lines: list[RawLine] = []
        self.tables: list[Table] = []
        self.block = 0


def read_docx(data: bytes, source_file: str) -> Document:
    import docx

    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds
        raise ReadError(source_file, f"the Word file is damaged ({exc})") from None
    body = _Body()
    _blocks(doc.element.body, body)
    lines, marks = finish(body.lines)
    return Document(
        source_file=source_file, form="docx", lines=tuple(lines), marks=tuple(marks),
        tables=tuple(body.tables), meta=_meta(doc),
    )


def _blocks(parent, body: _Body) -> None:
    """Paragraphs and tables of a container (body, cell, block content control) in order."""
    for child in parent.iterchildren():
        if child.tag == W + "p":
            body.lines.extend(_paragraph(child, body.block))
            body.block += 1
        elif child.tag == W + "tbl":
            _table(child, body)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                _blocks(content, body)


def _table(tbl, body: _Body) -> None:
    rows = []
    for tr in tbl.iterchildren(W + "tr"):
        row = []
        for tc in tr.iterchildren(W + "tc"):
            start = len(body.lines)
            inner = _Body()
            inner.block = body.block
            _blocks(tc, inner)
            for line in inner.lines:
                line.block = body.block  # a cell is one block
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


def _paragraph(p, block: int) -> list[RawLine]:
    """A paragraph's lines (w:br splits them), with Word checkboxes as insertions."""
    lines: list[RawLine] = []
    state = {"text": "", "inserts": []}

    def flush():
        if state["text"].strip() or state["inserts"]:
            lines.append(RawLine(state["text"], block=block, inserts=state["inserts"]))
        state["text"], state["inserts"] = "", []

    def box(checked: bool):
        pos = len(state["text"])
        state["inserts"].append((Hit(pos, pos, checked, "docx"), None, ""))

    def walk(node):
        for el in node.iterchildren():
            tag = el.tag
            if tag == W + "t":
                state["text"] += el.text or ""
            elif tag == W + "tab":
                state["text"] += " "
            elif tag in (W + "br", W + "cr"):
                flush()
            elif tag == W + "sym":
                state["text"] += _symbol(el)
            elif tag == W + "sdt":
                checkbox = el.find(f"{W}sdtPr/{W14}checkbox")
                if checkbox is not None:
                    mark = checkbox.find(W14 + "checked")
                    box(mark is not None and (mark.get(W14 + "val") or "1").lower() in _TRUE)
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
