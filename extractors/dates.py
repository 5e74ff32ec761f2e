"""Dates as returns write them, in each language: '4 May 2004', 'May 4, 2004',
'04.05.2004', '4.V.2004', '2004-05-04', '4 mai 2004', '4. Mai 2004', '4 мая 2004 г.'."""

from __future__ import annotations

import re
from functools import lru_cache
from datetime import date
from email.utils import parsedate_to_datetime

from questionnaire_returns.language.patterns import LanguagePatterns, alternatives

_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)(?!\d)")
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?!\d)")
# "10.I.2008", "27. IX. 2007": the month in Roman numerals, as diplomatic correspondence writes it
_ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ROMAN = re.compile(r"(?<!\d)(\d{1,2})\.\s?(" + "|".join(sorted(_ROMAN_MONTHS, key=len, reverse=True))
                    + r")\.\s?((?:19|20)\d\d)(?!\d)")


def _month_names(pats: LanguagePatterns) -> str:
    names = sorted(pats.months, key=len, reverse=True)
    return "|".join(re.escape(n) for n in names) or "(?!)"


@lru_cache(maxsize=None)
def _date_patterns(lang: str, months: str) -> tuple[re.Pattern, re.Pattern]:
    """The language's day-first and month-first date patterns, compiled once per process."""
    day, before_month, before_year = (alternatives(f"date.{k}") for k in ("day_suffix", "before_month", "before_year"))
    day_first = re.compile(rf"(?<!\d)[«\"„]?(\d{{1,2}})[»\"“]?{day}?\.?\s+(?:{before_month}\s+)?({months})\.?,?\s+"
                           rf"(?:{before_year}\s+)?((?:19|20)\d\d)", re.I)
    month_first = re.compile(rf"\b({months})\.?\s+(\d{{1,2}}){alternatives('date.month_first_suffix')}?,?\s+((?:19|20)\d\d)", re.I)
    return day_first, month_first


def find_dates(text: str, pats: LanguagePatterns) -> list[tuple[date, int, int]]:
    """Every full date in the text with its span, in reading order."""
    found: list[tuple[date, int, int]] = []
    day_first, month_first = _date_patterns(pats.lang, _month_names(pats))
    for m in day_first.finditer(text):
        _add(found, m, int(m.group(3)), pats.months.get(m.group(2).lower()), int(m.group(1)))
    for m in month_first.finditer(text):
        _add(found, m, int(m.group(3)), pats.months.get(m.group(1).lower()), int(m.group(2)))
    for m in _NUMERIC.finditer(text):
        _add(found, m, int(m.group(3)), int(m.group(2)), int(m.group(1)))
    for m in _ROMAN.finditer(text):
        _add(found, m, int(m.group(3)), _ROMAN_MONTHS.index(m.group(2)) + 1, int(m.group(1)))
    for m in _ISO.finditer(text):
        _add(found, m, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    found.sort(key=lambda d: d[1])
    return found


def _add(found, m, year, month, day) -> None:
    try:
        found.append((date(year, month, day), m.start(), m.end()))
    except (TypeError, ValueError):
        pass


def header_date(value: str) -> date | None:
    """An e-mail Date header (RFC 2822, or ISO as some readers give it) as a date."""
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    m = _ISO.search(value)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None
