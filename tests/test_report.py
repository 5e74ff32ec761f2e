"""The summary report (questionnaire_returns.report) against a small hand-checked dataset.

Eight returns with known answers; two values are under review (Estonia's ncm_type,
France's ncm_exists) and one required answer is missing (Japan's nap_exists). Every
figure's numerator, denominator, share and range below was worked out by hand from the
table in HAND_DATA and is written literally: nothing here is recomputed by the code
under test.
"""

from __future__ import annotations

import csv
import struct
from pathlib import Path

import pytest
from openpyxl import load_workbook

from questionnaire_returns.report import build_report

# Register the `browser` marker (tests that drive headless Chromium) from this module,
# before it is used below, so the suite runs clean under --strict-markers too.
_config = getattr(pytest.mark, "_config", None)
if _config is not None and "browser" not in {line.split(":")[0] for line in _config.getini("markers")}:
    _config.addinivalue_line("markers", "browser: drives headless Chromium (/usr/bin/chromium) through Playwright")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]

REVIEW = {("Estonia", "ncm_type"), ("France", "ncm_exists")}

# country -> field -> value. Japan leaves nap_exists (required) unanswered.
HAND_DATA: dict[str, dict[str, str]] = {
    "Albania": {
        "respondent_type": "participating_state",
        "ncm_exists": "yes", "ncm_type": "both", "ncm_civil_society": "yes", "ncm_civil_society_share": "20",
        "ncm_civil_society_role": "decision_making;observer", "ncm_budget": "yes", "ncm_legal_basis": "decree",
        "ncm_established_year": "2005", "ncm_function": "advisory;policy_making",
        "ncm_challenge_topics": "coordination;resources",
        "ncm_body_name": '=HYPERLINK("http://example.invalid","click")',
        "ncm_coordinator": "+Deputy Minister of Interior",
        "nap_exists": "yes", "nap_equivalent": "no", "nap_year": "2005",
        "nap_coverage": "international_cooperation;law_enforcement;legislative_reform;prevention;protection_assistance;timeline",
        "thb_defined": "yes", "comprehensive_approach_defined": "yes", "nap_challenge_topics": "resources",
        "nrm_exists": "yes", "nrm_type": "coordinator_function", "nrm_authority": "policy",
        "nrm_established_year": "2005", "nrm_budget": "no", "reports_public": "yes", "report_frequency": "annual",
        "report_content": "scope;trends",
    },
    "Belgium": {
        "respondent_type": "participating_state",
        "ncm_exists": "yes", "ncm_type": "working_group", "ncm_civil_society": "yes", "ncm_civil_society_share": "30",
        "ncm_civil_society_role": "observer", "ncm_budget": "no", "ncm_legal_basis": "legislation",
        "ncm_established_year": "1995", "ncm_established_year_other": "2004",
        "ncm_function": "implementation;policy_making", "ncm_challenge_topics": "data",
        "ncm_body_name": "@Interdepartementale Coördinatiecel",
        "nap_exists": "no", "nap_equivalent": "yes", "nap_coverage": "prevention;protection_assistance",
        "thb_defined": "yes", "comprehensive_approach_defined": "no",
        "nrm_exists": "yes", "nrm_type": "independent_rapporteur", "nrm_authority": "legislation",
        "nrm_budget": "yes", "reports_public": "yes", "report_frequency": "annual",
    },
    "Croatia": {
        "respondent_type": "participating_state",
        "ncm_exists": "yes", "ncm_type": "working_group", "ncm_civil_society": "no", "ncm_budget": "no",
        "ncm_legal_basis": "decree", "ncm_function": "advisory", "ncm_challenge_topics": "priorities;resources",
        "ncm_body_name": "-National Committee for Suppression of Trafficking",
        "nap_exists": "yes", "nap_year": "2004",
        "nap_coverage": "law_enforcement;prevention;protection_assistance;stakeholder_roles",
        "thb_defined": "yes", "comprehensive_approach_defined": "yes", "nap_challenge_topics": "resources;support",
        "nrm_exists": "no",
    },
    "Denmark": {
        "respondent_type": "participating_state",
        "ncm_exists": "yes", "ncm_type": "coordinator", "ncm_civil_society": "no", "ncm_budget": "yes",
        "ncm_legal_basis": "policy", "ncm_function": "implementation",
        "nap_exists": "yes", "nap_year": "2007",
        "nap_coverage": "international_cooperation;law_enforcement;legislative_reform;other;prevention;"
                        "protection_assistance;stakeholder_roles;timeline",
        "thb_defined": "yes", "comprehensive_approach_defined": "yes", "nap_challenge_topics": "coordination;resources",
        "nrm_exists": "yes", "nrm_type": "ministry_function", "nrm_budget": "no",  # Q18 unanswered
        "reports_public": "no", "report_frequency": "irregular",
    },
    "Estonia": {
        "respondent_type": "participating_state",
        "ncm_exists": "yes", "ncm_type": "working_group",  # under review
        "ncm_civil_society": "yes", "ncm_budget": "no", "ncm_legal_basis": "other", "ncm_function": "advisory;other",
        "ncm_challenge_topics": "disagreement",
        "nap_exists": "yes", "nap_year": "2006", "nap_coverage": "law_enforcement;prevention",
        "thb_defined": "no", "comprehensive_approach_defined": "no", "nap_challenge_topics": "data",
        "nrm_exists": "no",
    },
    "France": {
        "respondent_type": "participating_state",
        "ncm_exists": "yes",  # under review
        "ncm_type": "other", "ncm_civil_society": "no", "ncm_budget": "no", "ncm_legal_basis": "policy",
        "ncm_function": "policy_making",
        "nap_exists": "no", "nap_equivalent": "no", "thb_defined": "yes", "comprehensive_approach_defined": "no",
        "nrm_exists": "no",
    },
    "Georgia": {
        "respondent_type": "participating_state",
        "ncm_exists": "no",
        "nap_exists": "no", "nap_equivalent": "yes", "nap_coverage": "prevention",
        "thb_defined": "yes", "comprehensive_approach_defined": "yes",
        "nrm_exists": "yes", "nrm_type": "research_institute", "nrm_authority": "other", "nrm_budget": "yes",
        "reports_public": "no", "report_frequency": "biennial",
    },
    "Japan": {
        "respondent_type": "partner_for_cooperation",
        "ncm_exists": "no",
        "nrm_exists": "no",
    },
}

# figure id -> (numerator, denominator, share %, range min %, range max %, values under review
# that could move it; none where the range is the share itself: such a figure is not flagged). Worked out by hand; see the module docstring.
#   NCM figures: denominator = Albania, Belgium, Croatia, Denmark, Estonia, France (6);
#     France's ncm_exists may be no (France out: /5); Estonia's ncm_type may be any type.
#   NAP figures: denominator = Albania, Croatia, Denmark, Estonia (4); Japan's missing
#     nap_exists may be yes (Japan in, answering nothing: /5).
#   NRM figures: denominator = Albania, Belgium, Denmark, Georgia (4); nothing uncertain.
EXPECTED: dict[str, tuple[int, int, float, float, float, int]] = {
    # respondents (8)
    "ncm_exists": (6, 8, 75.0, 62.5, 75.0, 1),
    "nap_exists": (4, 8, 50.0, 50.0, 62.5, 1),
    "nap_equivalent_only": (2, 8, 25.0, 25.0, 25.0, 0),  # Belgium, Georgia; Japan has no equivalent either way
    "nap_or_equivalent": (6, 8, 75.0, 75.0, 87.5, 1),
    "nrm_exists": (4, 8, 50.0, 50.0, 50.0, 0),
    # NCM type: min keeps France in and Estonia off the type; max drops France, puts Estonia on it
    "ncm_type.coordinator": (1, 6, 16.7, 16.7, 40.0, 2),   # Denmark; max 2/5
    "ncm_type.working_group": (3, 6, 50.0, 33.3, 60.0, 2),  # Belgium, Croatia, Estonia; min 2/6, max 3/5
    "ncm_type.both": (1, 6, 16.7, 16.7, 40.0, 2),           # Albania; max 2/5
    "ncm_type.other": (1, 6, 16.7, 0.0, 33.3, 2),           # France; min 0/5, max 2/6
    "ncm_type.not_stated": (0, 6, 0.0, 0.0, 0.0, 0),        # Estonia's type, whatever it is, is stated; the share cannot move: not flagged
    "ncm_civil_society": (3, 6, 50.0, 50.0, 60.0, 1),       # Albania, Belgium, Estonia; max 3/5
    "ncm_budget": (2, 6, 33.3, 33.3, 40.0, 1),              # Albania, Denmark
    "ncm_civil_society_role.decision_making": (1, 6, 16.7, 16.7, 20.0, 1),
    "ncm_civil_society_role.observer": (2, 6, 33.3, 33.3, 40.0, 1),
    "ncm_civil_society_role.other": (0, 6, 0.0, 0.0, 0.0, 0),  # the share cannot move: not flagged
    "ncm_legal_basis.legislation": (1, 6, 16.7, 16.7, 20.0, 1),
    "ncm_legal_basis.decree": (2, 6, 33.3, 33.3, 40.0, 1),
    "ncm_legal_basis.policy": (2, 6, 33.3, 20.0, 33.3, 1),  # Denmark, France; min 1/5
    "ncm_legal_basis.other": (1, 6, 16.7, 16.7, 20.0, 1),
    "ncm_legal_basis.not_stated": (0, 6, 0.0, 0.0, 0.0, 0),  # the share cannot move: not flagged
    "ncm_function.advisory": (3, 6, 50.0, 50.0, 60.0, 1),
    "ncm_function.policy_making": (3, 6, 50.0, 40.0, 50.0, 1),  # includes France; min 2/5
    "ncm_function.implementation": (2, 6, 33.3, 33.3, 40.0, 1),
    "ncm_function.other": (1, 6, 16.7, 16.7, 20.0, 1),
    "ncm_challenge_topics.resources": (2, 6, 33.3, 33.3, 40.0, 1),
    "ncm_challenge_topics.disagreement": (1, 6, 16.7, 16.7, 20.0, 1),
    "ncm_challenge_topics.priorities": (1, 6, 16.7, 16.7, 20.0, 1),
    "ncm_challenge_topics.coordination": (1, 6, 16.7, 16.7, 20.0, 1),
    "ncm_challenge_topics.data": (1, 6, 16.7, 16.7, 20.0, 1),
    "ncm_challenge_topics.other": (0, 6, 0.0, 0.0, 0.0, 0),  # the share cannot move: not flagged
    # respondents (8); Japan leaves both unanswered but they are not required fields
    "thb_defined": (6, 8, 75.0, 75.0, 75.0, 0),
    "comprehensive_approach_defined": (4, 8, 50.0, 50.0, 50.0, 0),
    # NAP (4); Japan may join the denominator without any item: min n/5
    "nap_coverage.legislative_reform": (2, 4, 50.0, 40.0, 50.0, 1),
    "nap_coverage.prevention": (4, 4, 100.0, 80.0, 100.0, 1),
    "nap_coverage.protection_assistance": (3, 4, 75.0, 60.0, 75.0, 1),
    "nap_coverage.law_enforcement": (4, 4, 100.0, 80.0, 100.0, 1),
    "nap_coverage.international_cooperation": (2, 4, 50.0, 40.0, 50.0, 1),
    "nap_coverage.stakeholder_roles": (2, 4, 50.0, 40.0, 50.0, 1),
    "nap_coverage.timeline": (2, 4, 50.0, 40.0, 50.0, 1),
    "nap_coverage.other": (1, 4, 25.0, 20.0, 25.0, 1),
    "nap_challenge_topics.resources": (3, 4, 75.0, 60.0, 75.0, 1),
    "nap_challenge_topics.disagreement": (0, 4, 0.0, 0.0, 0.0, 0),  # the share cannot move: not flagged
    "nap_challenge_topics.priorities": (0, 4, 0.0, 0.0, 0.0, 0),  # the share cannot move: not flagged
    "nap_challenge_topics.coordination": (1, 4, 25.0, 20.0, 25.0, 1),
    "nap_challenge_topics.data": (1, 4, 25.0, 20.0, 25.0, 1),
    "nap_challenge_topics.support": (1, 4, 25.0, 20.0, 25.0, 1),
    "nap_challenge_topics.other": (0, 4, 0.0, 0.0, 0.0, 0),  # the share cannot move: not flagged
    # NRM (4)
    "nrm_type.independent_rapporteur": (1, 4, 25.0, 25.0, 25.0, 0),
    "nrm_type.coordinator_function": (1, 4, 25.0, 25.0, 25.0, 0),
    "nrm_type.ministry_function": (1, 4, 25.0, 25.0, 25.0, 0),
    "nrm_type.research_institute": (1, 4, 25.0, 25.0, 25.0, 0),
    "nrm_type.other": (0, 4, 0.0, 0.0, 0.0, 0),
    "nrm_type.not_stated": (0, 4, 0.0, 0.0, 0.0, 0),
    "nrm_authority.legislation": (1, 4, 25.0, 25.0, 25.0, 0),  # Belgium
    "nrm_authority.policy": (1, 4, 25.0, 25.0, 25.0, 0),       # Albania
    "nrm_authority.other": (1, 4, 25.0, 25.0, 25.0, 0),        # Georgia
    "nrm_authority.not_stated": (1, 4, 25.0, 25.0, 25.0, 0),   # Denmark
    "nrm_budget": (2, 4, 50.0, 50.0, 50.0, 0),
    "reports_public": (2, 4, 50.0, 50.0, 50.0, 0),
    "report_frequency.annual": (2, 4, 50.0, 50.0, 50.0, 0),
    "report_frequency.biannual": (0, 4, 0.0, 0.0, 0.0, 0),
    "report_frequency.biennial": (1, 4, 25.0, 25.0, 25.0, 0),
    "report_frequency.irregular": (1, 4, 25.0, 25.0, 25.0, 0),
    "report_frequency.other": (0, 4, 0.0, 0.0, 0.0, 0),
    "report_frequency.not_stated": (0, 4, 0.0, 0.0, 0.0, 0),
}

ANSWER_COLUMNS = [
    "submission_id", "country", "field", "question", "value", "confidence", "status", "evidence",
    "source_file", "page", "bbox", "rule", "note", "extracted_value", "reviewer", "corrected_at",
]


def write_hand_dataset(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "answers.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, ANSWER_COLUMNS)
        writer.writeheader()
        for n, (country, answers) in enumerate(HAND_DATA.items(), start=1):
            for fid, value in answers.items():
                review = (country, fid) in REVIEW
                writer.writerow({
                    "submission_id": f"T{n}", "country": country, "field": fid, "question": "", "value": value,
                    "confidence": "0.5" if review else "0.97", "status": "review" if review else "auto",
                    "evidence": value, "source_file": f"{country}.pdf", "page": "1", "bbox": "", "rule": "test",
                    "note": "", "extracted_value": value, "reviewer": "", "corrected_at": "",
                })
            # a corrected value is settled, not under review
            if country == "Georgia":
                writer.writerow({"submission_id": f"T{n}", "country": country, "field": "language", "value": "en",
                                 "confidence": "1", "status": "corrected", "reviewer": "ab"})
    return folder


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("report")
    data = write_hand_dataset(base / "normalized")
    return build_report(data, base / "out", required=["ncm_exists", "nap_exists", "nrm_exists"])


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


# ------------------------------------------------------------------------------- figures

def test_every_figure_matches_the_hand_count(report):
    rows = {r["figure"]: r for r in read_csv(report["figures"])}
    assert set(rows) == set(EXPECTED), "a figure is missing from the hand count, or from the report"
    for fid, (num, den, share, lo, hi, uncertain) in EXPECTED.items():
        r = rows[fid]
        got = (int(r["numerator"]), int(r["denominator"]), float(r["share"]), float(r["share_min"]),
               float(r["share_max"]), int(r["values_under_review"]))
        assert got == (num, den, share, lo, hi, uncertain), fid


def test_figure_labels_and_definitions(report):
    rows = {r["figure"]: r for r in read_csv(report["figures"])}
    assert rows["ncm_type.working_group"]["text"] == "working group only 3/6 = 50.0%"
    assert rows["ncm_exists"]["text"] == "NCM exists 6/8 = 75.0%"
    assert rows["ncm_exists"]["range"] == "range 62.5–75.0% while 1 field is under review"
    assert rows["ncm_type.other"]["range"] == "range 0.0–33.3% while 2 fields are under review"
    assert rows["nap_exists"]["range"] == "range 50.0–62.5% while 1 required answer is missing"
    assert rows["nrm_exists"]["range"] == "no field under review"
    assert rows["ncm_type.working_group"]["review_values"] == "Estonia: NCM type; France: NCM exists"
    assert rows["nap_exists"]["review_values"] == "Japan: NAP exists (missing)"
    # the denominators in words, as the 2008 report's footnotes give them
    assert "as a share of the 8 respondents" in rows["ncm_exists"]["definition"]
    assert "as a share of the 6 respondents with an NCM (Q1 answered yes)" in rows["ncm_type.both"]["definition"]
    assert "as a share of the 6 respondents with an NCM" in rows["ncm_civil_society"]["definition"]
    assert "as a share of the 4 respondents with a NAP (Q9a answered yes)" in rows["nap_coverage.timeline"]["definition"]
    assert "as a share of the 4 respondents with an NRM (Q16 answered yes)" in rows["reports_public"]["definition"]


def test_data_quality_lists_review_fields_per_country_and_figure_ranges(report):
    rows = read_csv(report["data_quality"])
    countries = {r["item"]: r for r in rows if r["section"] == "country"}
    assert set(countries) == set(HAND_DATA)
    # fields by their names, not their ids
    assert (countries["Estonia"]["count"], countries["Estonia"]["fields"]) == ("1", "NCM type")
    assert (countries["France"]["count"], countries["France"]["fields"]) == ("1", "NCM exists")
    assert (countries["Japan"]["count"], countries["Japan"]["missing_required"]) == ("1", "NAP exists")
    assert countries["Georgia"]["count"] == "0"  # its corrected value is settled
    figures = {r["item"]: r for r in rows if r["section"] == "figure"}
    assert set(figures) == set(EXPECTED)
    assert figures["ncm_exists"]["text"] == "NCM exists 6/8 = 75.0% (range 62.5–75.0% while 1 field is under review)"
    assert (figures["ncm_type.working_group"]["share_min"], figures["ncm_type.working_group"]["share_max"]) == ("33.3", "60.0")


def test_annex_tables(report):
    overview = read_csv(report["table_overview"])
    assert [r["Country"] for r in overview] == list(HAND_DATA)
    belgium = next(r for r in overview if r["Country"] == "Belgium")
    assert (belgium["NCM"], belgium["NCM established"], belgium["NAP"], belgium["NAP equivalent"]) == (
        "yes", "1995 (2004)", "no", "yes")
    japan = next(r for r in overview if r["Country"] == "Japan")
    assert (japan["Respondent type"], japan["NAP"], japan["Under review"]) == (
        "Partner for Co-operation", "not answered", "NAP (missing)")  # the column's name, not a field id
    france = next(r for r in overview if r["Country"] == "France")
    assert france["Under review"] == "NCM"

    ncm = read_csv(report["table_ncm"])
    assert [r["Country"] for r in ncm] == ["Albania", "Belgium", "Croatia", "Denmark", "Estonia", "France"]
    albania = ncm[0]
    assert (albania["Nature"], albania["Civil society"], albania["Civil society share"], albania["Civil society role"],
            albania["Budget"], albania["Legal basis"]) == (
        "co-ordinator and working group", "yes", "20%", "decision making, observer", "yes", "decree / resolution")
    assert ncm[4]["Under review"] == "Nature"

    nap = read_csv(report["table_nap"])
    # NAP, equivalent, or the exists answer uncertain (Japan)
    assert [r["Country"] for r in nap] == ["Albania", "Belgium", "Croatia", "Denmark", "Estonia", "Georgia", "Japan"]
    denmark = next(r for r in nap if r["Country"] == "Denmark")
    coverage = ["legislative reform", "prevention", "protection and assistance", "law enforcement and prosecution",
                "international co-operation", "roles of stakeholders", "implementation timeline", "other"]
    assert all(denmark[c] == "✓" for c in coverage)
    estonia = next(r for r in nap if r["Country"] == "Estonia")
    assert [c for c in coverage if estonia[c] == "✓"] == ["prevention", "law enforcement and prosecution"]

    nrm = read_csv(report["table_nrm"])
    assert [r["Country"] for r in nrm] == ["Albania", "Belgium", "Denmark", "Georgia"]
    assert (nrm[1]["Type"], nrm[1]["Authority"], nrm[1]["Report frequency"]) == (
        "independent national rapporteur", "legislation", "annual")
    assert (nrm[2]["Country"], nrm[2]["Authority"], nrm[2]["Reports public"]) == ("Denmark", "", "no")


# ------------------------------------------------------------------------------- xlsx

def test_xlsx_sheets_frozen_headers_widths_and_no_formulas(report):
    wb = load_workbook(report["xlsx"])
    assert wb.sheetnames == ["Overview", "NCM", "NAP", "NRM", "Figures", "Data quality"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws["A1"].font.bold
        assert ws.column_dimensions["A"].width and ws.column_dimensions["A"].width >= 8, ws.title
        assert ws.column_dimensions["B"].width and ws.column_dimensions["B"].width >= 8, ws.title
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@"):
                    # shown as written, never run: a string cell with Excel's quote prefix
                    assert cell.data_type == "s" and cell.quotePrefix, f"{ws.title}!{cell.coordinate}"
    ncm = wb["NCM"]
    headers = [c.value for c in ncm[1]]
    body, coordinator = headers.index("Body"), headers.index("Co-ordinator")
    values = {r[0].value: r for r in ncm.iter_rows(min_row=2)}
    # formula-like text is kept as written in a string cell with Excel's quote prefix: shown, never run
    for country, col, text in [("Albania", body, '=HYPERLINK("http://example.invalid","click")'),
                               ("Albania", coordinator, "+Deputy Minister of Interior"),
                               ("Belgium", body, "@Interdepartementale Coördinatiecel"),
                               ("Croatia", body, "-National Committee for Suppression of Trafficking")]:
        cell = values[country][col]
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True), country
    # the cell under review is highlighted
    nature = headers.index("Nature")
    assert values["Estonia"][nature].fill.fgColor.rgb.endswith("FFE8B0")
    assert not values["Belgium"][nature].fill.fgColor.rgb.endswith("FFE8B0")


# ------------------------------------------------------------------------------- html + charts

def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_charts_are_svgs_one_per_group_with_a_bar_per_figure(report):
    import xml.etree.ElementTree as ET

    charts = {k: v for k, v in report.items() if k.startswith("chart_")}
    assert len(charts) == 14
    figures = read_csv(report["figures"])
    ns = "{http://www.w3.org/2000/svg}"
    for key, path in charts.items():
        assert path.suffix == ".svg", path
        svg = ET.parse(path).getroot()
        assert svg.tag == f"{ns}svg"
        assert float(svg.get("width")) > 300 and float(svg.get("height")) > 100
        texts = [t.text for t in svg.iter(f"{ns}text")]
        group = key[len("chart_"):]
        rows = [f for f in figures if f["group"] == group]
        assert rows, group
        for f in rows:  # every figure of the group is labelled with its numerator and denominator
            assert any(t and t.startswith(f"{f['numerator']}/{f['denominator']} = ") for t in texts), (group, f["label"])
    existence = ET.parse(charts["chart_existence"]).getroot()
    assert "n = 8 respondents" in " ".join(t.text or "" for t in existence.iter(f"{ns}text"))


def test_html_is_self_contained(report):
    html = report["html"].read_text(encoding="utf-8")
    assert "8 respondents" in html
    assert "NCM exists 6/8 = 75.0% (range 62.5–75.0% while 1 field is under review)" in html
    assert html.count("data:image/svg+xml;base64,") == 14
    for needle in ('src="http', "src='http", 'href="http', "<script src", "@import", "url(http"):
        assert needle not in html


@pytest.mark.browser
def test_html_opens_in_headless_chromium(report, tmp_path):
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian chromium is needed at /usr/bin/chromium"
    console_errors: list[str] = []
    failed: list[str] = []
    shot = tmp_path / "report.png"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: console_errors.append(str(e)))
            page.on("requestfailed", lambda r: failed.append(r.url))
            page.goto(report["html"].resolve().as_uri(), wait_until="load")
            assert "summary of the returns" in page.title()
            assert page.locator("#figure-ncm_exists").count() == 1
            assert page.locator("img").count() == 14
            assert page.evaluate("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
            assert page.locator("#quality-figures tbody tr").count() == sum(1 for e in EXPECTED.values() if e[5])
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert console_errors == []
    assert failed == []
    assert shot.stat().st_size > 10_000
    width, height = _png_size(shot)
    assert width == 1280 and height > 900


# ------------------------------------------------------------------------------- inputs, cli

@pytest.fixture
def config_yaml(tmp_path, monkeypatch):
    """Write a config.yaml of the test's own and make settings() read it."""
    from questionnaire_returns.config import settings

    def use(text: str) -> None:
        path = tmp_path / "config.yaml"
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv("RETURNS_CONFIG", str(path))
        settings.cache_clear()

    yield use
    settings.cache_clear()  # the next settings() reads the project's config.yaml again


@pytest.mark.parametrize("required, japan_missing", [("[]", ""), ("[ncm_exists, nrm_exists]", ""),
                                                     ("[nap_exists]", "NAP exists")])
def test_required_answers_are_those_config_yaml_names(tmp_path, config_yaml, required, japan_missing):
    """Japan leaves nap_exists unanswered: it counts as missing only where review.required lists it."""
    config_yaml(f"review:\n  required: {required}\n")
    data = write_hand_dataset(tmp_path / "normalized")
    files = build_report(data, tmp_path / "out")
    countries = {r["item"]: r for r in read_csv(files["data_quality"]) if r["section"] == "country"}
    assert countries["Japan"]["missing_required"] == japan_missing


def test_responses_csv_is_read_when_answers_csv_is_missing(tmp_path):
    data = tmp_path / "normalized"
    data.mkdir()
    with (data / "responses.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["country", "ncm_exists", "ncm_type", "nap_exists", "nrm_exists"])
        writer.writerow(["Austria", "yes", "working_group", "yes", "no"])
        writer.writerow(["Bulgaria", "yes", "both", "no", "no"])
        writer.writerow(["Cyprus", "no", "", "", "yes"])
    files = build_report(data, tmp_path / "out", required=["ncm_exists", "nap_exists", "nrm_exists"])
    rows = {r["figure"]: r for r in read_csv(files["figures"])}
    assert rows["ncm_exists"]["text"] == "NCM exists 2/3 = 66.7%"
    assert rows["ncm_type.working_group"]["text"] == "working group only 1/2 = 50.0%"
    # responses.csv carries no status; Cyprus's missing nap_exists still counts as unknown
    assert rows["nap_exists"]["range"] == "range 33.3–66.7% while 1 required answer is missing"


def test_missing_dataset_is_a_clear_error(tmp_path):
    from questionnaire_returns.report.data import ReportDataError

    with pytest.raises(ReportDataError, match="answers.csv"):
        build_report(tmp_path, tmp_path / "out", required=[])


def test_cli_command_prints_where_each_file_is(tmp_path):
    import typer
    from typer.testing import CliRunner

    from questionnaire_returns.report.cli import report as report_command

    app = typer.Typer()
    app.command("report")(report_command)
    app.command("noop")(lambda: None)  # two commands, so `report` is addressed by name as in `returns report`
    data = write_hand_dataset(tmp_path / "normalized")
    result = CliRunner().invoke(app, ["report", "--data", str(data), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    for name in ("report.html", "report.xlsx", "figures.csv", "data_quality.csv", "table_overview.csv",
                 "charts"):
        assert name in result.output
    assert (tmp_path / "out" / "report.html").exists()
    missing = CliRunner().invoke(app, ["report", "--data", str(tmp_path / "nothing"), "--out", str(tmp_path / "o2")])
    assert missing.exit_code == 1
