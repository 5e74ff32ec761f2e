"""Where a letter ends is found by a cheap test first: only lines holding every word of a closing
phrase are matched with spaCy. The letters end where a full match of every line says, in the six
languages, whatever the case of the closing formula."""

from __future__ import annotations

import pytest

from questionnaire_returns.config import settings
from questionnaire_returns.language import patterns as patterns_mod
from questionnaire_returns.language.patterns import patterns_for
from questionnaire_returns.records import Line
from questionnaire_returns.segment.closing import until_closing

FACTS = [
    "The Ministry of the Interior co-ordinates the national response to trafficking.",
    "Le ministère de l'Intérieur coordonne la réponse nationale.",
    "Das Bundesministerium des Innern koordiniert die Maßnahmen.",
    "Министерство внутренних дел координирует национальные меры.",
    "El Ministerio del Interior coordina la respuesta nacional.",
    "Il Ministero dell'Interno coordina la risposta nazionale.",
    "In 2006, 42 victims were identified and 17 were assisted by NGOs.",
]


def _full_match(pats, text: str) -> bool:
    """What the closing test answered before the pre-filter: a full match of the line."""
    return any(h.label == "letter.closing" for h in pats._match(text))


def _lines(texts: list[str]) -> list[Line]:
    return [Line(text=t, page=1) for t in texts]


@pytest.mark.parametrize("lang", settings().languages)
def test_each_closing_phrase_ends_the_letter_as_a_full_match_says(lang):
    pats = patterns_for(lang)
    closings = pats.data.phrases["letter.closing"]
    assert closings
    for phrase in closings:
        for shown in (phrase, phrase.upper(), phrase[:1].upper() + phrase[1:]):
            closing = f"{shown} Ministry of Foreign Affairs"
            letter = FACTS[:4] + [closing, "Annex 1: National Action Plan", "1. Prevention"]
            kept = until_closing(_lines(letter), lang)
            assert _full_match(pats, closing) or _full_match(patterns_for("en"), closing)
            assert [line.text for line in kept] == FACTS[:4], (lang, closing)
            assert pats.has("letter.closing", closing) == _full_match(pats, closing)


@pytest.mark.parametrize("lang", settings().languages)
def test_lines_without_a_closing_agree_with_a_full_match(lang):
    pats = patterns_for(lang)
    # lines that hold a closing phrase's first word but no closing, and lines that hold none
    firsts = [p.split()[0] for p in pats.data.phrases["letter.closing"]]
    texts = FACTS + [f"{w} the answer to question 3 follows" for w in firsts] + ["", "   ", "ΣΟΦΙΑ Σ"]
    for text in texts:
        assert pats.has("letter.closing", text) == _full_match(pats, text), (lang, text)
    assert [line.text for line in until_closing(_lines(FACTS), lang)] == FACTS


def test_lines_without_a_closing_word_are_not_matched_with_spacy(monkeypatch):
    patterns_for("fr"), patterns_for("en")  # built before the matches are counted
    matched: list[str] = []
    real = patterns_mod.LanguagePatterns._match

    def counting(self, text):
        matched.append(text)
        return real(self, text)

    monkeypatch.setattr(patterns_mod.LanguagePatterns, "_match", counting)
    body = [f"Ligne {k} de la réponse : {k} victimes ont été identifiées en 2006." for k in range(40)]
    letter = body + ["Veuillez agréer, Madame, l'expression de ma haute considération.", "Le Ministre"]
    kept = until_closing(_lines(letter), "fr")
    assert [line.text for line in kept] == body
    assert len(matched) <= 2  # the closing line, in French and in English; no body line


def test_a_label_with_token_patterns_is_always_matched():
    en = patterns_for("en")
    label = next(iter(en.data.patterns), None)
    if label is None:
        pytest.fail("en.yaml has no token patterns: pick another language for this test")
    assert en._phrase_words(label) is None  # no cheap test for token patterns: has() asks the matcher
    for text in FACTS:
        assert en.has(label, text) == any(h.label == label for h in en._match(text))
