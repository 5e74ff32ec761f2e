"""Large regular expressions compiled once and kept on disk, not parsed again in every process.

spaCy's French tokenizer exceptions compile one expression of about 1.4 MB (some 800 copies of
its letter classes). charsets.py spares the compiler's class bitmaps; parsing the expression was
still 2-4 s of every worker's set-up here. Python keeps compiled expressions per process only,
so within `kept_regexes(folder)` the compiler's output for an expression of MIN_LENGTH characters
or more (the arguments `re` hands to `_sre.compile`: flags, code, groups) is stored in `folder`
and handed to `_sre.compile` directly next time: the same compiled expression, made without
parsing. The key holds the expression, its flags, Python's version and the engine's magic
number, so another Python never reads it. Python's compiler is internal: where it is not as
expected, or an entry cannot be read or written, expressions are compiled as usual.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
import threading
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, Iterator

from questionnaire_returns.language.compiler_patch import COMPILER as _compiler, CompilerPatch
from questionnaire_returns.atomic_files import write_bytes

MIN_LENGTH = 20_000  # shorter expressions compile in milliseconds: not worth a file

_sre: Any = getattr(_compiler, "_sre", None)
_PATCH = CompilerPatch("compile", needs=("_sre",))  # the stand-in records what the compiler hands `_sre`
_original: Any = _PATCH.original
_SWAP = threading.RLock()  # one compilation at a time hands the compiler a recording `_sre`


def _key(pattern: str | bytes, flags: int) -> str:
    raw = pattern.encode("utf-8", "surrogatepass") if isinstance(pattern, str) else bytes(pattern)
    h = hashlib.sha256(f"{sys.version}|{getattr(_sre, 'MAGIC', '')}|{flags}|{type(pattern).__name__}|".encode())
    h.update(raw)
    return h.hexdigest()[:24]


class _Capture:
    """Stands for `_sre` while the compiler runs: records what it hands to `_sre.compile`."""

    def __init__(self) -> None:
        self.args: tuple | None = None

    def compile(self, *args):
        self.args = args
        return _sre.compile(*args)

    def __getattr__(self, name: str):
        return getattr(_sre, name)


def _valid(entry: Any) -> bool:
    return (isinstance(entry, tuple) and len(entry) == 5 and isinstance(entry[0], int)
            and isinstance(entry[1], list) and isinstance(entry[2], int) and isinstance(entry[3], dict)
            and isinstance(entry[4], tuple))


def _compile(folder: Path, p, flags=0):
    if not isinstance(p, (str, bytes)) or len(p) < MIN_LENGTH:
        return _original(p, flags)
    path = folder / f"re-{_key(p, flags)}.bin"
    try:
        entry = marshal.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - none kept yet, or unreadable: compile and keep it
        entry = None
    if _valid(entry):
        try:
            return _sre.compile(p, *entry)
        except Exception:  # noqa: BLE001 - not what this engine takes: compile as usual
            pass
    capture = _Capture()
    with _SWAP:
        _compiler._sre = capture
        try:
            compiled = _original(p, flags)
        finally:
            _compiler._sre = _sre
    if capture.args is not None and capture.args[0] is p:
        try:
            flags_, code, groups, groupindex, indexgroup = capture.args[1:]
            entry = (int(flags_), [int(c) for c in code], int(groups), dict(groupindex), tuple(indexgroup))
            write_bytes(path, marshal.dumps(entry))  # plain ints: the opcodes are an int subclass
        except Exception:  # noqa: BLE001 - a read-only or full disk: only slower next time
            pass
    return compiled


@contextmanager
def kept_regexes(folder: Path) -> Iterator[None]:
    """Within the block, expressions of MIN_LENGTH characters or more are kept in (and taken from) `folder`."""
    with _PATCH.applied(lambda: partial(_compile, Path(folder))):
        yield
