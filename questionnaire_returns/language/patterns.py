"""Pattern files per language (config.yaml paths.patterns: <lang>.yaml), validated when loaded.

A pattern file holds how returns in one language say things: phrase lists for
spaCy's PhraseMatcher (on LOWER), token patterns for the Matcher (spaCy's own
format, checked with validate=True), month names, fraction words and the
questionnaire's wording, and the words and regular-expression fragments the rules
compose. Labels are the rules' cues (cues.yaml, beside the pattern files) and those
the schema derives from the questionnaire (Contract.pattern_labels): a misspelt
label, a bad token pattern or a missing section fails loudly, naming the file.
"""

from __future__ import annotations

import re
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from questionnaire_returns.config import settings
from questionnaire_returns.language.built import built_dir, built_key, load_built, store_built
from questionnaire_returns.language.charsets import shared_charsets
from questionnaire_returns.language.compiled import kept_regexes
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.records import CHECKED, PART_LETTER, UNCHECKED
from questionnaire_returns.data_yaml import StrictLoader


def pattern_dir() -> Path:
    """Where the pattern files are: config.yaml's paths.patterns."""
    return settings().path("patterns")


def cues_file() -> Path:
    """The rules' own label vocabulary, beside the pattern files (cues.yaml)."""
    return pattern_dir() / "cues.yaml"


class _Cues(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cues: dict[str, list[str]]


@lru_cache(maxsize=1)
def known_labels() -> frozenset[str]:
    """Every label a pattern file may hold: the rules' cues (cues.yaml) and what the schema derives from the
    questionnaire. A schema whose letter cues name a topic the cues do not list fails, naming both files."""
    path = cues_file()
    try:
        cues = _Cues.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)).cues
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise PatternFileError(f"{path}: {exc}") from exc
    topics = set(cues.get("topic_q", []))
    for q in CONTRACT.questions.values():
        unknown = [c for c in q.letter_cues if c not in topics]
        if unknown:
            raise PatternFileError(f"{CONTRACT.source}: question {q.key}'s letter cue(s) {', '.join(unknown)} are no "
                                   f"topic_q of {path}")
    return frozenset(f"{g}.{v}" for g, values in cues.items() for v in values) | CONTRACT.pattern_labels()


# Labels every language must provide: without them a field cannot be read at all.
REQUIRED_LABELS = frozenset({"yesno.yes", "yesno.no", "yesno.negate", "yesno.pending"})


class _Yaml12Loader(StrictLoader):
    """YAML without 1.1's yes/no/on/off booleans: in pattern files "no" is a word."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class PatternFileError(ValueError):
    """A pattern file is broken; the message names the file and the reason."""


class _PatternFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lang: str
    numbering: list[str] = Field(default_factory=list)
    months: dict[str, int] = Field(default_factory=dict)
    fractions: dict[str, float] = Field(default_factory=dict)
    questions: dict[str, str] = Field(default_factory=dict)
    options: dict[str, dict[str, str]] = Field(default_factory=dict)
    boilerplate: list[str] = Field(default_factory=list)  # the form's title, headings, notes in this language
    answer_labels: list[str] = Field(default_factory=list)  # "Answer:", "Réponse :" before an answer
    negators: list[str] = Field(default_factory=list)  # words that deny what follows: "no commission"
    phrases: dict[str, list[str]]
    patterns: dict[str, list[list[dict]]] = Field(default_factory=dict)
    words: dict[str, list[str]] = Field(default_factory=dict)  # literal words the rules compose (see `word_list`)
    regex: dict[str, list[str]] = Field(default_factory=dict)  # regular-expression fragments (see `Cue`)

    @field_validator("regex")
    @classmethod
    def _fragments_compile(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for label, fragments in value.items():
            for fragment in fragments:
                try:
                    re.compile(fragment)
                except re.error as exc:
                    raise ValueError(f"regex {label}: {fragment!r} is no regular expression: {exc}") from None
        return value

    @field_validator("phrases", "patterns", "words", "regex")
    @classmethod
    def _known_labels(cls, value: dict) -> dict:
        known = known_labels()
        unknown = sorted(set(value) - known)
        if unknown:
            raise ValueError(f"unknown label(s) {', '.join(unknown)}; the labels are the cues of {cues_file()} "
                             f"and those the schema ({CONTRACT.source}) derives: {', '.join(sorted(known))}")
        return value

    @field_validator("months")
    @classmethod
    def _month_numbers(cls, value: dict[str, int]) -> dict[str, int]:
        bad = [k for k, v in value.items() if not 1 <= v <= 12]
        if bad:
            raise ValueError(f"month(s) {', '.join(bad)} not numbered 1-12")
        return value


@dataclass(frozen=True, slots=True)
class Hit:
    """A pattern match in a text: its label and character span."""

    label: str
    start: int
    end: int
    text: str


class LanguagePatterns:
    """One language's blank spaCy pipeline with its phrase and token matchers built."""

    def __init__(self, data: _PatternFile, source: Path, built: tuple | None = None):
        """Build the pipeline and matchers from `data`, or take them `built` (nlp, phrase matcher,
        matcher) as an earlier process built them from the same file (language/built.py)."""
        self.lang = data.lang
        self.source = source
        self.data = data
        if built is not None:
            self.nlp, self.phrase_matcher, self.matcher = built
        else:
            self._build()
        self.months = {k.lower(): v for k, v in data.months.items()}
        self.fractions = dict(sorted(data.fractions.items(), key=lambda kv: -len(kv[0])))
        self.numbering = [w.lower() for w in data.numbering]
        self.negators = {w.lower() for w in data.negators}
        self._cache: OrderedDict[str, list[Hit]] = OrderedDict()  # rules ask about the same lines many times
        self._words_cache: dict[str, list[tuple[str, ...]] | None] = {}  # label -> its phrases' words (`has`)
        self.yes_no_words: tuple[frozenset[str], frozenset[str]] | None = None  # built on first use (yes_no_word)
        _LOADED.add(self)

    def _build(self) -> None:
        import spacy  # here, not at the top: the flow's process imports this module (write/ledger.py) and never matches
        from spacy.matcher import Matcher, PhraseMatcher

        data, source = self.data, self.source
        with shared_charsets(), kept_regexes(built_dir()):  # the French tokenizer's expression (see both)
            self.nlp = spacy.blank(data.lang)
        self.phrase_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for label, phrases in data.phrases.items():
            tokenizer: Any = self.nlp.tokenizer  # spaCy's stubs type it as a plain callable; it is a Tokenizer
            self.phrase_matcher.add(label, list(tokenizer.pipe(phrases)))
        self.matcher = Matcher(self.nlp.vocab, validate=True)
        for label, token_patterns in data.patterns.items():
            try:
                self.matcher.add(label, token_patterns)
            except Exception as exc:  # spaCy raises ValueError/MatchPatternError with its own detail
                raise PatternFileError(f"{source}: token pattern for {label} is invalid: {exc}") from exc

    def built(self) -> tuple:
        """What `__init__` takes back as `built`: the pipeline and its matchers (one vocabulary)."""
        return (self.nlp, self.phrase_matcher, self.matcher)

    def hits(self, text: str) -> list[Hit]:
        """Every phrase and token-pattern match in `text`, longest first where spans overlap."""
        cached = self._cache.get(text)
        if cached is None:
            while len(self._cache) >= MATCHES_HELD:
                self._cache.popitem(last=False)
            cached = self._cache[text] = self._match(text)
        else:
            self._cache.move_to_end(text)
        return cached

    def has(self, label: str, text: str) -> bool:
        """Whether `text` holds a match of `label`, as `hits` finds it. A phrase label is looked for only
        in a text that contains every word of one of its phrases (a match needs them): asking every line
        of a document for a rare label ("letter.closing") costs a few substring tests, not a spaCy match."""
        if text not in self._cache:
            words = self._phrase_words(label)
            if words is not None and "Σ" not in text:  # ("Σ" lower-cases by its neighbours: match it)
                low = text.lower()
                if not any(all(w in low for w in phrase) for phrase in words):
                    return False
        return any(h.label == label for h in self.hits(text))

    def _phrase_words(self, label: str) -> list[tuple[str, ...]] | None:
        """Each of the label's phrases as its lower-cased tokens, longest first (the likeliest to be
        missing); None when the label also has token patterns (no cheap test for those)."""
        if label not in self._words_cache:
            phrases = None
            if label not in self.data.patterns:
                tokenizer: Any = self.nlp.tokenizer
                phrases = [tuple(sorted({t.lower_ for t in doc}, key=len, reverse=True))
                           for doc in tokenizer.pipe(self.data.phrases.get(label, [])) if len(doc)]
            self._words_cache[label] = phrases
        return self._words_cache[label]

    def _match(self, text: str) -> list[Hit]:
        doc = self.nlp.make_doc(text)
        found = []
        strings = self.nlp.vocab.strings
        for match_id, start, end in list(self.phrase_matcher(doc)) + list(self.matcher(doc)):
            span = doc[start:end]
            found.append(Hit(strings[match_id], span.start_char, span.end_char, span.text))
        found.sort(key=lambda h: (h.start, -(h.end - h.start)))
        return found


_LOADED: "weakref.WeakSet[LanguagePatterns]" = weakref.WeakSet()  # for forget_matches


MATCHES_HELD = 20000  # lines a language's match cache holds while a document is read
MATCHES_KEPT = 3000  # of which the latest are kept for the next document: a form's wording, its headings


def forget_matches() -> None:
    """Trim every language's match cache to the MATCHES_KEPT lines used last, after each document.
    Returns repeat the questionnaire's wording and headings, whose matches serve the next document
    too (about a quarter of a short return's lines here); a cache kept whole across a run's documents
    grew each worker by ~0.5 MB a document."""
    for patterns in list(_LOADED):
        cache = patterns._cache
        while len(cache) > MATCHES_KEPT:
            cache.popitem(last=False)


def load_pattern_file(path: Path) -> LanguagePatterns:
    """Read and validate one pattern file; errors name the file and what is wrong. A configured
    language's file (in pattern_dir()) built before from the same inputs is taken from the cache
    folder instead (language/built.py): the same patterns, without building them again."""
    path = Path(path)
    key = _built_key(path)
    if key is not None:
        with shared_charsets(), kept_regexes(built_dir()):  # unpickling compiles the tokenizer's expressions
            stored = load_built(path.stem, key)
        if (isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], _PatternFile)
                and isinstance(stored[1], tuple) and len(stored[1]) == 3):
            data, built = stored
            _VALIDATED.setdefault(path, data)  # word_list & co. need not read the file again
            return LanguagePatterns(data, path, built)
    pats = LanguagePatterns(_validated(path), path)
    if key is not None:
        store_built(path.stem, key, (pats.data, pats.built()))
    return pats


def _built_key(path: Path) -> str | None:
    """The build's key for a configured language's file; None for any other file (a copy, a test's)."""
    if path.parent.resolve() != pattern_dir().resolve():
        return None
    source = CONTRACT.source
    return built_key(path, [cues_file(), Path(source) if source else None, Path(__file__)])


_VALIDATED: dict[Path, _PatternFile] = {}


def _validated(path: Path) -> _PatternFile:
    """The pattern file read and validated (once per process)."""
    found = _VALIDATED.get(path)
    if found is None:
        found = _VALIDATED[path] = _validate(path)
    return found


def _validate(path: Path) -> _PatternFile:
    try:
        raw = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Yaml12Loader)
        data = _PatternFile.model_validate(raw)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise PatternFileError(f"{path}: {exc}") from exc
    if data.lang != Path(path).stem:
        raise PatternFileError(f"{path}: says lang {data.lang!r}, but the file is named for {Path(path).stem!r}")
    missing = sorted(REQUIRED_LABELS - set(data.phrases))
    if missing:
        raise PatternFileError(f"{path}: missing required label(s) {', '.join(missing)}")
    return data


@lru_cache(maxsize=None)
def patterns_for(lang: str | None) -> LanguagePatterns:
    """The language's patterns (loaded once per process); English where a language has none."""
    path = pattern_dir() / f"{lang}.yaml"
    if not lang or lang not in settings().languages or not path.exists():
        path = pattern_dir() / "en.yaml"
    return load_pattern_file(path)


def labels_in(hits: list[Hit], prefix: str) -> list[str]:
    """The values of the hits whose label starts with `prefix.` in order of first appearance."""
    seen: list[str] = []
    for h in hits:
        group, _, value = h.label.partition(".")
        if group == prefix and value not in seen:
            seen.append(value)
    return seen


_WORD = re.compile(r"\w+", re.UNICODE)


_LEADING = re.compile(r"^\W*([^\W\d_]+)", re.U)
_TYPED_X = re.compile(r"(?:^|\s)[xX✓✔](?=\s|$)")
_OPTION_LETTER = re.compile(rf"^\s*{PART_LETTER}\s+", re.I)


FORM_LANGUAGE = "en"  # the language the questionnaire was sent in: its option words stand in returns of every language


def yes_no_word(text: str, pats: LanguagePatterns) -> str | None:
    """'Yes', 'c) Non.', 'Да, ...': the yes or no a text opens with, in the language's own words."""
    text = _OPTION_LETTER.sub("", text)  # "c) Yes"
    m = _LEADING.match(text)
    if not m:
        return None
    first = m.group(1).lower()
    yes, no = _yes_no_words(pats)
    if first in word_list("answer.alone") and not re.match(rf"^\W*{re.escape(first)}\s*(?:[.,;:!)]|[-–—]\s|$)", text, re.I):
        return None  # "Si tratta di ...": an unaccented "si" is yes only standing alone (or set off: "Si - ...")
    if first in yes:
        return "yes"
    if first in no and first not in word_list("answer.not_leading"):
        return "no"
    return None


def _yes_no_words(pats: LanguagePatterns) -> tuple[frozenset[str], frozenset[str]]:
    """The language's own yes and no words, and the form's: a return answering in Spanish ticks the English form's
    "Yes". Built once per language's patterns."""
    if pats.yes_no_words is None:
        form = _validated(pattern_dir() / f"{FORM_LANGUAGE}.yaml").phrases
        yes, no = (frozenset(p.lower().rstrip(".") for data in (pats.data.phrases, form) for p in data.get(f"yesno.{k}", []))
                   for k in ("yes", "no"))
        pats.yes_no_words = (yes, no)
    return pats.yes_no_words


def bare_yes_no(text: str, pats: LanguagePatterns) -> bool:
    """'Yes', 'No X', '☒ Non': an option that is only a yes or a no word and its mark."""
    t = _TYPED_X.sub(" ", text.replace(CHECKED, " ").replace(UNCHECKED, " ")).strip(" .:;,\t")
    return 0 < len(t.split()) <= 1 and yes_no_word(t, pats) is not None


def _configured() -> list[_PatternFile]:
    """Every configured language's pattern file, validated (without building its spaCy pipeline)."""
    paths = [pattern_dir() / f"{lang}.yaml" for lang in settings().languages]
    return [_validated(p) for p in paths if p.exists()]


@lru_cache(maxsize=None)
def word_list(label: str) -> tuple[str, ...]:
    """The `words` of a label in every configured language, in the languages' order, each once."""
    return tuple(dict.fromkeys(w for data in _configured() for w in data.words.get(label, [])))


@lru_cache(maxsize=1)
def numbering_list() -> tuple[str, ...]:
    """Every configured language's words that may stand before a question's number ("Question", "Frage",
    "Вопрос", "n°"), without a closing full stop, each once."""
    return tuple(dict.fromkeys(w.lower().rstrip(".") for data in _configured() for w in data.numbering if w.rstrip(".")))


@lru_cache(maxsize=None)
def phrase_list(label: str) -> tuple[str, ...]:
    """The `phrases` of a label in every configured language (a return may answer in one language and
    point at another question in another), each once."""
    return tuple(dict.fromkeys(p for data in _configured() for p in data.phrases.get(label, [])))


@lru_cache(maxsize=None)
def alternatives(label: str) -> str:
    """The `regex` fragments of a label in every configured language, as one group '(?:a|b|...)' ('(?!)'
    when no language gives any: it matches nothing)."""
    fragments = list(dict.fromkeys(f for data in _configured() for f in data.regex.get(label, [])))
    return f"(?:{'|'.join(fragments)})" if fragments else "(?!)"


_PLACEHOLDER = re.compile(r"\{([a-z_]+\.[a-z_]+)\}")


class Cue:
    """A regular expression whose words come from the pattern files: `{label}` in the template stands for
    every language's fragments of that label (`alternatives`), `{label:words}` for its literal `words`.
    Compiled on first use, so a process reads the pattern files only when it needs them."""

    def __init__(self, template: str, flags: int = re.I):
        self.template = template
        self.flags = flags
        self._compiled: re.Pattern | None = None

    @property
    def pattern(self) -> re.Pattern:
        if self._compiled is None:
            def fill(m: re.Match) -> str:
                return alternatives(m.group(1))

            source = _WORDS_PLACEHOLDER.sub(lambda m: _literal_group(m.group(1)), self.template)
            self._compiled = re.compile(_PLACEHOLDER.sub(fill, source), self.flags)
        return self._compiled

    def search(self, text: str, *args) -> re.Match | None:
        return self.pattern.search(text, *args)

    def match(self, text: str, *args) -> re.Match | None:
        return self.pattern.match(text, *args)

    def fullmatch(self, text: str, *args) -> re.Match | None:
        return self.pattern.fullmatch(text, *args)

    def finditer(self, text: str, *args):
        return self.pattern.finditer(text, *args)

    def sub(self, repl, text: str, count: int = 0) -> str:
        return self.pattern.sub(repl, text, count=count)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self.pattern.split(text, maxsplit=maxsplit)


_WORDS_PLACEHOLDER = re.compile(r"\{([a-z_]+\.[a-z_]+):words\}")


def _literal_group(label: str) -> str:
    words = word_list(label)
    return f"(?:{'|'.join(re.escape(w) for w in words)})" if words else "(?!)"
