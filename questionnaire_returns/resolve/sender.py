"""Which State answered: the country named where a return names its sender.

The letterhead and the first lines, "Permanent Mission of ... to the OSCE", the
signature and closing lines, the e-mail's From and Subject weigh most; a country
named in the answers (co-operation with a neighbour) weighs far less. What marks a line
as naming its sender (canon/country_words.yaml's sender_cues) is the resolver's.
"""

from __future__ import annotations

from collections import defaultdict

from questionnaire_returns.records import Document, Line


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
    for i, line in enumerate(lines):
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
    if not weights:
        return None
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])
    best, score = ranked[0]
    total = sum(weights.values())
    dominance = score / total if total else 0
    confidence = min(0.99, 0.55 + 0.45 * dominance) if score >= 2.5 else 0.6 * dominance
    return best, round(confidence, 3), evidence[best][1]
