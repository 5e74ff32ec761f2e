"""datapackage.json: the dataset described as a Frictionless data package.

Written with the dataset (publish) so that an analyst's tool (frictionless, pandas via
frictionless, R's frictionless, Open Data editors) knows every column of the CSVs: its
type, its description, its unit, and for a coded field its codes (an `enum` constraint)
with their labels (`categories`). Field descriptions, units and labels come from the
schema through questionnaire_returns.dictionary, the one source every output reads.

Columns are described as the files hold them: a CSV's header says which columns a
resource has, so the descriptor always matches the files it sits beside.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from questionnaire_returns import dictionary
from questionnaire_returns.atomic_files import write_text

NAME = "datapackage.json"
STATUSES = ["auto", "review", "confirmed", "corrected"]
LEDGER_STATUSES = ["return", "superseded", "duplicate", "attachment", "failed"]
YEAR_RANGE = (1800, 2099)

# the dataset's own columns (all but the contract's fields): (type, description, extra properties)
_COLUMNS: dict[str, tuple[str, str]] = {
    "submission_id": ("string", "the return's id: a slug of its path under raw/, stable across runs"),
    "cycle": ("string", dictionary.CYCLE_DESCRIPTION),
    "country": ("string", "canonical short English name of the OSCE participating State or Partner for Co-operation"),
    "field": ("string", "the contract's field id (see the responses resource for each field's meaning)"),
    "value": ("string", "the field's value as the contract writes it (codes ;-joined for lists); empty: read, no value"),
    "confidence": ("number", "how sure the pipeline is of the value, 0-1"),
    "status": ("string", "auto (read with confidence), review (for a reviewer), confirmed (a reviewer kept it), "
                         "corrected (a reviewer set another value); in the ledger: what the file is"),
    "evidence": ("string", "the source text the value was read from"),
    "source_file": ("string", "the file under raw/ the value was read from (mail.eml::att.pdf for an e-mail's attachment)"),
    "page": ("integer", "1-based page of the evidence (empty for sources without pages)"),
    "question": ("string", "the questionnaire's question the field answers (its key: 1-23, 21s, 21c)"),
    "bbox": ("string", "the evidence's box on its page: x0,top,x1,bottom in PDF points"),
    "rule": ("string", "how the value was read (the extractor's rule)"),
    "note": ("string", "why the value is under review (low_confidence, audit, required_missing, conflict, ...)"),
    "extracted_value": ("string", "the value the pipeline read, where a reviewer corrected it"),
    "reviewer": ("string", "who confirmed or corrected the value"),
    "corrected_at": ("string", "when the value was confirmed or corrected (ISO 8601)"),
    "sha256": ("string", "the file's content hash"),
    "size_bytes": ("integer", "the file's size"),
    "received": ("string", "when the file arrived (its modification time, ISO 8601 UTC)"),
    "form": ("string", "the file's form as read (pdf_typed, docx, email, ...)"),
    "pages": ("integer", "the file's page count"),
    "language": ("string", "ISO 639-1 code of the document's language"),
    "reason": ("string", "why a file failed, was superseded or is an attachment"),
    "seen_at": ("string", "when the failure was first seen (ISO 8601)"),
    "kind": ("string", "what the unknown name names (country, ministry)"),
    "name": ("string", "the name as a return writes it"),
    "times_seen": ("integer", "how many times the name was met"),
    "files": ("string", "the files it was met in, ;-joined"),
}

RESOURCES = [
    ("answers", "answers.csv", "The long table: one row per (current return, field), with the value's evidence and status."),
    ("responses", "responses.csv", "The wide table: one row per current return (one per country and cycle), one column per field."),
    ("review_queue", "review_queue.csv", "The rows of answers.csv still under review."),
    ("submissions", "submissions.csv", "The ledger: one row per file in raw/ and per e-mail attachment, with what it is."),
    ("failures", "failures.csv", "Every file or page that could not be read, with the reason."),
    ("unknown_names", "unknown_names.csv", "Country and ministry names no alias table knew."),
]


def _header(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        return next(csv.reader(fh), [])


def _categories(labels: dict[str, str]) -> list[dict[str, str]]:
    return [{"value": code, "label": text} for code, text in labels.items()]


def contract_field(field: str) -> dict:
    """A table-schema field for one of the contract's fields (a column of responses.csv)."""
    e = dictionary.entry(field)
    out: dict = {"name": field, "title": e.title, "description": e.description}
    if e.unit:
        out["unit"] = e.unit
    if e.question:
        out["question"] = e.question
    codes = list(e.labels)
    if e.type == "year":
        out.update(type="integer", constraints={"minimum": YEAR_RANGE[0], "maximum": YEAR_RANGE[1]})
    elif e.type == "number":
        spec = dictionary.CONTRACT.field(field)
        constraints = {k: v for k, v in (("minimum", spec.min), ("maximum", spec.max)) if v is not None}
        out.update(type="number", constraints=constraints)
    elif e.type in ("yesno", "choice") and codes:
        out.update(type="string", constraints={"enum": codes}, categories=_categories(e.labels))
    elif e.type in ("multi", "ministries") and codes:
        one = "|".join(re.escape(c) for c in codes)
        out.update(type="string", constraints={"pattern": f"(?:{one})(?:;(?:{one}))*"}, categories=_categories(e.labels))
        out["description"] += " (codes ;-joined, sorted)"
    else:
        out["type"] = "string"
    return out


def _column(name: str, resource: str) -> dict:
    if resource == "responses" and name in dictionary.CONTRACT.fields:
        return contract_field(name)
    kind, description = _COLUMNS.get(name, ("string", ""))
    out: dict = {"name": name, "type": kind}
    if description:
        out["description"] = description
    if name == "confidence":
        out["constraints"] = {"minimum": 0, "maximum": 1}
    elif name == "status" and resource in ("answers", "review_queue"):
        out["constraints"] = {"enum": STATUSES}
    elif name == "status" and resource == "submissions":
        out["constraints"] = {"enum": LEDGER_STATUSES}
    elif name == "field" and resource in ("answers", "review_queue"):
        out["constraints"] = {"enum": list(dictionary.CONTRACT.fields)}
    elif name == "country" and resource in ("answers", "responses", "review_queue"):
        out["description"] = dictionary.entry("country").description
    return out


def descriptor(data_dir: Path) -> dict:
    """The data package of the CSVs present in data_dir."""
    data_dir = Path(data_dir)
    resources = []
    for name, filename, description in RESOURCES:
        path = data_dir / filename
        if not path.exists():
            continue
        header = _header(path)
        resources.append({
            "name": name,
            "path": filename,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": description,
            "schema": {"fields": [_column(c, name) for c in header], "missingValues": [""]},
        })
    return {
        "profile": "tabular-data-package",
        "name": "questionnaire-returns",
        "title": "Returns to the 2007 OSCE questionnaire on co-ordinating and reporting on efforts "
                 "to combat trafficking in human beings",
        "description": "The normalised, reviewed answers of governments' returns. Abbreviations: "
                       + "; ".join(f"{k}: {v}" for k, v in dictionary.ABBREVIATIONS.items())
                       + ". Text cells a spreadsheet would run as a formula start with an apostrophe.",
        "resources": resources,
    }


def write_datapackage(data_dir: Path) -> Path:
    """Write data_dir/datapackage.json (atomically) for the CSVs there."""
    path = Path(data_dir) / NAME
    write_text(path, json.dumps(descriptor(data_dir), indent=2, ensure_ascii=False) + "\n")
    return path
