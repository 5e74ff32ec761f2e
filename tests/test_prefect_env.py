"""Flow runs on a temporary Prefect server send no heartbeats (they only serve a lasting server,
which notices crashed runs by them); on a lasting server they keep them."""

from __future__ import annotations


def test_a_flow_run_on_a_temporary_server_sends_no_heartbeats(prefect_harness, monkeypatch):
    from prefect import flow
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, get_current_settings, temporary_settings

    from questionnaire_returns.prefect_env import TEMPORARY_API, local_api

    @flow
    def heartbeat_seen() -> int | None:
        return get_current_settings().flows.heartbeat_frequency  # what the flow engine reads

    monkeypatch.delenv(TEMPORARY_API, raising=False)
    with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: 60}):
        with local_api() as url:  # a configured server nobody here started: a lasting one
            assert url == prefect_harness
            assert heartbeat_seen() == 60
        monkeypatch.setenv(TEMPORARY_API, prefect_harness)  # the temporary server a parent (bench, eval) started
        with local_api():
            assert heartbeat_seen() is None
        assert get_current_settings().flows.heartbeat_frequency == 60  # as it was after the block
