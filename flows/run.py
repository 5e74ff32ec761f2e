"""`returns ingest`'s entry: the run lock first, then the ingest flow, or no flow at all when
nothing is to be read.

This module imports no Prefect (about 2 s of imports here): a refused run and a no-change
rerun never pay for it.
"""

from __future__ import annotations

import questionnaire_returns.prefect_env  # noqa: F401  - offline Prefect settings (PREFECT_HOME) first

import logging
import os
import time
from datetime import datetime, timezone
from pathlib import Path

from questionnaire_returns.config import settings
from questionnaire_returns.runlock import run_lock

from flows.interrupt import stoppable
from flows.plan import _log_plan, _log_summary, _write, listing_of, make_plan, manifest_file


def unchanged_run(raw: Path, out: Path, runner: str, use_cache: bool = True) -> dict | None:
    """The run when nothing is to be read (every file's result is cached), without Prefect; None otherwise.

    A no-change rerun lists and hashes raw/ and publishes the dataset again (the ledger rules
    and the corrections applied anew): a second or two. A temporary Prefect server took longer
    to start than that whole run, so here the tasks' functions run plainly and the run is not
    recorded in Prefect (with a real server configured, every run is a flow run).
    """
    if not use_cache:
        return None
    log = logging.getLogger("flows.ingest")
    raw, out = Path(raw).resolve(), Path(out).resolve()
    started, t0 = datetime.now(timezone.utc), time.monotonic()
    listing = listing_of(raw, log)
    plan = make_plan(listing, out, use_cache)
    if plan.todo:
        return None
    from questionnaire_returns.write.dataset import write_run

    _log_plan(log, raw, listing, plan)

    def write_dataset(out_dir, plan_, infos):
        return write_run(out_dir, plan_.results, plan_.failures, settings(), files=infos)

    summary = _write(out, plan, listing, started, t0, runner, write_dataset, manifest_file)
    summary["prefect"] = "no flow run: nothing to read"
    if settings().report.after_ingest:  # corrections may have changed since: the report follows the dataset
        from questionnaire_returns.report.rebuild import rebuild

        summary["report_error"] = rebuild(out, raw)
    _log_summary(log, summary)
    return summary


def configured_api() -> str | None:
    """The Prefect server this process is told to use (PREFECT_API_URL, or the active profile's), read
    without importing Prefect; None when there is none (a run then needs a temporary server)."""
    url = os.environ.get("PREFECT_API_URL")
    if url:
        return url
    import tomllib

    home = Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect")
    try:
        profiles = tomllib.loads((Path(os.environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml")).read_text())
    except (OSError, ValueError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active", "ephemeral")
    return (profiles.get("profiles", {}).get(active, {}) or {}).get("PREFECT_API_URL") or None


def run_ingest(raw: Path | None = None, out: Path | None = None, runner: str | None = None,
               dask_address: str | None = None, use_cache: bool = True) -> dict:
    """Run the ingest: the run lock first (a refused run starts nothing); then, when files are to be
    read, the ingest flow with a Prefect API up (a temporary local one when none is configured); a
    run with nothing to read and no server configured needs none (`unchanged_run`)."""
    s = settings()
    raw = Path(raw) if raw else s.path("raw")
    out = Path(out) if out else s.path("normalized")
    runner = runner or s.ingest.runner
    with stoppable(), run_lock(out):
        if not configured_api():
            quick = unchanged_run(raw, out, runner, use_cache)
            if quick is not None:
                return quick
        if runner == "process":
            from flows.workers import start_warming

            start_warming()  # the workers' set-up (flows/warm.py) runs while Prefect starts
        from questionnaire_returns.prefect_env import local_api

        from flows.ingest import ingest

        with local_api():
            return ingest(raw=raw, out=out, runner=runner, dask_address=dask_address, use_cache=use_cache)


if __name__ == "__main__":  # python -m flows.run [RAW] [OUT]
    import json
    import sys

    args = [Path(a) for a in sys.argv[1:3]] + [None, None]
    print(json.dumps(run_ingest(args[0], args[1]), indent=2, default=str))
