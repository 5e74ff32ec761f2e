"""The shared scorer (../shared/eval/score.py) and the per-value view eval needs beside it.

score.py gives each corpus's headline figures (run as its README says, one corpus at a time).
For the tables by form family and language, the reliability table and the form-text count,
eval needs every value with its verdict: `observations` walks the key and answers.csv the way
score.py does, with score.py's own functions (`same`, `kind_of`, `family`), so its figures
add up to the scorer's; `check_agreement` says where they do not.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pandas as pd

# submission fields a key may leave out without the value counting as an extra answer (as score.py)
NOT_EXTRA = ("language", "respondent_type", "submitted_on")
COLUMNS = ["file", "style", "family", "language", "field", "kind", "keyed", "found", "correct",
           "status", "confidence", "value", "want", "source_file", "rule"]


class ScorerError(RuntimeError):
    """The shared scorer is missing or failed; the message names it and says why."""


@lru_cache(maxsize=None)
def load_scorer(path: Path):
    """score.py as a module (for its matching functions)."""
    path = Path(path)
    if not path.is_file():
        raise ScorerError(f"{path}: the shared scorer is not there (see --scorer)")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:  # a path that names no loadable Python file
        raise ScorerError(f"{path}: the shared scorer cannot be loaded as a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_scorer(path: Path, key: Path, data_dir: Path) -> dict:
    """score.py KEY OUT --json: its `result` (field_accuracy, recall, accuracy_found, auto_precision, ...)."""
    proc = subprocess.run([sys.executable, str(path), str(key), str(data_dir), "--json"],
                          capture_output=True, text=True)
    if proc.returncode:
        raise ScorerError(f"{path} {key} {data_dir}: exit {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    try:
        return json.loads(proc.stdout)["result"]
    except (ValueError, KeyError) as exc:
        raise ScorerError(f"{path}: unexpected output ({exc}): {proc.stdout[:300]!r}") from exc


def read_key(path: Path) -> list[dict]:
    """key.jsonl: one JSON object per file in raw/ (format: each corpus's README)."""
    entries = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    entries.append(json.loads(line))
                except ValueError as exc:
                    raise ScorerError(f"{path}, line {n}: not JSON ({exc})") from exc
    return entries


def observations(scorer_path: Path, key: list[dict], data_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per keyed value or extra answer of every scored return, every answers.csv row of
    those returns), walking the key as score.py does: the latest return of a country only,
    output rows matched to an entry by its file name, the first row of a field taken."""
    score = load_scorer(scorer_path)
    with open(Path(data_dir) / "answers.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    superseded = {e["supersedes"] for e in key if e.get("supersedes")}
    out, matched = [], []
    for entry in key:
        name = entry["file"]
        if name in superseded or entry.get("expect", "return") in ("error", "not_a_return"):
            continue
        mine = [r for r in rows if name in r.get("source_file", "")]
        got: dict[str, dict] = {}
        for r in mine:
            got.setdefault(r["field"], r)
        want = dict(entry.get("fields", {}))
        if entry.get("country"):
            want.setdefault("country", entry["country"])
        style = entry.get("style", "?")
        language = want.get("language") or entry.get("language") or "?"  # a key entry without fields has its own
        base = {"file": name, "style": style, "family": score.family(style), "language": language}
        matched += [{**base, "status": r.get("status", "")} for r in mine]
        for field, value in want.items():
            hit = got.get(field)
            out.append({**base, "field": field, "kind": score.kind_of(field), "keyed": True, "found": hit is not None,
                        "correct": hit is not None and bool(score.same(field, value, hit.get("value"))),
                        "status": "" if hit is None else hit.get("status", ""),
                        "confidence": _float(None if hit is None else hit.get("confidence")),
                        "value": "" if hit is None else hit.get("value", ""), "want": value,
                        "source_file": "" if hit is None else hit.get("source_file", ""),
                        "rule": "" if hit is None else hit.get("rule", "")})
        for field, r in got.items():
            if field not in want and field not in NOT_EXTRA:
                out.append({**base, "field": field, "kind": score.kind_of(field), "keyed": False, "found": True,
                            "correct": False, "status": r.get("status", ""), "confidence": _float(r.get("confidence")),
                            "value": r.get("value", ""), "want": "", "source_file": r.get("source_file", ""),
                            "rule": r.get("rule", "")})
    return pd.DataFrame(out, columns=COLUMNS), pd.DataFrame(matched, columns=["file", "style", "family", "language", "status"])


def _float(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def figures(obs: pd.DataFrame, rows: pd.DataFrame | None = None) -> dict:
    """accuracy, recall, accuracy on values found, auto precision (extra auto answers count
    wrong), review share (of `rows`, the answers.csv rows), keyed values."""
    keyed = obs[obs["keyed"]]
    found = keyed[keyed["found"]]
    auto = obs[obs["found"] & (obs["status"] == "auto")]
    share = None
    if rows is not None and len(rows):
        share = _round((rows["status"] == "review").mean())
    return {
        "keyed": int(len(keyed)),
        "accuracy": _round(keyed["correct"].mean()) if len(keyed) else None,
        "recall": _round(keyed["found"].mean()) if len(keyed) else None,
        "accuracy_found": _round(found["correct"].mean()) if len(found) else None,
        "auto_precision": _round(auto["correct"].mean()) if len(auto) else None,
        "auto_rows": int(len(auto)),
        "review_share": share,
    }


def by_group(obs: pd.DataFrame, rows: pd.DataFrame, column: str) -> list[dict]:
    """figures() for each value of `column` (family, language)."""
    out = []
    for name in sorted(set(obs[column])):
        out.append({column: name, **figures(obs[obs[column] == name], rows[rows[column] == name])})
    return out


def check_agreement(mine: dict, scorer: dict) -> list[str]:
    """Where eval's own sums differ from score.py's (they should not: same walk, same functions)."""
    pairs = [("accuracy", "field_accuracy"), ("recall", "recall"), ("accuracy_found", "accuracy_found"),
             ("auto_precision", "auto_precision"), ("keyed", "fields_scored"), ("auto_rows", "auto_rows")]
    return [f"{a} {mine[a]} vs score.py's {b} {scorer.get(b)}" for a, b in pairs
            if mine[a] is not None and scorer.get(b) is not None and abs(float(mine[a]) - float(scorer[b])) > 1e-4]


def _round(x) -> float:
    return round(float(x), 4)
