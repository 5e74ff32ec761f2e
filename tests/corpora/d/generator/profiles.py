# -*- coding: utf-8 -*-
"""One profile per file of corpus d: who sends it, in which form, which hard case."""


# ----------------------------------------------------------------- tweak helpers
def vague_share(text):
    def t(r, rng):
        if r.get("cs") == "yes":
            r["cs_share"] = None
            r.setdefault("ov", {})["ncm_civil_society_share"] = {"text": text}
    return t


def xref(fid, text, drop=()):
    def t(r, rng):
        r.setdefault("ov", {})[fid] = {"text": text, "drop": list(drop)}
    return t


def vague_ncm_year(text):
    def t(r, rng):
        r["year"] = None
        r["year_disp"] = text
        r.setdefault("ov", {})["ncm_established_year"] = {"text": text}
    return t


def chain(*fns):
    def t(r, rng):
        for f in fns:
            f(r, rng)
    return t


NRM_FIELDS = ["nrm_exists", "nrm_type", "nrm_authority", "nrm_established_year", "nrm_established_year_other", "nrm_budget",
              "nrm_budget_covers", "report_frequency", "report_recipient", "reports_public", "report_content", "report_model",
              "nrm_success", "nrm_challenges"]


def contradict_nrm(r, rng):
    r["contradicted"] = list(NRM_FIELDS)


def no_year(r, rng):
    r["year"] = None
    r["year_blank"] = True


PS = "participating_state"
PC = "partner_for_cooperation"

# ----------------------------------------------------------------- ministries (name as written, ids)
M_DE = [("Bundesministerium für Familie, Senioren, Frauen und Jugend (BMFSFJ)", ["family"]),
        ("Bundesministerium des Innern (BMI)", ["interior"]),
        ("Bundesministerium der Justiz (BMJ)", ["justice"]),
        ("Auswärtiges Amt (AA)", ["foreign_affairs"]),
        ("Bundesministerium für Arbeit und Soziales (BMAS)", ["labour", "social"]),
        ("Bundesministerium für Gesundheit (BMG)", ["health"])]
M_AT = [("Bundesministerium für europäische und internationale Angelegenheiten (BMeiA)", ["foreign_affairs"]),
        ("Bundesministerium für Inneres (BM.I)", ["interior"]),
        ("Bundesministerium für Justiz", ["justice"]),
        ("Bundesministerium für Soziales und Konsumentenschutz", ["social"]),
        ("Bundesministerium für Wirtschaft und Arbeit", ["finance", "labour"]),
        ("Bundesministerium für Unterricht, Kunst und Kultur", ["education", "culture"]),
        ("Bundesministerium für Gesundheit, Familie und Jugend", ["health", "family"])]
M_LI = [("Ressort Inneres", ["interior"]), ("Ressort Justiz", ["justice"]), ("Ressort Äusseres", ["foreign_affairs"]),
        ("Ressort Soziales", ["social"]), ("Ressort Gesundheit", ["health"])]
M_CH = [("Eidgenössisches Justiz- und Polizeidepartement (EJPD)", ["justice", "interior"]),
        ("Eidgenössisches Departement für auswärtige Angelegenheiten (EDA)", ["foreign_affairs"]),
        ("Bundesamt für Migration (BFM)", ["migration"]),
        ("Eidgenössisches Volkswirtschaftsdepartement (EVD)", ["finance"])]
M_LU = [("Justizministerium", ["justice"]),
        ("Ministerium für auswärtige Angelegenheiten und Immigration", ["foreign_affairs", "migration"]),
        ("Ministerium für Chancengleichheit", ["family"]),
        ("Gesundheitsministerium", ["health"]),
        ("Ministerium für Arbeit und Beschäftigung", ["labour"])]
M_HU = [("Ministerium für Justiz und Polizeiwesen", ["justice", "interior"]),
        ("Außenministerium", ["foreign_affairs"]),
        ("Ministerium für Soziales und Arbeit", ["social", "labour"]),
        ("Ministerium für Bildung und Kultur", ["education", "culture"]),
        ("Gesundheitsministerium", ["health"])]
M_CZ = [("Ministerium des Innern", ["interior"]), ("Justizministerium", ["justice"]), ("Außenministerium", ["foreign_affairs"]),
        ("Ministerium für Arbeit und Soziales", ["labour", "social"]), ("Gesundheitsministerium", ["health"])]
M_SI = [("Innenministerium", ["interior"]), ("Justizministerium", ["justice"])]
M_RU = [("МВД России", ["interior"]), ("Минюст России", ["justice"]), ("МИД России", ["foreign_affairs"]),
        ("Генеральная прокуратура РФ", ["justice"]), ("Минздравсоцразвития России", ["health", "social"]),
        ("ФМС России", ["migration"]), ("Минобрнауки России", ["education"])]
M_BY = [("Министерство внутренних дел", ["interior"]), ("Министерство иностранных дел", ["foreign_affairs"]),
        ("Министерство труда и социальной защиты", ["labour", "social"]), ("Министерство образования", ["education"]),
        ("Министерство здравоохранения", ["health"]), ("Генеральная прокуратура", ["justice"])]
M_KZ = [("Министерство юстиции", ["justice"]), ("Министерство внутренних дел", ["interior"]),
        ("Министерство иностранных дел", ["foreign_affairs"]),
        ("Министерство труда и социальной защиты населения", ["labour", "social"]),
        ("Министерство образования и науки", ["education"]), ("Министерство здравоохранения", ["health"])]
M_KG = [("Министерство иностранных дел", ["foreign_affairs"]), ("Министерство внутренних дел", ["interior"]),
        ("Министерство юстиции", ["justice"]), ("Министерство труда и социального развития", ["labour", "social"]),
        ("Министерство образования и науки", ["education"])]
M_TJ = [("Министерство внутренних дел", ["interior"]), ("Генеральная прокуратура", ["justice"]),
        ("Министерство иностранных дел", ["foreign_affairs"]), ("Министерство труда и социальной защиты населения", ["labour", "social"]),
        ("Министерство здравоохранения", ["health"])]
M_UZ = [("Министерство внутренних дел", ["interior"]), ("Министерство иностранных дел", ["foreign_affairs"]),
        ("Генеральная прокуратура", ["justice"]), ("Министерство труда и социальной защиты населения", ["labour", "social"])]
M_AM = [("Министерство иностранных дел", ["foreign_affairs"]), ("Полиция при Правительстве", ["interior"]),
        ("Министерство юстиции", ["justice"]), ("Министерство труда и социальных вопросов", ["labour", "social"]),
        ("Министерство здравоохранения", ["health"]), ("Министерство образования и науки", ["education"])]
M_MD = [("Министерство социальной защиты, семьи и ребенка", ["social", "family"]), ("Министерство внутренних дел", ["interior"]),
        ("Министерство юстиции", ["justice"]), ("Министерство иностранных дел и европейской интеграции", ["foreign_affairs"]),
        ("Министерство просвещения и молодежи", ["education", "family"]), ("Министерство экономики и торговли", ["finance"])]
M_UA = [("Министерство Украины по делам семьи, молодежи и спорта", ["family"]), ("МВД Украины", ["interior"]),
        ("Министерство юстиции Украины", ["justice"]), ("МИД Украины", ["foreign_affairs"]),
        ("Министерство труда и социальной политики Украины", ["labour", "social"])]
M_MN = [("Министерство юстиции и внутренних дел", ["justice", "interior"]), ("Министерство иностранных дел", ["foreign_affairs"]),
        ("Министерство социального обеспечения и труда", ["social", "labour"]), ("Министерство здравоохранения", ["health"])]
M_MC = [("Département de l'Intérieur", ["interior"]), ("Direction des Services Judiciaires", ["justice"]),
        ("Département des Relations Extérieures", ["foreign_affairs"]), ("Département des Affaires Sociales et de la Santé", ["social", "health"])]
M_BE = [("SPF Justice", ["justice"]), ("SPF Intérieur", ["interior"]), ("SPF Affaires étrangères", ["foreign_affairs"]),
        ("SPF Emploi, Travail et Concertation sociale", ["labour"]), ("SPF Sécurité sociale", ["social"]),
        ("SPF Santé publique", ["health"])]
M_TN = [("Ministère de la Justice et des Droits de l'Homme", ["justice"]), ("Ministère de l'Intérieur et du Développement local", ["interior"]),
        ("Ministère des Affaires étrangères", ["foreign_affairs"]), ("Ministère des Affaires de la Femme, de la Famille, de l'Enfance et des Personnes âgées", ["family"]),
        ("Ministère des Affaires sociales", ["social"])]
M_DZ = [("Ministère de la Justice", ["justice"]), ("Ministère de l'Intérieur et des Collectivités locales", ["interior"]),
        ("Ministère des Affaires étrangères", ["foreign_affairs"]), ("Ministère de la Solidarité nationale", ["social"])]
M_CA = [("Justice Canada", ["justice"]), ("Sécurité publique Canada", ["interior"]), ("Affaires étrangères Canada", ["foreign_affairs"]),
        ("Citoyenneté et Immigration Canada", ["migration"]), ("Condition féminine Canada", ["family"]), ("Santé Canada", ["health"])]
M_AD = [("Ministère de la Justice et de l'Intérieur", ["justice", "interior"]), ("Ministère des Affaires étrangères", ["foreign_affairs"]),
        ("Ministère de la Santé et du Bien-être", ["health", "social"])]
M_RO = [("Ministère de l'Intérieur et de la Réforme administrative", ["interior"]), ("Ministère de la Justice", ["justice"]),
        ("Ministère des Affaires étrangères", ["foreign_affairs"]), ("Ministère du Travail, de la Famille et de l'Égalité des chances", ["labour", "family"]),
        ("Ministère de l'Éducation, de la Recherche et de la Jeunesse", ["education"]), ("Ministère de la Santé publique", ["health"])]
M_AL = [("Ministère de l'Intérieur", ["interior"]), ("Ministère de la Justice", ["justice"]), ("Ministère des Affaires étrangères", ["foreign_affairs"]),
        ("Ministère du Travail, des Affaires sociales et de l'Égalité des chances", ["labour", "social", "family"]),
        ("Ministère de l'Éducation et des Sciences", ["education"])]
M_EG = [("Ministère des Affaires étrangères", ["foreign_affairs"]), ("Ministère de la Justice", ["justice"]),
        ("Ministère de l'Intérieur", ["interior"]), ("Ministère de la Main-d'œuvre et de l'Émigration", ["labour", "migration"]),
        ("Ministère de la Santé et de la Population", ["health"])]
M_BG = [("Ministère de l'Intérieur", ["interior"]), ("Ministère de la Justice", ["justice"]), ("Ministère des Affaires étrangères", ["foreign_affairs"]),
        ("Ministère du Travail et de la Politique sociale", ["labour", "social"]), ("Ministère de l'Éducation et de la Science", ["education"]),
        ("Ministère de la Santé", ["health"])]
M_GE = [("Ministry of Justice", ["justice"]), ("Ministry of Internal Affairs", ["interior"]), ("Ministry of Foreign Affairs", ["foreign_affairs"]),
        ("Ministry of Labour, Health and Social Affairs", ["labour", "health", "social"]), ("Ministry of Education and Science", ["education"])]
M_LT = [("Ministry of the Interior", ["interior"]), ("Ministry of Justice", ["justice"]), ("Ministry of Foreign Affairs", ["foreign_affairs"]),
        ("Ministry of Social Security and Labour", ["social", "labour"]), ("Ministry of Education and Science", ["education"]),
        ("Ministry of Health", ["health"])]
M_IL = [("Ministry of Justice", ["justice"]), ("Ministry of Public Security", ["interior"]), ("Ministry of Foreign Affairs", ["foreign_affairs"]),
        ("Ministry of Industry, Trade and Labour", ["finance", "labour"]), ("Ministry of Social Affairs", ["social"])]


def profiles():
    P = []
    A = P.append
    # ============================================================== GERMAN
    A(dict(id="DE", file="BRD_Antwort_OSZE-Fragebogen_Menschenhandel.pdf", style="table_pdf", expect="return",
           country="Germany", lang="de", rtype=PS, date=(2007, 3, 14), date_form=0, date_prefix="Berlin, den ",
           head=["Bundesrepublik Deutschland", "Bundesministerium für Familie, Senioren, Frauen und Jugend",
                 "Referat 402 – Schutz von Frauen vor Gewalt", "11018 Berlin"],
           ref="Az.: 402-2840/07", title="Antworten der Bundesrepublik Deutschland auf den OSZE-Fragebogen „Koordinierung und Berichterstattung über Maßnahmen zur Bekämpfung des Menschenhandels im OSZE-Raum“",
           sign=["Im Auftrag", "gez. Dr. Brandhorst"], author="BMFSFJ Ref. 402", footer="BRD – Antwort OSZE-Fragebogen – Seite {page}",
           body="Bund-Länder-Arbeitsgruppe Frauenhandel", ministries=M_DE,
           legal_txt="auf Empfehlung der Konferenz der Gleichstellungs- und Frauenministerinnen, ohne gesetzliche Grundlage",
           nap_name="Aktionsplan II der Bundesregierung zur Bekämpfung von Gewalt gegen Frauen (Kapitel Frauenhandel)",
           thb_def="Menschenhandel zum Zweck der sexuellen Ausbeutung (§ 232 StGB) und zum Zweck der Ausbeutung der Arbeitskraft (§ 233 StGB)",
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", ncm_civil_society="yes",
                      ncm_legal_basis="policy", ncm_year="1997", nap_exists="yes", nap_year="2007", nap_equivalent="no", thb_defined="yes",
                      nrm_exists="no"),
           tweak=vague_share("rund ein Drittel der Mitglieder (Fachberatungsstellen und Wohlfahrtsverbände)"),
           opts=dict(letters=True, na_style="na", qvariant=0, yesno_case=0),
           render=dict(hdr=["Nr.", "Frage", "Antwort"], font="LibSans", size=9)))
    A(dict(id="DE-annex", file="BRD_Anlage_Aktionsplan_II_Auszug.pdf", style="nap_annex", expect="not_a_return",
           country="Germany", lang="de"))
    A(dict(id="DE-cover", file="BRD_Begleitschreiben_OSZE.docx", style="cover_letter", expect="not_a_return",
           country="Germany", lang="de"))
    A(dict(id="AT", file="AT_OSZE_Fragebogen_Menschenhandel_Antwort.doc", style="word97_doc", expect="return",
           country="Austria", lang="de", rtype=PS, date=(2007, 4, 20), date_form=1, date_prefix="Wien, am ",
           head=["REPUBLIK ÖSTERREICH", "Bundesministerium für europäische und internationale Angelegenheiten",
                 "Abteilung I.7 – Menschenrechte", "Minoritenplatz 8, 1014 Wien"],
           ref="GZ. BMeiA-AT.8.15.02/0031-I.7/2007",
           title="OSZE-Fragebogen zur Koordinierung und Berichterstattung im Bereich Menschenhandel – Beantwortung durch Österreich",
           sign=["Für die Bundesministerin:", "Mag. E. Lehner"], author="Lehner Eva",
           coord="Leiterin der Menschenrechtsabteilung im BMeiA als Nationale Koordinatorin", body="Task Force Menschenhandel",
           ministries=M_AT, legal_txt="Ministerratsbeschluss als politische Vereinbarung ohne Gesetzesrang",
           nap_name="Nationaler Aktionsplan gegen Menschenhandel",
           force=dict(ncm_exists="yes", ncm_type="both", ncm_interministerial="yes", ncm_legal_basis="policy", ncm_year="2004",
                      nap_exists="yes", nap_year="2007", nrm_exists="yes", nrm_type="coordinator_function", nrm_year="2004"),
           tweak=xref("nap_achievements", "Siehe Antwort zu Frage 7."),
           opts=dict(letters=True, na_style="na", yesno_case=0),
           render=dict(layout="para", prefix="Antwort:", ticks=None, fmt="doc")))
    A(dict(id="AT-dup", file="AT_Fragebogen_Antwort_KOPIE.doc", style="word97_doc", expect="duplicate", duplicate_of="AT",
           country="Austria", lang="de"))
    A(dict(id="AT-law", file="AT_Anlage_StGB_Auszug_104a_217.pdf", style="law_text", expect="not_a_return",
           country="Austria", lang="de"))
    A(dict(id="LI", file="LI_Fragebogen_OSZE_Menschenhandel.odt", style="odt_form", expect="return",
           country="Liechtenstein", lang="de", rtype=PS, swiss=True, date=(2007, 2, 15), date_form=1, date_prefix="Vaduz, ",
           head=["Fürstentum Liechtenstein", "Regierung", "Ressort Äusseres"],
           title="Fragebogen der OSZE betreffend Koordinierung und Berichterstattung zur Bekämpfung des Menschenhandels – Antworten Liechtensteins",
           sign=["Für die Regierung", "Stabsstelle für internationale Angelegenheiten", "lic. iur. M. Frommelt"], author="mfrommelt",
           body="Arbeitsgruppe gegen Menschenhandel", ministries=M_LI, legal_txt="Verordnung der Regierung, LGBl. 2004 Nr. 238",
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", ncm_legal_basis="decree",
                      ncm_budget="no", nap_exists="no", nap_equivalent="yes", nap_year="2005", nrm_exists="yes",
                      nrm_type="ministry_function", nrm_authority="policy", nrm_year="2006"),
           tweak=no_year,
           opts=dict(letters=True, na_style="na", yesno_case=1, multi_letters=True),
           render=dict(layout="table", ticks=None, fmt="odt")))
    A(dict(id="LI-v2", file="LI_Fragebogen_OSZE_Menschenhandel_v2_korrigiert.docx", style="docx_form", expect="return",
           supersedes="LI", country="Liechtenstein", lang="de", rtype=PS, date=(2007, 4, 3), date_form=1, date_prefix="Vaduz, ",
           same_record_as="LI"))
    A(dict(id="CH", file="CH_Antwort_Fragebogen_OSZE.pdf", style="typed_inline_pdf", expect="return",
           country="Switzerland", lang="de", rtype=PS, swiss=True, date=(2007, 5, 8), date_form=0, date_prefix="Bern, ",
           head=["Schweizerische Eidgenossenschaft", "Confédération suisse", "Confederazione Svizzera", "Confederaziun svizra",
                 "Eidgenössisches Justiz- und Polizeidepartement EJPD", "Bundesamt für Polizei fedpol"],
           title="OSZE-Fragebogen Menschenhandel: Koordinierung und Berichterstattung",
           sign=["Koordinationsstelle gegen Menschenhandel und Menschenschmuggel", "Der Geschäftsführer"], author="fedpol KSMM",
           body="Koordinationsstelle gegen Menschenhandel und Menschenschmuggel (KSMM)", ministries=M_CH,
           legal_txt="Beschluss des Bundesrates (Verordnung)",
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", ncm_legal_basis="decree", ncm_year="2003",
                      nap_exists="no", nap_equivalent=None, nrm_exists="no"),
           opts=dict(letters=False, na_style="na", yesno_case=1, qvariant=0),
           render=dict(marks=("(x)", "( )"), font="LibMono", size=9.5)))
    A(dict(id="LU", file="LU_Antwort_per_Email.txt", style="email_txt", expect="return",
           country="Luxembourg", lang="de", rtype=PS, date=(2007, 6, 11), no_date_in_body=True,
           email=dict(frm="Service Droits de l'Homme <droitsdelhomme@mae.etat.lu>", to="THB questionnaire <thb-survey@osce-secretariat.example>",
                      date="Mon, 11 Jun 2007 16:05:12 +0200", subject="AW: OSZE-Fragebogen Menschenhandel – unsere Antwort"),
           sign=["Mit freundlichen Grüßen", "Claude Weber", "Attaché", "Direktion für politische Angelegenheiten"],
           body="interministeriellen Arbeitsgruppe zur Bekämpfung des Menschenhandels", ministries=M_LU,
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", nap_exists="no", nap_equivalent="yes",
                      nrm_exists="no"),
           narrative=True))
    A(dict(id="HU", file="HU_Antwort_Fragebogen_Menschenhandel.rtf", style="rtf_form", expect="return",
           country="Hungary", lang="de", rtype=PS, date=(2007, 5, 30), date_form=1, date_prefix="Wien, ",
           head=["Ständige Vertretung der Republik Ungarn", "bei der OSZE und den Internationalen Organisationen in Wien",
                 "Bankgasse 4-6, 1010 Wien"],
           title="Beantwortung des OSZE-Fragebogens „Koordinierung und Berichterstattung über die Bekämpfung des Menschenhandels“",
           sign=["Dr. Gábor Szentiványi", "Botschaftsrat"], author="HU-Mission",
           coord="Staatssekretär im Ministerium für Justiz und Polizeiwesen (Nationaler Koordinator)",
           body="Interministerielle Arbeitsgruppe zur Bekämpfung des Menschenhandels", ministries=M_HU,
           force=dict(ncm_exists="yes", ncm_type="both", ncm_interministerial="yes", nap_exists="yes"),
           tweak=xref("ncm_challenges", "Siehe unsere Antwort zu Frage 15.", drop=["ncm_challenge_topics"]),
           opts=dict(letters=True, na_style="na", yesno_case=0),
           render=dict(layout="table", ticks=None, fmt="rtf")))
    A(dict(id="CZ", file="CZ_Fragebogen_Scan_2007-03.tif", style="scan_tiff", expect="return",
           country="Czech Republic", lang="de", rtype=PS, date=(2007, 3, 27), date_form=1, date_prefix="Prag, ",
           head=["Tschechische Republik", "Ministerium des Innern", "Abteilung für Sicherheitspolitik"],
           title="Antworten zum OSZE-Fragebogen (Menschenhandel)", sign=["Ing. Petr Novák", "Abteilungsleiter"],
           coord="Erster Stellvertretender Innenminister", body="Interministerielle Koordinierungsgruppe gegen Menschenhandel",
           ministries=M_CZ, force=dict(ncm_exists="yes", ncm_type="both", ncm_interministerial="yes"),
           opts=dict(letters=True, na_style="na", yesno_case=0, qvariant=1),
           render=dict(marks=("[X]", "[ ]"), dpi=200, angle=0.8, pages="all", mono=True)))
    A(dict(id="DE-lecture", file="Skript_Verwaltungsrecht_AT_Einheit3.pdf", style="unrelated_pdf", expect="not_a_return",
           country="", lang="de"))
    A(dict(id="SI", file="SLO_Antwort_Fragebogen.docx", style="damaged", expect="error", country="Slovenia", lang="de",
           rtype=PS, date=(2007, 5, 2), date_form=1, head=["Republik Slowenien", "Innenministerium"],
           title="Antwort der Republik Slowenien", sign=["gez."], body="Interministerielle Arbeitsgruppe", ministries=M_SI,
           opts=dict(letters=True), render=dict(layout="para")))
    # ============================================================== RUSSIAN
    A(dict(id="RU", file="FW_RF_reply_OSCE_THB_questionnaire.eml", style="eml_forward", expect="return",
           country="Russian Federation", lang="ru", rtype=PS, date=(2007, 4, 26), no_date_in_body=True,
           head=["МВД России", "Департамент уголовного розыска"],
           title="Ответы РФ на вопросник ОБСЕ «Координация и отчетность в сфере противодействия торговле людьми в регионе ОБСЕ»",
           sign=["Начальник отдела", "полковник милиции А.В. Сергеев"], author="Сергеев А.В.",
           body="Межведомственная рабочая группа по противодействию торговле людьми", ministries=M_RU,
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", nap_exists="no", nap_equivalent="yes"),
           opts=dict(letters=True, na_style="na", yesno_case=0),
           render=dict(layout="para", prefix="Ответ:")))
    A(dict(id="BY", file="BY_otvet_skan.pdf", style="scan_pdf", expect="return",
           country="Belarus", lang="ru", rtype=PS, date=(2007, 3, 5), date_form=0, date_prefix="г. Минск, ",
           head=["Республика Беларусь", "Министерство внутренних дел", "Управление по противодействию торговле людьми"],
           title="Ответы на вопросник ОБСЕ", sign=["Начальник управления", "(подпись)"],
           coord="Министерство внутренних дел (национальный координатор)", body="Межведомственная рабочая группа",
           ministries=M_BY, equiv_txt="Государственная программа комплексных мер по противодействию торговле людьми на 2002–2007 годы",
           force=dict(ncm_exists="yes", ncm_type="both", ncm_interministerial="yes", nap_exists="no", nap_equivalent="yes",
                      nap_year="2002"),
           opts=dict(letters=True, na_style="na", yesno_case=0, qvariant=1, cyr_letters=False),
           render=dict(marks=("[X]", "[ ]"), dpi=150, angle=-1.3, pages="all")))
    A(dict(id="KZ", file="KZ_Voprosnik_OBSE_otvety.xlsx", style="xlsx_rows", expect="return",
           country="Kazakhstan", lang="ru", rtype=PS, date=(2007, 4, 12), date_form=1,
           head=["Республика Казахстан", "Министерство юстиции Республики Казахстан"],
           title="Вопросник ОБСЕ: ответы", author="Минюст РК",
           body="Межведомственная комиссия по вопросам борьбы с незаконным вывозом, ввозом и торговлей людьми", ministries=M_KZ,
           legal_txt="постановлением Правительства Республики Казахстан",
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", ncm_legal_basis="decree",
                      nap_exists="yes", nap_year="2006"),
           tweak=vague_ncm_year("в начале 2000-х годов"),
           opts=dict(letters=True, na_style="na", yesno_case=0),
           render=dict(hdr=["№", "Вопрос", "Ответ"], sheet="Ответы")))
    A(dict(id="KZ-cover", file="KZ_soprovoditelnoe_pismo.pdf", style="cover_letter", expect="not_a_return",
           country="Kazakhstan", lang="ru"))
    A(dict(id="KG", file="anketa_OBSE_KG_export.csv", style="survey_csv_wide", expect="return",
           country="Kyrgyzstan", lang="ru", rtype=PS, date=(2007, 5, 16),
           body="Межведомственный координационный совет по противодействию торговле людьми", ministries=M_KG,
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes"),
           opts=dict(letters=True, na_style="blank", yesno_case=0, qvariant=1),
           render=dict(meta=[("ID", "1047"), ("Дата отправки", "16.05.2007 11:32"), ("Страна", "Кыргызская Республика"),
                             ("Ведомство", "Министерство иностранных дел")])))
    A(dict(id="TJ", file="TJ_skan_str1.jpg", style="scan_jpeg_p1", expect="return",
           country="Tajikistan", lang="ru", rtype=PS, date=(2007, 4, 2), date_form=1, date_prefix="г. Душанбе, ",
           head=["Республика Таджикистан", "Министерство внутренних дел", "Отдел по борьбе с торговлей людьми"],
           title="Ответы на вопросник ОБСЕ по торговле людьми", sign=["Начальник отдела"],
           body="Межведомственная комиссия по противодействию торговле людьми", ministries=M_TJ,
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", ncm_year="2004"),
           opts=dict(letters=True, na_style="na", yesno_case=0, qvariant=1),
           render=dict(marks=("_X_", "___"), dpi=170, angle=1.6, pages="first")))
    A(dict(id="UZ", file="UZ_nota_verbalnaya_No_07-112.pdf", style="narrative_pdf", expect="return",
           country="Uzbekistan", lang="ru", rtype=PS, date=(2007, 6, 18), date_form=0, date_prefix="Вена, ", date_at_end=True,
           head=["ПОСТОЯННОЕ ПРЕДСТАВИТЕЛЬСТВО РЕСПУБЛИКИ УЗБЕКИСТАН ПРИ ОБСЕ", "Вена"], ref="№ 07-112",
           sign=["Секретариату ОБСЕ", "г. Вена"], subject_ru="В Республике Узбекистан",
           body="Межведомственная комиссия по борьбе с торговлей людьми", ministries=M_UZ,
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", nap_exists="yes", nrm_exists="no"),
           narrative=True))
    A(dict(id="TM", file="TM_otvety_voprosnik.doc", style="word97_doc", expect="return",
           country="Turkmenistan", lang="ru", rtype=PS, date=(2007, 5, 3), date_form=0, date_prefix="г. Ашхабад, ",
           head=["ТУРКМЕНИСТАН", "Министерство иностранных дел"],
           title="Ответы Туркменистана на вопросник ОБСЕ", sign=["Управление международных организаций"], author="MID TM",
           force=dict(ncm_exists="no", nap_exists="no", nap_equivalent="no", nrm_exists="no"),
           opts=dict(letters=True, na_style="na", yesno_case=0),
           render=dict(layout="para", prefix=None, ticks=None, fmt="doc")))
    A(dict(id="AM", file="AM_otvet_OBSE_2007.pdf", style="typed_inline_pdf", expect="return",
           country="Armenia", lang="ru", rtype=PS, date=(2007, 3, 20), date_form=1, date_prefix="Ереван, ",
           head=["Республика Армения", "Министерство иностранных дел"],
           title="Вопросник ОБСЕ «Координация и отчетность в сфере противодействия торговле людьми»: ответы Республики Армения",
           sign=["Секретарь Межведомственного совета"], author="MFA AM",
           body="Межведомственный совет по борьбе с торговлей людьми", ministries=M_AM,
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", ncm_year="2002", ncm_year_other=["2007"],
                      nap_exists="yes", nap_year="2007", nap_equivalent="no"),
           opts=dict(letters=True, na_style="na", yesno_case=0, qvariant=0),
           render=dict(marks=("[X]", "[ ]"), font="DejaVuMono", size=8.5)))
    A(dict(id="AZ", file="AZ_otvety_tablica.pdf", style="table_pdf", expect="return",
           country="Azerbaijan", lang="ru", rtype=PS, date=(2007, 4, 9), date_form=0, date_prefix="Баку, ",
           head=["Азербайджанская Республика", "Министерство внутренних дел", "Управление по борьбе с торговлей людьми"],
           title="Ответы Азербайджанской Республики на вопросник ОБСЕ", sign=["Национальный координатор"], author="MVD AZ",
           coord="заместитель министра внутренних дел — Национальный координатор", legal_txt="Указом Президента Азербайджанской Республики",
           force=dict(ncm_exists="yes", ncm_type="coordinator", ncm_legal_basis="decree", ncm_year="2004",
                      nap_exists="yes", nap_year="2004", nrm_exists="yes"),
           opts=dict(letters=True, na_style="na", yesno_case=0, qvariant=1),
           render=dict(hdr=["№", "Вопрос", "Ответ"], font="DejaVuSerif", size=8.5)))
    A(dict(id="MD", file="MD_otvet_voprosnik.rtf", style="rtf_form", expect="return",
           country="Moldova", lang="ru", rtype=PS, date=(2007, 5, 25), date_form=0, date_prefix="Кишинэу, ",
           head=["Республика Молдова", "Министерство иностранных дел и европейской интеграции"],
           title="Ответы Республики Молдова на вопросник ОБСЕ", sign=["Секретариат Национального комитета"], author="MAEIE",
           body="Национальный комитет по борьбе с торговлей людьми", ministries=M_MD, lead=False,
           legal_txt="Постановлением Правительства",
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", ncm_legal_basis="decree",
                      ncm_year="2001", ncm_year_other=["2005"], nap_exists="yes", nap_year="2005"),
           tweak=xref("nap_challenges", "См. ответ на вопрос 8.", drop=["nap_challenge_topics"]),
           opts=dict(letters=True, na_style="na", yesno_case=0),
           render=dict(layout="para", prefix=None, ticks=("☒", "☐"), fmt="rtf")))
    A(dict(id="UA", file="UA_vidpovid_anketa.odt", style="odt_form", expect="return",
           country="Ukraine", lang="ru", rtype=PS, date=(2007, 4, 17), date_form=0, date_prefix="Киев, ",
           head=["УКРАИНА", "Министерство Украины по делам семьи, молодежи и спорта"],
           title="Ответы на вопросник ОБСЕ", sign=["Департамент по вопросам семьи"], author="MSMS",
           body="Межведомственный совет по вопросам семьи, гендерного равенства и противодействия торговле людьми", ministries=M_UA,
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", nrm_exists="no"),
           contradict_nrm=True, tweak=contradict_nrm,
           opts=dict(letters=True, na_style="na", yesno_case=0, multi_letters=True),
           render=dict(layout="para", prefix="Ответ:", ticks=None, fmt="odt")))
    A(dict(id="MN", file="MN_otvety.docx", style="docx_form", expect="return",
           country="Mongolia", lang="ru", rtype=PC, date=(2007, 6, 5), date_form=1, date_prefix="Улан-Батор, ",
           head=["Монголия", "Министерство юстиции и внутренних дел"],
           title="Ответы Монголии на вопросник ОБСЕ", sign=["Государственный секретарь"], author="MJHA",
           body="Национальный подкомитет по борьбе с торговлей людьми", ministries=M_MN,
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", nrm_exists="no"),
           opts=dict(letters=True, na_style="na", yesno_case=0),
           render=dict(layout="table", ticks=("☒", "☐"))))
    A(dict(id="RU-court", file="protokol_sud_zasedaniya_12-214.pdf", style="unrelated_pdf", expect="not_a_return",
           country="", lang="ru"))
    # ============================================================== FRENCH
    A(dict(id="FR", file="FR_reponse_RP_OSCE.docx", style="narrative_docx", expect="return",
           country="France", lang="fr", rtype=PS, date=(2007, 5, 22), date_form=0, date_prefix="Vienne, ",
           head=["RÉPUBLIQUE FRANÇAISE", "Représentation permanente de la France auprès de l'OSCE"], ref="N° 2007-0193/RP",
           sign=["Le Représentant permanent adjoint"], author="RPFrance", subject_fr="La France",
           equiv_txt="plan de lutte contre la traite mis en œuvre par l'Office central pour la répression de la traite des êtres humains (OCRTEH)",
           thb_def="Article 225-4-1 du Code pénal : la traite des êtres humains est le fait, en échange d'une rémunération ou de tout autre avantage, de recruter une personne, de la transporter, de la transférer, de l'héberger ou de l'accueillir, pour la mettre à la disposition d'un tiers afin de permettre la commission d'infractions",
           force=dict(ncm_exists="no", nap_exists="no", nap_equivalent="yes", thb_defined="yes", nrm_exists="no"),
           tweak=xref("nap_year", "au milieu des années 2000"),
           narrative=True))
    A(dict(id="MC", file="MC_Questionnaire_OSCE_reponse.pdf", style="typed_inline_pdf", expect="return",
           country="Monaco", lang="fr", rtype=PS, date=(2007, 3, 30), date_form=0, date_prefix="Monaco, ",
           head=["PRINCIPAUTÉ DE MONACO", "Département des Relations Extérieures", "Direction des Affaires Internationales"],
           title="Questionnaire de l'OSCE sur la coordination et les rapports en matière de lutte contre la traite – Réponses",
           sign=["Le Directeur des Affaires Internationales"], author="DRE Monaco",
           coord="Directeur des Services Judiciaires", body="Comité de coordination de la lutte contre la traite", ministries=M_MC,
           force=dict(ncm_exists="yes", ncm_type="both", ncm_interministerial="yes", nap_exists="yes", nap_equivalent="yes",
                      nrm_exists="no"),
           opts=dict(letters=True, na_style="na", yesno_case=0, qvariant=1),
           render=dict(marks=("☒", "☐", "after"), font="DejaVuSans", size=9)))
    A(dict(id="BE", file="BE_reponse_questionnaire_traite.doc", style="word97_doc", expect="return",
           country="Belgium", lang="fr", rtype=PS, date=(2007, 4, 4), date_form=2, date_prefix="Bruxelles, le ",
           head=["ROYAUME DE BELGIQUE", "Service public fédéral Justice", "Service de la Politique criminelle"],
           title="Réponse de la Belgique au questionnaire OSCE « Coordination et rapports en matière de traite des êtres humains »",
           sign=["Pour le Ministre de la Justice,", "Le Directeur du Service de la Politique criminelle"], author="SPC",
           body="Cellule interdépartementale de coordination de la lutte contre la traite et le trafic des êtres humains", ministries=M_BE,
           legal_txt="par arrêté royal",
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", ncm_legal_basis="decree",
                      ncm_year="1995", ncm_year_other=["2004"], nrm_exists="yes", nrm_type="independent_rapporteur",
                      nrm_authority="legislation", nrm_year="1995", report_frequency="annual", reports_public="yes"),
           opts=dict(letters=True, na_style="na", yesno_case=0),
           render=dict(layout="para", prefix="Réponse :", ticks=None, fmt="doc")))
    A(dict(id="MA", file="MA_reponse_scan.pdf", style="scan_pdf", expect="return",
           country="Morocco", lang="fr", rtype=PC, date=(2007, 6, 1), date_form=0, date_prefix="Rabat, ",
           head=["ROYAUME DU MAROC", "Ministère des Affaires Étrangères et de la Coopération", "Direction des Affaires Juridiques et des Traités"],
           title="Réponses au questionnaire de l'OSCE sur la traite des êtres humains", sign=["Le Directeur"],
           force=dict(ncm_exists="no", nap_exists="no", nap_equivalent="no", nrm_exists="no"),
           opts=dict(letters=True, na_style="na", yesno_case=0, qvariant=0),
           render=dict(marks=("(X)", "( )"), dpi=180, angle=2.1, pages="all")))
    A(dict(id="TN", file="TN_confirmation_enquete_en_ligne.html", style="html_survey", expect="return",
           country="Tunisia", lang="fr", rtype=PC, date=(2007, 5, 22),
           body="Commission nationale de coordination en matière de lutte contre la traite", ministries=M_TN,
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", nrm_exists="no"),
           opts=dict(letters=True, na_style="blank", yesno_case=0, qvariant=1)))
    A(dict(id="DZ", file="DZ_page1.png", style="scan_png_p1", expect="return",
           country="Algeria", lang="fr", rtype=PC, date=(2007, 5, 14), date_form=2, date_prefix="Alger, le ",
           head=["RÉPUBLIQUE ALGÉRIENNE DÉMOCRATIQUE ET POPULAIRE", "Ministère des Affaires Étrangères",
                 "Direction générale des Affaires juridiques et consulaires"],
           title="Réponses au questionnaire de l'OSCE", sign=["Le Directeur général"],
           body="Comité interministériel de suivi de la lutte contre la criminalité transnationale organisée", ministries=M_DZ,
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes"),
           opts=dict(letters=True, na_style="na", yesno_case=0, qvariant=0),
           render=dict(marks=("[X]", "[ ]"), dpi=150, angle=-0.7, pages="first")))
    A(dict(id="CA", file="CAN_questionnaire_OSCE_traite_2007.csv", style="csv_rows", expect="return",
           country="Canada", lang="fr", rtype=PS, date=None,
           body="Groupe de travail interministériel sur la traite des personnes (GTITP)", ministries=M_CA,
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", ncm_year="2004",
                      nap_exists="no", nap_equivalent="yes", nrm_exists="no"),
           tweak=xref("nap_review", "Voir notre réponse à la question 7."),
           opts=dict(letters=True, na_style="na", yesno_case=1, qvariant=1),
           render=dict(hdr=["numéro", "question", "réponse"])))
    A(dict(id="VA", file="SaintSiege_note_verbale.pdf", style="narrative_pdf", expect="return",
           country="Holy See", lang="fr", rtype=PS, date=(2007, 6, 7), date_form=0, date_prefix="Vienne, ", date_at_end=True,
           head=["MISSION PERMANENTE DU SAINT-SIÈGE", "AUPRÈS DE L'OSCE", "Vienne"], ref="N. 127/07",
           sign=["Au Secrétariat de l'OSCE", "Vienne"], subject_fr="Le Saint-Siège",
           force=dict(ncm_exists="no", nap_exists="no", nap_equivalent=None, nrm_exists="no"),
           narrative=True))
    A(dict(id="AD", file="AND_questionari_resposta.odt", style="odt_form", expect="return",
           country="Andorra", lang="fr", rtype=PS, date=(2007, 4, 23), date_form=2, date_prefix="Andorre-la-Vieille, ",
           head=["Principat d'Andorra", "Govern d'Andorra", "Ministère des Affaires étrangères"],
           title="Questionnaire OSCE – traite des êtres humains : réponses de la Principauté d'Andorre",
           sign=["Le Secrétaire d'État"], author="MAE Andorra",
           coord="Secrétaire d'État à la Justice et à l'Intérieur", ministries=M_AD,
           force=dict(ncm_exists="yes", ncm_type="coordinator", nap_exists="no", nap_equivalent="no", nrm_exists="no"),
           opts=dict(letters=True, na_style="na", yesno_case=0),
           render=dict(layout="para", prefix=None, ticks=("X", "_"), fmt="odt")))
    A(dict(id="RO", file="RO_questionnaire_reponses.xlsx", style="xlsx_rows", expect="return",
           country="Romania", lang="fr", rtype=PS, date=(2007, 3, 9), date_form=1,
           head=["Roumanie – Ministère de l'Intérieur et de la Réforme administrative", "Agence nationale contre la traite des personnes (ANITP)"],
           title="Questionnaire OSCE", author="ANITP",
           coord="Directeur de l'Agence nationale contre la traite des personnes", body="Groupe interministériel de coordination",
           ministries=M_RO,
           force=dict(ncm_exists="yes", ncm_type="both", ncm_interministerial="yes", nap_exists="yes", nap_year="2006",
                      nrm_exists="yes", nrm_type="ministry_function"),
           tweak=xref("nrm_established_year", "il y a quelques années"),
           opts=dict(letters=True, na_style="na", yesno_case=0, multi_letters=True),
           render=dict(hdr=["N°", "Question", "Réponse"], sheet="Réponses")))
    A(dict(id="AL", file="ALB_reponse.rtf", style="rtf_form", expect="return",
           country="Albania", lang="fr", rtype=PS, date=(2007, 4, 27), date_form=0, date_prefix="Tirana, ",
           head=["RÉPUBLIQUE D'ALBANIE", "Ministère de l'Intérieur", "Bureau du Coordinateur national"],
           title="Réponses de l'Albanie au questionnaire de l'OSCE", sign=["Le Coordinateur national"], author="MI AL",
           coord="Vice-ministre de l'Intérieur, Coordinateur national de la lutte contre la traite",
           body="Comité national de lutte contre la traite des êtres humains", ministries=M_AL,
           force=dict(ncm_exists="yes", ncm_type="both", ncm_interministerial="yes", nap_exists="yes", nrm_exists="yes"),
           opts=dict(letters=True, na_style="na", yesno_case=2),
           render=dict(layout="table", ticks=None, fmt="rtf")))
    A(dict(id="EG", file="EG_reponses_tableau.pdf", style="table_pdf", expect="return",
           country="Egypt", lang="fr", rtype=PC, date=(2007, 6, 20), date_form=0, date_prefix="Le Caire, ",
           head=["RÉPUBLIQUE ARABE D'ÉGYPTE", "Ministère des Affaires étrangères", "Département des droits de l'homme"],
           title="Réponses de la République arabe d'Égypte au questionnaire de l'OSCE", sign=["Le Directeur du Département"],
           author="MAE EG", body="Comité national de coordination pour la lutte contre la traite des personnes", ministries=M_EG,
           legal_txt="par décret du Premier ministre",
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", ncm_legal_basis="decree", ncm_year="2007",
                      nap_exists="no", nap_equivalent="no", nrm_exists="no"),
           opts=dict(letters=True, na_style="na", yesno_case=0, qvariant=0),
           render=dict(hdr=["N°", "Question", "Réponse"], font="LibSerif", size=9.5)))
    A(dict(id="BG", file="BG_reponse_courriel.txt", style="email_txt", expect="return",
           country="Bulgaria", lang="fr", rtype=PS, date=(2007, 5, 4), no_date_in_body=True,
           email=dict(frm="Mission permanente de la République de Bulgarie <mission.bg@osce-delegations.example>",
                      to="Secrétariat OSCE – Questionnaire THB <thb-survey@osce-secretariat.example>",
                      date="Fri, 4 May 2007 11:47:30 +0200", subject="Questionnaire OSCE traite - réponse de la Bulgarie"),
           sign=["Avec nos salutations distinguées,", "Mission permanente de la République de Bulgarie auprès de l'OSCE"],
           body="Commission nationale de lutte contre la traite des êtres humains", ministries=M_BG,
           legal_txt="par la loi sur la lutte contre la traite des êtres humains",
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", ncm_legal_basis="legislation",
                      ncm_year="2004", ncm_budget="yes", nap_exists="yes", nap_year="2007"),
           opts=dict(letters=True, na_style="na", yesno_case=0, qvariant=0)))
    # ============================================================== ENGLISH
    A(dict(id="GE", file="GEO_reply_questionnaire.docx", style="docx_form", expect="return",
           country="Georgia", lang="en", rtype=PS, date=(2007, 3, 12), date_form=0, date_prefix="Tbilisi, ",
           head=["Ministry of Justice", "Secretariat of the Inter-Agency Co-ordination Council"],
           title="Reply to the OSCE questionnaire on co-ordinating and reporting on efforts to combat trafficking in human beings",
           sign=["Secretary of the Council"], author="MoJ",
           body="Inter-Agency Co-ordination Council for the Implementation of Measures against Trafficking", ministries=M_GE,
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", ncm_legal_basis="decree",
                      nap_exists="yes", nrm_exists="yes"),
           opts=dict(letters=True, na_style="na", yesno_case=0),
           render=dict(layout="para", ticks=("[x]", "[ ]"))))
    A(dict(id="IL", file="Israel_reply_note.docx", style="narrative_docx", expect="return",
           country="Israel", lang="en", rtype=PC, date=(2007, 6, 12), date_form=0, date_prefix="Vienna, ",
           head=["PERMANENT MISSION OF ISRAEL", "TO THE INTERNATIONAL ORGANIZATIONS IN VIENNA"], ref="Ref.: 2007/OSCE/88",
           sign=["Permanent Mission of Israel", "Vienna"], subject_en="Israel",
           coord="Deputy Attorney General (Criminal Matters), Ministry of Justice", ministries=M_IL,
           force=dict(ncm_exists="yes", ncm_type="coordinator", ncm_legal_basis="policy", nap_exists="yes", nap_year="2007",
                      nrm_exists="no"),
           narrative=True))
    A(dict(id="LT", file="LT_answers_table.pdf", style="table_pdf", expect="return",
           country="Lithuania", lang="en", rtype=PS, date=(2007, 2, 28), date_form=0, date_prefix="Vilnius, ",
           head=["REPUBLIC OF LITHUANIA", "MINISTRY OF THE INTERIOR", "Public Security Policy Department"],
           title="Answers of the Republic of Lithuania to the OSCE questionnaire", sign=["Head of Division"], author="VRM",
           body="Inter-institutional working group on the Programme for the Prevention and Control of Trafficking", ministries=M_LT,
           force=dict(ncm_exists="yes", ncm_type="working_group", ncm_interministerial="yes", nap_exists="no", nap_equivalent="yes",
                      nap_year="2005"),
           opts=dict(letters=True, na_style="na", yesno_case=0, qvariant=1),
           render=dict(hdr=["No.", "Question", "Answer"], font="DejaVuSans", size=8.5)))
    return P
