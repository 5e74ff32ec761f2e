"""Tell a file's format from its first bytes, because extensions lie.

Returns arrive renamed by mail gateways and staff (a PDF saved as .doc, an e-mail as
.txt); the reader follows the content and uses the extension only to break ties (a
text file named .csv or .tsv is read as a table).
"""

from __future__ import annotations

import io
import re
import zipfile

KINDS = ("pdf", "docx", "email", "html", "text", "rtf", "odt", "doc", "xlsx", "csv", "image")

_EMAIL_HEADERS = {
    "from", "to", "subject", "date", "received", "return-path", "message-id",
    "mime-version", "content-type", "delivered-to", "reply-to", "cc", "x-mailer",
}
_HEADER = re.compile(rb"^([A-Za-z][A-Za-z0-9-]*):[ \t]*\S?")
_HTML = re.compile(rb"<(!doctype\s+html|html|head|body|meta\s|title>|p>|div[\s>]|table[\s>])", re.I)

# Scans arrive as images: read through OCR.
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")
_MAGIC = (
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
)


class NotSupported(ValueError):
    """The content is not one of the formats readers know; the message says what it looks like."""


def sniff(data: bytes, name: str = "") -> str:
    """One of KINDS for `data`, or NotSupported('looks like ...')."""
    head = data[:4096]
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if b"%PDF" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _ole_kind(data)
    if head.startswith(_IMAGES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise NotSupported(f"looks like {what}")
    if _looks_binary(head):
        raise NotSupported("looks like binary data")
    if _looks_email(head) or (ext == "eml" and _HEADER.match(head.lstrip())):
        return "email"
    if _HTML.search(head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1024]) or (ext in ("html", "htm") and b"<" in head):
        return "html"
    return "csv" if ext in ("csv", "tsv") else "text"


def _zip_kind(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        # a damaged Word, Excel or OpenDocument file: its reader says so in its words
        if b"word/" in data:
            return "docx"
        if b"xl/" in data:
            return "xlsx"
        if b"application/vnd.oasis.opendocument.text" in data[:200]:
            return "odt"
        raise NotSupported("looks like a damaged ZIP archive") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        raise NotSupported("looks like a PowerPoint presentation")
    if "content.xml" in names:
        mimetype = _member(data, "mimetype")
        if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
            return "odt"
        kind = next((k for k in ("spreadsheet", "presentation") if k.encode() in mimetype), "file")
        raise NotSupported(f"looks like an OpenDocument {kind} (LibreOffice): save it as .docx, .xlsx or PDF")
    raise NotSupported("looks like a ZIP archive")


def _member(data: bytes, name: str) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return z.read(name)[:200].strip()
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return b""


def _ole_kind(data: bytes) -> str:
    """Old Office files share one container; its directory names say which program wrote it.
    A Word 97-2003 document is 'doc' (LibreOffice converts it); the others are refused."""
    if "__substg1.0_".encode("utf-16-le") in data:
        raise NotSupported("looks like an Outlook message (.msg): save it as .eml, or save its attachments")
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise NotSupported("looks like a password-protected Office file: save it without a password")
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        raise NotSupported("looks like an old Excel workbook (.xls): save it as .xlsx or CSV")
    raise NotSupported("looks like an old Office 97-2003 file")


def _looks_binary(head: bytes) -> bool:
    """NUL bytes outside UTF-16, or many control bytes, mean binary data."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    sample = head[:2048]
    if not sample:
        return False
    zeros = sample.count(0)
    if zeros:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        utf16 = max(even, odd) > len(sample) / 4 and min(even, odd) < max(even, odd) / 8
        return not utf16
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.05


def _looks_email(head: bytes) -> bool:
    """RFC 822: the file opens with 'Name: value' header lines, some of them mail headers."""
    known = seen = 0
    lines = head.lstrip().splitlines()[:40]
    if lines and lines[0].startswith(b"From "):
        lines = lines[1:]  # mbox envelope line
    for raw in lines:
        if not raw.strip():
            break
        if raw[:1] in (b" ", b"\t"):
            continue  # folded continuation
        m = _HEADER.match(raw)
        if not m:
            return False
        seen += 1
        known += m.group(1).decode("ascii").lower() in _EMAIL_HEADERS
    return seen >= 2 and known >= 2
