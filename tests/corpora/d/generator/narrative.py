# -*- coding: utf-8 -*-
"""Prose (letters, notes verbales, e-mails) stating a record's answers without
question numbers.  Every keyed text value is inserted verbatim."""
import lang as LG
from answers import join_lang, cap, year_phrase


def _labels(L, cat, ids):
    return [LG.OPT[L][cat][i] for i in LG.ORDER[cat] if i in ids]


def paras(p, r, rng):
    L = p["lang"]
    return {"de": _de, "ru": _ru, "fr": _fr, "en": _en}[L](p, r, rng)


def _de(p, r, rng):
    out = []
    O = LG.OPT["de"]
    ov = r.get("ov", {})
    subj = p.get("subject_de", "Unser Land")
    if r["ncm_exists"] == "yes":
        s = []
        if r.get("coord") and r.get("body"):
            s.append(f"Für die Koordinierung der Maßnahmen gegen den Menschenhandel gibt es sowohl eine nationale Koordinatorin ({r['coord']}) als auch ein Gremium, die {r['body']}.")
        elif r.get("coord"):
            s.append(f"Die Koordinierung obliegt einem nationalen Koordinator: {r['coord']}.")
        else:
            s.append(f"Die Maßnahmen gegen den Menschenhandel werden in der {r['body']} koordiniert.")
        if r.get("mins"):
            s.append("Das Gremium ist ressortübergreifend zusammengesetzt; vertreten sind " + join_lang("de", [n for n, _ in r["mins"]]) + ".")
            if r.get("lead"):
                s.append(f"Den Vorsitz führt das {r['lead'][0]}.")
        if r.get("experts") == "yes":
            s.append(f"Auf operativer Ebene wirken {r['experts_txt']} mit.")
        elif r.get("experts") == "no":
            s.append("Operative Fachleute gehören dem Gremium nicht an.")
        if r.get("cs") == "yes":
            t = "Auch die Zivilgesellschaft ist vertreten"
            if "ncm_civil_society_share" in ov:
                t += f" ({ov['ncm_civil_society_share']['text']})"
            elif r.get("cs_share"):
                t += f" (ihr Anteil beträgt {r['cs_share']} %)"
            t += ", und zwar " + join_lang("de", _labels("de", "role", r["cs_roles"])) + "."
            s.append(t)
        elif r.get("cs") == "no":
            s.append("Nichtregierungsorganisationen sind nicht Mitglied.")
        yp = year_phrase("de", r, rng)
        s.append(f"Der Mechanismus wurde {r['legal_txt']} geschaffen" + (f" ({yp})." if yp else "."))
        if r["budget"] == "yes":
            s.append(f"Er verfügt über ein eigenes Budget; daraus werden {r['budget_covers']} finanziert.")
        else:
            s.append("Ein eigenes Budget besteht nicht.")
        s.append("Seine Aufgabe ist " + join_lang("de", _labels("de", "function", r["function"])) + ".")
        out.append(" ".join(s))
        out.append(f"Als wichtigste Ergebnisse sind zu nennen: {r['ach']}. Schwierigkeiten bereiten vor allem folgende Punkte: {ov.get('ncm_challenges', {}).get('text', r['ch'])}.")
    else:
        out.append(f"{subj} verfügt derzeit über keinen förmlichen Mechanismus zur Koordinierung der Maßnahmen gegen den Menschenhandel.")
    s = []
    if r["nap"] == "yes":
        yt = ov["nap_year"]["text"] if "nap_year" in ov else f"im Jahr {r['nap_year']}"
        s.append(f"Der {r['nap_name']} wurde {yt} beschlossen.")
    else:
        s.append("Einen Nationalen Aktionsplan gibt es nicht.")
    if r.get("equiv") == "yes":
        s.append(f"Es besteht jedoch eine gleichwertige koordinierte Strategie: {r['equiv_txt']}" +
                 (f" (seit {r['nap_year']})." if r["nap"] != "yes" and r.get("nap_year") else "."))
    elif r.get("equiv") == "no":
        s.append("Eine andere gleichwertige koordinierte Strategie besteht nicht.")
    if r["has_policy"]:
        s.append("Sie umfasst folgende Bereiche: " + ", ".join(_labels("de", "coverage", r["coverage"])) + ".")
        if r["thb_defined"] == "yes":
            s.append(f"Menschenhandel ist gesetzlich definiert: „{r['thb_def']}“.")
        else:
            s.append("Eine gesetzliche Definition des Menschenhandels gibt es nicht.")
        s.append("Die Elemente eines umfassenden Ansatzes (Prävention, Strafverfolgung, Opferschutz) sind " +
                 ("gesetzlich festgelegt." if r["comp"] == "yes" else "nicht ausdrücklich festgelegt."))
        out.append(" ".join(s))
        out.append(f"Zur Überprüfung der Wirkung: {ov.get('nap_review', {}).get('text', r['review'])}. "
                   f"Erreicht wurde insbesondere Folgendes: {ov.get('nap_achievements', {}).get('text', r['nap_ach'])}. "
                   f"Als Hindernisse bei der Umsetzung sind zu nennen: {ov.get('nap_challenges', {}).get('text', r['nap_ch'])}.")
    else:
        out.append(" ".join(s))
    if "nrm_type" in r:
        s = [f"Was die Berichterstattung betrifft, besteht ein nationaler Berichterstattungsmechanismus ({O['nrm_type'][r['nrm_type']]})."
             if r["nrm"] == "yes" else "Einen nationalen Berichterstatter gibt es nicht."]
        s.append(f"Grundlage ist {O['nrm_authority'][r['nrm_auth']]}; eingerichtet wurde er {ov.get('nrm_established_year', {}).get('text', r.get('nrm_year'))}.")
        if r["nrm_budget"] == "yes":
            s.append(f"Das Budget deckt {r['nrm_budget_covers']} ab.")
        else:
            s.append("Ein gesondertes Budget ist nicht vorgesehen.")
        s.append(f"Die Berichte erscheinen {O['freq'][r['freq']]} und gehen {r['recipient']}; sie werden " +
                 ("veröffentlicht." if r["public"] == "yes" else "nicht veröffentlicht."))
        s.append("Sie behandeln " + join_lang("de", _labels("de", "content", r["content"])) + "; der Bericht " + O["model"][r["model"]] + ".")
        s.append(f"Erfolge: {r['nrm_succ']}. Schwierigkeiten: {r['nrm_ch']}.")
        out.append(" ".join(s))
    else:
        out.append("Einen nationalen Berichterstatter oder einen gleichwertigen Berichterstattungsmechanismus gibt es nicht.")
    return out


def _fr(p, r, rng):
    out = []
    O = LG.OPT["fr"]
    ov = r.get("ov", {})
    subj = p.get("subject_fr", "Notre pays")
    if r["ncm_exists"] == "yes":
        s = []
        if r.get("coord") and r.get("body"):
            s.append(f"La coordination est assurée à la fois par un coordinateur national ({r['coord']}) et par une instance collégiale, dénommée {r['body']}.")
        elif r.get("coord"):
            s.append(f"La coordination est confiée à un coordinateur national : {r['coord']}.")
        else:
            s.append(f"La coordination de l'action publique est assurée par l'instance suivante : {r['body']}.")
        if r.get("mins"):
            s.append("Cette instance est interministérielle ; y sont représentés : " + "; ".join(n for n, _ in r["mins"]) + ".")
            if r.get("lead"):
                s.append(f"La présidence en est assurée par le {r['lead'][0]}.")
        if r.get("experts") == "yes":
            s.append(f"Des experts y participent ({r['experts_txt']}).")
        elif r.get("experts") == "no":
            s.append("Aucun expert opérationnel n'en fait partie.")
        if r.get("cs") == "yes":
            t = "La société civile y est représentée"
            if "ncm_civil_society_share" in ov:
                t += f" ({ov['ncm_civil_society_share']['text']})"
            elif r.get("cs_share"):
                t += f" ({r['cs_share']} % des membres)"
            t += ", avec un rôle " + join_lang("fr", _labels("fr", "role", r["cs_roles"])) + "."
            s.append(t)
        elif r.get("cs") == "no":
            s.append("La société civile n'en fait pas partie.")
        yp = year_phrase("fr", r, rng)
        s.append(f"Ce mécanisme a été institué {r['legal_txt']}" + (f" ({yp})." if yp else "."))
        if r["budget"] == "yes":
            s.append(f"Il dispose d'un budget propre qui couvre {r['budget_covers']}.")
        else:
            s.append("Il ne dispose pas d'un budget propre.")
        s.append("Sa fonction principale est " + join_lang("fr", _labels("fr", "function", r["function"])) + ".")
        out.append(" ".join(s))
        out.append(f"Parmi ses principales réalisations figurent : {r['ach']}. Les principales difficultés tiennent à {ov.get('ncm_challenges', {}).get('text', r['ch'])}.")
    else:
        out.append(f"{subj} ne dispose pas, à ce jour, d'un mécanisme national de coordination spécifique à la lutte contre la traite des êtres humains.")
    s = []
    if r["nap"] == "yes":
        yt = ov["nap_year"]["text"] if "nap_year" in ov else f"en {r['nap_year']}"
        s.append(f"Un {r['nap_name']} a été adopté {yt}.")
    else:
        s.append("Il n'existe pas de plan d'action national.")
    if r.get("equiv") == "yes":
        yt = ""
        if r["nap"] != "yes":
            if "nap_year" in ov:
                yt = f", mis en place {ov['nap_year']['text']}"
            elif r.get("nap_year"):
                yt = f", mis en place en {r['nap_year']}"
        s.append(f"Il existe cependant une réponse coordonnée équivalente : {r['equiv_txt']}{yt}.")
    elif r.get("equiv") == "no":
        s.append("Il n'existe pas d'autre politique coordonnée équivalente.")
    if r["has_policy"]:
        s.append("Cette politique couvre les volets suivants : " + ", ".join(_labels("fr", "coverage", r["coverage"])) + ".")
        if r["thb_defined"] == "yes":
            s.append(f"La traite est définie par la législation : « {r['thb_def']} ».")
        else:
            s.append("La législation ne comporte pas de définition de la traite.")
        s.append("Les éléments d'une approche globale (prévention, poursuites, protection et assistance) " +
                 ("y sont définis." if r["comp"] == "yes" else "n'y sont pas définis en tant que tels."))
        out.append(" ".join(s))
        out.append(f"S'agissant de l'évaluation, {ov.get('nap_review', {}).get('text', r['review'])}. "
                   f"Les principaux résultats sont les suivants : {ov.get('nap_achievements', {}).get('text', r['nap_ach'])}. "
                   f"La mise en œuvre se heurte notamment à {ov.get('nap_challenges', {}).get('text', r['nap_ch'])}.")
    else:
        out.append(" ".join(s))
    if "nrm_type" in r:
        s = [f"Il existe un mécanisme national de rapport ({O['nrm_type'][r['nrm_type']]})."]
        s.append(f"Il a été créé par {O['nrm_authority'][r['nrm_auth']]}, {ov.get('nrm_established_year', {}).get('text', 'en ' + str(r.get('nrm_year')))}.")
        if r["nrm_budget"] == "yes":
            s.append(f"Son budget couvre {r['nrm_budget_covers']}.")
        else:
            s.append("Il ne dispose pas de budget spécifique.")
        s.append(f"Les rapports ont une périodicité {O['freq'][r['freq']]} et sont adressés {r['recipient']} ; ils " +
                 ("sont rendus publics." if r["public"] == "yes" else "ne sont pas rendus publics."))
        s.append("Ils portent sur : " + ", ".join(_labels("fr", "content", r["content"])) + " (" + O["model"][r["model"]] + ").")
        s.append(f"Effets constatés : {r['nrm_succ']}. Difficultés : {r['nrm_ch']}.")
        out.append(" ".join(s))
    else:
        out.append("Il n'existe ni rapporteur national ni mécanisme équivalent de rapport.")
    return out


def _ru(p, r, rng):
    out = []
    O = LG.OPT["ru"]
    ov = r.get("ov", {})
    subj = p.get("subject_ru", "В стране")
    if r["ncm_exists"] == "yes":
        s = []
        if r.get("coord") and r.get("body"):
            s.append(f"Координацию деятельности по противодействию торговле людьми осуществляют национальный координатор ({r['coord']}) и коллегиальный орган — {r['body']}.")
        elif r.get("coord"):
            s.append(f"Координацию осуществляет национальный координатор: {r['coord']}.")
        else:
            s.append(f"Координацию деятельности государственных органов в данной сфере осуществляет {r['body']}.")
        if r.get("mins"):
            s.append("В ее состав входят представители следующих ведомств: " + "; ".join(n for n, _ in r["mins"]) + ".")
            if r.get("lead"):
                s.append(f"Головное ведомство — {r['lead'][0]}.")
        if r.get("experts") == "yes":
            s.append(f"К работе привлекаются {r['experts_txt']}.")
        elif r.get("experts") == "no":
            s.append("Эксперты-практики в состав не входят.")
        if r.get("cs") == "yes":
            t = "Представители гражданского общества участвуют в работе"
            if "ncm_civil_society_share" in ov:
                t += f" ({ov['ncm_civil_society_share']['text']})"
            elif r.get("cs_share"):
                t += f" (их доля составляет {r['cs_share']}%)"
            t += " " + join_lang("ru", _labels("ru", "role", r["cs_roles"])) + "."
            s.append(t)
        elif r.get("cs") == "no":
            s.append("Представители гражданского общества в состав не входят.")
        yp = year_phrase("ru", r, rng)
        s.append(f"Механизм учрежден {r['legal_txt']}" + (f" ({yp})." if yp else "."))
        if r["budget"] == "yes":
            s.append(f"Имеется бюджет, который покрывает {r['budget_covers']}.")
        else:
            s.append("Отдельный бюджет не предусмотрен.")
        s.append("Основная функция: " + ", ".join(_labels("ru", "function", r["function"])) + ".")
        out.append(" ".join(s))
        out.append(f"К основным достижениям относятся: {r['ach']}. Основные трудности: {ov.get('ncm_challenges', {}).get('text', r['ch'])}.")
    else:
        out.append(f"{subj} отсутствует специальный механизм координации политики в сфере противодействия торговле людьми.")
    s = []
    if r["nap"] == "yes":
        yt = ov["nap_year"]["text"] if "nap_year" in ov else f"в {r['nap_year']} году"
        s.append(f"{cap(r['nap_name'])} утвержден {yt}.")
    else:
        s.append("Национальный план действий не принят.")
    if r.get("equiv") == "yes":
        s.append(f"Вместе с тем реализуется {r['equiv_txt']}" + (f" (с {r['nap_year']} г.)." if r["nap"] != "yes" and r.get("nap_year") else "."))
    elif r.get("equiv") == "no":
        s.append("Иной равноценной скоординированной программы не имеется.")
    if r["has_policy"]:
        s.append("Охватываемые направления: " + ", ".join(_labels("ru", "coverage", r["coverage"])) + ".")
        if r["thb_defined"] == "yes":
            s.append(f"Определение торговли людьми закреплено в законодательстве: «{r['thb_def']}».")
        else:
            s.append("Законодательного определения торговли людьми нет.")
        s.append("Элементы комплексного подхода (предупреждение, преследование, защита и помощь) " +
                 ("определены." if r["comp"] == "yes" else "не определены."))
        out.append(" ".join(s))
        out.append(f"Оценка результатов: {ov.get('nap_review', {}).get('text', r['review'])}. "
                   f"Достижения: {ov.get('nap_achievements', {}).get('text', r['nap_ach'])}. "
                   f"Трудности: {ov.get('nap_challenges', {}).get('text', r['nap_ch'])}.")
    else:
        out.append(" ".join(s))
    if "nrm_type" in r:
        s = [f"Национальный механизм отчетности существует ({O['nrm_type'][r['nrm_type']]})."]
        s.append(f"Основание — {O['nrm_authority'][r['nrm_auth']]}; учрежден {ov.get('nrm_established_year', {}).get('text', 'в ' + str(r.get('nrm_year')) + ' г.')}.")
        if r["nrm_budget"] == "yes":
            s.append(f"Бюджет покрывает {r['nrm_budget_covers']}.")
        else:
            s.append("Бюджет не выделяется.")
        s.append(f"Доклады готовятся {O['freq'][r['freq']]} и представляются: {r['recipient']}; доклады " +
                 ("публикуются." if r["public"] == "yes" else "не публикуются."))
        s.append("Содержание: " + ", ".join(_labels("ru", "content", r["content"])) + "; " + O["model"][r["model"]] + ".")
        s.append(f"Результаты: {r['nrm_succ']}. Трудности: {r['nrm_ch']}.")
        out.append(" ".join(s))
    else:
        out.append("Национального докладчика или аналогичного механизма отчетности не имеется.")
    return out


def _en(p, r, rng):
    out = []
    O = LG.OPT["en"]
    ov = r.get("ov", {})
    subj = p.get("subject_en", "Our country")
    if r["ncm_exists"] == "yes":
        s = []
        if r.get("coord") and r.get("body"):
            s.append(f"Anti-trafficking efforts are co-ordinated by a National Co-ordinator ({r['coord']}) together with the {r['body']}.")
        elif r.get("coord"):
            s.append(f"Co-ordination rests with the National Anti-Trafficking Co-ordinator: {r['coord']}.")
        else:
            s.append(f"Co-ordination is ensured by the {r['body']}.")
        if r.get("mins"):
            s.append("It is inter-ministerial and brings together " + join_lang("en", [n for n, _ in r["mins"]]) + ".")
            if r.get("lead"):
                s.append(f"It is chaired by the {r['lead'][0]}.")
        if r.get("experts") == "yes":
            s.append(f"Operational experts take part ({r['experts_txt']}).")
        elif r.get("experts") == "no":
            s.append("No operational experts are members.")
        if r.get("cs") == "yes":
            t = "Civil society is represented"
            if "ncm_civil_society_share" in ov:
                t += f" ({ov['ncm_civil_society_share']['text']})"
            elif r.get("cs_share"):
                t += f" ({r['cs_share']}% of members)"
            t += " in " + join_lang("en", [x.lower() for x in _labels("en", "role", r["cs_roles"])]) + " capacity."
            s.append(t)
        elif r.get("cs") == "no":
            s.append("Civil society is not part of the group.")
        yp = year_phrase("en", r, rng)
        s.append(f"The mechanism was set up {r['legal_txt']}" + (f" ({yp})." if yp else "."))
        if r["budget"] == "yes":
            s.append(f"It has its own budget, covering {r['budget_covers']}.")
        else:
            s.append("It has no budget of its own.")
        s.append("Its main function is " + join_lang("en", [x.lower() for x in _labels("en", "function", r["function"])]) + ".")
        out.append(" ".join(s))
        out.append(f"Its main achievements include: {r['ach']}. The main challenges have been {ov.get('ncm_challenges', {}).get('text', r['ch'])}.")
    else:
        out.append(f"{subj} has no formal national co-ordination mechanism on trafficking.")
    s = []
    if r["nap"] == "yes":
        yt = ov["nap_year"]["text"] if "nap_year" in ov else f"in {r['nap_year']}"
        s.append(f"The {r['nap_name']} was adopted {yt}.")
    else:
        s.append("There is no National Action Plan.")
    if r.get("equiv") == "yes":
        s.append(f"There is, however, an equivalent co-ordinated response: {r['equiv_txt']}" +
                 (f" (since {r['nap_year']})." if r["nap"] != "yes" and r.get("nap_year") else "."))
    elif r.get("equiv") == "no":
        s.append("There is no other equivalent co-ordinated policy.")
    if r["has_policy"]:
        s.append("It covers " + ", ".join(x.lower() for x in _labels("en", "coverage", r["coverage"])) + ".")
        if r["thb_defined"] == "yes":
            s.append(f"Trafficking is defined in law: \"{r['thb_def']}\".")
        else:
            s.append("There is no statutory definition of trafficking.")
        s.append("The elements of a comprehensive approach " + ("are defined." if r["comp"] == "yes" else "are not defined as such."))
        out.append(" ".join(s))
        out.append(f"Review of impact: {ov.get('nap_review', {}).get('text', r['review'])}. "
                   f"Achievements: {ov.get('nap_achievements', {}).get('text', r['nap_ach'])}. "
                   f"Challenges: {ov.get('nap_challenges', {}).get('text', r['nap_ch'])}.")
    else:
        out.append(" ".join(s))
    if "nrm_type" in r:
        s = [f"A national reporting mechanism exists ({O['nrm_type'][r['nrm_type']]}), established by {O['nrm_authority'][r['nrm_auth']]} in {r.get('nrm_year')}."]
        if r["nrm_budget"] == "yes":
            s.append(f"Its budget covers {r['nrm_budget_covers']}.")
        else:
            s.append("It has no separate budget.")
        s.append(f"Reports are issued {O['freq'][r['freq']]}, {r['recipient']}, and are " + ("made public." if r["public"] == "yes" else "not public."))
        s.append("They cover " + ", ".join(_labels("en", "content", r["content"])) + " (" + O["model"][r["model"]] + ").")
        s.append(f"Evidence of success: {r['nrm_succ']}. Limitations: {r['nrm_ch']}.")
        out.append(" ".join(s))
    else:
        out.append("There is no national rapporteur or equivalent reporting mechanism.")
    return out
