# -*- coding: utf-8 -*-
"""Diplomatic framing, dates, question labels, ambiguous phrasings, annex texts."""
from build import LANG

ADDR = dict(
    en="the Office of the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings",
    de="dem Büro des Sonderbeauftragten und Koordinators der OSZE für die Bekämpfung des Menschenhandels",
    ru="Бюро Специального представителя и координатора ОБСЕ по борьбе с торговлей людьми",
    fr="le Bureau du Représentant spécial et Coordinateur de l'OSCE pour la lutte contre la traite des êtres humains",
    es="la Oficina del Representante Especial y Coordinador de la OSCE para la Lucha contra la Trata de Seres Humanos",
    it="l'Ufficio del Rappresentante Speciale e Coordinatore OSCE per la lotta alla tratta di esseri umani",
)

SUBJ = dict(
    en=["OSCE questionnaire on co-ordinating and reporting on anti-trafficking efforts", "Reply to the OSCE THB questionnaire (2007)"],
    de=["OSZE-Fragebogen zur Koordinierung und Berichterstattung im Bereich Menschenhandel", "Antwort auf den Fragebogen der OSZE (Menschenhandel)"],
    ru=["Вопросник ОБСЕ о координации и отчётности в сфере противодействия торговле людьми", "Ответ на вопросник ОБСЕ"],
    fr=["Questionnaire de l'OSCE sur la coordination et les rapports en matière de lutte contre la traite", "Réponse au questionnaire de l'OSCE"],
    es=["Cuestionario de la OSCE sobre coordinación e información en la lucha contra la trata", "Respuesta al cuestionario de la OSCE"],
    it=["Questionario OSCE sul coordinamento e la rendicontazione in materia di tratta", "Risposta al questionario OSCE sulla tratta"],
)


def fmt_date(L, d, variant=0):
    M = LANG[L]["months"]
    if L == "en":
        return ["%d %s %d" % (d.day, M[d.month - 1], d.year), "%s %d, %d" % (M[d.month - 1], d.day, d.year)][variant % 2]
    if L == "de":
        return ["%d. %s %d" % (d.day, M[d.month - 1], d.year), "%02d.%02d.%d" % (d.day, d.month, d.year)][variant % 2]
    if L == "ru":
        return ["«%d» %s %d г." % (d.day, M[d.month - 1], d.year), "%02d.%02d.%d г." % (d.day, d.month, d.year)][variant % 2]
    if L == "fr":
        return ["%s %s %d" % ("1er" if d.day == 1 else d.day, M[d.month - 1], d.year), "%02d/%02d/%d" % (d.day, d.month, d.year)][variant % 2]
    if L == "es":
        return ["%d de %s de %d" % (d.day, M[d.month - 1], d.year), "%d/%d/%d" % (d.day, d.month, d.year)][variant % 2]
    if L == "it":
        return ["%d %s %d" % (d.day, M[d.month - 1], d.year), "%02d/%02d/%d" % (d.day, d.month, d.year)][variant % 2]


def nv_open(L, mission):
    a = ADDR[L]
    return dict(
        en="%s presents its compliments to %s and, with reference to the questionnaire on co-ordinating and reporting on efforts to combat trafficking in human beings, has the honour to convey the following information." % (mission, a),
        de="%s beehrt sich, %s unter Bezugnahme auf den Fragebogen zur Koordinierung und Berichterstattung im Bereich der Bekämpfung des Menschenhandels Folgendes mitzuteilen:" % (mission, a),
        ru="%s свидетельствует своё уважение %s и, ссылаясь на вопросник о координации и отчётности в сфере противодействия торговле людьми, имеет честь сообщить следующее." % (mission, a),
        fr="%s présente ses compliments à %s et, se référant au questionnaire relatif à la coordination de la lutte contre la traite des êtres humains, a l'honneur de lui communiquer les informations suivantes." % (mission, a),
        es="%s saluda atentamente a %s y, en relación con el cuestionario sobre la coordinación de la lucha contra la trata de seres humanos, tiene el honor de transmitirle la siguiente información." % (mission, a),
        it="%s presenta i suoi complimenti al%s e, con riferimento al questionario sul coordinamento delle iniziative contro la tratta di esseri umani, ha l'onore di comunicare quanto segue." % (mission, a[1:] if a.startswith("l'") else " " + a),
    )[L]


def nv_close(L, mission):
    return dict(
        en="%s avails itself of this opportunity to renew to the Office the assurances of its highest consideration." % mission,
        de="%s benützt diesen Anlass, das Büro erneut ihrer ausgezeichneten Hochachtung zu versichern." % mission,
        ru="%s пользуется случаем, чтобы возобновить Бюро уверения в своём высоком уважении." % mission,
        fr="%s saisit cette occasion pour renouveler au Bureau les assurances de sa haute considération." % mission,
        es="%s aprovecha la oportunidad para reiterar a la Oficina el testimonio de su más alta consideración." % mission,
        it="%s si avvale dell'occasione per rinnovare all'Ufficio gli atti della sua più alta considerazione." % mission,
    )[L]


SALUT = dict(en=["Dear Ambassador,", "Dear Madam, dear Sir,"], de=["Sehr geehrte Damen und Herren,", "Sehr geehrter Herr Botschafter,"],
             ru=["Уважаемая госпожа Специальный представитель!", "Уважаемые коллеги!"], fr=["Madame, Monsieur,", "Madame la Représentante spéciale,"],
             es=["Estimada Sra. Representante Especial:", "Muy señores míos:"], it=["Gentile Rappresentante Speciale,", "Egregi Signori,"])
INTRO = dict(
    en=["In reply to your letter concerning the questionnaire on national co-ordination and reporting mechanisms, I am pleased to provide the following information.",
        "Further to your request of January, please find below our country's contribution."],
    de=["in Beantwortung Ihres Schreibens betreffend den Fragebogen zu nationalen Koordinierungs- und Berichtsmechanismen darf ich Ihnen Folgendes mitteilen.",
        "zu Ihrer Anfrage vom Januar übermitteln wir nachstehend unseren Beitrag."],
    ru=["В ответ на Ваше письмо относительно вопросника о национальных механизмах координации и отчётности сообщаем следующее.",
        "Направляем информацию по вопроснику ОБСЕ."],
    fr=["En réponse à votre lettre relative au questionnaire sur les mécanismes nationaux de coordination et de rapport, j'ai l'honneur de vous communiquer les éléments suivants."],
    es=["En respuesta a su carta relativa al cuestionario sobre mecanismos nacionales de coordinación e información, me complace remitirle la siguiente información."],
    it=["In riscontro alla Sua lettera relativa al questionario sui meccanismi nazionali di coordinamento e di rapporto, mi pregio comunicare quanto segue.",
        "Facendo seguito alla richiesta dell'OSCE, si trasmettono le seguenti informazioni."],
)
CLOSE = dict(en=["Yours sincerely,", "Yours faithfully,"], de=["Mit freundlichen Grüßen", "Mit vorzüglicher Hochachtung"], ru=["С уважением,"],
             fr=["Je vous prie d'agréer, Madame, Monsieur, l'expression de ma haute considération."], es=["Atentamente,", "Le saluda atentamente,"],
             it=["Distinti saluti,", "Con i migliori saluti,"])
ANNEX_NOTE = dict(en="Enclosure: National Action Plan (English translation)", de="Anlage: Nationaler Aktionsplan",
                  ru="Приложение: Национальный план действий, на 12 л.", fr="P.J. : plan d'action national", es="Anexo: Plan Nacional (copia)",
                  it="Allegato: Piano nazionale d'azione")

COVER = dict(
    en=["Dear colleagues,\n\nPlease find attached our reply to the OSCE questionnaire on anti-trafficking co-ordination.\n\nBest regards,",
        "Dear Sir/Madam,\nAttached is the reply of the competent authorities. Apologies for the delay.\nKind regards,"],
    fr=["Madame, Monsieur,\n\nVeuillez trouver ci-joint la réponse des autorités compétentes au questionnaire de l'OSCE.\n\nCordialement,"],
    de=["Sehr geehrte Damen und Herren,\n\nanbei übermitteln wir die Antwort zum Fragebogen.\n\nMit freundlichen Grüßen"],
    it=["Gentili colleghi,\nin allegato la risposta al questionario.\nCordiali saluti"],
)

# Question labels (our own wording) for retyped forms and inline-quoted replies
QL = dict(
    en={1: "1. Is there a recognised national mechanism co-ordinating anti-trafficking policy and programmes?",
        2: "2. Nature of the mechanism (co-ordinator / working group / other)", 3: "3. Composition of the working group or commission",
        4: "4. Legal basis and date of establishment", 5: "5. Budget of the co-ordination mechanism", 6: "6. Main function",
        7: "7. Primary achievements", 8: "8. Main challenges", 9: "9. National Action Plan or equivalent policy response",
        10: "10. Scope of the national policy response", 11: "11. Definition of trafficking in legislation / NAP",
        12: "12. Comprehensive approach defined?", 13: "13. Review and assessment of the plan's impact", 14: "14. Achievements of the plan",
        15: "15. Challenges in implementation", 16: "16. National reporting mechanism (rapporteur or equivalent)?", 17: "17. Nature of the mechanism",
        18: "18. Authority establishing the function", 19: "19. Date of establishment", 20: "20. Budget", 21: "21. Reports: frequency, addressees, publicity and content",
        22: "22. Evidence of success", 23: "23. Limitations and challenges"},
    es={1: "1. ¿Existe en su país un mecanismo reconocido para coordinar las respuestas a la trata?", 2: "2. Naturaleza del mecanismo",
        3: "3. Composición", 4: "4. Base jurídica y fecha de creación", 5: "5. ¿Dispone de presupuesto?", 6: "6. Función principal",
        7: "7. Principales logros", 8: "8. Principales dificultades", 9: "9. ¿Plan Nacional de Acción u otra respuesta equivalente?",
        10: "10. Ámbitos cubiertos", 11: "11. ¿Está definida la trata en la legislación?", 12: "12. ¿Se define un enfoque integral?",
        13: "13. Evaluación del impacto del Plan", 14: "14. Logros del Plan", 15: "15. Dificultades de aplicación",
        16: "16. ¿Existe un mecanismo nacional de información (relator nacional o equivalente)?", 17: "17. Naturaleza del mecanismo",
        18: "18. Autoridad que lo estableció", 19: "19. Fecha de creación", 20: "20. Presupuesto", 21: "21. Informes (periodicidad, destinatarios, publicidad, contenido)",
        22: "22. Pruebas de éxito", 23: "23. Limitaciones y retos"},
)

# Truly ambiguous statements about Q16 (sent to review, not keyed)
AMB_NRM = dict(
    ru="Отдельные функции национального докладчика фактически выполняет Уполномоченный по правам человека, однако формально такой механизм не закреплён.",
    de="Gewisse Aufgaben eines Berichterstatters nimmt faktisch die Volksanwaltschaft wahr; eine formelle Zuweisung besteht jedoch nicht.",
    es="En cierta medida, el Defensor del Pueblo cumple funciones similares a las de un relator, aunque sin mandato formal.",
    it="Alcune funzioni di relatore sono di fatto svolte dall'Osservatorio sulla tratta, senza però un mandato formale.",
    fr="Certaines fonctions d'un rapporteur sont, dans les faits, exercées par le Médiateur, sans mandat formel.",
    en="To some extent the Ombudsman performs rapporteur-like functions, although without a formal mandate.",
)

ANNEX_NAP_DE = [
    "Nationaler Aktionsplan zur Bekämpfung des Menschenhandels",
    "Vom Ministerrat beschlossen. Laufzeit: drei Jahre.",
    "1. Koordination",
    "Maßnahme 1.1: Einrichtung einer Geschäftsstelle der Task Force. Zuständig: BMeiA. Frist: laufend.",
    "Maßnahme 1.2: Jährlicher Bericht an den Ministerrat. Zuständig: Task Force. Frist: jeweils Jahresende.",
    "2. Prävention",
    "Maßnahme 2.1: Informationskampagnen in Herkunftsländern. Zuständig: BMeiA, ADA.",
    "Maßnahme 2.2: Schulung von Konsularbediensteten. Zuständig: BMeiA.",
    "3. Opferschutz",
    "Maßnahme 3.1: Finanzierung der Interventionsstelle für Betroffene des Frauenhandels. Zuständig: BMI, BMGF.",
    "Maßnahme 3.2: Bedenkzeit von mindestens 30 Tagen für Opfer. Zuständig: BMI.",
    "4. Strafverfolgung",
    "Maßnahme 4.1: Spezialisierung von Staatsanwälten. Zuständig: BMJ.",
    "Maßnahme 4.2: Verbesserung der Zusammenarbeit mit Europol und Interpol. Zuständig: BMI/BK.",
    "5. Internationale Zusammenarbeit",
    "Maßnahme 5.1: Unterstützung von Projekten in Südosteuropa. Zuständig: BMeiA.",
    "6. Evaluierung",
    "Maßnahme 6.1: Zwischenbericht nach 18 Monaten.",
]
ANNEX_REPORT_IT = [
    "Osservatorio sul fenomeno della tratta - Rapporto annuale 2006",
    "Sintesi",
    "Nel corso del 2006 sono state assistite 1.842 persone nell'ambito dei programmi di protezione sociale ex art. 18 del Testo Unico sull'immigrazione.",
    "La maggioranza delle vittime proviene dalla Nigeria e dalla Romania; cresce la quota di sfruttamento lavorativo in agricoltura.",
    "Capitolo 1 - Il quadro normativo",
    "La legge n. 228 del 2003 ha riformulato gli articoli 600, 601 e 602 del codice penale.",
    "Capitolo 2 - Dati giudiziari",
    "Nel 2006 sono stati avviati 246 procedimenti per il reato di tratta, con 89 condanne in primo grado.",
    "Capitolo 3 - Raccomandazioni",
    "Si raccomanda di rafforzare il Numero Verde e di estendere i programmi di reinserimento lavorativo.",
]
ANNEX_PLAN_IT = [
    "Piano d'azione nazionale contro la tratta di esseri umani 2006-2007 (traduzione non ufficiale)",
    "Obiettivo 1: prevenzione nei paesi di origine.",
    "Obiettivo 2: identificazione e assistenza alle vittime.",
    "Obiettivo 3: perseguimento dei trafficanti.",
    "Obiettivo 4: cooperazione internazionale.",
]

ADDR_LINE = dict(
    en="Office of the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings\nWallnerstrasse 6, 1010 Vienna",
    de="An das Büro des Sonderbeauftragten und Koordinators der OSZE für die Bekämpfung des Menschenhandels\nWallnerstraße 6, 1010 Wien",
    ru="Бюро Специального представителя и координатора ОБСЕ по борьбе с торговлей людьми\nг. Вена",
    fr="Bureau du Représentant spécial et Coordinateur de l'OSCE pour la lutte contre la traite des êtres humains\nVienne",
    es="Oficina del Representante Especial y Coordinador de la OSCE para la Lucha contra la Trata de Seres Humanos\nViena",
    it="All'Ufficio del Rappresentante Speciale e Coordinatore OSCE per la lotta alla tratta di esseri umani\nVienna",
)
