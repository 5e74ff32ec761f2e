"""Incremental reruns: only new or changed files are read; kill -9 safety; corrections kept; the run lock."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import answers, write_standin

ROOT = Path(__file__).resolve().parent.parent


def ingest(raw, out, **kw):
    from flows.ingest import ingest as flow

    return flow(raw=raw, out=out, runner="thread", **kw)


@pytest.fixture(autouse=True)
def _standin(standin):
    """Every test here reads stand-in documents (tests/standin.py)."""


@pytest.fixture
def reads(tmp_path, monkeypatch):
    log = tmp_path / "reads.log"
    log.write_text("")
    monkeypatch.setenv("RETURNS_STANDIN_LOG", str(log))

    def take() -> list[str]:
        lines = log.read_text().splitlines()
        log.write_text("")
        return sorted(lines)

    return take


def make_raw(raw: Path, n: int, sleep: float = 0.0) -> None:
    for i in range(n):
        write_standin(raw, f"r{i:02d}.json", country=f"Country {i:02d}", sleep=sleep,
                      answers=answers(country=f"Country {i:02d}", ncm_exists="yes", nap_exists="no",
                                      nrm_exists=("yes", 0.6)))


def test_rerun_reads_only_new_and_changed_files(prefect_harness, tmp_path, reads):
    raw, out = tmp_path / "raw", tmp_path / "out"
    make_raw(raw, 4)
    first = ingest(raw, out)
    assert first["read"] == 4 and len(reads()) == 4
    before = (out / "answers.csv").read_bytes()

    again = ingest(raw, out)
    assert reads() == [] and again["read"] == 0 and again["reused"] == 4
    assert (out / "answers.csv").read_bytes() == before

    write_standin(raw, "r01.json", country="Country 01", answers=answers(country="Country 01", ncm_exists="no"))
    write_standin(raw, "r09.json", country="Country 09", answers=answers(country="Country 09", ncm_exists="yes"))
    third = ingest(raw, out)
    assert reads() == ["r01.json", "r09.json"]
    assert (third["new"], third["changed"], third["read"]) == (1, 1, 2)
    ans = pd.read_csv(out / "answers.csv", dtype=str, keep_default_na=False)
    assert ans[(ans.submission_id == "r01") & (ans.field == "ncm_exists")].value.iloc[0] == "no"
    runs = sorted((out / "runs").glob("*.json"))
    assert len(runs) == 3
    import json

    manifest = json.loads(runs[-1].read_text())
    assert {"time", "files_seen", "new", "changed", "failed", "fields_written", "pipeline_version"} <= set(manifest)


def test_killed_run_then_rerun_gives_the_clean_result(prefect_harness, tmp_path, reads):
    raw = tmp_path / "raw"
    make_raw(raw, 8, sleep=0.4)
    clean_raw = tmp_path / "clean_raw"
    shutil.copytree(raw, clean_raw)
    out = tmp_path / "out"
    env = dict(os.environ, PREFECT_API_URL=prefect_harness)
    code = (
        "from tests.standin import use_standin\n"
        "use_standin()\n"
        "from flows.run import run_ingest\n"
        f"run_ingest({str(raw)!r}, {str(out)!r}, runner='thread')\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    log = Path(os.environ["RETURNS_STANDIN_LOG"])
    deadline = time.monotonic() + 120
    while len(log.read_text().splitlines()) < 4 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (out / "answers.csv").exists()  # it died mid-run, before the write stage
    reads()

    summary = ingest(raw, out)
    assert 0 < summary["read"] < 8  # what the killed run finished is reused
    ingest(clean_raw, tmp_path / "clean")
    for name in ("answers.csv", "responses.csv", "review_queue.csv"):
        assert (out / name).read_bytes() == (tmp_path / "clean" / name).read_bytes(), name


def test_correction_between_runs_is_kept(prefect_harness, tmp_path):
    from questionnaire_returns.corrections import store as store_mod

    raw, out = tmp_path / "raw", tmp_path / "out"
    make_raw(raw, 2)
    ingest(raw, out)
    store = store_mod.CorrectionStore(f"sqlite:///{out / 'corrections.sqlite'}")
    store.add("r00", "nrm_exists", "correct", "yes", "no", "nrm_exists: yes", "ana")
    store.close()
    write_standin(raw, "r05.json", country="Country 05", answers=answers(country="Country 05", ncm_exists="yes"))
    ingest(raw, out)
    ans = pd.read_csv(out / "answers.csv", dtype=str, keep_default_na=False)
    row = ans[(ans.submission_id == "r00") & (ans.field == "nrm_exists")].iloc[0]
    assert (row.value, row.status, row.reviewer) == ("no", "corrected", "ana")


def test_a_changed_return_sends_its_stale_correction_back_to_review(prefect_harness, tmp_path):
    from questionnaire_returns.corrections.store import CorrectionStore

    raw, out = tmp_path / "raw", tmp_path / "out"
    write_standin(raw, "r00.json", country="Country 00",
                  answers=answers(country="Country 00", ncm_exists="yes", ncm_established_year=("2004", 0.6)))
    ingest(raw, out)
    store = CorrectionStore(f"sqlite:///{out / 'corrections.sqlite'}")
    store.add("r00", "ncm_established_year", "correct", "2004", "2003", "ncm_established_year: 2004", "ana")
    store.close()
    # the State resubmits the same file with another year: the evidence the reviewer corrected is gone
    write_standin(raw, "r00.json", country="Country 00",
                  answers=answers(country="Country 00", ncm_exists="yes", ncm_established_year=("2005", 0.6)))
    ingest(raw, out)
    ans = pd.read_csv(out / "answers.csv", dtype=str, keep_default_na=False)
    row = ans[(ans.submission_id == "r00") & (ans.field == "ncm_established_year")].iloc[0]
    assert row.status == "review" and row.value == "2005"
    assert "2003" in row.note and "2005" in row.note and "ana" in row.note  # both values, and who corrected
    queue = pd.read_csv(out / "review_queue.csv", dtype=str, keep_default_na=False)
    assert ((queue.submission_id == "r00") & (queue.field == "ncm_established_year")).any()


def test_second_concurrent_run_is_refused(prefect_harness, tmp_path):
    from questionnaire_returns.runlock import RunLocked

    raw, out = tmp_path / "raw", tmp_path / "out"
    make_raw(raw, 1)
    code = (
        "import sys, time\n"
        "from questionnaire_returns.runlock import run_lock\n"
        f"with run_lock({str(out)!r}):\n"
        "    print('held', flush=True)\n"
        "    time.sleep(60)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(RunLocked, match=f"pid {holder.pid}"):
            ingest(raw, out)
    finally:
        holder.kill()
        holder.wait()
    assert ingest(raw, out)["returns"] == 1  # released when the holder died


def test_an_alias_taught_by_a_reviewer_makes_the_next_run_read_again(prefect_harness, tmp_path, reads):
    from questionnaire_returns.corrections import store as store_mod

    raw, out = tmp_path / "raw", tmp_path / "out"
    make_raw(raw, 2)
    ingest(raw, out)
    reads()
    store = store_mod.CorrectionStore(f"sqlite:///{out / 'corrections.sqlite'}")
    store.add_alias("ministry", "Ministry of Magic", "other", "ana")
    store.close()
    ingest(raw, out)
    assert reads() == ["r00.json", "r01.json"]
