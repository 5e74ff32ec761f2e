"""Keep normalized/report/ current: rebuilt after every ingest run and, from the review app,
after reviewers' saves ("Rebuild report").

A report is stale when the published answers (answers.csv, rewritten by every ingest and every
save) are newer than its report.html: the review app shows a banner until it is rebuilt. A
report that cannot be built never breaks the run or the save that asked for it: the reason is
returned (and logged) instead.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

REPORT_DIR = "report"
LOCK = ".report.lock"


def report_dir(data_dir: Path) -> Path:
    return Path(data_dir) / REPORT_DIR


def is_stale(data_dir: Path) -> bool:
    """Whether the published answers changed since the report in data_dir/report/ was built
    (or there is a dataset and no report yet)."""
    answers = Path(data_dir) / "answers.csv"
    html = report_dir(data_dir) / "report.html"
    try:
        published = answers.stat().st_mtime_ns
    except OSError:
        return False  # no dataset, nothing to report
    try:
        return html.stat().st_mtime_ns < published
    except OSError:
        return True


def rebuild(data_dir: Path, raw_dir: Path | None = None) -> str | None:
    """Build the report of data_dir into data_dir/report/ (one build at a time per folder);
    None when it was built, else why not."""
    from filelock import FileLock, Timeout

    from questionnaire_returns.report.build import build_report

    data_dir = Path(data_dir)
    try:
        with FileLock(str(data_dir / LOCK), timeout=300):
            build_report(data_dir, report_dir(data_dir), raw_dir=raw_dir)
        return None
    except Timeout:
        return "another build of the report is still running"
    except Exception as exc:  # noqa: BLE001 - the run or save that asked stands; say why
        log.exception("the report could not be built")
        return f"{type(exc).__name__}: {exc}"
