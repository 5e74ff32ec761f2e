# A copy of ../shared/eval/score.py (the shared scorer), for tests/test_eval.py on a checkout without ../shared.
#!/usr/bin/env python3
"""Score a normalized/ output (answers.csv, failures.csv) against a corpus's answer key (key.jsonl).

usage: score.py KEY.jsonl OUT_DIR [KEY2.jsonl OUT_DIR2 ...] [--json]
Several KEY/OUT pairs are pooled into one score.

Matching: an output row belongs to a key entry when its source_file's base name equals
the key's file (or, for e-mail attachments, starts with it); otherwise by country for
entries whose file appears nowhere. Stdlib only, so it runs anywhere.
"""
import csv
import difflib
import json
import os
import re
import sys
from collections import defaultdict

TYPES = {}
YESNO = """ncm_exists ncm_interministerial ncm_experts ncm_civil_society ncm_budget nap_exists
nap_equivalent thb_defined comprehensive_approach_defined nrm_exists nrm_budget reports_public""".split()
CHOICE = """ncm_type ncm_legal_basis nrm_type nrm_authority report_frequency report_model
country respondent_type language""".split()
YEAR = "ncm_established_year nap_year nrm_established_year".split()
MULTI = """ncm_civil_society_role ncm_function ncm_challenge_topics nap_coverage
nap_challenge_topics report_content ncm_ministries ncm_lead_ministry""".split()
NUMBER = ["ncm_civil_society_share"]
for group, kind in ((YESNO, "yesno"), (CHOICE, "choice"), (YEAR, "year"), (MULTI, "multi"), (NUMBER, "number")):
    for f in group:
        TYPES[f] = kind


def kind_of(field):
    return TYPES.get(field, "text")


def norm(s):
    return re.sub(r"\s+", " ", str(s or "")).strip().lower()


def same(field, want, got):
    k = kind_of(field)
    w, g = norm(want), norm(got)
    if k in ("yesno", "choice"):
        return w == g
    if k == "year":
        return w[:4] == g[:4]
    if k == "number":
        try:
            return abs(float(w) - float(g)) <= 0.5
        except ValueError:
            return False
    if k == "multi":
        return set(filter(None, w.split(";"))) == set(filter(None, g.split(";")))
    if not g:
        return False
    if w in g or g in w and len(g) >= 0.6 * len(w):
        return True
    return difflib.SequenceMatcher(None, w, g).ratio() >= 0.75


def family(style):
    """Form family of a key's style label, across the held-out corpora's naming."""
    s = style.lower()
    if s.startswith("scan"):
        return "scan"
    if s.startswith("acroform"):
        return "acroform"
    if "letter" in s or "note_verbale" in s or s.startswith("nv"):
        return "letter"
    if s.startswith("eml") or s == "email":
        return "email"
    if "table" in s:
        return "table"
    if s.startswith("docx"):
        return "word"
    if s.startswith("pdf"):
        return "pdf_form"
    return "other"


def load_rows(out_dir):
    path = os.path.join(out_dir, "answers.csv")
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    pairs = list(zip(args[0::2], args[1::2]))
    key, rows, failures = [], [], set()
    for n, (kpath, out) in enumerate(pairs):
        tag = f"#{n}#"
        for l in open(kpath, encoding="utf-8"):
            if l.strip():
                e = json.loads(l)
                e["file"] = tag + e["file"]
                if e.get("supersedes"):
                    e["supersedes"] = tag + e["supersedes"]
                key.append(e)
        for r in load_rows(out):
            r["source_file"] = tag + "/" + r.get("source_file", "")
            rows.append(r)
        fpath = os.path.join(out, "failures.csv")
        if os.path.exists(fpath):
            with open(fpath, newline="", encoding="utf-8") as f:
                for r in csv.DictReader(f):
                    failures.add(tag + os.path.basename(r.get("source_file") or r.get("file") or ""))

    stats = defaultdict(lambda: [0, 0])          # kind -> [correct, total]
    groups = defaultdict(lambda: [0, 0])         # language / style / scan -> [correct, total]
    by_field = defaultdict(lambda: [0, 0])       # field -> [correct, total]
    auto_ok = auto_all = review = extra = 0
    auto_keyed = extra_auto = found = found_ok = 0
    per_file = []
    err_ok = err_all = 0
    flag_ok = flag_all = 0
    wrong = []
    superseded = {e["supersedes"] for e in key if e.get("supersedes")}
    for entry in key:
        fname = entry["file"]
        if fname in superseded:      # only the latest return of a country is scored
            continue
        expect = entry.get("expect", "return")
        tag, base = fname[:fname.index("#", 1) + 1], fname[fname.index("#", 1) + 1:]
        mine = [r for r in rows if r["source_file"].startswith(tag) and base in r["source_file"]]
        if expect == "error":
            err_all += 1
            err_ok += fname in failures and not mine
            continue
        if expect == "not_a_return":
            err_all += 1
            err_ok += not any(r.get("status") in ("auto",) and r["field"] not in ("language",) for r in mine)
            continue
        got = {}
        for r in mine:
            got.setdefault(r["field"], r)
        want = dict(entry.get("fields", {}))
        if entry.get("country"):
            want.setdefault("country", entry["country"])
        ok_here = 0
        for field, value in want.items():
            k = kind_of(field)
            r = got.get(field)
            hit = r is not None and same(field, value, r.get("value"))
            stats[k][0] += hit
            stats[k][1] += 1
            by_field[field][0] += hit
            by_field[field][1] += 1
            lang = want.get("language", "?")
            style = entry.get("style", "?")
            for g in ("lang:" + lang, "style:" + style, "family:" + family(style),
                      ("scan" if style.startswith("scan") else "typed") + ":" + k,
                      ("en" if lang == "en" else "non_en") + "_typed:" + k if not style.startswith("scan") else "scan:all"):
                groups[g][0] += hit
                groups[g][1] += 1
            ok_here += hit
            if r is not None:
                found += 1
                found_ok += hit
                if r.get("status") == "auto":
                    auto_all += 1
                    auto_keyed += 1
                    auto_ok += hit
                elif r.get("status") == "review":
                    review += 1
            if not hit:
                wrong.append((fname, field, value, None if r is None else r.get("value"), None if r is None else r.get("status")))
        for field, r in got.items():
            if field not in want and field not in ("language", "respondent_type", "submitted_on"):
                extra += 1
                if r.get("status") == "auto":
                    auto_all += 1
                    extra_auto += 1
        per_file.append((fname, ok_here, len(want)))
        for field in entry.get("review_fields", []):
            flag_all += 1
            flag_ok += got.get(field, {}).get("status") in ("review", "corrected")

    total_ok = sum(c for c, _ in stats.values())
    total = sum(t for _, t in stats.values())
    result = {
        "field_accuracy": round(total_ok / total, 4) if total else 0.0,
        "by_type": {k: round(c / t, 4) for k, (c, t) in sorted(stats.items()) if t},
        "auto_precision": round(auto_ok / auto_all, 4) if auto_all else 0.0,
        "auto_rows": auto_all,
        "auto_precision_keyed": round(auto_ok / auto_keyed, 4) if auto_keyed else 0.0,
        "extra_auto_rows": extra_auto,
        "recall": round(found / total, 4) if total else 0.0,
        "accuracy_found": round(found_ok / found, 4) if found else 0.0,
        "review_rows": review,
        "review_share": round(sum(r.get("status") == "review" for r in rows) / len(rows), 4) if rows else 0.0,
        "extra_fields": extra,
        "bad_inputs_handled": f"{err_ok}/{err_all}",
        "fields_scored": total,
        "contradictions_sent_to_review": f"{flag_ok}/{flag_all}",
        "by_field": {f: [c, t] for f, (c, t) in sorted(by_field.items())},
        "groups": {g: [round(c / t, 4), t] for g, (c, t) in sorted(groups.items()) if t},
    }
    if "--json" in sys.argv:
        print(json.dumps({"result": result, "wrong": wrong[:400], "per_file": per_file}, indent=1))
    else:
        for fname, field, want, got, status in wrong[:60]:
            print(f"  {fname}: {field}: want {want!r} got {got!r} ({status})")
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
