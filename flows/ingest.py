"""The ingest flow: every file in raw/ → the normalised dataset in normalized/.

    list raw/ → hash each file → reuse cached results of unchanged content →
    one task per new or changed document (read → segment → extract → resolve),
    run in parallel → the write stage (ledger, routing, dataset) → run manifest

Run it with `returns ingest`, or from Python with `run_ingest(raw, out)`, which
makes sure a Prefect API is up first (see questionnaire_returns/prefect_env.py).
A bad file never stops the batch: it is recorded in failures.csv and the ledger.
"""

from __future__ import annotations

import questionnaire_returns.prefect_env  # noqa: F401  - offline Prefect settings, before prefect

import hashlib
import importlib
import itertools
import json
import os
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.futures import as_completed

from questionnaire_returns import ledger
from questionnaire_returns.cache import DocCache, learned_aliases_digest, pipeline_version, rebase
from questionnaire_returns.config import settings
from questionnaire_returns.runlock import run_lock
from questionnaire_returns.write.atomic import write_text

DEFAULT_PROCESSOR = "questionnaire_returns.pipeline:process_file"
RUNNERS = ("process", "thread", "dask")
TRANSIENT = (OSError, TimeoutError)


def _load(processor: str):
    module, _, name = processor.partition(":")
    return getattr(importlib.import_module(module), name)


def _is_read_error(exc: BaseException) -> bool:
    """A ReadError (the file cannot be read): a failure to record, never retried."""
    try:
        from questionnaire_returns.read.errors import ReadError
    except ImportError:
        ReadError = None
    return (ReadError is not None and isinstance(exc, ReadError)) or type(exc).__name__ == "ReadError"


def _reason(exc: BaseException) -> str:
    return getattr(exc, "reason", None) or str(exc) or type(exc).__name__


def _retry_transient(task, task_run, state) -> bool:
    """Retry only transient errors (OSError, TimeoutError), never a ReadError."""
    try:
        state.result()
    except Exception as exc:  # noqa: BLE001
        return isinstance(exc, TRANSIENT) and not _is_read_error(exc)
    return False


@task(
    name="process-one",
    retries=settings().ingest.retries,
    retry_delay_seconds=settings().ingest.retry_delay_seconds,
    retry_condition_fn=_retry_transient,
    persist_result=False,
    cache_policy=NONE,
)
def process_one(path: str, raw_root: str, sha256: str = "", cache_dir: str = "", version: str = "",
                processor: str = DEFAULT_PROCESSOR) -> dict:
    """Read one document and run it through the stages; cache the outcome by content."""
    try:
        result, failure = _load(processor)(Path(path), Path(raw_root)), None
    except Exception as exc:  # noqa: BLE001
        if _is_read_error(exc):
            result, failure = None, _reason(exc)
        elif isinstance(exc, TRANSIENT):
            raise  # retried by Prefect; recorded as a failure when the retries are spent
        else:  # a bug in a stage: this file fails, the batch goes on (not cached: tried again next run)
            return {"result": None, "failure": f"pipeline error: {type(exc).__name__}: {exc}"}
    if cache_dir and sha256:
        DocCache(cache_dir, version).put(sha256, result, failure)
        return {"cached": True, "failure": failure}  # the flow reads the result back from the cache
    return {"result": result, "failure": failure}


def _processor_version(processor: str) -> str:
    module = importlib.import_module(processor.partition(":")[0])
    code = Path(module.__file__).read_bytes() if getattr(module, "__file__", None) else b""
    return hashlib.sha256(processor.encode() + b"\0" + code).hexdigest()[:16]


def _names_reapplier():
    """questionnaire_returns.resolve.reapply(DocResult) -> DocResult, when the resolver offers it."""
    try:
        from questionnaire_returns import resolve
    except ImportError:
        return None
    return getattr(resolve, "reapply", None)


def _process_pool(workers: int):
    """Prefect's ProcessPoolTaskRunner, serializing the Prefect context once per run.

    The stock runner serializes the whole context (flow run, settings) for every task,
    about 80 ms of the parent's CPU per document on these machines; within one ingest
    run that context is the same for every document, so it is computed once.
    """
    import prefect.context as prefect_context
    from prefect.task_runners import ProcessPoolTaskRunner

    class OneContextProcessPool(ProcessPoolTaskRunner):
        _context = None

        def submit(self, task, parameters, wait_for=None, dependencies=None):
            if self._context is None:
                self._context = prefect_context.serialize_context()
            original = prefect_context.serialize_context
            prefect_context.serialize_context = lambda *a, **k: self._context
            try:
                return super().submit(task, parameters, wait_for=wait_for, dependencies=dependencies)
            finally:
                prefect_context.serialize_context = original

    return OneContextProcessPool(max_workers=workers)


def _task_runner(runner: str, dask_address: str | None, workers: int):
    if runner == "process":
        return _process_pool(workers)
    if runner == "thread":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=workers)
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        scratch = Path(tempfile.gettempdir()) / "returns-dask"
        scratch.mkdir(exist_ok=True)
        return DaskTaskRunner(
            cluster_class="distributed.LocalCluster",
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                            "dashboard_address": None, "local_directory": str(scratch)},
        )
    raise ValueError(f"unknown runner {runner!r}: use one of {', '.join(RUNNERS)}")


def _cache_dir(out: Path) -> Path:
    s = settings()
    if out.resolve() == s.path("normalized"):
        return s.path("cache")
    return out / "cache"


@flow(name="ingest", log_prints=False)
def ingest(raw: Path, out: Path, runner: str = "process", dask_address: str | None = None,
           processor: str = DEFAULT_PROCESSOR, use_cache: bool = True) -> dict:
    """Turn every file under `raw` into the normalised dataset in `out`; return the run summary."""
    log = get_run_logger()
    s = settings()
    raw, out = Path(raw).resolve(), Path(out).resolve()
    if runner not in RUNNERS:
        raise ValueError(f"unknown runner {runner!r}: use one of {', '.join(RUNNERS)}")
    if not raw.is_dir():
        raise FileNotFoundError(f"raw folder {raw} does not exist")
    started, t0 = datetime.now(timezone.utc), time.monotonic()
    with run_lock(out):
        infos = []
        for p in ledger.list_raw(raw):
            try:
                infos.append(ledger.file_info(p, raw))
            except OSError as exc:  # vanished or unreadable between listing and hashing
                log.warning("cannot open %s: %s", p, exc)
        reapply = _names_reapplier()
        taught = "" if reapply else learned_aliases_digest(out)
        if processor == DEFAULT_PROCESSOR:
            version = pipeline_version(s)
        else:  # another processor (the tests' stand-in): its own module's code is what reads
            version = _processor_version(processor)
        if taught:
            version = hashlib.sha256(f"{version}:{taught}".encode()).hexdigest()[:16]
        cache_dir = _cache_dir(out)
        cache = DocCache(cache_dir, version)
        previous = ledger.previous_hashes(out / "submissions.csv")
        new = [f.source_file for f in infos if f.source_file not in previous]
        changed = [f.source_file for f in infos if f.source_file in previous and previous[f.source_file] != f.sha256]

        # one read per distinct content; empty files each fail on their own
        groups: dict[str, list[ledger.FileInfo]] = {}
        for f in sorted(infos, key=lambda f: (f.received, f.source_file)):
            groups.setdefault(f.sha256 if f.size_bytes else f"empty:{f.source_file}", []).append(f)
        results: dict[str, object] = {}
        failures: dict[str, str] = {}

        def apply(members, result, failure) -> None:
            for f in members:
                if failure is not None or result is None:
                    failures[f.source_file] = failure or "no result"
                else:
                    results[f.source_file] = rebase(result, f.source_file)

        todo = []
        for key, members in groups.items():
            entry = cache.get(key) if use_cache and members[0].size_bytes else None
            if entry is not None:
                result = entry["result"]
                if result is not None and reapply is not None:
                    result = reapply(result)  # names the reviewers taught since it was read
                apply(members, result, entry["failure"])
            else:
                todo.append(members)
        log.info("%d files in %s: %d to read, %d unchanged (cached), pipeline %s",
                 len(infos), raw, len(todo), len(groups) - len(todo), version)

        if todo:
            params = dict(raw_root=str(raw), cache_dir=str(cache_dir) if use_cache else "",
                          version=version, processor=processor)
            log.info("reading %d files (%s runner, %d workers)", len(todo), runner, s.ingest.workers)
            fresh = []  # groups their worker cached: loaded after the reading, not held while it runs
            with _task_runner(runner, dask_address, s.ingest.workers) as task_runner:
                def submit(members):
                    first = members[0]
                    return task_runner.submit(process_one, parameters=dict(
                        path=str(raw / first.source_file),
                        sha256=first.sha256 if first.size_bytes else "", **params))

                # a few tasks in flight, not the whole batch: each submitted task holds its pickled
                # call and its future in this process, which grew with the number of files
                queue = iter(todo)
                futures = {submit(m): m for m in itertools.islice(queue, 4 * s.ingest.workers)}
                step = 1 if len(todo) <= 100 else max(len(todo) // 50, 1)
                for done in range(1, len(todo) + 1):
                    fut = next(as_completed(list(futures)))
                    members = futures.pop(fut)
                    try:
                        outcome = fut.result()
                    except Exception as exc:  # noqa: BLE001 - retries spent: record and go on
                        apply(members, None, f"could not read after retries ({type(exc).__name__}): {_reason(exc)}")
                    else:
                        if outcome.get("cached"):
                            fresh.append(members)
                        else:
                            apply(members, outcome["result"], outcome["failure"])
                    nxt = next(queue, None)
                    if nxt is not None:
                        futures[submit(nxt)] = nxt
                    if done % step == 0 or done == len(todo):
                        log.info("%d/%d files", done, len(todo))
            for members in fresh:
                entry = cache.get(members[0].sha256) or {"result": None, "failure": "its cache entry was lost"}
                apply(members, entry["result"], entry["failure"])

        summary = write_stage(out, results, failures, s, infos)
        if use_cache:
            cache.prune()
        summary.update(
            new=len(new), changed=len(changed), read=len(todo), reused=len(groups) - len(todo),
            pipeline_version=version, runner=runner, seconds=round(time.monotonic() - t0, 2),
        )
        manifest = {
            "time": started.isoformat(timespec="seconds"),
            "files_seen": summary["files_seen"],
            "new": summary["new"],
            "changed": summary["changed"],
            "read": summary["read"],
            "failed": summary["failed"],
            "fields_written": summary["fields_written"],
            "rows_review": summary["rows_review"],
            "pipeline_version": version,
            "runner": runner,
            "seconds": summary["seconds"],
        }
        runs = out / "runs"
        name = started.strftime("%Y%m%dT%H%M%S.%fZ")
        write_text(runs / f"{name}.json", json.dumps(manifest, indent=2) + "\n")  # last: the run is complete
        summary["manifest"] = str(runs / f"{name}.json")
    log.info("%d files: %d returns, %d attachments, %d duplicates, %d superseded, %d failed; "
             "%d rows written, %d to review", summary["files_seen"], summary["returns"], summary["attachments"],
             summary["duplicates"], summary["superseded"], summary["failed"], summary["rows_written"],
             summary["rows_review"])
    return summary


@task(name="write-dataset", persist_result=False, cache_policy=NONE)
def write_stage(out: Path, results: dict, failures: dict, s, infos: list) -> dict:
    """The ledger, routing and the dataset files (questionnaire_returns/write)."""
    # imported here: the worker processes unpickle process_one from this module, and the
    # write stage's pandas would cost each of them ~60 MB for nothing
    from questionnaire_returns.write.dataset import write_run

    return write_run(out, results, failures, s, files=infos)


def run_ingest(raw: Path | None = None, out: Path | None = None, runner: str | None = None,
               dask_address: str | None = None, processor: str = DEFAULT_PROCESSOR,
               use_cache: bool = True) -> dict:
    """Run the ingest flow with a Prefect API up (a local temporary one when none is configured)."""
    from questionnaire_returns.prefect_env import local_api

    s = settings()
    raw = Path(raw) if raw else s.path("raw")
    out = Path(out) if out else s.path("normalized")
    with local_api():
        return ingest(raw=raw, out=out, runner=runner or s.ingest.runner, dask_address=dask_address,
                      processor=processor, use_cache=use_cache)


if __name__ == "__main__":  # python -m flows.ingest [RAW] [OUT]
    import sys

    print(json.dumps(run_ingest(*(Path(a) for a in sys.argv[1:3])), indent=2, default=str))
