"""Load the normalised dataset (normalized/answers.csv, else responses.csv) for the report.

The report reads the long table because only it carries each value's `status`: a value
with status `review` is still uncertain, and the report shows what every figure would be
if those values turned out otherwise. Without answers.csv the wide responses.csv is read
and every value counts as settled.

Survey cycles: answers.csv holds every cycle's current returns (its `cycle` column); a
report is of one cycle (`cycle`, by default the latest), so each country counts once.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from questionnaire_returns.write.cells import unquote_text

REVIEW = "review"
REVIEWED = ("confirmed", "corrected")  # a reviewer kept the value as read / set another


class ReportDataError(ValueError):
    """The dataset cannot be summarised; the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class Cell:
    value: str
    status: str = "auto"  # auto | review | confirmed | corrected

    @property
    def under_review(self) -> bool:
        return self.status == REVIEW


@dataclass
class Dataset:
    """One row per responding country: field -> Cell (absent fields are unanswered)."""

    rows: dict[str, dict[str, Cell]]
    source: Path
    required: tuple[str, ...] = ()  # fields every return must answer (review.required of config.yaml)
    warnings: list[str] = field(default_factory=list)
    cycle: str = ""  # the survey cycle summarised ('' when the dataset has no cycles)
    cycles: tuple[str, ...] = ()  # every cycle the dataset holds, oldest first
    submissions: dict[str, str] = field(default_factory=dict)  # country -> its return's submission_id

    @property
    def countries(self) -> list[str]:
        return sorted(self.rows, key=country_sort_key)

    def value(self, country: str, field_id: str) -> str | None:
        cell = self.rows[country].get(field_id)
        return cell.value if cell is not None else None

    def cell(self, country: str, field_id: str) -> Cell | None:
        return self.rows[country].get(field_id)

    def uncertain(self, country: str, field_id: str) -> bool:
        """Under review, or a required field the return leaves unanswered."""
        cell = self.rows[country].get(field_id)
        if cell is None:
            return field_id in self.required
        return cell.under_review

    def review_fields(self, country: str) -> list[str]:
        return sorted(f for f, c in self.rows[country].items() if c.under_review)

    def missing_required(self, country: str) -> list[str]:
        return [f for f in self.required if f not in self.rows[country]]

    def reviewed_counts(self) -> dict[str, int]:
        """How many values reviewers settled: {'confirmed': n, 'corrected': m}."""
        counts = dict.fromkeys(REVIEWED, 0)
        for row in self.rows.values():
            for cell in row.values():
                if cell.status in counts:
                    counts[cell.status] += 1
        return counts


def country_sort_key(name: str) -> str:
    """Alphabetical, with 'the former Yugoslav Republic of Macedonia' under F."""
    low = name.casefold()
    return low[4:] if low.startswith("the ") else low


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            # the dataset's CSVs are written formula-safe: read the text as it was
            return [{k: unquote_text(v) for k, v in rec.items()} for rec in csv.DictReader(fh)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ReportDataError(f"{path}: {exc}") from exc


def cycles_of(data_dir: Path) -> tuple[str, ...]:
    """The survey cycles data_dir's answers.csv (else responses.csv) holds, oldest first."""
    data_dir = Path(data_dir)
    path = data_dir / "answers.csv" if (data_dir / "answers.csv").exists() else data_dir / "responses.csv"
    if not path.exists():
        return ()
    return tuple(sorted({(r.get("cycle") or "").strip() for r in _read_csv(path)}))


def _pick_cycle(records: list[dict[str, str]], cycle: str | None, path: Path) -> tuple[list[dict[str, str]], str, tuple[str, ...]]:
    cycles = tuple(sorted({(r.get("cycle") or "").strip() for r in records}))
    if cycle is None:
        cycle = cycles[-1] if cycles else ""
    elif cycle not in cycles:
        raise ReportDataError(f"{path}: no returns of cycle {cycle!r} (the dataset holds "
                              f"{', '.join(repr(c) for c in cycles) or 'none'})")
    return [r for r in records if (r.get("cycle") or "").strip() == cycle], cycle, cycles


def load_dataset(data_dir: Path, required: tuple[str, ...] | list[str] | None = None,
                 cycle: str | None = None) -> Dataset:
    """Read data_dir/answers.csv (preferred) or data_dir/responses.csv.

    `required`: the fields a return must answer; by default review.required of config.yaml,
    the list the ingest's routing uses, so the report and the review queue agree.
    `cycle`: the survey cycle to summarise; by default the latest the dataset holds."""
    data_dir = Path(data_dir)
    if required is None:
        from questionnaire_returns.config import settings

        required = settings().review.required
    required = tuple(required)
    answers = data_dir / "answers.csv"
    responses = data_dir / "responses.csv"
    if answers.exists():
        return _from_answers(answers, required, cycle)
    if responses.exists():
        return _from_responses(responses, required, cycle)
    raise ReportDataError(f"{data_dir}: neither answers.csv nor responses.csv is there (run the pipeline first)")


def _from_answers(path: Path, required: tuple[str, ...], cycle: str | None = None) -> Dataset:
    records = _read_csv(path)
    if records and not {"field", "value"} <= set(records[0]):
        raise ReportDataError(f"{path}: the columns field and value are missing")
    records, cycle, cycles = _pick_cycle(records, cycle, path)
    rows: dict[str, dict[str, Cell]] = {}
    warnings: list[str] = []
    seen_submission: dict[str, str] = {}
    submissions: dict[str, str] = {}
    for rec in records:
        country = (rec.get("country") or "").strip() or (rec.get("submission_id") or "").strip()
        fid = (rec.get("field") or "").strip()
        value = (rec.get("value") or "").strip()
        if not country or not fid:
            continue
        sub = (rec.get("submission_id") or "").strip()
        if sub and seen_submission.setdefault(country, sub) != sub:
            warnings.append(f"{country}: more than one submission ({seen_submission[country]}, {sub}); the last row of each field is used")
            seen_submission[country] = sub
        row = rows.setdefault(country, {})
        if sub:
            submissions[country] = sub
        if fid == "country":
            continue
        if value == "":
            continue  # an empty value is an unanswered field
        status = (rec.get("status") or "auto").strip() or "auto"
        row[fid] = Cell(value, status)
    return Dataset(rows, path, required, sorted(set(warnings)), cycle, cycles, submissions)


def _from_responses(path: Path, required: tuple[str, ...], cycle: str | None = None) -> Dataset:
    records = _read_csv(path)
    if records and "country" not in records[0]:
        raise ReportDataError(f"{path}: the column country is missing")
    records, cycle, cycles = _pick_cycle(records, cycle, path)
    rows: dict[str, dict[str, Cell]] = {}
    for rec in records:
        country = (rec.get("country") or "").strip()
        if not country:
            continue
        rows[country] = {
            k: Cell(v.strip()) for k, v in rec.items()
            if k and k not in ("country", "cycle", "submission_id") and v is not None and v.strip()
        }
    return Dataset(rows, path, required, ["responses.csv read (answers.csv missing): no value is known to be under review"],
                   cycle, cycles, {r["country"].strip(): r.get("submission_id", "") for r in records if r.get("country")})
