"""A stand-in document processor for the plumbing's tests: the flow, ledger, writer and
cache run without the real readers and extractors.

The test-only hook: `use_standin()` (or the `standin` fixture of conftest.py) puts
`process_file` below in the place of questionnaire_returns.pipeline.process_file, which
the flow's read-document task calls. It replaces it in this process only, so flows run
with it use the thread runner (a process pool's or Dask's workers import the real one).

It reads small JSON files that describe what the pipeline would have found
(`*.json`). Format:

    {"form": "pdf_typed", "pages": 3, "language": "en", "country": "Austria",
     "answers": {"ncm_exists": ["yes", 0.95], "submitted_on": ["2007-05-01", 0.9]},
     "attachments": [{"name": "annex.pdf", ...same keys...}],
     "unknown_names": [["ministry", "Ministry of Magic"]],
     "unreadable_pages": [[2, "blank scan"]],
     "read_error": "why it cannot be read", "sleep": 0.5,
     "os_error_times": 1}        # an OSError on the first read(s): a transient error, retried

Other files: empty → ReadError 'empty file'; '.pdf' → ReadError 'not a readable PDF';
anything else → ReadError 'unknown file type'. Every read is appended to the file
named by RETURNS_STANDIN_LOG (when set), so tests can count what was re-read.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from questionnaire_returns.pipeline import DocResult
from questionnaire_returns.read.errors import ReadError
from questionnaire_returns.records import Answer


def _doc(spec: dict, source_file: str) -> DocResult:
    answers = tuple(
        Answer(field=f, value=str(v[0]), confidence=float(v[1]), rule="standin",
               evidence=f"{f}: {v[0]}", page=1 if spec.get("pages") else None,
               bbox=(10.0, 20.0, 30.0, 40.0) if spec.get("pages") else None,
               source_file=source_file, note=v[2] if len(v) > 2 else "")
        for f, v in (spec.get("answers") or {}).items()
    )
    return DocResult(
        source_file=source_file,
        form=spec.get("form", "text"),
        page_count=spec.get("pages"),
        language=spec.get("language"),
        country=spec.get("country"),
        answers=answers,
        attachments=tuple(_doc(a, f"{source_file}::{a['name']}") for a in spec.get("attachments") or ()),
        unknown_names=tuple(tuple(x) for x in spec.get("unknown_names") or ()),
        unreadable_pages=tuple((int(p), r) for p, r in spec.get("unreadable_pages") or ()),
    )


def process_file(path: Path, raw_root: Path) -> DocResult:
    path, raw_root = Path(path), Path(raw_root)
    source_file = path.relative_to(raw_root).as_posix()
    log = os.environ.get("RETURNS_STANDIN_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(source_file + "\n")
    data = path.read_bytes()
    if path.suffix.lower() == ".json" and data:
        spec = json.loads(data)
        if log and spec.get("os_error_times"):  # transient: fails the first N reads
            reads = Path(log).read_text(encoding="utf-8").splitlines().count(source_file)
            if reads <= int(spec["os_error_times"]):
                raise OSError(f"{source_file}: temporarily unavailable (read {reads})")
    if not data:
        raise ReadError(source_file, "empty file")
    if path.suffix.lower() == ".json":
        spec = json.loads(data)
        if spec.get("sleep"):  # in short steps, as a reader's work is (a time limit can stop it between two)
            end = time.monotonic() + float(spec["sleep"])
            while time.monotonic() < end:
                time.sleep(min(0.05, max(end - time.monotonic(), 0)))
        if spec.get("read_error"):
            raise ReadError(source_file, spec["read_error"])
        return _doc(spec, source_file)
    if path.suffix.lower() == ".pdf":
        raise ReadError(source_file, "not a readable PDF (the file is damaged)")
    raise ReadError(source_file, f"unknown file type ({path.suffix or 'no extension'})")


def use_standin() -> None:
    """Make the flow read documents with the stand-in (in this process; see the module's docstring)."""
    from questionnaire_returns import pipeline

    pipeline.process_file = process_file
