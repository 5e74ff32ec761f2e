"""The write and report stages' modules imported in the flow's process while the documents are read.

After the reading, writing the dataset and building the report ran one after the other in the
flow's process, the first part of each importing its libraries (pandas, pyarrow, SQLAlchemy for
the corrections, openpyxl and jinja2 for the report: about 0.7 s of CPU here) while the second
core waited. Imported in a thread as the reading starts, they are ready when it ends. An import
that fails here is left alone: the stage that needs it imports it again and says what is wrong.
"""

from __future__ import annotations

import importlib
import threading

MODULES = (
    "questionnaire_returns.write.dataset",  # pandas, the ledger, routing
    "pyarrow.parquet",  # the dataset's parquet files
    "questionnaire_returns.corrections.merge",
    "questionnaire_returns.corrections.store",  # SQLAlchemy
    "questionnaire_returns.report.rebuild",
    "questionnaire_returns.report.build",  # openpyxl, jinja2
)


def _import_all(modules: tuple[str, ...]) -> None:
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - reported by the stage that needs it
            pass


def start_preloading(modules: tuple[str, ...] = MODULES) -> threading.Thread:
    """Import `modules` in a daemon thread of this process; the thread, for whoever wants to wait."""
    thread = threading.Thread(target=_import_all, args=(modules,), name="preload-write-stage", daemon=True)
    thread.start()
    return thread
