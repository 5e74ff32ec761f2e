"""`returns schedule`: a deployment with the cron in config.yaml's time zone, a trigger on the
file-arrival event, one run at a time; the event starts a run on the server."""

from __future__ import annotations

import time

from flows.schedule import EVENT, deployment_options, notify, raw_resource


def test_the_deployment_has_its_time_zone_trigger_and_limit(tmp_path):
    from flows.ingest import ingest

    options = deployment_options(tmp_path / "raw", tmp_path / "out", "process", "0 6 * * 1-5", "Europe/Vienna")
    options["concurrency_limit"] = options.pop("global_limit")  # serve's name for it; to_deployment's
    deployment = ingest.to_deployment(**options)
    assert deployment.name == "returns-ingest"
    schedule = deployment.schedules[0].schedule
    assert (schedule.cron, schedule.timezone) == ("0 6 * * 1-5", "Europe/Vienna")
    trigger = deployment.triggers[0]
    assert trigger.expect == {EVENT}
    assert trigger.match.model_dump()["prefect.resource.id"] == raw_resource(tmp_path / "raw")["prefect.resource.id"]
    assert trigger.parameters["raw"] == str(tmp_path / "raw")
    assert deployment.concurrency_limit == 1


def test_the_cron_time_zone_comes_from_config():
    from questionnaire_returns.config import load_settings

    assert load_settings().schedule.timezone == "UTC"


def test_a_file_arrival_event_starts_a_run_of_the_deployment(prefect_harness, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId

    from flows.ingest import ingest

    raw = tmp_path / "raw"
    raw.mkdir()
    options = deployment_options(raw, tmp_path / "out", "thread", "0 6 * * *", "UTC")
    options.pop("name")
    options["concurrency_limit"] = options.pop("global_limit")
    deployment_id = ingest.to_deployment(name="returns-ingest-test", **options).apply()
    with get_client(sync_client=True) as client:
        deployment = client.read_deployment(deployment_id)
        limit = deployment.global_concurrency_limit
        assert deployment.concurrency_limit == 1 or (limit is not None and limit.limit == 1)
        automations = client.read_automations_by_name("returns arrived in raw/")
        assert automations, "the trigger is an automation the UI lists"
        notify(raw, ["Austria reply.pdf"])
        only = DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id]))
        deadline, runs = time.monotonic() + 90, []
        while time.monotonic() < deadline and not runs:
            runs = client.read_flow_runs(deployment_filter=only)
            time.sleep(1)
    assert runs, "the event did not start a run"
    assert runs[0].parameters["raw"] == str(raw)
