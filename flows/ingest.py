"""The ingest flow: every file in raw/ → the normalised dataset in normalized/.

    list-and-hash → reuse-cached → read-document (one task per new or changed content,
    in parallel) → write-dataset (ledger, routing, dataset files) → build-report → write-manifest

The tasks are in flows/tasks.py (transient errors are retried where they are declared),
the task runners in flows/runners.py. Run it with `returns ingest`, or from Python with
`flows.run.run_ingest(raw, out)`, which takes the run lock and makes sure a Prefect API is up first (see
questionnaire_returns/prefect_env.py). A bad file never stops the batch: it is recorded
in failures.csv and the ledger.
"""

from __future__ import annotations

import questionnaire_returns.prefect_env  # noqa: F401  - offline Prefect settings, before prefect

import time
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.utilities.annotations import quote

from flows.plan import _log_plan, _log_summary, _write
from flows.preload import start_preloading
from flows.runners import RUNNERS, read_in_parallel, task_runner
from flows.tasks import build_report, list_and_hash, plan_reads, write_dataset, write_manifest
from flows.workers import report_helper
from questionnaire_returns.config import settings
from questionnaire_returns.runlock import run_lock


@flow(name="ingest", log_prints=False)
def ingest(raw: Path, out: Path, runner: str = "process", dask_address: str | None = None,
           use_cache: bool = True) -> dict:
    """Turn every file under `raw` into the normalised dataset in `out`; return the run summary."""
    log = get_run_logger()
    workers = settings().ingest.workers
    raw, out = Path(raw).resolve(), Path(out).resolve()
    if runner not in RUNNERS:
        raise ValueError(f"unknown runner {runner!r}: use one of {', '.join(RUNNERS)}")
    if not raw.is_dir():
        raise FileNotFoundError(f"raw folder {raw} does not exist")
    started, t0 = datetime.now(timezone.utc), time.monotonic()
    with run_lock(out):
        listing = list_and_hash(raw)
        plan = plan_reads(listing, out, use_cache)
        if plan.todo and runner == "process":
            from flows.workers import start_warming

            start_warming()  # the workers' set-up (flows/warm.py) starts now, not at the first document
        _log_plan(log, raw, listing, plan)
        if plan.todo:
            start_preloading()  # the write and report stages' imports, while the documents are read
            log.info("reading %d files (%s runner, %d workers)", len(plan.todo), runner, workers)
            with task_runner(runner, dask_address, workers) as pool:
                read_in_parallel(plan, raw, pool, workers, log)
        report = settings().report.after_ingest
        with report_helper(report and bool(plan.todo) and runner == "process") as helper:
            summary = _write(out, plan, listing, started, t0, runner, _write_dataset, write_manifest)
            if report:
                summary["report_error"] = build_report(out, raw, quote(helper))
                if summary["report_error"]:
                    log.warning("the summary report was not rebuilt: %s", summary["report_error"])
    _log_summary(log, summary)
    return summary


def _write_dataset(out: Path, plan, infos):
    """The write-dataset task with the plan and listing handed over as they are: Prefect otherwise walks
    every result's answers looking for futures in its parameters (2 s before the task started, on 100
    short returns)."""
    return write_dataset(out, quote(plan), quote(infos))  # type: ignore[call-overload]  # Prefect unwraps quote()
