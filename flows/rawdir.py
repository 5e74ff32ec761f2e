"""What in raw/ may be read: regular files inside raw/, and every other entry named with why not.

raw/ is a shared folder anyone may drop things into. Reading a named pipe (FIFO) blocks for
ever, a device or socket is no return, and a symbolic link can point anywhere on the machine
(/etc/passwd). So an entry is read only when it is a regular file whose real path lies inside
raw/; every other entry is listed with its reason and skipped. Files are opened without
following links and without blocking (O_NOFOLLOW | O_NONBLOCK) and checked again on the open
descriptor, so an entry swapped for a pipe between the listing and the hashing cannot hang the
run either.

File names are bytes on POSIX. A name that is not UTF-8 is kept in an escaped form
(`r\\xe9ponse.pdf`) in every output (`escape_name`); the real name is used to read the file.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from questionnaire_returns.write.ledger import SKIP_NAMES, FileInfo

VCS_DIRS = (".git", ".svn", ".hg")


def escape_name(name: str) -> str:
    """`name` as text every output can hold: bytes that are not UTF-8 become `\\xNN`."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass
class RawListing:
    """The files to read (with their real paths) and the entries skipped, with their reasons."""

    infos: list[FileInfo] = field(default_factory=list)
    paths: dict[str, str] = field(default_factory=dict)  # source_file -> the real path to read
    skipped: dict[str, str] = field(default_factory=dict)  # source_file -> why it is not read
    skipped_infos: list[FileInfo] = field(default_factory=list)  # ledger rows of the skipped entries


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _when(st: os.stat_result | None) -> str:
    if st is None:
        return ""
    return datetime.fromtimestamp(st.st_mtime, timezone.utc).isoformat(timespec="seconds")


def _hash_regular(path: str) -> tuple[str, os.stat_result]:
    """sha256 of a regular file, opened without following a link or blocking; ValueError if it is none."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ValueError(f"{_kind(st.st_mode)}, not a file: not read")
        h = hashlib.sha256()
        while block := os.read(fd, 1 << 20):
            h.update(block)
        return h.hexdigest(), st
    finally:
        os.close(fd)


def list_raw(raw: Path) -> RawListing:
    """Every entry under raw/ (recursive, sorted by escaped name): files to read, entries skipped."""
    root = os.path.realpath(raw)
    listing = RawListing()
    entries: list[tuple[str, str]] = []  # (source_file, real path of the entry as listed)
    for dirpath, dirnames, filenames in os.walk(root):
        keep = []
        for d in sorted(dirnames):
            if d in VCS_DIRS:
                continue
            full = os.path.join(dirpath, d)
            if os.path.islink(full):  # os.walk does not follow it; say so
                entries.append((os.path.relpath(full, root), full))
            else:
                keep.append(d)
        dirnames[:] = keep
        entries.extend((os.path.relpath(os.path.join(dirpath, n), root), os.path.join(dirpath, n))
                       for n in filenames if n not in SKIP_NAMES)
    for rel, full in sorted(entries, key=lambda e: escape_name(e[0].replace(os.sep, "/"))):
        source_file = escape_name(rel.replace(os.sep, "/"))
        reason, st = _check(full, root)
        if reason is None:
            try:
                sha, st = _hash_regular(os.path.realpath(full))
            except ValueError as exc:
                reason = str(exc)
            except OSError as exc:  # vanished or unreadable between listing and hashing
                reason = f"cannot be opened: {exc.strerror or exc}"
        if reason is not None:
            listing.skipped[source_file] = reason
            listing.skipped_infos.append(FileInfo(source_file, "", 0, _when(st)))
            continue
        assert st is not None  # _check and _hash_regular stat every entry they let through
        listing.infos.append(FileInfo(source_file, sha, st.st_size, _when(st)))
        listing.paths[source_file] = os.path.realpath(full)
    return listing


def _check(full: str, root: str) -> tuple[str | None, os.stat_result | None]:
    """Why the entry at `full` is not read (None: it is a regular file inside raw/), and its lstat."""
    try:
        st = os.lstat(full)
    except OSError as exc:
        return f"cannot be listed: {exc.strerror or exc}", None
    if stat.S_ISLNK(st.st_mode):
        target = os.path.realpath(full)
        if not _inside(target, root):
            return "a symbolic link out of raw/: not followed, not read", st
        try:
            tst = os.stat(target)
        except OSError:
            return "a symbolic link to nothing: not read", st
        if stat.S_ISDIR(tst.st_mode):
            return "a symbolic link to a folder inside raw/: not followed (its files are read where they are)", st
        if not stat.S_ISREG(tst.st_mode):
            return f"a symbolic link to {_kind(tst.st_mode)}: not read", st
        return None, tst
    if not stat.S_ISREG(st.st_mode):
        return f"{_kind(st.st_mode)}, not a file: not read", st
    return None, st
