"""Per-document results cached by content, for incremental reruns.

An entry is keyed by the file's sha256 and the pipeline version: a hash of the
code that reads and extracts (questionnaire_returns' stage modules, extractors/),
the pattern files, the alias tables (canon/), the schema and the reader settings.
A rerun reads only files whose content is new or changed; any change to the
pipeline gives a new version, so every file is read again. Entries are written
atomically (temp file + rename), so a run killed at any point leaves only whole
entries and the next run picks up where it stopped.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import pickle
import shutil
from functools import lru_cache
from pathlib import Path

from questionnaire_returns.config import Settings, project_root
from questionnaire_returns.atomic_files import write_bytes

# Plumbing that does not change what is read from a document: editing it keeps the cache.
_NOT_PIPELINE = {
    "cli.py", "prefect_env.py", "runlock.py", "cache.py", "__main__.py", "routing.py",
}
_NOT_PIPELINE_DIRS = {"write", "review", "report", "__pycache__"}
_CODE_SUFFIXES = {".py", ".yaml", ".yml", ".json", ".txt", ".csv", ".tsv"}


def _files_under(folder: Path, suffixes=None) -> list[Path]:
    if not folder.exists():
        return []
    if folder.is_file():
        return [folder]
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and (suffixes is None or p.suffix in suffixes)
    )


def pipeline_files(settings: Settings) -> list[Path]:
    root = project_root()
    pkg = root / "questionnaire_returns"
    files = [
        p for p in _files_under(pkg, _CODE_SUFFIXES)
        if p.name not in _NOT_PIPELINE and not (set(p.relative_to(pkg).parts[:-1]) & _NOT_PIPELINE_DIRS)
    ]
    files += _files_under(root / "extractors", _CODE_SUFFIXES)
    files += _files_under(settings.path("patterns"))
    files += _files_under(settings.path("canon"))
    files += _files_under(settings.path("schema"))
    files += _files_under(settings.path("calibration"))
    return sorted(set(files))


@lru_cache(maxsize=4)
def _version(settings_json: str, stamp: tuple) -> str:
    h = hashlib.sha256(settings_json.encode())
    for path_str, rel, _mtime, _size in stamp:
        path = Path(path_str)
        h.update(rel.encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            pass
    return h.hexdigest()[:16]


def pipeline_version(settings: Settings) -> str:
    """16 hex digits naming this version of the reading and extraction pipeline."""
    root = project_root()
    stamp = []
    for p in pipeline_files(settings):
        st = p.stat()
        try:
            rel = p.relative_to(root).as_posix()
        except ValueError:
            rel = p.as_posix()
        stamp.append((str(p), rel, st.st_mtime_ns, st.st_size))
    # settings that change what is read:
    reader = json.dumps({"reader": settings.reader.model_dump(), "languages": settings.languages}, sort_keys=True)
    return _version(reader, tuple(stamp))


def rebase(result, source_file: str):
    """The cached DocResult of the same content found under another name."""
    old = result.source_file
    if old == source_file:
        return result

    def fix(name: str) -> str:
        if name == old:
            return source_file
        if name.startswith(old + "::"):
            return source_file + name[len(old):]
        return name

    def fix_doc(doc):
        return dataclasses.replace(
            doc,
            source_file=fix(doc.source_file),
            answers=tuple(dataclasses.replace(a, source_file=fix(a.source_file)) for a in doc.answers),
            attachments=tuple(fix_doc(a) for a in doc.attachments),
        )

    return fix_doc(result)


class DocCache:
    """cache_dir/<version>/<sha[:2]>/<sha>.pkl → {'result': DocResult | None, 'failure': str | None}."""

    def __init__(self, cache_dir: Path | str, version: str):
        self.root = Path(cache_dir)
        self.version = version
        self.dir = self.root / version

    def _path(self, sha256: str) -> Path:
        return self.dir / sha256[:2] / f"{sha256}.pkl"

    def get(self, sha256: str) -> dict | None:
        path = self._path(sha256)
        try:
            with open(path, "rb") as fh:
                entry = pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - an unreadable entry is a miss, never an error
            return None
        return entry if isinstance(entry, dict) and "result" in entry else None

    def put(self, sha256: str, result=None, failure: str | None = None) -> None:
        entry = {"result": result, "failure": failure, "version": self.version}
        write_bytes(self._path(sha256), pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    def prune(self, keep: int = 2) -> None:
        """Remove the entries of older pipeline versions, keeping the `keep` most recent."""
        if not self.root.is_dir():
            return
        versions = sorted(
            (d for d in self.root.iterdir() if d.is_dir() and d.name != self.version),
            key=lambda d: d.stat().st_mtime,
            reverse=True,
        )
        for d in versions[max(keep - 1, 0):]:
            shutil.rmtree(d, ignore_errors=True)


def learned_aliases_digest(data_dir: Path) -> str:
    """A hash of the aliases reviewers taught (the corrections store of `data_dir`), '' when none.

    Part of the pipeline version: a new alias makes the next run read every file again.
    """
    from questionnaire_returns.corrections import store_url_for

    url = store_url_for(Path(data_dir))
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).exists():
        return ""  # no store yet: nothing taught
    from questionnaire_returns.corrections.store import CorrectionStore  # only now: SQLAlchemy is ~12 MB

    store = CorrectionStore(url)
    try:
        aliases = sorted((a.kind, a.alias.casefold(), a.id) for a in store.aliases())
    finally:
        store.close()
    if not aliases:
        return ""
    return hashlib.sha256(json.dumps(aliases).encode()).hexdigest()[:16]
