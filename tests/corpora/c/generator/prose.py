# -*- coding: utf-8 -*-
"""Narrative answers (letters, notes verbales, e-mail bodies) written from a truth record.
No question numbers; every field the record holds is stated in words. Where the prose has to
change a text value (first letter lower-cased inside a sentence), the record is updated so the
key holds the text exactly as written."""
from lexq import Q, Q6_IDS, Q10_IDS, Q21_IDS
import lexa as LA
from model import article, year_text, nap_text, pct_text, mins_text


def _lc(s):
    return s[0].lower() + s[1:] if s and not s[:2].isupper() else s


def _join(items, lang):
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    w = {"es": " y ", "it": " e ", "en": " and "}[lang]
    return ", ".join(items[:-1]) + w + items[-1]


FN = {"es": ["de asesoramiento", "de formulación de políticas", "de ejecución", "de otra índole"],
      "it": ["consultiva", "di definizione delle politiche", "di attuazione", "di altro tipo"],
      "en": ["advisory", "policy-making", "implementation", "other"]}
ROLE = {"es": ["con capacidad de decisión", "en calidad de observadores", "con otro estatuto"],
        "it": ["con potere decisionale", "in qualità di osservatori", "con altro ruolo"],
        "en": ["in a decision-making capacity", "as observers", "in another capacity"]}
NRMTYPE = {
    "es": {"independent_rapporteur": "Se trata de un Relator Nacional independiente",
           "coordinator_function": "Esta función forma parte de las atribuciones del Coordinador Nacional",
           "ministry_function": "Esta función está asignada a un ministerio del Gobierno",
           "research_institute": "La función la desempeña un instituto de investigación independiente",
           "other": "Se ha optado por otra fórmula"},
    "it": {"independent_rapporteur": "Si tratta di un Relatore nazionale indipendente",
           "coordinator_function": "Tale funzione rientra tra le attribuzioni del Coordinatore nazionale",
           "ministry_function": "La funzione è attribuita a un ministero del Governo",
           "research_institute": "La funzione è svolta da un istituto di ricerca indipendente",
           "other": "È stata adottata una diversa soluzione"},
    "en": {"independent_rapporteur": "It is an independent National Rapporteur",
           "coordinator_function": "The function forms part of the National Co-ordinator's mandate",
           "ministry_function": "The function has been assigned to a government ministry",
           "research_institute": "The function is carried out by an independent research institute",
           "other": "A different arrangement has been chosen"},
}
AUTH = {"es": {"legislation": "fue establecida por ley", "policy": "fue establecida por decisión política del Gobierno", "other": "fue establecida por otra vía"},
        "it": {"legislation": "è stata istituita per legge", "policy": "è stata istituita con una decisione politica del Governo", "other": "è stata istituita con altro atto"},
        "en": {"legislation": "was established by legislation", "policy": "was established by a policy decision", "other": "was established by other means"}}
LB = {"es": {"legislation": "por ley", "decree": "por decreto", "policy": "por decisión política, sin rango normativo", "other": "por otra vía"},
      "it": {"legislation": "per legge", "decree": "con decreto", "policy": "con decisione politica, priva di valore normativo", "other": "con altro strumento"},
      "en": {"legislation": "by law", "decree": "by decree", "policy": "by a policy decision without legal force", "other": "by other means"}}


def answer_paras(r, rng):
    lang, f, t = r.lang, r.f, r.t
    C = LA.ART.get(lang, {}).get(r.country, "") + LA.CNAME[lang].get(r.country, r.country)
    Cc = C[0].upper() + C[1:]
    L = Q[lang]
    out = []

    # ---------------- A
    s = []
    if f.get("ncm_exists") == "no":
        s.append({"es": f"En la actualidad, {C} no dispone de un mecanismo nacional reconocido para coordinar las políticas y programas contra la trata de seres humanos; las competencias se ejercen de forma sectorial por cada departamento.",
                  "it": f"Attualmente {C} non dispone di un meccanismo nazionale riconosciuto di coordinamento delle politiche e dei programmi contro la tratta di esseri umani; le competenze sono esercitate dalle singole amministrazioni.",
                  "en": f"At present {C} has no recognised national mechanism to co-ordinate anti-trafficking policies and programmes; each department acts within its own remit."}[lang])
        if r.country == "Holy See":
            s[-1] = ("In ragione della sua natura e della sua missione peculiare, la Santa Sede non dispone di un meccanismo nazionale "
                     "riconosciuto di coordinamento delle politiche e dei programmi contro la tratta di esseri umani.")
        out.append(" ".join(s))
    elif f.get("ncm_exists") == "yes":
        s.append({"es": f"{Cc} cuenta con un mecanismo reconocido de coordinación de las respuestas políticas y programáticas frente a la trata de seres humanos.",
                  "it": f"{Cc} dispone di un meccanismo riconosciuto di coordinamento delle risposte politiche e programmatiche alla tratta di esseri umani.",
                  "en": f"{Cc} has a recognised mechanism for co-ordinating policy and programme responses to trafficking in human beings."}[lang])
        typ = f.get("ncm_type")
        if "ncm_coordinator" in f:
            s.append({"es": f"Se ha designado un Coordinador Nacional ({f['ncm_coordinator']}).",
                      "it": f"È stato nominato un Coordinatore nazionale ({f['ncm_coordinator']}).",
                      "en": f"A National Co-ordinator has been appointed ({f['ncm_coordinator']})."}[lang])
        if "ncm_body_name" in f:
            s.append({"es": f"{'Asimismo, se' if typ == 'both' else 'Se'} ha constituido un órgano colegiado denominado «{f['ncm_body_name']}».",
                      "it": f"{'È stato inoltre' if typ == 'both' else 'È stato'} istituito un organo collegiale denominato «{f['ncm_body_name']}».",
                      "en": f"{'In addition, a' if typ == 'both' else 'A'} collegiate body has been set up, the \u201c{f['ncm_body_name']}\u201d."}[lang])
        if typ == "other":
            s.append({"es": f"La coordinación no se articula mediante un coordinador nacional ni una comisión, sino mediante otra fórmula: {t['other_mech']}.",
                      "it": f"Il coordinamento non è affidato né a un coordinatore nazionale né a una commissione, ma a una diversa struttura: {t['other_mech']}.",
                      "en": f"Co-ordination is ensured neither by a national co-ordinator nor by a commission but by another arrangement: {t['other_mech']}."}[lang])
        out.append(" ".join(s))
        s = []
        if f.get("ncm_interministerial") == "yes":
            if "mins" in t:
                s.append({"es": f"Se trata de un órgano interministerial en el que están representados: {mins_text(r)}.",
                          "it": f"Si tratta di un organo interministeriale in cui sono rappresentati: {mins_text(r)}.",
                          "en": f"It is an inter-ministerial body in which the following are represented: {mins_text(r)}."}[lang])
            else:
                s.append({"es": "Se trata de un órgano de carácter interministerial.", "it": "Si tratta di un organo interministeriale.",
                          "en": "The body is inter-ministerial."}[lang])
            if "lead" in t:
                s.append({"es": f"La presidencia corresponde {article('es', t['lead'])}.",
                          "it": f"La presidenza è affidata {article('it', t['lead'])}.",
                          "en": f"It is chaired by {article('en', t['lead'])}."}[lang])
        elif f.get("ncm_interministerial") == "no":
            s.append({"es": "El órgano no tiene carácter interministerial.", "it": "L'organo non ha carattere interministeriale.",
                      "en": "The body is not inter-ministerial."}[lang])
        if f.get("ncm_experts") == "yes":
            s.append({"es": f"Participan también expertos y personal operativo: {t['experts']}.",
                      "it": f"Vi partecipano anche esperti e personale operativo: {t['experts']}.",
                      "en": f"Experts and operational staff also take part: {t['experts']}."}[lang])
        elif f.get("ncm_experts") == "no":
            s.append({"es": "No participan expertos de nivel operativo.", "it": "Non vi partecipano esperti di livello operativo.",
                      "en": "No operational-level experts take part."}[lang])
        if "q3c" in t:
            s.append({"es": f"Están representados además: {t['q3c']}.", "it": f"Sono inoltre rappresentati: {t['q3c']}.",
                      "en": f"Also represented: {t['q3c']}."}[lang])
        if f.get("ncm_civil_society") == "yes":
            pt = pct_text(r)
            base = {"es": "La sociedad civil forma parte del grupo", "it": "La società civile fa parte del gruppo", "en": "Civil society is represented in the group"}[lang]
            if pt and "ncm_civil_society_share" in r.vague:
                base += {"es": f" (según nuestras estimaciones, {_lc(pt)} de los miembros)", "it": f" (secondo le nostre stime, {_lc(pt)} dei membri)",
                         "en": f" ({_lc(pt)} of the members, by our estimate)"}[lang]
            elif pt:
                base += {"es": f", con el {pt} de los miembros", "it": f", con il {pt} dei membri", "en": f", with {pt} of the members"}[lang]
            if "roles" in t:
                base += " " + {"es": "y participa ", "it": "e vi partecipa ", "en": "and takes part "}[lang] + _join(
                    [ROLE[lang][i] for i, x in enumerate(t["roles"]) if x], lang)
            s.append(base + ".")
        elif f.get("ncm_civil_society") == "no":
            s.append({"es": "La sociedad civil no forma parte del grupo.", "it": "La società civile non è rappresentata nel gruppo.",
                      "en": "Civil society is not represented in the group."}[lang])
        yt = year_text(r, "ncm")
        instr = t.get("instr", "")
        if lang == "en" and instr.startswith(("A ", "An ")):
            instr = instr[0].lower() + instr[1:]
        if yt:
            if "ncm_established_year" in r.vague:
                yt2 = _lc(yt)
            elif yt[0].isdigit():
                yt2 = {"es": "en ", "it": "nel ", "en": "in "}[lang] + yt
            else:
                yt2 = {"es": "en ", "it": "nel ", "en": "in "}[lang] + (yt if lang == "en" else _lc(yt))
            s.append({"es": f"El mecanismo fue establecido {yt2}, {LB['es'][f['ncm_legal_basis']]}, mediante {instr}.",
                      "it": f"Il meccanismo è stato istituito {yt2}, {LB['it'][f['ncm_legal_basis']]}, tramite {instr}.",
                      "en": f"The mechanism was established {yt2}, {LB['en'][f['ncm_legal_basis']]}, through {instr}."}[lang])
        if f.get("ncm_budget") == "yes":
            if "ncm_budget_covers" in f:
                s.append({"es": f"Dispone de un presupuesto propio, que cubre {f['ncm_budget_covers']}.",
                          "it": f"Dispone di un proprio bilancio, che copre {f['ncm_budget_covers']}.",
                          "en": f"It has its own budget, which covers {f['ncm_budget_covers']}."}[lang])
            else:
                s.append({"es": "Dispone de un presupuesto propio.", "it": "Dispone di un proprio bilancio.", "en": "It has its own budget."}[lang])
        elif f.get("ncm_budget") == "no":
            s.append({"es": "No cuenta con un presupuesto específico; los gastos se sufragan con cargo a los presupuestos ordinarios de los departamentos.",
                      "it": "Non dispone di un bilancio specifico; le spese gravano sui bilanci ordinari delle amministrazioni.",
                      "en": "It has no dedicated budget; costs are met from the departments' ordinary budgets."}[lang])
        if "fn" in t:
            fl = _join([FN[lang][i] for i, x in enumerate(t["fn"]) if x], lang)
            s.append({"es": f"Su función principal es {fl}.", "it": f"La sua funzione principale è {fl}.", "en": f"Its main function is {fl}."}[lang])
        out.append(" ".join(s))
        s = []
        if "ncm_achievements" in f:
            s.append({"es": "Entre los logros más destacados cabe citar los siguientes: ", "it": "Tra i risultati più significativi si segnalano i seguenti: ",
                      "en": "Among the main achievements are the following: "}[lang] + f["ncm_achievements"])
        if "ncm_challenges" in f or "ncm_challenges" in r.xref:
            s.append({"es": "En cuanto a los principales retos: ", "it": "Quanto alle principali difficoltà: ", "en": "As for the main challenges: "}[lang]
                     + (f.get("ncm_challenges") or r.xref["ncm_challenges"]))
        if s:
            out.append(" ".join(s))

    # ---------------- B
    s = []
    if f.get("nap_exists") == "yes":
        s.append({"es": f"{Cc} dispone de un Plan Nacional de Acción: {nap_text(r)}.", "it": f"{Cc} dispone di un Piano d'azione nazionale: {nap_text(r)}.",
                  "en": f"{Cc} has a National Action Plan: {nap_text(r)}."}[lang])
    elif f.get("nap_exists") == "no":
        s.append({"es": f"{Cc} no dispone de un plan nacional de acción específico contra la trata.", "it": f"{Cc} non dispone di un piano d'azione nazionale specifico contro la tratta.",
                  "en": f"{Cc} has no specific national action plan against trafficking."}[lang])
    if f.get("nap_equivalent") == "yes":
        s.append({"es": f"Existe, no obstante, otra respuesta coordinada equivalente a nivel nacional: {t['equiv']}",
                  "it": f"Esiste tuttavia un'altra risposta coordinata equivalente a livello nazionale: {t['equiv']}",
                  "en": f"There is, however, an equivalent co-ordinated response at national level: {t['equiv']}"}[lang])
    elif f.get("nap_equivalent") == "no":
        s.append({"es": "No existe ninguna otra respuesta coordinada equivalente.", "it": "Non esistono altre risposte coordinate equivalenti.",
                  "en": "There is no other equivalent co-ordinated response."}[lang])
    if "cov" in t:
        labs = Q[lang]["q10o"][0]
        items = [labs[i].rstrip(":").lower() for i, x in enumerate(t["cov"]) if x and i < 7]
        if t["cov"][7]:
            items.append({"es": "otros aspectos (", "it": "altri aspetti (", "en": "other matters ("}[lang] + _lc(t.get("cov_other", "")) + ")")
        s.append({"es": f"La respuesta nacional abarca los siguientes ámbitos: {_join(items, 'es')}.",
                  "it": f"La risposta nazionale comprende i seguenti ambiti: {_join(items, 'it')}.",
                  "en": f"The national response covers the following areas: {_join(items, 'en')}."}[lang])
    if s:
        out.append(" ".join(s))
    s = []
    if f.get("thb_defined") == "yes":
        if "thb_definition" in f:
            s.append({"es": "La trata de seres humanos está definida en la legislación nacional en los siguientes términos: «" + f["thb_definition"] + "»",
                      "it": "La tratta di esseri umani è definita dalla legislazione nazionale nei seguenti termini: «" + f["thb_definition"] + "»",
                      "en": "Trafficking in human beings is defined in national legislation as follows: \u201c" + f["thb_definition"] + "\u201d"}[lang])
        else:
            s.append({"es": "La trata de seres humanos está definida en la legislación nacional.", "it": "La tratta di esseri umani è definita dalla legislazione nazionale.",
                      "en": "Trafficking in human beings is defined in national legislation."}[lang])
    elif f.get("thb_defined") == "no":
        s.append({"es": "La legislación no contiene todavía una definición específica de la trata.", "it": "La legislazione non contiene ancora una definizione specifica della tratta.",
                  "en": "National legislation does not yet contain a specific definition of trafficking."}[lang])
    if f.get("comprehensive_approach_defined") == "yes":
        s.append({"es": "Los elementos de un enfoque integral (prevención, enjuiciamiento, protección y asistencia) están definidos en la legislación y en el plan.",
                  "it": "Gli elementi di un approccio globale (prevenzione, perseguimento, protezione e assistenza) sono definiti nella legislazione e nel piano.",
                  "en": "The elements of a comprehensive approach (prevention, prosecution, protection and assistance) are set out in legislation and in the plan."}[lang])
    elif f.get("comprehensive_approach_defined") == "no":
        s.append({"es": "Los elementos de un enfoque integral no están definidos expresamente ni en la legislación ni en el plan.",
                  "it": "Gli elementi di un approccio globale non sono definiti espressamente né dalla legislazione né dal piano.",
                  "en": "The elements of a comprehensive approach are not expressly defined in legislation or in the plan."}[lang])
    if "nap_review" in f:
        s.append({"es": "En cuanto a la evaluación de su impacto: ", "it": "Quanto alla valutazione dell'impatto: ", "en": "As regards the assessment of its impact: "}[lang] + f["nap_review"])
    if s:
        out.append(" ".join(s))
    s = []
    for fld, lead in (("nap_achievements", {"es": "Entre los logros del plan destacan: ", "it": "Tra i risultati del piano si segnalano: ", "en": "The plan's achievements include: "}),
                      ("nap_challenges", {"es": "Las principales dificultades para su aplicación han sido: ", "it": "Le principali difficoltà di attuazione sono state: ",
                                          "en": "The main implementation challenges have been: "})):
        v = f.get(fld) or r.xref.get(fld)
        if v:
            s.append(lead[lang] + v)
    if s:
        out.append(" ".join(s))

    # ---------------- C
    s = []
    if f.get("nrm_exists") == "no":
        s.append({"es": f"{Cc} no dispone de un relator nacional ni de un mecanismo nacional equivalente de presentación de informes.",
                  "it": f"{Cc} non dispone di un relatore nazionale né di un meccanismo equivalente di rendicontazione.",
                  "en": f"{Cc} has no national rapporteur or equivalent national reporting mechanism."}[lang])
    elif f.get("nrm_exists") == "yes":
        s.append({"es": "Existe un mecanismo nacional de presentación de informes sobre la trata.", "it": "Esiste un meccanismo nazionale di rendicontazione sulla tratta.",
                  "en": "A national reporting mechanism on trafficking is in place."}[lang])
    if "nrm_type" in f:
        x = NRMTYPE[lang][f["nrm_type"]]
        if f["nrm_type"] == "other":
            x += ": " + t["nrm_other"]
        s.append(x + ".")
        yt = year_text(r, "nrm")
        if "nrm_authority" in f:
            a = {"es": "La función ", "it": "La funzione ", "en": "The function "}[lang] + AUTH[lang][f["nrm_authority"]]
            if yt and "nrm_established_year" in r.vague:
                a += {"es": " (fecha: ", "it": " (data: ", "en": " (date: "}[lang] + _lc(yt) + ")"
            elif yt:
                a += {"es": " en ", "it": " nel ", "en": " in "}[lang] + yt
            s.append(a + ".")
        if f.get("nrm_budget") == "yes":
            cov = f.get("nrm_budget_covers") or r.xref.get("nrm_budget_covers")
            if cov and "nrm_budget_covers" in r.xref:
                s.append({"es": "Dispone de presupuesto propio. ", "it": "Dispone di un bilancio proprio. ", "en": "It has its own budget. "}[lang] + cov)
            elif cov:
                s.append({"es": f"Dispone de presupuesto propio, que cubre {cov}.", "it": f"Dispone di un bilancio proprio, che copre {cov}.",
                          "en": f"It has its own budget, covering {cov}."}[lang])
            else:
                s.append({"es": "Dispone de presupuesto propio.", "it": "Dispone di un bilancio proprio.", "en": "It has its own budget."}[lang])
        elif f.get("nrm_budget") == "no":
            s.append({"es": "No dispone de presupuesto propio.", "it": "Non dispone di un bilancio proprio.", "en": "It has no budget of its own."}[lang])
        out.append(" ".join(s))
        s = []
        fr = _lc(t["freq"])
        rec_ = f.get("report_recipient")
        x = {"es": f"Los informes se elaboran {fr}", "it": f"Le relazioni sono redatte {fr}", "en": f"Reports are issued {fr}"}[lang]
        if rec_:
            rl = _lc(rec_) if lang != "en" else _lc(rec_)
            f["report_recipient"] = rl
            x += {"es": f" y se presentan {rl}", "it": f" e sono trasmesse {rl}", "en": f" and submitted {rl}"}[lang]
        s.append(x + ".")
        if f.get("reports_public") == "yes":
            s.append({"es": "Los informes se hacen públicos.", "it": "Le relazioni sono rese pubbliche.", "en": "The reports are made public."}[lang])
        elif f.get("reports_public") == "no":
            s.append({"es": "Los informes no se publican.", "it": "Le relazioni non sono pubblicate.", "en": "The reports are not published."}[lang])
        labs = Q[lang]["q21o"][0]
        items = [labs[i].rstrip(":").lower() if lang != "en" else labs[i].rstrip(":").lower().replace("thb", "THB")
                 for i, x_ in enumerate(t["cont"]) if x_ and i < 6]
        if t["cont"][6]:
            items.append({"es": "otras cuestiones (", "it": "altre questioni (", "en": "other issues ("}[lang] + _lc(t.get("cont_other", "")) + ")")
        s.append({"es": f"Abarcan {_join(items, 'es')}.", "it": f"Riguardano {_join(items, 'it')}.", "en": f"They cover {_join(items, 'en')}."}[lang])
        if f.get("report_model") == "prescribed":
            s.append({"es": "Cada informe sigue un modelo preestablecido.", "it": "Ogni relazione segue un modello prestabilito.", "en": "Each report follows a set model."}[lang])
        elif f.get("report_model") == "varies":
            s.append({"es": "Su contenido varía de un año a otro.", "it": "Il contenuto varia di anno in anno.", "en": "Their content varies from year to year."}[lang])
        if "nrm_success" in f:
            s.append({"es": "Como muestra del éxito de los informes cabe señalar: ", "it": "A dimostrazione dell'utilità delle relazioni si segnala: ",
                      "en": "Evidence of the reports' success: "}[lang] + f["nrm_success"])
        if "nrm_challenges" in f:
            s.append({"es": "Entre las limitaciones encontradas figuran: ", "it": "Tra i limiti riscontrati figurano: ", "en": "Limitations encountered include: "}[lang] + f["nrm_challenges"])
    if s:
        out.append(" ".join(s))
    return out
