"""The reviewers' loop: corrections that survive every rerun.

store.py   CorrectionStore, the append-only ledger of corrections and learned aliases
merge.py   merge(extracted, latest corrections) -> the published answers
data.py    the merged view the app and the Excel export share (queue, progress)
app.py     the review web app (create_app, serve): its state and one router per screen
web.py     what the screens share (the app's state, item page, links, sign-in checks)
routes/    the routers: signin, queue, item, save, pages
publisher.py  publish after each save, one at a time
pages.py   page images of raw/ files, evidence highlighted, only under raw/
excel.py   export_queue / import_corrections (.xlsx)
cli.py     `returns review` (Typer sub-app: review_app)

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
