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
from contextlib import nullcontext
import csv
import json
import logging
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import yaml

from eval.calibration import reliability
from eval.corpora import ROOT, SCORER, SHARED_CORPORA, TESTS_CORPORA, Corpus, find_corpora, pick
from eval.scorer import observations, read_key

OUT = ROOT / "eval" / "out"


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


ANSWER_NOTES = ("low_confidence", "audit")  # notes routing gives; any other note was the extractor's, kept


def _version_of(data: Path) -> str | None:
    """The pipeline version of the latest run into `data` (its manifest in runs/)."""
    manifests = sorted((data / "runs").glob("*.json"))
    return json.loads(manifests[-1].read_text(encoding="utf-8")).get("pipeline_version") if manifests else None


def examples(corpus: Corpus, out: Path, scorer: Path, runner: str | None, reuse: bool = False) -> pd.DataFrame:
    """One row per answers.csv row of the corpus's scored returns: its basis (what the pipeline knew when
    it scored the value), how and where it was read, the extractor's note, and - for a value the shared
    scorer judged - `correct`. With `reuse`, the corpus's last ingest into `out` is taken as it is."""
    from flows.run import run_ingest
    from questionnaire_returns.contract import CONTRACT
    from questionnaire_returns.score.confidence import BASE, SEGMENT

    data = out / corpus.slug / "normalized"
    version = _version_of(data) if reuse and (data / "answers.csv").is_file() else None
    if version is None:
        version = run_ingest(corpus.raw, data, runner=runner)["pipeline_version"]
    obs, _ = observations(scorer, read_key(corpus.key), data)
    judged = {(r.source_file, r.field, r.value): bool(r.correct) for r in obs[obs["found"]].itertuples()}
    files = set(obs["file"])
    known = bases(data, version)
    with open(data / "answers.csv", newline="", encoding="utf-8") as fh:
        answers = [r for r in csv.DictReader(fh) if any(name in r["source_file"] for name in files)]
    rows = []
    for r in answers:
        key = (r["source_file"], r["field"], r["value"])
        basis = known.get(key)
        how, _, place = r["rule"].rpartition(".")
        scored = basis is not None and how in BASE and place in SEGMENT  # not country, language, dates, pointers
        note = "" if r["note"] in ANSWER_NOTES else r["note"]
        kind = CONTRACT.fields[r["field"]].type if r["field"] in CONTRACT.fields else ""
        rows.append({"corpus": corpus.name, "submission_id": r["submission_id"], "field": r["field"], "kind": kind,
                     "how": how if scored else "", "place": place if scored else "", "note": note,
                     "status": r["status"], "confidence": float(r["confidence"] or 0.0), "scored": scored,
                     "judged": key in judged, "correct": judged.get(key, False), **(basis if basis is not None and scored else {})})
    return pd.DataFrame(rows)


def design(frame: pd.DataFrame) -> pd.DataFrame:
    """The model's inputs (score/calibration.py's `features`) for each scored example."""
    from questionnaire_returns.score.calibration import BASIS, features

    records = []
    for r in frame.to_dict("records"):
        basis = {name: r[name] for name in BASIS if name in r and pd.notna(r[name])}
        records.append(features(basis, r["how"], r["place"], r["kind"] or None, r["field"]))
    return pd.DataFrame(records, index=frame.index).fillna(0.0)


def training(frame: pd.DataFrame) -> pd.DataFrame:
    """The examples a model learns from: values confidence.py scored that the shared scorer judged."""
    return frame[frame["scored"] & frame["judged"]]


def fit(x: pd.DataFrame, correct: pd.Series, strength: float) -> tuple[float, dict[str, float]]:
    """(intercept, weights) of an L2-regularised logistic regression of `correct` on the features `x`."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=strength, max_iter=5000)
    model.fit(x.to_numpy(), correct.to_numpy())
    weights = {n: round(float(w), 4) for n, w in zip(x.columns, model.coef_[0]) if abs(w) >= 1e-4}
    return round(float(model.intercept_[0]), 4), weights


def predicted(x: pd.DataFrame, intercept: float, weights: dict[str, float]) -> pd.Series:
    """Each example's confidence under the model, as score/calibration.py gives it at run time."""
    from questionnaire_returns.score.calibration import Model

    model = Model(intercept, weights)
    return pd.Series([model.probability(row) for row in x.to_dict("records")], index=x.index)


def left_out(frame: pd.DataFrame, strength: float) -> pd.Series:
    """Each scored example's confidence under a model fitted on the other corpora (leave one corpus out):
    what the model would say of a corpus it has not seen."""
    scored = frame[frame["scored"]]
    x = design(scored)
    out = pd.Series(index=scored.index, dtype=float)
    for name in sorted(set(scored["corpus"])):
        learn = scored["judged"] & (scored["corpus"] != name)
        intercept, weights = fit(x[learn], scored.loc[learn, "correct"], strength)
        here = scored["corpus"] == name
        out[here] = predicted(x[here], intercept, weights)
    return out


def routed(frame: pd.DataFrame, confidence: pd.Series, threshold: float) -> pd.Series:
    """Each row's status as score/routing.py would give it at `threshold` (config.yaml's per-field
    thresholds kept), the scored rows with these confidences (a reading that doubts itself kept below the
    threshold, as score/calibration.py does), the others with the confidence they had."""
    from questionnaire_returns.config import settings
    from questionnaire_returns.score.calibration import DOUBT_BELOW
    from questionnaire_returns.score.confidence import GUESSED_PLACE, SELF_DOUBTING
    from questionnaire_returns.score.routing import audit_pick

    review = settings().review.model_copy(update={"threshold": threshold})
    limit = frame["field"].map(review.threshold_for)
    raw = frame["raw"].fillna(0.0) if "raw" in frame else pd.Series(0.0, index=frame.index)
    place_score = frame["place_score"].fillna(1.0) if "place_score" in frame else pd.Series(1.0, index=frame.index)
    doubting = frame["scored"] & (frame["how"].isin(SELF_DOUBTING) | (place_score < GUESSED_PLACE)) & (raw < DOUBT_BELOW)
    conf = frame["confidence"].copy()
    conf[confidence.index] = confidence
    conf = conf.where(~doubting, conf.clip(upper=raw).clip(upper=limit - 0.001))
    audit = pd.Series([audit_pick(s, f, review.audit_seed, review.audit_share_for(f))
                       for s, f in zip(frame["submission_id"], frame["field"])], index=frame.index)
    return ((frame["note"] != "") | (conf < limit) | audit).map({True: "review", False: "auto"})


def at_threshold(frame: pd.DataFrame, confidence: pd.Series, threshold: float) -> dict:
    """Auto precision (of judged auto rows; an auto value for a field the return never answers counts
    wrong) and review share (of all rows) at `threshold`."""
    status = routed(frame, confidence, threshold)
    auto = frame[(status == "auto") & frame["judged"]]
    return {"threshold": round(threshold, 2), "auto_precision": round(float(auto["correct"].mean()), 4) if len(auto) else None,
            "review_share": round(float((status == "review").mean()), 4)}


def lowest_threshold(frame: pd.DataFrame, confidence: pd.Series, target: float) -> dict | None:
    """The lowest threshold (0.50-0.95, by 0.01) whose auto precision reaches `target` there and at every
    threshold above it."""
    sweep = [at_threshold(frame, confidence, t / 100) for t in range(50, 96)]
    best = None
    for row in reversed(sweep):
        if row["auto_precision"] is None or row["auto_precision"] < target:
            break
        best = row
    return best


def cross_validated(frame: pd.DataFrame, strength: float, target: float) -> tuple[list[dict], dict | None, pd.Series]:
    """Leave one corpus out: per corpus, the log-loss, AUC and ECE of a model that did not see it; and
    the lowest threshold at which the pooled left-out confidences reach `target` auto precision."""
    from sklearn.metrics import log_loss, roc_auc_score

    confidence = left_out(frame, strength)
    judged = frame.loc[confidence.index, "judged"]
    rows = []
    for name in sorted(set(frame["corpus"])):
        here = judged & (frame.loc[confidence.index, "corpus"] == name)
        p, y = confidence[here], frame.loc[here[here].index, "correct"]
        _, ece = reliability(pd.DataFrame({"confidence": p, "correct": y}))
        rows.append({"corpus": name, "values": int(len(p)), "right": round(float(y.mean()), 4),
                     "log_loss": round(float(log_loss(y, p, labels=[False, True])), 4),
                     "auc": round(float(roc_auc_score(y, p)), 4) if y.nunique() == 2 else None, "ece": ece})
    return rows, lowest_threshold(frame, confidence, target), confidence


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.calibrate", description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", action="append", default=None, metavar="NAME",
                    help="a corpus to fit on (repeat for several; default: every corpus under tests/corpora)")
    ap.add_argument("--scorer", type=Path, default=SCORER, help=f"the shared scorer (default {SCORER})")
    ap.add_argument("--strength", type=float, default=1.0, help="inverse regularisation strength C (default 1.0)")
    ap.add_argument("--target", type=float, default=0.99,
                    help="auto precision the suggested review threshold reaches, left-out (default 0.99)")
    ap.add_argument("--runner", default=None, help="process | thread | dask (default: config.yaml)")
    ap.add_argument("--out", type=Path, default=OUT, help="work folder (default eval/out, git-ignored)")
    ap.add_argument("--reuse", action="store_true",
                    help="take each corpus's last ingest in the work folder as it is (no new ingest)")
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
    with nullcontext() if args.reuse else local_api():  # a Prefect API only to ingest
        frames = []
        for corpus in chosen:
            print(f"ingesting {corpus.name} ..." if not args.reuse else f"reading {corpus.name} ...", flush=True)
            frames.append(examples(corpus, args.out, args.scorer, args.runner, args.reuse))
    frame = pd.concat(frames, ignore_index=True)
    frame.to_parquet(args.out / "examples.parquet")  # for a look at the examples (pandas.read_parquet)
    learn = training(frame)
    if learn.empty or learn["correct"].nunique() < 2:
        print(f"python -m eval.calibrate: {len(learn)} values, all {'right' if len(learn) else 'missing'}: nothing to fit")
        return 2
    x = design(learn)
    intercept, weights = fit(x, learn["correct"], args.strength)
    before = pd.DataFrame({"confidence": learn["raw"], "correct": learn["correct"]})
    after = pd.DataFrame({"confidence": predicted(x, intercept, weights), "correct": learn["correct"]})
    _, ece_before = reliability(before)
    table, ece_after = reliability(after)
    print(f"{len(learn)} values from {', '.join(c.name for c in chosen)}; right: {learn['correct'].mean():.3f}")
    print(f"ECE on these values: {ece_before} before, {ece_after} after (in-sample; make eval measures the rest)")
    for row in table:
        print(f"  {row['bin']:>9}  {row['rows']:5} values  confidence {row['mean_confidence']}  right {row['accuracy']}")
    threshold = None
    if len(chosen) > 1:
        rows, threshold, confidence = cross_validated(frame, args.strength, args.target)
        print("each corpus left out of the fit:")
        for row in rows:
            print(f"  {row['corpus']:>8}  {row['values']:5} values  right {row['right']}  log-loss {row['log_loss']}"
                  f"  AUC {row['auc']}  ECE {row['ece']}")
        print("review threshold, left-out: auto precision, review share (every corpus's rows together)")
        for t in range(60, 100, 5):
            row = at_threshold(frame, confidence, t / 100)
            print(f"  {row['threshold']:.2f}  {row['auto_precision']}  {row['review_share']}")
        print(f"lowest review threshold whose left-out auto precision is >= {args.target}: "
              + (f"{threshold['threshold']} (auto precision {threshold['auto_precision']}, review share "
                 f"{threshold['review_share']}); config.yaml review.threshold is {settings().review.threshold}"
                 if threshold else "none from 0.50 to 0.95"))
    if args.dry_run:
        return 0
    path = settings().path("calibration")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"fitted_on": [c.name for c in chosen], "fitted_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
           "values": int(len(learn)), "right": round(float(learn["correct"].mean()), 4),
           "ece_in_sample": ece_after, "left_out_threshold": threshold,
           "intercept": intercept, "weights": dict(sorted(weights.items()))}
    header = ("# The confidence model: written by `make calibrate` (eval/calibrate.py); score/calibration.py\n"
              "# applies it. Refit it, do not edit it: a logistic regression over the features named below\n"
              "# (`a*b`: the product of two). left_out_threshold: the lowest review threshold at which values of\n"
              "# a corpus left out of the fit reach the target auto precision (config.yaml review.threshold).\n")
    path.write_text(header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(f"model: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
