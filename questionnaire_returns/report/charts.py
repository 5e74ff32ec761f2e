"""One horizontal bar chart per figure group, written as SVG text.

The charts were drawn with matplotlib (PNG); importing it and laying out 14 figures took about
a third of the report's build, itself a third of an ingest of 100 short returns. These charts
are bars, lines and labels on a fixed grid: written directly as SVG they cost milliseconds,
stay sharp at any zoom and open in every browser and office suite.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from xml.sax.saxutils import escape

from questionnaire_returns.report.figures import FigureResult, Group

BAR = "#2f6f9f"
BAR_REVIEW = "#d08a1e"
RANGE = "#333333"
GRID = "#dddddd"
NOTE = "#8a5a00"
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"

WIDTH = 946  # px: the former 8.6 in at 110 dpi
ROW = 46  # px per figure
TOP = 58  # the two-line title
BOTTOM = 34  # the axis' labels
NOTE_H = 18  # the footnote on ranges
RIGHT = 16
LABEL_WRAP = 34  # characters per line of a figure's label
LABEL_PX = 12.5  # font size of the labels
CHAR_W = 0.56  # average glyph width of a sans-serif font, in em
X_MAX = 125  # the axis runs to 125 %, leaving room for the 'num/den = x%' text right of a full bar
TICKS = (0, 20, 40, 60, 80, 100)


def chart_title(group: Group, results: list[FigureResult]) -> str:
    n = results[0].denominator if results else 0
    return f"{group.title}\n(n = {n} {group.population.short})"


def _text(x: float, y: float, s: str, size: float, anchor: str = "start", fill: str = "#000000",
          weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}" '
            f'font-weight="{weight}" dominant-baseline="middle">{escape(s)}</text>')


def chart_svg(group: Group, results: list[FigureResult]) -> str:
    """The group's figures as bars of their share, top-down in the figures' order, each labelled
    'num/den = x%'; a figure resting on values under review is orange, with the range its share
    could take drawn as a line."""
    labels = [textwrap.wrap(r.spec.label, LABEL_WRAP) or [""] for r in results]
    left = 14 + max(len(line) for ls in labels for line in ls) * LABEL_PX * CHAR_W
    any_range = any(r.uncertain and r.share_min is not None and r.share_max is not None for r in results)
    height = TOP + ROW * len(results) + BOTTOM + (NOTE_H if any_range else 0)
    plot_w = WIDTH - left - RIGHT
    plot_bottom = TOP + ROW * len(results)

    def x(share: float) -> float:
        return left + plot_w * max(0.0, min(share, X_MAX)) / X_MAX

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}" font-family="{FONT}">',
           f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>']
    title, sub = chart_title(group, results).split("\n")
    out.append(_text(8, 16, title, 14.5, weight="bold"))
    out.append(_text(8, 36, sub, 13))
    for t in TICKS:  # the grid under the bars
        out.append(f'<line x1="{x(t):.1f}" y1="{TOP}" x2="{x(t):.1f}" y2="{plot_bottom}" stroke="{GRID}" stroke-width="0.8"/>')
        out.append(_text(x(t), plot_bottom + 14, f"{t}%", 11, anchor="middle"))
    out.append(f'<line x1="{left:.1f}" y1="{TOP}" x2="{left:.1f}" y2="{plot_bottom}" stroke="#000000" stroke-width="0.8"/>')
    out.append(f'<line x1="{left:.1f}" y1="{plot_bottom}" x2="{x(X_MAX):.1f}" y2="{plot_bottom}" stroke="#000000" '
               'stroke-width="0.8"/>')
    for i, (r, lines) in enumerate(zip(results, labels)):
        mid = TOP + ROW * i + ROW / 2
        share = r.share or 0.0
        bar_h = ROW * 0.62
        colour = BAR_REVIEW if r.uncertain else BAR
        out.append(f'<rect x="{left:.1f}" y="{mid - bar_h / 2:.1f}" width="{x(share) - left:.1f}" height="{bar_h:.1f}" '
                   f'fill="{colour}"/>')
        first = mid - (len(lines) - 1) * LABEL_PX * 0.6
        for k, line in enumerate(lines):
            out.append(_text(left - 6, first + k * LABEL_PX * 1.2, line, LABEL_PX, anchor="end"))
        if r.uncertain and r.share_min is not None and r.share_max is not None:
            x0, x1 = x(r.share_min), x(r.share_max)
            out.append(f'<line x1="{x0:.1f}" y1="{mid:.1f}" x2="{x1:.1f}" y2="{mid:.1f}" stroke="{RANGE}" stroke-width="2"/>')
            for xe in (x0, x1):
                out.append(f'<line x1="{xe:.1f}" y1="{mid - 7:.1f}" x2="{xe:.1f}" y2="{mid + 7:.1f}" stroke="{RANGE}" '
                           'stroke-width="1.6"/>')
        value = "–" if r.share is None else f"{r.share:.1f}%"
        mark = " *" if r.uncertain else ""
        at = min(max(share, r.share_max or 0) + 1.5, 101)
        out.append(_text(x(at), mid, f"{r.numerator}/{r.denominator} = {value}{mark}", 12))
    if any_range:
        out.append(_text(8, height - NOTE_H / 2, "* orange bars rest on values under review; the line spans the range "
                         "the share could take", 10.5, fill=NOTE))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def draw_group(group: Group, results: list[FigureResult], path: Path) -> Path:
    """Write the group's chart (chart_svg) to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(chart_svg(group, results), encoding="utf-8")
    return path
