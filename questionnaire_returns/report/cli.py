"""`returns report`: the Typer command that builds the summary report.

The project's cli.py wires it in:

    from questionnaire_returns.report.cli import report
    app.command("report")(report)

It also runs alone:  python -m questionnaire_returns.report [--data DIR] [--out DIR]
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from questionnaire_returns.report.data import ReportDataError


def report(
    data: Annotated[Optional[Path], typer.Option(
        "--data", help="Folder holding answers.csv (or responses.csv). Default: paths.normalized of config.yaml.",
    )] = None,
    out: Annotated[Optional[Path], typer.Option(
        "--out", help="Folder the report is written to. Default: <data>/report, i.e. normalized/report/.",
    )] = None,
    cycle: Annotated[Optional[str], typer.Option(
        "--cycle", help="The survey cycle to summarise (raw/<cycle>/, e.g. 2009). Default: the latest in the dataset.",
    )] = None,
) -> None:
    """Build the summary report of the returns.

    Writes the Annex C tables (report.xlsx, one sheet each, and table_*.csv), figures.csv (every figure's numerator, denominator, share and definition), one chart per figure group (charts/*.svg), report.html (self-contained) and data_quality.csv (fields under review per State, and each figure's range while they are). With survey cycles (raw/2007/, raw/2009/), the report is of one cycle (--cycle, default the latest) and comparison.html / comparison.xlsx set every cycle's values and figures side by side.
    """
    from questionnaire_returns.report.build import build_report  # openpyxl and jinja2 only when it runs

    try:
        files = build_report(data, out, cycle=cycle)
    except ReportDataError as exc:
        typer.echo(f"report: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    width = max(len(k) for k in files)
    for name, path in files.items():
        typer.echo(f"{name:<{width}}  {path}")
    typer.echo(f"Open {files['html']} in a browser; {files['xlsx'].name} holds the tables for Excel.")


app = typer.Typer(add_completion=False, help="Build the summary report of the questionnaire returns.")
app.command("report")(report)
