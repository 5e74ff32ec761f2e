"""`returns`: the project's command line.

    returns ingest     read every return in raw/ and write the dataset in normalized/
    returns schedule   serve ingest: a run on a cron schedule, and one when files arrive (a Prefect event)
    returns notify     emit the file-arrival event (for upload scripts)
    returns review     the review app, or the review queue as an Excel workbook
    returns report     the summary report
    returns export     the dataset as Stata, SPSS, Excel and typed Parquet files
    returns samples    write the demo set of returns (or a generated corpus with its key)

Prefect is imported inside the commands, so `returns --help` stays fast.
"""

from __future__ import annotations

import questionnaire_returns.prefect_env  # noqa: F401  - offline Prefect settings, before prefect

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Optional

import typer

from questionnaire_returns.export.cli import export as export_command
from questionnaire_returns.report.cli import report as report_command
from questionnaire_returns.review.cli import review_app

app = typer.Typer(
    help="Turn governments' returns to the 2007 OSCE anti-trafficking questionnaire into a reviewed dataset.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

RAW_HELP = "Folder of returns to read (default: paths.raw of config.yaml, i.e. raw/)."
OUT_HELP = "Folder the dataset is written to (default: paths.normalized of config.yaml, i.e. normalized/)."
RUNNER_HELP = ("How documents run in parallel: process (a pool of worker processes, both cores), "
               "thread, or dask (a 2-worker Dask LocalCluster, or --dask-address). Default: ingest.runner of config.yaml.")
DASK_HELP = "Address of a running Dask scheduler (tcp://host:8786) for --runner dask; default: a local cluster."


def _paths(raw: Optional[Path], out: Optional[Path]) -> tuple[Path, Path]:
    from questionnaire_returns.config import settings

    s = settings()
    return (raw or s.path("raw")).resolve(), (out or s.path("normalized")).resolve()


def _print_summary(summary: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="Ingest run", show_header=False, box=None)
    rows = [
        ("files seen", summary["files_seen"]),
        ("read this run", f"{summary.get('read', '')} (new {summary.get('new', 0)}, changed {summary.get('changed', 0)}, "
                          f"unchanged reused {summary.get('reused', 0)})"),
        ("returns (current)", summary["returns"]),
        ("attachments", f"{summary['attachments']} (+ {summary.get('email_attachments', 0)} e-mail attachments)"),
        ("duplicates", summary["duplicates"]),
        ("superseded", summary["superseded"]),
        ("failed", summary["failed"]),
        ("unreadable pages", summary.get("unreadable_pages", 0)),
        ("rows written", summary["rows_written"]),
        ("rows to review", summary["rows_review"]),
        ("time", f"{summary.get('seconds', '?')} s"),
    ]
    for k, v in rows:
        table.add_row(k, str(v))
    console.print(table)
    for source_file, reason in summary.get("failures", []):
        console.print(f"  [red]failed[/red] {source_file}: {reason}", highlight=False)
    out = Path(summary["dataset"])
    console.print(f"Dataset: {out} (answers.csv, responses.csv, review_queue.csv, failures.csv, submissions.csv)",
                  highlight=False)
    if "report_error" in summary:
        if summary["report_error"]:
            console.print(f"[red]report not rebuilt[/red]: {summary['report_error']}", highlight=False)
        else:
            console.print(f"Report: {out / 'report' / 'report.html'} (and compilation.html)", highlight=False)


@app.command()
def ingest(
    raw: Optional[Path] = typer.Option(None, "--raw", help=RAW_HELP),
    out: Optional[Path] = typer.Option(None, "--out", help=OUT_HELP),
    runner: Optional[str] = typer.Option(None, "--runner", help=RUNNER_HELP),
    dask_address: Optional[str] = typer.Option(None, "--dask-address", help=DASK_HELP),
    no_cache: bool = typer.Option(False, "--no-cache", help="Read every file again, ignoring cached results."),
) -> None:
    """Read every return in raw/ and write the normalised dataset (a Prefect flow).

    Unchanged files are not read again (results are cached by content). A file that cannot be read is listed in failures.csv with the reason; it never stops the run. The exit status is non-zero only when the run itself breaks (2: another run holds the folder, or bad options).
    """
    from questionnaire_returns.runlock import RunLocked

    raw, out = _paths(raw, out)
    if runner is not None and runner not in ("process", "thread", "dask"):
        typer.echo(f"returns ingest: --runner must be process, thread or dask (got {runner!r})", err=True)
        raise typer.Exit(code=2)
    if not raw.is_dir():
        typer.echo(f"returns ingest: the raw folder {raw} does not exist", err=True)
        raise typer.Exit(code=2)
    from flows.run import run_ingest

    try:  # run_ingest takes the run lock before anything else starts (no Prefect server when refused)
        summary = run_ingest(raw, out, runner=runner, dask_address=dask_address, use_cache=not no_cache)
    except RunLocked as exc:
        typer.echo(f"returns ingest: {exc}", err=True)
        raise typer.Exit(code=2) from None
    except KeyboardInterrupt as exc:
        signum = getattr(exc, "signum", signal.SIGINT)
        typer.echo(f"returns ingest: stopped ({signal.Signals(signum).name}); no dataset file in {out} was left half "
                   "written. Files already read are cached: the next run goes on from there.", err=True)
        raise typer.Exit(code=128 + signum) from None
    except Exception as exc:  # noqa: BLE001 - the run broke: say why, exit non-zero
        typer.echo(f"returns ingest: the run failed: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(code=1) from None
    _print_summary(summary)


def _wait_healthy(url: str, timeout: float, proc: subprocess.Popen | None = None) -> bool:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url.rstrip("/") + "/health", timeout=2) as resp:
                if resp.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


@app.command()
def schedule(
    raw: Optional[Path] = typer.Option(None, "--raw", help=RAW_HELP),
    out: Optional[Path] = typer.Option(None, "--out", help=OUT_HELP),
    runner: Optional[str] = typer.Option(None, "--runner", help=RUNNER_HELP),
    cron: Optional[str] = typer.Option(None, "--cron", help="Cron schedule of the reruns (default: schedule.cron of config.yaml)."),
    timezone: Optional[str] = typer.Option(None, "--timezone", help="Time zone of the cron schedule, an IANA name such as Europe/Vienna (default: schedule.timezone of config.yaml)."),
    watch: bool = typer.Option(True, "--watch/--no-watch", help="Emit a Prefect event when files arrive in raw/ (the deployment's trigger starts a run); --no-watch leaves that to `returns notify`."),
    port: int = typer.Option(4200, "--port", help="Port of the local Prefect server started when PREFECT_API_URL names none."),
) -> None:
    """Serve the ingest flow as the deployment ingest/returns-ingest: a run on the cron schedule, and one when files arrive.

    File arrival is a Prefect event (returns.raw.changed, under Events in the UI) that the deployment's trigger (under Automations) turns into a run; the deployment runs one at a time (concurrency limit 1). Uses the Prefect server PREFECT_API_URL names; without one it starts a local `prefect server start --host 127.0.0.1` (UI at http://127.0.0.1:PORT) and stops it on exit. Stop with Ctrl-C.
    """
    import logging

    from questionnaire_returns.config import settings

    s = settings()
    raw, out = _paths(raw, out)
    cron = cron or s.schedule.cron
    tz = timezone or s.schedule.timezone
    server = None
    if not os.environ.get("PREFECT_API_URL"):
        from questionnaire_returns.prefect_env import api_url

        if not api_url():
            url = f"http://127.0.0.1:{port}/api"
            typer.echo(f"Starting a local Prefect server on {url} (PREFECT_HOME={os.environ['PREFECT_HOME']}) ...")
            log = open(Path(os.environ["PREFECT_HOME"]) / "server.log", "ab")
            server = subprocess.Popen(
                [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
            )
            if not _wait_healthy(url, 120, server):
                server.terminate()
                typer.echo(f"returns schedule: the Prefect server did not start; see {log.name}", err=True)
                raise typer.Exit(code=1)
            os.environ["PREFECT_API_URL"] = url
    from contextlib import ExitStack

    from prefect.settings import PREFECT_API_URL, temporary_settings

    stack = ExitStack()
    if os.environ.get("PREFECT_API_URL"):  # settings already loaded in this process must see it too
        stack.enter_context(temporary_settings(updates={PREFECT_API_URL: os.environ["PREFECT_API_URL"]}))
    typer.echo(f"Prefect API: {os.environ.get('PREFECT_API_URL')}  UI: {os.environ.get('PREFECT_API_URL', '').removesuffix('/api')}")
    stop = threading.Event()
    try:
        from flows.ingest import ingest as ingest_flow
        from flows.schedule import EVENT, deployment_options
        from flows.schedule import watch as watch_raw

        options = deployment_options(raw, out, runner or s.ingest.runner, cron, tz)
        if watch:
            import contextvars

            context = contextvars.copy_context()  # the watcher sees this process's Prefect settings
            threading.Thread(target=context.run, args=(watch_raw, raw, stop, logging.getLogger("returns.schedule")),
                             daemon=True, name="raw-watch").start()
        typer.echo(f"Serving ingest/{options['name']}: cron {cron} ({tz}); a run on each {EVENT} event for {raw}"
                   f"{' (watching it)' if watch else ''}; one run at a time. Ctrl-C stops.")
        ingest_flow.serve(**options, pause_on_shutdown=False)
    finally:
        stop.set()
        stack.close()
        if server is not None:
            os.environ.pop("PREFECT_API_URL", None)
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)


@app.command()
def notify(
    raw: Optional[Path] = typer.Option(None, "--raw", help=RAW_HELP),
    files: Optional[list[str]] = typer.Argument(None, help="Names of the files that arrived (for the event's payload)."),
) -> None:
    """Tell the served ingest that files arrived in raw/: emits the Prefect event its trigger runs on (for upload scripts)."""
    from flows.schedule import EVENT, notify as emit

    raw, _ = _paths(raw, None)
    emit(raw, list(files or []))
    typer.echo(f"{EVENT} emitted for {raw}")


@app.command()
def samples(
    folder: Optional[Path] = typer.Argument(None, help="Folder the returns are written to (default: paths.raw of config.yaml, i.e. raw/)."),
    n: Optional[int] = typer.Option(None, "--n", min=1, help="Generate a corpus of N returns instead of the fixed demo set of 10."),
    seed: int = typer.Option(1, "--seed", help="Seed of the generated corpus: the same seed writes the same files and key."),
    forms: Optional[list[str]] = typer.Option(None, "--form", help="Only this form in the corpus (repeat for several; default all): "
                                              "pdf_typed, pdf_vector, pdf_form, pdf_table, pdf_narrative, docx, docx_narrative, txt, html, email, scan."),
    languages: Optional[list[str]] = typer.Option(None, "--language", help="Only this language in the corpus (repeat for several; default en fr de ru es it)."),
    key: Optional[Path] = typer.Option(None, "--key", help="Where the answer key (JSON) goes. Default for a corpus: FOLDER_key.json beside the folder, "
                                       "outside it, so an ingest of the folder does not meet it; the demo set's key is written only with --key."),
) -> None:
    """Write synthetic returns to the questionnaire: the fixed demo set, or a corpus of N with its answer key.

    The demo set is 10 returns, one per form of interest (typed, vector and fillable PDFs, a letter, Word, text, HTML, an e-mail with its attachment), named the way returns arrive. With --n, N returns spread over the forms and six languages, and a key that says what each one answers (what `make eval` measures against).
    """
    from questionnaire_returns.config import settings
    from synthetic_returns import FORMS, available_languages, generate_corpus, write_samples

    folder = (folder or settings().path("raw")).resolve()
    bad = [f"form {f!r}" for f in forms or () if f not in FORMS] + \
          [f"language {lang!r}" for lang in languages or () if lang not in available_languages()]
    if bad:
        typer.echo(f"returns samples: unknown {', '.join(bad)}", err=True)
        raise typer.Exit(code=2)
    if n is None:
        if forms or languages:
            typer.echo("returns samples: --form and --language choose a generated corpus's returns: give --n too", err=True)
            raise typer.Exit(code=2)
        written = write_samples(folder, key_path=key)
        typer.echo(f"wrote the demo set ({len(written)} files) to {folder}" + (f"; key: {key}" if key else ""))
        return
    key = key or folder.with_name(folder.name + "_key.json")
    written = generate_corpus(folder, n, seed=seed, forms=forms, languages=languages, key_path=key)
    returns = sum(1 for e in written.values() if e["role"] == "return")
    typer.echo(f"wrote {returns} returns ({len(written)} files and attachments) to {folder}; key: {key}")


app.add_typer(review_app, name="review", help="Review low-confidence fields (the review app), or the queue as an Excel workbook.")
app.command("report")(report_command)
app.command("export")(export_command)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
