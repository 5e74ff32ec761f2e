"""Which of the OSCE's six languages a return is written in (lingua, not a word list)."""

from __future__ import annotations

from functools import lru_cache

from questionnaire_returns.records import Document

_CODES = {"ENGLISH": "en", "FRENCH": "fr", "GERMAN": "de", "RUSSIAN": "ru", "SPANISH": "es", "ITALIAN": "it"}


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    # Low-accuracy mode (trigram models only): returns are pages long, where it detects as well as
    # the full models, and each worker process holds ~30 MB instead of ~190 MB.
    return LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in _CODES)).with_low_accuracy_mode().build()


def detect_text(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence 0-1) of the text's main language; (None, 0) for too little text."""
    sample = " ".join(text.split())[:6000]
    if len(sample) < 20:
        return None, 0.0
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return None, 0.0
    best = values[0]
    return _CODES[best.language.name], float(best.value)


def detect_language(doc: Document) -> tuple[str | None, float]:
    """The language of the respondent's words: answers outweigh the retyped English questions."""
    return detect_text(doc.text)
