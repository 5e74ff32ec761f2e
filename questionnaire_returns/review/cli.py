"""`returns review`: the review app, the queue as an Excel workbook, the accounts.

    returns review [--data DIR] [--host H] [--port N] [--tls-cert F --tls-key F | --behind-proxy]
    returns review export [--data DIR] [--out FILE]       the queue as .xlsx
    returns review import FILE [--data DIR] [--reviewer NAME]
    returns review users add NAME --role reviewer|approver|admin   (password from stdin when it is no terminal)
    returns review users remove NAME
    returns review users list
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Optional

import typer

review_app = typer.Typer(
    help="Review low-confidence fields: the review app (default), the queue as an Excel workbook, the accounts.",
    no_args_is_help=False,
)
users_app = typer.Typer(help="Reviewer accounts: add, remove, list.", no_args_is_help=True)
review_app.add_typer(users_app, name="users")


def _data_dir(data: Optional[Path]) -> Path:
    if data is not None:
        return data.resolve()
    from questionnaire_returns.config import settings

    return settings().path("normalized")


def _second_pass() -> bool:
    from questionnaire_returns.config import settings

    return settings().reviewers.second_pass


def _store_url(data_dir: Path, store: Optional[str]) -> str:
    from questionnaire_returns.corrections.store import store_url_for

    return store or store_url_for(data_dir)


@review_app.callback(invoke_without_command=True)
def review(
    ctx: typer.Context,
    data: Optional[Path] = typer.Option(None, "--data", help="The normalized/ folder (default: from config.yaml)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; keep 127.0.0.1 unless reviewers connect from other machines."),
    port: int = typer.Option(8765, "--port", help="Port to listen on."),
    raw: Optional[Path] = typer.Option(None, "--raw", help="The raw/ folder page images are read from (default: from config.yaml)."),
    store: Optional[str] = typer.Option(None, "--store", help="Corrections store URL (default: corrections.url of config.yaml for the project's normalized/, else DATA/corrections.sqlite)."),
    tls_cert: Optional[Path] = typer.Option(None, "--tls-cert", help="PEM certificate: serve HTTPS (default: reviewers.tls_certfile of config.yaml)."),
    tls_key: Optional[Path] = typer.Option(None, "--tls-key", help="The certificate's PEM key (default: reviewers.tls_keyfile)."),
    behind_proxy: Optional[bool] = typer.Option(None, "--behind-proxy/--no-proxy", help="A TLS-terminating proxy stands in front (default: reviewers.behind_proxy). Beyond 127.0.0.1 the app needs this or TLS."),
) -> None:
    """Start the review app (prints its URL; with no account yet, a one-time link that makes the first admin)."""
    if ctx.invoked_subcommand is not None:
        return
    from questionnaire_returns.review.app import ServeRefused, serve

    data_dir = _data_dir(data)
    if raw is None:
        from questionnaire_returns.config import settings

        raw = settings().path("raw")
    try:
        serve(data_dir, host=host, port=port, raw_dir=raw.resolve(), store_url=_store_url(data_dir, store),
              tls_certfile=tls_cert, tls_keyfile=tls_key, behind_proxy=behind_proxy)
    except ServeRefused as exc:
        typer.echo(f"returns review: {exc}", err=True)
        raise typer.Exit(2) from None


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
    from questionnaire_returns.corrections.store import CorrectionStore

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
    from questionnaire_returns.review.excel import NotAWorkbook, import_corrections
    from questionnaire_returns.corrections.store import CorrectionStore

    data_dir = _data_dir(data)
    s = CorrectionStore(_store_url(data_dir, store))
    try:
        try:
            result = import_corrections(file, s, reviewer_default=reviewer, data_dir=data_dir,
                                        second_pass=_second_pass())
        except NotAWorkbook as exc:
            typer.echo(f"refused: {exc}", err=True)
            raise typer.Exit(2) from None
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


def _accounts(data: Optional[Path], store: Optional[str]):
    from questionnaire_returns.review.accounts import Accounts
    from questionnaire_returns.corrections.store import CorrectionStore

    s = CorrectionStore(_store_url(_data_dir(data), store))
    return s, Accounts(s)


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no login name (a container)
        return "cli"


def _read_password() -> str:
    """Twice at a terminal (not echoed); else the first line of standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Again: "):
            typer.echo("the two passwords differ", err=True)
            raise typer.Exit(1)
        return first
    return (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")


@users_app.command("add")
def users_add(
    name: str = typer.Argument(..., help="The account's name (shown beside every correction it saves)."),
    role: str = typer.Option("reviewer", "--role", help="reviewer (works the queue), approver (also the second pass and the audit) or admin (also the accounts)."),
    data: Optional[Path] = typer.Option(None, "--data", help="The normalized/ folder (default: from config.yaml)."),
    store: Optional[str] = typer.Option(None, "--store", help="Corrections store URL (default as for `returns review`)."),
) -> None:
    """Add an account. The password is asked twice at a terminal, else read from standard input."""
    from questionnaire_returns.review.accounts import AccountError

    s, accounts = _accounts(data, store)
    try:
        account = accounts.add(name, role, _read_password(), _actor())
    except AccountError as exc:
        typer.echo(f"not added: {exc}", err=True)
        raise typer.Exit(1) from None
    finally:
        s.close()
    typer.echo(f"added {account.name} ({account.role})")


@users_app.command("remove")
def users_remove(
    name: str = typer.Argument(..., help="The account to remove; its sessions end at once."),
    data: Optional[Path] = typer.Option(None, "--data", help="The normalized/ folder (default: from config.yaml)."),
    store: Optional[str] = typer.Option(None, "--store", help="Corrections store URL (default as for `returns review`)."),
) -> None:
    """Remove an account (its corrections stay, under its name). The last admin cannot be removed."""
    from questionnaire_returns.review.accounts import AccountError

    s, accounts = _accounts(data, store)
    try:
        account = accounts.remove(name, _actor())
    except AccountError as exc:
        typer.echo(f"not removed: {exc}", err=True)
        raise typer.Exit(1) from None
    finally:
        s.close()
    typer.echo(f"removed {account.name} ({account.role})")


@users_app.command("list")
def users_list(
    data: Optional[Path] = typer.Option(None, "--data", help="The normalized/ folder (default: from config.yaml)."),
    store: Optional[str] = typer.Option(None, "--store", help="Corrections store URL (default as for `returns review`)."),
) -> None:
    """List the accounts: name, role, when added."""
    s, accounts = _accounts(data, store)
    try:
        rows = accounts.list()
    finally:
        s.close()
    if not rows:
        typer.echo("no accounts (add the first: returns review users add NAME --role admin)")
    for a in rows:
        typer.echo(f"{a.name}\t{a.role}\t{a.created_at}")
