"""build_report: the summary report's tables, figures, charts, HTML and data-quality files."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import re
from concurrent.futures import Executor
from pathlib import Path

from jinja2 import Environment, select_autoescape
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from questionnaire_returns.dictionary import ABBREVIATIONS, short_title
from questionnaire_returns.report.charts import draw_group
from questionnaire_returns.report.data import Dataset, load_dataset
from questionnaire_returns.report.figures import GROUPS, FigureResult, compute_figures, label
from questionnaire_returns.report.tables import REVIEW_COLUMN, Table, build_tables
from questionnaire_returns.write.cells import put_xlsx, safe_text

FIGURE_COLUMNS = [
    "figure", "group", "label", "definition", "numerator", "denominator", "share",
    "text", "share_min", "share_max", "values_under_review", "review_values", "range",
]
QUALITY_COLUMNS = [
    "section", "item", "count", "fields", "missing_required", "share", "share_min", "share_max", "text",
]
SHEET_NAMES = {"overview": "Overview", "ncm": "NCM", "nap": "NAP", "nrm": "NRM"}
REVIEW_FILL = PatternFill("solid", fgColor="FFE8B0")
HEADER_FILL = PatternFill("solid", fgColor="DDE6EE")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")  # one style object for every wrapped cell: building one a cell cost ~0.2 s a report


def _fmt(share: float | None) -> str:
    return "" if share is None else f"{share:.1f}"


def _share(share: float | None) -> float | str:
    """A share as a number (one decimal): a number in report.xlsx, '50.0' in the CSVs; '' when none."""
    return "" if share is None else round(share, 1)


def _review_values(r: FigureResult) -> str:
    return "; ".join(
        f"{c}: {short_title(f[len('missing:'):])} (missing)" if f.startswith("missing:") else f"{c}: {short_title(f)}"
        for c, f in r.uncertain
    )


def figure_name(r: FigureResult) -> str:
    """A figure as people call it: its group's title and its label ('Coverage of the national action plan: implementation timeline')."""
    from questionnaire_returns.report.figures import GROUP_BY_ID

    group = GROUP_BY_ID.get(r.spec.group)
    return f"{group.title}: {r.spec.label}" if group is not None and group.id != "existence" else r.spec.label


def figure_rows(results: list[FigureResult]) -> list[list]:
    return [
        [
            r.spec.id, r.spec.group, r.spec.label, r.definition, r.numerator, r.denominator, _share(r.share),
            r.text, _share(r.share_min), _share(r.share_max), len(r.uncertain), _review_values(r), r.range_text,
        ]
        for r in results
    ]


def quality_rows(ds: Dataset, results: list[FigureResult]) -> list[list]:
    rows: list[list] = []
    for country in ds.countries:
        review, missing = ds.review_fields(country), ds.missing_required(country)
        rows.append(["country", country, len(review) + len(missing), "; ".join(short_title(f) for f in review),
                     "; ".join(short_title(f) for f in missing),
                     "", "", "", f"{country}: {len(review)} field(s) under review"
                     + (f", {len(missing)} required answer(s) missing" if missing else "")])
    reviewed = ds.reviewed_counts()
    rows.append(["reviewed", "confirmed", reviewed["confirmed"], "", "", "", "", "",
                 f"{reviewed['confirmed']} value(s) confirmed by a reviewer as read"])
    rows.append(["reviewed", "corrected", reviewed["corrected"], "", "", "", "", "",
                 f"{reviewed['corrected']} value(s) corrected by a reviewer"])
    for r in results:
        rows.append(["figure", r.spec.id, len(r.uncertain), _review_values(r), "", _share(r.share),
                     _share(r.share_min), _share(r.share_max), r.full_text])
    return rows


def _write_csv(path: Path, header: list[str], rows: list[list]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow([safe_text(h) for h in header])
        for row in rows:
            writer.writerow([safe_text(v) for v in row])
    return path


_INTEGER = re.compile(r"-?\d{1,9}")
_DECIMAL = re.compile(r"-?\d+\.\d+")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)%")


def _typed(value):
    """A table cell as Excel should hold it: a year or count as an integer, '20%' as 0.2 shown as a
    percentage, any other text as text (so Excel can sum, sort and chart the numbers)."""
    if not isinstance(value, str):
        return value, None
    if _INTEGER.fullmatch(value):
        return int(value), None
    if _DECIMAL.fullmatch(value):
        return float(value), None
    m = _PERCENT.fullmatch(value)
    if m:
        return float(m.group(1)) / 100, "0%" if float(m.group(1)).is_integer() else "0.0%"
    return value, None


def _sheet(wb: Workbook, title: str, header: list[str], rows: list[list], widths: list[int],
           flagged: list[set[int]] | None = None):
    ws = wb.create_sheet(title)
    for j, h in enumerate(header, start=1):
        cell = put_xlsx(ws, 1, j, h)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = WRAP_TOP
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            value, number_format = _typed(value)
            cell = put_xlsx(ws, i + 2, j + 1, value)  # text never a formula, whatever it says
            if number_format:
                cell.number_format = number_format
            cell.alignment = WRAP_TOP
            if flagged is not None and j in flagged[i]:
                cell.fill = REVIEW_FILL
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    return ws


def write_xlsx(path: Path, tables: list[Table], results: list[FigureResult], quality: list[list]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for t in tables:
        widths = [c.width for c in t.columns] + [30]
        _sheet(wb, SHEET_NAMES[t.id], t.headers, t.records(), widths, [f | set() for f in t.flagged])
    _sheet(wb, "Figures", FIGURE_COLUMNS, figure_rows(results),
           [28, 18, 30, 70, 11, 12, 8, 44, 10, 10, 12, 40, 44])
    _sheet(wb, "Data quality", QUALITY_COLUMNS, quality, [9, 30, 8, 50, 24, 8, 10, 10, 70])
    wb.save(path)
    return path


def _template() -> str:
    return (Path(__file__).with_name("template.html")).read_text(encoding="utf-8")


def write_html(path: Path, ds: Dataset, tables: list[Table], results: list[FigureResult],
               charts: dict[str, Path], generated: dt.datetime) -> Path:
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    template = env.from_string(_template())
    groups = []
    for g in GROUPS:
        rs = [r for r in results if r.spec.group == g.id]
        svg = charts.get(g.id)
        groups.append({
            "group": g,
            "results": rs,
            "n": rs[0].denominator if rs else 0,
            "chart": base64.b64encode(svg.read_bytes()).decode("ascii") if svg else None,
            "uncertain": any(r.uncertain for r in rs),
        })
    types = [ds.value(c, "respondent_type") for c in ds.countries]
    country_quality = [
        {"country": c, "review": ds.review_fields(c), "missing": ds.missing_required(c)} for c in ds.countries
    ]
    html = template.render(
        title="Co-ordinating and reporting on efforts to combat trafficking in human beings: summary of the returns",
        generated=generated.strftime("%Y-%m-%d %H:%M"),
        source=ds.source.name,
        cycle=ds.cycle,
        abbreviations=ABBREVIATIONS,
        figure_name=figure_name,
        respondents=len(ds.countries),
        participating=sum(1 for t in types if t == "participating_state"),
        partners=sum(1 for t in types if t == "partner_for_cooperation"),
        groups=groups,
        tables=tables,
        review_column=REVIEW_COLUMN,
        results=results,
        headline=[r for r in results if r.spec.group == "existence"],
        uncertain_results=[r for r in results if r.uncertain],
        country_quality=country_quality,
        review_total=sum(len(q["review"]) for q in country_quality),
        missing_total=sum(len(q["missing"]) for q in country_quality),
        review_countries=sum(1 for q in country_quality if q["review"] or q["missing"]),
        reviewed=ds.reviewed_counts(),
        warnings=ds.warnings,
        label=label,
        review_values=_review_values,
        fmt=_fmt,
    )
    path.write_text(html, encoding="utf-8")
    return path


def build_report(data_dir: Path | None = None, out_dir: Path | None = None,
                 required: list[str] | tuple[str, ...] | None = None, cycle: str | None = None,
                 raw_dir: Path | None = None, review_url: str | None = None,
                 pool: Executor | None = None) -> dict[str, Path]:
    """Summarise the dataset in data_dir into out_dir; return each file written by name.

    data_dir defaults to the configured normalized/ folder, out_dir to normalized/report/;
    `required` (default: review.required of config.yaml) names the fields a return must
    answer: one it leaves out counts as unknown in the figures' ranges. `cycle`: the survey
    cycle summarised (default: the latest); with more than one cycle in the dataset,
    comparison.html and comparison.xlsx set the cycles side by side. compilation.html and
    compilation.xlsx list the answers by question, each linked to the review app (`review_url`,
    default report.review_url of config.yaml) and to its file under `raw_dir` (default paths.raw).
    With a process `pool` (the ingest's), the compilation is built in one of its processes while
    this one builds the rest: it is about half of the build.
    """
    if data_dir is None or required is None or raw_dir is None or review_url is None:
        from questionnaire_returns.config import settings

        try:
            s = settings()
            data_dir = Path(data_dir) if data_dir is not None else s.path("normalized")
            required = required if required is not None else (tuple(s.review.required) or None)
            raw_dir = raw_dir if raw_dir is not None else s.path("raw")
            review_url = review_url if review_url is not None else s.report.review_url
        except Exception:  # a broken config.yaml must not stop a report of explicit paths
            if data_dir is None:
                raise
    data_dir = Path(data_dir)
    out_dir = Path(out_dir) if out_dir is not None else data_dir / "report"
    ds = load_dataset(data_dir, required, cycle)
    out_dir.mkdir(parents=True, exist_ok=True)
    charts_dir = out_dir / "charts"
    charts_dir.mkdir(exist_ok=True)
    for old in charts_dir.glob("*.png"):  # drawn by an earlier version (matplotlib): the charts are SVG now
        old.unlink()

    generated = dt.datetime.now()
    from questionnaire_returns.report.compilation import build_compilation

    compilation = (pool.submit(build_compilation, data_dir, out_dir, ds.cycle, generated, raw_dir, review_url or "")
                   if pool is not None else None)
    results = compute_figures(ds)
    tables = build_tables(ds)
    quality = quality_rows(ds, results)
    files: dict[str, Path] = {}

    for t in tables:
        files[f"table_{t.id}"] = _write_csv(out_dir / f"table_{t.id}.csv", t.headers, t.records())
    files["figures"] = _write_csv(out_dir / "figures.csv", FIGURE_COLUMNS, figure_rows(results))
    files["data_quality"] = _write_csv(out_dir / "data_quality.csv", QUALITY_COLUMNS, quality)
    files["xlsx"] = write_xlsx(out_dir / "report.xlsx", tables, results, quality)

    charts: dict[str, Path] = {}
    for g in GROUPS:
        rs = [r for r in results if r.spec.group == g.id]
        if rs:
            charts[g.id] = draw_group(g, rs, charts_dir / f"{g.id}.svg")
            files[f"chart_{g.id}"] = charts[g.id]
    files["html"] = write_html(out_dir / "report.html", ds, tables, results, charts, generated)
    if compilation is not None:
        files.update(compilation.result())
    else:
        files.update(build_compilation(data_dir, out_dir, ds.cycle, generated, raw_dir, review_url or ""))
    if len(ds.cycles) > 1:
        from questionnaire_returns.report.comparison import build_comparison

        datasets = {c: ds if c == ds.cycle else load_dataset(data_dir, ds.required, c) for c in ds.cycles}
        files.update(build_comparison(datasets, out_dir, generated))
    return files
