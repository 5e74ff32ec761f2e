"""Progress people can read: a bar on a terminal (file, counts, time left), plain lines in logs."""

from __future__ import annotations

import io
import logging

from rich.console import Console

from flows.progress import ReadProgress


class Clock:
    def __init__(self):
        self.t = 100.0

    def __call__(self):
        return self.t


def test_log_lines_name_the_file_the_counts_and_the_time_left(caplog):
    clock, log = Clock(), logging.getLogger("test-progress")
    with caplog.at_level(logging.INFO, logger="test-progress"):
        progress = ReadProgress(4, log, console=Console(file=io.StringIO(), force_terminal=False), clock=clock)
        for name in ["a.pdf", "b.docx", "c.pdf", "d.txt"]:
            clock.t += 10
            progress.advance(name, failed=(name == "b.docx"))
        progress.close()
    lines = [r.getMessage() for r in caplog.records]
    assert lines[0] == "1/4 files read (0 failed); last: a.pdf; elapsed 0:10, about 0:30 left"
    assert lines[1].startswith("2/4 files read (1 failed); last: b.docx")
    assert lines[-1] == "4/4 files read (1 failed); last: d.txt; elapsed 0:40, about 0:00 left"


def test_a_large_batch_logs_about_every_2_percent_or_30_seconds(caplog):
    clock, log = Clock(), logging.getLogger("test-progress-2")
    with caplog.at_level(logging.INFO, logger="test-progress-2"):
        progress = ReadProgress(1000, log, console=Console(file=io.StringIO(), force_terminal=False), clock=clock)
        for i in range(1000):
            clock.t += 0.1 if i != 500 else 40  # one slow file: a line after 30 s however far the count is
            progress.advance(f"r{i}.pdf")
    assert 50 <= len(caplog.records) <= 52
    assert any("last: r500.pdf" in r.getMessage() for r in caplog.records)


def test_on_a_terminal_a_bar_shows_the_file_counts_and_time_left():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=160, color_system=None)
    clock = Clock()
    progress = ReadProgress(5, logging.getLogger("test-progress-3"), console=console, clock=clock)
    for name in ["Austria reply.pdf", "France.docx", "Malta.pdf"]:
        clock.t += 1
        progress.advance(name, failed=name == "France.docx")
    progress.bar.refresh()
    text = out.getvalue()
    assert "3/5" in text and "Malta.pdf" in text and "1 failed" in text and "left" in text
    assert "━" in text  # the bar itself
    progress.close()
