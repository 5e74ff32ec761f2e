"""The ingest flow's tasks, one job each: list and hash, reuse what is cached, read one
document, write the dataset, write the run's manifest.

The reading itself is flows/reading.py's `read_one`, which worker processes run; the write
stage's pandas is imported inside its task.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NONE

from questionnaire_returns.write import ledger
from questionnaire_returns.config import settings
from questionnaire_returns.read.errors import ReadError

from flows.reading import TRANSIENT, read_one, reason_of  # noqa: F401 - reason_of: the flow reports with it
from flows.plan import ReadPlan, listing_of, make_plan, manifest_file
from flows.rawdir import RawListing

def _logger():
    """The run's logger in a flow run, else this module's (the tasks also run as plain functions)."""
    from prefect.exceptions import MissingContextError

    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger("flows.ingest")


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
    return listing_of(raw, _logger())


@task(name="reuse-cached", persist_result=False, cache_policy=NONE)
def plan_reads(listing: RawListing, out: Path, use_cache: bool) -> ReadPlan:
    """Group files by content, take unchanged contents' results from the cache, list the rest (flows/plan.py)."""
    return make_plan(listing, out, use_cache)


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
    """Read one document through the stages within the limits of config.yaml; cache the outcome by content.

    With the process runner the work runs in a warm worker process (flows/workers.py) while this
    task run waits for it in a thread of the flow's process; otherwise it runs here.
    """
    from flows.workers import current_pool

    pool = current_pool()
    args = (path, raw_root, source_file, sha256, cache_dir, version)
    return pool.read(*args) if pool is not None else read_one(*args)


def read_with_retries(path: str, raw_root: str, source_file: str = "", sha256: str = "", cache_dir: str = "",
                      version: str = "") -> dict:
    """One document of a read-documents batch, read as read-document reads it; a transient error is
    retried for this document alone (ingest.retries times), then it fails with its reason and the
    batch goes on."""
    import time

    from flows.workers import current_pool

    pool, s = current_pool(), settings().ingest
    args = (path, raw_root, source_file, sha256, cache_dir, version)
    for attempt in range(s.retries + 1):
        try:
            return pool.read(*args) if pool is not None else read_one(*args)
        except TRANSIENT as exc:
            if isinstance(exc, ReadError) or attempt == s.retries:
                return {"result": None, "failure": f"could not read after retries ({type(exc).__name__}): "
                                                   f"{reason_of(exc)}"}
            _logger().warning("%s: %s (%s); retry %d/%d in %g s", source_file, reason_of(exc), type(exc).__name__,
                              attempt + 1, s.retries, s.retry_delay_seconds)
            time.sleep(s.retry_delay_seconds)
    raise AssertionError("unreachable")


# Documents of one read-documents task run handed to the warm workers at a time: the next one is
# queued while a worker reads, so a worker never waits for its task run between documents, and two
# task runs keep both workers busy to their last document.
AHEAD = 2

_on_read: "Callable[[str, dict], None] | None" = None  # the flow's progress, told as each document is read


def on_read(callback: "Callable[[str, dict], None] | None") -> None:
    """Tell `callback(source_file, outcome)` of every document a read-documents task run of this process
    reads, as it is read (None: stop); the flow's progress advances by file, not by task run."""
    global _on_read
    _on_read = callback


def _read_and_tell(doc: dict) -> dict:
    outcome = read_with_retries(**doc)
    callback = _on_read
    if callback is not None:
        callback(doc.get("source_file", ""), outcome)
    return outcome


@task(name="read-documents", task_run_name="read {label}", persist_result=False, cache_policy=NONE)
def read_documents(docs: list[dict], label: str) -> list[dict]:
    """Several short documents in one task run (named after their files, `label`): each is read as
    read-document reads it (flows/runners.py says when documents are batched). With warm workers,
    AHEAD documents at a time are in their hands."""
    from flows.workers import current_pool

    if current_pool() is None or len(docs) < 2:
        return [_read_and_tell(d) for d in docs]
    import contextvars
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=AHEAD, thread_name_prefix="read-ahead") as ahead:
        # each thread in this task run's context, so that its log lines are this task run's
        futures = [ahead.submit(contextvars.copy_context().run, _read_and_tell, d) for d in docs]
        return [f.result() for f in futures]


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


@task(name="build-report", persist_result=False, cache_policy=NONE)
def build_report(out: Path, raw: Path, pool=None) -> str | None:
    """The summary report in out/report/, rebuilt after every run (config.yaml report.after_ingest);
    a report that cannot be built is logged and returned, and never fails the run. `pool`: a process
    that builds a part of it meanwhile (flows/workers.py report_helper)."""
    from questionnaire_returns.report.rebuild import rebuild

    return rebuild(out, raw, pool)


@task(name="write-manifest", persist_result=False, cache_policy=NONE)
def write_manifest(out: Path, started: datetime, summary: dict) -> Path:
    """runs/<time>.json, written last: its presence says the run completed."""
    return manifest_file(out, started, summary)
