"""Keyed corpora written by other hands: folders that hold raw/ (the returns) and key.jsonl.

Two places hold them: ../shared/returns-independent/<name>/ (named `<name>`) and the
project's tests/corpora/<name>/ (named `tests/<name>`). A folder without raw/ or key.jsonl
is not a corpus; `find_corpora` says which were passed over and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPORA = ROOT.parent / "shared" / "returns-independent"
TESTS_CORPORA = ROOT / "tests" / "corpora"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


@dataclass(frozen=True)
class Corpus:
    name: str
    path: Path

    @property
    def raw(self) -> Path:
        return self.path / "raw"

    @property
    def key(self) -> Path:
        return self.path / "key.jsonl"

    @property
    def slug(self) -> str:
        """A folder name for its outputs under eval/out/."""
        return self.name.replace("/", "-")


def why_not_a_corpus(path: Path) -> str | None:
    """None for a keyed corpus, else what it lacks."""
    missing = [p for p in ("raw", "key.jsonl") if not (path / p).exists()]
    return f"{path}: no {' and no '.join(missing)}" if missing else None


def find_corpora(shared: Path = SHARED_CORPORA, tests: Path = TESTS_CORPORA) -> tuple[list[Corpus], list[str]]:
    """(every keyed corpus, shared ones first, each place in name order; the folders passed over)."""
    found, skipped = [], []
    for root, prefix in ((shared, ""), (tests, "tests/")):
        if not root.is_dir():
            continue
        for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
            reason = why_not_a_corpus(folder)
            if reason:
                skipped.append(reason)
            else:
                found.append(Corpus(prefix + folder.name, folder))
    return found, skipped


def pick(corpora: list[Corpus], wanted: list[str]) -> list[Corpus]:
    """The corpora named in `wanted` (a name from find_corpora, or a folder path), in that order."""
    by_name = {c.name: c for c in corpora}
    out = []
    for w in wanted:
        if w in by_name:
            out.append(by_name[w])
            continue
        path = Path(w)
        reason = why_not_a_corpus(path) if path.is_dir() else f"{w}: no such corpus ({', '.join(by_name) or 'none found'}) or folder"
        if reason:
            raise ValueError(reason)
        out.append(Corpus(path.resolve().name, path.resolve()))
    return out
