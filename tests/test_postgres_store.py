"""The corrections store on a real PostgreSQL (the URL staff configure: postgresql://...), with the
driver the project ships (.[postgres]): the server is started by the test on a free local port."""

from __future__ import annotations


import pytest

from questionnaire_returns.corrections.store import Conflict, CorrectionStore
from tests.postgres_server import postgres_server


@pytest.fixture(scope="module")
def pg_url():
    with postgres_server() as url:
        yield url


def test_saves_history_conflicts_and_aliases_on_postgres(pg_url):
    store = CorrectionStore(pg_url)  # a plain postgresql:// URL, as config.yaml would give it
    try:
        assert store.engine.dialect.name == "postgresql" and store.engine.dialect.driver == "psycopg"
        a = store.add("at-2007", "ncm_exists", "correct", "yse", "yes", "1. Yes", "Anna")
        b = store.add("at-2007", "ncm_exists", "correct", "yes", "no", "1. Yes", "Ben", expected_latest=a.id)
        assert store.latest()[("at-2007", "ncm_exists")].id == b.id
        assert [h.id for h in store.history("at-2007", "ncm_exists")] == [a.id, b.id]
        with pytest.raises(Conflict):
            store.add("at-2007", "ncm_exists", "correct", "yes", "maybe", "", "Cleo", expected_latest=a.id)
    finally:
        store.close()
    again = CorrectionStore(pg_url)  # tables exist: opening again is fine, the saves are there
    try:
        assert again.latest()[("at-2007", "ncm_exists")].new_value == "no"
    finally:
        again.close()


def test_two_writers_on_postgres_cannot_both_win(pg_url):
    from tests.test_review_store import race_two_writers

    race_two_writers(pg_url, rounds=4)
