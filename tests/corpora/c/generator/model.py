# -*- coding: utf-8 -*-
"""Random but coherent returns (truth records), the intermediate form (IR) used by the
form renderers, and the answer key derived from the truth record."""
import datetime as dt

from lexq import Q, Q6_IDS, Q10_IDS, Q17_IDS, Q18_IDS, Q21_IDS, Q21H_IDS, ROLE_IDS
import lexa as LA

PARTNERS = {"Afghanistan", "Algeria", "Egypt", "Israel", "Japan", "Jordan", "Mongolia", "Morocco",
            "Republic of Korea", "Thailand", "Tunisia"}

VAGUE = {
    "ncm_established_year": {"es": "A mediados de los años 2000", "it": "Nei primi anni 2000", "en": "In the early 2000s"},
    "ncm_civil_society_share": {"es": "Aproximadamente una cuarta parte", "it": "Circa un terzo", "en": "About a third"},
    "nrm_established_year": {"es": "A principios de la década", "it": "Alla fine degli anni '90", "en": "Some years ago"},
    "nap_year": {"es": "Hace unos años", "it": "Qualche anno fa", "en": "A few years ago"},
}
XREF = {
    "nap_achievements": {"es": "Véase la respuesta a la pregunta 7.", "it": "Si veda la risposta alla domanda 7.", "en": "See our reply to question 7."},
    "nap_challenges": {"es": "Ver respuesta a la pregunta 8.", "it": "Cfr. risposta al quesito 8.", "en": "See our reply to question 8."},
    "nrm_budget_covers": {"es": "Lo mismo que en la pregunta 5.", "it": "Come indicato al punto 5.", "en": "As for question 5 above."},
    "ncm_challenges": {"es": "Véase el apartado 15 más abajo.", "it": "Si veda il punto 15.", "en": "Please see question 15 below."},
}
DERIVED = {"ncm_challenges": ["ncm_challenge_topics"], "nap_challenges": ["nap_challenge_topics"]}


def typo(rng, s):
    words = s.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) > 6 and w.isalpha()]
    if not idx:
        return s
    i = rng.choice(idx)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def article(lang, name):
    """preposition+article for 'chaired by / corresponds to' phrases"""
    n = name.split(" ")[0].lower()
    if lang == "es":
        return ("a la " if n in ("fiscalía", "secretaría", "oficina", "dirección") else "al ") + name
    if lang == "it":
        if n in ("segreteria", "procura", "direzione"):
            return "alla " + name
        if n[0] in "aeiou":
            return "all'" + name
        return "al " + name
    return ("the " if not name.startswith("the ") else "") + name


class Rec:
    def __init__(self, country, lang, date):
        self.country = country
        self.lang = lang
        self.rtype = "partner_for_cooperation" if country in PARTNERS else "participating_state"
        self.date = date
        self.f = {}          # truth: field -> value (only fields the return states)
        self.t = {}          # rendering texts
        self.vague = {}      # field -> vague text shown instead of a value
        self.xref = {}       # field -> cross-reference text shown instead of the answer
        self.review = set()  # extra review fields (contradictions)
        self.hide = set()    # fields present in truth but not legible (scans)

    def key_fields(self):
        out = {"country": self.country, "respondent_type": self.rtype, "language": self.lang}
        if self.date:
            out["submitted_on"] = self.date.isoformat()
        for k, v in self.f.items():
            if k in self.hide:
                continue
            out[k] = v
        return out

    def review_fields(self):
        r = set(self.review) | set(self.vague) | set(self.xref)
        for k in list(self.xref):
            r |= set(DERIVED.get(k, []))
        return sorted(r)


def sub(rng, pool, k):
    return rng.sample(pool, k)


def multi(ids, sel):
    return ";".join(sorted(i for i, s in zip(ids, sel) if s))


def make_record(rng, country, lang, date, force=None):
    force = force or {}
    r = Rec(country, lang, date)
    f, t = r.f, r.t

    def F(name, default):
        return force.get(name, default)

    omit_p = F("omit_p", 0.07)

    def maybe(field, value):
        if field in force.get("keep", ()) or rng.random() >= omit_p:
            f[field] = value
            return True
        return False

    # ---------------- A
    ncm = F("ncm_exists", "yes" if rng.random() < 0.85 else "no")
    f["ncm_exists"] = ncm
    if ncm == "yes":
        typ = F("ncm_type", rng.choices(["coordinator", "working_group", "both", "other"], [0.2, 0.45, 0.3, 0.05])[0])
        f["ncm_type"] = typ
        if typ in ("coordinator", "both"):
            f["ncm_coordinator"] = rng.choice(LA.COORD[lang])
        if typ in ("working_group", "both"):
            f["ncm_body_name"] = rng.choice(LA.BODY[lang])
        if typ == "other":
            t["other_mech"] = rng.choice(LA.OTHER_MECH[lang])
        if typ != "coordinator":
            inter = F("ncm_interministerial", "yes" if rng.random() < 0.85 else "no")
            f["ncm_interministerial"] = inter
            if inter == "yes":
                pool = LA.MIN_COUNTRY.get(country, LA.MIN[lang])
                k = rng.randint(3, min(7, len(pool)))
                mins = rng.sample(pool, k)
                pref = [m for m in mins if m[1][0] in ("interior", "justice", "foreign_affairs", "social", "family", "labour")]
                if pref and rng.random() < 0.85:  # the chair is usually one of the core ministries
                    mins.remove(pref[0])
                    mins.insert(0, pref[0])
                t["mins"] = mins
                ids = sorted({i for _, ii in mins for i in ii})
                f["ncm_ministries"] = ";".join(ids)
                if rng.random() < F("lead_p", 0.55):
                    t["lead"] = mins[0][0]
                    f["ncm_lead_ministry"] = mins[0][1][0]
            ex = "yes" if rng.random() < 0.6 else "no"
            f["ncm_experts"] = ex
            if ex == "yes":
                t["experts"] = rng.choice(LA.EXPERTS[lang])
            if rng.random() < 0.2:
                t["q3c"] = rng.choice(LA.Q3C_OTHER[lang])
            cs = F("ncm_civil_society", "yes" if rng.random() < 0.55 else "no")
            f["ncm_civil_society"] = cs
            if cs == "yes":
                if rng.random() < 0.75:
                    f["ncm_civil_society_share"] = rng.choice(["10", "15", "20", "25", "30", "40", "12.5", "33"])
                roles = [rng.random() < 0.35, rng.random() < 0.6, rng.random() < 0.15]
                if not any(roles):
                    roles[1] = True
                f["ncm_civil_society_role"] = multi(ROLE_IDS, roles)
                t["roles"] = roles
        lb = F("ncm_legal_basis", rng.choices(["legislation", "decree", "policy", "other"], [0.3, 0.45, 0.15, 0.1])[0])
        year = rng.randint(1999, 2006)
        lawyear = year - rng.choice([0, 0, 1, 1, 2])
        tpl = rng.choice(LA.INSTR[lang][lb])
        t["instr"] = tpl.format(n=rng.randint(12, 1999), y2=lawyear, yx=lawyear, d=rng.randint(1, 28),
                                m=LA.MONTHS["es" if lang == "es" else lang][rng.randrange(12)])
        f["ncm_legal_basis"] = lb
        f["ncm_established_year"] = str(year)
        t["ncm_year_fmt"] = rng.choice(["plain", "plain", "month"])
        t["ncm_month"] = rng.randrange(12)
        if rng.random() < F("year_other_p", 0.25) and year <= 2004:
            y2 = year + rng.randint(2, 3)
            f["ncm_established_year_other"] = str(y2)
        bud = F("ncm_budget", "yes" if rng.random() < 0.35 else "no")
        f["ncm_budget"] = bud
        if bud == "yes":
            maybe("ncm_budget_covers", rng.choice(LA.BUDGET_COV[lang]))
        fn = [rng.random() < 0.6, rng.random() < 0.45, rng.random() < 0.5, rng.random() < 0.08]
        if not any(fn):
            fn[0] = True
        f["ncm_function"] = multi(Q6_IDS, fn)
        t["fn"] = fn
        ach = " ".join(rng.sample(LA.ACH[lang], rng.randint(1, 2)))
        if rng.random() < 0.12:
            ach = typo(rng, ach)
        maybe("ncm_achievements", ach)
        ch = rng.sample(LA.CHAL[lang], rng.randint(1, 3))
        if maybe("ncm_challenges", " ".join(s for _, s in ch)):
            f["ncm_challenge_topics"] = ";".join(sorted({tp for tp, _ in ch}))
    # ---------------- B
    nap = F("nap_exists", "yes" if rng.random() < 0.7 else "no")
    f["nap_exists"] = nap
    eq = F("nap_equivalent", ("yes" if rng.random() < 0.15 else "no") if nap == "yes" else ("yes" if rng.random() < 0.55 else "no"))
    if eq is not None:
        f["nap_equivalent"] = eq
    if nap == "yes":
        f["nap_year"] = str(rng.randint(2002, 2007))
        t["nap_name"] = rng.choice(LA.NAP_NAME[lang])
        t["nap_month"] = rng.randrange(12)
    if eq == "yes":
        t["equiv"] = rng.choice(LA.EQUIV[lang])
    if nap == "yes" or eq == "yes":
        cov = [rng.random() < p for p in (0.5, 0.9, 0.9, 0.8, 0.7, 0.4, 0.3, 0.12)]
        f["nap_coverage"] = multi(Q10_IDS, cov)
        t["cov"] = cov
        if cov[7]:
            t["cov_other"] = rng.choice(LA.Q10_OTHER[lang])
        td = "yes" if rng.random() < 0.9 else "no"
        f["thb_defined"] = td
        if td == "yes":
            maybe("thb_definition", rng.choice(LA.DEFN[lang]))
        f["comprehensive_approach_defined"] = "yes" if rng.random() < 0.75 else "no"
        maybe("nap_review", rng.choice(LA.REVIEW[lang]))
        maybe("nap_achievements", rng.choice(LA.NAP_ACH[lang]))
        ch = rng.sample(LA.NAP_CHAL[lang], rng.randint(1, 3))
        if maybe("nap_challenges", " ".join(s for _, s in ch)):
            f["nap_challenge_topics"] = ";".join(sorted({tp for tp, _ in ch}))
    # ---------------- C
    nrm = F("nrm_exists", "yes" if rng.random() < 0.45 else "no")
    f["nrm_exists"] = nrm
    if nrm == "yes" or force.get("nrm_details"):
        typ = rng.choices(Q17_IDS, [0.3, 0.25, 0.3, 0.1, 0.05])[0]
        f["nrm_type"] = typ
        if typ == "other":
            t["nrm_other"] = rng.choice(LA.Q17_OTHER[lang])
        f["nrm_authority"] = rng.choices(Q18_IDS, [0.5, 0.4, 0.1])[0]
        y = rng.randint(2000, 2007)
        f["nrm_established_year"] = str(y)
        if rng.random() < 0.2 and y <= 2004:
            f["nrm_established_year_other"] = str(y + 2)
        b = F("nrm_budget", "yes" if rng.random() < 0.4 else "no")
        f["nrm_budget"] = b
        if b == "yes":
            maybe("nrm_budget_covers", rng.choice(LA.NRM_COV[lang]))
        fr = rng.choices(["annual", "biannual", "biennial", "irregular"], [0.6, 0.1, 0.15, 0.15])[0]
        f["report_frequency"] = fr
        t["freq"] = rng.choice(LA.FREQ[lang][fr])
        maybe("report_recipient", rng.choice(LA.RECIP[lang]))
        f["reports_public"] = "yes" if rng.random() < 0.75 else "no"
        cont = [rng.random() < p for p in (0.8, 0.75, 0.7, 0.55, 0.5, 0.4, 0.1)]
        if not any(cont):
            cont[0] = True
        f["report_content"] = multi(Q21_IDS, cont)
        t["cont"] = cont
        if cont[6]:
            t["cont_other"] = rng.choice(LA.Q21_OTHER[lang])
        if rng.random() < 0.85:
            f["report_model"] = rng.choice(Q21H_IDS)
        maybe("nrm_success", rng.choice(LA.NRM_SUCC[lang]))
        maybe("nrm_challenges", rng.choice(LA.NRM_CHAL[lang]))
    # ---------------- vague values / cross-references requested by the file plan
    for fld in force.get("vague", []):
        r.vague[fld] = VAGUE[fld][lang]
        f.pop(fld, None)
        if fld == "ncm_established_year":
            f.pop("ncm_established_year_other", None)
        if fld == "nrm_established_year":
            f.pop("nrm_established_year_other", None)
    for fld in force.get("xref", []):
        r.xref[fld] = XREF[fld][lang]
        f.pop(fld, None)
        for d in DERIVED.get(fld, []):
            f.pop(d, None)
    return r


# ------------------------------------------------------------------ text helpers
def year_text(r, which):
    """The text for Q4 'when' / Q19."""
    lang = r.lang
    if which == "ncm":
        if "ncm_established_year" in r.vague:
            return r.vague["ncm_established_year"]
        y = r.f.get("ncm_established_year")
        y2 = r.f.get("ncm_established_year_other")
        fmt = r.t.get("ncm_year_fmt", "plain")
        mo = r.t.get("ncm_month", 0)
    else:
        if "nrm_established_year" in r.vague:
            return r.vague["nrm_established_year"]
        y = r.f.get("nrm_established_year")
        y2 = r.f.get("nrm_established_year_other")
        fmt, mo = "plain", 0
    if y is None:
        return None
    if fmt == "month":
        s = {"es": f"{LA.MONTHS['es'][mo].capitalize()} de {y}", "it": f"{LA.MONTHS['it'][mo].capitalize()} {y}",
             "en": f"{LA.MONTHS['en'][mo]} {y}"}[lang]
    else:
        s = y
    if y2:
        s += {"es": f" (reestructurado en {y2})", "it": f" (riorganizzato nel {y2})", "en": f" (restructured in {y2})"}[lang]
    return s


def mins_text(r, sep=", "):
    if "mins" not in r.t:
        return None
    return sep.join(n for n, _ in r.t["mins"])


def lead_text(r):
    if "lead" not in r.t:
        return None
    return {"es": "Preside: ", "it": "Presidenza: ", "en": "Chair: "}[r.lang] + r.t["lead"] + "."


def nap_text(r):
    if r.f.get("nap_exists") != "yes":
        return None
    name = r.t["nap_name"]
    if "nap_year" in r.vague:
        return {"es": f"{name} (aprobado {r.vague['nap_year'].lower()})", "it": f"{name} (adottato {r.vague['nap_year'].lower()})",
                "en": f"{name} (adopted {r.vague['nap_year'].lower()})"}[r.lang]
    y = r.f.get("nap_year")
    m = r.t["nap_month"]
    return {"es": f"{name}, aprobado en {LA.MONTHS['es'][m]} de {y}", "it": f"{name}, adottato nel mese di {LA.MONTHS['it'][m]} {y}",
            "en": f"{name}, adopted in {LA.MONTHS['en'][m]} {y}"}[r.lang]


def pct_text(r):
    if "ncm_civil_society_share" in r.vague:
        return r.vague["ncm_civil_society_share"]
    v = r.f.get("ncm_civil_society_share")
    if v is None:
        return None
    if r.lang in ("es", "it"):
        return v.replace(".", ",") + " %"
    return v + "%"


def ftext(r, field):
    """the answer text for a text field: value, or the vague/xref text, or None"""
    if field in r.xref:
        return r.xref[field]
    if field in r.vague:
        return r.vague[field]
    return r.f.get(field)


# ------------------------------------------------------------------ IR
# block: {"t": "title"|"sec"|"q"|"note", "n": "1", "text": str, "parts": [...], "subs": [{"l": "a", "text":..., "parts": [...]}]}
# part:  {"k": "yn", "v": "yes"|"no"|None}
#        {"k": "opts", "labels": [...], "sel": [...], "single": bool, "other": str|None}
#        {"k": "text", "label": str|None, "v": str}
#        {"k": "na", "v": marker}
#        {"k": "blank"}

def build_ir(r, qlang, var, rng, letters=True, na_collapse=None):
    L = Q[qlang]

    def P(key):
        v = var if rng.random() > 0.15 else 1 - var
        return L[key][v]

    yes, no = L["yes"][var], L["no"][var]
    lang = r.lang
    NA = lambda: {"k": "na", "v": rng.choice(LA.NA[lang])}

    def YN(field, v=None):
        return {"k": "yn", "v": r.f.get(field) if v is None else v, "yes": yes, "no": no}

    def T(v, label=None):
        if v is None:
            return {"k": "blank"}
        return {"k": "text", "label": label, "v": v}

    def TF(field, label=None, na_if_missing=False):
        v = ftext(r, field)
        if v is None:
            return NA() if na_if_missing else {"k": "blank"}
        return T(v, label)

    def S(l, key, parts):
        return {"l": l if letters else None, "text": P(key), "parts": parts}

    blocks = [{"t": "title", "text": P("title")}, {"t": "sec", "text": P("secA")}]
    f, t = r.f, r.t
    blocks.append({"t": "q", "n": "1", "text": P("q1"), "parts": [YN("ncm_exists")]})
    if f.get("ncm_exists") == "yes":
        typ = f["ncm_type"]
        subs = []
        two = rng.random() < 0.4
        for l, key, fld in (("a", "q2a", "ncm_coordinator"), ("b", "q2b", "ncm_body_name")):
            v = f.get(fld)
            if v:
                parts = ([YN(None, "yes")] if two else []) + [T(v)]
            else:
                parts = [YN(None, "no")] if two else [rng.choice([T(no), {"k": "blank"}, NA()])]
            subs.append(S(l, key, parts))
        subs.append(S("c", "q2c", [T(t["other_mech"])] if typ == "other" else [rng.choice([{"k": "blank"}, NA(), T("—")])]))
        blocks.append({"t": "q", "n": "2", "text": P("q2"), "parts": [], "subs": subs})
        if typ != "coordinator":
            subs = []
            pa = [YN("ncm_interministerial")]
            if "mins" in t:
                mt = mins_text(r, rng.choice([", ", "; "]))
                lt = lead_text(r)
                pa.append(T(mt + ("." if lt else "") + (" " + lt if lt else ""), P("q3a_min")))
            subs.append(S("a", "q3a", pa))
            pb = [YN("ncm_experts")]
            if "experts" in t:
                pb.append(T(t["experts"]))
            subs.append(S("b", "q3b", pb))
            subs.append(S("c", "q3c", [T(t["q3c"])] if "q3c" in t else [rng.choice([{"k": "blank"}, NA()])]))
            pd = [YN("ncm_civil_society")]
            if f.get("ncm_civil_society") == "yes":
                pt = pct_text(r)
                if pt:
                    pd.append(T(pt, P("q3d_pct")))
                if "roles" in t:
                    pd.append({"k": "opts", "labels": P("roles"), "sel": t["roles"], "single": False, "other": None,
                               "label": P("q3d_role")})
            subs.append(S("d", "q3d", pd))
            blocks.append({"t": "q", "n": "3", "text": P("q3"), "parts": [], "subs": subs})
        else:
            blocks.append({"t": "q", "n": "3", "text": P("q3"), "parts": [NA()]})
        blocks.append({"t": "q", "n": "4", "text": P("q4"), "parts": [T(t["instr"], P("q4_auth")), T(year_text(r, "ncm"), P("q4_when"))]})
        p5 = [YN("ncm_budget")]
        if f.get("ncm_budget") == "yes":
            p5.append(TF("ncm_budget_covers", P("q5_cov")))
        blocks.append({"t": "q", "n": "5", "text": P("q5"), "parts": p5})
        blocks.append({"t": "q", "n": "6", "text": P("q6"), "parts": [{"k": "opts", "labels": P("q6o"), "sel": t["fn"], "single": False, "other": None}]})
        blocks.append({"t": "q", "n": "7", "text": P("q7"), "parts": [TF("ncm_achievements", na_if_missing=rng.random() < 0.3)]})
        blocks.append({"t": "q", "n": "8", "text": P("q8"), "parts": [TF("ncm_challenges")]})
    else:
        if na_collapse:
            blocks.append({"t": "note", "text": na_collapse["A"]})
        else:
            for n in range(2, 9):
                blocks.append({"t": "q", "n": str(n), "text": P(f"q{n}"), "parts": [NA()] if rng.random() < 0.7 else [{"k": "blank"}]})
    blocks.append({"t": "sec", "text": P("secB")})
    nap, eq = f.get("nap_exists"), f.get("nap_equivalent")
    pa = [YN("nap_exists")]
    if nap == "yes":
        pa.append(T(nap_text(r)))
    pb = [YN("nap_equivalent")] if eq else [{"k": "blank"}]
    if eq == "yes":
        pb.append(T(t["equiv"]))
    blocks.append({"t": "q", "n": "9", "text": P("q9"), "parts": [], "subs": [S("a", "q9a", pa), S("b", "q9b", pb)]})
    if nap == "yes" or eq == "yes":
        blocks.append({"t": "q", "n": "10", "text": P("q10"), "parts": [{"k": "opts", "labels": P("q10o"), "sel": t["cov"], "single": False,
                                                                          "other": t.get("cov_other")}]})
        p11 = [YN("thb_defined")]
        if "thb_definition" in f:
            p11.append(T(f["thb_definition"], P("q11_def")))
        blocks.append({"t": "q", "n": "11", "text": P("q11"), "parts": p11})
        blocks.append({"t": "q", "n": "12", "text": P("q12"), "parts": [YN("comprehensive_approach_defined")]})
        blocks.append({"t": "q", "n": "13", "text": P("q13"), "parts": [TF("nap_review", na_if_missing=True)]})
        blocks.append({"t": "q", "n": "14", "text": P("q14"), "parts": [TF("nap_achievements")]})
        blocks.append({"t": "q", "n": "15", "text": P("q15"), "parts": [TF("nap_challenges")]})
    else:
        if na_collapse:
            blocks.append({"t": "note", "text": na_collapse["B"]})
        else:
            for n in range(10, 16):
                blocks.append({"t": "q", "n": str(n), "text": P(f"q{n}"), "parts": [NA()] if rng.random() < 0.7 else [{"k": "blank"}]})
    blocks.append({"t": "sec", "text": P("secC")})
    blocks.append({"t": "q", "n": "16", "text": P("q16"), "parts": [YN("nrm_exists")]})
    if "nrm_type" in f:
        blocks.append({"t": "q", "n": "17", "text": P("q17"), "parts": [{"k": "opts", "labels": P("q17o"), "single": True,
                                                                          "sel": [f["nrm_type"] == i for i in Q17_IDS], "other": t.get("nrm_other")}]})
        blocks.append({"t": "q", "n": "18", "text": P("q18"), "parts": [{"k": "opts", "labels": P("q18o"), "single": True,
                                                                          "sel": [f["nrm_authority"] == i for i in Q18_IDS], "other": None}]})
        blocks.append({"t": "q", "n": "19", "text": P("q19"), "parts": [T(year_text(r, "nrm"))]})
        p20 = [YN("nrm_budget")]
        if f.get("nrm_budget") == "yes":
            p20.append(TF("nrm_budget_covers"))
        blocks.append({"t": "q", "n": "20", "text": P("q20"), "parts": p20})
        blocks.append({"t": "q", "n": "21", "text": P("q21s"), "parts": [], "subs": [
            S("a", "q21a", [T(t["freq"])]), S("b", "q21b", [TF("report_recipient")]), S("c", "q21c", [YN("reports_public")])]})
        cont = {"k": "opts", "labels": P("q21o"), "sel": t["cont"], "single": False, "other": t.get("cont_other")}
        hsel = [f.get("report_model") == i for i in Q21H_IDS]
        hpart = {"k": "opts", "labels": P("q21ho"), "sel": hsel, "single": True, "other": None} if any(hsel) else {"k": "blank"}
        blocks.append({"t": "q", "n": "21", "text": P("q21t"), "parts": [cont], "subs": [S("h", "q21h", [hpart])]})
        blocks.append({"t": "q", "n": "22", "text": P("q22"), "parts": [TF("nrm_success", na_if_missing=rng.random() < 0.5)]})
        blocks.append({"t": "q", "n": "23", "text": P("q23"), "parts": [TF("nrm_challenges")]})
    else:
        if na_collapse:
            blocks.append({"t": "note", "text": na_collapse["C"]})
        else:
            for n, key in (("17", "q17"), ("18", "q18"), ("19", "q19"), ("20", "q20"), ("21", "q21s"), ("21", "q21t"), ("22", "q22"), ("23", "q23")):
                blocks.append({"t": "q", "n": n, "text": P(key), "parts": [NA()] if rng.random() < 0.6 else [{"k": "blank"}]})
    return blocks


NA_COLLAPSE = {
    "es": {"A": "Preguntas 2 a 8: no procede.", "B": "Preguntas 10 a 15: no procede.", "C": "Preguntas 17 a 23: no procede."},
    "it": {"A": "Domande 2-8: non applicabile.", "B": "Domande 10-15: non applicabile.", "C": "Domande 17-23: non applicabile."},
    "en": {"A": "Questions 2-8: not applicable.", "B": "Questions 10-15: not applicable.", "C": "Questions 17-23: not applicable."},
}


def fmt_date(lang, d, style, rng=None):
    m = d.month - 1
    if lang == "es":
        return [f"{d.day} de {LA.MONTHS['es'][m]} de {d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day}.{LA.ROMAN[m]}.{d.year}"][style % 3]
    if lang == "it":
        return [f"{d.day} {LA.MONTHS['it'][m]} {d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day}.{d.month}.{d.year}"][style % 3]
    return [f"{d.day} {LA.MONTHS['en'][m]} {d.year}", f"{LA.MONTHS['en'][m]} {d.day}, {d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}"][style % 3]
