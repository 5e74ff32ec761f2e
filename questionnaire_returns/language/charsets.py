"""Regular expressions with many copies of one large character class, compiled in seconds, not tens.

spaCy's French tokenizer exceptions (spacy.lang.fr, imported by `spacy.blank("fr")`) compile one
expression with some 800 copies of its Unicode letter classes; Python's compiler works out each
copy's bitmap anew (`re._compiler._optimize_charset`): 4-12 s of a worker's set-up here. Within
`shared_charsets()` a class's bitmap is worked out once and reused: the compiled expression is
the same (tests/test_charsets.py compares the compiler's output), only made sooner.

Python's compiler is internal: where it is not as expected (another Python), nothing is changed.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

from questionnaire_returns.language.compiler_patch import CompilerPatch

_PATCH = CompilerPatch("_optimize_charset")
_original: Any = _PATCH.original


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
    with _PATCH.applied(lambda: _memoised(_original)):
        yield
