"""Keep normalized/report/ current: rebuilt after every ingest run and, from the review app,
after reviewers' saves ("Rebuild report").

A report is stale when the published answers (answers.csv, rewritten by every ingest and every
save) are newer than its report.html: the review app shows a banner until it is rebuilt. A
report that cannot be built never breaks the run or the save that asked for it: the reason is
returned (and logged) instead.

A rebuild whose inputs are those of the report already there (the same published answers and
responses, raw folder, settings and report code; `.inputs.json` in the report folder says which)
builds nothing: drawing the charts and the workbooks took most of a no-change rerun (about 10 s
of 14 here). The report then stays as it was, with its first build's time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from concurrent.futures import Executor
from pathlib import Path

log = logging.getLogger(__name__)

REPORT_DIR = "report"
LOCK = ".report.lock"
INPUTS = ".inputs.json"  # in the report folder: what the report there was built from
SOURCES = ("answers.csv", "responses.csv")  # the published files build_report reads


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


def rebuild(data_dir: Path, raw_dir: Path | None = None, pool: Executor | None = None) -> str | None:
    """Build the report of data_dir into data_dir/report/ (one build at a time per folder);
    None when it was built, else why not. `pool`: processes that may build a part of it (build_report)."""
    from filelock import FileLock, Timeout

    data_dir = Path(data_dir)
    try:
        with FileLock(str(data_dir / LOCK), timeout=300):
            inputs = _inputs(data_dir, raw_dir)
            if _built_from(data_dir) == inputs:
                os.utime(report_dir(data_dir) / "report.html")  # current: no stale banner for rewritten answers
                return None
            _forget_inputs(data_dir)  # a build that fails half-way leaves no claim behind
            from questionnaire_returns.report.build import build_report  # openpyxl, jinja2: only when building

            build_report(data_dir, report_dir(data_dir), raw_dir=raw_dir, pool=pool)
            _record_inputs(data_dir, inputs)
        return None
    except Timeout:
        return "another build of the report is still running"
    except Exception as exc:  # noqa: BLE001 - the run or save that asked stands; say why
        log.exception("the report could not be built")
        return f"{type(exc).__name__}: {exc}"


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _code_digest() -> str:
    """The report package's own code and templates: a changed report is built anew."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for f in sorted(here.iterdir()):
        if f.is_file() and f.suffix in (".py", ".html", ".css", ".js"):
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def _inputs(data_dir: Path, raw_dir: Path | None) -> dict:
    """What a build of data_dir's report reads: the published files, the raw folder it links to,
    the settings it takes (required fields, review URL) and its code."""
    try:
        from questionnaire_returns.config import settings

        s = settings()
        config = {"required": list(s.review.required), "review_url": s.report.review_url,
                  "raw": str(raw_dir.resolve() if raw_dir is not None else s.path("raw"))}
    except Exception as exc:  # noqa: BLE001 - build_report says what is wrong with the config
        config = {"error": repr(exc), "raw": str(raw_dir)}
    return {"files": {name: _digest(data_dir / name) for name in SOURCES}, "config": config, "code": _code_digest()}


def _built_from(data_dir: Path) -> dict | None:
    """The inputs the report in data_dir/report/ was built from, when its files are still those written then."""
    folder = report_dir(data_dir)
    try:
        recorded = json.loads((folder / INPUTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    outputs = recorded.pop("outputs", None) or {}
    if not outputs or any(_digest(folder / name) != digest for name, digest in outputs.items()):
        return None  # a file of the report is gone or was written since (returns report, by hand)
    return recorded


def _record_inputs(data_dir: Path, inputs: dict) -> None:
    from questionnaire_returns.atomic_files import write_text

    folder = report_dir(data_dir)
    outputs = {name: _digest(folder / name) for name in ("report.html", "compilation.html")}
    write_text(folder / INPUTS, json.dumps({**inputs, "outputs": outputs}, indent=1, sort_keys=True))


def _forget_inputs(data_dir: Path) -> None:
    try:
        (report_dir(data_dir) / INPUTS).unlink()
    except FileNotFoundError:
        pass
