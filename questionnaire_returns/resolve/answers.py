"""Names in what the extract stage found, resolved: ministries by id, the unknown ones kept.

A ministry name the alias tables do not know is kept verbatim beside the known ids and
the value goes to review (never forced onto the nearest id); the weakest name match
behind a value weighs on its confidence; the ministry that leads the mechanism is one
of those represented.
"""

from __future__ import annotations

from dataclasses import replace

from questionnaire_returns.language.patterns import bare_yes_no, patterns_for
from questionnaire_returns.records import Found, Read

UNKNOWN_NAME = "unknown_name"


def resolve_found(found: list[Found], resolver, lang: str | None) -> list[Found]:
    """The found values with their names resolved (see the module's docstring)."""
    pats = patterns_for(lang)
    out = [_ministries(f, resolver, pats) if f.field == "ncm_ministries" else f for f in found]
    lead = next((f for f in out if f.field == "ncm_lead_ministry"), None)
    listed = next((f for f in out if f.field == "ncm_ministries"), None)
    if lead and listed and lead.read.value not in listed.read.value.split(";") and not listed.note:
        value = ";".join(sorted(listed.read.value.split(";") + [lead.read.value]))
        out[out.index(listed)] = replace(listed, read=replace(listed.read, value=value))
    return out


def _ministries(f: Found, resolver, pats) -> Found:
    """Known ministries by id; unknown names kept verbatim, with a note that sends them to review."""
    read = f.read
    unknown: list[str] = []
    scores: list[float] = []
    for m in resolver.find_ministries(read.line.text):
        if m.id:
            scores.append(m.score)
        elif not bare_yes_no(" ".join(m.text.split()[1:]), pats):
            # a name, not the question's "which ministries" with the answer's "Yes" after it
            unknown.append(m.text)
    value = read.value if not unknown else ";".join([read.value] + unknown) if read.value else ";".join(unknown)
    note = f"{UNKNOWN_NAME}: " + "; ".join(unknown) if unknown else f.note
    return replace(f, read=Read(value, read.line, read.how), name_score=min(scores) if scores else None, note=note)


def unknown_names(notes: list[str]) -> tuple[tuple[str, str], ...]:
    """(kind, name as written) for every value a note says holds names no table knew."""
    return tuple(("ministry", n.split(": ", 1)[1]) for n in notes if n.startswith(UNKNOWN_NAME))
