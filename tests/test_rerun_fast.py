"""A no-change rerun starts no Prefect server: it lists and hashes raw/, takes every result from
the cache and publishes the same dataset in a few seconds."""

from __future__ import annotations

import subprocess
import time

from synthetic_returns import generate_corpus
from tests.test_hostile_raw import RETURNS, ROOT, env_with


def test_a_no_change_rerun_needs_no_prefect_server(prefect_harness, tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "normalized"
    generate_corpus(raw, n=3, seed=4, forms=["txt", "html"], languages=["en"], key_path=tmp_path / "key.json")
    cmd = RETURNS + ["ingest", "--raw", str(raw), "--out", str(out)]
    first = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env_with(prefect_harness))
    assert first.returncode == 0, first.stderr[-2000:]
    before = {n: (out / n).read_bytes() for n in ("answers.csv", "responses.csv", "submissions.csv")}
    manifests = len(list((out / "runs").iterdir()))
    charts = {p: p.stat().st_mtime_ns for p in (out / "report" / "charts").iterdir()}
    assert charts

    t0 = time.monotonic()
    again = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env_with(None))
    wall = time.monotonic() - t0
    assert again.returncode == 0, again.stderr[-2000:]
    assert "temporary server" not in again.stderr + again.stdout  # no Prefect server for nothing to read
    assert "rows written" in again.stdout
    assert {n: (out / n).read_bytes() for n in before} == before
    assert len(list((out / "runs").iterdir())) == manifests + 1  # the run is recorded all the same
    assert {p: p.stat().st_mtime_ns for p in charts} == charts  # the same data: the report is not drawn again
    assert wall < 30  # a temporary server alone takes 10 s or more on these machines; the run itself ~3 s


def test_a_changed_file_is_read_in_a_flow_run(prefect_harness, tmp_path):
    """With something to read, the run is a Prefect flow run again (here on the configured server)."""
    from flows.run import run_ingest

    raw, out = tmp_path / "raw", tmp_path / "normalized"
    generate_corpus(raw, n=2, seed=4, forms=["txt"], languages=["en"], key_path=tmp_path / "key.json")
    first = run_ingest(raw, out, runner="thread")
    assert first["read"] == 2 and "prefect" not in first
    some = sorted(raw.rglob("*.txt"))[0]
    some.write_text(some.read_text(encoding="utf-8") + "\nAddendum.\n", encoding="utf-8")
    second = run_ingest(raw, out, runner="thread")
    assert second["read"] == 1 and second["changed"] == 1
