"""Values checked by their meaning: the one set of rules for every way a reviewer saves
(the app's form, bulk accept, the Excel import).

On top of the contract's type check (questionnaire_returns.contract.check_value):
- country: a State of the alias tables (canon/countries.yaml); a name as a return
  writes it ("Österreich", "Republic of Austria") is put in its canonical form;
- submitted_on: an ISO date (YYYY-MM-DD) that exists, not in the future, its year
  in range;
- years (type year, and the ;-joined `*_year_other` lists): within
  `reviewers.years` of config.yaml.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

YEAR = re.compile(r"\d{4}")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
EXACT_COUNTRY = 0.95  # a resolver score at or above this is the State itself, not a guess


@lru_cache(maxsize=1)
def _resolver():
    """The alias tables' resolver (questionnaire_returns.resolve), loaded once."""
    from questionnaire_returns.config import settings
    from questionnaire_returns.resolve import Resolver

    return Resolver(settings().path("canon"))


@lru_cache(maxsize=1)
def _country_names() -> tuple[str, ...]:
    """The canonical names of the alias tables (for a suggestion when a name is unknown)."""
    from questionnaire_returns.config import settings
    from questionnaire_returns.resolve.tables import load_countries

    return tuple(c.name for c in load_countries(settings().path("canon") / "countries.yaml").countries)


def year_range() -> tuple[int, int]:
    """(min, max) of a plausible year, from config.yaml's reviewers.years."""
    try:
        from questionnaire_returns.config import settings

        years = settings().reviewers.years
        return years.min, years.max
    except Exception:  # no usable config: the defaults
        return 1950, 2035


def canonical_country(value: str) -> tuple[str | None, str | None]:
    """(the canonical name, None) or (None, why not)."""
    match = _resolver().country(value)
    if match.id and (match.id == value or match.score >= EXACT_COUNTRY):
        return match.id, None
    guess = match.id
    if not guess:
        from rapidfuzz import process

        near = process.extractOne(value, _country_names(), score_cutoff=80)
        guess = near[0] if near else None
    if guess:
        return None, f"is no State of the alias tables (did you mean {guess}?)"
    return None, "is no State of the alias tables (canon/countries.yaml)"


def _year_reason(text: str, low: int, high: int) -> str | None:
    if not YEAR.fullmatch(text):
        return "must be a four-digit year"
    if not low <= int(text) <= high:
        return f"must be a year from {low} to {high}"
    return None


def meaning_reason(field: str, ftype: str, value: str) -> str | None:
    """Why `value` cannot be the answer to `field` by its meaning, or None."""
    low, high = year_range()
    if field == "country":
        return canonical_country(value)[1]
    if field == "submitted_on":
        if not ISO_DATE.fullmatch(value):
            return "must be a date written YYYY-MM-DD"
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return "is no date of the calendar"
        if day > date.today():
            return "is in the future"
        if not low <= day.year <= high:
            return f"must be a date from {low} to {high}"
        return None
    if ftype == "year":
        return _year_reason(value, low, high)
    if field.endswith("_year_other"):
        for part in value.split(";"):
            reason = _year_reason(part, low, high)
            if reason:
                return f"lists {part!r}, which {reason}"
    return None


def normalise_meaning(field: str, value: str) -> str:
    """A name or list in its dataset form: a country's canonical name, years ;-joined."""
    if field == "country" and value:
        name, _reason = canonical_country(value)
        return name or value
    if field.endswith("_year_other") and value:
        return ";".join(p.strip() for p in re.split(r"[;,\s]+", value) if p.strip())
    return value
