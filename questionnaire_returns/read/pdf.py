"""PDF returns: text layer, ticks (glyph, bracket, vector, form field), tables, scans.

The bytes are read once; pypdfium2 gives every page's lines, shapes and ruled tables
(fast), pypdf the form fields when the PDF has a form, tesseract the image-only pages.
Nothing slow runs on every page: pdfplumber's layout parse runs only on a page whose
boxes or tables the fast path is unsure of (read/pdf_plumber.py says when).
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace

import pypdfium2 as pdfium

from questionnaire_returns.records import Document, Table
from questionnaire_returns.read import ocr
from questionnaire_returns.read.assemble import RawLine, finish
from questionnaire_returns.read.errors import ReadError
from questionnaire_returns.read.limits import check_pages
from questionnaire_returns.read.furniture import drop_furniture
from questionnaire_returns.read.pdf_appearance import Rect, drawn_texts
from questionnaire_returns.read.pdf_form import Widget, read_widgets
from questionnaire_returns.read.pdf_form_order import Answer, named_question, order_form_lines
from questionnaire_returns.read.pdf_plumber import Plumber
from questionnaire_returns.read.pdf_shapes import page_shapes
from questionnaire_returns.read.pdf_tables import page_tables
from questionnaire_returns.read.pdf_text import (
    PageFrame, clean, decode_symbol_fonts, insert_position, lift_stamps, page_lines, page_text, span_box, split_at_rules,
)
from questionnaire_returns.read.ticks import Hit, find_ticks, normalise, round_marks_allowed

# pdfium is not thread-safe: one thread at a time inside it (the ingest may run threads).
PDFIUM_LOCK = threading.RLock()
STAMP_CHARS = 25  # fewer characters than this over a full-page image: still a scan


def read_pdf(data: bytes, source_file: str) -> Document:
    with PDFIUM_LOCK:
        pdf = _open(data, source_file)
    try:
        return _read(pdf, data, source_file)
    finally:
        with PDFIUM_LOCK:
            pdf.close()


def _open(data: bytes, source_file: str):
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ReadError(source_file, _diagnose(data, str(exc))) from None
    if len(pdf) == 0:
        pdf.close()
        raise ReadError(source_file, "the PDF has no pages")
    try:
        check_pages(len(pdf), source_file)  # config.yaml reader.max_pages, before any page is read
    except ReadError:
        pdf.close()
        raise
    return pdf


def _diagnose(data: bytes, pdfium_message: str) -> str:
    """Plain words for why pdfium refused the file; pypdf gives a second opinion.

    pdfium's error code is process-global and can be left over from an earlier file,
    so pypdf's view (encrypted? no pages?) is asked first.
    """
    import io
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its complaints are ours to word
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return "the PDF is password-protected"
        if len(reader.pages) == 0:
            return "the PDF has no pages"
    except Exception:  # noqa: BLE001 - pypdf cannot read it either: damaged
        pass
    if b"%%EOF" not in data[-2048:]:
        return "the PDF is damaged or truncated: the file ends early (no end-of-file marker)"
    detail = pdfium_message.split("(PDFium:")[-1].strip(" ).").lower()
    if not detail or detail == "success" or "password" in detail:
        detail = "its structure cannot be read"
    return f"the PDF is damaged or truncated: {detail}"


def _read(pdf, data: bytes, source_file: str) -> Document:
    n = len(pdf)
    with PDFIUM_LOCK:
        frames = [_frame_guess(pdf, i) for i in range(n)]
        has_form = pdf.get_formtype() != pdfium.raw.FORMTYPE_NONE
        meta = _meta(pdf)
    widgets, warnings = read_widgets(data, frames) if has_form else ([], [])
    widgets = _with_drawn_values(data, widgets)
    by_page: dict[int, list[Widget]] = {}
    for w in widgets:
        if w.field.page is not None:  # a widget on no page is placed on none
            by_page.setdefault(w.field.page, []).append(w)
    raw: list[RawLine] = []
    tables: list[Table] = []
    image_only, unreadable = [], []
    ocr_languages: str | None = None
    plumber = Plumber(data)
    try:
        for index in range(n):
            number = index + 1
            try:
                with PDFIUM_LOCK:
                    lines, frames[index], kind, image = _page(pdf, index, by_page.get(number, []), tables, plumber)
            except pdfium.PdfiumError as exc:
                unreadable.append((number, f"the page is damaged ({exc})"))
                continue
            if kind == "image":
                image_only.append(number)
                if image is not None and ocr_languages is None:
                    ocr_languages = ocr.pick_languages(image) or ""  # once per document
                lines, reason = (ocr.ocr_image(image, frames[index], number, ocr_languages or None)
                                 if image is not None else ([], ocr.unavailable()))
                if reason:
                    unreadable.append((number, reason))
            raw.extend(lines)
    finally:
        plumber.close()
    raw, _ = drop_furniture(raw, {i + 1: f.height for i, f in enumerate(frames)}, n)
    lines, marks = finish(raw)
    round_ok = round_marks_allowed(r.text for r in raw)
    tables = [Table(tuple(tuple(normalise(c, round_ok) for c in row) for row in t.rows), t.page, t.bbox) for t in tables]
    fields = tuple(w.field for w in _one_per_field(widgets))
    filled = any(f.value not in ("", "Off") for f in fields)
    form = "pdf_form" if filled else "pdf_scan" if len(image_only) * 2 > n else "pdf_typed"
    return Document(
        source_file=source_file, form=form, lines=tuple(lines), page_count=n, marks=tuple(marks),
        fields=fields, tables=tuple(tables), meta=meta, image_only_pages=tuple(image_only),
        unreadable_pages=tuple(unreadable), warnings=tuple(warnings),
    )


def _frame_guess(pdf, index: int) -> PageFrame:
    """The page's frame before it is loaded (for placing form fields); A4 when pdfium cannot tell."""
    try:
        w, h = pdf.get_page_size(index)
    except pdfium.PdfiumError:
        w, h = 595.0, 842.0
    return PageFrame(0, h, w, h)


def _page(pdf, index: int, widgets: list[Widget], tables: list[Table], plumber: Plumber):
    """(lines, frame, kind, image) of one page, its ruled tables added to `tables`; kind 'image'
    is a scan (image: the rendered page for OCR, None when OCR is unavailable). Boxes and tables
    the fast path is unsure of are read by pdfplumber instead."""
    page = pdf[index]
    try:
        frame = PageFrame.of(page)
        textpage = page.get_textpage()
        shapes = page_shapes(page, frame)
        text = clean(page_text(textpage))
        if shapes.symbol_font:
            text = decode_symbol_fonts(textpage, text)
        if _is_scan(text, shapes) and not widgets:
            image = ocr.render(page) if not ocr.unavailable() else None
            return [], frame, "image", image
        if not text.strip() and not widgets:
            return [], frame, "", None  # a blank page
        lines = page_lines(textpage, frame, index + 1, text)
        if shapes.has_rules():
            lines = split_at_rules(lines, shapes.rules, textpage, frame)
        lines, stamped = lift_stamps(lines, shapes.stamps, textpage, frame, index + 1) if shapes.stamps else (lines, [])
        glyphs: list = []
        for line in lines:
            for hit in find_ticks(line.text, round_ok=True):
                box = span_box(textpage, frame, line, hit.start, hit.end)
                if box:
                    line.spans[(hit.start, hit.end)] = box
                    glyphs.append(box)
        extra: list[RawLine] = list(stamped)
        answers = [Answer(line) for line in stamped]
        widget_boxes = [w.field.bbox for w in widgets if w.checked is not None and w.field.bbox]
        boxes = plumber.tick_boxes(index, frame) if shapes.boxes_unsure() else None
        for box, ticked in shapes.tick_boxes() if boxes is None else boxes:
            if any(_overlaps(box, wb) for wb in widget_boxes):
                continue  # a frame drawn behind a form checkbox
            if any(_holds(box, g) for g in glyphs):
                continue  # a tick glyph typed (or a flattened checkbox drawn) inside a drawn square: one box
            _place(textpage, frame, lines, extra, box, ticked, "vector", "", index + 1)
        for w in widgets:
            if w.checked is not None and w.field.bbox:
                line = _place(textpage, frame, lines, extra, w.field.bbox, w.checked, "form_field", w.option or w.field.name, index + 1)
                if line.text[: line.inserts[-1][0].start].strip() == "" and not any(a.line is line for a in answers):
                    answers.append(Answer(line, named_question(w.field.name, w.tooltip), w.tooltip))  # a row starting at its box
            elif w.checked is None and w.field.value.strip():
                for part in w.field.value.splitlines():
                    if part.strip():
                        extra.append(RawLine(part, index + 1, w.field.bbox or frame.box(0, 0, 0, 0), origin="form"))
                        answers.append(Answer(extra[-1], named_question(w.field.name, w.tooltip), w.tooltip))
        if shapes.has_rules():
            found = page_tables(shapes.rules, textpage, frame, index + 1, shapes.loose_rules)
            careful = plumber.tables(index, frame, index + 1) if found.unsure else None
            tables.extend(found.tables if careful is None else careful)
        textpage.close()
        merged = _merge(lines, extra)
        return (order_form_lines(merged, answers) if answers else merged), frame, "", None
    finally:
        page.close()


def _is_scan(text: str, shapes) -> bool:
    """No text layer over an image, or only a stamp (a fax header, a page number) over a full-page image."""
    if not shapes.images:
        return False
    chars = len("".join(text.split()))
    return chars == 0 or (chars < STAMP_CHARS and shapes.image_cover > 0.5)


def _overlaps(a, b) -> bool:
    """Do two boxes share at least half of the smaller one's area?"""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w > 0 and h > 0 and w * h >= 0.5 * smaller


def _place(textpage, frame, lines, extra, box, checked, how, name, page_no):
    """Put a box's token into the line that holds it vertically, at the box's x position.

    Options laid out in table cells give several text lines at one height ("Consultiva
    Formulación de" in two cells, "Ejecución Otra" in two more): the box goes to the line
    it stands beside, not to whichever overlaps it most."""
    x = (box[0] + box[2]) / 2
    best, best_key = None, None
    for line in lines:
        overlap = min(box[3], line.bbox[3]) - max(box[1], line.bbox[1])
        if overlap <= 0.4 * min(box[3] - box[1], line.bbox[3] - line.bbox[1]):
            continue
        beside = 0.0 if line.bbox[0] - 40 <= x <= line.bbox[2] + 10 else min(abs(x - line.bbox[0]), abs(x - line.bbox[2]))
        key = (beside, -overlap)
        if best_key is None or key < best_key:
            best, best_key = line, key
    if best is None:
        best = RawLine("", page_no, box, origin="vector" if how == "vector" else "form")
        extra.append(best)
        pos = 0
    else:
        pos = insert_position(textpage, frame, best, x)
        best.bbox = (min(best.bbox[0], box[0]), min(best.bbox[1], box[1]), max(best.bbox[2], box[2]), max(best.bbox[3], box[3]))
    best.inserts.append((Hit(pos, pos, checked, how), box, name))
    return best


def _holds(box, glyph) -> bool:
    """Does a drawn box hold a tick glyph (its centre inside the box)?"""
    cx, cy = (glyph[0] + glyph[2]) / 2, (glyph[1] + glyph[3]) / 2
    return box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1


def _with_drawn_values(data: bytes, widgets: list[Widget]) -> list[Widget]:
    """Text fields left without /V take the text their appearance streams draw (pdf_appearance)."""
    wanted: dict[int, list[Rect]] = {}
    rects: dict[int, list[Rect]] = {}
    for w in widgets:
        if (at := _where(w)) is not None:
            rects.setdefault(at[0], []).append(at[1])
            if w.drawn:
                wanted.setdefault(at[0], []).append(at[1])
    if not wanted:
        return widgets
    with PDFIUM_LOCK:
        try:
            shown = drawn_texts(data, wanted, rects)
        except pdfium.PdfiumError:
            return widgets
    return [replace(w, field=replace(w.field, value=shown[at]))
            if w.drawn and (at := _where(w)) is not None and at in shown else w for w in widgets]


def _where(w: Widget) -> tuple[int, Rect] | None:
    """(page index, /Rect) of a widget that has both, as drawn_texts keys them."""
    return (w.field.page - 1, w.rect) if w.rect and w.field.page else None


def _merge(lines: list[RawLine], extra: list[RawLine]) -> list[RawLine]:
    """Text lines keep pdfium's order; lines of form values go where their height puts them."""
    out = list(lines)
    for e in sorted(extra, key=lambda r: (r.box[1], r.box[0])):
        at = next((k for k, line in enumerate(out) if line.mid > e.mid + 2), len(out))
        out.insert(at, e)
    return out


def _one_per_field(widgets: list[Widget]) -> list[Widget]:
    """A radio group has one widget per option but one value: one record, at the chosen option."""
    out: list[Widget] = []
    where: dict[str, int] = {}
    for w in widgets:
        if w.field.kind != "radio":
            out.append(w)
        elif w.field.name not in where:
            where[w.field.name] = len(out)
            out.append(w)
        elif w.checked and not out[where[w.field.name]].checked:
            out[where[w.field.name]] = w
    return out


_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?")


def _meta(pdf) -> dict[str, str]:
    try:
        raw = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # noqa: BLE001 - metadata is a nicety
        return {}
    names = {"Title": "title", "Author": "author", "Subject": "subject", "Creator": "creator",
             "Producer": "producer", "CreationDate": "created", "ModDate": "modified"}
    meta = {}
    for key, name in names.items():
        value = (raw.get(key) or "").strip()
        if key.endswith("Date"):
            m = _PDF_DATE.match(value)
            value = "-".join(g for g in m.groups() if g) if m else ""
        if value:
            meta[name] = value
    return meta

