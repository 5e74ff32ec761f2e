"""The ingest flow end to end: stand-in documents, retries, runners, the real pipeline on tiny files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import STANDIN, answers, write_standin


def ingest(raw, out, **kw):
    from flows.ingest import ingest as flow

    kw.setdefault("processor", STANDIN)
    return flow(raw=raw, out=out, **kw)


def csv(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_flow_end_to_end(prefect_harness, small_raw, tmp_path):
    out = tmp_path / "normalized"
    summary = ingest(small_raw, out)  # process pool runner
    assert summary["files_seen"] == 6
    assert (summary["returns"], summary["attachments"], summary["failed"]) == (2, 1, 3)
    ledger = csv(out / "submissions.csv").set_index("source_file")
    assert ledger.loc["2007/Austria reply.json", "submission_id"] == "2007-austria-reply"
    assert ledger.loc["2007/Austria annex.json", "status"] == "attachment"
    assert ledger.loc["2007/Austria annex.json", "submission_id"] == "2007-austria-reply"
    assert ledger.loc["mail.json::reponse.pdf", "submission_id"] == "mail"
    fails = csv(out / "failures.csv")
    reasons = dict(zip(fails.source_file, fails.reason))
    assert reasons["damaged.pdf"] and reasons["empty.docx"] == "empty file" and "unknown file type" in reasons["notes.xyz"]
    assert "mail.json::reponse.pdf" in reasons  # its unreadable page
    ans = csv(out / "answers.csv")
    assert set(ans.submission_id) == {"2007-austria-reply", "mail"}
    assert ans[(ans.submission_id == "mail") & (ans.field == "ncm_exists")].source_file.iloc[0] == "mail.json::reponse.pdf"
    assert sorted(p.name for p in (out / "runs").iterdir())[-1].endswith(".json")


def test_transient_errors_are_retried_read_errors_are_not(prefect_harness, tmp_path, monkeypatch):
    log = tmp_path / "reads.log"
    log.write_text("")
    monkeypatch.setenv("RETURNS_STANDIN_LOG", str(log))
    raw = tmp_path / "raw"
    write_standin(raw, "flaky.json", country="Malta", answers=answers(ncm_exists="yes"), os_error_times=1)
    write_standin(raw, "broken.json", read_error="the file is password-protected")
    summary = ingest(raw, tmp_path / "out", runner="thread")
    reads = log.read_text().splitlines()
    assert reads.count("flaky.json") == 2 and reads.count("broken.json") == 1
    assert summary["returns"] == 1
    assert summary["failures"] == [("broken.json", "the file is password-protected")]


def test_dask_runner_gives_the_same_answers(prefect_harness, small_raw, tmp_path, monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", prefect_harness)  # Dask workers use the test server
    ingest(small_raw, tmp_path / "a", runner="thread")
    ingest(small_raw, tmp_path / "b", runner="dask")
    assert (tmp_path / "a" / "answers.csv").read_bytes() == (tmp_path / "b" / "answers.csv").read_bytes()


def test_real_pipeline_on_tiny_files(prefect_harness, tmp_path):
    from tests.generator import generate_corpus

    raw = tmp_path / "raw"
    key = generate_corpus(raw, n=3, seed=5, forms=["pdf_typed", "docx", "txt"], languages=["en"])
    (raw / "answer_key.json").unlink()
    (raw / "corrupt.pdf").write_bytes(b"%PDF-1.7\n this is not a pdf")
    out = tmp_path / "normalized"
    summary = ingest(raw, out, processor="questionnaire_returns.pipeline:process_file")
    ledger = csv(out / "submissions.csv").set_index("source_file")
    assert ledger.loc["corrupt.pdf", "status"] == "failed"
    returns = [f for f, k in key.items() if k["role"] == "return"]
    bad = {f: ledger.loc[f, "reason"] for f in returns if ledger.loc[f, "status"] not in ("return", "superseded", "duplicate")}
    assert not bad, bad
    assert summary["rows_written"] > 0
