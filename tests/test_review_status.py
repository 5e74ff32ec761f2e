"""`confirmed` (a reviewer kept the value as read) vs `corrected` (a reviewer set another),
in the published files and the report."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))
pytest_plugins = ["conftest_review"]
pytest.register_assert_rewrite("conftest_review")

from questionnaire_returns.corrections.store import CorrectionStore  # noqa: E402


def test_published_status_and_report(dataset, publish_module, tmp_path):
    from questionnaire_returns.report.build import build_report

    store = CorrectionStore(dataset.store_url)
    store.add("at-2007", "ncm_exists", "accept", "yes", "yes", "1. Yes [x]  No [ ]", "Anna")
    store.add("at-2007", "ncm_legal_basis", "correct", "decree", "policy",
              "established by a decision of the Council of Ministers", "Anna")
    store.add("mt-2007", "ncm_exists", "correct", "no", "no", "1. No", "Ben")  # "corrected" to the same value
    publish_module.publish(dataset.data, store)
    store.close()

    answers = pd.read_csv(dataset.data / "answers.csv", dtype=str, keep_default_na=False)
    status = {(r.submission_id, r.field): r.status for r in answers.itertuples()}
    assert status[("at-2007", "ncm_exists")] == "confirmed"
    assert status[("mt-2007", "ncm_exists")] == "confirmed"
    assert status[("at-2007", "ncm_legal_basis")] == "corrected"
    queue = pd.read_csv(dataset.data / "review_queue.csv", dtype=str, keep_default_na=False)
    assert not set(zip(queue.submission_id, queue.field)) & {("at-2007", "ncm_exists"), ("at-2007", "ncm_legal_basis")}

    files = build_report(dataset.data, tmp_path / "report", required=["ncm_exists"])
    with files["data_quality"].open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    reviewed = {r["item"]: r["count"] for r in rows if r["section"] == "reviewed"}
    assert reviewed == {"confirmed": "2", "corrected": "1"}
    countries = {r["item"]: r for r in rows if r["section"] == "country"}
    assert "ncm_exists" not in countries["Austria"]["fields"]  # a confirmed value is settled
    html = files["html"].read_text(encoding="utf-8")
    assert "Reviewers confirmed 2 value(s) as read and corrected 1." in html
