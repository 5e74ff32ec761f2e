"""CLI: .venv/bin/python -m tests.generator --out DIR --n 60 --seed 1 [--forms ...] [--languages ...]"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .bank import available_languages
from .generate import FORMS, generate_corpus


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tests.generator",
        description="Write synthetic returns to the 2007 OSCE anti-trafficking questionnaire "
                    "(many forms, six languages) and their exact answer key (answer_key.json).")
    ap.add_argument("--out", type=Path, help="directory to write the returns and answer_key.json into")
    ap.add_argument("--n", type=int, default=60, help="number of returns (default 60)")
    ap.add_argument("--seed", type=int, default=0, help="random seed; same seed => same files (default 0)")
    ap.add_argument("--forms", nargs="+", choices=FORMS, metavar="FORM",
                    help=f"forms to write (default all): {' '.join(FORMS)}")
    ap.add_argument("--languages", nargs="+", metavar="LANG",
                    help=f"languages (default all available: {' '.join(available_languages())})")
    ap.add_argument("--samples", type=Path, metavar="DIR",
                    help="write the fixed demo set of 10 returns into DIR (e.g. raw/) and its key "
                         "to tests/samples_key.json")
    args = ap.parse_args(argv)
    if args.samples:
        from .samples import write_samples

        key = write_samples(args.samples)
        print(f"wrote {len(key)} sample files to {args.samples}")
        return 0
    if not args.out:
        ap.error("--out is required (or --samples)")
    t0 = time.time()
    key = generate_corpus(args.out, args.n, seed=args.seed, forms=args.forms, languages=args.languages)
    returns = sum(1 for e in key.values() if e["role"] == "return")
    print(f"wrote {len(key)} files ({returns} returns) to {args.out} in {time.time() - t0:.1f}s; "
          f"key: {args.out / 'answer_key.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
