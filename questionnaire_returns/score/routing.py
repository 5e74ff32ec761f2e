"""Which answers go to review.

- confidence at or above the field's threshold (review.threshold_for) → `auto`;
  below it → `review`, note `low_confidence`;
- an answer the extractor already flagged (its note is set: unknown_name,
  conflict, ...) → `review`, the note kept;
- an audit sample: a share (review.audit_share_for) of `auto` rows goes to review,
  note `audit`, so the precision of `auto` stays measured. The pick is a hash of
  (submission_id, field, audit_seed): reruns pick the same rows;
- a required field (review.required) that a current return does not answer → a row
  with an empty value, confidence 0, status `review`, note `required_missing`.
"""

from __future__ import annotations

import hashlib
from typing import Iterable

AUTO, REVIEW = "auto", "review"
LOW_CONFIDENCE, AUDIT, REQUIRED_MISSING = "low_confidence", "audit", "required_missing"


def audit_pick(submission_id: str, field: str, seed: int, share: float) -> bool:
    """Deterministic: the same (submission, field, seed) always gives the same answer."""
    if share <= 0:
        return False
    if share >= 1:
        return True
    digest = hashlib.sha256(f"{submission_id}\x1f{field}\x1f{seed}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < share


def route(row: dict, review) -> dict:
    """Set `status` (and `note` where empty) of one answer row; `review` is settings().review."""
    field = row["field"]
    note = (row.get("note") or "").strip()
    confidence = float(row.get("confidence") or 0.0)
    if note:
        status = REVIEW
    elif confidence < review.threshold_for(field):
        status, note = REVIEW, LOW_CONFIDENCE
    elif audit_pick(row["submission_id"], field, review.audit_seed, review.audit_share_for(field)):
        status, note = REVIEW, AUDIT
    else:
        status = AUTO
    row["status"] = status
    row["note"] = note
    return row


def required_missing(submission_id: str, country: str, present: Iterable[str], review) -> list[dict]:
    """Rows for the required fields a current return does not answer."""
    have = set(present)
    return [
        {
            "submission_id": submission_id,
            "country": country,
            "field": field,
            "value": "",
            "confidence": 0.0,
            "status": REVIEW,
            "evidence": "",
            "source_file": "",
            "page": None,
            "bbox": "",
            "rule": "required",
            "note": REQUIRED_MISSING,
        }
        for field in review.required
        if field not in have
    ]
