"""Shared fixtures. Prefect's offline settings are applied before Prefect is imported."""

from __future__ import annotations

import questionnaire_returns.prefect_env  # noqa: F401  - must come before any prefect import

import json
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect server for the session (10-12 s), heartbeats off."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            from questionnaire_returns.prefect_env import api_url

            yield api_url()


@pytest.fixture
def standin(monkeypatch):
    """The flow reads documents with tests/standin.py (run it with the thread runner)."""
    from questionnaire_returns import pipeline
    from tests import standin as module

    monkeypatch.setattr(pipeline, "process_file", module.process_file)
    return module


def write_standin(raw: Path, name: str, **spec) -> Path:
    """A stand-in return (tests/standin.py reads it as the pipeline would have read the document)."""
    path = raw / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


def answers(**fields) -> dict:
    """{field: [value, confidence]} with a default confidence of 0.95."""
    return {f: (list(v) if isinstance(v, tuple) else [v, 0.95]) for f, v in fields.items()}


@pytest.fixture
def small_raw(tmp_path: Path) -> Path:
    """raw/ with two countries' returns, a copy, an annex, an e-mail with an attachment and three bad files."""
    raw = tmp_path / "raw"
    write_standin(raw, "2007/Austria reply.json", form="pdf_typed", pages=3, language="en", country="Austria",
                  answers=answers(country="Austria", ncm_exists="yes", nap_exists="yes", nrm_exists="no",
                                  submitted_on="2007-05-01", ncm_established_year=("2004", 0.5)))
    write_standin(raw, "2007/Austria annex.json", form="pdf_typed", pages=1, language="en", country="Austria",
                  answers=answers(country="Austria"))
    write_standin(raw, "mail.json", form="email", language="fr", country="France",
                  answers=answers(country="France"),
                  attachments=[{"name": "reponse.pdf", "form": "pdf_typed", "pages": 2, "country": "France",
                                "answers": answers(ncm_exists="yes", nap_exists="no", nrm_exists="no"),
                                "unreadable_pages": [[2, "blank scan"]]}])
    (raw / "damaged.pdf").write_bytes(b"%PDF-1.4 garbage")
    (raw / "empty.docx").write_bytes(b"")
    (raw / "notes.xyz").write_text("what is this", encoding="utf-8")
    return raw
