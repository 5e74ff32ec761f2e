"""Cyrillic words OCR misread by one look-alike letter, put back from the project's own word list.

On a 100-150 dpi scan tesseract's Russian model confuses letters made of the same strokes:
'н' / 'м' / 'к' / 'и' / 'й' / 'п', 'о' / 'с' / 'е' / 'а', 'ш' / 'щ' ('Нациомальный',
'Мимистерство', 'косрдикатор', 'противодеиствию'), and a wording or option pattern no longer
matches. A word that is not in the word list (every Russian word of the pattern files and of
canon/: the words the extractors look for), spelled as one listed word up to such look-alikes,
a quarter of its letters at most, and nearer than any other, is that word. Any other word, a name, a
number, a Latin word, is left as it was read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("extractors/patterns/ru.yaml", "canon/ministries.yaml", "canon/countries.yaml", "canon/country_words.yaml")
LOOK_ALIKE = ("нмкийпл", "осеа", "шщ")  # letters a low-resolution scan makes one of another
CLOSE = {frozenset("ий"), frozenset("шщ")}  # the same letter but for a mark: half a letter off
MIN_LETTERS = 4
_SHAPE = {ch: group[0] for group in LOOK_ALIKE for ch in group}
_WORD = re.compile(r"[а-яё]+", re.IGNORECASE)


def _shape(word: str) -> str:
    """The word with every look-alike letter written as its group's first."""
    return "".join(_SHAPE.get(ch, ch) for ch in word)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@lru_cache(maxsize=1)
def lexicon() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """(the listed words, lower case; the listed words by their shape)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the pattern file in 0.1 s, not 3 s
    words: set[str] = set()
    for name in SOURCES:
        path = ROOT / name
        if path.exists():
            for text in _strings(yaml.load(path.read_text(encoding="utf-8"), Loader=loader)):
                words.update(w.lower() for w in _WORD.findall(text) if len(w) >= MIN_LETTERS)
    shapes: dict[str, list[str]] = {}
    for word in sorted(words):
        shapes.setdefault(_shape(word), []).append(word)
    return frozenset(words), {shape: tuple(ws) for shape, ws in shapes.items()}


def _apart(read: str, listed: str) -> float:
    """Letters in which two words of one shape differ; a letter that differs by a mark only
    ('и' for 'й') counts half, so 'вашеи' is 'вашей', not 'вашем'."""
    return sum(0.5 if frozenset((a, b)) in CLOSE else 1.0 for a, b in zip(read, listed) if a != b)


def mend_word(word: str) -> str:
    """The listed word an OCR'd word stands for, with the case it was read in, or the word."""
    low = word.lower()
    if len(low) < MIN_LETTERS:
        return word
    words, shapes = lexicon()
    if low in words:
        return word
    ranked = sorted((_apart(low, w), w) for w in shapes.get(_shape(low), ()))
    if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return word  # no listed word, or two as near ('национальный' / 'национальным' for 'национальнын')
    differ, found = ranked[0]
    if differ > max(1, len(low) // 4):
        return word
    return "".join(f.upper() if w.isupper() else f for w, f in zip(word, found))


# 'б)' read as '6)': the part's letter before words, in a line that numbers nothing else with "n)"
_SIX_FOR_BE = re.compile(r"(?:(?<=^)|(?<=[\s☐☒]))6\)(?=:?\s*[а-яё])", re.IGNORECASE)
_NUMBERED = re.compile(r"(?<![\w.])\d\)")
_BRACE_PART = re.compile(r"^(\s*[а-зa-h6])\}", re.IGNORECASE)


def mend(text: str) -> str:
    """An OCR'd line with its misread Cyrillic words put back (see the module's note), and the part letter 'б)'
    that a scan reads as '6)'."""
    if not any("а" <= ch.lower() <= "я" for ch in text):
        return text
    text = _BRACE_PART.sub(r"\1)", text)  # "г}:" : the part's bracket read as a brace
    if len(_NUMBERED.findall(text)) == 1:
        text = _SIX_FOR_BE.sub("б)", text)
    return _WORD.sub(lambda m: mend_word(m.group()), text)
