"""The process runner's warm workers: set up once, a crashed or stuck worker replaced, the batch going on."""

from __future__ import annotations

import os
import time

import pytest

from flows import workers
from flows.workers import WarmPool, WorkerLost


def crash(code: int) -> None:
    os._exit(code)  # a reader taking its process down (a segfault in C code, the OOM killer)


def stuck(seconds: float) -> str:
    time.sleep(seconds)  # stands for C code that no signal reaches
    return "done"


def languages_loaded() -> list:
    from questionnaire_returns.language.patterns import patterns_for

    return [patterns_for.cache_info().currsize, os.getpid()]


def heavy_modules() -> list:
    import sys

    return [m for m in ("prefect", "pandas", "matplotlib") if m in sys.modules]


def test_a_worker_that_dies_fails_its_document_and_the_pool_goes_on():
    with WarmPool(2) as pool:
        with pytest.raises(WorkerLost):
            pool.run(crash, 3)
        assert pool.run(pow, 2, 5) == 32  # a new pool took its place


def test_a_worker_stuck_past_the_limit_is_stopped(monkeypatch):
    monkeypatch.setattr(workers, "GRACE_S", 0.5)
    with WarmPool(2, max_seconds=1) as pool:
        t0 = time.monotonic()
        outcome = pool.run(stuck, 60)
        assert time.monotonic() - t0 < 20
        assert "longer than 1 s" in outcome["failure"] and "worker was stopped" in outcome["failure"]
        assert pool.run(pow, 3, 2) == 9


def test_workers_start_with_every_language_loaded():
    from questionnaire_returns.config import settings

    with WarmPool(2) as pool:
        loaded, pid = pool.run(languages_loaded)
    assert pid != os.getpid() and loaded >= len(settings().languages)  # set up in the server, not per document


def test_workers_set_up_without_prefect_or_pandas():
    """A worker only reads documents: it never talks to the Prefect API nor writes the dataset, so its
    set-up (paid before the first document is read) imports neither."""
    with WarmPool(1) as pool:
        assert pool.run(heavy_modules) == []
