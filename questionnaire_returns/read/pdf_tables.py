"""Ruled tables' cells, from the page's ruling lines and pdfium's text inside each cell.

A grid is rebuilt the way pdfplumber's 'lines' strategy does (ruling lines joined into
cells, horizontally merged cells kept whole), but from the segments pdf_shapes already
read, so a table costs about a millisecond where pdfplumber's layout parse costs a
hundred. The cells' text also stays in the document's lines.

The grid joins rules that meet within TOL. A drawn line that stops a little further from
the rule it should meet (more than TOL, at most NEAR) may be a corner drawn carelessly,
which pdfplumber's tolerances (snap, join and intersection, 3 points each) still join: the
page's tables are then `unsure`, and pdf.py takes pdfplumber's (read/pdf_plumber.py). The
edges of closed rectangles (cells drawn one by one, a form's field boxes stacked a few
points apart) are whole already and are not suspected.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from questionnaire_returns.records import BBox, Table
from questionnaire_returns.read.pdf_text import PageFrame, clean

TOL = 2.0  # points: rules this close are one rule, and a rule may stop this short of a corner
NEAR = 6.0  # points: a rule ending this close to another, but further than TOL, is a near miss


@dataclass
class PageTables:
    """The tables the fast grid found, and why it may have got them wrong ('' when sure)."""

    tables: list[Table] = field(default_factory=list)
    unsure: str = ""


def page_tables(rules, textpage, frame: PageFrame, page_no: int, loose=None) -> PageTables:
    """Tables of at least two rows and two columns drawn by `rules` (see Shapes.rules); a near
    miss is looked for at the ends of the `loose` ones (Shapes.loose_rules; all when None)."""
    hs, vs = _merge(rules, "h"), _merge(rules, "v")
    if len(hs) < 2 or len(vs) < 2:
        return PageTables()
    cells = _cells(hs, vs)
    tables = []
    for group in _connected(cells):
        table = _table(group, textpage, frame, page_no)
        if table is not None:
            tables.append(table)
    loose = rules if loose is None else loose
    return PageTables(by_top(tables),
                      _near_miss(_merge(loose, "h"), vs) or _near_miss_v(_merge(loose, "v"), hs))


def _near_miss(hs, vs) -> str:
    """'' when no horizontal rule of `hs` stops short of a vertical rule of `vs` by more than TOL and
    at most NEAR (a rule running on past another is fine); else where the first such near miss is."""
    for y, spans in hs.items():
        for x, vspans in vs.items():
            for a, b in spans:
                short = [g for g in (a - x, x - b) if TOL < g <= NEAR]
                if short and any(t - TOL <= y <= bottom + TOL for t, bottom in vspans):
                    return f"a horizontal rule at y={y:.1f} stops {short[0]:.1f} pt short of the vertical rule at x={x:.1f}"
    return ""


def _near_miss_v(vs, hs) -> str:
    """The same for vertical rules stopping short of horizontal ones."""
    for x, spans in vs.items():
        for y, hspans in hs.items():
            for t, bottom in spans:
                short = [g for g in (t - y, y - bottom) if TOL < g <= NEAR]
                if short and any(a - TOL <= x <= b + TOL for a, b in hspans):
                    return f"a vertical rule at x={x:.1f} stops {short[0]:.1f} pt short of the horizontal rule at y={y:.1f}"
    return ""


def _merge(rules, kind: str) -> dict[float, list[tuple[float, float]]]:
    """Rules of one direction: position -> merged intervals along the rule."""
    found = sorted((r[1], r[2], r[3]) for r in rules if r[0] == kind)
    out: dict[float, list[tuple[float, float]]] = {}
    key = None
    for pos, a, b in found:
        if key is None or pos - key > TOL:
            key = pos
            out[key] = []
        out[key].append((a, b))
    for key, spans in out.items():
        spans.sort()
        merged = [list(spans[0])]
        for a, b in spans[1:]:
            if a <= merged[-1][1] + TOL:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        out[key] = [(m[0], m[1]) for m in merged]
    return out


def _covers(spans, a: float, b: float) -> bool:
    return any(s <= a + TOL and e >= b - TOL for s, e in spans)


def _cells(hs, vs) -> list[BBox]:
    """Every cell: a top rule, a left rule, and the nearest right and bottom rules closing it."""
    ys, xs = sorted(hs), sorted(vs)
    cells = []
    for i, top in enumerate(ys):
        for j, left in enumerate(xs):
            if not _covers(vs[left], top, top + TOL * 2):
                continue
            right = next((x for x in xs[j + 1:] if _covers(vs[x], top, top + TOL * 2) and _covers(hs[top], left, x)), None)
            if right is None:
                continue
            bottom = next((y for y in ys[i + 1:] if _covers(hs[y], left, right)), None)
            if bottom is not None and _covers(vs[left], top, bottom) and _covers(vs[right], top, bottom):
                cells.append((left, top, right, bottom))
    return cells


def _connected(cells: list[BBox]) -> list[list[BBox]]:
    """Cells that touch belong to one table."""
    groups: list[list[BBox]] = []
    for cell in cells:
        near = [g for g in groups if any(_touch(cell, c) for c in g)]
        merged = [cell] + [c for g in near for c in g]
        groups = [g for g in groups if g not in near] + [merged]
    return groups


def _touch(a: BBox, b: BBox) -> bool:
    return a[0] <= b[2] + TOL and b[0] <= a[2] + TOL and a[1] <= b[3] + TOL and b[1] <= a[3] + TOL


def _table(cells: list[BBox], textpage, frame: PageFrame, page_no: int) -> Table | None:
    columns = sorted({round(c[0], 1) for c in cells})
    tops = sorted({round(c[1], 1) for c in cells})
    if len(columns) < 2 or len(tops) < 2:
        return None
    grid = [[""] * len(columns) for _ in tops]
    for c in cells:
        grid[tops.index(round(c[1], 1))][columns.index(round(c[0], 1))] = _text(c, textpage, frame)
    bbox = (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells))
    return Table(tuple(tuple(row) for row in grid), page_no, rounded(bbox))


def rounded(box: BBox) -> BBox:
    """A table's box to 0.01 pt, as Table records keep it."""
    return (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))


def by_top(tables: list[Table]) -> list[Table]:
    """A page's tables from the top down."""
    return sorted(tables, key=_top)


def _top(table: Table) -> float:
    assert table.bbox is not None, "a table read from a page keeps its box"
    return table.bbox[1]


def _text(cell: BBox, textpage, frame: PageFrame) -> str:
    x0, top, x1, bottom = cell
    raw = textpage.get_text_bounded(frame.left + x0 + 0.5, frame.top - bottom + 0.5, frame.left + x1 - 0.5, frame.top - top - 0.5)
    return " ".join(clean(raw or "").split())  # ticks are normalised with the whole document's rule, in pdf.py
