"""Which of the configured languages (config.yaml `languages`) a text is written in (lingua, not a word list)."""

from __future__ import annotations

from functools import lru_cache

from questionnaire_returns.config import settings
from questionnaire_returns.records import Document


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in settings().languages]
    # Low-accuracy mode (trigram models only): returns are pages long, where it detects as well as
    # the full models, and each worker process holds ~30 MB instead of ~190 MB.
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_text(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence 0-1) of the text's main language; (None, 0) for too little text."""
    sample = " ".join(text.split())[:6000]
    if len(sample) < 20:
        return None, 0.0
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return None, 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


def detect_language(doc: Document) -> tuple[str | None, float]:
    """The language of the respondent's words: answers outweigh the retyped English questions."""
    return detect_text(doc.text)


def best_read_by(text: str, current: str | None) -> str | None:
    """The configured language whose pattern files read most of a few words of answers ("Yes. An
    inter-ministerial commission. No."), where a detector has too little to go on; `current` unless
    another reads clearly more (half as much again, and a word's worth more)."""
    from questionnaire_returns.language.patterns import patterns_for

    def read(lang: str) -> int:
        covered: set[int] = set()
        for h in patterns_for(lang).hits(text):
            covered.update(range(h.start, h.end))
        return len(covered)

    scores = {lang: read(lang) for lang in settings().languages}
    best = max(scores, key=lambda lang: scores[lang])
    here = scores.get(current or "", 0)
    if best != current and scores[best] >= 1.5 * here and scores[best] - here >= CLEARLY_MORE:
        return best
    return current


CLEARLY_MORE = 5  # characters read: more than a stray word both languages share ("no")
