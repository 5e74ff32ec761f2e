"""RTF, OpenDocument text (.odt) and Word 97-2003 (.doc) returns, read as the Word files LibreOffice
makes of them, so their tables, form checkboxes and option marks read as a .docx's would.

The Document keeps its own format in `form` ('rtf', 'odt', 'doc'); a file LibreOffice cannot
convert fails with a reason naming the format and the cause (not installed, damaged, timed out).
"""

from __future__ import annotations

from dataclasses import replace

from questionnaire_returns.records import Document
from questionnaire_returns.read.docx import read_docx
from questionnaire_returns.read.errors import ReadError
from questionnaire_returns.read.libreoffice import to_docx

_FORMATS = {"rtf": "RTF document", "odt": "OpenDocument text (.odt)", "doc": "Word 97-2003 document (.doc)"}


def read_rtf(data: bytes, source_file: str) -> Document:
    return _converted(data, source_file, "rtf")


def read_odt(data: bytes, source_file: str) -> Document:
    return _converted(data, source_file, "odt")


def read_doc(data: bytes, source_file: str) -> Document:
    return _converted(data, source_file, "doc")


def _converted(data: bytes, source_file: str, kind: str) -> Document:
    what = _FORMATS[kind]
    docx = to_docx(data, kind, source_file, what)
    try:
        doc = read_docx(docx, source_file)
    except ReadError as exc:
        raise ReadError(source_file, f"the {what} could not be read after conversion ({exc.reason})") from None
    # the conversion's own dates are not the return's: keep only what the sender wrote
    meta = {k: v for k, v in doc.meta.items() if k not in ("created", "modified")}
    return replace(doc, form=kind, meta=meta)
