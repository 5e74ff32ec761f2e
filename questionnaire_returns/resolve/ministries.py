"""Ministry names: a small grammar over folded tokens, then a fuzzy fallback.

A ministry name is a head word ("Ministry", "Ministère", "Министерство", "-ministerium")
with the keywords of its remit after it ("of Labour and Social Affairs") or right before it
("Interior Ministry"); every id whose keyword is there is named, so compound ministries
resolve to all they cover. Bodies below ministries are named whole ("Home Office",
"Prosecutor General's Office", "Border Guard"), abbreviations as written ("MoI", "МВД").
A head whose remit is unknown ("Ministry of Magic") is unknown, never the nearest id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from questionnaire_returns.resolve.fuzzy import AliasIndex, TokenCorrector
from questionnaire_returns.resolve.normalise import Token, fold, tokens
from questionnaire_returns.resolve.tables import MinistryTable, load_ministries

HEAD, AGENCY = "ministry", "agency"


@dataclass(frozen=True, slots=True)
class Mention:
    ids: tuple[str, ...]  # () = unknown
    first: int  # token indexes, end exclusive
    last: int
    score: float
    alias: str


@dataclass
class _Seqs:
    """Token sequences (aliases) by their first token, longest first."""

    by_first: dict[str, list[tuple[tuple[str, ...], object]]] = field(default_factory=dict)

    def add(self, seq: tuple[str, ...], value) -> None:
        if not seq:
            return
        lst = self.by_first.setdefault(seq[0], [])
        for k, (s, v) in enumerate(lst):
            if s == seq:
                if isinstance(v, frozenset) and isinstance(value, frozenset):
                    lst[k] = (s, v | value)
                return
        lst.append((seq, value))
        lst.sort(key=lambda sv: -len(sv[0]))


class MinistryTables:
    """The compiled canon/ministries.yaml (plus learned aliases)."""

    def __init__(self, path: Path, table: MinistryTable | None = None):
        self.path = path
        t = table or load_ministries(path)
        self.compound_heads = tuple(sorted({fold(h) for h in t.compound_heads} - {""}, key=lambda h: (-len(h), h)))
        self.connectors = {self.fold(c) for c in t.connectors} - {""}
        self.conjunctions = {self.fold(c) for c in t.conjunctions} - {""}
        self.keywords = _Seqs()
        self.bodies = _Seqs()
        self.heads = _Seqs()
        self.exact: dict[str, frozenset[str]] = {}  # folded full name -> ids
        self.abbrev: dict[str, frozenset[str]] = {}  # as written -> ids
        vocab: set[str] = set()
        fuzzy_names: list[str] = []
        fuzzy_ids: list[frozenset[str]] = []

        for kind, per in ((HEAD, t.heads), (AGENCY, t.agency_heads)):
            for _, name in per.items():
                seq = self._seq(name, strip=False)
                self.heads.add(seq, kind)
                vocab.update(seq)
        for mid, m in t.ministries.items():
            ids = frozenset([mid])
            for _, kw in m.keywords.items():
                seq = self._seq(kw)
                self.keywords.add(seq, ids)
                vocab.update(seq)
                if mid != "other":
                    fuzzy_names.append(" ".join((self.fold(t.fuzzy_head), *seq)))
                    fuzzy_ids.append(ids)
            for _, body in m.bodies.items():
                self.add_body(body, ids)
                vocab.update(self._seq(body))
                if mid != "other":
                    fuzzy_names.append(" ".join(self._seq(body)))
                    fuzzy_ids.append(ids)
            for ab in m.abbreviations:
                self.abbrev[ab] = self.abbrev.get(ab, frozenset()) | ids
        for c in t.compounds:
            ids = frozenset(c.ids)
            if " " not in c.alias and (any(ch.isupper() for ch in c.alias) or not c.alias.isascii()):
                self.abbrev[c.alias] = ids
            else:
                self.add_body(c.alias, ids)
        vocab |= self.connectors
        self.corrector = TokenCorrector({v for v in vocab if v}, {self.fold(d) for d in t.decoys})
        self.fuzzy = AliasIndex(fuzzy_names)
        self.fuzzy_ids = fuzzy_ids

    def fold(self, text: str) -> str:
        """`text` folded as the tables are: German compounds split at their head."""
        return fold(text, self.compound_heads)

    def tokens(self, text: str) -> list[Token]:
        return tokens(text, self.compound_heads)

    def _seq(self, name: str, strip: bool = True) -> tuple[str, ...]:
        toks = tuple(self.fold(name).split())
        if not strip:
            return toks
        core = tuple(x for x in toks if x not in self.connectors)
        if not core or all(x in self.heads.by_first for x in core):
            return toks  # "ministère public", "State Department" keep their connector words
        return core

    def add_body(self, name: str, ids: frozenset[str]) -> None:
        folded = self.fold(name)
        self.exact[folded] = self.exact.get(folded, frozenset()) | ids
        self.bodies.add(self._seq(name), ids)


def _same(word: str, alias_word: str) -> bool:
    """Equal, or the alias word's plural ("prosecutors" / "prosecutor")."""
    return word == alias_word or (len(alias_word) > 3 and word == alias_word + "s")


class MinistryMatcher:
    """Finds and resolves ministry names with the compiled tables."""

    def __init__(self, tables: MinistryTables,
                 country_spans: Callable[[str], list[tuple[int, int]]] | None = None):
        self.t = tables
        # text -> [(start, end)] of country names, which a ministry's name may carry
        # ("Prosecutor's Office of the Republic of Belarus") without being less sure
        self.country_spans: Callable[[str], list[tuple[int, int]]] = country_spans or (lambda text: [])

    # -- tokens ---------------------------------------------------------------------------
    def _tokens(self, text: str) -> list[tuple[Token, float]]:
        out = []
        for tok in self.t.tokens(text):
            word, sim = self.t.corrector.correct(tok.text)
            repaired = self._damaged_compound(word) if word == tok.text else None
            if repaired:
                cut, head, hsim = repaired
                out.append((Token(word[:cut], tok.start, tok.end, tok.raw, tok.hard, tok.comma), 1.0))
                out.append((Token(head, tok.start, tok.end, tok.raw, False), hsim))
                continue
            out.append((Token(word, tok.start, tok.end, tok.raw, tok.hard, tok.comma), sim))
        return out

    def _damaged_compound(self, word: str) -> tuple[int, str, float] | None:
        """(where the head starts, the head, its similarity) for a German compound whose head
        OCR damaged ("Bundesministerum", "Innenminsterium"): its first six letters stand, the
        rest is a typo of a compound head."""
        if word in self.t.corrector.known:
            return None
        for head in self.t.compound_heads:
            cut = word.find(head[:6])
            if cut > 2:
                got, hsim = self.t.corrector.correct(word[cut:])
                if got.startswith(head.rstrip("s")):
                    return cut, head.rstrip("s"), hsim
        return None

    def _is_conn(self, toks, k: int) -> bool:
        return toks[k][0].text in self.t.connectors

    def _match(self, toks, i: int, seq: tuple[str, ...]) -> int | None:
        """End (exclusive) of `seq` matched at i, skipping connectors the alias lacks."""
        k, n = i, len(toks)
        for pos, s in enumerate(seq):
            if pos:
                while k < n and toks[k][0].text != s and self._is_conn(toks, k) and not toks[k][0].hard:
                    k += 1
            if k >= n or not _same(toks[k][0].text, s) or (pos and toks[k][0].hard):
                return None
            k += 1
        return k

    def _longest(self, seqs: _Seqs, toks, i: int):
        word = toks[i][0].text
        cands = seqs.by_first.get(word, [])
        if len(word) > 4 and word.endswith("s") and word[:-1] in seqs.by_first:
            cands = sorted(cands + seqs.by_first[word[:-1]], key=lambda sv: -len(sv[0]))
        for seq, value in cands:
            end = self._match(toks, i, seq)
            if end is not None:
                return end, value, seq
        return None

    def _sim(self, toks, a: int, b: int) -> float:
        return min((s for _, s in toks[a:b]), default=1.0)

    # -- one mention at i -----------------------------------------------------------------
    def _keywords_after(self, toks, k: int):
        """Keywords (with connectors between) from k: (ids, end of last keyword, keywords)."""
        ids: set[str] = set()
        names: list[str] = []
        end = None
        n = len(toks)
        while k < n:
            j = k
            while j < n and self._is_conn(toks, j) and not (j > k and toks[j][0].hard):
                j += 1
            if j >= n or (toks[j][0].hard and end is not None) or (j > k and toks[j][0].hard):
                break
            if end is None and any(toks[x][0].comma for x in range(k + 1, j + 1)):
                break  # "Department of State, Public Prosecutor's Office": the keyword after the comma names the next body
            kw = self._longest(self.t.keywords, toks, j)
            if not kw:
                break
            if end is not None:
                body = self._longest(self.t.bodies, toks, j)
                if body and body[0] >= kw[0]:
                    break  # a body of its own in a list: "..., the Prosecutor General's Office"
            ids |= kw[1]
            names.append(" ".join(kw[2]))
            end = k = kw[0]
        return ids, end, names

    def _head_at(self, toks, i: int):
        hit = self._longest(self.t.heads, toks, i)
        return (hit[0], hit[1]) if hit else None

    def mention_at(self, toks, i: int, unknown: bool = True) -> Mention | None:
        """The ministry or body named from token i, or None."""
        ab = self.t.abbrev.get(toks[i][0].raw.replace(".", ""))
        candidates: list[Mention] = []
        if ab:
            candidates.append(Mention(tuple(sorted(ab)), i, i + 1, 1.0, toks[i][0].raw))
        body = self._longest(self.t.bodies, toks, i)
        if body:
            end, ids, seq = body
            candidates.append(Mention(tuple(sorted(ids)), i, end, self._sim(toks, i, end), " ".join(seq)))
        # prefix keywords right before a head: "Interior Ministry", "Innen|ministerium"
        pre_ids: set[str] = set()
        pre_names: list[str] = []
        j = i
        while j < len(toks):
            kw = self._longest(self.t.keywords, toks, j)
            if not kw:
                break
            pre_ids |= kw[1]
            pre_names.append(" ".join(kw[2]))
            j = kw[0]
            k = j
            while k < len(toks) and toks[k][0].text in self.t.conjunctions and not toks[k][0].hard:
                k += 1
            if k < len(toks) and self.t.keywords.by_first.get(toks[k][0].text) and k != j:
                j = k
        # ... but not across a comma: "Treasury, Ministry of Transport" is two names
        head = self._head_at(toks, j) if j < len(toks) and (j == i or (pre_ids and not toks[j][0].comma)) else None
        if head and not toks[j][0].hard or (head and j == i):
            hend, kind = head
            ids, end, names = self._keywords_after(toks, hend)
            ids |= pre_ids
            last = end if end is not None else hend
            if ids:
                if "other" in ids and len(ids) > 1:
                    ids.discard("other")
                if ids == {"other"} and kind == AGENCY:
                    ids = set()
                if ids:
                    alias = " ".join(toks[k][0].text for k in range(j, hend)) + ": " + "; ".join(pre_names + names)
                    candidates.append(Mention(tuple(sorted(ids)), i, last, self._sim(toks, i, last), alias))
            elif unknown and kind == HEAD and j == i:
                # an unknown ministry: the head and the capitalised words of its name
                k, end = hend, None
                while k < len(toks) and not toks[k][0].hard and not (toks[k][0].comma and k > hend):
                    t = toks[k][0]
                    if t.text in self.t.connectors and t.text not in self.t.conjunctions:
                        k += 1
                        continue
                    if t.raw[:1].isupper() and self._head_at(toks, k) is None:
                        end = k = k + 1
                        continue
                    break
                if end is not None:
                    candidates.append(Mention((), i, end, 0.0, ""))
        if not candidates:
            return None
        return max(candidates, key=lambda m: (m.last, len(m.ids), m.score))

    # -- API ----------------------------------------------------------------------------
    def scan(self, text: str, unknown: bool = True) -> tuple[list[Mention], list[tuple[Token, float]]]:
        toks = self._tokens(text)
        out: list[Mention] = []
        i = 0
        while i < len(toks):
            if self._is_conn(toks, i):
                i += 1
                continue
            m = self.mention_at(toks, i, unknown)
            if m:
                out.append(m)
                i = m.last
            else:
                i += 1
        return out, toks

    def resolve(self, name: str) -> tuple[tuple[str, ...], float, str]:
        """(ids, score, alias) for one name as written; ids () when unknown."""
        name = name.strip()
        folded = self.t.fold(name)
        if not folded:
            return (), 0.0, ""
        for key in (name, name.replace(".", "").replace(" ", "")):
            if key in self.t.abbrev:
                return tuple(sorted(self.t.abbrev[key])), 1.0, key
        if folded in self.t.exact:
            return tuple(sorted(self.t.exact[folded])), 1.0, folded
        toks = self._tokens(name)
        spans = self.country_spans(name)
        ignored = {k for k, (t, _) in enumerate(toks) if any(a <= t.start < b for a, b in spans)}
        words = [k for k in range(len(toks)) if not self._is_conn(toks, k) and k not in ignored]
        heads = {k: h for k in range(len(toks)) if (h := self._head_at(toks, k))}
        if any(kind == HEAD for _, kind in heads.values()):
            # a ministry: every remit keyword in its name counts, wherever it stands
            ids: set[str] = set()
            names: list[str] = []
            used = {k for k, (end, _) in heads.items() for k in range(k, end)}
            k = 0
            while k < len(toks):
                kw = self._longest(self.t.keywords, toks, k) if k not in ignored and k not in used else None
                if kw:
                    ids |= kw[1]
                    names.append(" ".join(kw[2]))
                    used.update(range(k, kw[0]))
                    k = kw[0]
                else:
                    k += 1
            if "other" in ids and len(ids) > 1:
                ids.discard("other")
            if not ids:
                return (), 0.0, ""  # a ministry whose remit the tables do not know
            coverage = len(used & set(words)) / max(1, len(words))
            score = min((toks[k][1] for k in used), default=1.0) * (0.85 + 0.15 * coverage)
            return tuple(sorted(ids)), round(score, 3), "; ".join(names)
        mentions, _ = self.scan(name, unknown=False)
        known = [m for m in mentions if m.ids]
        if known:
            covered = {k for m in known for k in range(m.first, m.last)}
            coverage = len(covered & set(words)) / max(1, len(words))
            if coverage >= 0.6:
                known_ids = sorted({i for m in known for i in m.ids})
                score = min(m.score for m in known) * (0.85 + 0.15 * coverage)
                return tuple(known_ids), round(score, 3), "; ".join(m.alias for m in known)
        if heads:
            return (), 0.0, ""  # an office or agency the tables do not know
        core = " ".join(toks[k][0].text for k in words)
        hit = self.t.fuzzy.best(core)
        if hit:
            return tuple(sorted(self.t.fuzzy_ids[hit.index])), round(hit.score, 3), self.t.fuzzy.choices[hit.index]
        return (), 0.0, ""
