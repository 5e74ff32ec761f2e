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
