"""The report's aggregate figures: each a count of States over a stated denominator.

Every figure is `numerator / denominator` where the denominator is a population of
respondents (all respondents, those with an NCM, with a NAP, with an NRM) and the
numerator those of it whose answer meets a test, as the 2008 report's footnotes state
them. Each figure also gets its range: the lowest and highest share it could take if
the values still under review (and required answers that are missing) turned out
otherwise -- yes<->no for yes/no fields, any other option for choice fields, any item
in or out for multi fields.
"""

from __future__ import annotations

import itertools
import re
from decimal import ROUND_HALF_UP, Decimal
from dataclasses import dataclass, field
from typing import Callable, Mapping

from questionnaire_returns import dictionary
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.report.data import Dataset

Values = Mapping[str, str | None]


def label(field_id: str, value: str | None) -> str:
    """A value's readable form: each id's label from the schema (questionnaire_returns.dictionary),
    multi values joined with ', '."""
    return dictionary.label(field_id, value)


# --------------------------------------------------------------------------- populations

@dataclass(frozen=True)
class Population:
    key: str
    fields: tuple[str, ...]
    test: Callable[[Values], bool]
    words: str  # the denominator in words
    short: str  # for chart titles: 'respondents with an NCM'


ALL = Population("all", (), lambda v: True, "respondents (every return, whatever it answers)", "respondents")
NCM = Population("ncm", ("ncm_exists",), lambda v: v.get("ncm_exists") == "yes",
                 "respondents with an NCM (Q1 answered yes)", "respondents with an NCM")
NAP = Population("nap", ("nap_exists",), lambda v: v.get("nap_exists") == "yes",
                 "respondents with a NAP (Q9a answered yes)", "respondents with a NAP")
NRM = Population("nrm", ("nrm_exists",), lambda v: v.get("nrm_exists") == "yes",
                 "respondents with an NRM (Q16 answered yes)", "respondents with an NRM")


@dataclass(frozen=True)
class FigureSpec:
    id: str
    group: str
    label: str
    population: Population
    fields: tuple[str, ...]
    test: Callable[[Values], bool]
    what: str  # the numerator in words
    note: str = "A question left unanswered counts in the denominator and not in the numerator."

    def definition(self, n: int | None = None) -> str:
        """The figure in words: numerator, denominator (with its size n when given)."""
        pop = f"all {self.population.words}" if n is None else f"the {n} {self.population.words}"
        return f"{self.what}, as a share of {pop}." + (f" {self.note}" if self.note else "")


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    population: Population


GROUPS: list[Group] = [
    Group("existence", "Respondents with each mechanism", ALL),
    Group("ncm_type", "Nature of the national co-ordination mechanism", NCM),
    Group("ncm_features", "Co-ordination mechanisms: civil society and budget", NCM),
    Group("ncm_civil_society_role", "Role of civil society in the co-ordination mechanism", NCM),
    Group("ncm_legal_basis", "Legal basis of the co-ordination mechanism", NCM),
    Group("ncm_function", "Main function of the co-ordination mechanism", NCM),
    Group("ncm_challenges", "Challenges facing the co-ordination mechanism", NCM),
    Group("nap_definitions", "Definitions of trafficking and of a comprehensive approach", ALL),
    Group("nap_coverage", "Coverage of the national action plan", NAP),
    Group("nap_challenges", "Challenges facing the national action plan", NAP),
    Group("nrm_type", "Nature of the national reporting mechanism", NRM),
    Group("nrm_authority", "Authority establishing the reporting mechanism", NRM),
    Group("nrm_features", "Reporting mechanisms: budget and public reports", NRM),
    Group("report_frequency", "Frequency of reports", NRM),
]
GROUP_BY_ID = {g.id: g for g in GROUPS}


def _eq(field_id: str, value: str) -> Callable[[Values], bool]:
    return lambda v: v.get(field_id) == value


def _has(field_id: str, item: str) -> Callable[[Values], bool]:
    return lambda v: item in (v.get(field_id) or "").split(";")


def _vocab(field_id: str) -> tuple[str, ...]:
    return tuple(CONTRACT.field(field_id).values or ())


def _choice_figures(group: str, field_id: str, phrase: str, multi: bool = False) -> list[FigureSpec]:
    """One figure per option; `phrase` says what is counted, with {name} for the option.

    A choice field also gets a 'not stated' figure (the question left unanswered), so
    its figures add up to the whole denominator as the 2008 report's tables do.
    """
    pop = GROUP_BY_ID[group].population
    out = []
    for item in _vocab(field_id):
        name = label(field_id, item)
        test = _has(field_id, item) if multi else _eq(field_id, item)
        out.append(FigureSpec(f"{field_id}.{item}", group, name, pop, (field_id,), test, phrase.format(name=f"'{name}'")))
    if not multi:
        question = re.search(r"\((Q\w+)", phrase)
        out.append(FigureSpec(
            f"{field_id}.not_stated", group, "not stated", pop, (field_id,), lambda v: v.get(field_id) is None,
            f"Those that leave {question.group(1) if question else 'the question'} ({field_id}) unanswered",
            note="",
        ))
    return out


def figure_specs() -> list[FigureSpec]:
    specs: list[FigureSpec] = [
        FigureSpec("ncm_exists", "existence", "NCM exists", ALL, ("ncm_exists",), _eq("ncm_exists", "yes"),
                   "Respondents answering yes to Q1 (a recognised national co-ordination mechanism)"),
        FigureSpec("nap_exists", "existence", "NAP exists", ALL, ("nap_exists",), _eq("nap_exists", "yes"),
                   "Respondents answering yes to Q9a (a national action plan)"),
        FigureSpec("nap_equivalent_only", "existence", "NAP equivalent only", ALL, ("nap_exists", "nap_equivalent"),
                   lambda v: v.get("nap_exists") != "yes" and v.get("nap_equivalent") == "yes",
                   "Respondents without a NAP (Q9a not yes) answering yes to Q9b (another equivalent co-ordinated policy response)"),
        FigureSpec("nap_or_equivalent", "existence", "NAP or equivalent", ALL, ("nap_exists", "nap_equivalent"),
                   lambda v: v.get("nap_exists") == "yes" or v.get("nap_equivalent") == "yes",
                   "Respondents answering yes to Q9a (a NAP) or Q9b (an equivalent policy response)"),
        FigureSpec("nrm_exists", "existence", "NRM exists", ALL, ("nrm_exists",), _eq("nrm_exists", "yes"),
                   "Respondents answering yes to Q16 (a national rapporteur or equivalent mechanism)"),
    ]
    specs += _choice_figures("ncm_type", "ncm_type", "Those whose mechanism is {name} (Q2)")
    specs += [
        FigureSpec("ncm_civil_society", "ncm_features", "civil society represented", NCM, ("ncm_civil_society",),
                   _eq("ncm_civil_society", "yes"),
                   "Those whose mechanism includes or formally consults civil society (Q3d yes)"),
        FigureSpec("ncm_budget", "ncm_features", "dedicated budget", NCM, ("ncm_budget",), _eq("ncm_budget", "yes"),
                   "Those whose mechanism has a budget (Q5 yes)"),
    ]
    specs += _choice_figures("ncm_civil_society_role", "ncm_civil_society_role",
                              "Those whose civil-society members act in the {name} role (Q3d, one or more roles)", multi=True)
    specs += _choice_figures("ncm_legal_basis", "ncm_legal_basis", "Those whose mechanism was established by {name} (Q4)")
    specs += _choice_figures("ncm_function", "ncm_function",
                              "Those naming {name} among the mechanism's main functions (Q6, one or more)", multi=True)
    specs += _choice_figures("ncm_challenges", "ncm_challenge_topics",
                              "Those naming {name} among the mechanism's main challenges (Q8, one or more)", multi=True)
    specs += [
        FigureSpec("thb_defined", "nap_definitions", "THB defined", ALL, ("thb_defined",), _eq("thb_defined", "yes"),
                   "Respondents answering yes to Q11 (trafficking defined in legislation or the national action plan)"),
        FigureSpec("comprehensive_approach_defined", "nap_definitions", "comprehensive approach defined", ALL,
                   ("comprehensive_approach_defined",), _eq("comprehensive_approach_defined", "yes"),
                   "Respondents answering yes to Q12 (prevention, prosecution, protection and assistance defined)"),
    ]
    specs += _choice_figures("nap_coverage", "nap_coverage", "Those whose policy response covers {name} (Q10, one or more)", multi=True)
    specs += _choice_figures("nap_challenges", "nap_challenge_topics",
                              "Those naming {name} among the plan's main challenges (Q15, one or more)", multi=True)
    specs += _choice_figures("nrm_type", "nrm_type", "Those whose reporting mechanism is {name} (Q17)")
    specs += _choice_figures("nrm_authority", "nrm_authority", "Those whose reporting function was established by {name} (Q18)")
    specs += [
        FigureSpec("nrm_budget", "nrm_features", "dedicated budget", NRM, ("nrm_budget",), _eq("nrm_budget", "yes"),
                   "Those whose reporting function has a budget (Q20 yes)"),
        FigureSpec("reports_public", "nrm_features", "reports made public", NRM, ("reports_public",),
                   _eq("reports_public", "yes"), "Those whose reports are made public (Q21c yes)"),
    ]
    specs += _choice_figures("report_frequency", "report_frequency", "Those whose reports' frequency is {name} (Q21a)")
    return specs


# --------------------------------------------------------------------------- computation

@dataclass
class FigureResult:
    spec: FigureSpec
    numerator: int
    denominator: int
    share_min: float | None
    share_max: float | None
    uncertain: list[tuple[str, str]] = field(default_factory=list)  # (country, field)

    @property
    def definition(self) -> str:
        return self.spec.definition(self.denominator)

    @property
    def share(self) -> float | None:
        return pct(self.numerator, self.denominator)

    @property
    def text(self) -> str:
        share = "–" if self.share is None else f"{self.share:.1f}%"
        return f"{self.spec.label} {self.numerator}/{self.denominator} = {share}"

    @property
    def missing_count(self) -> int:
        return sum(1 for _, f in self.uncertain if f.startswith("missing:"))

    @property
    def range_text(self) -> str:
        n = len(self.uncertain)
        if n == 0:
            return "no field under review"
        lo = "–" if self.share_min is None else f"{self.share_min:.1f}"
        hi = "–" if self.share_max is None else f"{self.share_max:.1f}"
        missing = self.missing_count
        review = n - missing
        parts = []
        if review:
            parts.append(f"{review} field{'s' if review != 1 else ''} {'are' if review != 1 else 'is'} under review")
        if missing:
            parts.append(f"{missing} required answer{'s' if missing != 1 else ''} {'are' if missing != 1 else 'is'} missing")
        return f"range {lo}–{hi}% while {' and '.join(parts)}"

    @property
    def full_text(self) -> str:
        return f"{self.text} ({self.range_text})"


def candidates(ds: Dataset, country: str, field_id: str) -> list[str | None]:
    """The values a field could take: its own if settled; any other option if uncertain."""
    cell = ds.cell(country, field_id)
    if not ds.uncertain(country, field_id):
        return [cell.value if cell is not None else None]
    spec = CONTRACT.fields.get(field_id)
    vocab: list[str | None] = list(spec.values or ()) if spec is not None else []
    if cell is None:  # a required answer missing: unknown, could be any option
        return vocab or [None]
    value = cell.value
    if spec is None or spec.type not in ("yesno", "choice", "multi", "ministries") or not vocab:
        return [value]
    if spec.type in ("yesno", "choice") or spec.max_values == 1:
        others: list[str | None] = [v for v in vocab if v != value]
        return [value] + others
    # multi: each item could be in or out
    items = set(value.split(";"))
    out: list[str | None] = [value]
    for item in (v for v in vocab if v is not None):
        flipped = items ^ {item}
        out.append(";".join(sorted(flipped)) if flipped else None)
    return out


def _outcomes(ds: Dataset, country: str, spec: FigureSpec) -> set[tuple[int, int]]:
    fields = tuple(dict.fromkeys(spec.population.fields + spec.fields))
    options = [candidates(ds, country, f) for f in fields]
    out: set[tuple[int, int]] = set()
    for combo in itertools.product(*options):
        values = dict(zip(fields, combo))
        if not spec.population.test(values):
            out.add((0, 0))
        else:
            out.add((1, 1) if spec.test(values) else (0, 1))
    return out


def pct(num: int, den: int) -> float | None:
    """num/den as a percentage with one decimal, halves rounded up (7/16 -> 43.8); None for 0/0."""
    if den == 0:
        return None
    exact = Decimal(100 * num) / Decimal(den)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _share(num: int, den: int) -> float | None:
    return pct(num, den)


def _extreme(option_sets: list[set[tuple[int, int]]], highest: bool) -> float | None:
    """Lowest (or highest) share num/den over one option per country.

    Each country adds (0,0) (outside the denominator), (0,1) (in it, not counted) or
    (1,1) (counted). Adding (0,1) never raises a share and (1,1) never lowers it, so
    the extreme takes, per country, the option that pushes most that way.
    """
    order = [(1, 1), (0, 0), (0, 1)] if highest else [(0, 1), (0, 0), (1, 1)]
    num = den = 0
    for opts in option_sets:
        pick = next(o for o in order if o in opts)
        num += pick[0]
        den += pick[1]
    if den == 0 and highest and any((0, 1) in o for o in option_sets):
        return 0.0  # no country can be counted; any non-empty denominator gives 0
    return _share(num, den)


def compute_figure(ds: Dataset, spec: FigureSpec) -> FigureResult:
    num = den = 0
    option_sets = []
    uncertain: list[tuple[str, str]] = []
    fields = tuple(dict.fromkeys(spec.population.fields + spec.fields))
    for country in ds.countries:
        values = {f: ds.value(country, f) for f in fields}
        if spec.population.test(values):
            den += 1
            num += 1 if spec.test(values) else 0
        opts = _outcomes(ds, country, spec)
        option_sets.append(opts)
        if len(opts) > 1:
            for f in fields:
                if ds.uncertain(country, f):
                    uncertain.append((country, f if ds.cell(country, f) is not None else f"missing:{f}"))
    lo, hi = _extreme(option_sets, False), _extreme(option_sets, True)
    if lo == hi == pct(num, den):
        uncertain = []  # whatever the values under review turn out to be, the share stays: nothing to flag
    return FigureResult(spec, num, den, lo, hi, uncertain)


def compute_figures(ds: Dataset) -> list[FigureResult]:
    return [compute_figure(ds, spec) for spec in figure_specs()]
