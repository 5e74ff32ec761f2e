"""The ingest flow's tasks, one job each: list and hash, reuse what is cached, read one
document, write the dataset, write the run's manifest.

Worker processes unpickle `read_document` from this module, so it imports only what
reading needs; the write stage's pandas is imported inside its task.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NONE

from questionnaire_returns import ledger, pipeline
from questionnaire_returns.cache import DocCache, learned_aliases_digest, pipeline_version, rebase
from questionnaire_returns.config import Settings, settings
from questionnaire_returns.read.errors import ReadError
from questionnaire_returns.write.atomic import write_text

from flows.deadline import OverTime, within
from flows.rawdir import RawListing, list_raw

TRANSIENT = (OSError, TimeoutError)


def reason_of(exc: BaseException) -> str:
    """What staff read: a ReadError's own words, else the error's message or its type."""
    return getattr(exc, "reason", None) or str(exc) or type(exc).__name__


def _retry_transient(task, task_run, state) -> bool:
    """Retry only transient errors (OSError, TimeoutError), never a file that cannot be read."""
    try:
        state.result()
    except Exception as exc:  # noqa: BLE001
        return isinstance(exc, TRANSIENT) and not isinstance(exc, ReadError)
    return False


@task(name="list-and-hash", persist_result=False, cache_policy=NONE)
def list_and_hash(raw: Path) -> RawListing:
    """Every regular file inside raw/ with its sha256, size and arrival time; every other entry
    (a link out of raw/, a pipe, a socket, a device) with the reason it is not read (rawdir.py)."""
    listing = list_raw(raw)
    if listing.skipped:
        log = get_run_logger()
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


@task(name="reuse-cached", persist_result=False, cache_policy=NONE)
def plan_reads(listing: RawListing, out: Path, use_cache: bool) -> ReadPlan:
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


@task(
    name="read-document",
    task_run_name="read {source_file}",
    retries=settings().ingest.retries,
    retry_delay_seconds=settings().ingest.retry_delay_seconds,
    retry_condition_fn=_retry_transient,
    persist_result=False,
    cache_policy=NONE,
)
def read_document(path: str, raw_root: str, source_file: str = "", sha256: str = "", cache_dir: str = "",
                  version: str = "") -> dict:
    """Read one document through the stages (pipeline.process_file) within the limits of config.yaml
    (reader.max_seconds here; pages and inflated size in the readers); cache the outcome by content."""
    try:
        with within(settings().reader.max_seconds, source_file or path):
            result, failure = pipeline.process_file(Path(path), Path(raw_root)), None
    except ReadError as exc:
        result, failure = None, reason_of(exc)
    except OverTime as exc:
        result, failure = None, str(exc)
    except TRANSIENT:
        raise  # retried by Prefect; recorded as a failure when the retries are spent
    except MemoryError:
        result, failure = None, "it needs more memory than this machine has: not read"
    except Exception as exc:  # noqa: BLE001 - a bug in a stage: this file fails, the batch goes on
        return {"result": None, "failure": f"pipeline error: {type(exc).__name__}: {exc}"}  # not cached
    if cache_dir and sha256:
        DocCache(cache_dir, version).put(sha256, result, failure)
        return {"cached": True, "failure": failure}  # the flow reads the result back from the cache
    return {"result": result, "failure": failure}


@task(
    name="write-dataset",
    retries=settings().ingest.retries,
    retry_delay_seconds=settings().ingest.retry_delay_seconds,
    retry_condition_fn=_retry_transient,
    persist_result=False,
    cache_policy=NONE,
)
def write_dataset(out: Path, plan: ReadPlan, infos: list[ledger.FileInfo]) -> dict:
    """The ledger, routing and the dataset files (questionnaire_returns/write); every file is
    written atomically, so a retry after a transient error starts clean."""
    from questionnaire_returns.write.dataset import write_run  # pandas: never in the workers

    return write_run(out, plan.results, plan.failures, settings(), files=infos)


MANIFEST_KEYS = ("files_seen", "new", "changed", "read", "failed", "fields_written", "rows_review",
                 "pipeline_version", "runner", "seconds")


@task(name="write-manifest", persist_result=False, cache_policy=NONE)
def write_manifest(out: Path, started: datetime, summary: dict) -> Path:
    """runs/<time>.json, written last: its presence says the run completed."""
    manifest = {"time": started.isoformat(timespec="seconds"), **{k: summary[k] for k in MANIFEST_KEYS}}
    path = out / "runs" / f"{started.strftime('%Y%m%dT%H%M%S.%fZ')}.json"
    write_text(path, json.dumps(manifest, indent=2) + "\n")
    return path
