# -*- coding: utf-8 -*-
"""Random (seeded) answer records coherent with the questionnaire's skip logic,
their key fields, and the question/answer items every form renderer lays out."""
import lang as LG

SUPERSCRIPT = None


def pick(rng, seq, k=None):
    if k is None:
        return rng.choice(seq)
    return rng.sample(seq, k)


def join_lang(lang, parts, final=True):
    """'a, b und c' style joins."""
    parts = list(parts)
    if len(parts) <= 1:
        return "".join(parts)
    conj = {"de": " und ", "ru": " и ", "fr": " et ", "en": " and "}[lang]
    if not final:
        return ", ".join(parts)
    return ", ".join(parts[:-1]) + conj + parts[-1]


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def gen_record(p, rng):
    """p: profile dict. Returns record r (display + canonical)."""
    L = p["lang"]
    P = LG.POOL[L]
    f = p.get("force", {})
    r = {"lang": L}

    def choose(key, options, weights=None):
        if key in f:
            return f[key]
        if weights:
            return rng.choices(options, weights)[0]
        return rng.choice(options)

    # ---------------- A
    r["ncm_exists"] = choose("ncm_exists", ["yes", "no"], [5, 1])
    if r["ncm_exists"] == "yes":
        t = choose("ncm_type", ["coordinator", "working_group", "both"], [1, 3, 2])
        r["ncm_type"] = t
        r["coord"] = p.get("coord") if t in ("coordinator", "both") else None
        r["body"] = p.get("body") if t in ("working_group", "both") else None
        if t == "coordinator":
            r["inter"] = None
        else:
            r["inter"] = choose("ncm_interministerial", ["yes"])
        mins = p.get("ministries", [])
        if r["inter"] == "yes" and mins:
            k = f.get("n_ministries", rng.randint(min(3, len(mins)), len(mins)))
            lead = mins[0]
            rest = rng.sample(mins[1:], max(0, min(k - 1, len(mins) - 1)))
            order = [lead] + rest
            if p.get("lead_not_first"):
                rng.shuffle(order)
            r["mins"] = order
            r["lead"] = lead if p.get("lead", True) else None
        else:
            r["mins"] = []
            r["lead"] = None
        r["experts"] = choose("ncm_experts", ["yes", "no"], [3, 1]) if t != "coordinator" else None
        r["experts_txt"] = pick(rng, P["experts"]) if r["experts"] == "yes" else None
        r["cs"] = choose("ncm_civil_society", ["yes", "no"], [3, 2]) if t != "coordinator" else None
        if r["cs"] == "yes":
            r["cs_share"] = f.get("cs_share", str(rng.choice([10, 15, 20, 25, 30, 40])))
            roles = f.get("cs_roles") or rng.choice([["observer"], ["decision_making"], ["other"], ["observer", "other"]])
            r["cs_roles"] = roles
        else:
            r["cs_share"] = None
            r["cs_roles"] = []
        r["legal"] = choose("ncm_legal_basis", ["legislation", "decree", "policy"], [2, 3, 1])
        r["legal_txt"] = p.get("legal_txt") or pick(rng, LG.LEGAL[L][r["legal"]])
        r["year"] = f.get("ncm_year", str(rng.randint(2000, 2006)))
        r["year_other"] = f.get("ncm_year_other", [])
        r["budget"] = choose("ncm_budget", ["yes", "no"], [1, 1])
        r["budget_covers"] = pick(rng, P["ncm_budget"]) if r["budget"] == "yes" else None
        r["function"] = f.get("ncm_function") or sorted(rng.sample(LG.ORDER["function"][:3], rng.randint(1, 2)),
                                                          key=LG.ORDER["function"].index)
        r["ach"] = "; ".join(rng.sample(P["ncm_ach"], rng.randint(2, 3)))
        ch = rng.sample(P["ncm_ch"], rng.randint(1, 2))
        r["ch"] = "; ".join(c[0] for c in ch)
        r["ch_topics"] = sorted({c[1] for c in ch})
    # ---------------- B
    r["nap"] = choose("nap_exists", ["yes", "no"], [3, 1])
    r["equiv"] = choose("nap_equivalent", ["yes", "no", None], [1, 3, 1])
    if r["nap"] == "yes":
        r["nap_year"] = f.get("nap_year", str(rng.randint(2003, 2007)))
        r["nap_name"] = p.get("nap_name") or pick(rng, P["nap_name"])
    else:
        r["nap_year"] = f.get("nap_year", str(rng.randint(2002, 2007)) if r["equiv"] == "yes" else None)
        r["nap_name"] = None
    r["equiv_txt"] = (p.get("equiv_txt") or pick(rng, P["equiv"])) if r["equiv"] == "yes" else None
    if r["nap"] == "yes" or r["equiv"] == "yes":
        r["has_policy"] = True
        cov = f.get("nap_coverage") or sorted(rng.sample(LG.ORDER["coverage"][:7], rng.randint(3, 7)),
                                              key=LG.ORDER["coverage"].index)
        r["coverage"] = cov
        r["thb_defined"] = choose("thb_defined", ["yes", "no"], [4, 1])
        r["thb_def"] = (p.get("thb_def") or pick(rng, P["thb_def"])) if r["thb_defined"] == "yes" else None
        r["comp"] = choose("comprehensive_approach_defined", ["yes", "no"], [3, 1])
        r["review"] = pick(rng, P["nap_rev"])
        r["nap_ach"] = "; ".join(rng.sample(P["nap_ach"], rng.randint(1, 3)))
        ch = rng.sample(P["nap_ch"], rng.randint(1, 2))
        r["nap_ch"] = "; ".join(c[0] for c in ch)
        r["nap_ch_topics"] = sorted({c[1] for c in ch})
    else:
        r["has_policy"] = False
    # ---------------- C
    r["nrm"] = choose("nrm_exists", ["yes", "no"], [1, 1])
    if r["nrm"] == "yes" or p.get("contradict_nrm"):
        r["nrm_type"] = choose("nrm_type", ["independent_rapporteur", "coordinator_function", "ministry_function", "research_institute"],
                               [1, 2, 3, 1])
        r["nrm_auth"] = choose("nrm_authority", ["legislation", "policy", "other"], [2, 2, 1])
        r["nrm_year"] = f.get("nrm_year", str(rng.randint(2002, 2007)))
        r["nrm_year_other"] = f.get("nrm_year_other", [])
        r["nrm_budget"] = choose("nrm_budget", ["yes", "no"], [1, 2])
        r["nrm_budget_covers"] = pick(rng, P["nrm_budget"]) if r["nrm_budget"] == "yes" else None
        r["freq"] = choose("report_frequency", ["annual", "biannual", "biennial", "irregular"], [5, 1, 1, 1])
        r["recipient"] = pick(rng, P["recipient"])
        r["public"] = choose("reports_public", ["yes", "no"], [3, 1])
        r["content"] = f.get("report_content") or sorted(rng.sample(LG.ORDER["content"][:6], rng.randint(2, 6)),
                                                         key=LG.ORDER["content"].index)
        r["model"] = choose("report_model", ["prescribed", "varies"])
        r["nrm_succ"] = "; ".join(rng.sample(P["nrm_succ"], rng.randint(1, 2)))
        r["nrm_ch"] = "; ".join(rng.sample(P["nrm_ch"], rng.randint(1, 2)))
    if p.get("tweak"):
        p["tweak"](r, rng)
    if p.get("swiss"):
        def sw(x):
            if isinstance(x, str):
                return x.replace("ß", "ss")
            if isinstance(x, list):
                return [sw(y) for y in x]
            if isinstance(x, tuple):
                return tuple(sw(y) for y in x)
            if isinstance(x, dict):
                return {k: sw(v) for k, v in x.items()}
            return x
        for k in list(r):
            r[k] = sw(r[k])
    return r


def ids_of(mins):
    s = set()
    for _, ids in mins:
        s.update(ids)
    return ";".join(sorted(s))


def key_fields(p, r):
    """Canonical key values for what the record states."""
    F = {"country": p["country"], "respondent_type": p.get("rtype", "participating_state"), "language": p["lang"]}
    if p.get("date") and not p.get("no_date"):
        y, m, d = p["date"]
        F["submitted_on"] = f"{y:04d}-{m:02d}-{d:02d}"
    F["ncm_exists"] = r["ncm_exists"]
    if r["ncm_exists"] == "yes":
        F["ncm_type"] = r["ncm_type"]
        if r.get("coord"):
            F["ncm_coordinator"] = r["coord"]
        if r.get("body"):
            F["ncm_body_name"] = r["body"]
        if r.get("inter"):
            F["ncm_interministerial"] = r["inter"]
        if r.get("mins"):
            F["ncm_ministries"] = ids_of(r["mins"])
        if r.get("lead"):
            F["ncm_lead_ministry"] = r["lead"][1][0]
        if r.get("experts"):
            F["ncm_experts"] = r["experts"]
        if r.get("cs"):
            F["ncm_civil_society"] = r["cs"]
            if r.get("cs_share"):
                F["ncm_civil_society_share"] = r["cs_share"]
            if r.get("cs_roles"):
                F["ncm_civil_society_role"] = ";".join(sorted(r["cs_roles"]))
        F["ncm_legal_basis"] = r["legal"]
        if r.get("year"):
            F["ncm_established_year"] = r["year"]
        if r.get("year_other"):
            F["ncm_established_year_other"] = ";".join(r["year_other"])
        F["ncm_budget"] = r["budget"]
        if r.get("budget_covers"):
            F["ncm_budget_covers"] = r["budget_covers"]
        F["ncm_function"] = ";".join(sorted(r["function"]))
        F["ncm_achievements"] = r["ach"]
        F["ncm_challenges"] = r["ch"]
        F["ncm_challenge_topics"] = ";".join(r["ch_topics"])
    F["nap_exists"] = r["nap"]
    if r.get("equiv"):
        F["nap_equivalent"] = r["equiv"]
    if r.get("nap_year"):
        F["nap_year"] = r["nap_year"]
    if r["has_policy"]:
        F["nap_coverage"] = ";".join(sorted(r["coverage"]))
        F["thb_defined"] = r["thb_defined"]
        if r.get("thb_def"):
            F["thb_definition"] = r["thb_def"]
        F["comprehensive_approach_defined"] = r["comp"]
        F["nap_review"] = r["review"]
        F["nap_achievements"] = r["nap_ach"]
        F["nap_challenges"] = r["nap_ch"]
        F["nap_challenge_topics"] = ";".join(r["nap_ch_topics"])
    F["nrm_exists"] = r["nrm"]
    if "nrm_type" in r:
        F["nrm_type"] = r["nrm_type"]
        F["nrm_authority"] = r["nrm_auth"]
        if r.get("nrm_year"):
            F["nrm_established_year"] = r["nrm_year"]
        if r.get("nrm_year_other"):
            F["nrm_established_year_other"] = ";".join(r["nrm_year_other"])
        F["nrm_budget"] = r["nrm_budget"]
        if r.get("nrm_budget_covers"):
            F["nrm_budget_covers"] = r["nrm_budget_covers"]
        F["report_frequency"] = r["freq"]
        F["report_recipient"] = r["recipient"]
        F["reports_public"] = r["public"]
        F["report_content"] = ";".join(sorted(r["content"]))
        F["report_model"] = r["model"]
        F["nrm_success"] = r["nrm_succ"]
        F["nrm_challenges"] = r["nrm_ch"]
    # display overrides that remove / replace values (vague, cross references)
    review = []
    for fid, spec in r.get("ov", {}).items():
        F.pop(fid, None)
        for extra in spec.get("drop", []):
            F.pop(extra, None)
        review.append(fid)
        review.extend(spec.get("drop", []))
    for fid in r.get("na", {}):
        F.pop(fid, None)
    for fid in r.get("contradicted", []):
        if fid in F:
            review.append(fid)
    return F, sorted(set(review))


# ------------------------------------------------------------------ items
def year_phrase(L, r, rng):
    y = r.get("year")
    parts = []
    if "year_disp" in r:
        parts.append(r["year_disp"])
    elif y:
        parts.append({"de": f"eingerichtet {y}", "ru": f"создан в {y} г.", "fr": f"créé en {y}", "en": f"established in {y}"}[L])
    for yo in r.get("year_other", []):
        parts.append({"de": f"neu konstituiert {yo}", "ru": f"реорганизован в {yo} г.", "fr": f"restructuré en {yo}",
                      "en": f"revitalised in {yo}"}[L])
    return "; ".join(parts)


def lead_phrase(L, name):
    return {"de": f"Vorsitz: {name}", "ru": f"Головное ведомство: {name}", "fr": f"Présidence : {name}",
            "en": f"chaired by: {name}"}[L]


def share_phrase(L, s):
    return {"de": f"Anteil: {s} %", "ru": f"доля: {s}%", "fr": f"pourcentage : {s} %", "en": f"share: {s}%"}[L]


class Item(dict):
    pass


def build_items(p, r, rng, yesno_case=0, letters=True, multi_letters=False, na_style="na"):
    """Return list of items. Each item: kind ('sec'|'q'|'head'), num, q, opts [(label, bool)],
    single (bool: options are exclusive), text (answer text or None), fields [ids], blank (bool)."""
    L = p["lang"]
    O = LG.OPT[L]
    Y = LG.YES[L][yesno_case]
    N = LG.NO[L][yesno_case]
    Qt = LG.Q[L]
    ov = r.get("ov", {})
    qv = p.get("opts", {}).get("qvariant")

    def qtext(qid):
        v = qv if qv is not None else rng.randint(0, 1)
        return Qt[qid][v]

    def na():
        return rng.choice(LG.NA[L])

    items = []

    def sec(k):
        items.append(Item(kind="sec", text=qtext(k)))

    def q(num, qid, opts=None, text=None, fields=(), single=True, blank=False, sub=None):
        it = Item(kind="q", num=num, qid=qid, q=qtext(qid), opts=opts, text=text, fields=list(fields), single=single,
                  blank=blank, sub=sub)
        items.append(it)
        return it

    def yn(v):
        if v is None:
            return [(Y, False), (N, False)]
        return [(Y, v == "yes"), (N, v == "no")]

    def head(num, qid):
        items.append(Item(kind="head", num=num, q=qtext(qid), qid=qid))

    def multi(cat, chosen, order=None):
        order = order or LG.ORDER[cat]
        return [(O[cat][k], k in chosen) for k in order]

    def skipped(nums):
        for num, qid in nums:
            if na_style == "omit":
                continue
            if na_style == "blank":
                q(num, qid, text=None, blank=True)
            else:
                q(num, qid, text=na())

    def ovtext(fid, default):
        return ov[fid]["text"] if fid in ov else default

    sub = (lambda s: s + ")") if letters else (lambda s: "")
    # ---- A
    sec("secA")
    q("1", "Q1", yn(r["ncm_exists"]), fields=["ncm_exists"])
    A_rest = [("2", "Q2"), ("3", "Q3"), ("4", "Q4"), ("5", "Q5"), ("6", "Q6"), ("7", "Q7"), ("8", "Q8")]
    if r["ncm_exists"] == "yes":
        head("2", "Q2")
        q("2" + ("a" if letters else ""), "Q2a", text=r.get("coord") or (None if rng.random() < 0.5 else na()),
          fields=["ncm_coordinator", "ncm_type"], sub=sub("a"))
        q("2" + ("b" if letters else ""), "Q2b", text=r.get("body") or (None if rng.random() < 0.5 else na()),
          fields=["ncm_body_name", "ncm_type"], sub=sub("b"))
        q("2" + ("c" if letters else ""), "Q2c", text=None, blank=True, sub=sub("c"))
        head("3", "Q3")
        if r["ncm_type"] == "coordinator":
            q("3", "Q3a", text=na(), sub=sub("a"))
        else:
            mt = "; ".join(n for n, _ in r["mins"]) if rng.random() < 0.5 else ", ".join(n for n, _ in r["mins"])
            if r.get("lead") and p.get("lead_in") != "q4":
                mt += ". " + lead_phrase(L, r["lead"][0])
            q("3a" if letters else "3", "Q3a", yn(r["inter"]), text=mt or None,
              fields=["ncm_interministerial", "ncm_ministries", "ncm_lead_ministry"], sub=sub("a"))
            q("3b" if letters else "3", "Q3b", yn(r["experts"]), text=r.get("experts_txt"), fields=["ncm_experts"], sub=sub("b"))
            q("3c" if letters else "3", "Q3c", text=None, blank=True, sub=sub("c"))
            cst = []
            if "ncm_civil_society_share" in ov:
                cst.append(ov["ncm_civil_society_share"]["text"])
            elif r.get("cs_share"):
                cst.append(share_phrase(L, r["cs_share"]))
            q("3d" if letters else "3", "Q3d", yn(r["cs"]), text="; ".join(cst) or None,
              fields=["ncm_civil_society", "ncm_civil_society_share"], sub=sub("d"))
            if r["cs"] == "yes":
                items[-1]["opts2"] = multi("role", r["cs_roles"])
                items[-1]["fields"].append("ncm_civil_society_role")
        t4 = r["legal_txt"]
        yp = year_phrase(L, r, rng)
        if r.get("year_blank"):
            yp = ""
        t4 = t4 + ("; " + yp if yp else "")
        if r.get("lead") and p.get("lead_in") == "q4":
            t4 += ". " + lead_phrase(L, r["lead"][0])
        q("4", "Q4", text=t4, fields=["ncm_legal_basis", "ncm_established_year", "ncm_established_year_other"])
        q("5", "Q5", yn(r["budget"]), text=r.get("budget_covers"), fields=["ncm_budget", "ncm_budget_covers"])
        q("6", "Q6", multi("function", r["function"]), single=False, fields=["ncm_function"])
        q("7", "Q7", text=r["ach"], fields=["ncm_achievements"])
        q("8", "Q8", text=ovtext("ncm_challenges", r["ch"]), fields=["ncm_challenges", "ncm_challenge_topics"])
    else:
        skipped(A_rest)
    # ---- B
    sec("secB")
    head("9", "Q9")
    t9a = None
    if r["nap"] == "yes":
        t9a = r["nap_name"] + ({"de": f", verabschiedet {r['nap_year']}", "ru": f", утвержден в {r['nap_year']} г.",
                                "fr": f", adopté en {r['nap_year']}", "en": f", adopted in {r['nap_year']}"}[L])
        if "nap_year" in ov:
            t9a = r["nap_name"] + ", " + ov["nap_year"]["text"]
    q("9a" if letters else "9", "Q9a", yn(r["nap"]), text=t9a, fields=["nap_exists", "nap_year"], sub=sub("a"))
    t9b = r.get("equiv_txt")
    if t9b and r["nap"] != "yes" and r.get("nap_year"):
        t9b += {"de": f" (seit {r['nap_year']})", "ru": f" (с {r['nap_year']} г.)", "fr": f" (depuis {r['nap_year']})",
                "en": f" (since {r['nap_year']})"}[L]
    if r.get("equiv") is None:
        q("9b" if letters else "9", "Q9b", yn(None), text=None, blank=True, sub=sub("b"))
    else:
        q("9b" if letters else "9", "Q9b", yn(r["equiv"]), text=t9b, fields=["nap_equivalent"], sub=sub("b"))
    B_rest = [("10", "Q10"), ("11", "Q11"), ("12", "Q12"), ("13", "Q13"), ("14", "Q14"), ("15", "Q15")]
    if r["has_policy"]:
        it = q("10", "Q10", multi("coverage", r["coverage"]), single=False, fields=["nap_coverage"])
        it["letters_mode"] = multi_letters
        q("11", "Q11", yn(r["thb_defined"]), text=r.get("thb_def"), fields=["thb_defined", "thb_definition"])
        q("12", "Q12", yn(r["comp"]), fields=["comprehensive_approach_defined"])
        q("13", "Q13", text=ovtext("nap_review", r["review"]), fields=["nap_review"])
        q("14", "Q14", text=ovtext("nap_achievements", r["nap_ach"]), fields=["nap_achievements"])
        q("15", "Q15", text=ovtext("nap_challenges", r["nap_ch"]), fields=["nap_challenges", "nap_challenge_topics"])
    else:
        skipped(B_rest)
    # ---- C
    sec("secC")
    q("16", "Q16", yn(r["nrm"]), fields=["nrm_exists"])
    C_rest = [("17", "Q17"), ("18", "Q18"), ("19", "Q19"), ("20", "Q20"), ("21", "Q21a"), ("21", "Q21b"), ("21", "Q21c"),
              ("21", "Q21k"), ("22", "Q22"), ("23", "Q23")]
    if "nrm_type" in r:
        q("17", "Q17", multi("nrm_type", [r["nrm_type"]]), fields=["nrm_type"])
        q("18", "Q18", multi("nrm_authority", [r["nrm_auth"]]), fields=["nrm_authority"])
        ty = ovtext("nrm_established_year", r.get("nrm_year") or "")
        for yo in r.get("nrm_year_other", []):
            ty += {"de": f" (erweitert {yo})", "ru": f" (расширен в {yo} г.)", "fr": f" (élargi en {yo})", "en": f" (extended {yo})"}[L]
        q("19", "Q19", text=ty, fields=["nrm_established_year", "nrm_established_year_other"])
        q("20", "Q20", yn(r["nrm_budget"]), text=ovtext("nrm_budget_covers", r.get("nrm_budget_covers")),
          fields=["nrm_budget", "nrm_budget_covers"])
        head("21", "Q21s")
        q("21a" if letters else "21", "Q21a", text=O["freq"][r["freq"]], fields=["report_frequency"], sub=sub("a"))
        q("21b" if letters else "21", "Q21b", text=r["recipient"], fields=["report_recipient"], sub=sub("b"))
        q("21c" if letters else "21", "Q21c", yn(r["public"]), fields=["reports_public"], sub=sub("c"))
        it = q("21", "Q21k", multi("content", r["content"]), single=False, fields=["report_content"])
        it["letters_mode"] = multi_letters
        q("21h" if letters else "21", "Q21h", text=O["model"][r["model"]], fields=["report_model"], sub=sub("h"))
        q("22", "Q22", text=ovtext("nrm_success", r["nrm_succ"]), fields=["nrm_success"])
        q("23", "Q23", text=ovtext("nrm_challenges", r["nrm_ch"]), fields=["nrm_challenges"])
    else:
        skipped(C_rest)
    lt = LG.LETSET.get(L) if p.get("opts", {}).get("cyr_letters", L in LG.LETSET) else None
    if lt:
        mp = dict(zip("abcdefgh", lt))
        for it in items:
            it["letset"] = lt
            n = it.get("num") or ""
            if n[-1:] in mp:
                it["num"] = n[:-1] + mp[n[-1]]
            sb = it.get("sub")
            if sb and sb[0] in mp:
                it["sub"] = mp[sb[0]] + sb[1:]
    if p.get("swiss"):
        for it in items:
            for k in ("q", "text"):
                if it.get(k):
                    it[k] = it[k].replace("ß", "ss")
            for k in ("opts", "opts2"):
                if it.get(k):
                    it[k] = [(lab.replace("ß", "ss"), v) for lab, v in it[k]]
    return items


LETTERS = "abcdefgh"


def written_answer(it, lang):
    """Render an item answer in 'written' mode (no checkboxes)."""
    if it.get("blank"):
        return ""
    parts = []
    opts = it.get("opts")
    if opts:
        chosen = [(i, lab) for i, (lab, on) in enumerate(opts) if on]
        if chosen:
            if it.get("letters_mode"):
                parts.append(", ".join(it.get("letset", LETTERS)[i] + ")" for i, _ in chosen))
            elif it["single"] or len(chosen) == 1:
                parts.append(chosen[0][1])
            else:
                parts.append("; ".join(lab for _, lab in chosen))
    if it.get("text"):
        parts.append(it["text"])
    ans = ". ".join(parts) if len(parts) > 1 and it.get("opts") and it["single"] else " – ".join(parts) if len(parts) > 1 else (parts[0] if parts else "")
    if it.get("opts2"):
        roles = [lab for lab, on in it["opts2"] if on]
        if roles:
            ans += {"de": "; Funktion: ", "ru": "; статус: ", "fr": "; rôle : ", "en": "; role: "}[lang] + ", ".join(roles)
    return ans


def tick_line(opts, marks):
    on, off = marks[0], marks[1]
    if len(marks) > 2 and marks[2] == "after":
        return "   ".join(lab + " " + (on if v else off) for lab, v in opts)
    return "   ".join((on if v else off) + " " + lab for lab, v in opts)
