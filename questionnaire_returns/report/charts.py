"""One horizontal bar chart per figure group (matplotlib, Agg backend)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402  (after the backend is chosen)

from questionnaire_returns.report.figures import FigureResult, Group  # noqa: E402

BAR = "#2f6f9f"
BAR_REVIEW = "#d08a1e"
RANGE = "#333333"


def chart_title(group: Group, results: list[FigureResult]) -> str:
    n = results[0].denominator if results else 0
    return f"{group.title}\n(n = {n} {group.population.short})"


def draw_group(group: Group, results: list[FigureResult], path: Path) -> Path:
    """Draw the group's figures as bars of their share, each labelled 'num/den = x%'."""
    rows = list(reversed(results))  # matplotlib draws bottom-up; keep the figure order top-down
    height = 1.2 + 0.42 * len(rows)
    fig = Figure(figsize=(8.6, height), dpi=110)
    ax = fig.add_subplot(1, 1, 1)
    y = range(len(rows))
    shares = [r.share or 0.0 for r in rows]
    colours = [BAR_REVIEW if r.uncertain else BAR for r in rows]
    ax.barh(list(y), shares, color=colours, height=0.62)
    any_range = False
    for i, r in enumerate(rows):
        if r.uncertain and r.share_min is not None and r.share_max is not None:
            any_range = True
            ax.plot([r.share_min, r.share_max], [i, i], color=RANGE, linewidth=1.4)
            ax.plot([r.share_min, r.share_max], [i, i], color=RANGE, marker="|", markersize=9, linestyle="none")
        share = "–" if r.share is None else f"{r.share:.1f}%"
        mark = " *" if r.uncertain else ""
        ax.text(min(max(shares[i], r.share_max or 0) + 1.5, 101), i, f"{r.numerator}/{r.denominator} = {share}{mark}",
                va="center", fontsize=8.5)
    ax.set_yticks(list(y))
    ax.set_yticklabels([textwrap.fill(r.spec.label, 34) for r in rows], fontsize=9)
    ax.set_xlim(0, 125)
    ax.set_xticks([0, 20, 40, 60, 80, 100])
    ax.set_xticklabels([f"{t}%" for t in (0, 20, 40, 60, 80, 100)], fontsize=8)
    ax.set_title(chart_title(group, results), fontsize=10.5, loc="left")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    if any_range:
        fig.text(0.01, 0.005, "* orange bars rest on values under review; the line spans the range the share could take",
                 fontsize=7.5, color="#8a5a00", va="bottom")
    fig.tight_layout(rect=(0, 0.03 if any_range else 0, 1, 1))
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png")
    return path
