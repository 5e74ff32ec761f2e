# -*- coding: utf-8 -*-
"""Random but coherent answers + the rows a renderer shows + the key entry."""
import random
from lang import B, OPT, MIN, MIN2, NA, fmt_date

LAWMAP = {  # index in B[lang]['law'] -> ncm_legal_basis
    "it": ["decree", "legislation", "decree"], "es": ["decree", "legislation", "decree"],
    "ru": ["decree", "legislation", "decree"], "fr": ["decree", "legislation", "policy"],
    "en": ["policy", "legislation", "decree"]}
ADOPTED = {"it": "adottato nel {y}", "es": "aprobado en {y}", "ru": "принят в {y} г.", "fr": "adopté en {y}", "en": "adopted in {y}"}
SHARE = {"it": "{p}% dei membri", "es": "{p}% de los miembros", "ru": "{p}% членов", "fr": "{p} % des membres", "en": "{p}% of members"}

ITEM_ORDER = ["q1", "q2", "q2a", "q2b", "q3a", "q3b", "q3d", "q4", "q5", "q6", "q7", "q8", "q9a", "q9b", "q10",
              "q11", "q12", "q13", "q14", "q15", "q16", "q17", "q18", "q19", "q20", "q21a", "q21b", "q21c", "q21",
              "q21h", "q22", "q23"]
NUM = {"q1": "1", "q2": "2", "q2a": "2 a)", "q2b": "2 b)", "q3a": "3 a)", "q3b": "3 b)", "q3d": "3 d)", "q4": "4", "q5": "5",
       "q6": "6", "q7": "7", "q8": "8", "q9a": "9 a)", "q9b": "9 b)", "q10": "10", "q11": "11", "q12": "12", "q13": "13",
       "q14": "14", "q15": "15", "q16": "16", "q17": "17", "q18": "18", "q19": "19", "q20": "20", "q21a": "21 a)",
       "q21b": "21 b)", "q21c": "21 c)", "q21": "21", "q21h": "21 h)", "q22": "22", "q23": "23"}
SECTION_OF = {k: (0 if ITEM_ORDER.index(k) < 12 else 1 if ITEM_ORDER.index(k) < 20 else 2) for k in ITEM_ORDER}
# fields each item carries (for page tracking of partially legible scans)
ITEM_FIELDS = {"q1": ["ncm_exists"], "q2": ["ncm_type"], "q2a": ["ncm_coordinator"], "q2b": ["ncm_body_name"],
               "q3a": ["ncm_interministerial", "ncm_ministries", "ncm_lead_ministry"], "q3b": ["ncm_experts"],
               "q3d": ["ncm_civil_society", "ncm_civil_society_share", "ncm_civil_society_role"],
               "q4": ["ncm_legal_basis", "ncm_established_year", "ncm_established_year_other"],
               "q5": ["ncm_budget", "ncm_budget_covers"], "q6": ["ncm_function"], "q7": ["ncm_achievements"],
               "q8": ["ncm_challenges", "ncm_challenge_topics"], "q9a": ["nap_exists", "nap_year"], "q9b": ["nap_equivalent"],
               "q10": ["nap_coverage"], "q11": ["thb_defined", "thb_definition"], "q12": ["comprehensive_approach_defined"],
               "q13": ["nap_review"], "q14": ["nap_achievements"], "q15": ["nap_challenges", "nap_challenge_topics"],
               "q16": ["nrm_exists"], "q17": ["nrm_type"], "q18": ["nrm_authority"],
               "q19": ["nrm_established_year", "nrm_established_year_other"], "q20": ["nrm_budget", "nrm_budget_covers"],
               "q21a": ["report_frequency"], "q21b": ["report_recipient"], "q21c": ["reports_public"],
               "q21": ["report_content"], "q21h": ["report_model"], "q22": ["nrm_success"], "q23": ["nrm_challenges"]}


class Ans:
    """rows: key -> (kind, payload) ; fields: keyed values ; review: list"""
    def __init__(self):
        self.rows, self.fields, self.review = {}, {}, []


def pick(rng, xs, k1=1, k2=2):
    k = rng.randint(k1, min(k2, len(xs)))
    return rng.sample(xs, k)


def make_answers(rng, lang, *, ncm=None, nap=None, nrm=None, vague=(), xref=(), drop=0.0,
                 contradict=False, partial_after=None, two_portfolio=False):
    b, o = B[lang], OPT[lang]
    A = Ans()
    F, R = A.fields, A.rows
    ncm = rng.random() < 0.8 if ncm is None else ncm
    nap = rng.random() < 0.75 if nap is None else nap
    nrm = rng.random() < 0.5 if nrm is None else nrm

    def na(k):
        R[k] = None

    # ---------- A
    F["ncm_exists"] = "yes" if ncm else "no"
    R["q1"] = ("yn", {"v": F["ncm_exists"], "extra": ""})
    if ncm:
        t = rng.choice(["coordinator", "working_group", "both", "both", "working_group"])
        if "ncm_civil_society_share" in vague:
            t = rng.choice(["working_group", "both"])
        F["ncm_type"] = t
        sel = {"coordinator", "working_group"} if t == "both" else {t}
        R["q2"] = ("opts", {"opts": list(o["ncm_type"].items()), "sel": sel, "multi": False})
        if t in ("coordinator", "both"):
            F["ncm_coordinator"] = rng.choice(b["coord"]); R["q2a"] = ("text", {"t": F["ncm_coordinator"]})
        else:
            na("q2a")
        if t in ("working_group", "both"):
            F["ncm_body_name"] = rng.choice(b["body"]); R["q2b"] = ("text", {"t": F["ncm_body_name"]})
            ids = sorted(rng.sample(["interior", "justice", "foreign_affairs", "health", "education", "family", "migration", "finance"], rng.randint(2, 5)))
            names = [rng.choice(MIN[lang][i]) for i in ids]
            allids = set(ids)
            if two_portfolio:
                n2, i2 = MIN2[lang]
                names.append(n2); allids |= set(i2)
            lead = rng.choice([i for i in ids if i != "foreign_affairs"] or ids)
            leadname = names[ids.index(lead)]
            F["ncm_interministerial"] = "yes"
            F["ncm_ministries"] = ";".join(sorted(allids))
            F["ncm_lead_ministry"] = lead
            R["q3a"] = ("yn", {"v": "yes", "extra": ", ".join(names) + f" ({b['chair']} {leadname})"})
            ex = rng.random() < 0.7
            F["ncm_experts"] = "yes" if ex else "no"
            R["q3b"] = ("yn", {"v": F["ncm_experts"], "extra": rng.choice(b["experts"]) if ex else ""})
            cs = rng.random() < 0.6 or "ncm_civil_society_share" in vague
            F["ncm_civil_society"] = "yes" if cs else "no"
            if cs:
                p = rng.choice([10, 15, 20, 25, 30, 40])
                roles = sorted(pick(rng, ["decision_making", "observer", "other"], 1, 1) if rng.random() < .8 else ["decision_making", "observer"])
                F["ncm_civil_society_share"] = str(p)
                F["ncm_civil_society_role"] = ";".join(roles)
                sh = SHARE[lang].format(p=p)
                if "ncm_civil_society_share" in vague:
                    sh = rng.choice(b["vague_share"]); del F["ncm_civil_society_share"]; A.review.append("ncm_civil_society_share")
                R["q3d"] = ("yn", {"v": "yes", "extra": sh + "; " + ", ".join(o["role"][r] for r in roles)})
            else:
                R["q3d"] = ("yn", {"v": "no", "extra": ""})
        else:
            for k in ("q2b", "q3a", "q3b", "q3d"):
                na(k)
        li = rng.randrange(3)
        F["ncm_legal_basis"] = LAWMAP[lang][li]
        y = rng.randint(1999, 2006)
        import re
        m = re.search(r"(19|20)\d\d", b["law"][li])
        if m:   # a year inside the law's name: the body is set up that year or later
            y = min(2007, int(m.group(0)) + rng.randint(0, 2))
        txt = b["law"][li] + "; " + b["founded"].format(y=y)
        F["ncm_established_year"] = str(y)
        if rng.random() < 0.3:
            y2 = y + rng.randint(1, 2)
            if y2 <= 2007:
                txt += ", " + b["revised"].format(y=y2)
                F["ncm_established_year_other"] = str(y2)
        if "ncm_established_year" in vague:
            txt = b["law"][li] + "; " + rng.choice(b["vague_year"])
            del F["ncm_established_year"]; F.pop("ncm_established_year_other", None); A.review.append("ncm_established_year")
        R["q4"] = ("text", {"t": txt})
        bud = rng.random() < 0.5
        F["ncm_budget"] = "yes" if bud else "no"
        if bud:
            F["ncm_budget_covers"] = rng.choice(b["budget_covers"])
        R["q5"] = ("yn", {"v": F["ncm_budget"], "extra": F.get("ncm_budget_covers", "")})
        fn = sorted(pick(rng, ["advisory", "policy_making", "implementation"], 1, 2))
        F["ncm_function"] = ";".join(fn)
        R["q6"] = ("opts", {"opts": list(o["function"].items()), "sel": set(fn), "multi": True})
        F["ncm_achievements"] = " ".join(pick(rng, b["ach"], 1, 3)); R["q7"] = ("text", {"t": F["ncm_achievements"]})
        ch = pick(rng, b["chal"], 1, 3)
        F["ncm_challenges"] = " ".join(c for c, _ in ch)
        F["ncm_challenge_topics"] = ";".join(sorted({t for _, t in ch}))
        R["q8"] = ("text", {"t": F["ncm_challenges"]})
    else:
        for k in ("q2", "q2a", "q2b", "q3a", "q3b", "q3d", "q4", "q5", "q6", "q7", "q8"):
            na(k)
    # ---------- B
    eq = (not nap and rng.random() < 0.5) or (nap and rng.random() < 0.2)
    F["nap_exists"] = "yes" if nap else "no"
    F["nap_equivalent"] = "yes" if eq else "no"
    ny = rng.randint(2002, 2007)
    if nap or eq:
        F["nap_year"] = str(ny)
    R["q9a"] = ("yn", {"v": F["nap_exists"], "extra": ADOPTED[lang].format(y=ny) if nap else ""})
    if nap and "nap_year" in vague:
        R["q9a"][1]["extra"] = rng.choice(b["vague_year"]).replace("1990", "2000").replace("Novanta", "2000")
        F.pop("nap_year", None); A.review.append("nap_year")
    R["q9b"] = ("yn", {"v": F["nap_equivalent"], "extra": (rng.choice(b["eq"]) + ("" if nap else " " + ADOPTED[lang].format(y=ny))) if eq else ""})
    if nap and eq and "nap_year" in vague:
        R["q9b"][1]["extra"] = rng.choice(b["eq"])
    if nap or eq:
        cov = sorted(pick(rng, ["legislative_reform", "prevention", "protection_assistance", "law_enforcement", "international_cooperation", "stakeholder_roles", "timeline"], 3, 7))
        F["nap_coverage"] = ";".join(cov)
        R["q10"] = ("opts", {"opts": [x for x in o["coverage"].items()], "sel": set(cov), "multi": True})
        F["thb_defined"] = "yes" if rng.random() < 0.85 else "no"
        if F["thb_defined"] == "yes":
            F["thb_definition"] = rng.choice(b["definition"])
        R["q11"] = ("yn", {"v": F["thb_defined"], "extra": F.get("thb_definition", "")})
        F["comprehensive_approach_defined"] = "yes" if rng.random() < 0.7 else "no"
        R["q12"] = ("yn", {"v": F["comprehensive_approach_defined"], "extra": ""})
        F["nap_review"] = rng.choice(b["review"]); R["q13"] = ("text", {"t": F["nap_review"]})
        F["nap_achievements"] = " ".join(pick(rng, b["nap_ach"], 1, 2)); R["q14"] = ("text", {"t": F["nap_achievements"]})
        if "nap_challenges" in xref and ncm:
            R["q15"] = ("text", {"t": b["xref"].format(n=8)}); A.review += ["nap_challenges"]
        else:
            ch = pick(rng, b["nap_chal"], 1, 2)
            F["nap_challenges"] = " ".join(c for c, _ in ch)
            F["nap_challenge_topics"] = ";".join(sorted({t for _, t in ch}))
            R["q15"] = ("text", {"t": F["nap_challenges"]})
    else:
        for k in ("q10", "q11", "q12", "q13", "q14", "q15"):
            na(k)
    # ---------- C
    F["nrm_exists"] = "yes" if nrm else "no"
    R["q16"] = ("yn", {"v": F["nrm_exists"], "extra": ""})
    if nrm or contradict:
        if ncm and (rng.random() < 0.4 or "nrm_established_year" in xref):
            nt = "coordinator_function"
        else:
            nt = rng.choice(["independent_rapporteur", "ministry_function", "research_institute", "ministry_function"])
        F["nrm_type"] = nt
        R["q17"] = ("opts", {"opts": list(o["nrm_type"].items()), "sel": {nt}, "multi": False})
        au = rng.choice(["legislation", "policy", "policy"])
        F["nrm_authority"] = au
        R["q18"] = ("opts", {"opts": list(o["authority"].items()), "sel": {au}, "multi": False})
        y = rng.randint(2000, 2007)
        if "nrm_established_year" in xref and ncm and nt == "coordinator_function":
            R["q19"] = ("text", {"t": b["xref"].format(n=4)}); A.review.append("nrm_established_year")
        elif "nrm_established_year" in vague:
            R["q19"] = ("text", {"t": rng.choice(b["vague_year"])}); A.review.append("nrm_established_year")
        else:
            F["nrm_established_year"] = str(y)
            R["q19"] = ("text", {"t": str(y)})
        bud = rng.random() < 0.4
        F["nrm_budget"] = "yes" if bud else "no"
        if bud:
            F["nrm_budget_covers"] = rng.choice(b["nrm_budget"])
        R["q20"] = ("yn", {"v": F["nrm_budget"], "extra": F.get("nrm_budget_covers", "")})
        fr = rng.choice(["annual", "annual", "biannual", "biennial", "irregular"])
        F["report_frequency"] = fr
        R["q21a"] = ("opts", {"opts": list(o["freq"].items()), "sel": {fr}, "multi": False})
        F["report_recipient"] = rng.choice(b["recipient"]); R["q21b"] = ("text", {"t": F["report_recipient"]})
        F["reports_public"] = "yes" if rng.random() < 0.7 else "no"
        R["q21c"] = ("yn", {"v": F["reports_public"], "extra": ""})
        ct = sorted(pick(rng, ["scope", "trends", "law_enforcement", "victim_services", "prevention", "international_cooperation"], 2, 6))
        F["report_content"] = ";".join(ct)
        R["q21"] = ("opts", {"opts": list(o["content"].items()), "sel": set(ct), "multi": True})
        md = rng.choice(["prescribed", "varies"])
        F["report_model"] = md
        R["q21h"] = ("opts", {"opts": list(o["model"].items()), "sel": {md}, "multi": False})
        F["nrm_success"] = rng.choice(b["success"]); R["q22"] = ("text", {"t": F["nrm_success"]})
        if "nrm_challenges" in xref and "nap_challenges" in F:
            R["q23"] = ("text", {"t": b["xref"].format(n=15)}); A.review.append("nrm_challenges")
        else:
            F["nrm_challenges"] = " ".join(pick(rng, b["nrm_chal"], 1, 2)); R["q23"] = ("text", {"t": F["nrm_challenges"]})
        if contradict:
            A.review += ["nrm_exists"] + [f for k in ("q17", "q18", "q19", "q20", "q21a", "q21b", "q21c", "q21", "q21h", "q22", "q23") for f in ITEM_FIELDS[k] if f in F]
    else:
        for k in ("q17", "q18", "q19", "q20", "q21a", "q21b", "q21c", "q21", "q21h", "q22", "q23"):
            na(k)
    # ---------- blanks (unanswered items)
    droppable = [k for k in ITEM_ORDER if R.get(k) is not None and k not in ("q1", "q2", "q9a", "q9b", "q16")]
    if partial_after:
        droppable_after = ITEM_ORDER[ITEM_ORDER.index(partial_after) + 1:]
        for k in droppable_after:
            blank_item(A, k)
    for k in droppable:
        if rng.random() < drop:
            blank_item(A, k)
    A.review = sorted(set(A.review))
    return A


def blank_item(A, k):
    if A.rows.get(k) is None and k in A.rows:
        A.rows[k] = "blank"; return
    A.rows[k] = "blank"
    for f in ITEM_FIELDS[k]:
        A.fields.pop(f, None)
        if f in A.review:
            A.review.remove(f)
    if k == "q9a":
        pass


def na_text(rng, lang):
    return rng.choice(NA[lang])
