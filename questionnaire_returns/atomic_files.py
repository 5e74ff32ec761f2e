"""Atomic file writes: a reader sees the old file or the new one, never half of one.

Every stage that keeps a file (caches of built patterns, the dataset, the ledger, the run lock)
writes through here, so it sits below all of them; CSV cells are made inert in write/cells.py.

Each write goes to a temporary file in the same folder (given the mode the umask gives a
new file, 0644 typically, not mkstemp's 0600), is flushed and fsync'd,
then renamed over the target with os.replace (atomic on POSIX), and the folder
is fsync'd so the rename itself survives a power cut. A crash (or kill -9)
mid-write leaves the previous file intact and, at worst, a hidden temp file
(`.<name>.<random>.tmp`) that `sweep_temp_files` removes later.
"""

from __future__ import annotations

import io
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator



def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    """This process's umask, read without changing it (Linux: /proc), else by setting it back at once."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def atomic_open(path: Path | str, mode: str = "wb", encoding: str | None = None) -> Iterator[IO]:
    """Open a temp file beside `path`; on a clean exit it replaces `path`, else it is removed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600: the file is as readable as the umask says, like open()'s
        with os.fdopen(fd, mode, encoding=encoding if "b" not in mode else None, newline="" if "b" not in mode else None) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(path.parent)


def write_bytes(path: Path | str, data: bytes) -> None:
    with atomic_open(path, "wb") as fh:
        fh.write(data)


def write_text(path: Path | str, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_parquet(df, path: Path | str) -> None:
    """A DataFrame as Parquet (no index), atomically."""
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    write_bytes(path, buf.getvalue())


def sweep_temp_files(folder: Path | str, older_than_s: float = 3600) -> int:
    """Remove temp files that crashed writers left behind (only old ones: a live writer may own a new one)."""
    folder = Path(folder)
    removed = 0
    if not folder.is_dir():
        return 0
    cutoff = time.time() - older_than_s
    for tmp in folder.glob(".*.tmp"):
        try:
            if tmp.stat().st_mtime < cutoff:
                tmp.unlink()
                removed += 1
        except OSError:
            pass
    return removed
