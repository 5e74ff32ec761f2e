"""Each language's built patterns kept on disk, so a process is ready in a fraction of the time.

Building a language's patterns (reading and validating its YAML file, spaCy's blank pipeline,
the phrase and token matchers) took 0.6-3 s a language here, six languages in every ingest's
workers. The built objects are pickled in the cache folder (config.yaml paths.cache) as
`patterns-<lang>-<key>.pkl`, where the key hashes everything they are built from: the pattern
file, the rules' cues and the schema (which labels are known), the code that builds them, spaCy
and Python. Any change gives another key, so a stale build is never used; an entry that cannot
be read is built anew, and a cache that cannot be written is only slower.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path

from questionnaire_returns.config import settings
from questionnaire_returns.atomic_files import write_bytes

FORMAT = "1"  # bump when what is stored changes shape


def built_dir() -> Path:
    """Where the built patterns are kept: the cache folder."""
    return settings().path("cache")


def built_key(path: Path, inputs: list[Path | None]) -> str | None:
    """16 hex digits naming one build of the pattern file `path` from `inputs` (the other files it
    depends on); None when one of them cannot be read (then nothing is cached)."""
    import spacy  # here: importing it takes 1-2 s, and only a process that matches needs it

    h = hashlib.sha256(f"{FORMAT}|{spacy.__version__}|{sys.version}|{path.stem}".encode())
    for p in [path, *inputs]:
        if p is None:
            continue
        try:
            h.update(p.read_bytes())
        except OSError:
            return None
        h.update(b"\0")
    return h.hexdigest()[:16]


def _file(lang: str, key: str) -> Path:
    return built_dir() / f"patterns-{lang}-{key}.pkl"


def load_built(lang: str, key: str) -> object | None:
    """The stored build, or None (none stored, or unreadable: a miss, never an error)."""
    try:
        with open(_file(lang, key), "rb") as fh:
            return pickle.load(fh)
    except Exception:  # noqa: BLE001 - a missing, truncated or foreign entry is built anew
        return None


def store_built(lang: str, key: str, built: object) -> None:
    """Keep this build (atomically), and drop the language's older builds."""
    target = _file(lang, key)
    try:
        write_bytes(target, pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
        for old in target.parent.glob(f"patterns-{lang}-*.pkl"):
            if old != target:
                old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a read-only or full disk: the next process builds again
        return
