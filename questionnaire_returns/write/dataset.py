"""The write stage: the ledger, the extractor's suggestions, and the published dataset.

`write_run` (once per ingest run) writes, under normalized/:
  submissions.csv    the ledger (questionnaire_returns/write/ledger.py)
  extracted.parquet  the extractor's suggestion per (submission, field), routed
                     (auto / review; `superseded` for returns a later one replaced);
                     never edited by corrections
  failures.csv       every file (or page) that could not be read, with the reason
  unknown_names.csv  names no alias table knew (kind, name, times_seen, files)
then calls `publish`.

`publish(data_dir, store)` (after every run and after every save in the review app)
lays the reviewers' corrections over extracted.parquet's current returns and writes
  answers.csv / answers.parquet  the long table, one row per (submission, field)
  responses.csv                  the wide table, one row per country
  review_queue.csv               the rows with status `review`
  datapackage.json               the Frictionless data package describing them (write/datapackage.py)
Every file is written atomically (atomic_files.py); rows are sorted.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Mapping

import pandas as pd
from filelock import FileLock

from questionnaire_returns.write import ledger as ledger_mod
from questionnaire_returns.score import routing
from questionnaire_returns.atomic_files import sweep_temp_files, write_parquet
from questionnaire_returns.write.cells import write_csv
from questionnaire_returns.write.cells import read_csv
from questionnaire_returns.write.datapackage import write_datapackage

EXTRACTED = "extracted.parquet"
SUBMISSIONS = "submissions.csv"
FAILURES = "failures.csv"
UNKNOWN_NAMES = "unknown_names.csv"
ANSWERS_CSV = "answers.csv"
ANSWERS_PARQUET = "answers.parquet"
RESPONSES = "responses.csv"
REVIEW_QUEUE = "review_queue.csv"
LOCK = ".dataset.lock"  # publish's own lock (the review app holds .publish.lock around its calls)

EXTRACTED_COLUMNS = [
    "submission_id", "country", "cycle", "field", "question", "value", "confidence", "status",
    "evidence", "source_file", "page", "bbox", "rule", "note",
]
ANSWER_COLUMNS = [
    "submission_id", "country", "cycle", "field", "value", "confidence", "status", "evidence",
    "source_file", "page", "question", "bbox", "rule", "note", "extracted_value",
    "reviewer", "corrected_at",
]
FAILURE_COLUMNS = ["source_file", "page", "reason", "seen_at"]
UNKNOWN_COLUMNS = ["kind", "name", "times_seen", "files"]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _contract():
    from questionnaire_returns.contract import CONTRACT

    return CONTRACT


def field_order() -> dict[str, int]:
    return {f: i for i, f in enumerate(_contract().fields)}


def _question(field: str) -> str:
    try:
        return _contract().field(field).question or ""
    except KeyError:
        return ""


def _bbox(bbox) -> str:
    if not bbox:
        return ""
    return ",".join(f"{float(v):.1f}".rstrip("0").rstrip(".") for v in bbox)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _sort_rows(df: pd.DataFrame) -> pd.DataFrame:
    order = field_order()
    if df.empty:
        return df.reset_index(drop=True)
    key = df["field"].map(lambda f: order.get(f, len(order)))
    return (
        df.assign(_o=key)
        .sort_values(["submission_id", "_o", "field", "source_file"], kind="mergesort")
        .drop(columns="_o")
        .reset_index(drop=True)
    )


def _typed(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    for col in columns:
        if col not in df.columns:
            df[col] = None
    df = df[columns + [c for c in df.columns if c not in columns]].copy()
    if "confidence" in df:
        df["confidence"] = pd.to_numeric(df["confidence"], errors="coerce").fillna(0.0).astype(float)
    if "page" in df:
        df["page"] = pd.to_numeric(df["page"], errors="coerce").astype("Int64")
    for col in df.columns:
        if col not in ("confidence", "page"):
            df[col] = df[col].map(_text).astype(object)
    return df


def _as_results(results) -> dict:
    if isinstance(results, Mapping):
        return dict(results)
    return {r.source_file: r for r in results}


def _as_failures(failures) -> dict[str, str]:
    if isinstance(failures, Mapping):
        return {k: str(v) for k, v in failures.items()}
    out = {}
    for item in failures or ():
        if isinstance(item, (tuple, list)):
            out[item[0]] = str(item[-1])
        else:  # an exception with source_file / reason (ReadError)
            out[item.source_file] = getattr(item, "reason", str(item))
    return out


def extracted_rows(submissions: Mapping[str, ledger_mod.Submission], review) -> pd.DataFrame:
    """One row per (submission, field): the best-confidence answer of the submission's documents."""
    rows: list[dict] = []
    for sid, sub in submissions.items():
        best: dict[str, tuple] = {}
        for doc in sub.docs:
            for a in doc.answers:
                if a.field not in best or a.confidence > best[a.field][0].confidence:
                    best[a.field] = (a, doc)
        for fname, (a, doc) in best.items():
            row = {
                "submission_id": sid,
                "country": sub.country,
                "cycle": sub.cycle,
                "field": fname,
                "question": _question(fname),
                "value": a.value,
                "confidence": float(a.confidence),
                "status": "",
                "evidence": a.evidence,
                "source_file": a.source_file or doc.source_file,
                "page": a.page,
                "bbox": _bbox(a.bbox),
                "rule": a.rule,
                "note": a.note,
            }
            if sub.status == "return":
                routing.route(row, review)
            else:
                row["status"] = "superseded"
            rows.append(row)
        if sub.status == "return":
            for row in routing.required_missing(sid, sub.country, best, review):
                row["question"] = _question(row["field"])
                row["cycle"] = sub.cycle
                rows.append(row)
    df = pd.DataFrame(rows, columns=EXTRACTED_COLUMNS)
    return _sort_rows(_typed(df, EXTRACTED_COLUMNS))


def _previous_seen(path: Path) -> dict[tuple[str, str, str], str]:
    try:
        df = read_csv(path)
        return {(r.source_file, r.page, r.reason): r.seen_at for r in df.itertuples()}
    except (OSError, ValueError, AttributeError):
        return {}


def write_run(out_dir: Path, results, failures, settings, files: list | None = None) -> dict:
    """Write the ledger, extracted.parquet, failures.csv and unknown_names.csv, then publish.

    results: {source_file: DocResult} (or DocResults); failures: {source_file: reason}
    (or (source_file, reason) pairs, or ReadErrors); files: ledger.FileInfo for every
    file in raw/ (hash, size, mtime), defaulting to what results and failures name.
    Returns counts for the run summary.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    sweep_temp_files(out_dir)
    results, failures = _as_results(results), _as_failures(failures)
    if files is None:
        names = sorted(set(results) | set(failures))
        files = [ledger_mod.FileInfo(n, "", 1, "") for n in names]
    cycles = getattr(settings, "cycles", None)
    rows, submissions = ledger_mod.build(
        files, results, failures, ledger_mod.previous_ids(out_dir / SUBMISSIONS),
        cycle_folder=cycles.folder if cycles else ledger_mod.CYCLE_FOLDER,
        default_cycle=cycles.default if cycles else "",
        round_gap_days=cycles.round_gap_days if cycles else 0,
        copy_words=settings.duplicates.copy_words if hasattr(settings, "duplicates") else (),
    )
    ledger_df = pd.DataFrame(rows, columns=ledger_mod.COLUMNS)
    ledger_df["size_bytes"] = pd.to_numeric(ledger_df["size_bytes"], errors="coerce").astype("Int64")
    ledger_df["pages"] = pd.to_numeric(ledger_df["pages"], errors="coerce").astype("Int64")

    extracted = extracted_rows(submissions, settings.review)

    # failures: unreadable files, and unreadable pages of files that were read
    now = _now()
    seen = _previous_seen(out_dir / FAILURES)
    fail_rows = []
    for r in rows:
        if r["status"] == "failed":
            fail_rows.append((r["source_file"], "", r["reason"]))
    primaries = {r["source_file"] for r in rows if r["status"] != "duplicate"}
    unknown: Counter = Counter()
    unknown_files: dict[tuple[str, str], set] = defaultdict(set)
    for sf, doc in sorted(results.items()):
        if doc is None or sf not in primaries:
            continue
        for d in (doc, *doc.attachments):
            name = d.source_file if d is doc or "::" in d.source_file else f"{sf}::{d.source_file}"
            for page, reason in d.unreadable_pages:
                fail_rows.append((name, str(page), reason))
            for kind, written in d.unknown_names:
                unknown[(kind, written)] += 1
                unknown_files[(kind, written)].add(name)
    failures_df = pd.DataFrame(
        [(sf, page, reason, seen.get((sf, page, reason), now)) for sf, page, reason in sorted(set(fail_rows))],
        columns=FAILURE_COLUMNS,
    )
    unknown_df = pd.DataFrame(
        [(k, n, c, ";".join(sorted(unknown_files[(k, n)]))) for (k, n), c in sorted(unknown.items())],
        columns=UNKNOWN_COLUMNS,
    )

    lock = FileLock(str(out_dir / LOCK), timeout=600)
    with lock:
        write_parquet(extracted, out_dir / EXTRACTED)
        write_csv(failures_df, out_dir / FAILURES)
        write_csv(unknown_df, out_dir / UNKNOWN_NAMES)
        write_csv(ledger_df, out_dir / SUBMISSIONS)
        published = publish(out_dir, None, _locked=True)

    statuses = Counter(r["status"] for r in rows if "::" not in r["source_file"])
    return {
        "files_seen": sum(1 for r in rows if "::" not in r["source_file"]),
        "returns": statuses["return"],
        "attachments": statuses["attachment"],
        "email_attachments": sum(1 for r in rows if "::" in r["source_file"]),
        "duplicates": statuses["duplicate"],
        "superseded": statuses["superseded"],
        "failed": statuses["failed"],
        "failures": [(r["source_file"], r["reason"]) for r in rows if r["status"] == "failed"],
        "unreadable_pages": int((failures_df["page"] != "").sum()),
        "extracted_rows": len(extracted),
        "rows_written": published["rows"],
        "rows_review": published["review"],
        "fields_written": published["rows"],
        "dataset": str(out_dir),
    }


def _merge_corrections(current: pd.DataFrame, data_dir: Path, store) -> pd.DataFrame:
    """The current rows with the reviewers' latest corrections laid over them (from `store`,
    else from data_dir's own corrections store, opened and closed here)."""
    from questionnaire_returns.corrections.merge import merge
    from questionnaire_returns.corrections.store import CorrectionStore, store_url_for

    own = store is None
    if own:
        store = CorrectionStore(store_url_for(data_dir))
    try:
        return merge(current, store.latest())
    finally:
        if own:
            store.close()


def responses_table(answers: pd.DataFrame, ledger_df: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per current return (so one per country and cycle): submission_id, cycle, then one
    column per contract field."""
    fields = list(_contract().fields)
    filled = answers[answers["value"].map(_text) != ""]
    wide: dict[str, dict] = defaultdict(dict)
    country_of: dict[str, str] = {}
    for sid, field, value in zip(filled["submission_id"], filled["field"], filled["value"]):
        wide[sid][field] = _text(value)
    cycle_of: dict[str, str] = {}
    for sid, country in zip(answers["submission_id"], answers["country"]):
        if _text(country):
            country_of.setdefault(sid, _text(country))
    if "cycle" in answers:
        for sid, cycle in zip(answers["submission_id"], answers["cycle"]):
            cycle_of.setdefault(sid, _text(cycle))
    sids = set(answers["submission_id"].map(_text))
    if ledger_df is not None and not ledger_df.empty:
        cycles = ledger_df["cycle"] if "cycle" in ledger_df else [""] * len(ledger_df)
        for sid, status, country, cycle in zip(ledger_df["submission_id"], ledger_df["status"], ledger_df["country"], cycles):
            if status == "return":
                sids.add(sid)
                if country:
                    country_of.setdefault(sid, country)
                cycle_of.setdefault(sid, cycle or "")
    rows = []
    for sid in sids:
        row = {"submission_id": sid, "cycle": cycle_of.get(sid, ""), **{f: wide[sid].get(f, "") for f in fields}}
        if not row.get("country"):
            row["country"] = country_of.get(sid, "")
        rows.append(row)
    df = pd.DataFrame(rows, columns=["submission_id", "cycle", *fields])
    return df.sort_values(["cycle", "country", "submission_id"], kind="mergesort").reset_index(drop=True)


def publish(data_dir: Path, store=None, _locked: bool = False) -> dict:
    """Lay the latest corrections over extracted.parquet and write the published files.

    `store` is a CorrectionStore (its `.latest()` is applied through
    questionnaire_returns.corrections.merge.merge); None opens the folder's own store when
    the review package is installed, and publishes without corrections otherwise.
    Safe to call concurrently (a file lock); cheap (no document is read).
    """
    data_dir = Path(data_dir)
    if not _locked:
        with FileLock(str(data_dir / LOCK), timeout=600):
            return publish(data_dir, store, _locked=True)
    path = data_dir / EXTRACTED
    extracted = pd.read_parquet(path) if path.exists() else pd.DataFrame(columns=EXTRACTED_COLUMNS)
    try:
        ledger_df = read_csv(data_dir / SUBMISSIONS)
    except (OSError, ValueError):
        ledger_df = pd.DataFrame(columns=ledger_mod.COLUMNS)
    current_ids = set(ledger_df.loc[ledger_df["status"] == "return", "submission_id"]) if not ledger_df.empty else set()
    current = extracted[extracted["submission_id"].isin(current_ids)].reset_index(drop=True)
    answers = _merge_corrections(current, data_dir, store)
    answers = _sort_rows(_typed(answers, ANSWER_COLUMNS))
    review = answers[answers["status"] == "review"].reset_index(drop=True)
    write_csv(answers, data_dir / ANSWERS_CSV)
    write_parquet(answers, data_dir / ANSWERS_PARQUET)
    write_csv(review, data_dir / REVIEW_QUEUE)
    write_csv(responses_table(answers, ledger_df), data_dir / RESPONSES)
    write_datapackage(data_dir)
    return {"rows": len(answers), "review": len(review)}
