"""Where the ingest's per-document tasks run (a process pool, threads or Dask), and the loop
that feeds them a few at a time."""

from __future__ import annotations

import itertools
import logging
import tempfile
from pathlib import Path

from prefect.futures import as_completed

from flows.progress import ReadProgress
from flows.tasks import ReadPlan, read_document, reason_of
from questionnaire_returns.cache import DocCache

RUNNERS = ("process", "thread", "dask")


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

        def __exit__(self, exc_type, exc_value, traceback):
            if exc_type is not None and self._executor is not None:
                # stopped (a signal) or broken: end the workers now rather than wait for their files
                for proc in list((getattr(self._executor, "_processes", None) or {}).values()):
                    try:
                        proc.terminate()
                    except Exception:  # noqa: BLE001 - already gone
                        pass
            return super().__exit__(exc_type, exc_value, traceback)

    return OneContextProcessPool(max_workers=workers)


def task_runner(runner: str, dask_address: str | None, workers: int):
    """The task runner named `runner` (one of RUNNERS) with `workers` workers."""
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


def read_in_parallel(plan: ReadPlan, raw: Path, runner, workers: int, log: logging.Logger) -> None:
    """Read every content of plan.todo with `read_document` on `runner`; record each outcome in the plan.

    Only a few tasks are in flight at a time, not the whole batch: each submitted task holds
    its pickled call and its future in this process, which grew with the number of files.
    Results a worker cached are loaded after the reading, so they are not held while it runs.
    """
    params = dict(raw_root=str(raw), cache_dir=str(plan.cache_dir) if plan.use_cache else "", version=plan.version)

    def submit(members):
        first = members[0]
        path = plan.paths.get(first.source_file) or str(raw / first.source_file)
        return runner.submit(read_document, parameters=dict(
            path=path, source_file=first.source_file, sha256=first.sha256 if first.size_bytes else "", **params))

    queue = iter(plan.todo)
    futures = {submit(m): m for m in itertools.islice(queue, 4 * workers)}
    progress = ReadProgress(len(plan.todo), log)
    cached = []
    try:
        for _ in range(len(plan.todo)):
            fut = next(as_completed(list(futures)))
            members = futures.pop(fut)
            failed = False
            try:
                outcome = fut.result()
            except Exception as exc:  # noqa: BLE001 - retries spent: record and go on
                plan.apply(members, None, f"could not read after retries ({type(exc).__name__}): {reason_of(exc)}")
                failed = True
            else:
                failed = outcome.get("failure") is not None
                if outcome.get("cached"):
                    cached.append(members)
                else:
                    plan.apply(members, outcome["result"], outcome["failure"])
            nxt = next(queue, None)
            if nxt is not None:
                futures[submit(nxt)] = nxt
            progress.advance(members[0].source_file, failed)
    finally:
        progress.close()
    cache = DocCache(plan.cache_dir, plan.version)
    for members in cached:
        entry = cache.get(members[0].sha256) or {"result": None, "failure": "its cache entry was lost"}
        plan.apply(members, entry["result"], entry["failure"])
