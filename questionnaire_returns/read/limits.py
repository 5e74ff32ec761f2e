"""Limits on what one file may cost to read (config.yaml `reader`), checked before the work.

A 1 MB PDF whose content stream inflates to 1 GB, or a Word file whose zip holds a 5 GB
member, would take that memory in the reader. Their inflated size is measured first, in
bounded chunks that are counted and dropped, so the check itself holds at most a few MB;
a file over `reader.max_decompressed_mb` fails with that reason and is never handed to
pdfium, python-docx or openpyxl. A document with more pages than `reader.max_pages` fails
the same way (checked as soon as the page count is known, before any page is read).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from questionnaire_returns.read.errors import ReadError

_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 20


def _limits():
    from questionnaire_returns.config import settings

    return settings().reader


def check_pages(pages: int, source_file: str) -> None:
    """ReadError when a document has more pages than reader.max_pages."""
    limit = _limits().max_pages
    if limit and pages > limit:
        raise ReadError(source_file, f"the document has {pages} pages, over the {limit} pages limit set in config.yaml "
                                     "(reader.max_pages)")


def check_inflated(kind: str, data: bytes, source_file: str) -> None:
    """ReadError when a PDF's streams or a zip container's members inflate past reader.max_decompressed_mb."""
    limit_mb = _limits().max_decompressed_mb
    if not limit_mb or limit_mb <= 0:
        return
    limit = int(limit_mb * 1024 * 1024)
    if kind == "pdf":
        size = pdf_inflated_size(data, limit)
    elif data[:4] == b"PK\x03\x04":
        size = zip_inflated_size(data)
    else:
        return
    if size > limit:
        raise ReadError(source_file, f"its compressed content inflates to more than {limit_mb:g} MB, the limit set in "
                                     "config.yaml (reader.max_decompressed_mb): not read (a decompression bomb?)")


def pdf_inflated_size(data: bytes, stop_after: int) -> int:
    """Bytes the Flate streams of a PDF inflate to, counted until `stop_after` is passed.

    Every `stream ... endstream` of the file is tried (content streams are never inside
    object streams, so no parsing is needed); one that is not zlib data (JPEG images,
    other filters) is left out.
    """
    total, pos = 0, 0
    while total <= stop_after:
        m = _STREAM.search(data, pos)
        if m is None:
            break
        start = m.end()
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        pos = end + 1
        inflater = zlib.decompressobj()
        view = memoryview(data)[start:end]
        try:
            out = inflater.decompress(view, _CHUNK)
            while out:
                total += len(out)
                if total > stop_after:
                    break
                out = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
        except zlib.error:
            continue
    return total


def zip_inflated_size(data: bytes) -> int:
    """What the members of a zip container (docx, xlsx, odt) say they inflate to.

    zipfile never returns more than a member's declared size (and checks its CRC), so the
    declared sizes bound what a reader can be made to hold.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return sum(max(i.file_size, 0) for i in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return 0  # not a readable zip: the reader says why
