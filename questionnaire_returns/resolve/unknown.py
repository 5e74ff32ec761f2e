"""Names no table knew, counted over a run, for normalized/unknown_names.csv.

Reviewers read this list to teach the resolver the names returns actually use.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

COLUMNS = ["kind", "name", "times_seen", "files"]


class UnknownNames:
    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], int] = defaultdict(int)
        self._files: dict[tuple[str, str], set[str]] = defaultdict(set)

    def add(self, match, source_file: str = "") -> None:
        """Count `match` (a NameMatch) when it is unknown; known ones are ignored."""
        if match.id is not None:
            return
        name = " ".join(match.text.split())
        if not name:
            return
        key = (match.kind, name)
        self._seen[key] += 1
        if source_file:
            self._files[key].add(source_file)

    def __len__(self) -> int:
        return len(self._seen)

    def rows(self) -> list[dict]:
        keys = sorted(self._seen, key=lambda k: (k[0], -self._seen[k], k[1].casefold()))
        return [{"kind": k, "name": n, "times_seen": self._seen[(k, n)],
                 "files": ";".join(sorted(self._files[(k, n)]))} for k, n in keys]

    def write_csv(self, path: Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=COLUMNS)
            w.writeheader()
            w.writerows(self.rows())
        return path
