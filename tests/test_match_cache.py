"""A language's matches are kept across documents for the lines used last (a form's wording repeats from
return to return), bounded, and always the matches a fresh look gives."""

from __future__ import annotations

from questionnaire_returns.language import patterns
from questionnaire_returns.language.patterns import forget_matches, patterns_for


def test_matches_kept_for_the_next_document_are_bounded_and_the_same(monkeypatch):
    en = patterns_for("en")
    for k in range(120):  # what earlier documents left
        en.hits(f"Earlier line {k}.")
    monkeypatch.setattr(patterns, "MATCHES_KEPT", 5)
    monkeypatch.setattr(patterns, "MATCHES_HELD", 50)
    wording = "Does your country have a National Co-ordinator? Yes"
    first = en.hits(wording)
    for k in range(80):  # one document's other lines: the cache never holds more than MATCHES_HELD
        en.hits(f"Line {k} of the answer: the Ministry of the Interior chairs it.")
        assert len(en._cache) <= 50
    en.hits(wording)  # used again late in the document
    forget_matches()  # the document is done
    assert len(en._cache) <= 5 and wording in en._cache
    assert en.hits(wording) == first == en._match(wording)
    assert first  # the wording's yes is found
