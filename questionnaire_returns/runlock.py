"""One ingest run at a time per dataset folder.

A file lock (filelock, i.e. flock) under normalized/ is held for the whole run;
the kernel releases it when the process ends, even on kill -9, so a crashed run
never blocks the next one. Who holds it (pid, host, command, since when) is
written beside it, so a refused run can name the holder.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from filelock import FileLock, Timeout

from questionnaire_returns.atomic_files import write_text

LOCK_NAME = ".run.lock"
HOLDER_NAME = ".run.lock.json"


class RunLocked(RuntimeError):
    """Another run holds the dataset folder; the message names it."""


def holder(out_dir: Path) -> dict:
    try:
        return json.loads((Path(out_dir) / HOLDER_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def describe(info: dict) -> str:
    if not info:
        return "another process"
    return (
        f"pid {info.get('pid')} on {info.get('host')} (`{info.get('command')}`, "
        f"running since {info.get('since')})"
    )


_held: dict[str, tuple[int, dict]] = {}  # folder -> (thread holding it, holder info): re-entry in one thread


@contextmanager
def run_lock(out_dir: Path | str, what: str = "ingest") -> Iterator[dict]:
    """Hold the run lock of `out_dir` or raise RunLocked at once (no waiting).

    Re-entrant in the thread that holds it: `returns ingest` takes the lock before anything
    else starts (no Prefect server for a refused run), and the flow it runs takes it again.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    key = str(out_dir.resolve())
    mine = _held.get(key)
    if mine is not None and mine[0] == threading.get_ident():
        yield mine[1]
        return
    lock = FileLock(str(out_dir / LOCK_NAME), timeout=0, thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise RunLocked(
            f"another {what} run is writing {out_dir}: held by {describe(holder(out_dir))}. "
            "Wait for it to finish, or stop that process, then run again."
        ) from None
    info = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]) or what,
        "what": what,
        "since": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    try:
        write_text(out_dir / HOLDER_NAME, json.dumps(info))
        _held[key] = (threading.get_ident(), info)
        yield info
    finally:
        _held.pop(key, None)
        try:
            (out_dir / HOLDER_NAME).unlink()
        except OSError:
            pass
        lock.release()
