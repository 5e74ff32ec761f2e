"""Which fields a queue shows, in which order: filters, search and sort, from a query string.

The same query travels with every link of the queue (item pages, next/previous,
saves, bulk accept, the Excel export), so a reviewer works one slice in one order.
A parameter that makes no sense is a BadQuery (a 422 page), never a crash.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields as dc_fields

# why a field is in review, from its note (score/routing.py, the extractor's flags, merge.py)
REASONS = ("low_confidence", "audit", "required_missing", "unknown_name", "conflict", "stale",
           "awaiting_approval", "rejected", "other")
STATUSES = ("review", "confirmed", "corrected", "auto", "all")
SORTS = ("confidence", "country", "field", "question", "value", "reason", "language", "status", "submission")
MAX_TEXT = 200


class BadQuery(ValueError):
    """A queue parameter that makes no sense; the message names it."""


def reason_of(note: str) -> str:
    """The routing reason a note gives ('' when there is none)."""
    n = (note or "").strip()
    if not n:
        return ""
    if n.startswith("awaiting approval"):
        return "awaiting_approval"
    if "; rejected by " in n:
        return "rejected"
    if "; the return now says" in n or "; the return no longer gives" in n:
        return "stale"
    head = re.match(r"[a-z_]+", n)
    if head and head.group(0) in REASONS and (head.end() == len(n) or n[head.end()] in ":; "):
        return head.group(0)
    return "other"


def _question_key(q: str):
    digits = "".join(ch for ch in q if ch.isdigit())
    return (int(digits) if digits else 999, q)


@dataclass(frozen=True)
class QueueQuery:
    country: str = ""
    field: str = ""
    question: str = ""
    reason: str = ""
    language: str = ""
    status: str = ""  # '' = review
    cmin: str = ""  # confidence range, 0-1
    cmax: str = ""
    q: str = ""  # search
    sort: str = ""  # '' = confidence
    dir: str = ""  # asc | desc

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dc_fields(cls))

    @classmethod
    def parse(cls, params) -> "QueueQuery":
        """From a query string or form (a mapping); BadQuery for a value that makes no sense."""
        values = {}
        for key in cls.keys():
            raw = params.get(key, "") if hasattr(params, "get") else ""
            value = str(raw or "").strip()
            if len(value) > MAX_TEXT or any(ord(ch) < 32 for ch in value):
                raise BadQuery(f"{key}: at most {MAX_TEXT} printable characters")
            values[key] = value
        query = cls(**values)
        if query.reason and query.reason not in REASONS:
            raise BadQuery(f"reason must be one of {', '.join(REASONS)}")
        if query.status and query.status not in STATUSES:
            raise BadQuery(f"status must be one of {', '.join(STATUSES)}")
        if query.sort and query.sort not in SORTS:
            raise BadQuery(f"sort must be one of {', '.join(SORTS)}")
        if query.dir and query.dir not in ("asc", "desc"):
            raise BadQuery("dir must be asc or desc")
        low, high = query.confidence_range()
        if low > high:
            raise BadQuery("the confidence range is empty (cmin above cmax)")
        return query

    def confidence_range(self) -> tuple[float, float]:
        out = []
        for name, default in (("cmin", 0.0), ("cmax", 1.0)):
            raw = getattr(self, name)
            if not raw:
                out.append(default)
                continue
            try:
                value = float(raw)
            except ValueError:
                raise BadQuery(f"{name} must be a number from 0 to 1") from None
            if math.isnan(value) or not 0 <= value <= 1:
                raise BadQuery(f"{name} must be a number from 0 to 1")
            out.append(value)
        return out[0], out[1]

    def as_params(self) -> dict[str, str]:
        """The query's non-empty parameters, for links."""
        return {k: getattr(self, k) for k in self.keys() if getattr(self, k)}

    @property
    def active(self) -> bool:
        return any(getattr(self, k) for k in self.keys() if k not in ("sort", "dir"))

    def keeps(self, item, label: str = "") -> bool:
        """Whether an item (data.Item) is in this slice."""
        status = self.status or "review"
        if status != "all" and item.status != status:
            return False
        reason = reason_of(item.note)
        if self.reason:
            if reason != self.reason:
                return False
        elif status == "review" and reason == "awaiting_approval":
            return False  # waits for an approver, not for another reviewer
        for key, have in (("country", item.country), ("field", item.field), ("question", item.question),
                          ("language", item.language)):
            want = getattr(self, key)
            if want and have != want:
                return False
        low, high = self.confidence_range()
        if not low <= item.confidence <= high:
            return False
        if self.q:
            needle = self.q.casefold()
            hay = " ".join((item.submission_id, item.country, item.field, item.value, item.evidence, item.note,
                            item.source_file, label)).casefold()
            if needle not in hay:
                return False
        return True

    def order(self, items: list) -> list:
        """Items (already lowest confidence first) in this query's order; ties keep that order."""
        key = self.sort or "confidence"
        getter = {
            "confidence": lambda i: i.confidence,
            "country": lambda i: i.country.casefold(),
            "field": lambda i: i.field,
            "question": lambda i: _question_key(i.question),
            "value": lambda i: i.value.casefold(),
            "reason": lambda i: reason_of(i.note),
            "language": lambda i: i.language,
            "status": lambda i: i.status,
            "submission": lambda i: i.submission_id,
        }[key]
        return sorted(items, key=getter, reverse=self.dir == "desc")
