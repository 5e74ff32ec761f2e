"""Which State answered: the country named where a return names its sender.

The letterhead and the first lines, "Permanent Mission of ... to the OSCE", the
signature and closing lines, the e-mail's From and Subject weigh most; the file's name
and folders ("AT_Antwort_Fragebogen.pdf", "Espana/respuesta.docx") count as much as a
line of the body, and alone leave the country to a reviewer's confirmation; a country
named in the answers (co-operation with a neighbour) weighs far less. What marks a line
as naming its sender (canon/country_words.yaml's sender_cues) is the resolver's.

When no country is found, `name_candidates` gives what a reviewer may teach the
resolver as the sender's name (unknown_names.csv).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from questionnaire_returns.records import DocResult, Document, Line
from questionnaire_returns.reply import is_reply

PATH_WEIGHT = 2.0  # a line of the body's weight; alone (2.0 < 2.5) it leaves the country to review
CANDIDATE_LENGTH = 120  # a sender line longer than this is cut

def country(doc: Document, resolver) -> tuple[str, float, Line] | None:
    """(canonical country, confidence, evidence line) or None when no sender country is named."""
    lines = list(doc.lines)
    weights: dict[str, float] = defaultdict(float)
    evidence: dict[str, tuple[float, Line]] = {}
    candidates: list[tuple[Line, float]] = []
    for key in ("from", "subject", "From", "Subject"):
        if doc.meta.get(key):
            candidates.append((Line(f"{key.title()}: {doc.meta[key]}"), 3.0))
    head, tail = lines[:15], lines[-15:]
    for line in lines:
        weight = 3.0 if line in head else 2.0 if line in tail else 0.4
        if resolver.names_sender(line.text):
            weight += 2.0
        candidates.append((line, weight))
    for line, weight in candidates:
        for m in resolver.find_countries(line.text):
            if not m.id:
                continue
            weights[m.id] += weight * m.score
            if m.id not in evidence or weight > evidence[m.id][0]:
                evidence[m.id] = (weight, line)
    for m in resolver.countries_in_path(doc.source_file):
        if m.id:
            weights[m.id] += PATH_WEIGHT * m.score
            evidence.setdefault(m.id, (PATH_WEIGHT, Line(doc.source_file)))  # a body line's first
    if not weights:
        return None
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])
    best, score = ranked[0]
    total = sum(weights.values())
    dominance = score / total if total else 0
    confidence = min(0.99, 0.55 + 0.45 * dominance) if score >= 2.5 else 0.6 * dominance
    return best, round(confidence, 3), evidence[best][1]


def name_candidates(doc: Document, resolver, limit: int = 4) -> tuple[str, ...]:
    """The names a document gives its sender, for a reviewer when no table knew them: the
    e-mail's From, the letterhead's and signature's lines that name a sender ("Permanent
    Mission of ..."), else the letterhead's first line, and the file's name."""
    lines = list(doc.lines)
    found: list[str] = []
    for key in ("from", "From"):
        if doc.meta.get(key):
            found.append(doc.meta[key])
    ends = lines[:15] + lines[-15:]
    senders = [line.text for line in ends if resolver.names_sender(line.text)]
    first = next((line.text for line in lines[:5] if any(c.isalpha() for c in line.text)), "")
    found += senders or [first]
    found.append(doc.source_file.rsplit("::", 1)[-1].rsplit("/", 1)[-1])
    out: list[str] = []
    for text in found:
        text = " ".join(text.split())[:CANDIDATE_LENGTH]
        if text and text not in out:
            out.append(text)
    return tuple(out[:limit - 1] + out[-1:]) if len(out) > limit else tuple(out)


def ask_for_country(doc: Document, result: DocResult, resolver) -> DocResult:
    """`result` with its sender's name candidates among its unknown names (kind 'country') when
    it, or one of its e-mail attachments, is a reply and none of them names a country: the
    reviewer who fills the country in sees what the return calls itself."""
    parts = [(doc, result), *zip(doc.attachments, result.attachments)]
    if any(r.country for _, r in parts) or not any(is_reply(r) for _, r in parts):
        return result
    names: list[str] = []
    for d, r in parts:
        if d is doc or is_reply(r):
            names += [n for n in name_candidates(d, resolver) if n not in names]
    return replace(result, unknown_names=result.unknown_names + tuple(("country", n) for n in names))
