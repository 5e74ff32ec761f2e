"""Progress of the reading stage that people can read.

On a terminal: a rich progress bar with the file just read, the counts (read, failed, of
all) and the time left. Anywhere else (a log file, a Prefect worker, the Prefect UI's log
view): plain lines, each with the counts, the file just read and the time left, written
for every file of a small batch and about every 2% (or 30 s) of a large one.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Any, Callable


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class ReadProgress:
    """Counts, the latest file and the time left of `total` files; a bar on a terminal, else log lines."""

    def __init__(self, total: int, log: logging.Logger | logging.LoggerAdapter, console=None,
                 clock: Callable[[], float] = time.monotonic, every_s: float = 30.0):
        self.total, self.log, self.clock, self.every_s = total, log, clock, every_s
        self.done = self.failed = 0
        self.started = self.last_line = clock()
        self.step = 1 if total <= 100 else max(total // 50, 1)
        if console is None and sys.stderr.isatty():
            from rich.console import Console

            console = Console(stderr=True)
        self.bar: Any = None  # a rich Progress on a terminal
        if console is not None and console.is_terminal:
            self._start_bar(console)

    def _start_bar(self, console) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[failed]}"),
            TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(), TextColumn("{task.fields[current]}"),
            console=console, transient=False, refresh_per_second=4,
        )
        self.bar.start()
        self.task = self.bar.add_task("read", total=self.total, failed="", current="")

    def left(self) -> float | None:
        """Seconds left at the pace so far (None before the first file)."""
        if not self.done:
            return None
        return (self.clock() - self.started) / self.done * (self.total - self.done)

    def line(self, name: str) -> str:
        left = self.left()
        return (f"{self.done}/{self.total} files read ({self.failed} failed); last: {name}; "
                f"elapsed {_clock(self.clock() - self.started)}, about {_clock(left) if left is not None else '?'} left")

    def advance(self, name: str, failed: bool = False) -> None:
        """One more file done (`name` as the outputs write it)."""
        self.done += 1
        self.failed += bool(failed)
        if self.bar is not None:
            self.bar.update(self.task, advance=1, current=name, failed=f"{self.failed} failed" if self.failed else "")
            return
        now = self.clock()
        if self.done % self.step == 0 or self.done == self.total or now - self.last_line >= self.every_s:
            self.last_line = now
            self.log.info("%s", self.line(name))

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
            self.log.info("%s", self.line("-"))  # the log keeps the outcome too
