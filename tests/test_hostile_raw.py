"""An ingest that never hangs and never fails as a whole for one file: a raw/ with a named
pipe, a name that is not UTF-8, links out of raw/ (a file and a folder), a decompression bomb
and an over-long scan ends within its limits, reads the good returns, names every bad entry
with its reason and reads nothing outside raw/."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from synthetic_returns import generate_corpus
from tests.conftest import answers, write_standin
from tests.fixtures_hostile import bomb_pdf, image_pdf, limits_config, zip_bomb_docx

ROOT = Path(__file__).resolve().parent.parent
RETURNS = [sys.executable, "-m", "questionnaire_returns.cli"]


def csv(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def env_with(prefect_url: str | None, config: Path | None = None) -> dict:
    env = dict(os.environ)
    if prefect_url:
        env["PREFECT_API_URL"] = prefect_url
    else:
        env.pop("PREFECT_API_URL", None)
    if config:
        env["RETURNS_CONFIG"] = str(config)
    return env


def hostile_folder(tmp_path: Path) -> tuple[Path, dict]:
    raw = tmp_path / "raw"
    key = generate_corpus(raw, n=3, seed=5, forms=["pdf_typed", "txt"], languages=["en"], key_path=tmp_path / "key.json")
    returns = sorted(f for f, k in key.items() if k["role"] == "return")
    # a return whose name is not UTF-8 (Latin-1 "é"): it is read, its name kept escaped
    latin = returns[0]
    os.rename(raw / latin, os.path.join(os.fsencode(raw), b"r\xe9ponse " + os.fsencode(Path(latin).name)))
    # outside raw/: a return of its own, and links to it and to its folder
    outside = tmp_path / "elsewhere"
    generate_corpus(outside, n=1, seed=9, forms=["txt"], languages=["en"], key_path=tmp_path / "key2.json")
    secret = next(outside.rglob("*.txt"))
    os.symlink(secret, raw / "linked reply.txt")
    os.symlink(outside, raw / "linked folder")
    os.mkfifo(raw / "incoming.pipe")
    (raw / "bomb.pdf").write_bytes(bomb_pdf(60))
    image_pdf(raw / "long scan.pdf", pages=30)
    return raw, {"latin": latin, "returns": returns, "secret": secret}


def test_a_hostile_folder_ends_within_its_limits_and_reads_only_raw(prefect_harness, tmp_path):
    raw, what = hostile_folder(tmp_path)
    config = limits_config(tmp_path, max_pages=20, max_decompressed_mb=20, max_seconds=150)
    out = tmp_path / "normalized"
    t0 = time.monotonic()
    done = subprocess.run(RETURNS + ["ingest", "--raw", str(raw), "--out", str(out)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env=env_with(prefect_harness, config))
    assert done.returncode == 0, done.stderr[-3000:]
    assert time.monotonic() - t0 < 240
    ledger = csv(out / "submissions.csv").set_index("source_file")
    escaped = "r\\xe9ponse " + Path(what["latin"]).name
    assert ledger.loc[escaped, "status"] == "return"  # read, under its escaped name
    for f in what["returns"][1:]:
        assert ledger.loc[f, "status"] == "return"
    reasons = dict(zip(csv(out / "failures.csv").source_file, csv(out / "failures.csv").reason))
    assert "named pipe" in reasons["incoming.pipe"]
    assert "link out of raw/" in reasons["linked reply.txt"] and "link out of raw/" in reasons["linked folder"]
    assert "max_decompressed_mb" in reasons["bomb.pdf"]
    assert "30 pages" in reasons["long scan.pdf"] and "max_pages" in reasons["long scan.pdf"]
    assert not any(s.startswith("linked folder/") for s in ledger.index)  # nothing read through the link
    outside_country = what["secret"].name.split("_")[0]
    assert outside_country not in set(csv(out / "answers.csv").value)
    for name in ("incoming.pipe", "linked reply.txt", "bomb.pdf", "long scan.pdf", escaped):
        assert name in (out / "failures.csv").read_text(encoding="utf-8") + (out / "submissions.csv").read_text("utf-8")
    assert "incoming.pipe" in done.stdout and "bomb.pdf" in done.stdout  # the summary names the bad entries


def test_inflated_size_and_page_limits_fail_the_file_with_their_reason(monkeypatch, tmp_path):
    from questionnaire_returns.read import read_bytes
    from questionnaire_returns.read.errors import ReadError

    monkeypatch.setenv("RETURNS_CONFIG", str(limits_config(tmp_path, max_pages=3, max_decompressed_mb=10)))
    from questionnaire_returns.config import settings

    settings.cache_clear()
    try:
        with pytest.raises(ReadError, match="inflates to more than 10 MB"):
            read_bytes(bomb_pdf(30), "bomb.pdf", "bomb.pdf")
        with pytest.raises(ReadError, match="inflates to more than 10 MB"):
            read_bytes(zip_bomb_docx(4), "reply.docx", "reply.docx")
        with pytest.raises(ReadError, match="5 pages, over the 3 pages limit"):
            read_bytes(image_pdf(tmp_path / "scan.pdf", pages=5).read_bytes(), "scan.pdf", "scan.pdf")
        doc = read_bytes(bomb_pdf(5), "small.pdf", "small.pdf")  # under the limit: read
        assert "Reply of the Republic" in " ".join(line.text for line in doc.lines)
    finally:
        settings.cache_clear()


def test_the_time_limit_interrupts_a_blocked_call_in_the_main_thread(tmp_path):
    from flows.deadline import OverTime, within

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    t0 = time.monotonic()
    with pytest.raises(OverTime, match="longer than 0.5 s"):
        with within(0.5, "pipe"):
            open(fifo, "rb").read()  # blocks for ever without a writer
    assert time.monotonic() - t0 < 5


def test_the_time_limit_works_in_a_worker_thread():
    from flows.deadline import OverTime, within

    caught = []

    def work():
        try:
            with within(0.3, "slow"):
                while True:
                    time.sleep(0.01)
        except OverTime as exc:
            caught.append(str(exc))

    t = threading.Thread(target=work)
    t.start()
    t.join(10)
    assert not t.is_alive() and "reader.max_seconds" in caught[0]


def test_a_file_over_its_time_limit_fails_and_the_batch_goes_on(prefect_harness, standin, tmp_path, monkeypatch):
    from questionnaire_returns.config import settings

    from flows.ingest import ingest

    monkeypatch.setenv("RETURNS_CONFIG", str(limits_config(tmp_path, max_seconds=1)))
    settings.cache_clear()
    try:
        raw = tmp_path / "raw"
        write_standin(raw, "slow.json", sleep=30, country="Malta", answers=answers(country="Malta"))
        write_standin(raw, "quick.json", country="Austria", answers=answers(country="Austria", ncm_exists="yes"))
        t0 = time.monotonic()
        summary = ingest(raw=raw, out=tmp_path / "out", runner="thread")
        assert time.monotonic() - t0 < 25
    finally:
        settings.cache_clear()
    assert summary["returns"] == 1
    assert dict(summary["failures"])["slow.json"].startswith("reading it took longer than 1 s")


def _descendants(pid: int) -> list:
    import psutil

    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


@pytest.mark.parametrize("signum", ["SIGTERM", "SIGINT"])
def test_a_signal_ends_the_run_cleanly_and_leaves_the_previous_dataset_whole(prefect_harness, tmp_path, signum):
    import signal

    import psutil

    from questionnaire_returns.runlock import run_lock

    raw, out = tmp_path / "raw", tmp_path / "normalized"
    generate_corpus(raw, n=2, seed=5, forms=["txt"], languages=["en"], key_path=tmp_path / "key.json")
    config = limits_config(tmp_path, max_pages=200, max_seconds=600)
    env = env_with(prefect_harness, config)
    cmd = RETURNS + ["ingest", "--raw", str(raw), "--out", str(out)]
    first = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert first.returncode == 0, first.stderr[-2000:]
    before = {n: (out / n).read_bytes() for n in ("answers.csv", "submissions.csv", "responses.csv")}

    image_pdf(raw / "long scan.pdf", pages=60)  # about half a second of OCR a page
    generate_corpus(raw / "more", n=2, seed=8, forms=["txt"], languages=["en"], key_path=tmp_path / "key2.json")
    run = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                           start_new_session=True)
    try:
        deadline, workers = time.monotonic() + 180, []
        while time.monotonic() < deadline:  # wait until a worker is reading (OCR running)
            kids = _descendants(run.pid)
            if any(k.name().startswith("tesseract") for k in kids if k.is_running()):
                workers = kids
                break
            time.sleep(0.2)
        assert workers, "the run never reached the OCR of the long scan"
        t0 = time.monotonic()
        run.send_signal(getattr(signal, signum))
        _, err = run.communicate(timeout=60)
        assert time.monotonic() - t0 < 45
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
    assert run.returncode == 128 + getattr(signal, signum), err[-2000:]
    assert f"stopped ({signum})" in err
    gone, alive = psutil.wait_procs(workers, timeout=20)
    assert not alive, [p.pid for p in alive]  # no worker, no tesseract left behind
    assert {n: (out / n).read_bytes() for n in before} == before  # the previous dataset, whole
    with run_lock(out):  # released
        pass


def test_a_refused_run_starts_no_prefect_server(tmp_path):
    """The run lock comes first: a second ingest is refused at once, before any Prefect server starts."""
    raw, out = tmp_path / "raw", tmp_path / "normalized"
    write_standin(raw, "a.json", country="Malta")
    code = ("import sys, time\nfrom questionnaire_returns.runlock import run_lock\n"
            f"with run_lock({str(out)!r}):\n    print('held', flush=True)\n    time.sleep(120)\n")
    holder = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        done = subprocess.run(RETURNS + ["ingest", "--raw", str(raw), "--out", str(out)], cwd=ROOT, capture_output=True,
                              text=True, timeout=120, env=env_with(None))
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 2
    assert f"pid {holder.pid}" in done.stderr
    assert "temporary server" not in done.stderr + done.stdout and "Traceback" not in done.stderr
