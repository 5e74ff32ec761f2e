"""The per-country summary tables, in the shape of the 2008 report's Annex C.

Each table is a list of rows; each cell knows the fields it was built from, so a cell
whose value is still under review (or a required answer that is missing) is marked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.report.data import Dataset
from questionnaire_returns.dictionary import value_labels
from questionnaire_returns.report.figures import label

CHECK = "✓"
REVIEW_COLUMN = "Under review"


@dataclass(frozen=True)
class Column:
    header: str
    fields: tuple[str, ...]
    render: Callable[[Dataset, str], str]
    width: int = 14


@dataclass
class Table:
    id: str
    title: str
    columns: list[Column]
    rows: list[list[str]] = field(default_factory=list)
    flagged: list[set[int]] = field(default_factory=list)  # per row: column indexes under review
    review: list[str] = field(default_factory=list)  # per row: the columns under review, '; '-joined
    counted: int = 0  # rows the figures count (their population: those with the mechanism)
    population: str = ""  # that population in words ('respondents with an NRM')

    @property
    def extra(self) -> int:
        """Rows listed beyond the figures' population: an answer under review, or a 'no' that still
        describes a mechanism, or an equivalent of a plan."""
        return len(self.rows) - self.counted

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns] + [REVIEW_COLUMN]

    def records(self) -> list[list[str]]:
        return [row + [rev] for row, rev in zip(self.rows, self.review)]


def _val(field_id: str) -> Callable[[Dataset, str], str]:
    def render(ds: Dataset, country: str) -> str:
        value = ds.value(country, field_id)
        if value is None:
            return "not answered" if field_id in ds.required else ""
        return label(field_id, value)
    return render


def _raw(field_id: str) -> Callable[[Dataset, str], str]:
    return lambda ds, c: ds.value(c, field_id) or ""


def _item(field_id: str, item: str) -> Callable[[Dataset, str], str]:
    def render(ds: Dataset, country: str) -> str:
        return CHECK if item in (ds.value(country, field_id) or "").split(";") else ""
    return render


def _number(field_id: str) -> Callable[[Dataset, str], str]:
    def render(ds: Dataset, country: str) -> str:
        value = ds.value(country, field_id)
        if value is None:
            return ""
        try:
            return f"{float(value):g}%"
        except ValueError:
            return value
    return render


def _year_with_other(year: str, other: str) -> Callable[[Dataset, str], str]:
    def render(ds: Dataset, country: str) -> str:
        first, rest = ds.value(country, year), ds.value(country, other)
        if first and rest:
            return f"{first} ({rest.replace(';', ', ')})"
        return first or ""
    return render


def _nap_exists(ds: Dataset, country: str) -> str:
    nap, eq = ds.value(country, "nap_exists"), ds.value(country, "nap_equivalent")
    if nap == "yes":
        return "NAP"
    if eq == "yes":
        return "equivalent"
    if nap is None:
        return "not answered"
    return "no"


def _columns() -> dict[str, list[Column]]:
    coverage = [
        Column(value_labels("nap_coverage")[item], ("nap_coverage",), _item("nap_coverage", item), 11)
        for item in CONTRACT.field("nap_coverage").values or ()
    ]
    return {
        "overview": [
            Column("Country", (), lambda ds, c: c, 30),
            Column("Respondent type", ("respondent_type",), _val("respondent_type"), 22),
            Column("NCM", ("ncm_exists",), _val("ncm_exists"), 8),
            Column("NCM established", ("ncm_established_year", "ncm_established_year_other"),
                   _year_with_other("ncm_established_year", "ncm_established_year_other"), 14),
            Column("NRM", ("nrm_exists",), _val("nrm_exists"), 8),
            Column("NRM established", ("nrm_established_year", "nrm_established_year_other"),
                   _year_with_other("nrm_established_year", "nrm_established_year_other"), 14),
            Column("NAP", ("nap_exists",), _val("nap_exists"), 8),
            Column("NAP equivalent", ("nap_equivalent",), _val("nap_equivalent"), 12),
            Column("NAP year", ("nap_year",), _raw("nap_year"), 10),
        ],
        "ncm": [
            Column("Country", (), lambda ds, c: c, 30),
            Column("Nature", ("ncm_type",), _val("ncm_type"), 22),
            Column("Co-ordinator", ("ncm_coordinator",), _raw("ncm_coordinator"), 30),
            Column("Body", ("ncm_body_name",), _raw("ncm_body_name"), 40),
            Column("Lead ministry", ("ncm_lead_ministry",), _val("ncm_lead_ministry"), 16),
            Column("Ministries represented", ("ncm_ministries",), _val("ncm_ministries"), 40),
            Column("Legal basis", ("ncm_legal_basis",), _val("ncm_legal_basis"), 18),
            Column("Budget", ("ncm_budget",), _val("ncm_budget"), 8),
            Column("Civil society", ("ncm_civil_society",), _val("ncm_civil_society"), 12),
            Column("Civil society share", ("ncm_civil_society_share",), _number("ncm_civil_society_share"), 12),
            Column("Civil society role", ("ncm_civil_society_role",), _val("ncm_civil_society_role"), 22),
            Column("Function", ("ncm_function",), _val("ncm_function"), 30),
        ],
        "nap": [
            Column("Country", (), lambda ds, c: c, 30),
            Column("NAP / equivalent", ("nap_exists", "nap_equivalent"), _nap_exists, 14),
            Column("Year", ("nap_year",), _raw("nap_year"), 8),
            *coverage,
            Column("THB defined", ("thb_defined",), _val("thb_defined"), 10),
            Column("Comprehensive approach defined", ("comprehensive_approach_defined",),
                   _val("comprehensive_approach_defined"), 14),
        ],
        "nrm": [
            Column("Country", (), lambda ds, c: c, 30),
            Column("Type", ("nrm_type",), _val("nrm_type"), 30),
            Column("Authority", ("nrm_authority",), _val("nrm_authority"), 14),
            Column("Established", ("nrm_established_year", "nrm_established_year_other"),
                   _year_with_other("nrm_established_year", "nrm_established_year_other"), 12),
            Column("Budget", ("nrm_budget",), _val("nrm_budget"), 8),
            Column("Report frequency", ("report_frequency",), _val("report_frequency"), 16),
            Column("Reports public", ("reports_public",), _val("reports_public"), 10),
            Column("Report content", ("report_content",), _val("report_content"), 50),
        ],
    }


TABLE_TITLES = {
    "overview": "Mechanisms by State: co-ordination mechanism, rapporteur and action plan",
    "ncm": "National co-ordination mechanisms",
    "nap": "National action plans",
    "nrm": "National rapporteurs or equivalent mechanisms",
}

# which countries a table lists: the overview all; the others those that report the mechanism
_GATE = {
    "overview": None,
    "ncm": ("ncm_exists", "ncm_"),
    "nap": ("nap_exists", "nap_"),
    "nrm": ("nrm_exists", "nrm_"),
}


def _listed(ds: Dataset, country: str, table_id: str, columns: list[Column]) -> bool:
    gate = _GATE[table_id]
    if gate is None:
        return True
    exists_field, _ = gate
    if ds.value(country, exists_field) == "yes" or ds.uncertain(country, exists_field):
        return True
    if table_id == "nap" and ds.value(country, "nap_equivalent") == "yes":
        return True
    # a 'no' (or no answer) that still describes a mechanism is listed, so nothing is hidden
    detail = {f for col in columns for f in col.fields} - {exists_field, "nap_equivalent", "thb_defined",
                                                           "comprehensive_approach_defined"}
    return any(ds.value(country, f) is not None for f in detail)


def _counted(ds: Dataset, country: str, table_id: str) -> bool:
    """Whether the figures count the country in this table's population (as their n does)."""
    from questionnaire_returns.report.figures import NAP, NCM, NRM

    population = {"ncm": NCM, "nap": NAP, "nrm": NRM}.get(table_id)
    if population is None:
        return True
    return population.test({f: ds.value(country, f) for f in population.fields})


POPULATION_WORDS = {"ncm": "respondents with an NCM", "nap": "respondents with a NAP", "nrm": "respondents with an NRM",
                    "overview": "respondents"}


def build_tables(ds: Dataset) -> list[Table]:
    tables = []
    for table_id, columns in _columns().items():
        table = Table(table_id, TABLE_TITLES[table_id], columns, population=POPULATION_WORDS[table_id])
        for country in ds.countries:
            if not _listed(ds, country, table_id, columns):
                continue
            table.rows.append([col.render(ds, country) for col in columns])
            table.counted += _counted(ds, country, table_id)
            flagged = {i for i, col in enumerate(columns) if any(ds.uncertain(country, f) for f in col.fields)}
            table.flagged.append(flagged)
            names = []
            for i in sorted(flagged):
                missing = all(ds.cell(country, f) is None for f in columns[i].fields if ds.uncertain(country, f))
                names.append(columns[i].header + (" (missing)" if missing else ""))
            table.review.append("; ".join(names))
        tables.append(table)
    return tables
