"""Answer model, per-question rendering (form blocks or prose) and key tracking."""
import datetime
import importlib

UNITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15",
         "16", "17", "18", "19", "20", "21s", "21c", "22", "23"]
SECTION = {u: ("A" if i < 8 else "B" if i < 15 else "C") for i, u in enumerate(UNITS)}
PARTNERS = {"Afghanistan", "Algeria", "Egypt", "Israel", "Japan", "Jordan", "Mongolia", "Morocco",
            "Republic of Korea", "Thailand", "Tunisia", "Australia"}
TEXT_FIELDS = {"ncm_coordinator", "ncm_body_name", "ncm_budget_covers", "ncm_achievements", "ncm_challenges",
               "thb_definition", "nap_review", "nap_achievements", "nap_challenges", "nrm_budget_covers",
               "report_recipient", "nrm_success", "nrm_challenges", "submitted_on", "ncm_established_year_other",
               "nrm_established_year_other"}
# fields a question would state (used to list review fields for cross-references / blanks)
UNIT_FIELDS = {
    "1": ["ncm_exists"], "2": ["ncm_type", "ncm_coordinator", "ncm_body_name"],
    "3": ["ncm_interministerial", "ncm_ministries", "ncm_lead_ministry", "ncm_experts", "ncm_civil_society",
          "ncm_civil_society_share", "ncm_civil_society_role"],
    "4": ["ncm_legal_basis", "ncm_established_year", "ncm_established_year_other"],
    "5": ["ncm_budget", "ncm_budget_covers"], "6": ["ncm_function"], "7": ["ncm_achievements"],
    "8": ["ncm_challenges", "ncm_challenge_topics"], "9": ["nap_exists", "nap_equivalent", "nap_year"],
    "10": ["nap_coverage"], "11": ["thb_defined", "thb_definition"], "12": ["comprehensive_approach_defined"],
    "13": ["nap_review"], "14": ["nap_achievements"], "15": ["nap_challenges", "nap_challenge_topics"],
    "16": ["nrm_exists"], "17": ["nrm_type"], "18": ["nrm_authority"], "19": ["nrm_established_year", "nrm_established_year_other"],
    "20": ["nrm_budget", "nrm_budget_covers"], "21s": ["report_frequency", "report_recipient", "reports_public"],
    "21c": ["report_content", "report_model"], "22": ["nrm_success"], "23": ["nrm_challenges"],
}


def lang(code):
    return importlib.import_module(f"lang.{code}")


def P(lst, i):
    return lst[i % len(lst)]


def yn(b):
    return "yes" if b else "no"


def multi(ids):
    return ";".join(sorted(set(ids)))


def rand_date(rng, y0, y1):
    d0 = datetime.date(y0, 1, 1).toordinal()
    d1 = datetime.date(y1, 12, 28).toordinal()
    return datetime.date.fromordinal(rng.randint(d0, d1))


# ---------------------------------------------------------------- answer model
def gen_answers(rng, code, force=None):
    """Random answers coherent with the skip logic. `force` overrides keys of the result."""
    f = dict(force or {})
    T = lang(code).T
    a = {"code": code}

    def fy(s):
        return s.replace("{y}", str(rng.randint(2003, 2007)))

    def sentences(pool, k):
        idx = rng.sample(range(len(pool)), min(k, len(pool)))
        return [fy(pool[i]) for i in idx]

    def tagged(pool, k):
        idx = rng.sample(range(len(pool)), min(k, len(pool)))
        return [(pool[i][0], fy(pool[i][1])) for i in idx]

    a["ncm_exists"] = f.get("ncm_exists", rng.random() < 0.88)
    a["fill_ncm"] = a["ncm_exists"] or f.get("contradict_ncm", False)
    if a["fill_ncm"]:
        t = f.get("ncm_type") or rng.choices(["coordinator", "working_group", "both", "other"], [15, 45, 32, 8])[0]
        a["ncm_type"] = t
        a["coord"] = rng.choice(T["coordinators"]) if t in ("coordinator", "both") else None
        a["body"] = rng.choice(T["bodies"]) if t in ("working_group", "both") else None
        a["other_desc"] = rng.choice(T["other_ncm"]) if t == "other" else None
        if a["body"]:
            a["inter"] = f.get("inter", rng.random() < 0.9)
            if a["inter"]:
                pool = list(T["ministries"]) if not f.get("ministry_pool") else f["ministry_pool"]
                if f.get("abbr_only"):
                    pool = [m for m in pool if m[2]]
                lead_ok = [m for m in pool if m[0][0] in ("interior", "justice", "labour", "foreign_affairs", "family", "social")]
                lead = rng.choice(lead_ok)
                chosen, used = [lead], set(lead[0])
                rest = pool[:]
                rng.shuffle(rest)
                k = rng.randint(3, 6)
                for m in rest:
                    if len(chosen) >= k:
                        break
                    if used & set(m[0]):
                        continue
                    chosen.append(m)
                    used |= set(m[0])
                a["mins"] = chosen
                a["lead_marked"] = f.get("lead_marked", rng.random() < 0.7)
            a["experts"] = rng.random() < 0.6
            a["experts_txt"] = rng.choice(T["experts"])
            a["civ"] = f.get("civ", rng.random() < 0.65)
            if a["civ"]:
                a["share"] = f.get("share", rng.choice([None, 10, 15, 20, 25, 30, 40, None]))
                a["roles"] = sorted(rng.sample(["decision_making", "observer", "other"], rng.choice([1, 1, 1, 2])))
                a["role_other"] = rng.choice(T["role_other"])
        a["legal"] = f.get("legal") or rng.choices(["legislation", "decree", "policy", "other"], [30, 45, 18, 7])[0]
        tmpl = rng.choice(T["legal"][a["legal"]])
        a["year"] = f.get("year", rng.randint(1999, 2006))
        a["legal_txt"] = tmpl.replace("{n}", str(rng.randint(12, 480))).replace("{ylaw}", str(a["year"] - 1))
        a["est_date"] = rand_date(rng, a["year"], a["year"])
        a["year_other"] = [rng.randint(a["year"] + 1, 2007)] if (a["year"] < 2007 and rng.random() < 0.3) else []
        if "year_other" in f:
            a["year_other"] = f["year_other"]
        a["budget"] = f.get("budget", rng.random() < 0.45)
        a["budget_cov"] = rng.choice(T["budget_cov"])
        a["functions"] = sorted(rng.sample(["advisory", "policy_making", "implementation", "other"], rng.choice([1, 2, 2, 3])))
        a["func_other"] = rng.choice(T["func_other"])
        a["ach"] = sentences(T["ach"], rng.randint(2, 3))
        a["ch"] = tagged(T["ch"], rng.randint(2, 3))
    a["nap_exists"] = f.get("nap_exists", rng.random() < 0.72)
    a["nap_equiv"] = f.get("nap_equiv", (rng.random() < 0.6) if not a["nap_exists"] else (rng.random() < 0.12))
    a["fill_nap"] = a["nap_exists"] or a["nap_equiv"]
    if a["fill_nap"]:
        a["nap_year"] = f.get("nap_year", rng.randint(2002, 2007))
        a["nap_date"] = rand_date(rng, a["nap_year"], a["nap_year"])
        a["nap_expl"] = rng.choice(T["nap_expl"])
        cov = rng.sample(["legislative_reform", "prevention", "protection_assistance", "law_enforcement",
                          "international_cooperation", "stakeholder_roles", "timeline"], rng.randint(3, 7))
        if rng.random() < 0.2:
            cov.append("other")
        a["coverage"] = sorted(cov)
        a["cov_other"] = rng.choice(T["cov_other"])
        a["thb_defined"] = f.get("thb_defined", rng.random() < 0.88)
        a["defn"] = rng.choice(T["definitions"])
        a["comp"] = rng.random() < 0.75
        a["nap_review"] = fy(rng.choice(T["nap_review"]))
        a["nap_ach"] = sentences(T["nap_ach"], rng.randint(2, 3))
        a["nap_ch"] = tagged(T["nap_ch"], rng.randint(2, 3))
    a["nrm_exists"] = f.get("nrm_exists", rng.random() < 0.45)
    if a["nrm_exists"]:
        a["nrm_type"] = f.get("nrm_type") or rng.choices(
            ["independent_rapporteur", "coordinator_function", "ministry_function", "research_institute", "other"], [25, 30, 30, 8, 7])[0]
        a["nrm_other"] = rng.choice(T["nrm_other"])
        a["nrm_auth"] = rng.choices(["legislation", "policy", "other"], [45, 45, 10])[0]
        a["nrm_year"] = f.get("nrm_year", rng.randint(2000, 2007))
        a["nrm_date"] = rand_date(rng, a["nrm_year"], a["nrm_year"])
        a["nrm_year_other"] = [rng.randint(a["nrm_year"] + 1, 2007)] if (a["nrm_year"] < 2007 and rng.random() < 0.15) else []
        a["nrm_budget"] = f.get("nrm_budget", rng.random() < 0.35)
        a["nrm_bcov"] = rng.choice(T["nrm_bcov"])
        a["freq"] = rng.choices(["annual", "biannual", "biennial", "irregular"], [60, 15, 15, 10])[0]
        a["recipient"] = rng.choice(T["recipients"])
        a["public"] = rng.random() < 0.7
        cont = rng.sample(["scope", "trends", "law_enforcement", "victim_services", "prevention", "international_cooperation"], rng.randint(3, 6))
        if rng.random() < 0.2:
            cont.append("other")
        a["content"] = sorted(cont)
        a["content_other"] = rng.choice(T["content_other"])
        a["model"] = rng.choice(["prescribed", "varies"])
        a["nrm_success"] = fy(rng.choice(T["nrm_success"]))
        a["nrm_ch"] = rng.choice(T["nrm_ch"])
    for k, v in f.items():
        if k in a and k not in ("ncm_exists",):
            a[k] = v
    return a


# ---------------------------------------------------------------- numbering
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
         "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV"]


def sec_index(u):
    s = SECTION[u]
    same = [x for x in UNITS if SECTION[x] == s]
    return s, same.index(u) + 1


def label(u, scheme):
    n = u.rstrip("sc")
    s, i = sec_index(u)
    rs = {"A": "I", "B": "II", "C": "III"}[s]
    return {
        "orig": f"{n}.", "Q": f"Q{n}", "Qcolon": f"Question {n}:",
        "A.1": f"A.{i}".replace("A.", s + "."), "roman_sec": f"{rs}.{i}", "roman": ROMAN[UNITS.index(u)] + ".",
        "section_item": f"Section {s}, item {i}", "none": "", "paren": f"{n})",
    }[scheme]


def ref(u, scheme):
    """How a cross-reference names question u in the file's own numbering."""
    n = u.rstrip("sc")
    s, i = sec_index(u)
    rs = {"A": "I", "B": "II", "C": "III"}[s]
    return {"orig": n, "Q": n, "Qcolon": n, "paren": n, "A.1": f"{s}.{i}", "roman_sec": f"{rs}.{i}",
            "roman": ROMAN[UNITS.index(u)], "section_item": f"{s}.{i}", "none": n}[scheme]


# ---------------------------------------------------------------- file context
class Ctx:
    def __init__(self, a, rng, vi=0, scheme="orig", yn_mode="opts", marks="bracket", inline_yn=False,
                 na_mode="na", ministry_style="full", date_style=None, country_prose="", blank=(), xref=None,
                 vague=(), contradict=False, q2_mode="opts", ministry_sep=", ", yn_style=None, xref_vi=None, vague_vi=None):
        self.a, self.rng, self.vi = a, rng, vi
        self.L = lang(a["code"])
        self.T = self.L.T
        self.scheme, self.yn_mode, self.marks, self.inline_yn = scheme, yn_mode, marks, inline_yn
        self.na_mode, self.ministry_style = na_mode, ministry_style
        self.date_style = date_style or self.L.DATE_STYLES[vi % len(self.L.DATE_STYLES)]
        self.country_prose = country_prose
        self.blank, self.xref, self.vague = set(blank), dict(xref or {}), set(vague)
        self.contradict = contradict
        self.q2_mode = q2_mode
        self.ministry_sep = ministry_sep
        self.yn_style = yn_style
        self.xref_vi = vi if xref_vi is None else xref_vi
        self.vague_vi = vi if vague_vi is None else vague_vi
        self.key = {}
        self.review = set()

    # helpers ---------------------------------------------------------
    def t(self, name, sub=None):
        v = self.T[name] if sub is None else self.T[name][sub]
        return P(v, self.vi) if isinstance(v, list) else v

    def q(self, u):
        return P(self.T["q"][u], self.vi)

    def yesno(self, b):
        return self.t("yes") if b else self.t("no")

    def date(self, d, style=None):
        return self.L.fmt_date(d, style or self.date_style)

    def pct(self, n):
        return P(self.T["pct"], self.vi).format(n=n)

    def na(self):
        return P(self.T["na"], self.vi)

    def ministries_str(self):
        a = self.a
        parts = []
        for j, (ids, name, abbr) in enumerate(a["mins"]):
            if self.ministry_style == "abbr" and abbr:
                s = abbr
            elif self.ministry_style == "mixed" and abbr and abbr not in name:
                s = f"{name} ({abbr})"
            else:
                s = name
            if j == 0 and a.get("lead_marked"):
                s += " " + self.t("chair")
            parts.append(s)
        return self.ministry_sep.join(parts)

    def opts(self, items, inline=False):
        return ("opts", items, inline)

    def yn_block(self, val, force_opts=False):
        if self.yn_mode == "word" and not force_opts:
            return ("a", self.yesno(val))
        items = [(self.t("yes"), val is True), (self.t("no"), val is False)]
        if self.yn_style:
            return ("opts", items, self.inline_yn, self.yn_style)
        return ("opts", items, self.inline_yn)


# ---------------------------------------------------------------- form mode
def applicable(cx, u):
    a = cx.a
    s = SECTION[u]
    if s == "A":
        return u == "1" or a["fill_ncm"]
    if s == "B":
        return u == "9" or a["fill_nap"]
    return u == "16" or a["nrm_exists"]


def form_unit(cx, u):
    """Return (answer blocks, key dict) for question u in form mode."""
    a, T = cx.a, cx.T
    kv = {}
    B = []
    if not applicable(cx, u):
        if cx.na_mode == "omit":
            return None, {}
        if cx.na_mode == "blank":
            return [("a", "")], {}
        return [("a", cx.na())], {}
    if u == "1":
        B.append(cx.yn_block(a["ncm_exists"]))
        kv["ncm_exists"] = yn(a["ncm_exists"])
    elif u == "2":
        t = a["ncm_type"]
        c, b, o = cx.t("q2opt", "coord"), cx.t("q2opt", "body"), cx.t("q2opt", "other")
        if cx.q2_mode == "opts":
            B.append(("opts", [(c + (": " + a["coord"] if a["coord"] else ""), bool(a["coord"])),
                               (b + (": " + a["body"] if a["body"] else ""), bool(a["body"])),
                               (o + (": " + a["other_desc"] if a["other_desc"] else ""), t == "other")], False))
        else:
            B += [("sub", c, a["coord"] or "-"), ("sub", b, a["body"] or "-"), ("sub", o, a["other_desc"] or "-")]
        kv["ncm_type"] = t
        if a["coord"]:
            kv["ncm_coordinator"] = a["coord"]
        if a["body"]:
            kv["ncm_body_name"] = a["body"]
    elif u == "3":
        if not a.get("body"):
            return [("a", cx.na())], {}
        if a["inter"]:
            B.append(("sub", cx.t("q3sub", "inter"), f"{cx.yesno(True)}: {cx.ministries_str()}"))
            kv["ncm_interministerial"] = "yes"
            kv["ncm_ministries"] = multi(i for m in a["mins"] for i in m[0])
            if a["lead_marked"]:
                kv["ncm_lead_ministry"] = a["mins"][0][0][0]
        else:
            B.append(("sub", cx.t("q3sub", "inter"), cx.yesno(False)))
            kv["ncm_interministerial"] = "no"
        B.append(("sub", cx.t("q3sub", "experts"), f"{cx.yesno(True)} - {a['experts_txt']}" if a["experts"] else cx.yesno(False)))
        kv["ncm_experts"] = yn(a["experts"])
        B.append(("sub", cx.t("q3sub", "other"), cx.na()))
        if a["civ"]:
            share = ""
            if a.get("share"):
                if "ncm_civil_society_share" in cx.vague:
                    share = ", " + P(T["vague"]["share"], cx.vague_vi)
                    cx.review.add("ncm_civil_society_share")
                else:
                    share = ", " + cx.pct(a["share"])
                    kv["ncm_civil_society_share"] = str(a["share"])
            B.append(("sub", cx.t("q3sub", "civ"), cx.yesno(True) + share))
            items = []
            for r in ["decision_making", "observer", "other"]:
                lab = cx.t("roles", r)
                if r == "other" and "other" in a["roles"]:
                    lab += ": " + a["role_other"]
                items.append((lab, r in a["roles"]))
            B.append(("opts", items, True))
            kv["ncm_civil_society"] = "yes"
            kv["ncm_civil_society_role"] = multi(a["roles"])
        else:
            B.append(("sub", cx.t("q3sub", "civ"), cx.yesno(False)))
            kv["ncm_civil_society"] = "no"
    elif u == "4":
        B.append(("sub", cx.t("q4sub", "auth"), a["legal_txt"]))
        kv["ncm_legal_basis"] = a["legal"]
        if "ncm_established_year" in cx.vague:
            B.append(("sub", cx.t("q4sub", "when"), P(T["vague"]["year"], cx.vague_vi)))
            cx.review.add("ncm_established_year")
        else:
            w = cx.date(a["est_date"]) if cx.rng.random() < 0.6 else str(a["year"])
            if a["year_other"]:
                w += P(T["prose"]["w_other"], cx.vi).format(y2=a["year_other"][0])
                kv["ncm_established_year_other"] = ";".join(map(str, a["year_other"]))
            B.append(("sub", cx.t("q4sub", "when"), w))
            kv["ncm_established_year"] = str(a["year"])
    elif u == "5":
        B.append(cx.yn_block(a["budget"]))
        kv["ncm_budget"] = yn(a["budget"])
        if a["budget"]:
            B.append(("sub", cx.t("q5sub"), a["budget_cov"]))
            kv["ncm_budget_covers"] = a["budget_cov"]
    elif u == "6":
        items = []
        for r in ["advisory", "policy_making", "implementation", "other"]:
            lab = cx.t("functions", r)
            if r == "other" and "other" in a["functions"]:
                lab += ": " + a["func_other"]
            items.append((lab, r in a["functions"]))
        B.append(("opts", items, False))
        kv["ncm_function"] = multi(a["functions"])
    elif u == "7":
        txt = " ".join(a["ach"])
        B.append(("a", txt))
        kv["ncm_achievements"] = txt
    elif u == "8":
        txt = " ".join(s for _, s in a["ch"])
        B.append(("a", txt))
        kv["ncm_challenges"] = txt
        kv["ncm_challenge_topics"] = multi(t for t, _ in a["ch"])
    elif u == "9":
        na_ = cx.yesno(a["nap_exists"])
        if a["nap_exists"]:
            if "nap_year" in cx.vague:
                na_ += ", " + P(T["vague"]["year"], cx.vague_vi)
                cx.review.add("nap_year")
            else:
                na_ += ", " + (cx.date(a["nap_date"]) if cx.rng.random() < 0.5 else str(a["nap_year"]))
                kv["nap_year"] = str(a["nap_year"])
        B.append(("sub", cx.t("q9sub", "a"), na_))
        B.append(("sub", cx.t("q9sub", "b"), cx.yesno(a["nap_equiv"]) + (" - " + a["nap_expl"] if a["nap_equiv"] else "")))
        kv["nap_exists"] = yn(a["nap_exists"])
        kv["nap_equivalent"] = yn(a["nap_equiv"])
    elif u == "10":
        items = []
        for r in ["legislative_reform", "prevention", "protection_assistance", "law_enforcement",
                  "international_cooperation", "stakeholder_roles", "timeline", "other"]:
            lab = cx.t("coverage", r)
            if r == "other" and "other" in a["coverage"]:
                lab += ": " + a["cov_other"]
            items.append((lab, r in a["coverage"]))
        B.append(("opts", items, False))
        kv["nap_coverage"] = multi(a["coverage"])
    elif u == "11":
        B.append(cx.yn_block(a["thb_defined"]))
        kv["thb_defined"] = yn(a["thb_defined"])
        if a["thb_defined"]:
            B.append(("sub", cx.t("q11sub"), a["defn"]))
            kv["thb_definition"] = a["defn"]
    elif u == "12":
        B.append(cx.yn_block(a["comp"]))
        kv["comprehensive_approach_defined"] = yn(a["comp"])
    elif u == "13":
        B.append(("a", a["nap_review"]))
        kv["nap_review"] = a["nap_review"]
    elif u == "14":
        txt = " ".join(a["nap_ach"])
        B.append(("a", txt))
        kv["nap_achievements"] = txt
    elif u == "15":
        txt = " ".join(s for _, s in a["nap_ch"])
        B.append(("a", txt))
        kv["nap_challenges"] = txt
        kv["nap_challenge_topics"] = multi(t for t, _ in a["nap_ch"])
    elif u == "16":
        B.append(cx.yn_block(a["nrm_exists"]))
        kv["nrm_exists"] = yn(a["nrm_exists"])
    elif u == "17":
        items = []
        for r in ["independent_rapporteur", "coordinator_function", "ministry_function", "research_institute", "other"]:
            lab = cx.t("nrm_types", r)
            if r == "other" and a["nrm_type"] == "other":
                lab += ": " + a["nrm_other"]
            items.append((lab, r == a["nrm_type"]))
        B.append(("opts", items, False))
        kv["nrm_type"] = a["nrm_type"]
    elif u == "18":
        items = [(cx.t("nrm_auth", r), r == a["nrm_auth"]) for r in ["legislation", "policy", "other"]]
        B.append(("opts", items, True))
        kv["nrm_authority"] = a["nrm_auth"]
    elif u == "19":
        if "nrm_established_year" in cx.vague:
            B.append(("a", P(T["vague"]["year"], cx.vague_vi + 1)))
            cx.review.add("nrm_established_year")
        else:
            w = cx.date(a["nrm_date"]) if cx.rng.random() < 0.5 else str(a["nrm_year"])
            if a["nrm_year_other"]:
                w += P(T["prose"]["w_other"], cx.vi).format(y2=a["nrm_year_other"][0])
                kv["nrm_established_year_other"] = ";".join(map(str, a["nrm_year_other"]))
            B.append(("a", w))
            kv["nrm_established_year"] = str(a["nrm_year"])
    elif u == "20":
        B.append(cx.yn_block(a["nrm_budget"]))
        kv["nrm_budget"] = yn(a["nrm_budget"])
        if a["nrm_budget"]:
            B.append(("sub", cx.t("q20sub"), a["nrm_bcov"]))
            kv["nrm_budget_covers"] = a["nrm_bcov"]
    elif u == "21s":
        B.append(("sub", cx.t("q21sub", "freq"), cx.t("freq", a["freq"])))
        B.append(("sub", cx.t("q21sub", "to"), a["recipient"]))
        B.append(("sub", cx.t("q21sub", "public"), cx.t("public", "yes" if a["public"] else "no")))
        kv.update(report_frequency=a["freq"], report_recipient=a["recipient"], reports_public=yn(a["public"]))
    elif u == "21c":
        items = []
        for r in ["scope", "trends", "law_enforcement", "victim_services", "prevention", "international_cooperation", "other"]:
            lab = cx.t("content", r)
            if r == "other" and "other" in a["content"]:
                lab += ": " + a["content_other"]
            items.append((lab, r in a["content"]))
        B.append(("opts", items, False))
        B.append(("sub", cx.t("model_label"), P(T["model"][a["model"]], cx.vi)))
        kv["report_content"] = multi(a["content"])
        kv["report_model"] = a["model"]
    elif u == "22":
        B.append(("a", a["nrm_success"]))
        kv["nrm_success"] = a["nrm_success"]
    elif u == "23":
        B.append(("a", a["nrm_ch"]))
        kv["nrm_challenges"] = a["nrm_ch"]
    return B, kv


def blank_blocks(blocks):
    out = []
    for b in blocks:
        if b[0] == "opts":
            out.append(("opts", [(lab, False) for lab, _ in b[1]]) + tuple(b[2:]))
        elif b[0] == "sub":
            out.append(("sub", b[1], ""))
        else:
            out.append(("a", ""))
    return out


def render_unit_form(cx, u):
    """Form-mode rendering with cross-reference / blank handling. Returns blocks or None."""
    if u in cx.xref:
        saved = set(cx.review)
        _, kv = form_unit(cx, u)
        cx.review = saved
        cx.review |= set(kv)
        return [("a", P(cx.T["xref"], cx.xref_vi).format(n=ref(cx.xref[u], cx.scheme)))]
    B, kv = form_unit(cx, u)
    if B is None:
        return None
    if u in cx.blank:
        return blank_blocks(B)
    cx.key.update(kv)
    return B


# ---------------------------------------------------------------- prose mode
def join_list(cx, items):
    items = list(items)
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + cx.T["and_"] + items[-1]


def prose_unit(cx, u, country=""):
    """Return (text, key dict) for question u as running prose. '' when not applicable."""
    a, T = cx.a, cx.T
    pr = T["prose"]
    p = lambda k: P(pr[k], cx.vi)
    kv = {}
    S = []
    if not applicable(cx, u):
        return "", {}
    if u == "1":
        S.append((p("p1_yes") if a["ncm_exists"] else p("p1_no")).format(country=country or cx.country_prose))
        kv["ncm_exists"] = yn(a["ncm_exists"])
    elif u == "2":
        t = a["ncm_type"]
        if t == "coordinator":
            S.append(p("p2_coord").format(coord=a["coord"]))
        elif t == "working_group":
            S.append(p("p2_body").format(body=a["body"]))
        elif t == "both":
            S.append(p("p2_both").format(coord=a["coord"], body=a["body"]))
        else:
            S.append(a["other_desc"])
        kv["ncm_type"] = t
        if a["coord"]:
            kv["ncm_coordinator"] = a["coord"]
        if a["body"]:
            kv["ncm_body_name"] = a["body"]
    elif u == "3":
        if not a.get("body"):
            return "", {}
        if a["inter"]:
            S.append(p("p3_inter").format(mins=cx.ministries_str()))
            kv["ncm_interministerial"] = "yes"
            kv["ncm_ministries"] = multi(i for m in a["mins"] for i in m[0])
            if a["lead_marked"]:
                kv["ncm_lead_ministry"] = a["mins"][0][0][0]
        else:
            S.append(p("p3_inter_no"))
            kv["ncm_interministerial"] = "no"
        if a["experts"]:
            S.append(p("p3_exp").format(experts=a["experts_txt"]))
            kv["ncm_experts"] = "yes"
        if a["civ"]:
            roles = join_list(cx, [pr["roles_prose"][r] for r in a["roles"]])
            kv["ncm_civil_society"] = "yes"
            kv["ncm_civil_society_role"] = multi(a["roles"])
            if a.get("share"):
                if "ncm_civil_society_share" in cx.vague:
                    sh = P(T["vague"]["share"], cx.vague_vi)
                    cx.review.add("ncm_civil_society_share")
                else:
                    sh = cx.pct(a["share"])
                    kv["ncm_civil_society_share"] = str(a["share"])
                S.append(p("p3_civ_share_roles").format(share=sh, roles=roles))
            else:
                S.append(p("p3_civ_roles").format(roles=roles))
        else:
            S.append(p("p3_civ_no"))
            kv["ncm_civil_society"] = "no"
    elif u == "4":
        kv["ncm_legal_basis"] = a["legal"]
        if "ncm_established_year" in cx.vague:
            when = P(T["vague"]["year"], cx.vague_vi)
            cx.review.add("ncm_established_year")
        else:
            if cx.rng.random() < 0.5:
                when = p("w_date").format(date=cx.date(a["est_date"]))
            else:
                when = p("w_year").format(y=a["year"])
            if a["year_other"]:
                when += p("w_other").format(y2=a["year_other"][0])
                kv["ncm_established_year_other"] = ";".join(map(str, a["year_other"]))
            kv["ncm_established_year"] = str(a["year"])
        S.append(p("p4").format(legal=a["legal_txt"], when=when))
    elif u == "5":
        S.append(p("p5_yes").format(cov=a["budget_cov"]) if a["budget"] else p("p5_no"))
        kv["ncm_budget"] = yn(a["budget"])
        if a["budget"]:
            kv["ncm_budget_covers"] = a["budget_cov"]
    elif u == "6":
        fs = [pr["funcs_prose"][f].format(other=a["func_other"]) for f in a["functions"]]
        S.append(p("p6").format(funcs=join_list(cx, fs)))
        kv["ncm_function"] = multi(a["functions"])
    elif u == "7":
        txt = " ".join(a["ach"])
        S.append(p("p7").format(text=txt))
        kv["ncm_achievements"] = txt
    elif u == "8":
        txt = " ".join(s for _, s in a["ch"])
        S.append(p("p8").format(text=txt))
        kv["ncm_challenges"] = txt
        kv["ncm_challenge_topics"] = multi(t for t, _ in a["ch"])
    elif u == "9":
        if a["nap_exists"]:
            if "nap_year" in cx.vague:
                S.append(p("p9_nap").format(y=P(T["vague"]["year"], cx.vague_vi)))
                cx.review.add("nap_year")
            else:
                S.append(p("p9_nap").format(y=a["nap_year"]))
                kv["nap_year"] = str(a["nap_year"])
        else:
            S.append(p("p9_nap_no"))
        kv["nap_exists"] = yn(a["nap_exists"])
        if a["nap_equiv"]:
            S.append(p("p9_eq").format(expl=a["nap_expl"]))
            kv["nap_equivalent"] = "yes"
        elif not a["nap_exists"]:
            S.append(p("p9_eq_no"))
            kv["nap_equivalent"] = "no"
    elif u == "10":
        cs = [pr["cov_prose"][c].format(other=a["cov_other"]) for c in a["coverage"]]
        S.append(p("p10").format(cov=join_list(cx, cs)))
        kv["nap_coverage"] = multi(a["coverage"])
    elif u == "11":
        S.append(p("p11_yes").format(defn=a["defn"]) if a["thb_defined"] else p("p11_no"))
        kv["thb_defined"] = yn(a["thb_defined"])
        if a["thb_defined"]:
            kv["thb_definition"] = a["defn"]
    elif u == "12":
        S.append(p("p12_yes") if a["comp"] else p("p12_no"))
        kv["comprehensive_approach_defined"] = yn(a["comp"])
    elif u == "13":
        S.append(a["nap_review"])
        kv["nap_review"] = a["nap_review"]
    elif u == "14":
        txt = " ".join(a["nap_ach"])
        S.append(p("p14").format(text=txt))
        kv["nap_achievements"] = txt
    elif u == "15":
        txt = " ".join(s for _, s in a["nap_ch"])
        S.append(p("p15").format(text=txt))
        kv["nap_challenges"] = txt
        kv["nap_challenge_topics"] = multi(t for t, _ in a["nap_ch"])
    elif u == "16":
        S.append(p("p16_yes") if a["nrm_exists"] else p("p16_no"))
        kv["nrm_exists"] = yn(a["nrm_exists"])
    elif u == "17":
        S.append(p("p17").format(t=pr["types_prose"][a["nrm_type"]].format(other=a["nrm_other"])))
        kv["nrm_type"] = a["nrm_type"]
    elif u == "18":
        S.append(p("p18").format(a=pr["auth_prose"][a["nrm_auth"]]))
        kv["nrm_authority"] = a["nrm_auth"]
    elif u == "19":
        if "nrm_established_year" in cx.vague:
            S.append(p("p19").format(y=P(T["vague"]["year"], cx.vague_vi + 1)))
            cx.review.add("nrm_established_year")
        else:
            S.append(p("p19").format(y=a["nrm_year"]))
            kv["nrm_established_year"] = str(a["nrm_year"])
    elif u == "20":
        S.append(p("p20_yes").format(cov=a["nrm_bcov"]) if a["nrm_budget"] else p("p20_no"))
        kv["nrm_budget"] = yn(a["nrm_budget"])
        if a["nrm_budget"]:
            kv["nrm_budget_covers"] = a["nrm_bcov"]
    elif u == "21s":
        S.append(p("p21s").format(freq=pr["freq_prose"][a["freq"]], to=a["recipient"],
                                  pub=p("pub_yes") if a["public"] else p("pub_no")))
        kv.update(report_frequency=a["freq"], report_recipient=a["recipient"], reports_public=yn(a["public"]))
    elif u == "21c":
        cs = [pr["content_prose"][c].format(other=a["content_other"]) for c in a["content"]]
        S.append(p("p21c").format(content=join_list(cx, cs), model=P(T["model"][a["model"]], cx.vi)))
        kv["report_content"] = multi(a["content"])
        kv["report_model"] = a["model"]
    elif u == "22":
        S.append(a["nrm_success"])
        kv["nrm_success"] = a["nrm_success"]
    elif u == "23":
        S.append(a["nrm_ch"])
        kv["nrm_challenges"] = a["nrm_ch"]
    return " ".join(S), kv


def render_unit_prose(cx, u, country=""):
    if u in cx.xref:
        saved = set(cx.review)
        _, kv = prose_unit(cx, u, country)
        cx.review = saved | set(kv)
        return P(cx.T["xref"], cx.xref_vi).format(n=ref(cx.xref[u], cx.scheme))
    txt, kv = prose_unit(cx, u, country)
    cx.key.update(kv)
    return txt


def finish_key(cx, country, code, submitted=None, extra_review=()):
    fields = {"country": country, "respondent_type": "partner_for_cooperation" if country in PARTNERS else "participating_state",
              "language": code}
    if submitted:
        fields["submitted_on"] = submitted.isoformat()
    k = dict(cx.key)
    rev = set(cx.review) | set(extra_review)
    for r in list(rev):
        if r in k and not cx.contradict:
            del k[r]
    fields.update(k)
    rev = sorted(r for r in rev)
    return fields, rev
