"""comparison.html / comparison.xlsx: the survey cycles side by side.

Per country and field, the value each cycle's return gives and what changed (`changed`:
the cycles' values differ; `new`: answered only in a later cycle; `dropped`: answered
before, not in a later return; `same`); and the report's figures computed for each cycle,
side by side. Written by `returns report` when the dataset holds more than one cycle.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, select_autoescape
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from questionnaire_returns import dictionary
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.report.data import Dataset, country_sort_key
from questionnaire_returns.report.figures import FigureResult, compute_figures
from questionnaire_returns.write.cells import put_xlsx

CHANGED, NEW, DROPPED, SAME = "changed", "new", "dropped", "same"
NO_RETURN = "(no return)"
HEADER_FILL = PatternFill("solid", fgColor="DDE6EE")
CHANGE_FILL = PatternFill("solid", fgColor="FFE8B0")


@dataclass
class FieldChange:
    country: str
    field: str
    values: dict[str, str | None]  # cycle -> value (None: unanswered; NO_RETURN: no return that cycle)
    change: str

    @property
    def question(self) -> str:
        return dictionary.entry(self.field).question


def _change(values: list[str | None]) -> str:
    """What changed across a country's returns (cycles without a return left out), oldest first."""
    if len(set(values)) <= 1:
        return SAME
    answered = [v for v in values if v is not None]
    if values[0] is None and len(set(answered)) == 1 and values[-1] is not None:
        return NEW
    if values[-1] is None and len(set(answered)) == 1:
        return DROPPED
    return CHANGED


def field_changes(datasets: dict[str, Dataset]) -> list[FieldChange]:
    """Every (country, field) answered in some cycle, with each cycle's value and the change."""
    cycles = list(datasets)
    countries = sorted({c for ds in datasets.values() for c in ds.rows}, key=country_sort_key)
    out: list[FieldChange] = []
    for country in countries:
        returned = [c for c in cycles if country in datasets[c].rows]
        fields = {f for c in returned for f in datasets[c].rows[country]}
        for field in (f for f in CONTRACT.fields if f in fields):
            values: dict[str, str | None] = {
                c: (datasets[c].value(country, field) if c in returned else NO_RETURN) for c in cycles}
            change = _change([values[c] for c in returned]) if len(returned) > 1 else SAME
            out.append(FieldChange(country, field, values, change))
    return out


def figures_by_cycle(datasets: dict[str, Dataset]) -> list[tuple[FigureResult, dict[str, FigureResult]]]:
    """Each figure with its result in every cycle (the first cycle's figure names the row)."""
    results = {c: compute_figures(ds) for c, ds in datasets.items()}
    first = next(iter(results.values()))
    return [(r, {c: results[c][i] for c in results}) for i, r in enumerate(first)]


def _shown(field: str, value: str | None) -> str:
    if value is None:
        return ""
    if value == NO_RETURN:
        return value
    return dictionary.label(field, value)


def _figure_text(r: FigureResult) -> str:
    share = "–" if r.share is None else f"{r.share:.1f}%"
    mark = " (under review)" if r.uncertain else ""
    return f"{r.numerator}/{r.denominator} = {share}{mark}"


def write_comparison_xlsx(path: Path, datasets: dict[str, Dataset], changes: list[FieldChange],
                          figures: list[tuple[FigureResult, dict[str, FigureResult]]]) -> Path:
    cycles = list(datasets)
    wb = Workbook()
    wb.remove(wb.active)

    def sheet(title: str, header: list[str], rows: list[list], flag_col: int | None = None) -> None:
        ws = wb.create_sheet(title)
        for j, h in enumerate(header, start=1):
            cell = put_xlsx(ws, 1, j, h)
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
        for i, row in enumerate(rows, start=2):
            for j, value in enumerate(row, start=1):
                cell = put_xlsx(ws, i, j, value)
                if flag_col is not None and j - 1 == flag_col and value not in (SAME, ""):
                    cell.fill = CHANGE_FILL
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(len(rows) + 1, 1)}"
        for j in range(1, len(header) + 1):
            ws.column_dimensions[get_column_letter(j)].width = 22 if j > 3 else 26

    sheet("Fields", ["country", "field", "question", *cycles, "change"],
          [[ch.country, ch.field, ch.question, *(_shown(ch.field, ch.values[c]) for c in cycles), ch.change]
           for ch in changes], flag_col=3 + len(cycles))
    fig_rows: list[list] = []
    for r, by in figures:
        row: list = [r.spec.id, r.spec.label]
        for c in cycles:
            x = by[c]
            row += [x.numerator, x.denominator, x.share if x.share is not None else ""]
        fig_rows.append(row)
    header = ["figure", "label"] + [f"{c} {what}" for c in cycles for what in ("numerator", "denominator", "share %")]
    sheet("Figures", header, fig_rows)
    wb.save(path)
    return path


TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>{{ title }}</title>
<style>
 body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1d232a; margin: 0; font-size: 14px; }
 main { max-width: 1200px; margin: 0 auto; padding: 24px 28px 60px; }
 h1 { font-size: 22px; } h2 { font-size: 18px; border-bottom: 2px solid #2f6f9f; padding-bottom: 4px; margin-top: 32px; }
 table { border-collapse: collapse; font-size: 12.5px; margin: 8px 0 14px; }
 th, td { border: 1px solid #cfd6dd; padding: 3px 7px; vertical-align: top; text-align: left; }
 th { background: #dde6ee; position: sticky; top: 0; }
 td.num { text-align: right; white-space: nowrap; }
 tr.changed td.change, tr.new td.change, tr.dropped td.change { background: #ffe8b0; font-weight: bold; }
 .meta { color: #555; } .small { font-size: 12px; }
</style></head><body><main>
<h1>{{ title }}</h1>
<p class="meta">Generated {{ generated }} &middot; cycles {{ cycles|join(', ') }} &middot;
 {{ changed|length }} field{{ 's' if changed|length != 1 }} changed in {{ changed_countries }} countr{{ 'ies' if changed_countries != 1 else 'y' }}</p>
<p class="small">NCM: national co-ordination mechanism; NAP: national action plan; NRM: national reporting
 mechanism (a national rapporteur or equivalent). A change is read between a country's returns; "(no return)": the
 country sent none that cycle. Every field, changed or not, is in comparison.xlsx.</p>
<h2 id="figures">The report's figures by cycle</h2>
<table id="figures-by-cycle"><thead><tr><th>Figure</th>{% for c in cycles %}<th>{{ c }}</th>{% endfor %}</tr></thead><tbody>
{% for r, by in figures %}<tr><td>{{ r.spec.label }} <span class="small">({{ r.spec.group }})</span></td>
{% for c in cycles %}<td class="num">{{ figure_text(by[c]) }}</td>{% endfor %}</tr>
{% endfor %}</tbody></table>
<h2 id="changes">What changed, by country and field</h2>
<table id="changes-table"><thead><tr><th>Country</th><th>Field</th><th>Q</th>{% for c in cycles %}<th>{{ c }}</th>{% endfor %}<th>Change</th></tr></thead><tbody>
{% for ch in changed %}<tr class="{{ ch.change }}" data-country="{{ ch.country }}" data-field="{{ ch.field }}">
<td>{{ ch.country }}</td><td>{{ ch.field }}</td><td>{{ ch.question }}</td>
{% for c in cycles %}<td>{{ shown(ch.field, ch.values[c]) }}</td>{% endfor %}<td class="change">{{ ch.change }}</td></tr>
{% endfor %}</tbody></table>
</main></body></html>
"""


def write_comparison_html(path: Path, datasets: dict[str, Dataset], changes: list[FieldChange],
                          figures: list[tuple[FigureResult, dict[str, FigureResult]]], generated: dt.datetime) -> Path:
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    changed = [ch for ch in changes if ch.change != SAME]
    html = env.from_string(TEMPLATE).render(
        title="Returns compared across survey cycles", generated=generated.strftime("%Y-%m-%d %H:%M"),
        cycles=list(datasets), figures=figures, changed=changed,
        changed_countries=len({ch.country for ch in changed}), shown=_shown, figure_text=_figure_text,
    )
    path.write_text(html, encoding="utf-8")
    return path


def build_comparison(datasets: dict[str, Dataset], out_dir: Path, generated: dt.datetime) -> dict[str, Path]:
    """Write comparison.html and comparison.xlsx for the cycles' datasets (oldest first)."""
    changes = field_changes(datasets)
    figures = figures_by_cycle(datasets)
    return {
        "comparison_html": write_comparison_html(out_dir / "comparison.html", datasets, changes, figures, generated),
        "comparison_xlsx": write_comparison_xlsx(out_dir / "comparison.xlsx", datasets, changes, figures),
    }
