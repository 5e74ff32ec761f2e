"""E-mailed returns (.eml): headers, the body, and every attachment read as its own Document.

The return itself is usually an attachment (a PDF or Word file), so attachments go
through read_bytes with source_file '<eml path>::<file name>'; one that cannot be read
becomes a warning on the e-mail, never a failure of the whole message.
"""

from __future__ import annotations

from email import policy
from email.parser import BytesParser

from questionnaire_returns.records import Document
from questionnaire_returns.read.assemble import finish
from questionnaire_returns.read.errors import ReadError
from questionnaire_returns.read.html import html_lines
from questionnaire_returns.read.text import text_lines


def read_email(data: bytes, source_file: str) -> Document:
    try:
        msg = BytesParser(policy=policy.default).parsebytes(data)
    except Exception as exc:  # noqa: BLE001
        raise ReadError(source_file, f"the e-mail cannot be parsed ({exc})") from None
    warnings: list[str] = []
    raw = _body(msg, warnings)
    lines, marks = finish(raw)
    attachments = _attachments(msg, source_file, warnings)
    return Document(
        source_file=source_file, form="email", lines=tuple(lines), marks=tuple(marks), meta=_meta(msg),
        attachments=tuple(attachments), warnings=tuple(warnings),
    )


STUB_SHARE = 0.3  # a plain part with less than this share of the HTML part's words is a stub ("This message is in HTML")


def _body(msg, warnings: list[str]):
    """The text/plain body, else the text/html one through the HTML reader; the HTML one too where the plain
    part is only a stub beside it (Outlook's "this message is in HTML format; if you cannot read it ...")."""
    bodies = {}
    for kind in ("plain", "html"):
        part = msg.get_body(preferencelist=(kind,))
        if part is None:
            continue
        try:
            content = part.get_content()
        except Exception as exc:  # noqa: BLE001 - unknown charset and the like
            warnings.append(f"the e-mail's {kind} body could not be decoded ({exc})")
            content = part.get_payload(decode=True).decode("latin-1", errors="replace")
        lines = text_lines(content) if kind == "plain" else html_lines(content)[0]
        if lines:
            bodies[kind] = lines
    plain, html = bodies.get("plain"), bodies.get("html")
    if plain and html and _words(plain) < STUB_SHARE * _words(html):
        return html
    return plain or html or []


def _words(lines) -> int:
    return sum(len(line.text.split()) for line in lines)


def _attachments(msg, source_file: str, warnings: list[str]) -> list[Document]:
    from questionnaire_returns.read import read_bytes

    out, seen = [], set()
    for n, part in enumerate(msg.iter_attachments(), start=1):
        name = (part.get_filename() or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
        name = name or f"attachment-{n}" + (".eml" if part.get_content_type() == "message/rfc822" else "")
        if name in seen:
            name = f"{n}-{name}"
        seen.add(name)
        child = f"{source_file}::{name}"
        try:
            if part.get_content_type() == "message/rfc822":
                payload = part.get_content().as_bytes()
            else:
                payload = part.get_payload(decode=True) or b""
            out.append(read_bytes(payload, name, child))
        except ReadError as exc:
            warnings.append(f"attachment {name} not read: {exc.reason}")
        except Exception as exc:  # noqa: BLE001 - one bad attachment must not lose the e-mail
            warnings.append(f"attachment {name} not read: {type(exc).__name__}: {exc}")
    return out


def _meta(msg) -> dict[str, str]:
    """From, To, Cc, Subject, Date (ISO 8601 when it parses, else as written)."""
    raw = {name.lower(): str(value) for name, value in msg.raw_items()}
    meta = {}
    for header in ("from", "to", "cc", "subject", "date"):
        try:
            value = msg[header]
            text = str(value).strip() if value is not None else ""
            dt = getattr(value, "datetime", None) if header == "date" else None
            text = dt.isoformat() if dt is not None else text
        except Exception:  # noqa: BLE001 - a malformed header is kept as written
            text = ""
        text = text or " ".join(raw.get(header, "").split())
        if text:
            meta[header] = text
    return meta
