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


def pdf_reader_loaded() -> bool:
    import sys

    return "questionnaire_returns.read.pdf" in sys.modules


def answers_of(path: str, raw: str) -> list:
    from pathlib import Path

    from questionnaire_returns import pipeline

    result = pipeline.process_file(Path(path), Path(raw))
    return [(a.field, a.value, a.evidence, a.page, a.bbox, a.confidence) for a in result.answers]


def test_workers_start_having_read_a_short_return_and_answer_as_a_cold_process(tmp_path):
    """The warm-up reads a short typed return (what a worker's first document set up is ready in every
    worker); a document then gets the same answers as in a process that read nothing before it."""
    import subprocess
    import sys

    from flows.warm import short_return_pdf
    from questionnaire_returns import pipeline
    from questionnaire_returns.read import read_bytes
    from synthetic_returns import generate_corpus

    warm = pipeline.process_document(read_bytes(short_return_pdf(), "warm-up.pdf", "warm-up.pdf"))
    assert (warm.form, warm.language) == ("pdf_typed", "en")  # it goes through the typed-PDF reader
    assert any(a.field == "ncm_exists" and a.value == "yes" for a in warm.answers)

    raw = tmp_path / "raw"
    generate_corpus(raw, n=2, seed=5, forms=["pdf_typed"], appendix_share=0.0, key_path=tmp_path / "key.json")
    pdf = str(sorted(raw.rglob("*.pdf"))[0])
    code = ("import json, sys; from tests.test_workers import answers_of; "
            f"print(json.dumps(answers_of({pdf!r}, {str(raw)!r})))")
    cold = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          cwd=str(__import__("pathlib").Path(__file__).resolve().parent.parent))
    assert cold.returncode == 0, cold.stderr[-1500:]
    with WarmPool(1) as pool:
        assert pool.run(pdf_reader_loaded)  # read before any document was handed over
        warm_answers = pool.run(answers_of, pdf, str(raw))
    import json

    assert json.loads(json.dumps(warm_answers)) == json.loads(cold.stdout.strip().splitlines()[-1])
