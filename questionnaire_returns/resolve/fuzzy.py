"""Fuzzy matching with rapidfuzz: typo-tolerant tokens and whole-name fallback.

Two uses, both vectorised in rapidfuzz's C++ (never a Python loop over aliases):
- TokenCorrector maps an OCR-damaged word ("Minstry", "lnterior", "Jusitce") to the table
  word it is one or two edits from (optimal-string-alignment similarity >= 0.8, a swap
  counting as one edit, words of 5+ letters); decoys ("policy", "quality") keep near-miss ordinary words from being pulled
  onto a keyword.
- AliasIndex scores a whole folded name against every alias at once (process.extractOne
  for one name, process.cdist for a batch) with SCORER and a cut-off below which the name
  is unknown.

Scorer choice, measured on the names test set (tests/data/names_testset.csv, 609 names,
74 that must match nothing; `python -m questionnaire_returns.resolve.evaluate --scorers`
and `--pipeline`):

  fuzzy stage alone (ministry names,   | whole resolver, cut-off 80 / 85 / 88 / 92
  best cut-off with 0 forced matches)  | (% correct ids, forced matches)
  ratio             80: 79.2%          | 99.3% 1 / 99.5% 0 / 99.5% 0 / 99.0% 0
  token_sort_ratio  80: 80.1%          | 99.2% 2 / 99.5% 0 / 99.5% 0 / 99.0% 0
  token_set_ratio   never 0 forced     | 98.7% 5 / 98.9% 4 / 98.9% 4 / 98.4% 4
  WRatio            92: 68.3%          | 95.4% 25 / 95.9% 22 / 98.9% 4 / 99.0% 0

fuzz.ratio at 88 is kept. token_set_ratio and WRatio score any name that contains an alias
near 100 ("International Organization for Migration" vs "... migration", "Centre for
Social Work" vs "social ...") - the forcing the dataset must never do. ratio and
token_sort_ratio tie in the whole resolver (word order is already read by the keyword
grammar); ratio forces less at the margin (1 vs 2 at cut-off 80). 88 is where accuracy
peaks with no forced match (85-88), eight points above the first forced match (80).
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import distance, fuzz, process

SCORER = fuzz.ratio
CUTOFF = 88.0  # 0-100; below it a name is unknown
TOKEN_MIN_LEN = 5
TOKEN_MIN_SIM = 0.8

SCORERS = {
    "ratio": fuzz.ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "token_set_ratio": fuzz.token_set_ratio,
    "WRatio": fuzz.WRatio,
}


class TokenCorrector:
    """Maps an unknown word to the table word it is a typo of, with the similarity."""

    def __init__(self, vocabulary: set[str], decoys: AbstractSet[str] = frozenset()):
        self.known = set(vocabulary) | set(decoys)
        self.targets = sorted(vocabulary | set(decoys))
        self.decoys = set(decoys) - set(vocabulary)
        self._cached = lru_cache(maxsize=200_000)(self._correct)

    def correct(self, word: str) -> tuple[str, float]:
        return self._cached(word)

    def _correct(self, word: str) -> tuple[str, float]:
        if word in self.known or len(word) < TOKEN_MIN_LEN or any(c.isdigit() for c in word):
            return word, 1.0
        hit = process.extractOne(word, self.targets, scorer=distance.OSA.normalized_similarity,
                                 score_cutoff=TOKEN_MIN_SIM)
        if hit is None or hit[0] in self.decoys:
            return word, 1.0
        return hit[0], float(hit[1])


@dataclass(frozen=True, slots=True)
class Hit:
    index: int
    score: float  # 0-1


class AliasIndex:
    """Whole-name fuzzy look-up over a list of folded aliases."""

    def __init__(self, choices: list[str], scorer=None, cutoff: float | None = None):
        self.choices = list(choices)
        self.scorer = scorer or SCORER
        self.cutoff = CUTOFF if cutoff is None else cutoff

    def best(self, query: str) -> Hit | None:
        if not query or not self.choices:
            return None
        hit = process.extractOne(query, self.choices, scorer=self.scorer, score_cutoff=self.cutoff)
        return Hit(hit[2], hit[1] / 100.0) if hit else None

    def best_many(self, queries: list[str], workers: int = 1) -> list[Hit | None]:
        """One cdist call for the whole batch: a (queries x aliases) score matrix."""
        if not queries:
            return []
        scores = process.cdist(queries, self.choices, scorer=self.scorer, dtype=np.float32, workers=workers)
        idx = scores.argmax(axis=1)
        top = scores[np.arange(len(queries)), idx]
        return [Hit(int(i), float(s) / 100.0) if s >= self.cutoff else None for i, s in zip(idx, top)]
