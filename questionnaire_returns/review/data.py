"""What the reviewers see: the extraction merged with the latest corrections.

Shared by the review app and the Excel export, so both show the same queue in
the same order (lowest confidence first).
"""

from __future__ import annotations

from typing import Any

import math
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from questionnaire_returns.review.checks import meaning_reason, normalise_meaning
from questionnaire_returns.review.labels import label_of
from questionnaire_returns.review.query import QueueQuery, reason_of
from questionnaire_returns.corrections.merge import merge, text
from questionnaire_returns.corrections.store import Correction, CorrectionStore
from questionnaire_returns.write.cells import read_csv

EXTRACTED = "extracted.parquet"
SUBMISSIONS = "submissions.csv"


def field_order() -> dict[str, int]:
    try:
        from questionnaire_returns.contract import CONTRACT

        return {f: i for i, f in enumerate(CONTRACT.fields)}
    except Exception:
        return {}


def normalise_value(field: str, value: str) -> str:
    """A reviewer's value in the contract's form: whitespace folded; multi and
    ministries ids split on ; or , then sorted and unique; yes/no lower-cased;
    a country's name as written put in its canonical form (checks.py)."""
    value = re.sub(r"\s+", " ", value or "").strip()
    try:
        from questionnaire_returns.contract import CONTRACT

        spec = CONTRACT.field(field)
    except Exception:
        return value
    value = normalise_meaning(field, value)
    if spec.type in ("multi", "ministries") and value:
        parts = {p.strip() for p in re.split(r"[;,]", value) if p.strip()}
        return ";".join(sorted(parts))
    if spec.type in ("yesno",):
        return value.lower()
    if spec.type in ("choice",) and spec.values and value.lower() in spec.values:
        return value.lower()
    return value


def check_value(field: str, value: str) -> str | None:
    """Why a reviewer's value cannot be saved, or None: the contract's type check,
    then the value's meaning (checks.py). The app, bulk accept and the Excel import
    all ask here."""
    if value == "":
        return "a value is needed (use Unanswerable when the return does not answer)"
    try:
        from questionnaire_returns.contract import CONTRACT

        reason = CONTRACT.check_value(field, value)
        return reason or meaning_reason(field, CONTRACT.field(field).type, value)
    except KeyError as exc:
        return str(exc).strip("'\"")


@dataclass(frozen=True)
class Item:
    """One row of the merged answers, as strings, with its latest correction."""

    submission_id: str
    country: str
    field: str
    question: str
    value: str
    confidence: float
    status: str
    evidence: str
    source_file: str
    page: int | None
    bbox: str
    rule: str
    note: str
    extracted_value: str
    reviewer: str
    corrected_at: str
    latest: Correction | None
    language: str = ""  # the return's, from the ledger

    @property
    def key(self) -> tuple[str, str]:
        return (self.submission_id, self.field)

    @property
    def reason(self) -> str:
        """Why it is (or was) in review: low_confidence, audit, required_missing, ... ('' when none)."""
        return reason_of(self.note)

    @property
    def label(self) -> str:
        """The value's readable labels beside its codes ('' for free text)."""
        return label_of(self.field, self.value)

    @property
    def base_version(self) -> int | None:
        return self.latest.id if self.latest else None


def _confidence(value) -> float:
    try:
        c = float(value)
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if math.isnan(c) else c


def _page(value) -> int | None:
    s = text(value)
    try:
        return int(float(s)) if s else None
    except ValueError:
        return None


class ReviewData:
    """extracted.parquet in `data_dir` merged with `store`, recomputed when either changes."""

    def __init__(self, data_dir: Path, store: CorrectionStore):
        self.data_dir = Path(data_dir)
        self.store = store
        self._lock = threading.Lock()
        self._key: Any = None  # what the cache was built from (file times, the store's latest id)
        self._cache: Any = None  # (merged answers, latest corrections, routed rows)
        self._items: Any = None  # (the snapshot they came from, the items)
        self._extracted: Any = None
        self._ledger: dict[str, tuple[str, str]] = {}  # submission_id -> (language, the return's file)

    def extracted(self) -> pd.DataFrame:
        """extracted.parquet's rows of current returns (as publish takes them): rows
        of superseded returns are left out, and when the ledger (submissions.csv)
        is there, only submissions it lists as `return` are kept."""
        path = self.data_dir / EXTRACTED
        if not path.exists():
            return pd.DataFrame(columns=["submission_id", "country", "field", "question", "value",
                                         "confidence", "status", "evidence", "source_file", "page",
                                         "bbox", "rule", "note"])
        df = pd.read_parquet(path)
        df = df[df["status"].map(text) != "superseded"]
        ledger = self.data_dir / SUBMISSIONS
        if ledger.exists():
            try:
                led = read_csv(ledger)
                returns = led[led["status"] == "return"]
                self._ledger = {
                    sid: (lang, src) for sid, lang, src in zip(
                        returns["submission_id"], returns.get("language", [""] * len(returns)),
                        returns["source_file"])
                }
                df = df[df["submission_id"].map(text).isin(set(self._ledger))]
            except (OSError, ValueError, KeyError):
                pass
        return df.reset_index(drop=True)

    def language_of(self, submission_id: str) -> str:
        self.snapshot()
        return self._ledger.get(submission_id, ("", ""))[0]

    def return_file(self, submission_id: str) -> str:
        """The file of a submission's return (the ledger's), '' when unknown: what a
        field with no evidence of its own (a missing required answer) is checked against."""
        self.snapshot()
        return self._ledger.get(submission_id, ("", ""))[1]

    def snapshot(self) -> tuple[pd.DataFrame, dict[tuple[str, str], Correction], dict]:
        """(merged answers, latest corrections, {key: (country, question)} the pipeline routed to review)."""
        path = self.data_dir / EXTRACTED
        stats = [p.stat() if p.exists() else None for p in (path, self.data_dir / SUBMISSIONS)]
        key = tuple((st.st_mtime_ns, st.st_size) if st else None for st in stats), self.store.version()
        with self._lock:
            if self._key == key and self._cache is not None:
                return self._cache
            extracted = self.extracted()
            latest = self.store.latest()
            merged = merge(extracted, latest)
            routed = {
                (text(s), text(f)): (text(c), text(q))
                for s, f, st, c, q in zip(
                    extracted["submission_id"], extracted["field"], extracted["status"],
                    extracted["country"], extracted["question"],
                )
                if text(st) == "review"
            }
            self._cache = (merged, latest, routed)
            self._extracted = extracted
            self._key = key
            return self._cache

    def items(self) -> list[Item]:
        """Every published row as an Item, lowest confidence first."""
        snap = self.snapshot()
        with self._lock:
            if self._items is not None and self._items[0] is snap:
                return self._items[1]
        items = self._build_items(*snap[:2])
        with self._lock:
            self._items = (snap, items)
        return items

    def _build_items(self, merged, latest) -> list[Item]:
        order = field_order()
        out = []
        for r in merged.to_dict("records"):
            sub, field = text(r.get("submission_id")), text(r.get("field"))
            out.append(
                Item(
                    submission_id=sub,
                    country=text(r.get("country")),
                    field=field,
                    question=text(r.get("question")),
                    value=text(r.get("value")),
                    confidence=_confidence(r.get("confidence")),
                    status=text(r.get("status")),
                    evidence=text(r.get("evidence")),
                    source_file=text(r.get("source_file")),
                    page=_page(r.get("page")),
                    bbox=text(r.get("bbox")),
                    rule=text(r.get("rule")),
                    note=text(r.get("note")),
                    extracted_value=text(r.get("extracted_value")),
                    reviewer=text(r.get("reviewer")),
                    corrected_at=text(r.get("corrected_at")),
                    latest=latest.get((sub, field)),
                    language=self._ledger.get(sub, ("", ""))[0],
                )
            )
        out.sort(key=lambda i: (i.confidence, i.country, i.submission_id, order.get(i.field, 999), i.field))
        return out

    def item(self, submission_id: str, field: str) -> Item | None:
        for i in self.items():
            if i.key == (submission_id, field):
                return i
        return None

    def item_or_absent(self, submission_id: str, field: str) -> Item | None:
        """The published row, or for a field missing from the answers of a known
        submission a stand-in: status 'unanswerable' (a reviewer dropped it; the
        extraction is shown) or 'absent' (the extractor found nothing), so that a
        reviewer can restore or add an answer. None for unknown submissions/fields."""
        found = self.item(submission_id, field)
        if found is not None:
            return found
        _merged, latest, _ = self.snapshot()
        extracted = self._extracted
        if extracted is None or extracted.empty:
            return None
        subs = extracted["submission_id"].map(text)
        rows = extracted[subs == submission_id]
        if rows.empty:
            return None
        hit = rows[rows["field"].map(text) == field]
        correction = latest.get((submission_id, field))
        if not hit.empty:
            r = hit.iloc[0].to_dict()
            return Item(
                submission_id=submission_id, country=text(r.get("country")), field=field,
                question=text(r.get("question")), value=text(r.get("value")),
                confidence=_confidence(r.get("confidence")), status="unanswerable",
                evidence=text(r.get("evidence")), source_file=text(r.get("source_file")),
                page=_page(r.get("page")), bbox=text(r.get("bbox")), rule=text(r.get("rule")),
                note=correction.describe() if correction else "", extracted_value=text(r.get("value")),
                reviewer="", corrected_at="", latest=correction, language=self._ledger.get(submission_id, ("", ""))[0],
            )
        try:
            from questionnaire_returns.contract import CONTRACT

            question = CONTRACT.field(field).question or ""
        except KeyError:
            return None
        countries = [text(c) for c in rows["country"] if text(c)]
        return Item(
            submission_id=submission_id, country=countries[0] if countries else "", field=field,
            question=question, value="", confidence=0.0, status="absent", evidence="", source_file="",
            page=None, bbox="", rule="", note="the extractor found no answer", extracted_value="",
            reviewer="", corrected_at="", latest=correction, language=self._ledger.get(submission_id, ("", ""))[0],
        )

    def absent_fields(self, submission_id: str) -> list[str]:
        """Contract fields with no published answer for this submission."""
        present = {i.field for i in self.items() if i.submission_id == submission_id}
        try:
            from questionnaire_returns.contract import CONTRACT

            return [f for f in CONTRACT.fields if f not in present]
        except Exception:
            return []

    def queue(self, query: QueueQuery | None = None, **filters) -> list[Item]:
        """The slice of the answers a queue shows (by default the rows with status review,
        lowest confidence first); `query` or the filters as keywords (QueueQuery's keys)."""
        query = query or QueueQuery.parse(filters)
        return query.order([i for i in self.items() if query.keeps(i, i.label if query.q else "")])

    def progress(self, country: str = "", field: str = "", question: str = "", language: str = "",
                 **_other) -> tuple[int, int]:
        """(reviewed, total) over the fields that were or are in review, filtered by
        country, field, question and language (the other filters slice the queue, not the work)."""
        merged, latest, routed = self.snapshot()
        items = {i.key: i for i in self.items()}
        keys = set(routed) | {k for k, i in items.items() if i.status == "review"}
        reviewed = total = 0
        for k in keys:
            i = items.get(k)
            c, q = (i.country, i.question) if i is not None else routed[k]
            if (country and c != country) or (field and k[1] != field) or (question and q != question):
                continue
            if language and self._ledger.get(k[0], ("", ""))[0] != language:
                continue
            total += 1
            if i is None or i.status != "review":  # corrected, accepted or dropped as unanswerable
                reviewed += 1
        return reviewed, total
