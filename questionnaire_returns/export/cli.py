"""`returns export`: the Typer command that writes normalized/export/."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


def export(
    data: Annotated[Optional[Path], typer.Option(
        "--data", help="Folder holding the dataset (responses.csv, answers.csv). Default: paths.normalized of config.yaml.",
    )] = None,
    formats: Annotated[Optional[list[str]], typer.Option(
        "--format", help="stata (responses.dta), spss (responses.sav), xlsx (dataset.xlsx), parquet (responses.parquet) "
                         "or csv (answers.csv and responses.csv with a byte-order mark, for Excel on Windows); "
                         "repeat for several. Default: all.",
    )] = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Folder the files go to. Default: <data>/export.")] = None,
) -> None:
    """Export the dataset for analysts: Stata and SPSS files with variable and value labels, an Excel workbook, typed Parquet.

    Made from the published files, so reviewers' corrections are in; every label and description comes from the schema. The dataset's own CSVs stay plain UTF-8; --format csv writes copies with a byte-order mark that Excel opens correctly by double-click.
    """
    from questionnaire_returns.export import FORMATS, ExportError, export_dataset

    if data is None:
        from questionnaire_returns.config import settings

        data = settings().path("normalized")
    try:
        written = export_dataset(Path(data), tuple(formats or FORMATS), out)
    except ExportError as exc:
        typer.echo(f"returns export: {exc}", err=True)
        raise typer.Exit(code=1 if "unknown format" not in str(exc) else 2) from exc
    for name, path in written.items():
        typer.echo(f"{name:<18} {path}")
