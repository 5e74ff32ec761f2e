"""One document read within its limits, its outcome cached by content: the work a `read-document`
task hands to a warm worker process (flows/workers.py), or does itself with the other runners.

A module of its own, importing no Prefect and nothing of the flow, so that the workers and the
flow's tasks both import it and neither imports the other.
"""

from __future__ import annotations

from pathlib import Path

from questionnaire_returns.cache import DocCache
from questionnaire_returns.config import settings
from questionnaire_returns.read.errors import ReadError

from flows.deadline import OverTime, within

TRANSIENT = (OSError, TimeoutError)


def reason_of(exc: BaseException) -> str:
    """What staff read: a ReadError's own words, else the error's message or its type."""
    return getattr(exc, "reason", None) or str(exc) or type(exc).__name__


def read_one(path: str, raw_root: str, source_file: str = "", sha256: str = "", cache_dir: str = "",
             version: str = "") -> dict:
    """One document through the stages (pipeline.process_file) within reader.max_seconds (pages and
    inflated size are checked in the readers); the outcome cached by content."""
    try:
        with within(settings().reader.max_seconds, source_file or path):
            from questionnaire_returns import pipeline  # here: the flow's own process never needs the stages

            result, failure = pipeline.process_file(Path(path), Path(raw_root)), None
    except ReadError as exc:
        result, failure = None, reason_of(exc)
    except OverTime as exc:
        result, failure = None, str(exc)
    except TRANSIENT:
        raise  # retried by Prefect; recorded as a failure when the retries are spent
    except MemoryError:
        result, failure = None, "it needs more memory than this machine has: not read"
    except Exception as exc:  # noqa: BLE001 - a bug in a stage: this file fails, the batch goes on
        return {"result": None, "failure": f"pipeline error: {type(exc).__name__}: {exc}"}  # not cached
    if cache_dir and sha256:
        DocCache(cache_dir, version).put(sha256, result, failure)
        return {"cached": True, "failure": failure}  # the flow reads the result back from the cache
    return {"result": result, "failure": failure}
