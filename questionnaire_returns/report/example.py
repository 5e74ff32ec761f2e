"""A realistic made-up dataset (answers.csv) to show and test the report without real returns.

The answers are invented, seeded and plausible in proportion (most States with an NCM,
fewer with a rapporteur); a few values are left under review and one required answer is
missing, as in a dataset still being checked. Not the real returns of any State.

    python -m questionnaire_returns.report.example OUT_DIR
    python -m questionnaire_returns.report.example --docs docs/report-example.svg
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

from questionnaire_returns.contract import CONTRACT

ANSWER_COLUMNS = [
    "submission_id", "country", "field", "question", "value", "confidence", "status", "evidence",
    "source_file", "page", "bbox", "rule", "note", "extracted_value", "reviewer", "corrected_at",
]

STATES = [
    "Albania", "Andorra", "Armenia", "Austria", "Azerbaijan", "Belarus", "Belgium", "Bosnia and Herzegovina",
    "Bulgaria", "Canada", "Croatia", "Cyprus", "Czech Republic", "Denmark", "Estonia", "Finland", "France",
    "Georgia", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Kazakhstan", "Latvia", "Lithuania",
    "Luxembourg", "Moldova", "Montenegro", "Netherlands", "Norway", "Poland", "Portugal", "Romania",
    "Russian Federation", "Serbia", "Slovakia", "Slovenia", "Spain", "Sweden", "Switzerland",
    "the former Yugoslav Republic of Macedonia", "Ukraine", "United Kingdom", "United States of America",
]
PARTNERS = ["Israel", "Japan", "Thailand", "Morocco"]
MINISTRIES = ["interior", "justice", "foreign_affairs", "labour", "social", "health", "education", "family",
              "finance", "migration"]


def _multi(rng: random.Random, items: list[str], p: float, at_least: int = 1) -> str:
    chosen = [i for i in items if rng.random() < p]
    while len(chosen) < at_least:
        chosen.append(rng.choice(items))
    return ";".join(sorted(set(chosen)))


def example_answers(seed: int = 2008) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    for n, country in enumerate(STATES + PARTNERS, start=1):
        partner = country in PARTNERS
        v: dict[str, str] = {
            "respondent_type": "partner_for_cooperation" if partner else "participating_state",
            "language": "ru" if country in ("Russian Federation", "Belarus", "Kazakhstan") else
                        "fr" if country in ("France", "Belgium", "Luxembourg", "Morocco") else "en",
        }
        ncm = rng.random() < (0.4 if partner else 0.85)
        v["ncm_exists"] = "yes" if ncm else "no"
        if ncm:
            v["ncm_type"] = rng.choices(["coordinator", "working_group", "both", "other"], [3, 9, 6, 1])[0]
            if v["ncm_type"] in ("coordinator", "both"):
                v["ncm_coordinator"] = "National Co-ordinator for Combating Trafficking in Human Beings"
            if v["ncm_type"] != "coordinator":
                v["ncm_body_name"] = f"Inter-ministerial Working Group on Trafficking ({country})"
                v["ncm_interministerial"] = "yes"
                v["ncm_ministries"] = ";".join(sorted(rng.sample(MINISTRIES, rng.randint(3, 7))))
            v["ncm_lead_ministry"] = rng.choices(["interior", "justice", "foreign_affairs", "social"], [6, 2, 1, 1])[0]
            v["ncm_civil_society"] = "yes" if rng.random() < 0.55 else "no"
            if v["ncm_civil_society"] == "yes":
                v["ncm_civil_society_share"] = str(rng.choice([10, 15, 20, 25, 30]))
                v["ncm_civil_society_role"] = rng.choice(["decision_making", "observer", "decision_making;observer", "other"])
            v["ncm_legal_basis"] = rng.choices(["legislation", "decree", "policy", "other"], [3, 8, 3, 1])[0]
            v["ncm_established_year"] = str(rng.randint(1999, 2007))
            if rng.random() < 0.15:
                v["ncm_established_year_other"] = str(int(v["ncm_established_year"]) + rng.randint(1, 3))
            v["ncm_budget"] = "yes" if rng.random() < 0.3 else "no"
            v["ncm_function"] = _multi(rng, ["advisory", "policy_making", "implementation", "other"], 0.45)
            if rng.random() < 0.8:
                v["ncm_challenge_topics"] = _multi(rng, ["resources", "disagreement", "priorities", "coordination", "data", "other"], 0.3)
        nap = rng.random() < (0.3 if partner else 0.75)
        v["nap_exists"] = "yes" if nap else "no"
        v["nap_equivalent"] = "no" if nap else ("yes" if rng.random() < 0.5 else "no")
        if nap or v["nap_equivalent"] == "yes":
            v["nap_year"] = str(rng.randint(2001, 2007))
            v["nap_coverage"] = _multi(rng, ["legislative_reform", "prevention", "protection_assistance", "law_enforcement",
                                             "international_cooperation", "stakeholder_roles", "timeline", "other"], 0.7, 2)
            if rng.random() < 0.7:
                v["nap_challenge_topics"] = _multi(rng, ["resources", "disagreement", "priorities", "coordination", "data",
                                                         "support", "other"], 0.3)
        v["thb_defined"] = "yes" if rng.random() < 0.9 else "no"
        v["comprehensive_approach_defined"] = "yes" if rng.random() < 0.7 else "no"
        nrm = rng.random() < (0.2 if partner else 0.45)
        v["nrm_exists"] = "yes" if nrm else "no"
        if nrm:
            v["nrm_type"] = rng.choices(["independent_rapporteur", "coordinator_function", "ministry_function",
                                         "research_institute", "other"], [2, 5, 5, 1, 1])[0]
            v["nrm_authority"] = rng.choices(["legislation", "policy", "other"], [3, 5, 1])[0]
            v["nrm_established_year"] = str(rng.randint(2000, 2007))
            v["nrm_budget"] = "yes" if rng.random() < 0.35 else "no"
            v["report_frequency"] = rng.choices(["annual", "biannual", "biennial", "irregular", "other"], [8, 1, 2, 2, 1])[0]
            v["reports_public"] = "yes" if rng.random() < 0.7 else "no"
            v["report_content"] = _multi(rng, ["scope", "trends", "law_enforcement", "victim_services", "prevention",
                                               "international_cooperation", "other"], 0.6)
            v["report_model"] = rng.choice(["prescribed", "varies"])
        if country == "Thailand":
            del v["nap_exists"]  # a required answer missing
        for fid, value in v.items():
            spec = CONTRACT.field(fid)
            rows.append({
                "submission_id": f"S{n:03d}", "country": country, "field": fid,
                "question": spec.question or "", "value": value, "confidence": "0.95", "status": "auto",
                "evidence": value, "source_file": f"{country.replace(' ', '_')}.pdf", "page": "1",
                "bbox": "", "rule": "example", "note": "", "extracted_value": value, "reviewer": "", "corrected_at": "",
            })
    # values still under review
    picks = rng.sample([r for r in rows if r["field"] in (
        "ncm_exists", "ncm_type", "ncm_civil_society", "ncm_budget", "nrm_exists", "nrm_type", "nap_coverage",
        "reports_public")], 7)
    for r in picks:
        r["status"], r["confidence"], r["note"] = "review", "0.55", "low_confidence"
    return rows


def write_example(out_dir: Path, seed: int = 2008) -> Path:
    """Write answers.csv and responses.csv of the made-up dataset into out_dir."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = example_answers(seed)
    path = out_dir / "answers.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, ANSWER_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    wide: dict[str, dict[str, str]] = {}
    for r in rows:
        wide.setdefault(r["country"], {"country": r["country"]})[r["field"]] = r["value"]
    columns = ["country"] + [f for f in CONTRACT.fields if f != "country"]
    with (out_dir / "responses.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, columns)
        writer.writeheader()
        for rec in wide.values():
            writer.writerow(rec)
    return path


def docs_example(png: Path, chart: str = "existence", seed: int = 2008) -> Path:
    """Build a report of the made-up dataset and copy one chart to `png` (docs/report-example.svg)."""
    import shutil
    import tempfile

    from questionnaire_returns.report.build import build_report

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "normalized"
        write_example(data, seed)
        files = build_report(data, Path(tmp) / "report", required=["ncm_exists", "nap_exists", "nrm_exists"])
        png = Path(png)
        png.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(files[f"chart_{chart}"], png)
    return png


if __name__ == "__main__":
    # python -m questionnaire_returns.report.example OUT_DIR          -> the dataset
    # python -m questionnaire_returns.report.example --docs SVG       -> docs/report-example.svg
    if len(sys.argv) > 2 and sys.argv[1] == "--docs":
        print(docs_example(Path(sys.argv[2])))
    else:
        print(write_example(Path(sys.argv[1] if len(sys.argv) > 1 else "example-data")))
