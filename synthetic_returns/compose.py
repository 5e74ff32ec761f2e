"""Draw a return's answers and write them in a language: the answer key comes from here.

`draw_plan` draws the facts of one return (language-independent values plus the phrase-bank
texts chosen for them); `compose_questionnaire` writes them as answers to the numbered
questions (a flow of questions, tick boxes and answer lines that every renderer lays out);
`compose_narrative` writes them as a letter. Both return the fields the written return
really answers: a fact that is not written is not keyed.
"""

from __future__ import annotations

import random
import re
import string
from dataclasses import dataclass, field
from datetime import date

from .bank import fmt_date, fold

SINGLE_MINISTRIES = ["interior", "justice", "foreign_affairs", "labour", "social", "health",
                     "education", "family", "finance", "migration", "defence", "culture"]
NCM_TOPICS = ["resources", "disagreement", "priorities", "coordination", "data", "other"]
NAP_TOPICS = NCM_TOPICS + ["support"]
COVERAGE = ["legislative_reform", "prevention", "protection_assistance", "law_enforcement",
            "international_cooperation", "stakeholder_roles", "timeline", "other"]
CONTENT = ["scope", "trends", "law_enforcement", "victim_services", "prevention",
           "international_cooperation", "other"]
FUNCTIONS = ["advisory", "policy_making", "implementation", "other"]
ROLES = ["decision_making", "observer", "other"]


# ----------------------------------------------------------------------------- helpers
def fill(template: str, **kw) -> str:
    """str.format with Capitalised variants ({B} = {b} with a capital first letter)."""
    extra = {}
    for k, v in kw.items():
        if isinstance(v, str) and v:
            extra[k[0].upper() + k[1:]] = v[0].upper() + v[1:]
    extra.update(kw)
    return re.sub(r"(?<!\.)\.\.(?!\.)", ".", template.format_map(extra))


def slots(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def wchoice(rng: random.Random, weighted: dict):
    keys = list(weighted)
    return rng.choices(keys, weights=[weighted[k] for k in keys])[0]


def join_list(bank: dict, items: list[str]) -> str:
    items = list(items)
    if len(items) == 1:
        return items[0]
    return bank.get("list_sep", ", ").join(items[:-1]) + f" {bank['and']} " + items[-1]


def a_date(rng: random.Random, y0: int, y1: int) -> date:
    return date(rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28))


def say_date(rng: random.Random, bank: dict, d: date) -> str:
    return fmt_date(bank, d, rng.choice(bank["dates"]))


def say_month_year(rng: random.Random, bank: dict, d: date) -> str:
    return fmt_date(bank, d, rng.choice(bank["month_year"]))


def multi(ids) -> str:
    return ";".join(sorted(set(ids)))


# ----------------------------------------------------------------------------- the plan
def draw_plan(rng: random.Random, bank: dict) -> dict:
    """The facts of one return, coherent across questions."""
    T = bank["texts"]
    p: dict = {}
    p["ncm_exists"] = rng.random() < 0.85
    if p["ncm_exists"]:
        p["ncm_type"] = wchoice(rng, {"working_group": 45, "both": 30, "coordinator": 17, "other": 8})
        p["coordinator"] = rng.choice(T["coordinator"])
        p["body"] = rng.choice(T["body"])
        p["other_ncm"] = rng.choice(bank["other_ncm"])
        lead = wchoice(rng, {"interior": 6, "justice": 2, "foreign_affairs": 2, "labour": 1, "social": 1, "family": 1})
        p["lead"] = lead
        p["lead_name"] = rng.choice(bank["ministries"][lead])
        # ministries represented: names as written, each with the ids it resolves to
        names: list[tuple[str, list[str]]] = []
        ids: set[str] = set()
        if rng.random() < 0.3:
            comb = rng.choice(bank["combined_ministries"])
            names.append((comb["text"], list(comb["ids"])))
            ids |= set(comb["ids"])
        if lead not in ids:
            names.append((p["lead_name"], [lead]))
            ids.add(lead)
        for mid in rng.sample(SINGLE_MINISTRIES, rng.randint(1, 6)):
            if mid not in ids:
                names.append((rng.choice(bank["ministries"][mid]), [mid]))
                ids.add(mid)
        if rng.random() < 0.15:
            names.append((rng.choice(bank["ministries"]["other"]), ["other"]))
            ids.add("other")
        if rng.random() < 0.12:  # a body of one ministry with experts: not inter-ministerial
            names, ids = [(p["lead_name"], [lead])], {lead}
        rng.shuffle(names)
        p["ministry_names"] = names
        p["ministry_ids"] = ids
        p["interministerial"] = len(ids) >= 2
        p["experts"] = rng.random() < 0.6
        p["experts_text"] = rng.choice(T["experts"])
        p["cs"] = rng.random() < 0.6
        if p["cs"]:
            kind = wchoice(rng, {"percent": 5, "fraction": 3, "ratio": 2, "none": 2})
            sh = bank["share"]
            if kind == "percent":
                v = rng.choice([5, 10, 12, 15, 20, 25, 30, 40, 12.5, 7.5])
                vs = f"{v:g}"
                shown = vs if bank["lang"] == "en" else vs.replace(".", bank.get("decimal", "."))
                p["cs_share_text"] = fill(rng.choice(sh["percent"]), p=shown)
                p["cs_share"] = vs
            elif kind == "fraction":
                fr = rng.choice(sh["fractions"])
                p["cs_share_text"], p["cs_share"] = fr["text"], str(fr["value"])
            elif kind == "ratio":
                n = rng.choice([10, 20, 8, 5, 12, 15])
                k = rng.choice([x for x in range(1, n // 2 + 1) if (100 * x / n) == round(100 * x / n, 1)])
                p["cs_share_text"] = fill(rng.choice(sh["ratio"]), k=str(k), n=str(n))
                p["cs_share"] = f"{round(100 * k / n, 1):g}"
            p["cs_roles"] = sorted(rng.sample(ROLES, wchoice(rng, {1: 8, 2: 2})))
        p["legal_basis"] = wchoice(rng, {"legislation": 3, "decree": 4, "policy": 2, "other": 1})
        p["basis_text"] = fill(rng.choice(bank["legal_basis"][p["legal_basis"]]), num=str(rng.randint(2, 1800)))
        p["est_date"] = a_date(rng, 1995, 2007)
        p["est_mode"] = wchoice(rng, {"one": 8, "two": 2, "vague": 1})
        if p["est_mode"] == "two":
            p["est_y2"] = rng.randint(p["est_date"].year + 1, 2007) if p["est_date"].year < 2007 else None
            if p["est_y2"] is None:
                p["est_mode"] = "one"
        if p["est_mode"] == "vague":
            p["est_date"] = a_date(rng, 1991, 1994)
        p["budget"] = rng.random() < 0.4
        p["budget_covers"] = rng.choice(T["budget_covers"])
        p["function"] = sorted(rng.sample(FUNCTIONS[:3], rng.randint(1, 3)) + (["other"] if rng.random() < 0.1 else []))
        p["ncm_achievements"] = " ".join(rng.sample(T["achievements"], rng.randint(1, 3)))
        topics = sorted(rng.sample(NCM_TOPICS, rng.randint(1, 3)))
        p["ncm_topics"] = topics
        p["ncm_challenges"] = " ".join(rng.choice(T["challenges"][t]) for t in rng.sample(topics, len(topics)))
    # B. National action plan
    p["nap_exists"] = rng.random() < 0.7
    p["nap_equivalent"] = rng.random() < (0.2 if p["nap_exists"] else 0.45)
    p["nap_date"] = a_date(rng, 2000, 2007)
    p["nap_y2"] = p["nap_date"].year + rng.choice([2, 3, 4, 5])
    p["nap_equiv_text"] = rng.choice(T["nap_equiv"])
    p["coverage"] = sorted(rng.sample(COVERAGE[:7], rng.randint(3, 7)) + (["other"] if rng.random() < 0.1 else []))
    p["thb_defined"] = rng.random() < 0.85
    p["thb_definition"] = rng.choice(T["thb_definition"])
    p["comprehensive"] = rng.random() < 0.7
    p["nap_review"] = rng.choice(T["nap_review"])
    p["nap_achievements"] = " ".join(rng.sample(T["nap_achievements"], rng.randint(1, 2)))
    topics = sorted(rng.sample(NAP_TOPICS, rng.randint(1, 3)))
    p["nap_topics"] = topics
    p["nap_challenges"] = " ".join(rng.choice(T["challenges"][t]) for t in rng.sample(topics, len(topics)))
    # C. National reporting mechanism
    p["nrm_exists"] = rng.random() < 0.45
    if p["nrm_exists"]:
        types = {"independent_rapporteur": 3, "ministry_function": 3, "research_institute": 1, "other": 1}
        if p["ncm_exists"] and p["ncm_type"] in ("coordinator", "both"):
            types["coordinator_function"] = 3
        p["nrm_type"] = wchoice(rng, types)
        p["nrm_authority"] = wchoice(rng, {"legislation": 4, "policy": 4, "other": 1})
        p["nrm_date"] = a_date(rng, 1998, 2007)
        p["nrm_y2"] = rng.randint(p["nrm_date"].year + 1, 2008) if rng.random() < 0.15 else None
        p["nrm_budget"] = rng.random() < 0.45
        p["nrm_budget_covers"] = rng.choice(T["nrm_budget_covers"])
        p["freq"] = wchoice(rng, {"annual": 6, "biannual": 2, "biennial": 2, "irregular": 1, "other": 1})
        p["recipient"] = rng.choice(T["recipient"])
        p["public"] = rng.random() < 0.7
        p["content"] = sorted(rng.sample(CONTENT[:6], rng.randint(2, 6)) + (["other"] if rng.random() < 0.1 else []))
        p["model"] = rng.choice(["prescribed", "varies"])
        p["nrm_success"] = rng.choice(T["nrm_success"])
        p["nrm_challenges"] = rng.choice(T["nrm_challenges"])
    p["future"] = str(rng.choice([2008, 2008, 2009]))
    return p


# ----------------------------------------------------------------------------- the flow
@dataclass
class Opt:
    label: str
    ticked: bool
    fill: str = ""


@dataclass
class Return:
    """One return written as a questionnaire: the flow every renderer lays out, and its key."""
    lang: str
    flow: list = field(default_factory=list)  # ('title'|'subtitle'|'para'|'section'|'q'|'part'|'opts'|'ans', ...)
    fields: dict = field(default_factory=dict)
    date_text: str | None = None


class _Writer:
    def __init__(self, rng, bank, plan, style) -> None:
        self.rng, self.bank, self.p, self.style = rng, bank, plan, style
        self.flow: list = []
        self.f: dict = {}

    # --- primitives
    def q(self, key: str):
        st, b = self.style, self.bank
        qd = b["questions"][key]
        number = "21" if key.startswith("21") else key
        sec = "A" if int(number) <= 8 else "B" if int(number) <= 15 else "C"
        label = st["q_label"].format(n=number, sec=sec)
        mode = st["qtext"]
        if mode == "mixed":
            mode = self.rng.choice(["full", "short"])
        text = qd["text"] if mode == "full" else qd.get("short", "") if mode == "short" else ""
        self.flow.append(("q", label, text))

    def part(self, key: str, opt: str, show_text: bool = True):
        qd = self.bank["questions"][key]
        letter = self.bank.get("letters", {}).get(opt, opt)
        self.flow.append(("part", f"{letter})", qd["options"][opt] if show_text else ""))

    def opts(self, key: str, ticked: set, fills: dict | None = None, only: list | None = None):
        qd = self.bank["questions"][key]
        fills = fills or {}
        lt = self.bank.get("letters", {})
        out = [Opt((f"{lt.get(o, o)}) " if self.style.get("opt_letters") else "") + qd["options"][o], o in ticked,
                   fills.get(o, "")) for o in (only or qd["options"])]
        self.flow.append(("opts", out, self.style["inline"]))

    def ans(self, text: str):
        if self.style["answer_label"] and self.rng.random() < 0.5:
            text = f"{self.style['answer_label']} {text}"
        self.flow.append(("ans", text))

    def blankish(self, key: str) -> bool:
        """Leave the question unanswered (blank, N/A, -): its fields are not keyed."""
        if self.rng.random() < self.style["p_blank"]:
            self.q(key)
            if self.rng.random() < 0.7:
                self.ans(self.rng.choice(self.bank["na"]))
            return True
        return False

    def ticks(self) -> bool:
        return self.rng.random() < self.style["p_tick"]

    def yn(self, v: bool) -> str:
        return self.rng.choice(self.bank["say_yes" if v else "say_no"])

    def T(self, tpl_key, **kw):
        return fill(self.rng.choice(self.bank[tpl_key]), **kw)

    # --- the questions
    def write(self):
        b, p, rng, f = self.bank, self.p, self.rng, self.f
        sections = b["sections"]
        # A ------------------------------------------------------------------
        self.flow.append(("section", sections["A"]))
        self.q("1")
        if self.ticks():
            self.opts("1", {"a"} if p["ncm_exists"] else {"b"})
        elif p["ncm_exists"]:
            t = rng.choice(b["say_yes"] + b["yes_ext"]["ncm"])
            if "{year}" in t:
                if p["est_mode"] == "vague":
                    t = rng.choice(b["say_yes"])
                else:
                    t = fill(t, year=str(p["est_date"].year))
                    f["ncm_established_year"] = str(p["est_date"].year)
            self.ans(t)
        else:
            self.ans(fill(rng.choice(b["say_no"] + b["no_ext"]["ncm"]), future=p["future"]))
        f["ncm_exists"] = "yes" if p["ncm_exists"] else "no"
        if p["ncm_exists"]:
            self.write_ncm()
        else:
            for key in ["2", "3", "4", "5", "6", "7", "8"]:
                if rng.random() < 0.5:
                    self.q(key)
                    if rng.random() < 0.6:
                        self.ans(rng.choice(b["na"]))
        # B ------------------------------------------------------------------
        self.flow.append(("section", sections["B"]))
        self.write_nap()
        # C ------------------------------------------------------------------
        self.flow.append(("section", sections["C"]))
        self.write_nrm()

    def write_ncm(self):
        b, p, rng, f = self.bank, self.p, self.rng, self.f
        t = p["ncm_type"]
        # Q2
        if not self.blankish("2"):
            self.q("2")
            if self.ticks():
                ticked = {"coordinator": {"a"}, "working_group": {"b"}, "both": {"a", "b"}, "other": {"c"}}[t]
                fills = {}
                if "a" in ticked:
                    fills["a"] = fill(rng.choice(b["coordinator_fill"]), x=p["coordinator"])
                if "b" in ticked:
                    fills["b"] = p["body"]
                if "c" in ticked:
                    fills["c"] = p["other_ncm"]
                self.opts("2", ticked, fills)
            else:
                if t == "coordinator":
                    self.ans(self.T("coordinator_word", x=p["coordinator"]))
                elif t == "working_group":
                    self.ans(self.T("body_word", x=p["body"]))
                elif t == "both":
                    self.ans(self.T("both_word", c=p["coordinator"], b=p["body"]))
                else:
                    self.ans(p["other_ncm"])
            f["ncm_type"] = t
            if t in ("coordinator", "both"):
                f["ncm_coordinator"] = p["coordinator"]
            if t in ("working_group", "both"):
                f["ncm_body_name"] = p["body"]
        # Q3
        if t in ("working_group", "both", "other") and not self.blankish("3"):
            self.q("3")
            show = rng.random() < 0.7
            # a) inter-ministerial
            self.part("3", "a", show)
            names = [n for n, _ in p["ministry_names"]]
            if p["interministerial"]:
                listing = join_list(b, names)
                if self.ticks():
                    self.opts("1", {"a"})  # Yes / No boxes
                    self.ans(listing)
                else:
                    self.ans(self.T("ministries_word", list=listing))
            else:
                self.ans(self.yn(False))
            f["ncm_interministerial"] = "yes" if p["interministerial"] else "no"
            if p["interministerial"]:
                f["ncm_ministries"] = multi(p["ministry_ids"])
                if rng.random() < 0.75:
                    self.ans(self.T("lead_word", m=p["lead_name"]))
                    f["ncm_lead_ministry"] = p["lead"]
            # b) experts
            self.part("3", "b", show)
            if p["experts"]:
                self.ans(self.T("experts_word", x=p["experts_text"]))
            else:
                self.ans(self.yn(False))
            f["ncm_experts"] = "yes" if p["experts"] else "no"
            # c) other
            if rng.random() < 0.5:
                self.part("3", "c", show)
                self.ans(rng.choice(b["na"] + [b["texts"]["other_members"][0]]))
            # d) civil society
            if rng.random() < 0.9:
                self.part("3", "d", show)
                if p["cs"]:
                    roles = b.get("role_join", " and ").join(rng.choice(b["roles"][r]) for r in p["cs_roles"])
                    if "cs_share" in p:
                        self.ans(self.T("civil_society_word", share=p["cs_share_text"], role=roles))
                        f["ncm_civil_society_share"] = p["cs_share"]
                    else:
                        self.ans(f"{self.yn(True).rstrip('.')}, {roles}.")
                    f["ncm_civil_society_role"] = multi(p["cs_roles"])
                else:
                    self.ans(rng.choice(b["civil_society_no"]))
                f["ncm_civil_society"] = "yes" if p["cs"] else "no"
        # Q4
        if not self.blankish("4"):
            self.q("4")
            d = p["est_date"]
            if p["est_mode"] == "one" and rng.random() < 0.5:
                self.ans(self.T("basis_date_word", b=p["basis_text"], date=say_date(rng, b, d)))
                f["ncm_established_year"] = str(d.year)
            else:
                self.ans(self.T("basis_word", b=p["basis_text"]))
                if p["est_mode"] == "one":
                    self.ans(self.T("year_word", date=say_date(rng, b, d), year=str(d.year),
                                    month_year=say_month_year(rng, b, d)))
                    f["ncm_established_year"] = str(d.year)
                elif p["est_mode"] == "two":
                    self.ans(self.T("year_two", year=str(d.year), y2=str(p["est_y2"])))
                    f["ncm_established_year"] = str(d.year)
                    f["ncm_established_year_other"] = str(p["est_y2"])
                else:
                    self.ans(rng.choice(b["year_vague"]))
                    f.pop("ncm_established_year", None)  # a decade is not a year: not keyed
            f["ncm_legal_basis"] = p["legal_basis"]
        # Q5
        if not self.blankish("5"):
            self.q("5")
            if self.ticks():
                self.opts("5", {"a"} if p["budget"] else {"b"})
                if p["budget"]:
                    self.ans(p["budget_covers"])
            elif p["budget"]:
                self.ans(rng.choice(b["budget_yes"]))
                self.ans(p["budget_covers"])
            else:
                self.ans(rng.choice(b["budget_no"]))
            f["ncm_budget"] = "yes" if p["budget"] else "no"
            if p["budget"]:
                f["ncm_budget_covers"] = fold(p["budget_covers"])
        # Q6
        if not self.blankish("6"):
            self.q("6")
            letters = dict(zip(FUNCTIONS, "abcd"))
            if self.ticks():
                self.opts("6", {letters[x] for x in p["function"]})
            else:
                labels = [b["function_labels"][x] for x in p["function"]]
                self.ans(self.T("function_word", list=join_list(b, labels)))
            f["ncm_function"] = multi(p["function"])
        # Q7, Q8
        if not self.blankish("7"):
            self.q("7")
            self.ans(p["ncm_achievements"])
            f["ncm_achievements"] = fold(p["ncm_achievements"])
        if not self.blankish("8"):
            self.q("8")
            self.ans(p["ncm_challenges"])
            f["ncm_challenges"] = fold(p["ncm_challenges"])
            f["ncm_challenge_topics"] = multi(p["ncm_topics"])

    def write_nap(self):
        b, p, rng, f = self.bank, self.p, self.rng, self.f
        d = p["nap_date"]
        kw = dict(year=str(d.year), y2=str(p["nap_y2"]), date=say_date(rng, b, d), month_year=say_month_year(rng, b, d))
        # Q9
        self.q("9")
        if p["nap_exists"]:
            t = rng.choice(b["nap_yes"] + b["nap_yes_noyear"][:1])
            line = fill(t, **kw)
            if slots(t) & {"year", "date", "month_year"}:
                f["nap_year"] = str(d.year)
        else:
            line = fill(rng.choice(b["no_ext"]["nap"] + b["say_no"]), future=p["future"])
        if self.ticks():
            ticked = ({"a"} if p["nap_exists"] else set()) | ({"b"} if p["nap_equivalent"] else set())
            fills = {"b": p["nap_equiv_text"]} if p["nap_equivalent"] else {}
            self.opts("9", ticked, fills)
            if p["nap_exists"] and "nap_year" in f or not p["nap_exists"]:
                self.ans(line)
            f["nap_exists"] = "yes" if p["nap_exists"] else "no"
            f["nap_equivalent"] = "yes" if p["nap_equivalent"] else "no"
        else:
            self.part("9", "a", rng.random() < 0.5)
            self.ans(line)
            f["nap_exists"] = "yes" if p["nap_exists"] else "no"
            if p["nap_equivalent"] or rng.random() < 0.6:
                self.part("9", "b", rng.random() < 0.5)
                if p["nap_equivalent"]:
                    self.ans(self.T("equiv_yes", x=p["nap_equiv_text"]))
                else:
                    self.ans(self.yn(False))
                f["nap_equivalent"] = "yes" if p["nap_equivalent"] else "no"
        has_plan = p["nap_exists"] or p["nap_equivalent"]
        # Q10
        if has_plan and not self.blankish("10"):
            self.q("10")
            letters = dict(zip(COVERAGE, "abcdefgh"))
            if self.ticks():
                self.opts("10", {letters[x] for x in p["coverage"]})
            else:
                opts = b["questions"]["10"]["options"]
                labels = [opts[letters[x]] for x in p["coverage"]]
                labels = [lab if i == 0 else lab[0].lower() + lab[1:] for i, lab in enumerate(labels)]
                self.ans(self.T("coverage_word", list=join_list(b, labels)))
            f["nap_coverage"] = multi(p["coverage"])
        elif not has_plan and rng.random() < 0.5:
            self.q("10")
            self.ans(rng.choice(b["na"]))
        # Q11, Q12 (legislation: answered with or without a plan)
        if not self.blankish("11"):
            self.q("11")
            if self.ticks():
                self.opts("11", {"a"} if p["thb_defined"] else {"b"})
                if p["thb_defined"]:
                    self.ans(p["thb_definition"])
            elif p["thb_defined"]:
                self.ans(self.T("defined_yes", x=p["thb_definition"]))
            else:
                self.ans(rng.choice(b["defined_no"]))
            f["thb_defined"] = "yes" if p["thb_defined"] else "no"
            if p["thb_defined"]:
                f["thb_definition"] = fold(p["thb_definition"])
        if not self.blankish("12"):
            self.q("12")
            if self.ticks():
                self.opts("12", {"a"} if p["comprehensive"] else {"b"})
            else:
                self.ans(self.yn(p["comprehensive"]))
            f["comprehensive_approach_defined"] = "yes" if p["comprehensive"] else "no"
        if not has_plan:
            for key in ["13", "14", "15"]:
                if rng.random() < 0.5:
                    self.q(key)
                    self.ans(rng.choice(b["na"]))
            return
        if not self.blankish("13"):
            self.q("13")
            self.ans(p["nap_review"])
            f["nap_review"] = fold(p["nap_review"])
        # Q14, Q15: sometimes a cross-reference to Q7 / Q8 (keyed with the referenced answer)
        if not self.blankish("14"):
            self.q("14")
            if "ncm_achievements" in f and rng.random() < 0.12:
                self.ans(fill(rng.choice(b["crossref"]), n="7"))
                f["nap_achievements"] = f["ncm_achievements"]
            else:
                self.ans(p["nap_achievements"])
                f["nap_achievements"] = fold(p["nap_achievements"])
        if not self.blankish("15"):
            self.q("15")
            if "ncm_challenges" in f and rng.random() < 0.12:
                self.ans(fill(rng.choice(b["crossref"]), n="8"))
                f["nap_challenges"] = f["ncm_challenges"]
                f["nap_challenge_topics"] = f["ncm_challenge_topics"]
            else:
                self.ans(p["nap_challenges"])
                f["nap_challenges"] = fold(p["nap_challenges"])
                f["nap_challenge_topics"] = multi(p["nap_topics"])

    def write_nrm(self):
        b, p, rng, f = self.bank, self.p, self.rng, self.f
        self.q("16")
        if self.ticks():
            self.opts("16", {"a"} if p["nrm_exists"] else {"b"})
        elif p["nrm_exists"]:
            t = rng.choice(b["say_yes"] + b["yes_ext"]["nrm"])
            if "{year}" in t:
                t = fill(t, year=str(p["nrm_date"].year))
                f["nrm_established_year"] = str(p["nrm_date"].year)
            self.ans(t)
        else:
            self.ans(fill(rng.choice(b["say_no"] + b["no_ext"]["nrm"]), future=p["future"]))
        f["nrm_exists"] = "yes" if p["nrm_exists"] else "no"
        if not p["nrm_exists"]:
            if rng.random() < 0.5:
                for key in ["17", "18", "19", "20", "21s", "21c", "22", "23"]:
                    self.q(key)
                    if rng.random() < 0.5:
                        self.ans(rng.choice(b["na"]))
            return
        # Q17
        if not self.blankish("17"):
            self.q("17")
            letters = {"independent_rapporteur": "a", "coordinator_function": "b", "ministry_function": "c",
                       "research_institute": "d", "other": "e"}
            if self.ticks():
                self.opts("17", {letters[p["nrm_type"]]})
            else:
                self.ans(rng.choice(b["nrm_type_word"][p["nrm_type"]]))
            f["nrm_type"] = p["nrm_type"]
        # Q18
        if not self.blankish("18"):
            self.q("18")
            if self.ticks():
                self.opts("18", {{"legislation": "a", "policy": "b", "other": "c"}[p["nrm_authority"]]})
            else:
                self.ans(rng.choice(b["nrm_authority_word"][p["nrm_authority"]]))
            f["nrm_authority"] = p["nrm_authority"]
        # Q19 (a cross-reference to Q4 where the rapporteur is the co-ordinator)
        if not self.blankish("19"):
            self.q("19")
            d = p["nrm_date"]
            if (p["nrm_type"] == "coordinator_function" and "ncm_established_year" in f and "ncm_legal_basis" in f
                    and "ncm_established_year_other" not in f and rng.random() < 0.4):
                self.ans(fill(rng.choice(b["crossref"]), n="4"))
                f["nrm_established_year"] = f["ncm_established_year"]
            elif p["nrm_y2"]:
                self.ans(self.T("year_two", year=str(d.year), y2=str(p["nrm_y2"])))
                f["nrm_established_year"] = str(d.year)
                f["nrm_established_year_other"] = str(p["nrm_y2"])
            else:
                self.ans(self.T("year_word", date=say_date(rng, b, d), year=str(d.year),
                                month_year=say_month_year(rng, b, d)))
                f["nrm_established_year"] = str(d.year)
        # Q20
        if not self.blankish("20"):
            self.q("20")
            if self.ticks():
                self.opts("20", {"a"} if p["nrm_budget"] else {"c"}, only=["a", "c"])
                if p["nrm_budget"]:
                    self.part("20", "b")
                    self.ans(p["nrm_budget_covers"])
            elif p["nrm_budget"]:
                self.ans(rng.choice(b["budget_yes"]))
                self.ans(p["nrm_budget_covers"])
            else:
                self.ans(rng.choice(b["budget_no"]))
            f["nrm_budget"] = "yes" if p["nrm_budget"] else "no"
            if p["nrm_budget"]:
                f["nrm_budget_covers"] = fold(p["nrm_budget_covers"])
        # 21 (structure)
        if not self.blankish("21s"):
            self.q("21s")
            show = rng.random() < 0.8
            self.part("21s", "a", show)
            self.ans(rng.choice(b["freq"][p["freq"]]))
            f["report_frequency"] = p["freq"]
            self.part("21s", "b", show)
            self.ans(self.T("recipient_word", x=p["recipient"]))
            f["report_recipient"] = fold(p["recipient"])
            self.part("21s", "c", show)
            self.ans(rng.choice(b["public_yes" if p["public"] else "public_no"]))
            f["reports_public"] = "yes" if p["public"] else "no"
        # 21 (content)
        if not self.blankish("21c"):
            self.q("21c")
            letters = dict(zip(CONTENT, "abcdefg"))
            if self.ticks():
                self.opts("21c", {letters[x] for x in p["content"]}, only=list("abcdefg"))
            else:
                opts = b["questions"]["21c"]["options"]
                labels = [opts[letters[x]] for x in p["content"]]
                labels = [lab if i == 0 else lab[0].lower() + lab[1:] for i, lab in enumerate(labels)]
                self.ans(self.T("content_word", list=join_list(b, labels)))
            f["report_content"] = multi(p["content"])
            if rng.random() < 0.8:
                self.part("21c", "h", rng.random() < 0.6)
                self.ans(rng.choice(b["model"][p["model"]]))
                f["report_model"] = p["model"]
        if not self.blankish("22"):
            self.q("22")
            self.ans(p["nrm_success"])
            f["nrm_success"] = fold(p["nrm_success"])
        if not self.blankish("23"):
            self.q("23")
            self.ans(p["nrm_challenges"])
            f["nrm_challenges"] = fold(p["nrm_challenges"])


def draw_style(rng: random.Random, bank: dict) -> dict:
    return {
        "q_label": rng.choice(bank["q_labels"]),
        "qtext": wchoice(rng, {"full": 5, "short": 2, "none": 1, "mixed": 1}),
        "inline": rng.random() < 0.5,
        "answer_label": rng.choice(bank["answer_labels"]),
        "p_blank": rng.choice([0.0, 0.0, 0.04, 0.08, 0.15]),
        "p_tick": rng.choice([0.0, 0.3, 0.7, 0.9, 1.0]),
        "opt_letters": rng.random() < 0.35,
    }


def compose_questionnaire(rng, bank, plan, style=None) -> Return:
    style = style or draw_style(rng, bank)
    w = _Writer(rng, bank, plan, style)
    w.write()
    return Return(lang=bank["lang"], flow=w.flow, fields=w.f)


# ----------------------------------------------------------------------------- narrative
def compose_narrative(rng, bank, plan) -> tuple[list[str], dict]:
    """Paragraphs of a letter stating the facts in sentences, and the fields they answer."""
    N, p, f = bank["narr"], plan, {}
    T = lambda key, **kw: fill(rng.choice(N[key]), **kw)  # noqa: E731
    paras: list[str] = []
    f["ncm_exists"] = "yes" if p["ncm_exists"] else "no"
    if not p["ncm_exists"]:
        paras.append(T("ncm_no"))
    else:
        s: list[str] = []
        t = p["ncm_type"] if p["ncm_type"] != "other" else "working_group"
        d = p["est_date"]
        if t in ("working_group", "both"):
            if p["est_mode"] == "two":
                s.append(T("ncm_body_two", body=p["body"], year=str(d.year), y2=str(p["est_y2"])))
                f["ncm_established_year"], f["ncm_established_year_other"] = str(d.year), str(p["est_y2"])
            elif p["est_mode"] == "one":
                tpl = rng.choice(N["ncm_body"])
                s.append(fill(tpl, body=p["body"], basis=p["basis_text"], date=say_date(rng, bank, d), year=str(d.year)))
                f["ncm_established_year"] = str(d.year)
                if "basis" in slots(tpl):
                    f["ncm_legal_basis"] = p["legal_basis"]
            else:
                s.append(T("ncm_body_nodate", body=p["body"]))
            f["ncm_body_name"] = p["body"]
            if t == "both":
                s.append(T("ncm_coord", coord=p["coordinator"]))
                f["ncm_coordinator"] = p["coordinator"]
            f["ncm_type"] = t
            if p["interministerial"]:
                names = [n for n, _ in p["ministry_names"]]
                s.append(T("ministries", ministries=join_list(bank, names)))
                f["ncm_ministries"] = multi(p["ministry_ids"])
                f["ncm_interministerial"] = "yes"
                if rng.random() < 0.7:
                    s.append(T("lead", lead=p["lead_name"]))
                    f["ncm_lead_ministry"] = p["lead"]
            if p["experts"] and rng.random() < 0.6:
                s.append(T("experts", experts=p["experts_text"]))
                f["ncm_experts"] = "yes"
            if rng.random() < 0.7:
                if p["cs"] and "cs_share" in p:
                    roles = bank.get("role_join", " and ").join(rng.choice(bank["roles"][r]) for r in p["cs_roles"])
                    s.append(T("cs_yes", share=p["cs_share_text"], role=roles))
                    f["ncm_civil_society"] = "yes"
                    f["ncm_civil_society_share"] = p["cs_share"]
                    f["ncm_civil_society_role"] = multi(p["cs_roles"])
                elif not p["cs"]:
                    s.append(T("cs_no"))
                    f["ncm_civil_society"] = "no"
        else:
            s.append(T("ncm_coord_only", coord=p["coordinator"]))
            f["ncm_type"], f["ncm_coordinator"] = "coordinator", p["coordinator"]
        paras.append(" ".join(s))
        s = []
        if rng.random() < 0.8:
            if p["budget"]:
                s.append(T("budget_yes", covers=p["budget_covers"]))
                f["ncm_budget"], f["ncm_budget_covers"] = "yes", fold(p["budget_covers"])
            else:
                s.append(T("budget_no"))
                f["ncm_budget"] = "no"
        if rng.random() < 0.6:
            labels = [bank["function_labels"][x] for x in p["function"]]
            s.append(T("function", list=join_list(bank, labels)))
            f["ncm_function"] = multi(p["function"])
        if s:
            paras.append(" ".join(s))
        if rng.random() < 0.8:
            paras.append(T("achievements", text=p["ncm_achievements"]))
            f["ncm_achievements"] = fold(p["ncm_achievements"])
        if rng.random() < 0.8:
            paras.append(T("challenges", text=p["ncm_challenges"]))
            f["ncm_challenges"] = fold(p["ncm_challenges"])
            f["ncm_challenge_topics"] = multi(p["ncm_topics"])
    # B
    d = p["nap_date"]
    s = []
    if p["nap_exists"]:
        s.append(T("nap_yes", year=str(d.year), y2=str(p["nap_y2"]), date=say_date(rng, bank, d),
                   month_year=say_month_year(rng, bank, d)))
        f["nap_exists"], f["nap_year"] = "yes", str(d.year)
        if rng.random() < 0.7:
            opts = bank["questions"]["10"]["options"]
            letters = dict(zip(COVERAGE, "abcdefgh"))
            labels = [opts[letters[x]] for x in p["coverage"]]
            labels = [lab[0].lower() + lab[1:] for lab in labels]
            s.append(T("coverage", list=join_list(bank, labels)))
            f["nap_coverage"] = multi(p["coverage"])
    else:
        s.append(T("nap_no", future=p["future"]))
        f["nap_exists"] = "no"
    paras.append(" ".join(s))
    if p["thb_defined"] and rng.random() < 0.6:
        paras.append(T("thb_defined", text=p["thb_definition"]))
        f["thb_defined"], f["thb_definition"] = "yes", fold(p["thb_definition"])
    if p["nap_exists"]:
        for key in ("nap_review", "nap_achievements"):
            if rng.random() < 0.6:
                paras.append(T(key, text=p[key]))
                f[key] = fold(p[key])
        if rng.random() < 0.6:
            paras.append(T("nap_challenges", text=p["nap_challenges"]))
            f["nap_challenges"] = fold(p["nap_challenges"])
            f["nap_challenge_topics"] = multi(p["nap_topics"])
    # C
    if not p["nrm_exists"]:
        paras.append(T("nrm_no"))
        f["nrm_exists"] = "no"
    else:
        s = []
        ty = p["nrm_type"]
        if ty in N["nrm_yes"]:
            s.append(fill(rng.choice(N["nrm_yes"][ty]), year=str(p["nrm_date"].year)))
            f["nrm_established_year"] = str(p["nrm_date"].year)
        else:
            s.append(rng.choice(bank["nrm_type_word"][ty]))
        f["nrm_exists"], f["nrm_type"] = "yes", ty
        if p["freq"] in N["freq_words"]:
            s.append(T("nrm_freq", freq=N["freq_words"][p["freq"]], recipient=p["recipient"]))
            f["report_frequency"], f["report_recipient"] = p["freq"], fold(p["recipient"])
        s.append(T("nrm_public_yes" if p["public"] else "nrm_public_no"))
        f["reports_public"] = "yes" if p["public"] else "no"
        paras.append(" ".join(s))
    return paras, f
