"""The writer: atomic files, the dataset files and their columns, publish with corrections."""

import os
import subprocess
import sys
import threading

import pandas as pd
import pytest

from questionnaire_returns.config import Settings
from questionnaire_returns.pipeline import DocResult
from questionnaire_returns.records import Answer
from questionnaire_returns import atomic_files as atomic
from questionnaire_returns.write.dataset import ANSWER_COLUMNS, publish, write_run


def test_crash_mid_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "answers.csv"
    target.write_text("old\n")
    with pytest.raises(RuntimeError):
        with atomic.atomic_open(target, "w", encoding="utf-8") as fh:
            fh.write("half of the new")
            raise RuntimeError("crash")
    assert target.read_text() == "old\n"
    assert list(tmp_path.iterdir()) == [target]  # no temp file left

    def broken_replace(src, dst):
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic.write_text(target, "new\n")
    assert target.read_text() == "old\n"


def test_killed_writer_leaves_the_old_file(tmp_path):
    target = tmp_path / "big.csv"
    target.write_text("old\n")
    code = (
        "import os, sys\n"
        "from questionnaire_returns.atomic_files import atomic_open\n"
        f"with atomic_open({str(target)!r}, 'wb') as fh:\n"
        "    fh.write(b'x' * 1_000_000)\n"
        "    fh.flush()\n"
        "    os.kill(os.getpid(), 9)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code])
    assert proc.returncode == -9
    assert target.read_text() == "old\n"
    leftovers = [p for p in tmp_path.iterdir() if p != target]
    assert leftovers and all(p.name.startswith(".big.csv.") for p in leftovers)
    assert atomic.sweep_temp_files(tmp_path, older_than_s=-1) == len(leftovers)


def _results():
    def a(sf, f, v, c, **kw):
        return Answer(f, v, c, "rule.x", f"evidence {f}", page=1, bbox=(1, 2, 3, 4), source_file=sf, **kw)

    return {
        "at.pdf": DocResult("at.pdf", "pdf_typed", 2, "en", "Austria", (
            a("at.pdf", "country", "Austria", 0.99), a("at.pdf", "ncm_exists", "yes", 0.95),
            a("at.pdf", "ncm_established_year", "2004", 0.4),
            a("at.pdf", "nap_exists", "yes", 0.9), a("at.pdf", "nrm_exists", "no", 0.9),
        ), unknown_names=(("ministry", "Ministry of Magic"),)),
        "mt.pdf": DocResult("mt.pdf", "pdf_typed", 1, "en", "Malta", (
            a("mt.pdf", "country", "Malta", 0.99), a("mt.pdf", "ncm_exists", "no", 0.9),
        ), unreadable_pages=((1, "blank scan"),)),
    }


def test_write_run_files_and_columns(tmp_path):
    s = Settings()
    s.review.audit_share = 0.0
    s.review.required = ["ncm_exists", "nap_exists", "nrm_exists"]
    summary = write_run(tmp_path, _results(), {"bad.pdf": "not a readable PDF"}, s)
    assert (summary["returns"], summary["failed"]) == (2, 1)
    for name in ("answers.csv", "answers.parquet", "responses.csv", "review_queue.csv", "failures.csv",
                 "submissions.csv", "unknown_names.csv", "extracted.parquet"):
        assert (tmp_path / name).exists(), name
    ans = pd.read_csv(tmp_path / "answers.csv", dtype=str, keep_default_na=False)
    assert list(ans.columns) == ANSWER_COLUMNS
    assert pd.read_parquet(tmp_path / "answers.parquet").shape[0] == len(ans)
    low = ans[(ans.submission_id == "at") & (ans.field == "ncm_established_year")].iloc[0]
    assert (low.status, low.note, low.bbox, low.page, low.question) == ("review", "low_confidence", "1,2,3,4", "1", "4")
    missing = ans[(ans.submission_id == "mt") & (ans.note == "required_missing")]
    assert set(missing.field) == {"nap_exists", "nrm_exists"}
    queue = pd.read_csv(tmp_path / "review_queue.csv", dtype=str, keep_default_na=False)
    assert set(queue.status) == {"review"} and len(queue) == 3
    wide = pd.read_csv(tmp_path / "responses.csv", dtype=str, keep_default_na=False)
    assert list(wide.country) == ["Austria", "Malta"]
    assert list(wide.columns[:6]) == ["submission_id", "cycle", "country", "respondent_type", "language", "submitted_on"]
    assert wide.loc[0, "ncm_exists"] == "yes"
    fails = pd.read_csv(tmp_path / "failures.csv", dtype=str, keep_default_na=False)
    assert list(fails.columns) == ["source_file", "page", "reason", "seen_at"]
    assert set(zip(fails.source_file, fails.page)) == {("bad.pdf", ""), ("mt.pdf", "1")}
    names = pd.read_csv(tmp_path / "unknown_names.csv", dtype=str, keep_default_na=False)
    assert names.to_dict("records") == [{"kind": "ministry", "name": "Ministry of Magic", "times_seen": "1", "files": "at.pdf"}]
    # rerun: same bytes (deterministic order), failures keep their first seen_at
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.suffix == ".csv"}
    write_run(tmp_path, _results(), {"bad.pdf": "not a readable PDF"}, s)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.suffix == ".csv"}
    assert before == after


def test_publish_applies_corrections_and_is_safe_concurrently(tmp_path):
    from questionnaire_returns.corrections import store as store_mod
    s = Settings()
    s.review.audit_share = 0.0
    s.review.required = ["ncm_exists", "nap_exists", "nrm_exists"]
    write_run(tmp_path, _results(), {}, s)
    store = store_mod.CorrectionStore(f"sqlite:///{tmp_path / 'corrections.sqlite'}")
    store.add("at", "ncm_established_year", "correct", "2004", "2003", "evidence ncm_established_year", "ana")
    threads = [threading.Thread(target=publish, args=(tmp_path, store)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ans = pd.read_csv(tmp_path / "answers.csv", dtype=str, keep_default_na=False)
    row = ans[(ans.submission_id == "at") & (ans.field == "ncm_established_year")].iloc[0]
    assert (row.value, row.status, row.extracted_value, row.reviewer) == ("2003", "corrected", "2004", "ana")
    ext = pd.read_parquet(tmp_path / "extracted.parquet")
    assert ext[(ext.submission_id == "at") & (ext.field == "ncm_established_year")].value.iloc[0] == "2004"
    # a rerun of the writer keeps the correction (publish without a store opens the folder's own)
    write_run(tmp_path, _results(), {}, s)
    ans = pd.read_csv(tmp_path / "answers.csv", dtype=str, keep_default_na=False)
    assert ans[(ans.submission_id == "at") & (ans.field == "ncm_established_year")].value.iloc[0] == "2003"
    store.close()


def test_a_broken_corrections_package_stops_the_write_loudly(tmp_path, monkeypatch):
    """An import bug in corrections/ must not publish answers without the reviewers' corrections."""
    s = Settings()
    s.review.audit_share = 0.0
    monkeypatch.setitem(sys.modules, "questionnaire_returns.corrections.merge", None)  # import fails
    with pytest.raises(ImportError, match="questionnaire_returns.corrections.merge"):
        write_run(tmp_path, _results(), {}, s)
    assert not (tmp_path / "answers.csv").exists()


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_dataset_files_are_as_readable_as_the_umask_says(tmp_path, umask, mode):
    import os
    import stat

    from questionnaire_returns.atomic_files import write_text
    from questionnaire_returns.write.cells import write_csv

    old = os.umask(umask)
    try:
        write_text(tmp_path / "runs" / "x.json", "{}")
        write_csv(pd.DataFrame({"a": [1]}), tmp_path / "answers.csv")
    finally:
        os.umask(old)
    for name in ("runs/x.json", "answers.csv"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == mode
