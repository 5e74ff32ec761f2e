"""`returns schedule`: the ingest served as a Prefect deployment, run on a cron schedule in the
time zone of config.yaml, and on file arrival through a Prefect event and a deployment trigger.

File arrival: a watcher (inotify, through watchfiles) emits the event `returns.raw.changed`
for raw/ (resource `returns.raw.<folder>`), which the Prefect UI lists under Events; the
deployment's trigger (an automation, listed under Automations) starts a run for it on the
server. Anything else may emit the same event (`returns notify`, after an upload script),
and the deployment's concurrency limit of 1 keeps to one run at a time, queuing the others.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from pathlib import Path

EVENT = "returns.raw.changed"
DEPLOYMENT = "returns-ingest"


def raw_resource(raw: Path) -> dict:
    """The Prefect resource that names a raw/ folder in events and triggers."""
    raw = Path(raw).resolve()
    key = hashlib.sha256(str(raw).encode("utf-8", "surrogateescape")).hexdigest()[:12]
    from flows.rawdir import escape_name

    return {"prefect.resource.id": f"returns.raw.{key}", "prefect.resource.name": escape_name(str(raw))}


def deployment_options(raw: Path, out: Path, runner: str, cron: str, timezone: str) -> dict:
    """What `ingest.serve` / `ingest.to_deployment` is given: schedule, trigger, limit, parameters."""
    from prefect.client.schemas.schedules import CronSchedule
    from prefect.events.schemas.deployment_triggers import DeploymentEventTrigger

    params = {"raw": str(raw), "out": str(out), "runner": runner}
    trigger = DeploymentEventTrigger(
        name="returns arrived in raw/",
        description=f"a run when files arrive in {raw}",
        expect={EVENT},
        match={"prefect.resource.id": raw_resource(raw)["prefect.resource.id"]},
        parameters=params,
    )
    return {"name": DEPLOYMENT, "schedules": [CronSchedule(cron=cron, timezone=timezone)], "triggers": [trigger],
            "parameters": params, "global_limit": 1}


def notify(raw: Path, changes: list[str]) -> None:
    """Emit the file-arrival event for raw/ (the changed names, escaped, in its payload)."""
    from prefect.events import emit_event

    emit_event(event=EVENT, resource=raw_resource(raw), payload={"changes": changes[:100], "count": len(changes)})


def watch(raw: Path, stop: threading.Event, log: logging.Logger) -> None:
    """Emit the event whenever files under raw/ are added, changed or removed, until `stop` is set."""
    import watchfiles

    from flows.rawdir import escape_name

    raw = Path(raw).resolve()
    for changes in watchfiles.watch(raw, stop_event=stop, recursive=True, debounce=2000, raise_interrupt=False):
        names = sorted({escape_name(Path(p).relative_to(raw).as_posix()) for _, p in changes if Path(p).name != ".DS_Store"})
        if names:
            try:
                notify(raw, names)
                log.info("raw/ changed (%d: %s): event %s emitted", len(names), ", ".join(names[:5]), EVENT)
            except Exception as exc:  # noqa: BLE001 - keep watching
                log.warning("could not emit %s: %s", EVENT, exc)
