"""The reviewers' corrections, kept apart from the app that makes them.

store.py   CorrectionStore: the append-only ledger of corrections, approvals and learned aliases
merge.py   merge(extracted, latest corrections) -> the published answers (confirmed / corrected)

The write stage lays the corrections over every run's answers and the resolver learns aliases
from them; the review app (questionnaire_returns/review/) adds to them. This package sits below
all three, so none of them reaches up into another.
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
