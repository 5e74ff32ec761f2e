"""The return's own date (submitted_on): the e-mail's Date header, else a dated line
at the head or foot of the letter ("Vienna, 12 November 2007"), not a fact with a
date in it. (Which State answered is resolved from the sender's lines in
questionnaire_returns/resolve/sender.py; the language is detected.)"""

from __future__ import annotations


from extractors.dates import find_dates, header_date
from questionnaire_returns.language.patterns import Cue, patterns_for
from questionnaire_returns.records import Document, Line, Read

_DATE_CUE = Cue(r"\b{date.word}\b|^\s*\w+,\s+\d|{date.place}")  # "Date: ...", "Vienna, 12 November 2007"


def submitted_on(doc: Document, lang: str | None) -> Read | None:
    """The return's own date: the e-mail's Date header, else a dated line at the head or foot of the letter."""
    for key in ("date", "Date"):
        if doc.meta.get(key):
            d = header_date(doc.meta[key])
            if d:
                return Read(d.isoformat(), Line(f"Date: {doc.meta[key]}"), "text")
    pats = patterns_for(lang)
    lines = list(doc.lines)
    for line in lines[:12] + lines[-12:]:
        dates = find_dates(line.text, pats)
        if not dates:
            continue
        _, start, end = dates[0]
        # a dated line ("Vienna, 12 November 2007", "Date: 12.11.2007"), not a fact with a date in it
        # ... or a line closed by its place and date ("Ministerio de Asuntos Exteriores - Andorra la Vella, 4 de enero de 2008")
        closes = line.text[:start].rstrip().endswith(",") and not line.text[end:].strip(" .")
        if _DATE_CUE.search(line.text) or closes or (end - start) >= 0.5 * len(line.text.strip()):
            return Read(dates[0][0].isoformat(), line, "pattern")
    return None
