"""Publish the dataset files after each save, one publish at a time."""

from __future__ import annotations

import logging
import threading
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from questionnaire_returns.corrections.store import CorrectionStore

log = logging.getLogger(__name__)


def default_publish(data_dir: Path, store: CorrectionStore) -> None:
    """The write stage's publish, imported when first needed."""
    from questionnaire_returns.write.dataset import publish

    publish(data_dir, store)


class Publisher:
    """Runs publish after each save, one at a time (per process and, with filelock,
    across processes), so the last run always sees every save before it."""

    def __init__(self, data_dir: Path, store: CorrectionStore, publish=None):
        self.data_dir = Path(data_dir)
        self.store = store
        self.publish = publish
        self.lock = threading.Lock()
        self.last_error: str | None = None

    def __call__(self) -> str | None:
        publish = self.publish or default_publish
        try:
            from filelock import FileLock

            file_lock: AbstractContextManager = FileLock(str(self.data_dir / ".publish.lock"), timeout=120)
        except Exception:  # filelock missing or the folder is read-only
            file_lock = nullcontext()
        with self.lock:
            try:
                with file_lock:
                    publish(self.data_dir, self.store)
                self.last_error = None
            except Exception as exc:  # the save stands; say the dataset is behind
                log.exception("publish failed")
                self.last_error = f"{type(exc).__name__}: {exc}"
        return self.last_error
