"""Prefect settings for offline use (and glibc malloc settings for the processes a run
starts), applied before Prefect is first imported.

Every entry point (the `returns` CLI, flows/, the tests' conftest, bench/ and eval/)
imports this module first. Values are set with `setdefault`, so a user's own
environment (for example a real PREFECT_API_URL or another PREFECT_HOME) wins.
"""

from __future__ import annotations

from typing import Any

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DEFAULTS = {
    "PREFECT_HOME": str(ROOT / ".prefect"),  # git-ignored; the local SQLite database lives here
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",  # no telemetry: these machines have no internet
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",  # the 20 s default times out on 2 loaded cores
    # glibc malloc of the processes a run starts (workers, server, tesseract): fewer arenas, and big
    # buffers (page images) mapped and unmapped instead of left in the heap; ~55 MB less at peak
    "MALLOC_ARENA_MAX": "2",
    "MALLOC_MMAP_THRESHOLD_": "131072",
    "MALLOC_TRIM_THRESHOLD_": "262144",
}


def apply() -> dict[str, str]:
    """Set the offline defaults in os.environ (keeping values already set); return them."""
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    return {key: os.environ[key] for key in DEFAULTS}


apply()


# The URL of a temporary Prefect server a process of this project started (exported to its children)
TEMPORARY_API = "RETURNS_TEMPORARY_PREFECT_API"


def api_url() -> str | None:
    """The Prefect API this process talks to (PREFECT_API_URL / profile), None for none."""
    from prefect.settings import get_current_settings

    url = get_current_settings().api.url
    return str(url) if url else None


class local_api:
    """Make sure a Prefect API is running for the length of a `with` block.

    With PREFECT_API_URL set (a real server, or the test harness) it does nothing.
    Otherwise it starts Prefect's local temporary server once, in this process, and
    exports its URL, so that the worker processes of the process pool and Dask
    runners use it instead of each starting a temporary server of their own (5-6 s
    each). The server stops when the block ends.

    On such a temporary server (this block's, or one a parent process started and named in
    TEMPORARY_API, as the bench does) flow runs send no heartbeats: heartbeats let a lasting
    server notice a crashed flow run, and a temporary server ends with its run; each flow run
    otherwise waited up to a second at its end for the heartbeat thread to wake and stop.
    """

    def __init__(self, timeout: int | None = None):
        self.timeout = timeout or int(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120"))
        self.server: Any = None  # Prefect's SubprocessASGIServer, when this block started one
        self._settings_ctx: Any = None
        self._saved_env: str | None = None
        self._saved_temporary: str | None = None

    def __enter__(self) -> str:
        from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

        existing = api_url()
        if existing:
            if existing == os.environ.get(TEMPORARY_API):  # a parent's temporary server: no heartbeats either
                self._settings_ctx = temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})
                self._settings_ctx.__enter__()
            return existing
        from prefect.server.api.server import SubprocessASGIServer

        self.server = SubprocessASGIServer()
        self.server.start(timeout=self.timeout)
        url = self.server.api_url
        self._saved_env = os.environ.get("PREFECT_API_URL")
        self._saved_temporary = os.environ.get(TEMPORARY_API)
        os.environ["PREFECT_API_URL"] = os.environ[TEMPORARY_API] = url
        self._settings_ctx = temporary_settings(updates={PREFECT_API_URL: url, PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})
        self._settings_ctx.__enter__()
        return url

    def __exit__(self, *exc) -> None:
        if self.server is None:
            if self._settings_ctx is not None:
                self._settings_ctx.__exit__(*exc)
                self._settings_ctx = None
            return
        _drain_workers()
        self._settings_ctx.__exit__(*exc)
        self._settings_ctx = None
        if self._saved_temporary is None:
            os.environ.pop(TEMPORARY_API, None)
        else:
            os.environ[TEMPORARY_API] = self._saved_temporary
        if self._saved_env is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = self._saved_env
        self.server.stop()
        self.server = None


def _drain_workers() -> None:
    """Send the logs and events still queued before the server stops (else they retry for a minute)."""
    import inspect

    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.utilities.asyncutils import run_coro_as_sync

    async def drain() -> None:
        try:
            result = APILogWorker.instance().drain()
            if inspect.isawaitable(result):
                await result
        except RuntimeError:
            pass
        events = EventsWorker.drain_all()
        if inspect.isawaitable(events):
            await events

    try:
        run_coro_as_sync(drain())
    except Exception:  # noqa: BLE001 - best effort at shutdown
        pass
