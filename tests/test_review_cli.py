"""`returns review` as a Typer sub-app: the app by default, export and import."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
pytest_plugins = ["conftest_review"]
pytest.register_assert_rewrite("conftest_review")

from questionnaire_returns.review.cli import review_app  # noqa: E402
from questionnaire_returns.corrections.store import CorrectionStore  # noqa: E402

runner = CliRunner()


def test_help_texts():
    r = runner.invoke(review_app, ["--help"])
    assert r.exit_code == 0
    for word in ("--data", "--host", "--port", "export", "import"):
        assert word in r.output
    assert "127.0.0.1" in r.output
    assert runner.invoke(review_app, ["export", "--help"]).exit_code == 0
    assert "--reviewer" in runner.invoke(review_app, ["import", "--help"]).output


def test_default_command_serves_on_localhost(monkeypatch, dataset):
    seen = {}

    def fake_serve(data_dir, host, port, raw_dir, store_url, **tls):
        seen.update(data_dir=data_dir, host=host, port=port, raw_dir=raw_dir, store_url=store_url)

    import questionnaire_returns.review.app as app_module

    monkeypatch.setattr(app_module, "serve", fake_serve)
    r = runner.invoke(review_app, ["--data", str(dataset.data), "--raw", str(dataset.raw)])
    assert r.exit_code == 0, r.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8765
    assert seen["data_dir"] == dataset.data.resolve()
    assert seen["store_url"] == f"sqlite:///{dataset.data.resolve() / 'corrections.sqlite'}"


def test_export_then_import(dataset, publish_module, tmp_path):
    out = tmp_path / "q.xlsx"
    r = runner.invoke(review_app, ["export", "--data", str(dataset.data), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "6 fields to review" in r.output
    wb = load_workbook(out)
    ws = wb["queue"]
    header = [c.value for c in ws[1]]
    for row in range(2, ws.max_row + 1):
        field = ws.cell(row, header.index("field") + 1).value
        if field == "ncm_legal_basis":
            ws.cell(row, header.index("new_value") + 1, "policy")
        if field == "report_frequency":
            ws.cell(row, header.index("new_value") + 1, "weekly")
    wb.save(out)
    rejected = tmp_path / "rejected.csv"
    r = runner.invoke(review_app, ["import", str(out), "--data", str(dataset.data), "--reviewer", "Anna",
                                   "--report", str(rejected)])
    assert r.exit_code == 1, r.output  # one row was rejected
    assert "1 applied, 1 rejected" in r.output and "weekly" in r.output
    assert "report_frequency" in rejected.read_text()
    store = CorrectionStore(f"sqlite:///{dataset.data.resolve() / 'corrections.sqlite'}")
    assert store.latest()[("at-2007", "ncm_legal_basis")].reviewer == "Anna"
    store.close()
    assert "policy" in (dataset.data / "answers.csv").read_text()  # published
