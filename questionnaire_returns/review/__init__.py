"""The reviewers' loop: corrections that survive every rerun, made by signed-in reviewers.

store.py      CorrectionStore, the append-only ledger of corrections, approvals and learned aliases
merge.py      merge(extracted, latest corrections) -> the published answers (confirmed / corrected)
data.py       the merged view the app and the Excel export share (queue, progress)
query.py      a queue's filters, search and sort
checks.py     values checked by their meaning (country, dates, years); labels.py: labels beside codes
accounts.py   accounts with roles and argon2id hashes; sessions.py: signed cookies, CSRF tokens
app.py        the review web app (create_app, serve): its state and one router per screen
web.py        what the screens share (the app's state, item page, links, sign-in and role checks)
routes/       the routers: signin, queue, item, save, pages, approvals, audit
pages.py      page images of raw/ files (fillable forms drawn), evidence highlighted, only under raw/
sources.py    Word, HTML, e-mail and text sources as text, the evidence found in them
publisher.py  publish after each save, one at a time
excel.py      export_queue / import_corrections (.xlsx)
cli.py        `returns review` (Typer sub-app: review_app; users add/remove/list)

No submodule is imported here, so the pipeline can use merge/store without FastAPI.
"""

from pathlib import Path


# here, not in store.py: the pipeline's workers ask for the URL without loading SQLAlchemy (~12 MB each)
def store_url_for(data_dir: Path) -> str:
    """The corrections store of a data folder: the configured one for the project's
    normalized/ folder, else corrections.sqlite inside `data_dir`."""
    data_dir = Path(data_dir).resolve()
    try:
        from questionnaire_returns.config import settings

        s = settings()
        if data_dir == s.path("normalized"):
            return s.corrections_url
    except Exception:  # no usable config: fall back to the folder's own store
        pass
    return f"sqlite:///{data_dir / 'corrections.sqlite'}"
