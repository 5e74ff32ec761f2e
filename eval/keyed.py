"""One keyed corpus written by other hands: ingest its raw/, score it with the shared scorer,
and break the figures down by form family and language, with a reliability table, the
expected calibration error and the count of form text read as an answer."""

from __future__ import annotations

from pathlib import Path

from eval.calibration import reliability
from eval.corpora import Corpus
from eval.form_text import form_text_found
from eval.scorer import by_group, check_agreement, figures, observations, read_key, run_scorer

HEADLINE = ("field_accuracy", "recall", "accuracy_found", "auto_precision", "auto_precision_keyed", "auto_rows",
            "extra_auto_rows", "review_share", "fields_scored", "bad_inputs_handled",
            "contradictions_sent_to_review", "by_type")


def evaluate_keyed(corpus: Corpus, out: Path, scorer: Path, runner: str | None) -> dict:
    """Ingest corpus.raw into out/normalized and report on it against corpus.key."""
    from flows.run import run_ingest

    data = out / "normalized"
    summary = run_ingest(corpus.raw, data, runner=runner)
    scored = run_scorer(scorer, corpus.key, data)
    key = read_key(corpus.key)
    obs, rows = observations(scorer, key, data)
    found = obs[obs["found"]]
    table, ece = reliability(found)
    wrong_text = found[(found["kind"] == "text") & ~found["correct"] & (found["value"] != "")]
    form_text = form_text_found(wrong_text)
    mine = figures(obs, rows)
    return {
        "name": corpus.name,
        "path": str(corpus.path),
        "files": len(key),
        "summary": {"keyed": scored.get("fields_scored"), "accuracy": scored.get("field_accuracy"),
                    "recall": scored.get("recall"), "accuracy_found": scored.get("accuracy_found"),
                    "auto_precision": scored.get("auto_precision"), "review_share": scored.get("review_share"),
                    "ece": ece, "form_text": form_text["count"]},
        "scorer": {k: scored[k] for k in HEADLINE if k in scored},
        "by_family": by_group(obs, rows, "family"),
        "by_language": by_group(obs, rows, "language"),
        "reliability": table,
        "ece": ece,
        "form_text": form_text,
        "disagreements": check_agreement(mine, scored),
        "failed_files": [f for f, _ in summary.get("failures", [])],
        "run": {k: summary[k] for k in ("files_seen", "returns", "superseded", "duplicates", "attachments",
                                         "failed", "read", "seconds", "pipeline_version") if k in summary},
    }
