"""Folding names to comparable tokens: case, accents, Cyrillic, Russian endings.

Alias tables and the text searched go through the same folding, so "Ministère de
l'Intérieur", "MINISTERE DE L'INTERIEUR" and "Министерства внутренних дел" (genitive)
meet their aliases. Every token keeps its character span in the original text, which is
how find_* report where a name was found.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia", "і": "i", "ї": "i",
    "є": "e", "ґ": "g", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz", "ў": "u",
}
_LATIN_SPECIAL = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "þ": "th", "ð": "d"}
_SYMBOLS = {"&": "and"}  # a symbol read as its word, so "Bosnia & Herzegovina" meets "Bosnia and Herzegovina"

# Russian case endings, longest first: one is cut from a Cyrillic word (stem kept >= 3
# letters) so "Министерство / Министерства / Министерством" fold alike.
_RU_ENDINGS = sorted(
    "иями ями ами ого его ому ему ыми ими ией ий ый ой ей ая яя ое ее ие ые ую юю их ых ия ии ию "
    "ья ьи ью ам ям ах ях ом ем ов ев ы и а я у ю е о ь й".split(),
    key=len, reverse=True,
)
_WORD = re.compile(r"[^\W_]+|&")
_HARD = re.compile(r"[;:()\n\[\]!?]|\.\s")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # folded
    start: int  # span in the original string
    end: int
    raw: str  # as written
    hard: bool = False  # a sentence or clause break (. ; : ( ) newline) stands before it
    comma: bool = False  # a comma stands before it: a list's next name may start here


def stem_ru(word: str) -> str:
    """Cut one Russian case ending (lower-case Cyrillic in, lower-case Cyrillic out)."""
    word = word.replace("ё", "е")
    for end in _RU_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[: -len(end)]
    return word


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One word folded: case-folded, Cyrillic stemmed and transliterated, accents dropped."""
    w = word.casefold()
    if w in _SYMBOLS:
        return _SYMBOLS[w]
    if _CYRILLIC.search(w):
        w = "".join(_CYR.get(c, c) for c in stem_ru(w))
    w = "".join(_LATIN_SPECIAL.get(c, c) for c in w)
    w = unicodedata.normalize("NFKD", w)
    return "".join(c for c in w if not unicodedata.combining(c))


def tokens(text: str, compound_heads: tuple[str, ...] = ()) -> list[Token]:
    """The folded words of `text` with their spans. A word ending in one of `compound_heads`
    (folded, longest first) is split in two: with ("ministerium",), "Innenministerium" reads
    as "innen ministerium" (the heads are canon/ministries.yaml's)."""
    out: list[Token] = []
    last = 0
    for m in _WORD.finditer(text):
        raw = m.group()
        gap = text[last:m.start()]
        last = m.end()
        hard = bool(_HARD.search(gap))
        comma = "," in gap
        f = fold_word(raw)
        if not f:
            continue
        for head in compound_heads:
            if f.endswith(head) and len(f) > len(head) + 2:
                out.append(Token(f[: -len(head)], m.start(), m.end(), raw, hard, comma))
                hard = comma = False
                f = head.rstrip("s")
                break
        out.append(Token(f, m.start(), m.end(), raw, hard, comma))
    return out


def fold(text: str, compound_heads: tuple[str, ...] = ()) -> str:
    """The whole string folded to space-separated tokens (the key of exact alias look-ups)."""
    return " ".join(t.text for t in tokens(text, compound_heads))
