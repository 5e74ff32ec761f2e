"""Sources with no page image (Word, HTML, e-mail, text files) as text, evidence found in it.

The text is what the pipeline's readers give (questionnaire_returns.read.read_bytes,
called from here only), so the reviewer sees the words the extractor read. The
evidence is found in it whitespace- and case-blind, else by rapidfuzz's best partial
alignment; the app marks that span and scrolls it into view.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from questionnaire_returns.review.pages import Refused, source_bytes, source_identity

CACHED = 16  # documents kept as text
FUZZY_CUTOFF = 80.0
FUZZY_PROBE = 300  # characters of the evidence aligned when it is not found as written


@dataclass(frozen=True)
class SourceText:
    before: str
    mark: str  # the evidence as the source writes it ('' when not found)
    after: str
    exact: bool  # found as written (whitespace and case aside), not by fuzzy alignment

    @property
    def found(self) -> bool:
        return bool(self.mark)


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """The text lower-cased with each whitespace run as one space, and for every folded
    character its index in `text`."""
    out: list[str] = []
    where: list[int] = []
    space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space and out:
                out.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
        where.append(i)
    return "".join(out), where


def find_evidence(text: str, evidence: str) -> tuple[int, int, bool] | None:
    """(start, end, exact) of the evidence in the text, or None."""
    needle, _ = _fold_with_map(evidence.strip())
    if not needle:
        return None
    hay, where = _fold_with_map(text)
    at = hay.find(needle)
    if at >= 0:
        return where[at], where[at + len(needle) - 1] + 1, True
    from rapidfuzz import fuzz

    probe = needle[:FUZZY_PROBE]
    hit = fuzz.partial_ratio_alignment(probe, hay, score_cutoff=FUZZY_CUTOFF)
    if hit is None or hit.dest_end <= hit.dest_start:
        return None
    start, end = hit.dest_start, min(len(hay), hit.dest_start + max(len(needle), hit.dest_end - hit.dest_start))
    while start > 0 and hay[start - 1].isalnum() and hay[start].isalnum():  # whole words only
        start -= 1
    while end < len(hay) and hay[end - 1].isalnum() and hay[end].isalnum():
        end += 1
    return where[start], where[end - 1] + 1, False


class SourceTexts:
    """Source files under raw/ as text, the last few kept."""

    def __init__(self, raw_dir: Path):
        self.raw_dir = Path(raw_dir)
        self._cache: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def text(self, source_file: str) -> str:
        """The source's text as the pipeline reads it; Refused when it cannot be read."""
        _path, _inner, identity = source_identity(self.raw_dir, source_file)
        with self._lock:
            if identity in self._cache:
                self._cache.move_to_end(identity)
                return self._cache[identity]
        content, name, _ = source_bytes(self.raw_dir, source_file)
        from questionnaire_returns.read import ReadError, read_bytes

        try:
            text = read_bytes(content, name, source_file).text
        except ReadError as exc:
            raise Refused(f"{source_file} cannot be read as text: {exc}") from None
        with self._lock:
            self._cache[identity] = text
            while len(self._cache) > CACHED:
                self._cache.popitem(last=False)
        return text

    def view(self, source_file: str, evidence: str = "") -> SourceText:
        text = self.text(source_file)
        span = find_evidence(text, evidence) if evidence else None
        if span is None:
            return SourceText(text, "", "", False)
        start, end, exact = span
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return SourceText(text[:start], text[start:end], text[end:], exact)
