"""Country names: exact look-up of folded aliases, a stripped 'core' form, then fuzzy.

"the Russian Federation", "Российской Федерации", "Royaume de Belgique", "FYROM" and "USA"
all meet an alias of canon/countries.yaml. In running text (letterheads, mission names,
signatures) aliases are found as token sequences; abbreviations only as written (US, not
"us"); adjectives ("Austrian") only before a mission/embassy/government word; e-mail
domains only where the host is a government one (".gv.at", ".gouv.fr", ".gov"). The words
this reads by (a name's articles, what makes an adjective a sender's, government host
labels) are canon/country_words.yaml's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from questionnaire_returns.resolve.fuzzy import AliasIndex
from questionnaire_returns.resolve.normalise import fold, tokens
from questionnaire_returns.resolve.tables import CountryTable, CountryWords, load_countries, load_country_words

WORDS_FILE = "country_words.yaml"  # beside countries.yaml

_SEPARATORS = re.compile(r"[\W_]+")  # what stands between the words of a file's name
_WORD = re.compile(r"[^\W\d_]+")

HISTORICAL_SCORE = 0.75
CAPITAL_SCORE = 0.7  # "Dublin, 15 February 2008": alone in a letterhead, a reviewer confirms it
CODE_SCORE = 0.9  # a capital code in a file's name ("AT_Antwort.pdf"), as an abbreviation
CORE_SCORE = 0.95
ADJECTIVE_SCORE = 0.7
DOMAIN_SCORE = 0.6

_DOMAIN = re.compile(r"(?:@|https?://|www\.)([a-z0-9.-]+\.[a-z]{2,})", re.I)


@dataclass(frozen=True, slots=True)
class Found:
    name: str
    score: float
    alias: str
    start: int
    end: int


class CountryMatcher:
    def __init__(self, path: Path, table: CountryTable | None = None, words: CountryWords | None = None):
        self.path = path
        t = table or load_countries(path)
        w = words or load_country_words(Path(path).parent / WORDS_FILE, t)
        self.name_words = {fold(x) for _, x in w.name_words.items()}
        self.articles = {fold(x) for _, x in w.articles.items()}
        self.adjective_cues = {fold(x) for _, x in w.adjective_cues.items()}
        self.government_hosts = frozenset(w.government_hosts)
        self.government_domains = dict(w.government_domains)
        cues = sorted({x for _, x in w.sender_cues.items()}, key=len, reverse=True)
        self._sender_re = re.compile("|".join(re.escape(c) for c in cues), re.I)
        self.rtype = {c.name: c.respondent_type for c in t.countries}
        self.exact: dict[str, tuple[str, float]] = {}
        self.core: dict[str, set[str]] = {}
        self.abbrev: dict[str, str] = {}
        self.adjectives: dict[str, str] = {}
        self.tld: dict[str, str] = {}
        short = {fold(word): [fold(x) for x in forms] for word, forms in w.short_forms.items()}
        self.codes: dict[str, str] = {}  # as written, read in file names only
        for c in t.countries:
            names = [c.name] + [a for lst in c.aliases.values() for a in lst]
            for a in names:
                self._add(a, c.name, 1.0)
            for a in names:  # "Czech Rep.": a name with a word shortened, unless another name says so
                for variant in _shortened(fold(a), short):
                    if variant not in self.exact:
                        self._add(variant, c.name, 1.0)
            for code in (c.iso2, *c.codes, *c.abbreviations):
                self.codes.setdefault(code.replace(".", ""), c.name)
            for a in c.historical:
                self._add(a, c.name, HISTORICAL_SCORE)
            for a in c.capitals:
                self._add(a, c.name, CAPITAL_SCORE)
            for a in c.abbreviations:
                self.abbrev[a] = c.name
                self.abbrev[a.replace(".", "")] = c.name
            for a in c.adjectives:
                self.adjectives[fold(a)] = c.name
            self.tld[c.iso2.lower()] = c.name
        self.tld.update(w.country_domains)
        # a one-word core ("United" of "United Kingdom") that another country's name also
        # uses, or a very short one ("Uni"), would name a country on its own: not kept
        words_of: dict[str, set[str]] = {}
        for key, (name, _) in self.exact.items():
            for word in key.split():
                words_of.setdefault(word, set()).add(name)
        self.core_unique = {
            k: next(iter(v)) for k, v in self.core.items()
            if len(v) == 1 and (" " in k or (len(k) >= 4 and words_of.get(k, v) <= v))
        }
        # token sequences for running text, longest first
        self.seqs: dict[str, list[tuple[tuple[str, ...], str, float]]] = {}
        for key, (name, score) in self.exact.items():
            seq = tuple(key.split())
            self.seqs.setdefault(seq[0], []).append((seq, name, score))
        for lst in self.seqs.values():
            lst.sort(key=lambda x: -len(x[0]))
        alternation = "|".join(re.escape(a) for a in sorted(self.abbrev, key=len, reverse=True))
        self._abbrev_re = re.compile(r"(?<![\w.])(?:" + alternation + r")(?![\w])")
        self.fuzzy_keys = sorted(self.core_unique)
        self.fuzzy = AliasIndex(self.fuzzy_keys)
        self.fuzzy_full_keys = sorted(k for k, (_, s) in self.exact.items() if s == 1.0)
        self.fuzzy_full = AliasIndex(self.fuzzy_full_keys)

    def _add(self, alias: str, name: str, score: float) -> None:
        key = fold(alias)
        if key and (key not in self.exact or self.exact[key][1] < score):
            self.exact[key] = (name, score)
        core = self.core_of(key)
        if core and score == 1.0:
            self.core.setdefault(core, set()).add(name)

    def core_of(self, folded: str) -> str:
        return " ".join(w for w in folded.split() if w not in self.name_words)

    def in_path(self, source_file: str) -> list[Found]:
        """Countries a file's path names (spans in the path with separators read as spaces):
        names and abbreviations as in running text, and capital codes as whole words
        ("AT_Antwort_Fragebogen.pdf", "SLO reply.docx", "Austria/reply.pdf") where the other
        words are not in capitals too."""
        text = _SEPARATORS.sub(" ", _without_extension(source_file.replace("::", "/")))
        found = self.find(text)
        words = _WORD.findall(text)
        if all(w.isupper() for w in words if len(w) > 3):
            return found  # a name in capitals throughout ("REPLY_AND_ANNEX"): a capital word is no code
        for m in _WORD.finditer(text):
            name = self.codes.get(m.group())
            if name and not any(f.start <= m.start() < f.end for f in found):
                found.append(Found(name, CODE_SCORE, m.group(), m.start(), m.end()))
        return sorted(found, key=lambda f: f.start)

    def names_sender(self, text: str) -> bool:
        """True when the line holds a sender's cue ("Permanent Mission", "Ministry", "Reply of")."""
        return bool(self._sender_re.search(text))

    def add_learned(self, alias: str, name: str) -> None:
        if name not in self.rtype:
            raise ValueError(f"learned country alias {alias!r}: {name!r} is not a canonical country")
        key = fold(alias)
        self.exact[key] = (name, 1.0)
        if alias.strip() and alias.strip() == alias.strip().upper() and " " not in alias.strip():
            self.abbrev[alias.strip()] = name  # a learned abbreviation matches as written
            alternation = "|".join(re.escape(a) for a in sorted(self.abbrev, key=len, reverse=True))
            self._abbrev_re = re.compile(r"(?<![\w.])(?:" + alternation + r")(?![\w])")
        seq = tuple(key.split())
        if seq:
            lst = self.seqs.setdefault(seq[0], [])
            lst.append((seq, name, 1.0))
            lst.sort(key=lambda x: -len(x[0]))

    def resolve(self, text: str) -> tuple[str | None, float, str]:
        """(country, score, alias) for one name as written."""
        raw = text.strip().strip(".,;:")
        if raw in self.abbrev or raw.replace(".", "").replace(" ", "") in self.abbrev:
            key = raw if raw in self.abbrev else raw.replace(".", "").replace(" ", "")
            return self.abbrev[key], 1.0, key
        key = fold(raw)
        if not key:
            return None, 0.0, ""
        if key in self.exact:
            name, score = self.exact[key]
            return name, score, key
        core = self.core_of(key)
        if core in self.core_unique:
            return self.core_unique[core], CORE_SCORE, core
        hit = self.fuzzy_full.best(key)
        if hit:
            alias = self.fuzzy_full_keys[hit.index]
            return self.exact[alias][0], round(hit.score * CORE_SCORE, 3), alias
        hit = self.fuzzy.best(core)
        if hit:
            return self.core_unique[self.fuzzy_keys[hit.index]], round(hit.score * CORE_SCORE, 3), self.fuzzy_keys[hit.index]
        return None, 0.0, ""

    def _seq_at(self, toks, i: int):
        """(length, name, score, alias) of the longest alias at token i; a last word may
        carry a genitive/plural -s ("Österreichs")."""
        word = toks[i].text
        cands = list(self.seqs.get(word, ()))
        if len(word) > 4 and word.endswith("s"):
            cands += [c for c in self.seqs.get(word[:-1], ()) if len(c[0]) == 1]
        for seq, name, score in sorted(cands, key=lambda c: -len(c[0])):
            n = len(seq)
            if i + n > len(toks):
                continue
            if all(toks[i + k].text == seq[k] or (k == n - 1 and toks[i + k].text == seq[k] + "s")
                   for k in range(n)):
                return n, name, score, " ".join(seq)
        return None

    def find(self, text: str) -> list[Found]:
        """Country mentions in running text, with spans, left to right."""
        toks = tokens(text)
        out: list[Found] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            hit = self._seq_at(toks, i)
            if t.text in self.articles and i + 1 < len(toks):
                later = self._seq_at(toks, i + 1)
                if later and (not hit or later[0] + 1 > hit[0]):
                    hit = (later[0] + 1, *later[1:])
            if hit and t.raw[:1].islower() and "\u0400" <= t.raw[:1] <= "\u04ff":
                hit = None  # Russian writes country names capitalised; a stem may collide ("дано" is not "Дания")
            if hit:
                n, name, score, alias = hit
                out.append(Found(name, score, alias, t.start, toks[i + n - 1].end))
                i += n
                continue
            if t.text in self.adjectives and i + 1 < len(toks) and toks[i + 1].text in self.adjective_cues:
                out.append(Found(self.adjectives[t.text], ADJECTIVE_SCORE, t.text, t.start, t.end))
            i += 1
        # abbreviations as written (US, U.S.A., BiH, РФ)
        for m in self._abbrev_re.finditer(text):
            ab = m.group()
            if not any(f.start <= m.start() < f.end for f in out):
                out.append(Found(self.abbrev[ab], 0.9, ab, m.start(), m.end()))
        # government e-mail domains and web addresses
        for m in _DOMAIN.finditer(text):
            host = m.group(1).lower().rstrip(".")
            labels = host.split(".")
            name = None
            if labels[-1] in self.government_domains:
                name = self.government_domains[labels[-1]]
            elif labels[-1] in self.tld and any(lab in self.government_hosts for lab in labels[:-1]):
                name = self.tld[labels[-1]]
            if name and not any(f.start <= m.start(1) < f.end for f in out):
                out.append(Found(name, DOMAIN_SCORE, host, m.start(1), m.end(1)))
        out.sort(key=lambda f: f.start)
        # drop abbreviation hits inside longer ones (U.S. inside U.S.A.)
        keep: list[Found] = []
        for f in out:
            if keep and f.start < keep[-1].end:
                if f.end - f.start > keep[-1].end - keep[-1].start:
                    keep[-1] = f
                continue
            keep.append(f)
        return keep


def _shortened(folded: str, short: dict[str, list[str]]) -> list[str]:
    """`folded` with each word that has short forms replaced by each of them (one word at a time)."""
    words = folded.split()
    return [" ".join(words[:i] + [form] + words[i + 1:])
            for i, word in enumerate(words) for form in short.get(word, ())]


def _without_extension(path: str) -> str:
    """'2007/Austria reply.pdf' -> '2007/Austria reply' (an extension is a dot and 1-5 letters or digits)."""
    return re.sub(r"\.[A-Za-z0-9]{1,5}$", "", path)
