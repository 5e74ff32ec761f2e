"""The process runner's workers: warm processes that read documents, behind thread-run tasks.

Prefect's own ProcessPoolTaskRunner rebuilds its settings and an API client for every task in
the worker (about 0.3 s a task on these machines, more than reading a short return), and each
of its spawned workers imports the stages and loads every language again (10-20 s). Here each
`read-document` task run runs in a thread of the flow's process, as Prefect's thread runner
runs it (its name, state, retries and logs in the UI as before), and hands its document to a
pool of worker processes forked from one server process that set up the stages once
(flows/warm.py). A worker is replaced after `MAX_TASKS_PER_WORKER` documents, so what a
worker grows stays bounded.

A worker that dies (a reader crashing the process) breaks the pool: the pool is rebuilt and
the documents that were in flight are retried (BrokenProcessPool is an OSError-like transient
for the task); a document that kills its worker every time fails after the retries. A worker
stuck in C code past reader.max_seconds (+ a grace) is ended the same way.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

MAX_TASKS_PER_WORKER = 200
GRACE_S = 30

_current: "WarmPool | None" = None


def current_pool() -> "WarmPool | None":
    """The pool the flow's tasks hand their documents to (None: read in the task's own thread)."""
    return _current


class WorkerLost(OSError):
    """The worker process reading a document ended abruptly; transient: the task is retried."""


def worker_context():
    """Workers forked from a server process that imported flows.warm once; spawn where there is no forkserver."""
    import multiprocessing

    try:
        ctx = multiprocessing.get_context("forkserver")
    except ValueError:
        return multiprocessing.get_context("spawn")
    ctx.set_forkserver_preload(["flows.warm"])
    return ctx


def start_warming() -> None:
    """Start the workers' server process now, so its set-up runs while the flow and Prefect start."""
    ctx = worker_context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


class WarmPool:
    """`with WarmPool(2): ...` makes the flow's read-document tasks read in warm worker processes."""

    def __init__(self, workers: int, max_seconds: float | None = None):
        self.workers = workers
        self.max_seconds = max_seconds
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        # documents in the workers' hands at once, whichever task runs hand them: one read and one
        # queued a worker, so the time limit a document is waited for is spent on it, not in a queue
        self._slots = threading.BoundedSemaphore(2 * max(workers, 1))

    def _new_executor(self) -> ProcessPoolExecutor:
        ctx = worker_context()
        if ctx.get_start_method() == "fork":  # a forked worker cannot be recycled (max_tasks_per_child needs spawn)
            return ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx, max_tasks_per_child=MAX_TASKS_PER_WORKER)

    def __enter__(self) -> "WarmPool":
        global _current
        self._executor = self._new_executor()
        _current = self
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        global _current
        _current = None
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is None:
            return
        if exc_type is not None:  # stopped (a signal) or broken: end the workers now, not after their files
            _terminate(executor)
        executor.shutdown(wait=exc_type is None, cancel_futures=True)

    def abort(self) -> None:
        """End the workers now (the run is stopping): the tasks waiting on them end at once, unretried."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            _terminate(executor)
            executor.shutdown(wait=False, cancel_futures=True)

    def _rebuild(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._executor is broken:
                _terminate(broken)
                broken.shutdown(wait=False, cancel_futures=True)
                self._executor = self._new_executor()

    def read(self, *args) -> dict:
        """flows.reading.read_one(*args) in a worker process."""
        from flows.reading import read_one

        return self.run(read_one, *args)

    def run(self, fn, *args):
        """fn(*args) in a worker process; WorkerLost (transient) if the process dies on the way."""
        with self._slots:
            return self._run(fn, *args)

    def _run(self, fn, *args):
        with self._lock:
            executor = self._executor
        if executor is None:
            raise RuntimeError("the worker pool is closed")
        try:
            future = executor.submit(fn, *args)
        except BrokenProcessPool:
            self._rebuild(executor)
            raise WorkerLost("a worker process had ended abruptly; the pool was restarted") from None
        timeout = self.max_seconds + GRACE_S if self.max_seconds else None
        try:
            return future.result(timeout=timeout)
        except BrokenProcessPool:
            if self._executor is None:
                raise RuntimeError("the run was stopped") from None  # not transient: no retry
            self._rebuild(executor)
            raise WorkerLost("the worker process reading it ended abruptly (a crash, or out of memory)") from None
        except FutureTimeout:
            self._rebuild(executor)  # stuck in C code: only ending its process stops it
            return {"result": None, "failure": f"reading it took longer than {self.max_seconds:g} s, the limit set in "
                                               "config.yaml (reader.max_seconds); its worker was stopped"}


def _terminate(executor: ProcessPoolExecutor) -> None:
    for proc in list((getattr(executor, "_processes", None) or {}).values()):
        try:
            proc.terminate()
        except Exception:  # noqa: BLE001 - already gone
            pass


def _import_report() -> None:
    import questionnaire_returns.report.compilation  # noqa: F401 - openpyxl, jinja2: the part it builds


@contextmanager
def report_helper(enabled: bool = True) -> Iterator[ProcessPoolExecutor | None]:
    """One process, forked from the workers' warm server, that builds a part of the report beside the
    flow's process (report/build.py: the compilation, about half of the build); its imports run as soon
    as it starts, while the dataset is written. None when not `enabled` (no warm server to fork from)."""
    if not enabled:
        yield None
        return
    pool = ProcessPoolExecutor(max_workers=1, mp_context=worker_context())
    pool.submit(_import_report)
    try:
        yield pool
    except BaseException:
        _terminate(pool)  # stopped: not after its build
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True, cancel_futures=True)
