"""SIGTERM and SIGINT end an ingest run cleanly, and never in the middle of writing the dataset.

`stoppable()` (around a whole run, in the main thread) turns SIGTERM into the same
`KeyboardInterrupt` as Ctrl-C, so every `with` block on the way out runs: the worker
processes are ended (flows/runners.py), the temporary Prefect server is stopped, the run
lock is released. `uninterrupted()` (around writing the dataset) holds a signal back until
the block has ended: the dataset files are then all the previous run's or all this run's.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Any, Iterator

SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal; `signum` says which."""

    def __init__(self, signum: int):
        super().__init__(f"stopped by {signal.Signals(signum).name}")
        self.signum = signum


_state: dict[str, Any] = {"holding": 0, "pending": None}  # blocks holding signals back; a signal held


def _handler(signum, frame) -> None:
    if _state["holding"]:
        _state["pending"] = signum
        return
    raise Interrupted(signum)


@contextmanager
def stoppable() -> Iterator[None]:
    """SIGTERM/SIGINT raise `Interrupted` in this (main) thread for the length of the block."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, _handler) for s in SIGNALS}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold SIGTERM/SIGINT back until the block ends, then stop (when `stoppable` is on)."""
    _state["holding"] += 1
    try:
        yield
    finally:
        _state["holding"] -= 1
        signum = _state["pending"]
        if signum is not None and not _state["holding"]:
            _state["pending"] = None
            raise Interrupted(signum)
