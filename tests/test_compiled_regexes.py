"""Large regular expressions (the French tokenizer's) are compiled once and taken from the cache folder by
the next process: the same expression, matching the same, without parsing it again."""

from __future__ import annotations

import re

import pytest

from questionnaire_returns.language import compiled
from questionnaire_returns.language.compiled import MIN_LENGTH, kept_regexes

# a large expression with named groups, classes and alternatives, as the tokenizers build them
WORDS = [f"mot{i}" for i in range(4000)]
BIG = r"(?P<lead>[\wà-ÿ]+-)?(?:" + "|".join(WORDS) + r")(?P<tail>[.,;:]?)\b"
TEXTS = ["un mot17 ici", "l'avant-mot3999.", "MOT250;", "rien", "é-mot0 et mot4000"]


def _fresh(pattern: str, flags: int = 0) -> re.Pattern:
    re.purge()
    return re.compile(pattern, flags)


def _same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in TEXTS:
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
        assert [m.groupdict() for m in a.finditer(text)] == [m.groupdict() for m in b.finditer(text)]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_a_kept_expression_is_the_expression_compiled_anew(tmp_path, monkeypatch, flags):
    assert len(BIG) >= MIN_LENGTH
    expected = _fresh(BIG, flags)
    with kept_regexes(tmp_path):
        first = _fresh(BIG, flags)
    assert len(list(tmp_path.glob("re-*.bin"))) == 1
    parsed: list[str] = []
    real_parse = re._parser.parse  # type: ignore[attr-defined]
    monkeypatch.setattr(re._parser, "parse", lambda p, *a, **k: parsed.append(p) or real_parse(p, *a, **k))  # type: ignore[attr-defined]
    with kept_regexes(tmp_path):
        again = _fresh(BIG, flags)
    assert parsed == []  # taken from the folder, not parsed
    _same(first, expected)
    _same(again, expected)
    assert again.search("un MOT17 ici") is not None or not flags & re.IGNORECASE


def test_short_expressions_and_expressions_outside_the_block_are_not_kept(tmp_path):
    with kept_regexes(tmp_path):
        _fresh(r"\d+ victims")
    _fresh(BIG)
    assert not list(tmp_path.glob("re-*"))
    assert re._compiler.compile is compiled._original  # type: ignore[attr-defined]


def test_an_unreadable_entry_is_compiled_as_usual(tmp_path):
    with kept_regexes(tmp_path):
        _fresh(BIG)
    for entry in tmp_path.glob("re-*.bin"):
        entry.write_bytes(b"\x00garbage")
    with kept_regexes(tmp_path):
        again = _fresh(BIG)
    _same(again, _fresh(BIG))


FRENCH = r"""
import json, re, sys
from pathlib import Path
parsed = []
real = re._parser.parse
re._parser.parse = lambda p, *a, **k: parsed.append(len(p)) or real(p, *a, **k)
from questionnaire_returns.language.compiled import MIN_LENGTH, kept_regexes
import spacy
folder = sys.argv[1]
if folder:
    with kept_regexes(Path(folder)):
        nlp = spacy.blank("fr")
else:
    nlp = spacy.blank("fr")
texts = ["Aujourd'hui, l'Office central pour la répression de la traite des êtres humains (OCRTEH) a été créé.",
         "Le plan d'action national 2008-2010 : c'est-à-dire l'arrêté du 12 mai.",
         "http://www.interieur.gouv.fr/ et anti-traite, Saint-Étienne, peut-être, quelques-uns, grand-mère."]
print(json.dumps({"tokens": [[t.text for t in nlp.make_doc(x)] for x in texts],
                  "large_parsed": sum(n >= MIN_LENGTH for n in parsed)}))
"""


def _french(folder: str) -> dict:
    import json
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", FRENCH, folder], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_french_tokenizer_tokenises_the_same_with_kept_expressions(tmp_path):
    plain = _french("")
    first = _french(str(tmp_path))  # parses and keeps the tokenizer's large expressions
    again = _french(str(tmp_path))  # takes them from the folder
    assert plain["large_parsed"] > 0 and first["large_parsed"] == plain["large_parsed"]
    assert list(tmp_path.glob("re-*.bin"))
    assert again["large_parsed"] == 0
    assert again["tokens"] == first["tokens"] == plain["tokens"]
