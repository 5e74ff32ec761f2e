"""Where the ingest's per-document tasks run (a process pool, threads or Dask), and the loop
that feeds them a few at a time."""

from __future__ import annotations

import itertools
import logging
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from prefect.futures import as_completed

from flows.progress import ReadProgress
from flows.workers import WarmPool
from flows.tasks import ReadPlan, on_read, read_document, read_documents, reason_of
from questionnaire_returns.cache import DocCache
from questionnaire_returns.write.ledger import FileInfo

RUNNERS = ("process", "thread", "dask")

# A task run costs the flow's process and the Prefect server about 0.3 s of CPU here (its run
# created, its states and logs sent): more than reading a short return (about 0.1 s), on two cores
# the workers share with them. With many files to read, short ones share a task run, named after
# all of them: one task run per worker (RUNS_PER_WORKER), BATCH_MAX files and BATCH_BYTES at most.
# A task run hands its documents to the workers a few at a time (tasks.AHEAD), so the last task
# run still keeps every worker busy. 100 short returns (50 kB each) took 20 task runs of 5, then
# 9 of 12; now 2 of 50 (about a quarter less wall time on the bench's short corpus).
BATCH_FROM = 8  # batches only when there are more than this many files per worker to read
BATCH_MAX = 60  # files in one task run at most
BATCH_BYTES = 4 * 1024 * 1024  # files in one task run hold this much together at most
ALONE_BYTES = 1024 * 1024  # a larger file is read in a task run of its own (its name, its retries)
RUNS_PER_WORKER = 1  # task runs per worker at least, when batching


@contextmanager
def _warm_process_pool(workers: int):
    """Tasks run in threads of the flow's process; their documents are read in warm worker processes
    (flows/workers.py)."""
    from prefect.task_runners import ThreadPoolTaskRunner

    from questionnaire_returns.config import settings

    with WarmPool(workers, settings().reader.max_seconds) as pool:
        threads: ThreadPoolTaskRunner = ThreadPoolTaskRunner(max_workers=2 * workers)  # a document queued for each worker
        with threads as runner:
            try:
                yield runner
            except BaseException:
                pool.abort()  # before the thread runner waits for its tasks: they wait on the workers
                raise


def task_runner(runner: str, dask_address: str | None, workers: int):
    """The task runner named `runner` (one of RUNNERS) with `workers` workers."""
    if runner == "process":
        return _warm_process_pool(workers)
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


def read_in_parallel(plan: ReadPlan, raw: Path, runner, workers: int, log: logging.Logger | logging.LoggerAdapter) -> None:
    """Read every content of plan.todo with `read_document` on `runner`; record each outcome in the plan.

    Only a few tasks are in flight at a time, not the whole batch: each submitted task holds
    its pickled call and its future in this process, which grew with the number of files.
    Results a worker cached are loaded after the reading, so they are not held while it runs.
    """
    params = dict(raw_root=str(raw), cache_dir=str(plan.cache_dir) if plan.use_cache else "", version=plan.version)

    def call(members):
        first = members[0]
        path = plan.paths.get(first.source_file) or str(raw / first.source_file)
        return dict(path=path, source_file=first.source_file, sha256=first.sha256 if first.size_bytes else "", **params)

    def submit(batch):
        if len(batch) == 1:
            return runner.submit(read_document, parameters=call(batch[0]))
        return runner.submit(read_documents, parameters=dict(
            docs=[call(m) for m in batch], label=", ".join(m[0].source_file for m in batch)))

    queue = iter(batches(plan.todo, workers))
    progress = ReadProgress(len(plan.todo), log)
    told: set[str] = set()  # files whose progress a task run of this process told as it read them
    lock = threading.Lock()

    def tell(source_file: str, outcome: dict) -> None:
        with lock:
            if source_file not in told:
                told.add(source_file)
                progress.advance(source_file, outcome.get("failure") is not None)

    on_read(tell)
    futures = {submit(b): b for b in itertools.islice(queue, 4 * workers)}
    cached = []
    try:
        while futures:
            fut = next(as_completed(list(futures)))
            batch = futures.pop(fut)
            try:
                outcomes = fut.result()
            except Exception as exc:  # noqa: BLE001 - retries spent: record and go on
                why = f"could not read after retries ({type(exc).__name__}): {reason_of(exc)}"
                outcomes = [{"result": None, "failure": why}] * len(batch)
            else:
                outcomes = outcomes if len(batch) > 1 else [outcomes]
            nxt = next(queue, None)
            if nxt is not None:
                futures[submit(nxt)] = nxt
            for members, outcome in zip(batch, outcomes):
                if outcome.get("cached"):
                    cached.append(members)
                else:
                    plan.apply(members, outcome["result"], outcome["failure"])
                tell(members[0].source_file, outcome)
    finally:
        on_read(None)
        progress.close()
    cache = DocCache(plan.cache_dir, plan.version)
    for members in cached:
        entry = cache.get(members[0].sha256) or {"result": None, "failure": "its cache entry was lost"}
        plan.apply(members, entry["result"], entry["failure"])


def batches(todo: list[list[FileInfo]], workers: int) -> list[list[list[FileInfo]]]:
    """The contents to read, one per task run; with more than BATCH_FROM per worker, consecutive small
    ones together (at most BATCH_MAX, BATCH_BYTES together, none over ALONE_BYTES, and few enough that
    every worker has RUNS_PER_WORKER task runs or more), so that the task runs' own cost does not
    outweigh the reading."""
    if len(todo) <= BATCH_FROM * workers:
        return [[members] for members in todo]
    most = max(1, min(BATCH_MAX, len(todo) // (RUNS_PER_WORKER * max(workers, 1))))
    out: list[list[list[FileInfo]]] = []
    size = 0
    for members in todo:
        n = members[0].size_bytes
        if (out and len(out[-1]) < most and size + n <= BATCH_BYTES
                and n <= ALONE_BYTES and out[-1][0][0].size_bytes <= ALONE_BYTES):
            out[-1].append(members)
            size += n
        else:
            out.append([members])
            size = n
    return out
