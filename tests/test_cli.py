"""The `returns` CLI: help texts, and a run over bad inputs that lists them and writes the rest."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from typer.testing import CliRunner

from tests.conftest import answers, write_standin
from questionnaire_returns.cli import app

runner = CliRunner()


def test_help_is_complete_and_does_not_load_prefect():
    proc = subprocess.run([sys.executable, "-m", "questionnaire_returns.cli", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    for command in ("ingest", "schedule", "review", "report", "samples"):
        assert command in proc.stdout
    assert "prefect" not in subprocess.run(
        [sys.executable, "-c", "import sys, questionnaire_returns.cli; print(' '.join(sys.modules))"],
        capture_output=True, text=True).stdout.split()


def test_an_import_bug_in_a_command_module_fails_loudly():
    """A broken review/cli.py must stop `returns`, never quietly drop `returns review`."""
    code = (
        "import sys\n"
        "class Broken:  # review/cli.py importing a name that is not there\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'questionnaire_returns.review.cli':\n"
        "            raise ImportError('cannot import name store_url_of from questionnaire_returns.review')\n"
        "sys.meta_path.insert(0, Broken())\n"
        "import questionnaire_returns.cli\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode != 0
    assert "ImportError: cannot import name store_url_of" in proc.stderr


@pytest.mark.parametrize("command", ["ingest", "schedule", "notify", "samples"])
def test_every_option_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    for option in {"ingest": ["--raw", "--out", "--runner", "--dask-address"],
                   "schedule": ["--raw", "--out", "--cron", "--timezone", "--watch"],
                   "notify": ["--raw", "files"],
                   "samples": ["FOLDER", "--n", "--seed", "--form", "--language", "--key"]}[command]:
        assert option in result.output.replace("folder", "FOLDER")


def test_samples_writes_the_demo_set(tmp_path):
    from synthetic_returns import SAMPLES

    result = runner.invoke(app, ["samples", str(tmp_path / "raw")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "raw").iterdir()) == sorted(name for name, *_ in SAMPLES)
    assert not list(tmp_path.glob("*key*"))  # the demo set's key only when asked for


def test_samples_generates_a_corpus_with_its_key_outside_the_folder(tmp_path):
    import json

    result = runner.invoke(app, ["samples", str(tmp_path / "corpus"), "--n", "3", "--seed", "4",
                                 "--form", "txt", "--form", "html", "--language", "fr"])
    assert result.exit_code == 0, result.output
    key = json.loads((tmp_path / "corpus_key.json").read_text(encoding="utf-8"))
    files = sorted(p.name for p in (tmp_path / "corpus").iterdir())
    assert files == sorted(key) and len(files) == 3
    assert {e["form"] for e in key.values()} <= {"txt", "html"} and {e["language"] for e in key.values()} == {"fr"}


def test_samples_refuses_an_unknown_form(tmp_path):
    result = runner.invoke(app, ["samples", str(tmp_path), "--n", "2", "--form", "papyrus"])
    assert result.exit_code == 2 and "papyrus" in result.output


def test_bad_inputs_are_listed_and_the_rest_is_written(prefect_harness, standin, tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "normalized"
    write_standin(raw, "good.json", country="Malta", answers=answers(country="Malta", ncm_exists="yes"))
    (raw / "corrupt.pdf").write_bytes(b"%PDF-1.4\n%%garbage")
    (raw / "empty.pdf").write_bytes(b"")
    (raw / "mystery.bin").write_bytes(b"\x00\x01\x02")
    result = runner.invoke(app, ["ingest", "--raw", str(raw), "--out", str(out), "--runner", "thread"])
    assert result.exit_code == 0, result.output
    for name in ("corrupt.pdf", "empty.pdf", "mystery.bin"):
        assert name in result.output
    fails = pd.read_csv(out / "failures.csv", dtype=str, keep_default_na=False)
    assert set(fails.source_file) == {"corrupt.pdf", "empty.pdf", "mystery.bin"}
    assert all(r and "Traceback" not in r for r in fails.reason)
    ans = pd.read_csv(out / "answers.csv", dtype=str, keep_default_na=False)
    assert "Malta" in set(ans.country)


def test_real_readers_give_plain_reasons(prefect_harness, tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "normalized"
    raw.mkdir()
    (raw / "corrupt.pdf").write_bytes(b"%PDF-1.4\n%%garbage")
    (raw / "empty.pdf").write_bytes(b"")
    (raw / "mystery.bin").write_bytes(bytes(range(256)) * 4)
    result = runner.invoke(app, ["ingest", "--raw", str(raw), "--out", str(out), "--runner", "thread"])
    assert result.exit_code == 0, result.output
    fails = pd.read_csv(out / "failures.csv", dtype=str, keep_default_na=False)
    assert set(fails.source_file) == {"corrupt.pdf", "empty.pdf", "mystery.bin"}
    assert all(r and "pipeline error" not in r for r in fails.reason), fails.reason.tolist()


def test_bad_runner_and_missing_raw_exit_non_zero(tmp_path):
    assert runner.invoke(app, ["ingest", "--raw", str(tmp_path / "nope")]).exit_code == 2
    assert runner.invoke(app, ["ingest", "--raw", str(tmp_path), "--runner", "spark"]).exit_code == 2
