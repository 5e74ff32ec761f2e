"""Regular expressions with many copies of one large character class, compiled in seconds, not tens.

spaCy's French tokenizer exceptions (spacy.lang.fr, imported by `spacy.blank("fr")`) compile one
expression with some 800 copies of its Unicode letter classes; Python's compiler works out each
copy's bitmap anew (`re._compiler._optimize_charset`): 4-12 s of a worker's set-up here. Within
`shared_charsets()` a class's bitmap is worked out once and reused: the compiled expression is
the same (tests/test_charsets.py compares the compiler's output), only made sooner.

Python's compiler is internal: where it is not as expected (another Python), nothing is changed.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any, Iterator

import importlib

try:
    _sre_compiler: Any = importlib.import_module("re._compiler")  # Python 3.11+; internal, so not in the stubs
except ImportError:  # pragma: no cover - older Pythons: sre_compile
    _sre_compiler = None

_LOCK = threading.Lock()
_depth = 0
_original: Any = getattr(_sre_compiler, "_optimize_charset", None)


def _memoised(original: Any) -> Any:
    memo: dict = {}

    def optimize_charset(charset, iscased=None, fixup=None, fixes=None):
        try:
            key = (tuple(charset), iscased, fixup, id(fixes))
            found = memo.get(key)
        except TypeError:  # an unhashable item: work it out as usual
            return original(charset, iscased, fixup, fixes)
        if found is None:
            found = memo[key] = original(charset, iscased, fixup, fixes)
        out, hascased = found
        return list(out), hascased  # the caller may change its list: never the memo's

    return optimize_charset


@contextmanager
def shared_charsets() -> Iterator[None]:
    """Within the block, each distinct character class is optimised once per block."""
    global _depth
    if _original is None:
        yield
        return
    with _LOCK:
        if _depth == 0:
            _sre_compiler._optimize_charset = _memoised(_original)
        _depth += 1
    try:
        yield
    finally:
        with _LOCK:
            _depth -= 1
            if _depth == 0:
                _sre_compiler._optimize_charset = _original
