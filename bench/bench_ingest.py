"""Throughput of the whole ingest, next to a plain pdfplumber loop; with --full, scale figures.

    python bench/bench_ingest.py [--n 80]     typed PDFs, long (about 10 pages) and short (1-5 pages, --short-n):
                                              pages/s of the ingest flow and of pdfplumber extract_text over
                                              the same files, and their ratio for each corpus; the wall time of
                                              a no-change rerun (`returns ingest`, as staff run it) of the short
                                              corpus
    python bench/bench_ingest.py --full       + 300 mixed returns with action plans: full run, pages/s, peak
                                              memory, no-change rerun, 100 vs 300 returns,
                                              Dask LocalCluster (2 workers) vs the default runner

Figures are printed (and written to bench/out/bench_ingest.json); nothing is asserted.
Each measured ingest runs in a process of its own, as `returns ingest` does. Peak memory is
the largest sum over the processes of the run (that process, its task workers and their
tesseract calls, and the local Prefect server they report to), sampled every 0.2 s: PSS,
which splits a page shared between processes among them, and beside it the plain sum of
RSS, which counts such a page in each. One local Prefect server is started for all runs;
its start-up time is reported apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import questionnaire_returns.prefect_env  # noqa: E402,F401  - before prefect

import argparse  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402

import pandas as pd  # noqa: E402
import psutil  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


class PeakMemory:
    """Peak memory of this process plus its children while the block runs.

    Two sums, sampled every 0.2 s: PSS (proportional set size: a page shared by several
    processes, such as a library mapped by both workers, is split among them, so the sum is
    the memory the run really holds; Linux) and RSS (each process's resident pages, shared
    ones counted once per process, an upper bound). `mb` is the PSS peak where the system
    reports it, else the RSS peak.
    """

    def __init__(self, interval: float = 0.2, include_self: bool = True):
        self.interval, self.include_self = interval, include_self
        self.peak, self.peak_rss, self._stop = 0, 0, threading.Event()

    @staticmethod
    def _one(proc) -> tuple[int, int]:
        try:
            full = proc.memory_full_info()
            return getattr(full, "pss", full.rss), full.rss
        except psutil.AccessDenied:
            rss = proc.memory_info().rss
            return rss, rss

    def _sample(self) -> tuple[int, int]:
        me = psutil.Process()
        pss, rss = self._one(me) if self.include_self else (0, 0)
        for child in me.children(recursive=True):
            try:
                p, r = self._one(child)
            except psutil.Error:  # ended between listing and reading
                continue
            pss, rss = pss + p, rss + r
        return pss, rss

    def _record(self) -> None:
        pss, rss = self._sample()
        self.peak, self.peak_rss = max(self.peak, pss), max(self.peak_rss, rss)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._record()
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self._record()

    @property
    def mb(self) -> float:
        return round(self.peak / 2**20, 1)

    @property
    def rss_mb(self) -> float:
        return round(self.peak_rss / 2**20, 1)


def corpus(name: str, n: int, seed: int, forms=None, appendix_share=None) -> tuple[Path, dict]:
    from synthetic_returns import generate_corpus

    raw = OUT / name
    done = OUT / f"{name}.done"  # the corpus is generated once and kept under bench/out/
    if not done.exists():
        shutil.rmtree(raw, ignore_errors=True)
        generate_corpus(raw, n=n, seed=seed, forms=forms, appendix_share=appendix_share,
                        key_path=OUT / f"{name}_key.json")
        done.write_text("")
    key = json.loads((OUT / f"{name}_key.json").read_text())
    return raw, key


def pages_of(raw: Path) -> dict[str, int]:
    import pypdfium2

    out = {}
    for p in sorted(raw.rglob("*.pdf")):
        try:
            pdf = pypdfium2.PdfDocument(str(p))
            out[p.relative_to(raw).as_posix()] = len(pdf)
            pdf.close()
        except Exception:  # noqa: BLE001
            pass
    return out


def pdfplumber_loop(raw: Path) -> tuple[float, int]:
    import pdfplumber

    t0, pages = time.monotonic(), 0
    for p in sorted(raw.rglob("*.pdf")):
        try:
            with pdfplumber.open(p) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    pages += 1
        except Exception:  # noqa: BLE001
            pass
    return time.monotonic() - t0, pages


BULK_APPENDIX_SHARE = 1.0


# The measured ingest runs in a process of its own, as `returns ingest` does, so what the bench
# itself holds (generated corpora, the pdfplumber loop's pages) is not counted as the ingest's.
# It is timed from the call of flows.run.run_ingest, what `returns ingest` calls (the run lock, the
# workers' set-up started before Prefect is imported, then the ingest flow) to its return; the
# Python process's start and the command line's imports are in with_process_start_s.
CHILD = """
import json, sys, time
from pathlib import Path
import questionnaire_returns.prefect_env
from flows.run import run_ingest
if __name__ == "__main__":
    raw, out, runner = sys.argv[1], sys.argv[2], sys.argv[3]
    t0 = time.monotonic()
    summary = run_ingest(Path(raw), Path(out), runner=runner)
    summary["flow_seconds"] = time.monotonic() - t0
    print("BENCH-SUMMARY " + json.dumps(summary, default=str), flush=True)
"""


def run(raw: Path, out: Path, runner: str = "process", fresh: bool = True) -> dict:
    if fresh:
        shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-c", CHILD, str(raw), str(out), runner]
    with PeakMemory(include_self=False) as mem:
        t0 = time.monotonic()
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        wall = time.monotonic() - t0
    line = next((l for l in done.stdout.splitlines() if l.startswith("BENCH-SUMMARY ")), None)
    if done.returncode or line is None:
        raise RuntimeError(f"ingest of {raw} failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    summary = json.loads(line.split(" ", 1)[1])
    seconds = summary["flow_seconds"]  # the ingest itself: read, segment, extract, resolve, write
    ledger = pd.read_csv(out / "submissions.csv", dtype=str, keep_default_na=False)
    pages = int(pd.to_numeric(ledger.loc[ledger["status"] != "duplicate", "pages"], errors="coerce").fillna(0).sum())
    return {"seconds": round(seconds, 2), "with_process_start_s": round(wall, 2), "pages": pages,
            "pages_per_s": round(pages / seconds, 2) if seconds else None,
            "peak_mb": mem.mb, "peak_rss_sum_mb": mem.rss_mb, "files": summary["files_seen"], "read": summary["read"],
            "failed": summary["failed"], "returns": summary["returns"]}


def bomb_run() -> dict:
    """Peak memory of an ingest of a decompression bomb (1 GB inflated) beside one short return."""
    sys.path.insert(0, str(ROOT))
    from tests.fixtures_hostile import bomb_pdf

    raw = OUT / "bomb"
    if not (raw / "bomb.pdf").exists():
        shutil.rmtree(raw, ignore_errors=True)
        raw.mkdir(parents=True)
        (raw / "bomb.pdf").write_bytes(bomb_pdf(1024))
        short, _ = corpus("short_1", 1, seed=21, forms=["pdf_typed"], appendix_share=0.0)
        for p in short.rglob("*.pdf"):
            shutil.copy(p, raw / p.name)
    fig = run(raw, OUT / "bomb_normalized")
    fails = pd.read_csv(OUT / "bomb_normalized" / "failures.csv", dtype=str, keep_default_na=False)
    fig["reason"] = dict(zip(fails.source_file, fails.reason)).get("bomb.pdf", "")
    return fig


def ratio_figures(raw: Path, out: Path) -> dict:
    """The ingest's pages/s over a plain pdfplumber extract_text loop's, on the same files."""
    plumber_s, plumber_pages = pdfplumber_loop(raw)
    ingest_fig = run(raw, out)
    fig = {"files": ingest_fig["files"], "pdf_pages": plumber_pages, "ingest": ingest_fig,
           "pdfplumber_extract_text": {"seconds": round(plumber_s, 2),
                                       "pages_per_s": round(plumber_pages / plumber_s, 2) if plumber_s else None}}
    if plumber_s and ingest_fig["seconds"]:
        fig["ingest_pages_per_s_over_pdfplumber"] = round(plumber_s / ingest_fig["seconds"], 2)
    return fig


def cli_rerun(raw: Path, out: Path) -> dict:
    """`returns ingest` again on an unchanged folder, as staff run it (no PREFECT_API_URL): wall time."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    cmd = [str(Path(sys.executable).with_name("returns")), "ingest", "--raw", str(raw), "--out", str(out)]
    with PeakMemory(include_self=False) as mem:
        t0 = time.monotonic()
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
        wall = time.monotonic() - t0
    if done.returncode:
        raise RuntimeError(f"rerun of {raw} failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return {"wall_s": round(wall, 2), "peak_mb": mem.mb, "prefect_server_started": "temporary server" in done.stderr}


def main() -> int:
    ap = argparse.ArgumentParser(description="Ingest throughput and scale figures (never asserts timings).")
    ap.add_argument("--n", type=int, default=80, help="typed-PDF returns for the throughput comparison (default 80, "
                    "enough pages that the flow's fixed start-up cost does not decide the figure)")
    ap.add_argument("--short-n", type=int, default=100, help="short typed-PDF returns (1-5 pages, no appended "
                    "document) for the short-return ratio and the no-change rerun (default 100)")
    ap.add_argument("--full", action="store_true", help="also the 300-return figures (several minutes)")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    logging.getLogger("prefect").setLevel(logging.WARNING)
    from questionnaire_returns.prefect_env import local_api

    figures: dict = {}
    t0 = time.monotonic()
    with local_api():
        figures["prefect_server_start_s"] = round(time.monotonic() - t0, 2)

        for label, name, n, share in (("typed", f"typed_{args.n}", args.n, None),
                                      ("short", f"short_{args.short_n}", args.short_n, 0.0)):
            raw, _ = corpus(name, n, seed=11 if label == "typed" else 21, forms=["pdf_typed"], appendix_share=share)
            figures[label] = ratio_figures(raw, OUT / f"{name}_normalized")
            f = figures[label]
            print(f"{label} PDFs ({f['files']} files, {f['pdf_pages']} pages, {f['pdf_pages'] / f['files']:.1f} a file): "
                  f"ingest {f['ingest']['seconds']} s ({f['ingest']['pages_per_s']} pages/s, whole flow, 2 workers; "
                  f"{f['ingest']['with_process_start_s']} s with the Python process's start), peak {f['ingest']['peak_mb']} MB; "
                  f"pdfplumber extract_text loop {f['pdfplumber_extract_text']['seconds']} s "
                  f"({f['pdfplumber_extract_text']['pages_per_s']} pages/s, 1 process); "
                  f"ratio {f.get('ingest_pages_per_s_over_pdfplumber')}", flush=True)
        rerun = cli_rerun(raw, OUT / f"short_{args.short_n}_normalized")
        figures["short"]["no_change_rerun_cli"] = rerun
        print(f"no-change rerun of the {figures['short']['files']} short returns, `returns ingest` with no Prefect server "
              f"configured: {rerun['wall_s']} s wall (process start included), peak {rerun['peak_mb']} MB", flush=True)

        if args.full:
            # a survey cycle's bulk run: every PDF/Word return with its action plan appended
            raw300, _ = corpus("cycle_300", 300, seed=3, appendix_share=BULK_APPENDIX_SHARE)
            full = run(raw300, OUT / "cycle_300_normalized")
            rerun = run(raw300, OUT / "cycle_300_normalized", fresh=False)
            figures["cycle_300"] = {"full": full, "no_change_rerun": rerun,
                                    "rerun_over_full": round(rerun["seconds"] / full["seconds"], 3)}
            print(f"300 mixed returns with their action plans: {full['pages']} pages in {full['seconds']} s ({full['pages_per_s']} pages/s), "
                  f"peak {full['peak_mb']} MB (PSS; RSS sum {full['peak_rss_sum_mb']} MB); no-change rerun {rerun['seconds']} s "
                  f"({figures['cycle_300']['rerun_over_full']:.1%} of the full run)", flush=True)
            bomb = bomb_run()
            figures["decompression_bomb"] = bomb
            print(f"a 1 MB PDF whose content stream inflates to 1 GB, with a short return beside it: "
                  f"{bomb['seconds']} s, peak {bomb['peak_mb']} MB (PSS; RSS sum {bomb['peak_rss_sum_mb']} MB), "
                  f"failed {bomb['failed']} (reason: {bomb['reason']})", flush=True)
            raw100, _ = corpus("cycle_100", 100, seed=3, appendix_share=BULK_APPENDIX_SHARE)
            r100 = run(raw100, OUT / "cycle_100_normalized")
            d100 = run(raw100, OUT / "cycle_100_dask", runner="dask")
            figures["cycle_100"] = {"process": r100, "dask_local_cluster_2_workers": d100}
            figures["peak_mb_100_vs_300"] = [r100["peak_mb"], full["peak_mb"]]
            print(f"peak memory (PSS): 100 returns {r100['peak_mb']} MB, 300 returns {full['peak_mb']} MB; "
                  f"RSS sums {r100['peak_rss_sum_mb']} / {full['peak_rss_sum_mb']} MB", flush=True)
            print(f"100 returns: process pool {r100['seconds']} s, Dask LocalCluster (2 workers) {d100['seconds']} s",
                  flush=True)

    (OUT / "bench_ingest.json").write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
