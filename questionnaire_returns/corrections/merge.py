"""Apply the reviewers' latest corrections to what the extractor suggested.

extracted.parquet is never edited: every rerun extracts afresh and `merge` lays
the corrections over it, so a correction survives every rerun. A correction
records the extracted value and evidence it corrected; when the return now says
something else (value or evidence changed), the correction is stale and the
field goes back to review with both shown in its note.
"""

from __future__ import annotations

from typing import Mapping

import pandas as pd

from questionnaire_returns.corrections.store import Correction, fold

EXTRACTED_COLUMNS = [
    "submission_id",
    "country",
    "field",
    "question",
    "value",
    "confidence",
    "status",
    "evidence",
    "source_file",
    "page",
    "bbox",
    "rule",
    "note",
]
ADDED_COLUMNS = ["extracted_value", "reviewer", "corrected_at"]
ADDED_EVIDENCE = "added by reviewer"
CONFIRMED, CORRECTED = "confirmed", "corrected"
REVIEWED = (CONFIRMED, CORRECTED)  # the statuses a reviewer's save gives


def text(value) -> str:
    """A cell as text: '' for None/NaN/NA."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def is_stale(correction: Correction, value: str, evidence: str) -> bool:
    """Whether the return changed since the correction: its value or evidence differ."""
    seen = correction.extracted_value if correction.extracted_value is not None else correction.old_value
    return text(seen).strip() != text(value).strip() or fold(correction.evidence) != fold(evidence)


def stale_note(correction: Correction, now_says: str) -> str:
    return f"{correction.describe()}; the return now says {now_says!r}"


AWAITING = "awaiting approval"


def unapproved_note(correction: Correction) -> str:
    """Why a correction that needs an approver's second pass does not count yet."""
    if correction.state == "rejected":
        why = f": {correction.decision_note}" if correction.decision_note else ""
        return f"{correction.describe()}; rejected by {correction.approver} on {correction.decided_at[:10]}{why}"
    return f"{AWAITING}: {correction.describe()}"


def reviewed_status(value: str, extracted: str) -> str:
    """'confirmed' when a reviewer kept the value as read, 'corrected' when they set another."""
    return CONFIRMED if text(value).strip() == text(extracted).strip() else CORRECTED


def _question_of(field: str) -> str:
    try:
        from questionnaire_returns.contract import CONTRACT

        return CONTRACT.field(field).question or ""
    except Exception:  # unknown field or no schema: leave it empty
        return ""


def merge(extracted: pd.DataFrame, corrections: Mapping[tuple[str, str], Correction]) -> pd.DataFrame:
    """The published answers: extracted rows with the latest corrections applied.

    Columns: those of `extracted` plus extracted_value, reviewer, corrected_at.
    - correct / accept: value = the correction's value, status 'confirmed' when it is
      the value the extractor read, 'corrected' when the reviewer set another;
    - unanswerable: the row is dropped (an unanswered field is absent);
    - stale (the extraction's value or evidence changed since): status 'review',
      value = the new extraction, note "corrected to X by R on D; the return now says Y";
    - a correction for a field the extractor did not find adds a row
      (status corrected, confidence 1, evidence "added by reviewer");
    - a correction awaiting an approver's second pass, or one an approver rejected:
      status 'review', value = the extraction, the note says which.
    """
    out = extracted.copy().reset_index(drop=True)
    for col in EXTRACTED_COLUMNS:
        if col not in out.columns:
            out[col] = pd.Series([None] * len(out), dtype="object")
    dtypes = out.dtypes.to_dict()
    out = out.astype({c: "object" for c in out.columns})
    out["extracted_value"] = out["value"]
    out["reviewer"] = ""
    out["corrected_at"] = ""

    subs = [text(s) for s in out["submission_id"]]
    fields = [text(f) for f in out["field"]]
    index: dict[tuple[str, str], list[int]] = {}
    country_of: dict[str, str] = {}
    for i, key in enumerate(zip(subs, fields)):
        index.setdefault(key, []).append(i)
        country = text(out.at[i, "country"])
        if country and not country_of.get(key[0]):
            country_of[key[0]] = country
        else:
            country_of.setdefault(key[0], country)

    drop: list[int] = []
    added: list[dict] = []
    corrected_country: dict[str, str] = {}
    for key, c in sorted(corrections.items(), key=lambda kv: kv[1].id):
        key = (text(key[0]), text(key[1]))
        rows = index.get(key)
        if rows:
            for i in rows:
                value, evidence = text(out.at[i, "value"]), text(out.at[i, "evidence"])
                if is_stale(c, value, evidence):
                    out.at[i, "status"] = "review"
                    out.at[i, "note"] = stale_note(c, value)
                    continue
                if c.state != "final":
                    out.at[i, "status"] = "review"
                    out.at[i, "note"] = unapproved_note(c)
                    continue
                if c.action == "unanswerable":
                    drop.append(i)
                    continue
                out.at[i, "value"] = c.new_value if c.new_value != "" else value
                out.at[i, "status"] = reviewed_status(out.at[i, "value"], value)
                out.at[i, "reviewer"] = c.reviewer
                out.at[i, "corrected_at"] = c.created_at
                if c.note:
                    out.at[i, "note"] = c.note
                if c.field == "country":
                    corrected_country[c.submission_id] = out.at[i, "value"]
            continue
        submission = key[0]
        if submission not in country_of or c.action == "unanswerable":
            continue  # the return is gone, or the reviewer confirmed there is no answer
        if c.state != "final":  # an added answer an approver has not passed
            row: dict[str, object] = {col: None for col in out.columns}
            row.update(submission_id=submission, country=country_of[submission], field=key[1],
                       question=_question_of(key[1]), value="", confidence=0.0, status="review",
                       evidence="", source_file="", bbox="", rule="reviewer", note=unapproved_note(c),
                       extracted_value="", reviewer="", corrected_at="")
            added.append(row)
            continue
        row = {col: None for col in out.columns}
        row.update(
            submission_id=submission,
            country=country_of[submission],
            field=key[1],
            question=_question_of(key[1]),
            value=c.new_value,
            confidence=1.0,
            status=CORRECTED,
            evidence=ADDED_EVIDENCE,
            source_file="",
            bbox="",
            rule="reviewer",
            note=c.note,
            extracted_value="",
            reviewer=c.reviewer,
            corrected_at=c.created_at,
        )
        seen = c.extracted_value if c.extracted_value is not None else c.old_value
        if text(seen).strip():
            # The reviewer corrected a value the return no longer gives.
            row.update(
                status="review",
                confidence=0.0,
                evidence="",
                reviewer="",
                corrected_at="",
                note=f"{c.describe()}; the return no longer gives this field",
            )
        elif key[1] == "country":
            corrected_country[submission] = c.new_value
        added.append(row)

    if drop:
        out = out.drop(index=drop)
    if added:
        out = pd.concat([out, pd.DataFrame(added, columns=out.columns, dtype="object")], ignore_index=True)
    out = out.reset_index(drop=True)
    for submission, country in corrected_country.items():
        out.loc[out["submission_id"].map(text) == submission, "country"] = country

    for col, dtype in dtypes.items():  # give columns back their types where the values allow
        try:
            out[col] = out[col].astype(dtype)
        except (TypeError, ValueError):
            pass
    for col in ADDED_COLUMNS:
        out[col] = out[col].map(text)
    return out
