"""Plain-text returns (.txt, .md) in whatever encoding the sender's machine used.

The encoding is detected, never assumed: byte-order marks, then strict UTF-8, then
charset-normalizer, whose guess among single-byte code pages is checked against
cp1251, KOI8-R and cp1252 by how plausible each decoding reads (it confuses KOI8-R
with cp1251 or Japanese, and French cp1252 with Mac Latin-2, on short texts).
"""

from __future__ import annotations

import codecs
import unicodedata

from questionnaire_returns.records import Document
from questionnaire_returns.read.assemble import RawLine, finish
from questionnaire_returns.read.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SINGLE_BYTE = ("cp1251", "koi8-r", "cp1252")
# Letters of the returns' languages (en, fr, de, es, it, ru); any other letter is suspect.
_LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæßñáíóúìò"
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) for bytes in an unknown encoding."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guess = codecs.lookup(best.encoding).name if best else None
    if guess in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32"):
        return str(best), guess
    candidates = [guess] if guess else []
    candidates += [c for c in _SINGLE_BYTE if c != guess]
    scored = []
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        scored.append((plausibility(text), enc == guess, enc, text))
    if not scored:
        return data.decode("latin-1"), "latin-1"
    _, _, enc, text = max(scored)
    if enc != "cp1252" and any(e == "cp1252" and t == text for _, _, e, t in scored):
        enc = "cp1252"  # the same text either way: name the West-European code page
    return text, enc


def plausibility(text: str) -> float:
    """How much `text` reads like European prose: letters in natural case, no stray symbols.

    A wrong code page shows as capitals inside words (KOI8-R read as cp1251 swaps case),
    letters of scripts the returns never use (cp932), Cyrillic and Latin letters within one
    word ("Fьrstentum": a German umlaut read as cp1251), or symbols and control bytes.
    """
    score = 0.0
    prev_lower = False
    prev_script = None  # 'cyrillic' / 'latin' of the letter just before, None after a non-letter
    for ch in text:
        if ch.isalpha():
            script = "cyrillic" if "\u0400" <= ch <= "\u04ff" else "latin"
            if ch.lower() not in _LETTERS:
                score -= 2
            elif ch.isupper() and prev_lower:
                score -= 1
            elif prev_script and script != prev_script:
                score -= 2
            else:
                score += 1
            prev_lower = ch.islower()
            prev_script = script
        else:
            prev_lower = False
            prev_script = None
            if ord(ch) > 127 and unicodedata.category(ch)[0] in "SCZ" and ch not in "\u00a0«»–—„“”‘’№°•€":
                score -= 2
            elif unicodedata.category(ch) == "Cc" and ch not in "\r\n\t\f":
                score -= 2
    return score / max(len(text), 1)


def text_lines(text: str, first_block: int = 0) -> list[RawLine]:
    """Lines of plain text; a blank line starts a new block."""
    out: list[RawLine] = []
    block = first_block
    for line in text.splitlines():
        if not line.strip():
            block += 1 if out and out[-1].block == block else 0
            continue
        out.append(RawLine(line, block=block))
    return out


def read_text(data: bytes, source_file: str) -> Document:
    text, encoding = decode(data)
    if not text.strip("\ufeff \t\r\n\x00"):
        raise ReadError(source_file, "the file is empty")
    lines, marks = finish(text_lines(text))
    return Document(source_file=source_file, form="text", lines=tuple(lines), marks=tuple(marks), encoding=encoding)
