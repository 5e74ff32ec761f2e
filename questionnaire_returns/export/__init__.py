"""`returns export`: the dataset in the formats analysts load, in normalized/export/.

    responses.dta      Stata, variable and value labels (export/labelled.py)
    responses.sav      SPSS, variable and value labels (export/labelled.py)
    dataset.xlsx       answers, responses and dictionary sheets, typed, filterable (export/workbook.py)
    responses.parquet  typed: integer years, booleans for yes/no, lists as lists (export/typed.py)
    answers.csv, responses.csv   with a byte-order mark, for Excel on Windows (--format csv)

Every export is made from the published files (responses.csv, answers.csv), so it shows
the reviewers' corrections; labels and descriptions come from the schema.
"""

from __future__ import annotations

from pathlib import Path

from questionnaire_returns.write.cells import read_csv

FORMATS = ("stata", "spss", "xlsx", "parquet", "csv")
FILES = {"stata": ("responses.dta",), "spss": ("responses.sav",), "xlsx": ("dataset.xlsx",),
         "parquet": ("responses.parquet",), "csv": ("answers.csv", "responses.csv")}


class ExportError(ValueError):
    """The dataset cannot be exported; the message names the file and the reason."""


def _read(path: Path):
    try:
        return read_csv(path)
    except (OSError, ValueError) as exc:
        raise ExportError(f"{path}: {exc} (run `returns ingest` first)") from exc


def export_dataset(data_dir: Path, formats: tuple[str, ...] | list[str] = FORMATS,
                   out_dir: Path | None = None) -> dict[str, Path]:
    """Write the chosen formats into out_dir (default data_dir/export/); {file name: path}."""
    from questionnaire_returns.write.cells import write_csv

    data_dir = Path(data_dir)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ExportError(f"unknown format {', '.join(unknown)} (choose from {', '.join(FORMATS)})")
    out_dir = Path(out_dir) if out_dir is not None else data_dir / "export"
    out_dir.mkdir(parents=True, exist_ok=True)
    responses = _read(data_dir / "responses.csv")
    answers = _read(data_dir / "answers.csv") if {"xlsx", "csv"} & set(formats) else None
    written: dict[str, Path] = {}
    if "stata" in formats:
        from questionnaire_returns.export.labelled import write_stata

        written["responses.dta"] = write_stata(responses, out_dir / "responses.dta")
    if "spss" in formats:
        from questionnaire_returns.export.labelled import write_spss

        written["responses.sav"] = write_spss(responses, out_dir / "responses.sav")
    if "xlsx" in formats:
        from questionnaire_returns.export.workbook import write_workbook

        written["dataset.xlsx"] = write_workbook(responses, answers, out_dir / "dataset.xlsx")
    if "parquet" in formats:
        from questionnaire_returns.export.typed import arrow_schema, typed_responses

        typed = typed_responses(responses)
        path = out_dir / "responses.parquet"
        _write_typed_parquet(typed, arrow_schema(typed), path)
        written["responses.parquet"] = path
    if "csv" in formats:
        for name, df in (("answers.csv", answers), ("responses.csv", responses)):
            write_csv(df, out_dir / name, bom=True)
            written[name] = out_dir / name
    return written


def _write_typed_parquet(df, schema, path: Path) -> None:
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    from questionnaire_returns.atomic_files import write_bytes

    table = pa.Table.from_pandas(df, schema=schema, preserve_index=False)
    buf = io.BytesIO()
    pq.write_table(table, buf)
    write_bytes(path, buf.getvalue())
