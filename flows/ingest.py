"""The ingest flow: every file in raw/ → the normalised dataset in normalized/.

    list-and-hash → reuse-cached → read-document (one task per new or changed content,
    in parallel) → write-dataset (ledger, routing, dataset files) → write-manifest

The tasks are in flows/tasks.py (transient errors are retried where they are declared),
the task runners in flows/runners.py. Run it with `returns ingest`, or from Python with
`run_ingest(raw, out)`, which makes sure a Prefect API is up first (see
questionnaire_returns/prefect_env.py). A bad file never stops the batch: it is recorded
in failures.csv and the ledger.
"""

from __future__ import annotations

import questionnaire_returns.prefect_env  # noqa: F401  - offline Prefect settings, before prefect

import json
import time
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger

from flows.interrupt import stoppable, uninterrupted
from flows.runners import RUNNERS, read_in_parallel, task_runner
from flows.tasks import list_and_hash, plan_reads, write_dataset, write_manifest
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
        infos = listing.infos + listing.skipped_infos
        plan = plan_reads(listing, out, use_cache)
        log.info("%d files in %s: %d to read, %d unchanged (cached), %d skipped, pipeline %s",
                 len(infos), raw, len(plan.todo), plan.reused, len(listing.skipped), plan.version)
        if plan.todo:
            log.info("reading %d files (%s runner, %d workers)", len(plan.todo), runner, workers)
            with task_runner(runner, dask_address, workers) as pool:
                read_in_parallel(plan, raw, pool, workers, log)
        with uninterrupted():  # a signal now waits for the dataset to be whole (flows/interrupt.py)
            summary = write_dataset(out, plan, infos)
            plan.prune_cache()
            summary.update(new=plan.new, changed=plan.changed, read=len(plan.todo), reused=plan.reused,
                           pipeline_version=plan.version, runner=runner, seconds=round(time.monotonic() - t0, 2),
                           skipped=len(listing.skipped))
            summary["manifest"] = str(write_manifest(out, started, summary))
    log.info("%d files: %d returns, %d attachments, %d duplicates, %d superseded, %d failed; "
             "%d rows written, %d to review", summary["files_seen"], summary["returns"], summary["attachments"],
             summary["duplicates"], summary["superseded"], summary["failed"], summary["rows_written"],
             summary["rows_review"])
    return summary


def run_ingest(raw: Path | None = None, out: Path | None = None, runner: str | None = None,
               dask_address: str | None = None, use_cache: bool = True) -> dict:
    """Run the ingest flow with a Prefect API up (a local temporary one when none is configured)."""
    from questionnaire_returns.prefect_env import local_api

    s = settings()
    raw = Path(raw) if raw else s.path("raw")
    out = Path(out) if out else s.path("normalized")
    with stoppable(), run_lock(out), local_api():  # the lock first: a refused run starts no server
        return ingest(raw=raw, out=out, runner=runner or s.ingest.runner, dask_address=dask_address,
                      use_cache=use_cache)


if __name__ == "__main__":  # python -m flows.ingest [RAW] [OUT]
    import sys

    print(json.dumps(run_ingest(*(Path(a) for a in sys.argv[1:3])), indent=2, default=str))
