"""The generated corpus: returns written by synthetic_returns with their exact answer key.

Generates returns into eval/out/generated/raw/ (the key to eval/out/generated/answer_key.json),
runs the ingest flow into eval/out/generated/normalized/, then compares every return's
extracted answers with the key, per source file (so superseded returns count too:
extracted.parquet holds them, the ledger maps each file to its submission).

Matching by value type: yesno, choice, year exact; multi and ministries the same set
of ids; number within 1; text rapidfuzz token_set_ratio >= 85.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pandas as pd

from eval.calibration import reliability
from eval.form_text import form_text_found

TEXT_MIN = 85


def _type(field: str) -> str:
    from questionnaire_returns.contract import CONTRACT

    try:
        return CONTRACT.field(field).type
    except KeyError:
        return "text"


def same(field: str, got: str, want: str) -> bool:
    """Whether an extracted value matches the key's, by the field's value type."""
    got, want = str(got).strip(), str(want).strip()
    kind = _type(field)
    if kind in ("multi", "ministries"):
        return _codes(got) == _codes(want)
    if kind == "number":
        try:
            return abs(float(got) - float(want)) <= 1
        except ValueError:
            return False
    if kind == "text" and field not in ("submitted_on",):
        from rapidfuzz import fuzz, utils

        if field.endswith("_year_other"):
            return sorted(got.split(";")) == sorted(want.split(";"))
        return fuzz.token_set_ratio(got, want, processor=utils.default_process) >= TEXT_MIN
    return got.casefold() == want.casefold()


def expected_by_return(key: dict) -> dict[str, dict]:
    """{return file: {field: value}}: its own fields plus those of its e-mail attachments."""
    out: dict[str, dict] = {}
    for f, entry in key.items():
        if entry.get("role") == "return":
            out[f] = dict(entry.get("fields") or {})
    for f, entry in key.items():
        if entry.get("role") == "attachment" and "::" in f:
            parent = entry.get("submission") or f.split("::")[0]
            if parent in out:
                for field, value in (entry.get("fields") or {}).items():
                    out[parent].setdefault(field, value)
    return out


def compare(key: dict, extracted: pd.DataFrame, ledger: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per compared / extracted value, one row per key field the pipeline missed)."""
    sid_of = dict(zip(ledger["source_file"], ledger["submission_id"]))
    status_of = dict(zip(ledger["source_file"], ledger["status"]))
    ext = extracted[extracted["value"].astype(str) != ""]
    by_sid = {sid: g for sid, g in ext.groupby("submission_id")}
    rows, missed = [], []
    for f, want in expected_by_return(key).items():
        entry = key[f]
        sid = sid_of.get(f)
        got = by_sid.get(sid) if sid and status_of.get(f) != "failed" else None
        got_fields = {} if got is None else {r.field: r for r in got.itertuples()}
        base = {"source_file": f, "language": entry.get("language", ""), "form": entry.get("form", ""),
                "ledger_status": status_of.get(f, "missing")}
        for field, value in want.items():
            if field not in got_fields:
                missed.append({**base, "field": field, "type": _type(field), "want": value})
        for field, r in got_fields.items():
            in_key = field in want
            rows.append({
                **base, "field": field, "type": _type(field), "got": r.value,
                "want": want.get(field, ""), "in_key": in_key,
                "correct": bool(in_key and same(field, r.value, want[field])),
                "confidence": float(r.confidence), "status": r.status,
            })
    return pd.DataFrame(rows), pd.DataFrame(missed)


def _group(rows: pd.DataFrame, missed: pd.DataFrame, by: str) -> list[dict]:
    keys = sorted(set(rows.get(by, pd.Series(dtype=str))) | set(missed.get(by, pd.Series(dtype=str))))
    out = []
    for k in keys:
        r = rows[rows[by] == k] if len(rows) else rows
        m = missed[missed[by] == k] if len(missed) else missed
        compared = r[r["in_key"]] if len(r) else r
        n_key = len(compared) + len(m)
        out.append({
            by: k,
            "compared": int(len(compared)),
            "accuracy": round(float(compared["correct"].mean()), 4) if len(compared) else None,
            "missed": int(len(m)),
            "spurious": int((~r["in_key"]).sum()) if len(r) else 0,
            "recall": round(float(compared["correct"].sum()) / n_key, 4) if n_key else None,
        })
    return out


CLOSED_TYPES = ("yesno", "choice", "year")


def _acc(rows: pd.DataFrame) -> float | None:
    return round(float(rows["correct"].mean()), 4) if len(rows) else None


def by_language_typed(rows: pd.DataFrame) -> list[dict]:
    """Per language, typed returns only (scans apart): yes/no, choice and year accuracy against
    English's, multi-valued fields exactly right, and the precision of `auto` rows; then the scans."""
    compared = rows[rows["in_key"]]
    typed = compared[compared["form"] != "scan"]
    en = _acc(typed[(typed["language"] == "en") & typed["type"].isin(CLOSED_TYPES)])
    out = []

    def line(name: str, sel: pd.DataFrame, all_rows: pd.DataFrame) -> dict:
        closed = _acc(sel[sel["type"].isin(CLOSED_TYPES)])
        auto = all_rows[all_rows["status"] == "auto"]
        return {"language": name, "files": int(sel["source_file"].nunique()), "yn_ch_yr": closed,
                "below_en": None if closed is None or en is None else round(100 * (en - closed), 1),
                "multi": _acc(sel[sel["type"].isin(("multi", "ministries"))]),
                "auto_prec": _acc(auto), "auto_rows": int(len(auto))}

    for lang in sorted(set(typed["language"])):
        out.append(line(lang, typed[typed["language"] == lang], rows[(rows["language"] == lang) & (rows["form"] != "scan")]))
    scans = compared[compared["form"] == "scan"]
    if len(scans):
        out.append(line("scans", scans, rows[rows["form"] == "scan"]))
    return out


def report(key: dict, data_dir: Path) -> dict:
    extracted = pd.read_parquet(data_dir / "extracted.parquet")
    ledger = pd.read_csv(data_dir / "submissions.csv", dtype=str, keep_default_na=False)
    rows, missed = compare(key, extracted, ledger)
    if rows.empty:
        rows = pd.DataFrame(columns=["source_file", "language", "form", "field", "type", "got", "want", "in_key",
                                     "correct", "confidence", "status", "ledger_status"])
    rows["in_key"] = rows["in_key"].astype(bool)
    rows["correct"] = rows["correct"].astype(bool)
    compared = rows[rows["in_key"]]
    current = rows[rows["status"].isin(["auto", "review"])]
    auto = current[current["status"] == "auto"]
    table, ece = reliability(rows)
    n_key = len(compared) + len(missed)
    wrong_text = rows[(rows["type"] == "text") & ~rows["correct"] & (rows["got"].astype(str) != "")]
    form_text = form_text_found(wrong_text.rename(columns={"source_file": "file", "got": "value"}))
    return {
        "summary": {  # the names and meanings of the keyed corpora's figures
            "keyed": int(n_key),
            "accuracy": round(float(compared["correct"].sum()) / n_key, 4) if n_key else None,
            "recall": round(len(compared) / n_key, 4) if n_key else None,
            "accuracy_found": round(float(compared["correct"].mean()), 4) if len(compared) else None,
            "auto_precision": round(float(auto["correct"].mean()), 4) if len(auto) else None,
            "review_share": round(float((current["status"] == "review").mean()), 4) if len(current) else None,
            "ece": ece,
            "form_text": form_text["count"],
        },
        "returns": sum(1 for e in key.values() if e.get("role") == "return"),
        "files": len(key),
        "failed_files": sorted(set(ledger.loc[ledger["status"] == "failed", "source_file"])),
        "overall": {
            "compared": int(len(compared)),
            "accuracy": round(float(compared["correct"].mean()), 4) if len(compared) else None,
            "missed": int(len(missed)),
            "spurious": int((~rows["in_key"]).sum()),
            "recall": round(float(compared["correct"].sum()) / n_key, 4) if n_key else None,
        },
        "by_type": _group(rows, missed, "type"),
        "by_language": _group(rows, missed, "language"),
        "targets_by_language": by_language_typed(rows),
        "by_form": _group(rows, missed, "form"),
        "by_field": _group(rows, missed, "field"),
        "review_share": round(float((current["status"] == "review").mean()), 4) if len(current) else None,
        "auto_precision": round(float(auto["correct"].mean()), 4) if len(auto) else None,
        "auto_rows": int(len(auto)),
        "reliability": table,
        "ece": ece,
        "form_text": form_text,
        "errors": rows[rows["in_key"] & ~rows["correct"]].head(200)[
            ["source_file", "field", "got", "want", "confidence", "status"]].to_dict("records"),
        "missed_sample": missed.head(200).to_dict("records") if len(missed) else [],
    }




def evaluate_generated(out: Path, n: int, seed: int, forms: list[str] | None, languages: list[str] | None,
                       runner: str | None) -> dict:
    """Generate the corpus into out/raw (its key beside), ingest it into out/normalized, compare."""
    from flows.run import run_ingest
    from synthetic_returns import generate_corpus

    raw, data = out / "raw", out / "normalized"
    shutil.rmtree(raw, ignore_errors=True)
    t0 = time.monotonic()
    key = generate_corpus(raw, n=n, seed=seed, forms=forms, languages=languages, key_path=out / "answer_key.json")
    t_gen = time.monotonic() - t0
    summary = run_ingest(raw, data, runner=runner)
    result = {"name": "generated", **report(key, data)}
    result["run"] = {k: summary[k] for k in ("files_seen", "returns", "superseded", "duplicates", "attachments",
                                              "failed", "read", "seconds", "pipeline_version") if k in summary}
    result["generate_seconds"] = round(t_gen, 2)
    result["params"] = {"n": n, "seed": seed, "forms": forms, "languages": languages}
    return result


def _codes(value: str) -> set[str]:
    """A list value's codes ('a;b' -> {'a', 'b'})."""
    return {p.strip() for p in value.split(";") if p.strip()}
