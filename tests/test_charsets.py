"""The French tokenizer's expression compiled within shared_charsets is the expression Python compiles
without it: the words a French return is cut into, and so every match, stay the same."""

from __future__ import annotations

import re
from re import _compiler, _parser

from questionnaire_returns.language import charsets
from questionnaire_returns.language.charsets import shared_charsets


def _code(pattern: str, flags: int) -> list[int]:
    parsed = _parser.parse(pattern, flags)
    return _compiler._code(parsed, parsed.state.flags)


def test_the_french_token_expression_compiles_to_the_same_code():
    from spacy.lang.fr.tokenizer_exceptions import TOKEN_MATCH

    pattern = TOKEN_MATCH.__self__.pattern
    plain = _code(pattern, re.U)
    with shared_charsets():
        shared = _code(pattern, re.U)
        assert _compiler._optimize_charset is not charsets._original
    assert shared == plain
    assert _compiler._optimize_charset is charsets._original  # put back after the block


def test_case_insensitive_classes_and_nested_blocks():
    pattern = r"(?i)^[a-zа-яё]+[-‐][a-zа-яё]*$|^[^\W\d]+'[^\W\d]+$|[éèê]+"
    plain = _code(pattern, re.U | re.I)
    with shared_charsets():
        with shared_charsets():
            inner = _code(pattern, re.U | re.I)
        outer = _code(pattern, re.U | re.I)
    assert inner == outer == plain
    with shared_charsets():
        compiled = re.compile(pattern + "|x{2}")  # a new expression (not cached) compiled within
    assert compiled.match("Jean-Pierre") and compiled.match("Éé") and compiled.match("l'homme") and not compiled.match("x")


def test_french_tokens_are_cut_as_before():
    import spacy

    from questionnaire_returns.language.patterns import patterns_for

    text = "Les droits-de-l'homme, l'aujourd'hui et le black-out: entr'abat de New-York."
    plain = [t.text for t in spacy.blank("fr")(text)]
    assert [t.text for t in patterns_for("fr").nlp.make_doc(text)] == plain
