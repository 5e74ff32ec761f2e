"""Throughput of name resolution: the vectorised fuzzy stage next to a plain Python loop.

    python bench/bench_names.py [--n 10000]

Resolves n ministry names (test-set names and OCR-like variants of them, fixed seed) against
the alias table three ways, in one run:
  cdist      the resolver's fuzzy stage: one rapidfuzz process.cdist over (names x aliases)
  loop       a plain Python loop calling rapidfuzz.fuzz.ratio for every (name, alias) pair
  resolver   Resolver.ministries() per name: exact look-up, keyword grammar, fuzzy fallback
and prints names/second and the cdist/loop ratio (both give the same best alias: checked).
Figures are printed (and written to bench/out/bench_names.json); nothing is asserted.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402

from rapidfuzz import fuzz  # noqa: E402

from questionnaire_returns.config import settings  # noqa: E402
from questionnaire_returns.resolve.evaluate import load_testset  # noqa: E402
from questionnaire_returns.resolve.normalise import fold  # noqa: E402
from questionnaire_returns.resolve.resolver import Resolver  # noqa: E402


def names(n: int, seed: int = 2007) -> list[str]:
    rng = random.Random(seed)
    base = [r["text"] for r in load_testset() if r["kind"] == "ministry"]
    out: list[str] = []
    while len(out) < n:
        t = rng.choice(base)
        if rng.random() < 0.5 and len(t) > 6:
            i = rng.randrange(1, len(t) - 1)
            t = t[:i] + t[i + 1:] if rng.random() < 0.5 else t[:i] + t[i + 1] + t[i] + t[i + 2:]
        out.append(t)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    args = ap.parse_args()
    r = Resolver(settings().path("canon"))
    index = r._tables.fuzzy
    connectors = r._tables.connectors
    batch = names(args.n)

    t0 = time.perf_counter()
    queries = [" ".join(w for w in fold(x).split() if w not in connectors) for x in batch]
    t_fold = time.perf_counter() - t0

    t0 = time.perf_counter()
    hits = index.best_many(queries, workers=1)
    t_cdist = time.perf_counter() - t0

    t0 = time.perf_counter()
    hits2 = index.best_many(queries, workers=-1)
    t_cdist_all = time.perf_counter() - t0

    t0 = time.perf_counter()
    loop_hits = []
    for q in queries:
        best, best_i = -1.0, -1
        for i, a in enumerate(index.choices):
            s = fuzz.ratio(q, a)
            if s > best:
                best, best_i = s, i
        loop_hits.append((best_i, best) if best >= index.cutoff else None)
    t_loop = time.perf_counter() - t0

    agree = sum(
        (h is None and l is None) or (h is not None and l is not None and abs(h.score * 100 - l[1]) < 1e-3)
        for h, l in zip(hits, loop_hits)
    )
    assert hits == hits2

    t0 = time.perf_counter()
    for x in batch:
        r.ministries(x)
    t_resolver = time.perf_counter() - t0

    n, k = len(batch), len(index.choices)
    fig = {
        "names": n,
        "aliases": k,
        "fold_names_per_s": n / t_fold,
        "cdist_names_per_s": n / t_cdist,
        "cdist_2cores_names_per_s": n / t_cdist_all,
        "loop_names_per_s": n / t_loop,
        "cdist_over_loop": t_loop / t_cdist,
        "same_best_score": agree / n,
        "resolver_names_per_s": n / t_resolver,
    }
    print(f"{n} names x {k} aliases (fuzz.ratio)")
    print(f"  fold (normalise)          {fig['fold_names_per_s']:>12,.0f} names/s")
    print(f"  cdist, 1 worker           {fig['cdist_names_per_s']:>12,.0f} names/s")
    print(f"  cdist, all cores          {fig['cdist_2cores_names_per_s']:>12,.0f} names/s")
    print(f"  plain Python loop         {fig['loop_names_per_s']:>12,.0f} names/s")
    print(f"  ratio cdist/loop          {fig['cdist_over_loop']:>12.1f} x   (same best score for {100 * agree / n:.1f}%)")
    print(f"  Resolver.ministries()     {fig['resolver_names_per_s']:>12,.0f} names/s (whole resolver, per name)")
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    (out / "bench_names.json").write_text(json.dumps(fig, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
