"""make calibrate: fit the confidence model on keyed corpora written by other hands.

    python -m eval.calibrate                      fit on the project's corpora (tests/corpora/*)
    python -m eval.calibrate --corpus tests/c     only those (names: python -m eval --list)
    python -m eval.calibrate --dry-run            fit and report, write nothing

Each corpus is ingested into eval/out/<name>/normalized/ and every value the shared scorer
judges (keyed values found, and values for fields the return never answers, which count
wrong) becomes one example: what the pipeline knew when it scored the value (the `basis`
its answer carries: confidence.py's score and the document's fit, from the run's cache; how
and where the value was read, from its rule; its value type) and whether it was right. A
logistic regression (scikit-learn) fitted on them is written to config.yaml's
`paths.calibration`, which score/calibration.py applies to every value read after it.

The default leaves ../shared/returns-independent/ out of the fit, so `make eval` measures the
calibration on returns it was not fitted on: quote those figures.
"""

from __future__ import annotations

import questionnaire_returns.prefect_env  # noqa: F401  - before prefect

import argparse
import csv
import logging
import math
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import yaml

from eval.calibration import reliability
from eval.corpora import ROOT, SCORER, SHARED_CORPORA, TESTS_CORPORA, Corpus, find_corpora, pick
from eval.scorer import observations, read_key

OUT = ROOT / "eval" / "out"
NOT_FEATURES = ("correct", "raw_confidence", "corpus")  # an example's verdict and bookkeeping, beside its features


def bases(data_dir: Path, version: str) -> dict[tuple[str, str, str], dict[str, float]]:
    """(source_file, field, value) → the basis of that answer, from the cache of the run whose pipeline
    version is `version`."""
    from questionnaire_returns.cache import DocCache, rebase

    cache = DocCache(data_dir / "cache", version)
    out: dict[tuple[str, str, str], dict[str, float]] = {}
    with open(data_dir / "submissions.csv", newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if "::" not in r["source_file"]]
    for row in rows:
        entry = cache.get(row["sha256"])
        if entry is None or entry["result"] is None:
            continue
        stack = [rebase(entry["result"], row["source_file"])]
        while stack:
            doc = stack.pop()
            stack.extend(doc.attachments)
            for a in doc.answers:
                if a.basis:
                    out[(a.source_file, a.field, a.value)] = dict(a.basis)
    return out


def examples(corpus: Corpus, out: Path, scorer: Path, runner: str | None) -> pd.DataFrame:
    """One row per judged value of the corpus: the model's features and `correct`."""
    from flows.run import run_ingest
    from questionnaire_returns.contract import CONTRACT
    from questionnaire_returns.score.calibration import features
    from questionnaire_returns.score.confidence import BASE, SEGMENT
    from questionnaire_returns.score.evidence import DocumentFit

    data = out / corpus.slug / "normalized"
    summary = run_ingest(corpus.raw, data, runner=runner)
    obs, _ = observations(scorer, read_key(corpus.key), data)
    known = bases(data, summary["pipeline_version"])
    rows = []
    for r in obs[obs["found"]].itertuples():
        basis = known.get((r.source_file, r.field, r.value))
        if basis is None or "." not in r.rule:
            continue  # country, language, dates, pointers: not scored by confidence.py
        how, place = r.rule.rsplit(".", 1)
        if how not in BASE or place not in SEGMENT:
            continue  # a pointer's value ("crossref.15->8"): taken over from the question pointed at
        fit = DocumentFit(basis.get("found_share", 0.0), basis.get("in_order", 0.0), basis.get("yield_share", 0.0))
        kind = CONTRACT.fields[r.field].type if r.field in CONTRACT.fields else None
        rows.append({**features(basis["raw"], how, place, kind, fit), "correct": bool(r.correct),
                     "raw_confidence": basis["raw"], "corpus": corpus.name})
    return pd.DataFrame(rows).fillna(0.0)


def fit(frame: pd.DataFrame, strength: float) -> tuple[float, dict[str, float]]:
    """(intercept, weights) of an L2-regularised logistic regression of `correct` on the features."""
    from sklearn.linear_model import LogisticRegression

    names = [c for c in frame.columns if c not in NOT_FEATURES]
    model = LogisticRegression(C=strength, max_iter=2000)
    model.fit(frame[names].to_numpy(), frame["correct"].to_numpy())
    weights = {n: round(float(w), 4) for n, w in zip(names, model.coef_[0]) if abs(w) >= 1e-4}
    return round(float(model.intercept_[0]), 4), weights


def predicted(frame: pd.DataFrame, intercept: float, weights: dict[str, float]) -> pd.Series:
    """Each example's confidence under the model, as score/calibration.py gives it at run time."""
    from questionnaire_returns.score.calibration import Model

    model = Model(intercept, weights)
    names = [n for n in frame.columns if n not in NOT_FEATURES]
    return pd.Series([model.probability(x) for x in frame[names].to_dict("records")], index=frame.index)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.calibrate", description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", action="append", default=None, metavar="NAME",
                    help="a corpus to fit on (repeat for several; default: every corpus under tests/corpora)")
    ap.add_argument("--scorer", type=Path, default=SCORER, help=f"the shared scorer (default {SCORER})")
    ap.add_argument("--strength", type=float, default=1.0, help="inverse regularisation strength C (default 1.0)")
    ap.add_argument("--runner", default=None, help="process | thread | dask (default: config.yaml)")
    ap.add_argument("--out", type=Path, default=OUT, help="work folder (default eval/out, git-ignored)")
    ap.add_argument("--dry-run", action="store_true", help="fit and report; do not write the model")
    args = ap.parse_args(argv)

    from questionnaire_returns.config import settings
    from questionnaire_returns.prefect_env import local_api

    corpora, _ = find_corpora(SHARED_CORPORA, TESTS_CORPORA)
    try:
        chosen = pick(corpora, args.corpus or [c.name for c in corpora if c.name.startswith("tests/")])
    except ValueError as exc:
        print(f"python -m eval.calibrate: {exc}")
        return 2
    if not chosen:
        print("python -m eval.calibrate: no keyed corpus to fit on (tests/corpora/*)")
        return 2
    logging.getLogger("prefect").setLevel(logging.WARNING)
    with local_api():
        frames = []
        for corpus in chosen:
            print(f"ingesting {corpus.name} ...", flush=True)
            frames.append(examples(corpus, args.out, args.scorer, args.runner))
    frame = pd.concat(frames, ignore_index=True).fillna(0.0)
    if frame.empty or frame["correct"].nunique() < 2:
        print(f"python -m eval.calibrate: {len(frame)} values, all {'right' if len(frame) else 'missing'}: nothing to fit")
        return 2
    intercept, weights = fit(frame, args.strength)
    before = pd.DataFrame({"confidence": 1 / (1 + (-frame["raw_confidence"]).map(math.exp)), "correct": frame["correct"]})
    after = pd.DataFrame({"confidence": predicted(frame, intercept, weights), "correct": frame["correct"]})
    _, ece_before = reliability(before)
    table, ece_after = reliability(after)
    print(f"{len(frame)} values from {', '.join(c.name for c in chosen)}; right: {frame['correct'].mean():.3f}")
    print(f"ECE on these values: {ece_before} before, {ece_after} after (in-sample; make eval measures the rest)")
    for row in table:
        print(f"  {row['bin']:>9}  {row['rows']:5} values  confidence {row['mean_confidence']}  right {row['accuracy']}")
    if args.dry_run:
        return 0
    path = settings().path("calibration")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"fitted_on": [c.name for c in chosen], "fitted_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
           "values": int(len(frame)), "right": round(float(frame["correct"].mean()), 4),
           "ece_in_sample": ece_after, "intercept": intercept, "weights": dict(sorted(weights.items()))}
    header = ("# The confidence model: written by `make calibrate` (eval/calibrate.py); score/calibration.py\n"
              "# applies it. Refit it, do not edit it: a logistic regression over the features named below.\n")
    path.write_text(header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(f"model: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
