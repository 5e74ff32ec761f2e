"""Run every bench/bench_*.py in turn (`make bench`); scripts that take --full get it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    extra = sys.argv[1:]
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        args = [sys.executable, str(script)]
        if "--full" in script.read_text(encoding="utf-8") and "--quick" not in extra:
            args.append("--full")
        args += [a for a in extra if a != "--quick"]
        print(f"\n=== {script.name} {' '.join(args[2:])}", flush=True)
        t0 = time.monotonic()
        rc = subprocess.call(args, cwd=HERE.parent)
        print(f"=== {script.name}: exit {rc}, {time.monotonic() - t0:.0f} s", flush=True)
        if rc:
            failed.append(script.name)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
