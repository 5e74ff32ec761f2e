"""The names test set (tests/data/names_testset.csv) run through the resolver.

Figures: share of names resolved to exactly the expected ids, forced matches (a name that
must match nothing given an id: must be 0), per-language accuracy. `--scorers` compares
rapidfuzz scorers for the fuzzy stage used alone (the comparison quoted in fuzzy.py).
Run: .venv/bin/python -m questionnaire_returns.resolve.evaluate [--scorers | --pipeline]

The set's hand-written names were written alongside the alias tables; its 80 OCR-noise
variants (the last rows, made with a fixed seed) were added afterwards and not tuned on.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

from questionnaire_returns.config import project_root

TESTSET = Path("tests/data/names_testset.csv")


def load_testset(path: Path | None = None) -> list[dict]:
    path = path or project_root() / TESTSET
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _got(resolver, row) -> str:
    if row["kind"] == "country":
        return resolver.country(row["text"]).id or ""
    return ";".join(sorted({m.id for m in resolver.ministries(row["text"]) if m.id}))


def evaluate(resolver=None, rows: list[dict] | None = None, quiet: bool = False) -> dict:
    """Run the test set; print and return {'accuracy', 'forced', 'n', 'per_language', 'errors'}."""
    if resolver is None:
        from questionnaire_returns.resolve import get_resolver

        resolver = get_resolver()
    rows = rows if rows is not None else load_testset()
    per: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])  # language: [correct, names]
    errors, forced, correct = [], [], 0
    for row in rows:
        got, want = _got(resolver, row), row["expected"]
        ok = got == want
        correct += ok
        per[row["lang"]][0] += ok
        per[row["lang"]][1] += 1
        if not ok:
            errors.append((row["kind"], row["lang"], row["text"], want, got))
            if not want and got:
                forced.append((row["kind"], row["text"], got))
    n = len(rows)
    accuracy = correct / n if n else 0.0
    result = {
        "n": n,
        "accuracy": accuracy,
        "forced": len(forced),
        "must_not_match": sum(1 for r in rows if not r["expected"]),
        "per_language": {lang: c / t for lang, (c, t) in sorted(per.items())},
        "errors": errors,
    }
    if not quiet:
        print(f"names test set: {n} names ({result['must_not_match']} must match nothing)")
        print(f"  correct ids:    {correct}/{n} = {100 * accuracy:.1f}%")
        print(f"  forced matches: {len(forced)} (must be 0)")
        for lang, (c, t) in sorted(per.items()):
            print(f"  {lang}: {c}/{t} = {100 * c / t:.1f}%")
        for e in errors:
            print("  MISS", e)
    return result


def compare_scorers(rows: list[dict] | None = None) -> list[dict]:
    """The fuzzy stage alone (no grammar, no exact look-up) per scorer, at its best cut-off."""
    from rapidfuzz import process

    from questionnaire_returns.resolve import get_resolver
    from questionnaire_returns.resolve.fuzzy import SCORERS

    r = get_resolver()
    tables = r._tables
    rows = [x for x in (rows or load_testset()) if x["kind"] == "ministry"]
    choices = tables.fuzzy.choices
    queries = [" ".join(w for w in tables.fold(x["text"]).split() if w not in tables.connectors) for x in rows]
    out = []
    for name, scorer in SCORERS.items():
        matrix = process.cdist(queries, choices, scorer=scorer, workers=1)
        best = matrix.argmax(axis=1)
        top = matrix[range(len(rows)), best]
        results = []
        for cutoff in range(60, 100, 2):
            correct = forced = 0
            for row, b, s in zip(rows, best, top):
                got = ";".join(sorted(tables.fuzzy_ids[b])) if s >= cutoff else ""
                correct += got == row["expected"]
                forced += (not row["expected"]) and bool(got)
            results.append((correct / len(rows), -forced, cutoff, forced))
        acc, _, cutoff, forced = max(results)
        zero = [x for x in results if x[3] == 0]
        acc0, _, cut0, _ = max(zero) if zero else (0.0, 0, None, 0)
        out.append({"scorer": name, "best_cutoff": cutoff, "accuracy": acc, "forced": forced,
                    "zero_forced_cutoff": cut0, "zero_forced_accuracy": acc0})
        print(f"  {name:17s} best cut-off {cutoff}: {100 * acc:.1f}% correct, {forced} forced; "
              f"with 0 forced (cut-off {cut0}): {100 * acc0:.1f}%")
    return out


def compare_pipeline(rows: list[dict] | None = None, cutoffs=(80, 85, 88, 92)) -> list[dict]:
    """The whole resolver with each scorer and cut-off in the fuzzy stages."""
    from questionnaire_returns.config import settings
    from questionnaire_returns.resolve import fuzzy
    from questionnaire_returns.resolve.resolver import Resolver

    rows = rows or load_testset()
    saved = fuzzy.SCORER, fuzzy.CUTOFF
    out = []
    try:
        for name, scorer in fuzzy.SCORERS.items():
            for cutoff in cutoffs:
                fuzzy.SCORER, fuzzy.CUTOFF = scorer, float(cutoff)
                res = evaluate(Resolver(settings().path("canon")), rows, quiet=True)
                out.append({"scorer": name, "cutoff": cutoff, "accuracy": res["accuracy"], "forced": res["forced"]})
                print(f"  {name:17s} cut-off {cutoff}: {100 * res['accuracy']:.1f}% correct, {res['forced']} forced")
    finally:
        fuzzy.SCORER, fuzzy.CUTOFF = saved
    return out


if __name__ == "__main__":
    if "--pipeline" in sys.argv:
        compare_pipeline()
    elif "--scorers" in sys.argv:
        compare_scorers()
    else:
        evaluate()
