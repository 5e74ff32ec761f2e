"""The ledger (normalized/submissions.csv): one row per file in raw/ and per e-mail attachment.

Rules, applied in this order:
1. identical content (sha256, non-empty files) → every later copy is a `duplicate`
   of the first (ordered by received time, then path) and shares its submission_id;
2. a file that could not be read → `failed`, with the reason;
3. a file whose document (with its e-mail attachments) answers at least one question
   is a return; two returns from the same country → the latest (by submitted_on when
   every one gives it, else received time, else file name) is the current `return`,
   the others `superseded` (they stay in the ledger and in extracted.parquet, but
   only current returns reach answers.csv / responses.csv);
4. a document answering no question is an `attachment` of a return: e-mail
   attachments of their e-mail; else a return of the same country (the one in the
   same folder first, else the current one); else the only return in its folder;
   else it keeps a submission_id of its own;
5. e-mail attachments are listed as `mail.eml::att.pdf`, status `attachment` of the
   e-mail's submission; their answers merge into it (best confidence per field).

submission_id is a slug of the file's path relative to raw/ ("2007/Austria reply.pdf"
→ "2007-austria-reply"), unique, and kept from the previous ledger for files it
already listed, so it is stable across reruns and content changes.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Iterable, Mapping

from questionnaire_returns.write.cells import read_csv  # submissions.csv is written formula-safe

COLUMNS = [
    "source_file", "sha256", "size_bytes", "received", "form", "pages", "country",
    "language", "status", "submission_id", "reason",
]
SKIP_NAMES = frozenset({".gitkeep", ".DS_Store", "Thumbs.db", "desktop.ini"})  # placeholders, not returns


@dataclass(frozen=True, slots=True)
class FileInfo:
    source_file: str  # relative to raw/, '/'-separated
    sha256: str
    size_bytes: int
    received: str  # file mtime, ISO 8601 UTC


@dataclass
class Submission:
    submission_id: str
    status: str  # 'return' | 'superseded'
    country: str
    source_file: str
    docs: list = field(default_factory=list)  # DocResults whose answers make the submission


def sha256_of(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def list_raw(raw: Path) -> list[Path]:
    """Every file under raw/ (recursive, sorted), except VCS folders and OS placeholder files."""
    raw = Path(raw)
    out = []
    for dirpath, dirnames, filenames in os.walk(raw):
        dirnames[:] = sorted(d for d in dirnames if d not in (".git", ".svn", ".hg"))
        for name in filenames:
            if name in SKIP_NAMES:
                continue
            out.append(Path(dirpath) / name)
    return sorted(out, key=lambda p: p.relative_to(raw).as_posix())


def file_info(path: Path, raw: Path) -> FileInfo:
    stat = path.stat()
    received = datetime.fromtimestamp(stat.st_mtime, timezone.utc).isoformat(timespec="seconds")
    return FileInfo(path.relative_to(raw).as_posix(), sha256_of(path), stat.st_size, received)


def slug(source_file: str) -> str:
    """'2007/Austria reply.pdf' → '2007-austria-reply' (letters of any script kept)."""
    p = PurePosixPath(source_file)
    stem = str(p.with_suffix("")) if p.suffix and len(p.suffix) <= 6 else str(p)
    text = unicodedata.normalize("NFKC", stem).casefold()
    text = re.sub(r"[^\w]+|_+", "-", text).strip("-")
    return text or "file-" + hashlib.sha1(source_file.encode()).hexdigest()[:8]


def assign_ids(paths: Iterable[str], previous: Mapping[str, str] | None = None) -> dict[str, str]:
    """A unique slug per path; paths the previous ledger listed keep their id."""
    previous = previous or {}
    ids: dict[str, str] = {}
    taken: set[str] = set()
    paths = sorted(set(paths))
    for p in paths:
        old = previous.get(p)
        if old and old not in taken:
            ids[p] = old
            taken.add(old)
    for p in paths:
        if p in ids:
            continue
        base = slug(p)
        sid, n = base, 2
        while sid in taken:
            sid, n = f"{base}-{n}", n + 1
        ids[p] = sid
        taken.add(sid)
    return ids


def _best(answers, name: str) -> str:
    best = None
    for a in answers:
        if a.field == name and a.value and (best is None or a.confidence > best.confidence):
            best = a
    return best.value if best else ""


def _all_answers(doc) -> list:
    out = list(doc.answers)
    for att in doc.attachments:
        out.extend(att.answers)
    return out


def _country(doc) -> str:
    if doc.country:
        return doc.country
    for att in doc.attachments:
        if att.country:
            return att.country
    return ""


def _language(doc) -> str:
    return doc.language or _best(doc.answers, "language") or ""


def _answers_questions(doc) -> bool:
    return doc.answers_questions or any(att.answers_questions for att in doc.attachments)


def _folder(source_file: str) -> str:
    return str(PurePosixPath(source_file).parent)


def _valid_date(value: str) -> str:
    return value if re.fullmatch(r"\d{4}-\d\d-\d\d", value or "") else ""


def build(
    files: list[FileInfo],
    results: Mapping[str, object],
    failures: Mapping[str, str],
    previous_ids: Mapping[str, str] | None = None,
) -> tuple[list[dict], dict[str, Submission]]:
    """(ledger rows sorted by source_file, {submission_id: Submission} for returns and superseded)."""
    files = sorted(files, key=lambda f: f.source_file)
    info = {f.source_file: f for f in files}
    ids = assign_ids(info, previous_ids)

    # 1. duplicates: the first copy (received, path) of each non-empty content is the primary
    primary_of: dict[str, str] = {}
    first_by_sha: dict[str, str] = {}
    for f in sorted(files, key=lambda f: (f.received, f.source_file)):
        if f.size_bytes > 0 and f.sha256:
            if f.sha256 in first_by_sha:
                primary_of[f.source_file] = first_by_sha[f.sha256]
                continue
            first_by_sha[f.sha256] = f.source_file

    rows: dict[str, dict] = {}

    def row(source_file: str, doc=None, **kw) -> dict:
        fi = info.get(source_file)
        r = {
            "source_file": source_file,
            "sha256": fi.sha256 if fi else "",
            "size_bytes": fi.size_bytes if fi else None,
            "received": fi.received if fi else "",
            "form": getattr(doc, "form", "") or "",
            "pages": getattr(doc, "page_count", None),
            "country": (_country(doc) if doc is not None else "") or "",
            "language": (_language(doc) if doc is not None else "") or "",
            "status": "",
            "submission_id": "",
            "reason": "",
        }
        r.update(kw)
        rows[source_file] = r
        return r

    # 2. failures and units
    units: dict[str, object] = {}
    for f in files:
        sf = f.source_file
        if sf in primary_of:
            continue
        if sf in failures or results.get(sf) is None:
            reason = failures.get(sf) or "not processed"
            row(sf, status="failed", submission_id=ids[sf], reason=reason)
        else:
            units[sf] = results[sf]

    # 3. returns, grouped by country; the latest is current
    returns = {sf: doc for sf, doc in units.items() if _answers_questions(doc)}
    submissions: dict[str, Submission] = {}
    by_country: dict[str, list[str]] = {}
    for sf, doc in returns.items():
        country = _country(doc)
        submissions[ids[sf]] = Submission(ids[sf], "return", country, sf, [doc, *doc.attachments])
        if country:
            by_country.setdefault(country, []).append(sf)
    current_of_country: dict[str, str] = {}
    for country, sfs in by_country.items():
        dates = {sf: _valid_date(_best(_all_answers(returns[sf]), "submitted_on")) for sf in sfs}
        use_dates = all(dates.values())
        ordered = sorted(sfs, key=lambda sf: (dates[sf] if use_dates else "", info[sf].received, sf))
        current = ordered[-1]
        current_of_country[country] = current
        for sf in ordered[:-1]:
            submissions[ids[sf]].status = "superseded"
    for sf, doc in returns.items():
        sub = submissions[ids[sf]]
        reason = ""
        if sub.status == "superseded":
            reason = f"superseded by {current_of_country[sub.country]}"
        row(sf, doc, status=sub.status, submission_id=sub.submission_id, reason=reason)

    # 4. attachments: documents that answer no question
    returns_in_folder: dict[str, list[str]] = {}
    for sf in returns:
        returns_in_folder.setdefault(_folder(sf), []).append(sf)
    for sf, doc in units.items():
        if sf in returns:
            continue
        country, folder = _country(doc), _folder(sf)
        target = None
        if country:
            same = [r for r in returns_in_folder.get(folder, []) if _country(returns[r]) == country]
            target = (max(same, key=lambda r: submissions[ids[r]].status == "return") if same
                      else current_of_country.get(country))
        elif len({ids[r] for r in returns_in_folder.get(folder, [])}) == 1:
            target = returns_in_folder[folder][0]
        if target:
            row(sf, doc, status="attachment", submission_id=ids[target],
                reason=f"answers no question; filed with {target}")
        else:
            row(sf, doc, status="attachment", submission_id=ids[sf],
                reason="answers no question; no return of its country found")

    # 5. e-mail attachments, listed under their e-mail
    for sf, doc in units.items():
        parent = rows[sf]
        for att in doc.attachments:
            name = att.source_file if "::" in att.source_file else f"{sf}::{att.source_file}"
            rows[name] = {
                "source_file": name, "sha256": "", "size_bytes": None, "received": parent["received"],
                "form": att.form or "", "pages": att.page_count, "country": att.country or "",
                "language": att.language or "", "status": "attachment",
                "submission_id": parent["submission_id"],
                "reason": "e-mail attachment" + ("" if att.answers_questions else "; answers no question"),
            }

    # 1'. duplicates copy their primary's description
    for sf, first in primary_of.items():
        p = rows[first]
        rows[sf] = {
            **p,
            "source_file": sf,
            "sha256": info[sf].sha256,
            "size_bytes": info[sf].size_bytes,
            "received": info[sf].received,
            "status": "duplicate",
            "reason": f"same content as {first}",
        }

    return [rows[k] for k in sorted(rows)], submissions


def previous_ids(path: Path) -> dict[str, str]:
    """source_file → submission_id from an existing submissions.csv (empty when none)."""
    try:
        df = read_csv(path)
    except (OSError, ValueError):
        return {}
    if "source_file" not in df or "submission_id" not in df:
        return {}
    statuses = df["status"] if "status" in df else [""] * len(df)
    rows = [(s, i, st) for s, i, st in zip(df["source_file"], df["submission_id"], statuses) if i and "::" not in s]
    # an id is a file's own unless it was filed under another file's id (duplicates, attachments)
    owners = {i for s, i, st in rows if st in ("return", "superseded", "failed")}
    return {s: i for s, i, st in rows
            if st in ("return", "superseded", "failed") or (st == "attachment" and i not in owners)}


def previous_hashes(path: Path) -> dict[str, str]:
    """source_file → sha256 from an existing submissions.csv (to tell new from changed files)."""
    try:
        df = read_csv(path)
    except (OSError, ValueError):
        return {}
    if "source_file" not in df or "sha256" not in df:
        return {}
    return {s: h for s, h in zip(df["source_file"], df["sha256"]) if "::" not in s}
