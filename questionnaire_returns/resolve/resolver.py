"""The resolver the pipeline calls: country and ministry names to canonical ids.

A name the tables do not know comes back with id None and score 0 (kept verbatim, sent to
review) - never the nearest canonical id. Reviewers' corrections come back in as
LearnedAlias rows and resolve exactly from then on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from questionnaire_returns.resolve.countries import CountryMatcher
from questionnaire_returns.resolve.ministries import MinistryMatcher, MinistryTables
from questionnaire_returns.resolve.tables import MINISTRY_IDS, CanonError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class NameMatch:
    text: str  # the name as written
    id: str | None  # canonical id / country name; None = unknown (kept verbatim, goes to review)
    score: float  # 0-1, the match's confidence
    kind: str  # 'country' | 'ministry'
    alias: str = ""  # the alias it matched
    start: int = -1  # character span in the text searched (find_* only)
    end: int = -1


@dataclass(frozen=True, slots=True)
class LearnedAlias:
    """A reviewer's correction turned into an alias."""

    kind: str
    alias: str
    id: str
    added_by: str
    added_at: str


class Resolver:
    def __init__(self, canon_dir: Path, learned: Iterable[LearnedAlias] = ()):
        canon_dir = Path(canon_dir)
        self.canon_dir = canon_dir
        self._countries = CountryMatcher(canon_dir / "countries.yaml")
        self._tables = MinistryTables(canon_dir / "ministries.yaml")
        self._ministries = MinistryMatcher(
            self._tables, lambda text: [(f.start, f.end) for f in self._countries.find(text)])
        for a in learned:
            self.learn(a)

    def learn(self, alias: LearnedAlias) -> None:
        """Add one learned alias (anything with kind, alias, id); a bad id raises CanonError."""
        kind = alias.kind.strip().lower()
        if kind == "country":
            try:
                self._countries.add_learned(alias.alias, alias.id)
            except ValueError as exc:
                raise CanonError(f"learned alias by {alias.added_by}: {exc}") from exc
        elif kind == "ministry":
            ids = [i for i in alias.id.split(";") if i]
            bad = [i for i in ids if i not in MINISTRY_IDS]
            if bad or not ids:
                raise CanonError(f"learned alias {alias.alias!r} by {alias.added_by}: {alias.id!r} is not a ministry id")
            self._tables.add_body(alias.alias, frozenset(ids))
        else:
            raise CanonError(f"learned alias {alias.alias!r}: unknown kind {alias.kind!r}")

    # -- countries ----------------------------------------------------------------------
    def country(self, text: str) -> NameMatch:
        name, score, alias = self._countries.resolve(text)
        return NameMatch(text, name, score, "country", alias)

    def respondent_type(self, country: str) -> str:
        try:
            return self._countries.rtype[country]
        except KeyError:
            resolved = self.country(country).id
            if resolved is None:
                raise KeyError(f"{country!r} is not a canonical country") from None
            return self._countries.rtype[resolved]

    def countries_in_path(self, source_file: str) -> list[NameMatch]:
        """Countries a file's path names: names, abbreviations and capital codes ("AT_Antwort.pdf")."""
        return [NameMatch(f.alias, f.name, f.score, "country", f.alias, f.start, f.end)
                for f in self._countries.in_path(source_file)]

    def names_sender(self, text: str) -> bool:
        """True when a line holds a sender's cue (canon/country_words.yaml's sender_cues)."""
        return self._countries.names_sender(text)

    def find_countries(self, text: str) -> list[NameMatch]:
        return [NameMatch(text[f.start:f.end], f.name, f.score, "country", f.alias, f.start, f.end)
                for f in self._countries.find(text)]

    # -- ministries ---------------------------------------------------------------------
    def ministries(self, name: str) -> list[NameMatch]:
        """Every id a ministry/body name covers; [NameMatch(id=None)] when unknown."""
        ids, score, alias = self._ministries.resolve(name)
        if not ids:
            return [NameMatch(name, None, score, "ministry")]
        return [NameMatch(name, i, score, "ministry", alias) for i in ids]

    def find_ministries(self, text: str) -> list[NameMatch]:
        """Ministries and bodies named in running text, each with its span (one row per id)."""
        mentions, toks = self._ministries.scan(text)
        out = []
        for m in mentions:
            start, end = toks[m.first][0].start, toks[m.last - 1][0].end
            written = text[start:end]
            if not m.ids:
                out.append(NameMatch(written, None, 0.0, "ministry", "", start, end))
            for i in m.ids:
                out.append(NameMatch(written, i, round(m.score, 3), "ministry", m.alias, start, end))
        return out


def stored_aliases(data_dir: Path | None = None) -> list:
    """The aliases reviewers taught (the corrections store of `data_dir`, default the
    project's normalized/); [] when there is no store yet or it cannot be read."""
    try:
        from questionnaire_returns.config import settings
        from questionnaire_returns.corrections import store_url_for

        url = store_url_for(Path(data_dir) if data_dir else settings().path("normalized"))
        if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).exists():
            return []
        from questionnaire_returns.corrections.store import CorrectionStore  # only now: SQLAlchemy is ~12 MB a worker

        store = CorrectionStore(url)
        try:
            return list(store.aliases())
        finally:
            store.close()
    except Exception as exc:  # noqa: BLE001 - the tables alone still resolve
        log.warning("learned aliases not loaded: %s", exc)
        return []


@lru_cache(maxsize=4)
def get_resolver(data_dir: Path | None = None) -> Resolver:
    """The resolver over settings' canon/ plus the aliases reviewers taught (cached for
    the process: aliases taught later count from the next run)."""
    from questionnaire_returns.config import settings

    resolver = Resolver(settings().path("canon"))
    for alias in stored_aliases(data_dir):
        try:
            resolver.learn(alias)
        except CanonError as exc:
            log.warning("learned alias skipped: %s", exc)
    return resolver
