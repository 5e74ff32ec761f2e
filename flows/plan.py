"""What a run must read, planned without Prefect: the listing of raw/, the cache's results of
unchanged contents, the contents left to read; and the run's manifest.

The flow's tasks (flows/tasks.py) are these functions under Prefect; a run with nothing to
read calls them directly (flows/run.py), with no Prefect server at all.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from questionnaire_returns.write import ledger
from questionnaire_returns.cache import DocCache, learned_aliases_digest, pipeline_version, rebase
from questionnaire_returns.config import Settings, settings
from questionnaire_returns.atomic_files import write_text

from flows.interrupt import uninterrupted
from flows.rawdir import RawListing, list_raw


def listing_of(raw: Path, log: logging.Logger | logging.LoggerAdapter) -> RawListing:
    """Every regular file inside raw/ with its sha256, size and arrival time; every other entry
    (a link out of raw/, a pipe, a socket, a device) with the reason it is not read (rawdir.py)."""
    listing = list_raw(raw)
    for name, reason in listing.skipped.items():
        log.warning("skipped %s: %s", name, reason)
    return listing


@dataclass
class ReadPlan:
    """What this run must read, and the results it already has (from the cache)."""

    version: str
    cache_dir: Path
    use_cache: bool
    todo: list[list[ledger.FileInfo]]  # groups of files with one content: one read each
    paths: dict[str, str] = field(default_factory=dict)  # source_file -> the real path to read
    results: dict[str, object] = field(default_factory=dict)  # source_file -> DocResult
    failures: dict[str, str] = field(default_factory=dict)  # source_file -> reason
    new: int = 0
    changed: int = 0
    reused: int = 0

    def prune_cache(self) -> None:
        """Drop the cache entries of older pipeline versions (the latest two are kept)."""
        if self.use_cache:
            DocCache(self.cache_dir, self.version).prune()

    def apply(self, members: list[ledger.FileInfo], result, failure: str | None) -> None:
        """Record one content's outcome for every file that holds it."""
        for f in members:
            if failure is not None or result is None:
                self.failures[f.source_file] = failure or "no result"
            else:
                self.results[f.source_file] = rebase(result, f.source_file)


def _cache_dir(out: Path, s: Settings) -> Path:
    return s.path("cache") if out.resolve() == s.path("normalized") else out / "cache"


def make_plan(listing: RawListing, out: Path, use_cache: bool) -> ReadPlan:
    """Group files by content, take unchanged contents' results from the cache, list the rest;
    the entries of raw/ that are not read are failures with their reasons."""
    infos = listing.infos
    s = settings()
    version = pipeline_version(s)
    taught = learned_aliases_digest(out)  # a name a reviewer taught changes what is read
    if taught:
        version = hashlib.sha256(f"{version}:{taught}".encode()).hexdigest()[:16]
    previous = ledger.previous_hashes(out / "submissions.csv")
    plan = ReadPlan(version=version, cache_dir=_cache_dir(out, s), use_cache=use_cache, todo=[],
                    paths=dict(listing.paths), failures=dict(listing.skipped))
    plan.new = sum(f.source_file not in previous for f in infos)
    plan.changed = sum(f.source_file in previous and previous[f.source_file] != f.sha256 for f in infos)
    groups: dict[str, list[ledger.FileInfo]] = {}  # one read per content; empty files each fail on their own
    for f in sorted(infos, key=lambda f: (f.received, f.source_file)):
        groups.setdefault(f.sha256 if f.size_bytes else f"empty:{f.source_file}", []).append(f)
    cache = DocCache(plan.cache_dir, version)
    for key, members in groups.items():
        entry = cache.get(key) if use_cache and members[0].size_bytes else None
        if entry is None:
            plan.todo.append(members)
        else:
            plan.apply(members, entry["result"], entry["failure"])
    plan.reused = len(groups) - len(plan.todo)
    return plan



MANIFEST_KEYS = ("files_seen", "new", "changed", "read", "failed", "fields_written", "rows_review",
                 "pipeline_version", "runner", "seconds")


def manifest_file(out: Path, started: datetime, summary: dict) -> Path:
    """runs/<time>.json, written last: its presence says the run completed."""
    manifest = {"time": started.isoformat(timespec="seconds"), **{k: summary[k] for k in MANIFEST_KEYS}}
    path = out / "runs" / f"{started.strftime('%Y%m%dT%H%M%S.%fZ')}.json"
    write_text(path, json.dumps(manifest, indent=2) + "\n")
    return path


def _log_plan(log, raw: Path, listing, plan) -> None:
    log.info("%d files in %s: %d to read, %d unchanged (cached), %d skipped, pipeline %s",
             len(listing.infos) + len(listing.skipped_infos), raw, len(plan.todo), plan.reused,
             len(listing.skipped), plan.version)


def _write(out: Path, plan, listing, started, t0: float, runner: str, write_dataset, write_manifest) -> dict:
    """The dataset and the run's manifest; a signal waits until both are whole (flows/interrupt.py)."""
    with uninterrupted():
        summary = write_dataset(out, plan, listing.infos + listing.skipped_infos)
        plan.prune_cache()
        summary.update(new=plan.new, changed=plan.changed, read=len(plan.todo), reused=plan.reused,
                       pipeline_version=plan.version, runner=runner, seconds=round(time.monotonic() - t0, 2),
                       skipped=len(listing.skipped))
        summary["manifest"] = str(write_manifest(out, started, summary))
    return summary


def _log_summary(log, summary: dict) -> None:
    log.info("%d files: %d returns, %d attachments, %d duplicates, %d superseded, %d failed; "
             "%d rows written, %d to review", summary["files_seen"], summary["returns"], summary["attachments"],
             summary["duplicates"], summary["superseded"], summary["failed"], summary["rows_written"],
             summary["rows_review"])
