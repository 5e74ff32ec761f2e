# -*- coding: utf-8 -*-
"""Answer invention + sentence building. Every keyed value is recorded as it is written."""
from lang_en_de import EN, DE
from lang_ru_fr import RU, FR
from lang_es_it import ES, IT

LANG = dict(en=EN, de=DE, ru=RU, fr=FR, es=ES, it=IT)
VAGUE_NAP = dict(
    en="A National Action Plan has been in force for some years now.",
    de="Ein Nationaler Aktionsplan ist seit einigen Jahren in Kraft.",
    ru="Национальный план действий принят несколько лет назад и в настоящее время реализуется.",
    fr="Un plan d'action national est en vigueur depuis quelques années.",
    es="Desde hace algunos años está en vigor un Plan Nacional de Acción.",
    it="Da alcuni anni è in vigore un Piano d'Azione Nazionale, adottato a metà del decennio.",
)
MIN_IDS = ["interior", "justice", "foreign_affairs", "labour", "social", "health", "education", "family",
           "finance", "migration", "defence", "culture"]


def typo(rng, s):
    words = s.split(" ")
    cands = [i for i, w in enumerate(words) if len(w) > 6 and w.isalpha()]
    if not cands:
        return s
    i = rng.choice(cands)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def join_list(T, items):
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " " + T["and_"] + " " + items[-1]


class Ret:
    def __init__(self):
        self.K = {}
        self.R = []
        self.units = []  # (section, qnums, [sentences], tag)

    def u(self, sec, q, sents, tag=""):
        self.units.append((sec, q, [s for s in sents if s], tag))


def build(L, rng, o):
    """o: dict of options: ncm (no|coordinator|working_group|both), nap (yes|prep|none|equiv),
    nrm (yes|no), vague (set), xref (bool), contra (bool), typo (bool), drop (float), min2 (bool)."""
    T = LANG[L]
    r = Ret()
    K, R = r.K, r.R
    P = rng.choice
    vague = o.get("vague", set())
    drop = o.get("drop", 0.1)

    def keep():
        return rng.random() >= drop

    # ---------- A ----------
    ncm = o.get("ncm", "working_group")
    if ncm == "no":
        K["ncm_exists"] = "no"
        r.u("A", [1], [P(T["ncm_no"])], "A1")
    else:
        K["ncm_exists"] = "yes"
        coord = P(T["coord_pool"])
        body = P(T["body_pool"])
        if ncm == "coordinator":
            s = P(T["coord"]).format(coord=coord)
            K.update(ncm_type="coordinator", ncm_coordinator=coord)
        elif ncm == "working_group":
            s = P(T["wg"]).format(body=body)
            K.update(ncm_type="working_group", ncm_body_name=body)
        else:
            s = P(T["both"]).format(coord=coord, body=body)
            K.update(ncm_type="both", ncm_coordinator=coord, ncm_body_name=body)
        r.u("A", [1, 2], [s], "A1")
        if ncm != "coordinator":
            ids = sorted(rng.sample(MIN_IDS[:10], rng.randint(2, 6)), key=MIN_IDS.index)
            names, idset = [], set()
            if o.get("min2"):
                nm, mids = T["MIN2"][0]
                names.append(nm)
                idset.update(mids)
                ids = [i for i in ids if i not in mids]
            for i in ids:
                names.append(P(T["MIN"][i]))
                idset.add(i)
            rng.shuffle(names)
            sents = [P(T["mins"]).format(mins=", ".join(names))]
            K["ncm_interministerial"] = "yes"
            K["ncm_ministries"] = ";".join(sorted(idset))
            if ids and rng.random() < 0.75:
                lead = rng.choice(ids)
                sents.append(P(T["lead"]).format(lead=T["MIN"][lead][0]))
                K["ncm_lead_ministry"] = lead
            if rng.random() < 0.7:
                sents.append(P(T["experts_yes"]))
                K["ncm_experts"] = "yes"
            elif keep():
                sents.append(P(T["experts_no"]))
                K["ncm_experts"] = "no"
            cs = rng.random()
            if "ncm_civil_society_share" in vague:
                role = P(["observer", "decision_making", "other"])
                sents.append(P(T["cs_vague"]).format(role=T["role"][role]))
                K.update(ncm_civil_society="yes", ncm_civil_society_role=role)
                R.append("ncm_civil_society_share")
            elif cs < 0.6:
                role = P(["observer", "decision_making", "other"])
                share = P([10, 15, 20, 25, 30, 40, 12.5])
                sh = str(share)
                if L in ("de", "fr", "ru", "es", "it") and "." in sh:
                    sh = sh.replace(".", ",")
                sents.append(P(T["cs"]).format(share=sh, role=T["role"][role]))
                K.update(ncm_civil_society="yes", ncm_civil_society_share=str(share), ncm_civil_society_role=role)
            else:
                sents.append(P(T["cs_no"]))
                K["ncm_civil_society"] = "no"
            r.u("A", [3], sents, "A2")
        if keep() or "ncm_established_year" in vague:
            lb = P(["legislation", "decree", "decree", "policy", "other"])
            r.u("A", [4], [P(T["legal"][lb])], "A3a")
            K["ncm_legal_basis"] = lb
            y = rng.randint(1999, 2006)
            if "ncm_established_year" in vague:
                r.u("A", [4], [P(T["year_vague"])], "A3b")
                R.append("ncm_established_year")
            elif rng.random() < 0.3 and y < 2006:
                y2 = rng.randint(y + 1, 2006)
                r.u("A", [4], [P(T["year2"]).format(year=y, year2=y2)], "A3b")
                K.update(ncm_established_year=str(y), ncm_established_year_other=str(y2))
            else:
                r.u("A", [4], [P(T["year"]).format(year=y)], "A3b")
                K["ncm_established_year"] = str(y)
        if keep():
            if rng.random() < 0.4:
                cov = P(T["covers_pool"])
                r.u("A", [5], [P(T["budget_yes"]).format(covers=cov)], "A4")
                K.update(ncm_budget="yes", ncm_budget_covers=cov)
            else:
                r.u("A", [5], [P(T["budget_no"])], "A4")
                K["ncm_budget"] = "no"
        if keep():
            f = sorted(rng.sample(["advisory", "policy_making", "implementation", "other"], rng.choice([1, 1, 2, 2, 3])),
                       key=["advisory", "policy_making", "implementation", "other"].index)
            r.u("A", [6], [P(T["func"]).format(funcs=join_list(T, [T["funcs"][x] for x in f]))], "A5")
            K["ncm_function"] = ";".join(sorted(f))
        if keep():
            txt = " ".join(rng.sample(T["ach_pool"], rng.randint(1, 3)))
            if o.get("typo"):
                txt = typo(rng, txt)
            r.u("A", [7], [P(T["ach"]).format(text=txt)], "A6")
            K["ncm_achievements"] = txt
        if keep():
            ch = rng.sample(T["chal_pool"], rng.randint(1, 3))
            txt = " ".join(c[1] for c in ch)
            r.u("A", [8], [P(T["chal"]).format(text=txt)], "A7")
            K["ncm_challenges"] = txt
            K["ncm_challenge_topics"] = ";".join(sorted(set(c[0] for c in ch)))

    # ---------- B ----------
    nap = o.get("nap", "yes")
    if nap == "none":
        K.update(nap_exists="no", nap_equivalent="no")
        r.u("B", [9], [P(T["nap_no"]), P(T["equiv_no"]), P(T["skipB"]) if rng.random() < 0.5 else ""], "B1")
    else:
        if nap == "yes" and "nap_year" in vague:
            s = [VAGUE_NAP[L]]
            K["nap_exists"] = "yes"
            R.append("nap_year")
        elif nap == "yes":
            y = rng.randint(2002, 2007)
            s = [P(T["nap_yes"]).format(year=y)]
            K.update(nap_exists="yes", nap_year=str(y))
        if nap == "yes":
            if rng.random() < 0.3:
                s.append(P(T["equiv_yes"]))
                K["nap_equivalent"] = "yes"
        else:  # prep / equiv: plan not adopted yet, equivalent programme in place
            s = [P(T["nap_prep"]), P(T["equiv_yes"])]
            K.update(nap_exists="no", nap_equivalent="yes")
        r.u("B", [9], s, "B1")
        if keep():
            c = sorted(rng.sample(list(T["covs"]), rng.randint(3, 7)), key=list(T["covs"]).index)
            r.u("B", [10], [P(T["cov"]).format(items=join_list(T, [T["covs"][x] for x in c]))], "B2")
            K["nap_coverage"] = ";".join(sorted(c))
        if rng.random() < 0.75:
            d = P(T["def_pool"])
            r.u("B", [11], [P(T["def_yes"]).format(defn=d)], "B3")
            K.update(thb_defined="yes", thb_definition=d)
        elif keep():
            r.u("B", [11], [P(T["def_no"])], "B3")
            K["thb_defined"] = "no"
        if keep():
            if rng.random() < 0.7:
                r.u("B", [12], [P(T["comp_yes"])], "B4")
                K["comprehensive_approach_defined"] = "yes"
            else:
                r.u("B", [12], [P(T["comp_no"])], "B4")
                K["comprehensive_approach_defined"] = "no"
        if keep():
            t = P(T["review_pool"])
            r.u("B", [13], [P(T["review"]).format(text=t)], "B5")
            K["nap_review"] = t
        if o.get("xref") and K.get("ncm_achievements"):
            r.u("B", [14], [P(T["xref"])], "B6")
            R.append("nap_achievements")
        elif keep():
            t = " ".join(rng.sample(T["nap_ach_pool"], rng.randint(1, 2)))
            r.u("B", [14], [P(T["nap_ach"]).format(text=t)], "B6")
            K["nap_achievements"] = t
        if keep():
            ch = rng.sample(T["nap_chal_pool"], rng.randint(1, 2))
            t = " ".join(c[1] for c in ch)
            r.u("B", [15], [P(T["nap_chal"]).format(text=t)], "B7")
            K["nap_challenges"] = t
            K["nap_challenge_topics"] = ";".join(sorted(set(c[0] for c in ch)))

    # ---------- C ----------
    nrm = o.get("nrm", "no")
    contra = o.get("contra")
    if nrm == "no" and not contra:
        K["nrm_exists"] = "no"
        r.u("C", [16], [P(T["nrm_no"]), P(T["skipC"]) if rng.random() < 0.5 else ""], "C1")
    else:
        typ = P(["independent_rapporteur", "coordinator_function", "ministry_function", "research_institute", "other"])
        lead_id = P(["interior", "justice", "social"])
        s0 = T["nrm_yes"][typ].format(lead=T["MIN"][lead_id][0])
        au = P(["legislation", "policy", "other"])
        y = rng.randint(2000, 2007)
        if contra:
            K["nrm_exists"] = "no"
            r.u("C", [16], [P(T["nrm_no"])], "C1")
            r.u("C", [17, 18, 19], [s0, T["auth"][au], P(T["nrm_year"]).format(year=y)], "C1b")
        else:
            K["nrm_exists"] = "yes"
            r.u("C", [16, 17, 18, 19], [s0, T["auth"][au], P(T["nrm_year"]).format(year=y)], "C1")
        K.update(nrm_type=typ, nrm_authority=au, nrm_established_year=str(y))
        if rng.random() < 0.4:
            cv = P(T["nrm_covers_pool"])
            r.u("C", [20], [P(T["nrm_budget_yes"]).format(covers=cv)], "C2")
            K.update(nrm_budget="yes", nrm_budget_covers=cv)
        else:
            r.u("C", [20], [P(T["nrm_budget_no"])], "C2")
            K["nrm_budget"] = "no"
        fq = P(list(T["freq"]))
        rc = P(T["recip_pool"])
        pub = rng.random() < 0.6
        r.u("C", [21], [T["freq"][fq] + P(T["recip"]).format(recip=rc), P(T["public_yes"] if pub else T["public_no"])], "C3")
        K.update(report_frequency=fq, report_recipient=rc, reports_public="yes" if pub else "no")
        c = sorted(rng.sample(list(T["contents"]), rng.randint(2, 6)), key=list(T["contents"]).index)
        md = P(["prescribed", "varies"])
        r.u("C", [21], [P(T["content"]).format(items=join_list(T, [T["contents"][x] for x in c])), T["model"][md]], "C4")
        K.update(report_content=";".join(sorted(c)), report_model=md)
        if keep():
            t = P(T["succ_pool"])
            r.u("C", [22], [P(T["succ"]).format(text=t)], "C5")
            K["nrm_success"] = t
        if keep():
            t = P(T["nchal_pool"])
            r.u("C", [23], [P(T["nchal"]).format(text=t)], "C6")
            K["nrm_challenges"] = t
        if contra:
            R.extend(["nrm_exists", "nrm_type", "nrm_authority", "nrm_established_year", "nrm_budget", "report_frequency",
                      "report_recipient", "reports_public", "report_content", "report_model"])
            R.extend([f for f in ("nrm_budget_covers", "nrm_success", "nrm_challenges") if f in K])
    return r


def narrative(r, rng, numbered_some=False, qref="Question {n}", shuffle_sections=True):
    """Turn units into paragraphs: sections reordered, units partly shuffled, several answers per paragraph,
    Q4 split over two paragraphs."""
    secs = {"A": [], "B": [], "C": []}
    for u in r.units:
        secs[u[0]].append(u)
    order = ["A", "B", "C"]
    if shuffle_sections:
        order = rng.choice([["A", "B", "C"], ["B", "A", "C"], ["A", "C", "B"], ["C", "A", "B"]])
    flat = []
    for s in order:
        us = secs[s][:]
        if len(us) > 3:
            head, rest = us[:1], us[1:]
            # mild shuffle: swap a few neighbours, and move the year (A3b) later
            for _ in range(2):
                i = rng.randrange(len(rest) - 1)
                rest[i], rest[i + 1] = rest[i + 1], rest[i]
            us = head + rest
        flat.extend(us)
    paras = []
    i = 0
    while i < len(flat):
        n = rng.choice([1, 2, 2, 3])
        group = flat[i:i + n]
        i += n
        text = " ".join(s for u in group for s in u[2])
        if numbered_some and rng.random() < 0.4:
            qs = sorted(set(q for u in group for q in u[1]))
            lab = qref.format(n=qs[0] if len(qs) == 1 else "%d-%d" % (qs[0], qs[-1]))
            text = "(" + lab + ") " + text
        paras.append(text)
    return paras


def numbered(r, L, rng):
    """Answers given under their question numbers 1..23, N/A where skipped."""
    T = LANG[L]
    byq, cov = {}, set()
    for u in r.units:
        q = u[1][0]
        byq.setdefault(q, []).extend(u[2])
        cov.update(u[1])
    out = []
    skipped_na = rng.choice(T["na"])
    for q in range(1, 24):
        if q in byq:
            out.append((q, " ".join(byq[q])))
        elif q not in cov:
            out.append((q, skipped_na))
    return out
