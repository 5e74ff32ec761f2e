"""The ingest flow end to end: stand-in documents, its named tasks, retries, runners, the real
pipeline on tiny files."""

from __future__ import annotations

import time

import pandas as pd

from synthetic_returns import generate_corpus
from tests.conftest import answers, write_standin


def ingest(raw, out, **kw):
    from flows.ingest import ingest as flow

    return flow(raw=raw, out=out, **kw)


def csv(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_flow_end_to_end(prefect_harness, standin, small_raw, tmp_path):
    out = tmp_path / "normalized"
    summary = ingest(small_raw, out, runner="thread")
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


def test_the_run_shows_its_named_tasks(prefect_harness, standin, small_raw, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    from flows.ingest import ingest as flow

    state = flow(raw=small_raw, out=tmp_path / "out", runner="thread", return_state=True)
    assert state.is_completed()
    expected = sorted(["list-and-hash", "reuse-cached", "write-dataset", "build-report", "write-manifest"])
    files = sorted(p.relative_to(small_raw).as_posix() for p in small_raw.rglob("*") if p.is_file())
    only_this_run = FlowRunFilter(id=FlowRunFilterId(any_=[state.state_details.flow_run_id]))
    deadline = time.monotonic() + 60
    with get_client(sync_client=True) as client:
        while True:  # task runs reach the API as events, a moment after the flow returns
            names = sorted(r.name for r in client.read_task_runs(flow_run_filter=only_this_run))
            if len(names) >= len(expected) + len(files) or time.monotonic() > deadline:
                break
            time.sleep(0.5)
    assert sorted(n.rsplit("-", 1)[0] for n in names if not n.startswith("read ")) == expected  # name, dash, suffix
    assert sorted(n for n in names if n.startswith("read ")) == [f"read {f}" for f in files]  # named after their file


def _task_run_names(flow_run_id, at_least: int) -> list[str]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    only_this_run = FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
    deadline = time.monotonic() + 60
    with get_client(sync_client=True) as client:
        while True:  # task runs reach the API as events, a moment after the flow returns
            names = sorted(r.name for r in client.read_task_runs(flow_run_filter=only_this_run))
            if len(names) >= at_least or time.monotonic() > deadline:
                return names
            time.sleep(0.5)


def test_many_short_files_share_task_runs_named_after_them(prefect_harness, standin, small_raw, tmp_path,
                                                           monkeypatch, caplog):
    """A large batch of short files is read a few files to a task run (a task run costs more than reading a
    short return): each task run is named after its files, every file is in one, the dataset is the same
    as one task run per file gives, and a transient error is retried for its own file alone."""
    from flows import runners
    from flows.ingest import ingest as flow

    log = tmp_path / "reads.log"
    log.write_text("")
    monkeypatch.setenv("RETURNS_STANDIN_LOG", str(log))
    for k in range(6):
        write_standin(small_raw, f"more/reply{k}.json", country="Malta", answers=answers(ncm_exists="yes"), pages=k + 1,
                      os_error_times=1 if k == 2 else 0)
    files = sorted(p.relative_to(small_raw).as_posix() for p in small_raw.rglob("*") if p.is_file())
    one_each = ingest(small_raw, tmp_path / "one", runner="thread")

    monkeypatch.setattr(runners, "BATCH_FROM", 1)
    monkeypatch.setattr(runners, "RUNS_PER_WORKER", 1)
    log.write_text("")
    state = flow(raw=small_raw, out=tmp_path / "batched", runner="thread", return_state=True)
    assert state.is_completed()
    reads = log.read_text().splitlines()
    assert reads.count("more/reply2.json") == 2 and reads.count("more/reply3.json") == 1  # retried alone
    names = [n[len("read "):] for n in _task_run_names(state.state_details.flow_run_id, 5 + 3) if n.startswith("read ")]
    assert 1 < len(names) < len(files)
    assert sorted(f for n in names for f in n.split(", ")) == files  # each file named by exactly one task run
    for name in ("answers.csv", "responses.csv", "failures.csv"):
        a = csv(tmp_path / "one" / name).drop(columns=["seen_at"], errors="ignore")
        b = csv(tmp_path / "batched" / name).drop(columns=["seen_at"], errors="ignore")
        pd.testing.assert_frame_equal(a, b)
    assert one_each["failures"] == state.result()["failures"]


def test_progress_names_each_file_as_it_is_read_when_files_share_a_task_run(prefect_harness, standin, tmp_path,
                                                                             monkeypatch):
    """Short files read together in one task run still move the progress (bar or log lines) file by
    file: when a file is read, the files read before it are already shown, not all at the task run's end."""
    from flows import progress, runners, tasks

    raw = tmp_path / "raw"
    for k in range(6):
        write_standin(raw, f"reply{k}.json", country="Malta", answers=answers(ncm_exists="yes"), pages=k + 1)
    monkeypatch.setattr(runners, "batches", lambda todo, workers: [todo])  # all six in one task run
    shown: list[str] = []
    advance = progress.ReadProgress.advance

    def showing(self, name, failed=False):
        shown.append(name)
        return advance(self, name, failed)

    monkeypatch.setattr(progress.ReadProgress, "advance", showing)
    shown_at_read: dict[str, list[str]] = {}
    read = tasks.read_with_retries

    def noting(**doc):
        shown_at_read[doc["source_file"]] = list(shown)
        return read(**doc)

    monkeypatch.setattr(tasks, "read_with_retries", noting)
    summary = ingest(raw, tmp_path / "out", runner="thread")
    assert (summary["files_seen"], summary["failed"]) == (6, 0)
    order = [f"reply{k}.json" for k in range(6)]
    assert shown == order
    assert [shown_at_read[name] for name in order] == [order[:k] for k in range(6)]


def test_transient_errors_are_retried_read_errors_are_not(prefect_harness, standin, tmp_path, monkeypatch):
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


def test_a_transient_error_while_writing_is_retried(prefect_harness, standin, small_raw, tmp_path, monkeypatch):
    from questionnaire_returns.write import dataset

    calls, write_run = [], dataset.write_run

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("the share is briefly unavailable")
        return write_run(*args, **kwargs)

    monkeypatch.setattr(dataset, "write_run", flaky)
    summary = ingest(small_raw, tmp_path / "out", runner="thread")
    assert len(calls) == 2 and summary["returns"] == 2
    assert (tmp_path / "out" / "answers.csv").exists()


def test_dask_runner_gives_the_same_answers(prefect_harness, tmp_path, monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", prefect_harness)  # Dask workers use the test server
    raw = tmp_path / "raw"
    generate_corpus(raw, n=2, seed=7, forms=["txt"], languages=["en"], key_path=tmp_path / "key.json")
    ingest(raw, tmp_path / "a", runner="thread")
    ingest(raw, tmp_path / "b", runner="dask")
    assert (tmp_path / "a" / "answers.csv").read_bytes() == (tmp_path / "b" / "answers.csv").read_bytes()
    assert len((tmp_path / "a" / "answers.csv").read_text().splitlines()) > 10


def test_real_pipeline_on_tiny_files(prefect_harness, tmp_path):
    raw = tmp_path / "raw"
    key = generate_corpus(raw, n=3, seed=5, forms=["pdf_typed", "docx", "txt"], languages=["en"],
                          key_path=tmp_path / "key.json")
    (raw / "corrupt.pdf").write_bytes(b"%PDF-1.7\n this is not a pdf")
    out = tmp_path / "normalized"
    summary = ingest(raw, out)  # the process pool of config.yaml
    ledger = csv(out / "submissions.csv").set_index("source_file")
    assert ledger.loc["corrupt.pdf", "status"] == "failed"
    returns = [f for f, k in key.items() if k["role"] == "return"]
    bad = {f: ledger.loc[f, "reason"] for f in returns if ledger.loc[f, "status"] not in ("return", "superseded", "duplicate")}
    assert not bad, bad
    assert summary["rows_written"] > 0


def test_many_short_returns_share_few_task_runs_and_every_worker_keeps_work_to_the_end():
    """A task run costs about as much as reading three short returns: 100 short ones are read in a task
    run per worker (which hands its files to the workers a few at a time), not twenty; a large file is
    read alone."""
    from flows.runners import BATCH_MAX, RUNS_PER_WORKER, batches
    from questionnaire_returns.write.ledger import FileInfo

    todo = [[FileInfo(f"reply{k:03}.pdf", f"{k:064x}", 50_000, "2007-05-01T00:00:00Z")] for k in range(100)]
    todo.insert(50, [FileInfo("big.pdf", "f" * 64, 3_000_000, "2007-05-01T00:00:00Z")])
    runs = batches(todo, workers=2)
    assert [m for run in runs for m in run] == todo  # every file once, in order
    assert 2 * RUNS_PER_WORKER <= len(runs) <= 4
    assert max(len(run) for run in runs) <= BATCH_MAX
    assert [[m[0].source_file for m in run] for run in runs if any(m[0].source_file == "big.pdf" for m in run)] == [["big.pdf"]]
    few = todo[:10]  # few files: one task run each, named after its file
    assert batches(few, workers=2) == [[m] for m in few]
