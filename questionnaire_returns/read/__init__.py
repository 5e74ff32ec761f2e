"""Readers: each return file becomes one `Document` the later stages read.

`read_file(path, raw_root)` reads a file in raw/; `read_bytes(data, name, source_file)`
reads bytes (e-mail attachments). The format is told from the content (sniff.py),
not the extension. A file that gives no Document raises `ReadError` with a reason
in plain words (never retried); a page or attachment that fails becomes an
unreadable page or a warning on the Document instead. OSError from the file system
propagates, so the ingest flow can retry it.

What each format yields: pdf.py, docx.py, text.py, email.py, html.py; office.py (.rtf, .odt
and .doc, converted to .docx by LibreOffice), sheet.py (.xlsx and .csv exports), image.py
(.tif, .png, .jpg scans through OCR). Ticks of every
notation are written as records.CHECKED / UNCHECKED (ticks.py). Document.meta keys:
title, author, subject, created, modified (PDF, Word; dates ISO), from, to, cc,
subject, date (e-mail).
"""

from __future__ import annotations

import importlib
from pathlib import Path

from questionnaire_returns.records import Document
from questionnaire_returns.read.errors import ReadError
from questionnaire_returns.read.limits import check_inflated
from questionnaire_returns.read.mark_columns import with_column_marks
from questionnaire_returns.read.sniff import NotSupported, sniff

__all__ = ["ReadError", "read_bytes", "read_file"]

_FORMATS = "not a format the pipeline reads"  # PDF, Word, RTF, ODT, .doc, Excel, CSV, images, e-mail, HTML, text


def read_file(path: Path, raw_root: Path) -> Document:
    """Read one file under raw_root; Document.source_file is its '/'-separated relative path."""
    path, raw_root = Path(path), Path(raw_root)
    source_file = _relative(path, raw_root)
    _check_size(path.stat().st_size, source_file)  # before reading 200 MB into memory
    # OSError propagates: the ingest flow retries it (a file still being copied, a share hiccup).
    return read_bytes(path.read_bytes(), path.name, source_file)


def _relative(path: Path, raw_root: Path) -> str:
    for p, root in ((path.absolute(), raw_root.absolute()), (path.resolve(), raw_root.resolve())):
        try:
            return _printable(p.relative_to(root).as_posix())
        except ValueError:
            continue
    return _printable(path.as_posix())


def _printable(name: str) -> str:
    """A file name as every output can hold it: bytes that are not UTF-8 become `\\xNN`."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_bytes(data: bytes, name: str, source_file: str) -> Document:
    """Read a file's bytes; `name` (the file name) only breaks ties the content leaves open."""
    _check_size(len(data), source_file)
    if not data.strip():
        raise ReadError(source_file, "the file is empty")
    try:
        kind = sniff(data, name)
    except NotSupported as exc:
        raise ReadError(source_file, f"{_FORMATS} ({exc})") from None
    check_inflated(kind, data, source_file)  # before a reader inflates a bomb (config.yaml reader.max_decompressed_mb)
    module, function, what = _READERS[kind]
    reader = getattr(importlib.import_module(f"{__name__}.{module}"), function)  # imported when needed
    try:
        return with_column_marks(reader(data, source_file))
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop a batch: report it
        raise ReadError(source_file, f"the {what} could not be read ({type(exc).__name__}: {exc})") from exc


_READERS = {
    "pdf": ("pdf", "read_pdf", "PDF"),
    "docx": ("docx", "read_docx", "Word file"),
    "email": ("email", "read_email", "e-mail"),
    "html": ("html", "read_html", "HTML page"),
    "text": ("text", "read_text", "text file"),
    "rtf": ("office", "read_rtf", "RTF document"),
    "odt": ("office", "read_odt", "OpenDocument text"),
    "doc": ("office", "read_doc", "Word 97-2003 document"),
    "xlsx": ("sheet", "read_xlsx", "Excel workbook"),
    "csv": ("sheet", "read_csv", "CSV file"),
    "image": ("image", "read_image", "image"),
}


def _check_size(size: int, source_file: str) -> None:
    from questionnaire_returns.config import settings

    limit = settings().reader.max_file_mb
    if size > limit * 1024 * 1024:
        raise ReadError(
            source_file,
            f"the file is {_mb(size)} MB, over the {limit:g} MB limit set in config.yaml (reader.max_file_mb)",
        )


def _mb(size: int) -> str:
    mb = size / 1024 / 1024
    return f"{mb:.0f}" if mb >= 10 else f"{mb:.1f}" if mb >= 0.1 else f"{mb:.3f}"
