"""The corrections store: append-only, latest, history, optimistic concurrency, WAL, aliases."""

from __future__ import annotations

import sys
import threading
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).parent))
pytest_plugins = ["conftest_review"]

from questionnaire_returns.corrections.store import Conflict, Correction, CorrectionStore  # noqa: E402


@pytest.fixture
def store(tmp_path):
    s = CorrectionStore(f"sqlite:///{tmp_path / 'db' / 'corrections.sqlite'}")
    yield s
    s.close()


def test_wal_is_on_and_tables_exist(store, tmp_path):
    assert store.journal_mode() == "wal"
    assert (tmp_path / "db" / "corrections.sqlite").exists()
    with store.engine.connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"corrections", "aliases"} <= names
    # opening an existing store again is fine (tables are only created when missing)
    CorrectionStore(store.url).close()


def test_append_only_latest_and_history(store):
    a = store.add("at-2007", "ncm_exists", "correct", "yse", "yes", "1. Yes", "Anna")
    b = store.add("at-2007", "ncm_exists", "correct", "yes", "no", "1. Yes", "Ben", note="form says no",
                  expected_latest=a.id)
    c = store.add("mt-2007", "ncm_exists", "accept", "no", "", "1. No", "Anna")
    assert isinstance(a, Correction) and a.created_at.endswith("+00:00")
    assert b.base_version == a.id and b.note == "form says no"
    assert c.new_value == "no"  # accept = the same value
    with pytest.raises(FrozenInstanceError):
        a.new_value = "x"  # type: ignore[misc]
    latest = store.latest()
    assert latest[("at-2007", "ncm_exists")].id == b.id
    assert latest[("mt-2007", "ncm_exists")].action == "accept"
    assert [h.id for h in store.history("at-2007", "ncm_exists")] == [a.id, b.id]
    # nothing was updated: the first record is intact
    assert store.history("at-2007", "ncm_exists")[0] == a
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM corrections")).scalar() == 3


def test_unanswerable_and_validation(store):
    u = store.add("at-2007", "nap_year", "unanswerable", "2004", "ignored", "ev", "Anna")
    assert u.new_value == ""
    with pytest.raises(ValueError):
        store.add("at-2007", "nap_year", "delete", "", "", "", "Anna", expected_latest=u.id)
    with pytest.raises(ValueError):
        store.add("at-2007", "nap_year", "correct", "", "2005", "", "  ", expected_latest=u.id)


def test_conflict_when_someone_saved_after_what_you_saw(store):
    first = store.add("at-2007", "ncm_exists", "correct", "yse", "yes", "ev", "Anna")
    with pytest.raises(Conflict) as exc:
        store.add("at-2007", "ncm_exists", "correct", "yse", "no", "ev", "Ben")  # Ben saw none
    assert exc.value.latest == first
    assert "Anna" in str(exc.value)
    with pytest.raises(Conflict):
        store.add("at-2007", "ncm_exists", "correct", "yse", "no", "ev", "Ben", expected_latest=first.id + 99)
    assert [c.id for c in store.history("at-2007", "ncm_exists")] == [first.id]


def test_two_concurrent_writers_cannot_both_win(tmp_path):
    race_two_writers(f"sqlite:///{tmp_path / 'corrections.sqlite'}", rounds=8)


def race_two_writers(url: str, rounds: int) -> None:
    """Two stores on one database (two engines, like two app processes) save the same field at once, `rounds`
    times: one wins, the other is told who won and what they saved."""
    stores = [CorrectionStore(url), CorrectionStore(url)]
    for round_ in range(rounds):
        field = f"field_{round_}"
        base = stores[0].add("s", field, "correct", "", "start", "", "setup")
        barrier = threading.Barrier(2)
        results: list = [None, None]

        def save(i: int, barrier=barrier, results=results, field=field, base=base) -> None:
            barrier.wait()
            try:
                results[i] = stores[i].add("s", field, "correct", "start", f"v{i}", "", f"r{i}",
                                           expected_latest=base.id)
            except Conflict as exc:
                results[i] = exc

        threads = [threading.Thread(target=save, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        wins = [r for r in results if isinstance(r, Correction)]
        conflicts = [r for r in results if isinstance(r, Conflict)]
        assert len(wins) == 1 and len(conflicts) == 1, results
        assert conflicts[0].latest == wins[0]  # the loser is told who won and what they saved
        assert stores[1].latest()[("s", field)] == wins[0]
        assert len(stores[0].history("s", field)) == 2
    for s in stores:
        s.close()


def test_many_threads_one_store(store):
    """Eight reviewers on one engine, each saving on top of what they saw: no save is lost."""
    errors = []

    def worker(n: int) -> None:
        for _ in range(5):
            while True:
                seen = store.latest().get(("s", "f"))
                try:
                    store.add("s", "f", "correct", "", f"w{n}", "", f"r{n}",
                              expected_latest=seen.id if seen else None)
                    break
                except Conflict:
                    continue
                except Exception as exc:  # pragma: no cover
                    errors.append(exc)
                    return

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    history = store.history("s", "f")
    assert len(history) == 40
    assert [c.seq for c in history] == list(range(1, 41))
    assert all(c.base_version == prev.id for prev, c in zip(history, history[1:]))


def test_aliases(store):
    store.add_alias("ministry", "Vice Squad within the Malta Police Force", "interior", "Anna")
    store.add_alias("ministry", "Ministère de la Famille", "family", "Ben")
    store.add_alias("ministry", "vice squad within the malta police force", "justice", "Ben")  # re-taught
    records = store.aliases()
    by_alias = {r.alias.casefold(): r for r in records}
    assert len(records) == 2
    assert by_alias["vice squad within the malta police force"].id == "justice"
    assert by_alias["ministère de la famille"].added_by == "Ben"
    assert all(r.kind == "ministry" and r.added_at for r in records)
    with store.engine.connect() as conn:  # append-only: all three rows stay
        assert conn.execute(text("SELECT count(*) FROM aliases")).scalar() == 3


def test_memory_url_works():
    s = CorrectionStore("sqlite://")
    s.add("a", "b", "correct", "", "x", "", "r")
    assert s.latest()[("a", "b")].new_value == "x"
    assert s.journal_mode() in ("memory", "wal")


def test_a_store_made_before_the_second_pass_is_upgraded(tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite"
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE corrections (id INTEGER PRIMARY KEY AUTOINCREMENT, submission_id VARCHAR(200) NOT NULL,
            field VARCHAR(100) NOT NULL, action VARCHAR(20) NOT NULL, old_value TEXT NOT NULL, new_value TEXT NOT NULL,
            evidence TEXT NOT NULL, reviewer VARCHAR(200) NOT NULL, created_at VARCHAR(40) NOT NULL, note TEXT NOT NULL,
            base_version INTEGER, extracted_value TEXT, seq INTEGER NOT NULL,
            CONSTRAINT uq_corrections_field_seq UNIQUE (submission_id, field, seq));
        INSERT INTO corrections (submission_id, field, action, old_value, new_value, evidence, reviewer, created_at,
            note, base_version, extracted_value, seq)
        VALUES ('at', 'ncm_exists', 'correct', 'yes', 'no', 'ev', 'ana', '2007-01-01T00:00:00+00:00', '', NULL, 'yes', 1);
    """)
    con.commit()
    con.close()
    store = CorrectionStore(f"sqlite:///{path}")
    [old] = store.latest().values()
    assert (old.new_value, old.needs_approval, old.state) == ("no", False, "final")  # counts, as it always did
    new = store.add("at", "ncm_exists", "correct", "no", "yes", "ev", "ben", expected_latest=old.id, needs_approval=True)
    assert store.latest()[("at", "ncm_exists")].state == "pending" and new.needs_approval
    store.close()
