"""One attribute of Python's regular-expression compiler replaced while any block asks for it.

charsets.py (a character class's bitmap worked out once) and compiled.py (large expressions' compiled
code kept on disk) each stand in for one function of `re._compiler` during a block. Blocks may nest
and run in several threads: the stand-in is put in place when the first block opens and the original
put back when the last one closes. The compiler is internal: where it is not as expected (another
Python), nothing is replaced.
"""

from __future__ import annotations

import importlib
import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator

try:
    COMPILER: Any = importlib.import_module("re._compiler")  # Python 3.11+; internal, so not in the stubs
except ImportError:  # pragma: no cover - older Pythons: sre_compile
    COMPILER = None


class CompilerPatch:
    """`re._compiler.<name>`, replaced within `applied(...)` blocks; never where the compiler lacks it or
    any attribute of `needs` (what the stand-in uses)."""

    def __init__(self, name: str, needs: tuple[str, ...] = ()):
        self.name = name
        usable = all(hasattr(COMPILER, n) for n in needs)
        self.original: Any = getattr(COMPILER, name, None) if usable else None
        self._lock = threading.Lock()
        self._depth = 0

    @contextmanager
    def applied(self, stand_in: Callable[[], Any]) -> Iterator[None]:
        """Within the block the attribute is `stand_in()`, made when the first open block begins."""
        if self.original is None:
            yield
            return
        with self._lock:
            if self._depth == 0:
                setattr(COMPILER, self.name, stand_in())
            self._depth += 1
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                if self._depth == 0:
                    setattr(COMPILER, self.name, self.original)
