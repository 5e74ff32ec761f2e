"""The ledger (normalized/submissions.csv): one row per file in raw/ and per e-mail attachment.

Rules, applied in this order:
1. identical content (sha256, non-empty files) → every later copy is a `duplicate`
   of the first (ordered by received time, then path) and shares its submission_id;
2. a file that could not be read → `failed`, with the reason;
3. a file whose document (or one of its e-mail attachments) reads as a reply to the
   questionnaire (questionnaire_returns/reply.py) is a return; a reply that names no
   country takes the country of the reply whose file it revises (the same name with a
   suffix: "X_REV1.pdf" of "X.pdf", "X_v2_korrigiert.docx" of "X.odt"); two returns from
   the same country in the same survey cycle → the latest (by submitted_on when every one gives it, else the
   revision of the other, else received time, else file name) is the current `return`,
   the others `superseded` (they stay in
   the ledger and in extracted.parquet, but only current returns reach answers.csv /
   responses.csv). Only replies supersede each other;
4. anything else (an annexed plan, law or report, a cover note, a document that is no
   return at all) is an `attachment` of a return, whatever it seems to answer: e-mail
   attachments of their e-mail; else a return of the same country (the one in the
   same folder first, else the current one); else the only return in its folder;
   else it keeps a submission_id of its own. Its answers never reach answers.csv;
5. e-mail attachments are listed as `mail.eml::att.pdf`, status `attachment` of the
   e-mail's submission; the answers of its replies merge into it (best confidence per
   field), and of the rest (a cover note, an annex) only the country, respondent type
   and date it gives.

Survey cycles: a file under a folder of raw/ whose name is a cycle (by default a year:
raw/2007/, raw/2009/; config.yaml's `cycles`) belongs to that cycle, and every row says so
(`cycle`; empty for a file in no cycle folder). Returns supersede each other only within
their cycle: a country's 2007 and 2009 returns are both current, each in its cycle. Where
rounds share a folder, a country's replies dated more than `cycles.round_gap_days` apart (and
not named as revisions of each other) are rounds of their own, each current, each in a cycle
named by its first reply's year (survey_rounds).

submission_id is a slug of the file's path relative to raw/ ("2007/Austria reply.pdf"
→ "2007-austria-reply"), unique, and kept from the previous ledger for files it
already listed, so it is stable across reruns and content changes.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Mapping

from questionnaire_returns import reply
from questionnaire_returns.write.cells import read_csv, read_csv_rows  # submissions.csv is written formula-safe

COLUMNS = [
    "source_file", "sha256", "size_bytes", "received", "form", "pages", "country",
    "language", "status", "submission_id", "reason", "cycle",
]
CYCLE_FOLDER = r"(19|20)\d\d"  # the default rule: a folder named by a year is a survey cycle
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
    cycle: str = ""  # the survey cycle (raw/<cycle>/); '' when raw/ holds no cycle folders


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


def _replies(doc) -> bool:
    """The document, or one of its e-mail attachments, reads as a reply to the questionnaire."""
    return reply.is_reply(doc) or any(reply.is_reply(att) for att in doc.attachments)


# what a document that is no reply (an e-mail's cover note, an annex) still tells of its submission
_SENDER_FIELDS = frozenset({"country", "respondent_type", "submitted_on"})


def _parts(doc) -> list:
    """The documents whose answers make a submission: replies whole, the others' sender fields only."""
    out = []
    for d in (doc, *doc.attachments):
        if reply.is_reply(d):
            out.append(d)
        else:
            out.append(dataclasses.replace(
                d, answers=tuple(a for a in d.answers if a.field in _SENDER_FIELDS), attachments=()))
    return out


def _stem(source_file: str) -> str:
    """A file's path without its extension, folded, separators as '_': what a revision extends."""
    p = PurePosixPath(source_file)
    stem = str(p.with_suffix("")) if p.suffix and len(p.suffix) <= 6 else str(p)
    return re.sub(r"[\W_]+", "_", unicodedata.normalize("NFKC", stem).casefold()).strip("_")


def _revised(sf: str, countries: Mapping[str, str]) -> str:
    """The reply with a country whose file `sf` revises or is revised by (in the same folder, one
    name extends the other: "AT_Antwort_REV1" of "AT_Antwort"), the longest such name; "" when none."""
    mine = _stem(sf)
    best = ""
    best_len = 0
    for other, country in countries.items():
        if not country or other == sf or _folder(other) != _folder(sf):
            continue
        short, long_ = sorted((mine, _stem(other)), key=len)
        if long_.startswith(short + "_") and len(short) > best_len:
            best, best_len = other, len(short)
    return best


def _revision_depth(sf: str, others: Iterable[str]) -> int:
    """How many of `others` (in the same folder) `sf` revises: their file names it extends
    ("X_REV1" revises "X", "X_REV1_corr" both)."""
    mine = _stem(sf)
    return sum(1 for o in others if o != sf and _folder(o) == _folder(sf) and mine.startswith(_stem(o) + "_"))


REVISED_CONFIDENCE = 0.75  # a country kept from the reply a file revises: a reviewer confirms it


def _kept_country(sf: str, doc, other: str, other_doc):
    """What tells a revision's submission its country: the country and respondent type answers
    of the reply it revises, less sure, with that reply named as the evidence."""
    kept = tuple(
        dataclasses.replace(a, confidence=min(a.confidence, REVISED_CONFIDENCE), rule="country.revised",
                            evidence=f"{other}: {a.evidence}"[:300], page=None, bbox=None, source_file=sf)
        for a in (*other_doc.answers, *(x for att in other_doc.attachments for x in att.answers))
        if a.field in ("country", "respondent_type")
    )
    return dataclasses.replace(doc, answers=kept, attachments=(), segments=())


def cycle_of(source_file: str, folder_rule: str = CYCLE_FOLDER, default: str = "") -> str:
    """The survey cycle of a file: the outermost folder of its path under raw/ whose whole name
    matches `folder_rule` ('2009/Austria.pdf' → '2009'), else `default`. An e-mail's attachment
    ('2009/mail.eml::a.pdf') is in its e-mail's cycle."""
    rule = re.compile(folder_rule)
    for part in PurePosixPath(source_file.split("::", 1)[0]).parts[:-1]:
        if rule.fullmatch(part):
            return part
    return default


def survey_rounds(sfs: list[str], dates: Mapping[str, str], gap_days: int) -> list[tuple[str, list[str]]]:
    """One country's replies in one folder, split into the survey rounds they answer: [(cycle, replies)].
    A reply dated more than `gap_days` after the first of its round, whose name revises none of that round's
    ("X_REV1" of "X"), opens a round of its own: a 2011 return does not correct a 2007 one, it answers
    the survey again. Each round is named by the year of its first reply ('' and all replies together when
    the replies are one round, a date is missing or gap_days is 0)."""
    if gap_days <= 0 or len(sfs) < 2 or not all(dates.get(sf) for sf in sfs):
        return [("", list(sfs))]
    out: list[list[str]] = []
    for sf in sorted(sfs, key=lambda sf: (dates[sf], sf)):
        if out:
            first = datetime.fromisoformat(dates[out[-1][0]])
            if (datetime.fromisoformat(dates[sf]) - first).days <= gap_days or _revision_depth(sf, out[-1]):
                out[-1].append(sf)
                continue
        out.append([sf])
    if len(out) == 1:
        return [("", out[0])]
    return [(dates[r[0]][:4], r) for r in out]


def _folder(source_file: str) -> str:
    return str(PurePosixPath(source_file).parent)


def _valid_date(value: str) -> str:
    return value if re.fullmatch(r"\d{4}-\d\d-\d\d", value or "") else ""


_NUMBERED_COPY = re.compile(r"\s*\(\d{1,2}\)$")  # "reply (1)", "final(2)": a copy a browser or a desktop numbered


def _copy_rank(source_file: str, same: list[str], copy_words: Iterable[str]) -> int:
    """0 for a name that reads as an original; 1 for a copy's: numbered, holding a copy word as a word of its
    own ("Copy_of_LV", "AT_KOPIE"), or extending the name of an identical file ("X_reinvio" of "X")."""
    stem = PurePosixPath(source_file).stem
    words = {w.lower() for w in re.split(r"[\W_]+", stem) if w}
    others = [PurePosixPath(o).stem.lower() for o in same if o != source_file]
    copy = (bool(_NUMBERED_COPY.search(stem)) or bool(words & {w.lower() for w in copy_words})
            or any(o and o != stem.lower() and o in stem.lower() for o in others))
    return int(copy)


def build(
    files: list[FileInfo],
    results: Mapping[str, object],
    failures: Mapping[str, str],
    previous_ids: Mapping[str, str] | None = None,
    cycle_folder: str = CYCLE_FOLDER,
    default_cycle: str = "",
    copy_words: Iterable[str] = (),
    round_gap_days: int = 0,
) -> tuple[list[dict], dict[str, Submission]]:
    """(ledger rows sorted by source_file, {submission_id: Submission} for returns and superseded).

    cycle_folder / default_cycle / round_gap_days: the survey-cycle rules (cycle_of, survey_rounds),
    config.yaml's `cycles`."""
    files = sorted(files, key=lambda f: f.source_file)
    rounds: dict[str, str] = {}  # replies given a cycle by their date (survey_rounds)

    def cycle(source_file: str) -> str:
        return rounds.get(source_file) or cycle_of(source_file, cycle_folder, default_cycle)

    info = {f.source_file: f for f in files}
    ids = assign_ids(info, previous_ids)

    # 1. duplicates: of each non-empty content, the copy whose name is no numbered copy's ("reply (1).pdf" is
    # the browser's second download of "reply.pdf"), then the first (received, path), is the primary
    primary_of: dict[str, str] = {}
    first_by_sha: dict[str, str] = {}
    copies: dict[str, list[str]] = {}
    for f in files:
        if f.size_bytes > 0 and f.sha256:
            copies.setdefault(f.sha256, []).append(f.source_file)
    for f in sorted(files, key=lambda f: (_copy_rank(f.source_file, copies.get(f.sha256, []), copy_words),
                                          f.received, f.source_file)):
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
            "cycle": cycle(source_file),
        }
        r.update(kw)
        rows[source_file] = r
        return r

    # 2. failures and units
    units: dict[str, Any] = {}  # DocResults, each reply or annex
    for f in files:
        sf = f.source_file
        if sf in primary_of:
            continue
        if sf in failures or results.get(sf) is None:
            reason = failures.get(sf) or "not processed"
            row(sf, status="failed", submission_id=ids[sf], reason=reason)
        else:
            units[sf] = results[sf]

    # 3. returns (replies), grouped by cycle and country; the latest of each is current
    returns = {sf: doc for sf, doc in units.items() if _replies(doc)}
    submissions: dict[str, Submission] = {}
    by_country: dict[tuple[str, str], list[str]] = {}
    named = {sf: _country(doc) for sf, doc in returns.items()}
    for sf, doc in returns.items():
        parts = _parts(doc)
        country = named[sf]
        other = "" if country else _revised(sf, named)
        if other:  # a revision that names no country keeps the one of the reply it revises
            country = named[other]
            parts.append(_kept_country(sf, doc, other, returns[other]))
        submissions[ids[sf]] = Submission(ids[sf], "return", country, sf, parts, cycle(sf))
        if country:
            by_country.setdefault((cycle(sf), country), []).append(sf)
    current_of_country: dict[tuple[str, str], str] = {}
    for key, every in list(by_country.items()):
        dates = {sf: _valid_date(_best(_all_answers(returns[sf]), "submitted_on")) for sf in every}
        use_dates = all(dates.values())
        for label, sfs in survey_rounds(every, dates if use_dates else {}, round_gap_days):
            for sf in sfs if label else ():
                rounds[sf] = submissions[ids[sf]].cycle = label
            ordered = sorted(sfs, key=lambda sf: (dates[sf] if use_dates else "", _revision_depth(sf, sfs),
                                                  info[sf].received, sf))
            current = ordered[-1]
            current_of_country[key] = current_of_country[(cycle(current), key[1])] = current
            for sf in ordered[:-1]:
                submissions[ids[sf]].status = "superseded"
    for sf, doc in returns.items():
        sub = submissions[ids[sf]]
        reason = ""
        if sub.status == "superseded":
            reason = f"superseded by {current_of_country[(sub.cycle, sub.country)]}"
        row(sf, doc, status=sub.status, submission_id=sub.submission_id, reason=reason, country=sub.country)

    # 4. attachments: documents that are no reply
    returns_in_folder: dict[str, list[str]] = {}
    for sf in returns:
        returns_in_folder.setdefault(_folder(sf), []).append(sf)
    for sf, doc in units.items():
        if sf in returns:
            continue
        country, folder = _country(doc), _folder(sf)
        target = None
        if country:
            same = [r for r in returns_in_folder.get(folder, []) if submissions[ids[r]].country == country]
            target = (max(same, key=lambda r: submissions[ids[r]].status == "return") if same
                      else current_of_country.get((cycle(sf), country)))
        elif len({ids[r] for r in returns_in_folder.get(folder, [])}) == 1:
            target = returns_in_folder[folder][0]
        why = reply.why_not(doc)
        if target:
            row(sf, doc, status="attachment", submission_id=ids[target], reason=f"{why}; filed with {target}")
        else:
            row(sf, doc, status="attachment", submission_id=ids[sf], reason=f"{why}; no return of its country found")

    # 5. e-mail attachments, listed under their e-mail
    for sf, doc in units.items():
        parent = rows[sf]
        for att in doc.attachments:
            name = att.source_file if "::" in att.source_file else f"{sf}::{att.source_file}"
            rows[name] = {
                "source_file": name, "sha256": "", "size_bytes": None, "received": parent["received"],
                "form": att.form or "", "pages": att.page_count, "country": att.country or "",
                "language": att.language or "", "status": "attachment",
                "submission_id": parent["submission_id"], "cycle": parent["cycle"],
                "reason": "e-mail attachment" + ("" if reply.is_reply(att) else f"; {reply.why_not(att)}"),
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
        rows = read_csv_rows(path)
    except (OSError, ValueError, csv.Error):
        return {}
    if not rows or "source_file" not in rows[0] or "sha256" not in rows[0]:
        return {}
    return {r["source_file"]: r["sha256"] for r in rows if "::" not in r["source_file"]}
