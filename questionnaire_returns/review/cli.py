"""`returns review`: the review app, and the queue as an Excel workbook.

    returns review [--data DIR] [--host H] [--port N]     start the review app
    returns review export [--data DIR] [--out FILE]       the queue as .xlsx
    returns review import FILE [--data DIR] [--reviewer NAME]
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

review_app = typer.Typer(
    help="Review low-confidence fields: the review app (default), or the queue as an Excel workbook.",
    no_args_is_help=False,
)


def _data_dir(data: Optional[Path]) -> Path:
    if data is not None:
        return data.resolve()
    from questionnaire_returns.config import settings

    return settings().path("normalized")


def _store_url(data_dir: Path, store: Optional[str]) -> str:
    from questionnaire_returns.review.store import store_url_for

    return store or store_url_for(data_dir)


@review_app.callback(invoke_without_command=True)
def review(
    ctx: typer.Context,
    data: Optional[Path] = typer.Option(None, "--data", help="The normalized/ folder (default: from config.yaml)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; keep 127.0.0.1 unless reviewers connect from other machines."),
    port: int = typer.Option(8765, "--port", help="Port to listen on."),
    raw: Optional[Path] = typer.Option(None, "--raw", help="The raw/ folder page images are read from (default: from config.yaml)."),
    store: Optional[str] = typer.Option(None, "--store", help="Corrections store URL (default: corrections.url of config.yaml for the project's normalized/, else DATA/corrections.sqlite)."),
) -> None:
    """Start the review app (prints its URL)."""
    if ctx.invoked_subcommand is not None:
        return
    from questionnaire_returns.review.app import serve

    data_dir = _data_dir(data)
    if raw is None:
        from questionnaire_returns.config import settings

        raw = settings().path("raw")
    serve(data_dir, host=host, port=port, raw_dir=raw.resolve(), store_url=_store_url(data_dir, store))


@review_app.command("export")
def export(
    data: Optional[Path] = typer.Option(None, "--data", help="The normalized/ folder (default: from config.yaml)."),
    out: Optional[Path] = typer.Option(None, "--out", help="The workbook to write (default: DATA/review_queue.xlsx)."),
    store: Optional[str] = typer.Option(None, "--store", help="Corrections store URL (default as for `returns review`)."),
    country: str = typer.Option("", "--country", help="Only this country."),
    field: str = typer.Option("", "--field", help="Only this field."),
) -> None:
    """Write the review queue to an Excel workbook with columns to fill."""
    from questionnaire_returns.review.excel import export_queue
    from questionnaire_returns.review.store import CorrectionStore

    data_dir = _data_dir(data)
    out = out or data_dir / "review_queue.xlsx"
    s = CorrectionStore(_store_url(data_dir, store))
    try:
        n = export_queue(data_dir, out, s, country=country, field=field)
    finally:
        s.close()
    typer.echo(f"{n} fields to review written to {out}")


@review_app.command("import")
def import_(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A workbook written by `returns review export`, filled."),
    data: Optional[Path] = typer.Option(None, "--data", help="The normalized/ folder (default: from config.yaml)."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Reviewer for rows whose reviewer column is empty."),
    store: Optional[str] = typer.Option(None, "--store", help="Corrections store URL (default as for `returns review`)."),
    report: Optional[Path] = typer.Option(None, "--report", help="Also write the rejected rows to this CSV."),
    publish: bool = typer.Option(True, "--publish/--no-publish", help="Update the dataset files afterwards."),
) -> None:
    """Apply a filled workbook's rows as corrections; report every rejected row."""
    from questionnaire_returns.review.excel import import_corrections
    from questionnaire_returns.review.store import CorrectionStore

    data_dir = _data_dir(data)
    s = CorrectionStore(_store_url(data_dir, store))
    try:
        result = import_corrections(file, s, reviewer_default=reviewer, data_dir=data_dir)
        typer.echo(result.summary())
        if report:
            result.write_csv(report)
        if publish and result.applied:
            from questionnaire_returns.review.publisher import Publisher

            error = Publisher(data_dir, s)()
            if error:
                typer.echo(f"saved, but the dataset files could not be updated: {error}", err=True)
                raise typer.Exit(2)
    finally:
        s.close()
    if result.rejected:
        raise typer.Exit(1)
