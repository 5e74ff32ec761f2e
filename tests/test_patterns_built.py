"""A language's built patterns are kept in the cache folder and taken from there by the next process:
they find what freshly built ones find, and a changed pattern file (or cues file) is built anew."""

from __future__ import annotations

import shutil

import pytest

from questionnaire_returns.language import built, patterns
from questionnaire_returns.language.patterns import LanguagePatterns, load_pattern_file, pattern_dir

LINES = [
    "Does your country have a National Co-ordinator? Yes",
    "Veuillez agréer, Monsieur, l'expression de ma haute considération.",
    "Le Comité interministériel a été créé en 2005 ; il n'a pas de budget propre.",
    "The National Referral Mechanism is not yet established.",
    "Mit freundlichen Grüßen",
    "Да, национальный координатор назначен в 2006 году.",
    "No se ha creado ningún mecanismo; aprovecha la oportunidad.",
    "Sì, il Ministero dell'Interno coordina; cordiali saluti.",
]


@pytest.fixture
def pattern_copy(tmp_path, monkeypatch):
    """The project's pattern files in a folder of their own, configured, with an empty cache folder."""
    folder = tmp_path / "patterns"
    shutil.copytree(pattern_dir(), folder)
    monkeypatch.setattr(patterns, "pattern_dir", lambda: folder)
    monkeypatch.setattr(built, "built_dir", lambda: tmp_path / "cache")
    monkeypatch.setattr(patterns, "_VALIDATED", {})
    return folder


def _count_builds(monkeypatch) -> list[str]:
    builds: list[str] = []
    real = LanguagePatterns._build

    def counting(self):
        builds.append(self.lang)
        real(self)

    monkeypatch.setattr(LanguagePatterns, "_build", counting)
    return builds


def _hits(pats: LanguagePatterns) -> list:
    return [pats._match(line) for line in LINES + list(pats.data.phrases["letter.closing"])]


@pytest.mark.parametrize("lang", ["en", "fr", "ru"])
def test_patterns_from_the_cache_match_as_freshly_built_ones(pattern_copy, monkeypatch, lang):
    builds = _count_builds(monkeypatch)
    fresh = load_pattern_file(pattern_copy / f"{lang}.yaml")
    assert builds == [lang] and list((pattern_copy.parent / "cache").glob(f"patterns-{lang}-*.pkl"))
    monkeypatch.setattr(patterns, "_VALIDATED", {})  # as a new process
    cached = load_pattern_file(pattern_copy / f"{lang}.yaml")
    assert builds == [lang]  # not built again
    assert cached.data == fresh.data and cached.source == fresh.source
    assert _hits(cached) == _hits(fresh)
    assert any(_hits(cached))


def test_a_changed_pattern_file_is_built_again(pattern_copy, monkeypatch):
    builds = _count_builds(monkeypatch)
    path = pattern_copy / "en.yaml"
    before = load_pattern_file(path)
    assert not any(h.label == "letter.closing" for h in before._match("Warmest wishes from the Ministry"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('letter.closing: ["yours sincerely",', 'letter.closing: ["warmest wishes", '
                                 '"yours sincerely",', 1), encoding="utf-8")
    monkeypatch.setattr(patterns, "_VALIDATED", {})
    after = load_pattern_file(path)
    assert builds == ["en", "en"]
    assert any(h.label == "letter.closing" for h in after._match("Warmest wishes from the Ministry"))
    assert len(list((pattern_copy.parent / "cache").glob("patterns-en-*.pkl"))) == 1  # the older build dropped


def test_a_changed_cues_file_is_built_again(pattern_copy, monkeypatch):
    builds = _count_builds(monkeypatch)
    load_pattern_file(pattern_copy / "de.yaml")
    cues = pattern_copy / "cues.yaml"
    cues.write_text(cues.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    monkeypatch.setattr(patterns, "_VALIDATED", {})
    load_pattern_file(pattern_copy / "de.yaml")
    assert builds == ["de", "de"]


def test_an_unreadable_cache_entry_is_built_again(pattern_copy, monkeypatch):
    builds = _count_builds(monkeypatch)
    load_pattern_file(pattern_copy / "it.yaml")
    for entry in (pattern_copy.parent / "cache").glob("patterns-it-*.pkl"):
        entry.write_bytes(b"not a pickle")
    monkeypatch.setattr(patterns, "_VALIDATED", {})
    again = load_pattern_file(pattern_copy / "it.yaml")
    assert builds == ["it", "it"] and again.lang == "it"


def test_a_pattern_file_outside_the_configured_folder_is_not_cached(pattern_copy, tmp_path):
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    shutil.copy(pattern_copy / "es.yaml", elsewhere / "es.yaml")
    assert load_pattern_file(elsewhere / "es.yaml").lang == "es"
    assert not list((tmp_path / "cache").glob("patterns-*"))
