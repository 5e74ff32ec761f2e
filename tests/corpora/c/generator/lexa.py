# -*- coding: utf-8 -*-
"""Answer material for corpus c (invented), per answer language."""

# ---------------------------------------------------------------- ministries
# (name as written, [canonical ids]); a name with two portfolios carries both ids, first-named first
MIN = {
    "es": [
        ("Ministerio del Interior", ["interior"]),
        ("Ministerio de Justicia", ["justice"]),
        ("Ministerio de Asuntos Exteriores y de Cooperación", ["foreign_affairs"]),
        ("Ministerio de Trabajo y Asuntos Sociales", ["labour", "social"]),
        ("Ministerio de Sanidad y Consumo", ["health"]),
        ("Ministerio de Educación y Ciencia", ["education"]),
        ("Ministerio de Economía y Hacienda", ["finance"]),
        ("Ministerio de Defensa", ["defence"]),
        ("Ministerio de Cultura", ["culture"]),
        ("Fiscalía General del Estado", ["justice"]),
        ("Ministerio de la Familia, la Juventud y la Igualdad de Oportunidades", ["family"]),
        ("Ministerio de Salud y Protección Social", ["health", "social"]),
        ("Ministerio de Inmigración", ["migration"]),
    ],
    "it": [
        ("Ministero dell'Interno", ["interior"]),
        ("Ministero della Giustizia", ["justice"]),
        ("Ministero degli Affari Esteri", ["foreign_affairs"]),
        ("Ministero del Lavoro e della Previdenza Sociale", ["labour", "social"]),
        ("Ministero della Solidarietà Sociale", ["social"]),
        ("Ministero della Salute", ["health"]),
        ("Ministero della Pubblica Istruzione", ["education"]),
        ("Ministero dell'Economia e delle Finanze", ["finance"]),
        ("Ministero della Difesa", ["defence"]),
        ("Ministero per le Pari Opportunità", ["family"]),
        ("Procura Generale della Repubblica", ["justice"]),
        ("Ministero della Cultura", ["culture"]),
        ("Ministero delle Politiche per la Famiglia", ["family"]),
    ],
    "en": [
        ("Ministry of the Interior", ["interior"]),
        ("Ministry of Justice", ["justice"]),
        ("Ministry of Foreign Affairs", ["foreign_affairs"]),
        ("Ministry of Labour and Social Affairs", ["labour", "social"]),
        ("Ministry of Health", ["health"]),
        ("Ministry of Education and Science", ["education"]),
        ("Ministry of Finance", ["finance"]),
        ("Ministry of Defence", ["defence"]),
        ("Office of the Prosecutor General", ["justice"]),
        ("Ministry of Culture", ["culture"]),
        ("Ministry of Family and Youth Affairs", ["family"]),
    ],
}

MIN_COUNTRY = {
    "Switzerland": [
        ("Dipartimento federale di giustizia e polizia (DFGP)", ["justice", "interior"]),
        ("Ufficio federale di polizia (fedpol)", ["interior"]),
        ("Dipartimento federale degli affari esteri (DFAE)", ["foreign_affairs"]),
        ("Ufficio federale della migrazione (UFM)", ["migration"]),
        ("Segreteria di Stato dell'economia (SECO)", ["finance"]),
        ("Ufficio federale per l'uguaglianza fra donna e uomo", ["family"]),
        ("Ufficio federale della sanità pubblica", ["health"]),
    ],
    "San Marino": [
        ("Segreteria di Stato per gli Affari Esteri", ["foreign_affairs"]),
        ("Segreteria di Stato per gli Affari Interni", ["interior"]),
        ("Segreteria di Stato per la Giustizia", ["justice"]),
        ("Segreteria di Stato per la Sanità e la Sicurezza Sociale", ["health", "social"]),
        ("Segreteria di Stato per il Lavoro", ["labour"]),
        ("Segreteria di Stato per l'Istruzione e la Cultura", ["education", "culture"]),
    ],
    "Andorra": [
        ("Ministerio de Justicia e Interior", ["justice", "interior"]),
        ("Ministerio de Asuntos Exteriores", ["foreign_affairs"]),
        ("Ministerio de Salud, Bienestar y Trabajo", ["health", "social", "labour"]),
        ("Ministerio de Educación, Juventud y Deportes", ["education", "family"]),
        ("Ministerio de Finanzas", ["finance"]),
    ],
    "Italy": [
        ("Ministero dell'Interno", ["interior"]),
        ("Ministero della Giustizia", ["justice"]),
        ("Ministero degli Affari Esteri", ["foreign_affairs"]),
        ("Ministero della Solidarietà Sociale", ["social"]),
        ("Ministero del Lavoro e della Previdenza Sociale", ["labour", "social"]),
        ("Ministro per i Diritti e le Pari Opportunità", ["family"]),
        ("Ministero della Salute", ["health"]),
    ],
    "Spain": [
        ("Ministerio del Interior", ["interior"]),
        ("Ministerio de Justicia", ["justice"]),
        ("Ministerio de Asuntos Exteriores y de Cooperación", ["foreign_affairs"]),
        ("Ministerio de Trabajo y Asuntos Sociales", ["labour", "social"]),
        ("Ministerio de Igualdad", ["family"]),
        ("Ministerio de Sanidad y Consumo", ["health"]),
        ("Ministerio de Educación, Política Social y Deporte", ["education", "social"]),
    ],
    "United Kingdom": [
        ("Home Office", ["interior"]),
        ("Crown Prosecution Service", ["justice"]),
        ("Foreign and Commonwealth Office", ["foreign_affairs"]),
        ("Department for Children, Schools and Families", ["family", "education"]),
        ("Department of Health", ["health"]),
        ("Ministry of Justice", ["justice"]),
    ],
    "United States of America": [
        ("Department of State", ["foreign_affairs"]),
        ("Department of Justice", ["justice"]),
        ("Department of Homeland Security", ["interior"]),
        ("Department of Labor", ["labour"]),
        ("Department of Health and Human Services", ["health", "social"]),
        ("Department of Defense", ["defence"]),
        ("Department of Education", ["education"]),
    ],
    "Japan": [
        ("National Police Agency", ["interior"]),
        ("Ministry of Justice", ["justice"]),
        ("Ministry of Foreign Affairs", ["foreign_affairs"]),
        ("Ministry of Health, Labour and Welfare", ["health", "labour", "social"]),
    ],
    "Israel": [
        ("Ministry of Public Security", ["interior"]),
        ("Ministry of Justice", ["justice"]),
        ("Ministry of Foreign Affairs", ["foreign_affairs"]),
        ("Ministry of Social Affairs and Social Services", ["social"]),
        ("Ministry of Health", ["health"]),
        ("Ministry of the Interior", ["interior"]),
    ],
}

# ---------------------------------------------------------------- Q2
COORD = {
    "es": ["Secretario de Estado de Seguridad del Ministerio del Interior",
           "Director General de la Policía y de la Guardia Civil",
           "Viceministra de Justicia, designada Coordinadora Nacional por el Gobierno",
           "Subsecretario de Asuntos Exteriores (Coordinador Nacional contra la Trata)",
           "Fiscal de Sala Coordinador de Extranjería de la Fiscalía General",
           "Director de la Oficina Nacional de Lucha contra la Trata de Personas"],
    "it": ["Capo del Dipartimento per le Pari Opportunità",
           "Vice Ministro dell'Interno, Coordinatore nazionale antitratta",
           "Direttore centrale della Polizia criminale",
           "Sottosegretario di Stato agli Affari Esteri",
           "Procuratore nazionale antimafia",
           "Direttore dell'Ufficio nazionale di coordinamento contro la tratta"],
    "en": ["Deputy Minister of the Interior, appointed National Anti-Trafficking Co-ordinator",
           "Director of the National Anti-Trafficking Office",
           "State Secretary at the Ministry of Justice",
           "Head of the Organised Crime Directorate, National Police",
           "Ambassador-at-Large for Combating Trafficking in Persons",
           "Deputy Chief Cabinet Secretary"],
}
BODY = {
    "es": ["Grupo Interministerial de Coordinación contra la Trata de Seres Humanos",
           "Comisión Nacional para la Prevención y la Lucha contra la Trata de Personas",
           "Grupo de Trabajo Nacional sobre Trata de Seres Humanos",
           "Comisión Interinstitucional contra la Trata de Personas",
           "Equipo Especial Nacional contra la Trata (Task Force)",
           "Mesa Nacional de Coordinación contra la Trata"],
    "it": ["Commissione interministeriale per il sostegno alle vittime di tratta",
           "Gruppo di lavoro nazionale contro la tratta di esseri umani",
           "Comitato nazionale di coordinamento antitratta",
           "Tavolo tecnico interistituzionale sulla tratta",
           "Task force nazionale per la lotta alla tratta di persone",
           "Commissione nazionale per la prevenzione e il contrasto della tratta"],
    "en": ["Inter-Ministerial Working Group on Trafficking in Human Beings",
           "National Commission for Combating Trafficking in Persons",
           "Inter-Departmental Ministerial Group on Human Trafficking",
           "National Task Force against Trafficking in Human Beings",
           "Interagency Task Force to Monitor and Combat Trafficking",
           "Inter-Ministerial Liaison Committee on Measures to Combat Trafficking in Persons"],
}
OTHER_MECH = {
    "es": ["Oficina de coordinación adscrita a la Fiscalía General, sin rango de comisión",
           "Red informal de puntos focales en los ministerios competentes"],
    "it": ["Ufficio di coordinamento presso la Procura generale, senza natura di commissione",
           "Rete di punti di contatto designati presso le amministrazioni competenti"],
    "en": ["A co-ordination unit within the Prosecutor General's Office",
           "An informal network of focal points in the ministries concerned"],
}
EXPERTS = {
    "es": ["fiscales especializados, unidades de policía judicial y de extranjería e inspectores de trabajo",
           "mandos policiales, fiscales, trabajadores sociales y expertos de la OIM",
           "especialistas en protección de menores y psicólogos de los servicios sociales"],
    "it": ["magistrati, ufficiali di polizia giudiziaria e ispettori del lavoro",
           "operatori sociali, mediatori culturali ed esperti dell'OIM",
           "funzionari della Direzione centrale anticrimine e dell'Arma dei Carabinieri"],
    "en": ["specialised prosecutors, police investigators and labour inspectors",
           "social workers, border guards and IOM experts",
           "child-protection specialists and victim-support practitioners"],
}
Q3C_OTHER = {
    "es": ["Representantes de las comunidades autónomas y de la Federación de Municipios",
           "La Oficina del Defensor del Pueblo, en calidad de invitado permanente"],
    "it": ["Rappresentanti delle Regioni e dell'ANCI", "L'Ufficio del Difensore civico, come invitato permanente"],
    "en": ["Representatives of regional governments and the association of municipalities",
           "The Ombudsman's Office, as a permanent guest"],
}

# ---------------------------------------------------------------- Q4 instruments by legal basis
INSTR = {
    "es": {
        "legislation": ["Ley {n}/{y2}, de medidas contra la trata de seres humanos", "Ley Orgánica {n}/{y2}, de reforma del Código Penal",
                        "Ley de Extranjería (Ley {n}/{y2})"],
        "decree": ["Real Decreto {n}/{y2}", "Decreto del Gobierno n.º {n}/{y2}", "Acuerdo del Consejo de Ministros de {d} de {m} de {yx}",
                   "Orden Ministerial {n}/{y2}", "Decreto presidencial n.º {n}"],
        "policy": ["Decisión política del Gobierno, con carácter de acción recomendada", "Recomendación del Consejo de Ministros (sin rango normativo)"],
        "other": ["Protocolo de colaboración firmado entre las instituciones participantes", "Acuerdo interinstitucional de cooperación"],
    },
    "it": {
        "legislation": ["Legge n. {n} del {d} {m} {yx}", "Legge {n}/{y2} recante misure contro la tratta di persone"],
        "decree": ["Decreto del Presidente del Consiglio dei Ministri del {d} {m} {yx}", "Decreto ministeriale n. {n}/{y2}",
                   "Delibera del Consiglio dei Ministri n. {n}", "Ordinanza governativa n. {n}/{y2}", "Decreto reggenziale n. {n}/{y2}"],
        "policy": ["Decisione politica del Governo (azione raccomandata)", "Raccomandazione del Consiglio dei Ministri, priva di valore normativo"],
        "other": ["Protocollo d'intesa tra le amministrazioni interessate", "Accordo di collaborazione interistituzionale"],
    },
    "en": {
        "legislation": ["Act No. {n}/{y2} on Combating Trafficking in Human Beings", "Law of {d} {m} {yx} on the fight against trafficking in human beings"],
        "decree": ["Government Decree No. {n}/{y2}", "Cabinet Resolution No. {n}", "Ministerial Order No. {n}/{y2}", "Presidential Decree No. {n}"],
        "policy": ["A government policy decision (recommended action)", "Recommendation of the Council of Ministers, without legal force"],
        "other": ["A memorandum of understanding between the agencies concerned", "An inter-agency co-operation agreement"],
    },
}

BUDGET_COV = {
    "es": ["los gastos de funcionamiento de la secretaría técnica y la organización de reuniones y seminarios",
           "campañas de sensibilización, formación de profesionales y apoyo a centros de acogida",
           "la financiación de proyectos de ONG y la elaboración de estudios",
           "dietas de los miembros, traducciones y publicaciones"],
    "it": ["le spese di funzionamento della segreteria tecnica e l'organizzazione di riunioni",
           "campagne di sensibilizzazione, formazione degli operatori e sostegno ai centri di accoglienza",
           "il cofinanziamento dei progetti di assistenza e protezione sociale delle vittime",
           "studi e ricerche, traduzioni e pubblicazioni"],
    "en": ["the running costs of the secretariat and the organisation of meetings",
           "awareness campaigns, training of professionals and support to shelters",
           "grants to NGO projects and research",
           "staff costs, travel and publications"],
}

ACH = {
    "es": ["La elaboración y aprobación del Plan Nacional de Acción, la reforma del Código Penal para tipificar la trata como delito autónomo y la puesta en marcha de un protocolo de identificación de víctimas.",
           "Se han organizado cursos de formación para más de 600 agentes de policía, fiscales y jueces, y se ha lanzado una campaña nacional de sensibilización en prensa y televisión.",
           "Firma de acuerdos de cooperación con los países de origen, creación de una línea telefónica gratuita de atención a las víctimas y establecimiento de un mecanismo nacional de derivación.",
           "Mejora del intercambio de información entre los cuerpos policiales y adopción de un protocolo marco de protección de víctimas.",
           "Ratificación del Convenio del Consejo de Europa sobre la lucha contra la trata y aprobación de instrucciones comunes para las fuerzas de seguridad."],
    "it": ["L'elaborazione del Piano nazionale d'azione, l'introduzione del reato di tratta nel codice penale e l'adozione di linee guida per l'identificazione delle vittime.",
           "Sono stati organizzati corsi di formazione per oltre 500 operatori di polizia, magistrati e assistenti sociali ed è stata avviata una campagna nazionale di sensibilizzazione.",
           "Istituzione del Numero Verde nazionale antitratta, finanziamento di progetti di protezione sociale e firma di accordi di cooperazione con i Paesi di origine.",
           "Miglioramento dello scambio di informazioni tra le forze di polizia e adozione di un protocollo nazionale di referral.",
           "Ratifica della Convenzione del Consiglio d'Europa sulla lotta contro la tratta e adozione di istruzioni comuni per le forze dell'ordine."],
    "en": ["Drafting and adoption of the National Action Plan, amendment of the Criminal Code to create a specific offence of trafficking, and introduction of a victim-identification protocol.",
           "Training for more than 400 police officers, prosecutors and judges, and a national awareness campaign on television and in the press.",
           "Co-operation agreements with countries of origin, a free national helpline for victims and a national referral mechanism.",
           "Better information exchange between police services and a common protocol for the protection of victims.",
           "Ratification of the Council of Europe Convention on Action against Trafficking and joint instructions for law-enforcement agencies."],
}

# challenge sentences tagged with topic ids
CHAL = {
    "es": [("resources", "Insuficiencia de recursos presupuestarios y de personal especializado."),
           ("resources", "La falta de financiación estable para los programas de asistencia."),
           ("disagreement", "Falta de acuerdo entre algunos departamentos sobre el enfoque de la prostitución y su relación con la trata."),
           ("priorities", "La existencia de prioridades concurrentes, en particular la lucha contra la inmigración irregular."),
           ("coordination", "Dificultades de coordinación entre las administraciones central, autonómicas y locales."),
           ("coordination", "Escasa coordinación entre los organismos públicos y las ONG."),
           ("data", "Ausencia de datos estadísticos fiables y comparables sobre el número de víctimas."),
           ("other", "La rotación frecuente de los representantes designados por los ministerios.")],
    "it": [("resources", "Insufficienza delle risorse finanziarie e di personale specializzato."),
           ("resources", "Mancanza di finanziamenti stabili per i programmi di assistenza."),
           ("disagreement", "Mancanza di accordo tra alcune amministrazioni sull'approccio alla prostituzione e sul suo legame con la tratta."),
           ("priorities", "Priorità concorrenti, in particolare il contrasto all'immigrazione irregolare."),
           ("coordination", "Difficoltà di coordinamento tra amministrazioni centrali, regioni ed enti locali."),
           ("coordination", "Scarso coordinamento tra istituzioni pubbliche e organizzazioni non governative."),
           ("data", "Assenza di dati statistici affidabili e comparabili sul numero delle vittime."),
           ("other", "Frequente avvicendamento dei rappresentanti designati dai ministeri.")],
    "en": [("resources", "Insufficient budget and too few specialised staff."),
           ("resources", "No stable funding for assistance programmes."),
           ("disagreement", "Lack of agreement between some departments on prostitution policy and its link with trafficking."),
           ("priorities", "Competing priorities, notably the fight against irregular migration."),
           ("coordination", "Difficult co-ordination between central, regional and local authorities."),
           ("coordination", "Weak co-ordination between public bodies and NGOs."),
           ("data", "No reliable, comparable statistics on the number of victims."),
           ("other", "Frequent turnover of the representatives appointed by ministries.")],
}
NAP_CHAL = {
    "es": [("resources", "Falta de dotación presupuestaria específica para varias de las medidas previstas."),
           ("support", "Escaso apoyo político y limitada sensibilidad de la opinión pública ante el fenómeno."),
           ("coordination", "Dificultades en la coordinación entre los distintos niveles de la administración."),
           ("data", "Carencia de un sistema unificado de recogida de datos."),
           ("priorities", "Competencia con otras prioridades de la agenda de seguridad."),
           ("other", "Complejidad de los procedimientos de cooperación judicial internacional.")],
    "it": [("resources", "Mancanza di una dotazione finanziaria specifica per diverse misure previste."),
           ("support", "Scarso sostegno politico e limitata attenzione dell'opinione pubblica."),
           ("coordination", "Difficoltà di coordinamento tra i diversi livelli dell'amministrazione."),
           ("data", "Assenza di un sistema unificato di raccolta dei dati."),
           ("priorities", "Concorrenza con altre priorità dell'agenda in materia di sicurezza."),
           ("other", "Complessità delle procedure di cooperazione giudiziaria internazionale.")],
    "en": [("resources", "No specific budget allocation for several of the planned measures."),
           ("support", "Limited political support and low public awareness of the problem."),
           ("coordination", "Difficult co-ordination between the different levels of government."),
           ("data", "No unified data-collection system."),
           ("priorities", "Competition with other priorities on the security agenda."),
           ("other", "Complex procedures for international judicial co-operation.")],
}

NAP_NAME = {
    "es": ["Plan Nacional de Acción contra la Trata de Seres Humanos", "Plan Integral de Lucha contra la Trata de Seres Humanos",
           "Estrategia Nacional contra la Trata de Personas y Plan de Acción", "Programa Nacional de Prevención y Lucha contra la Trata"],
    "it": ["Piano nazionale d'azione contro la tratta di esseri umani", "Piano d'azione nazionale antitratta",
           "Strategia nazionale e Piano d'azione per la lotta alla tratta", "Programma nazionale di prevenzione e contrasto della tratta"],
    "en": ["National Action Plan to Combat Trafficking in Human Beings", "National Plan of Action against Trafficking in Persons",
           "National Strategy and Action Plan on Human Trafficking", "Action Plan for the Prevention of Trafficking in Human Beings"],
}
EQUIV = {
    "es": ["Programa nacional de protección a víctimas de trata, coordinado por el Ministerio del Interior.",
           "Conjunto de medidas incluidas en el Plan Estratégico de Ciudadanía e Integración."],
    "it": ["Programma unico di emersione, assistenza e integrazione sociale previsto dalla legge.",
           "Insieme di misure contenute nel Piano nazionale per la sicurezza."],
    "en": ["A national victim-protection programme co-ordinated by the Ministry of the Interior.",
           "Anti-trafficking measures included in the national crime-prevention strategy."],
}
DEFN = {
    "es": ["Se entiende por trata de personas la captación, el transporte, el traslado, la acogida o la recepción de personas, recurriendo a la amenaza o al uso de la fuerza u otras formas de coacción, al rapto, al fraude, al engaño, al abuso de poder o de una situación de vulnerabilidad, con fines de explotación.",
           "El artículo 318 bis del Código Penal castiga a quien, directa o indirectamente, promueva, favorezca o facilite el tráfico ilegal o la inmigración clandestina de personas con el propósito de su explotación sexual.",
           "El Código Penal castiga a quien capte, transporte, traslade, acoja o reciba a una persona empleando violencia, intimidación o engaño, con la finalidad de imponerle trabajo forzoso, explotación sexual o extracción de órganos.",
           "La legislación nacional recoge la definición del artículo 3 del Protocolo de Palermo, incorporada al Código Penal en su artículo 190."],
    "it": ["Chiunque recluta, introduce nel territorio dello Stato, trasferisce anche al di fuori di esso, trasporta, cede l'autorità sulla persona, ospita una o più persone, mediante inganno, violenza, minaccia o abuso di autorità, al fine di sottoporle a sfruttamento lavorativo, sessuale o all'accattonaggio.",
           "L'articolo 601 del codice penale punisce chiunque commette tratta di persona che si trova in condizione di schiavitù o di servitù o, al fine di ridurla in tale condizione, la induce con inganno o la costringe mediante violenza o minaccia a fare ingresso o a soggiornare nel territorio dello Stato.",
           "La definizione è quella dell'articolo 3 del Protocollo di Palermo, recepita nell'ordinamento interno con la legge di ratifica.",
           "Per tratta si intende il reclutamento, il trasporto, il trasferimento, l'alloggio o l'accoglienza di persone mediante minaccia, uso della forza o altre forme di coercizione, a fini di sfruttamento."],
    "en": ["Trafficking means the recruitment, transportation, transfer, harbouring or receipt of persons by means of the threat or use of force or other forms of coercion, of abduction, of fraud, of deception, of the abuse of power or of a position of vulnerability, for the purpose of exploitation.",
           "Section 145 of the Criminal Code makes it an offence to recruit, transport, transfer, harbour or receive a person by force, threat or deception for the purpose of sexual or labour exploitation or the removal of organs.",
           "The definition follows Article 3 of the Palermo Protocol and is transposed in the Criminal Code.",
           "A person commits trafficking if he arranges or facilitates the arrival in, travel within or departure from the country of another person intending to exploit that person."],
}
REVIEW = {
    "es": ["Mediante informes anuales de seguimiento elaborados por el grupo interministerial y presentados al Consejo de Ministros.",
           "Se ha previsto una evaluación intermedia y una evaluación final a cargo de un organismo externo independiente.",
           "Cada ministerio informa semestralmente sobre el grado de cumplimiento de las medidas que le corresponden.",
           "Hasta la fecha no se ha realizado ninguna evaluación formal; está prevista al final del periodo de vigencia del plan."],
    "it": ["Attraverso relazioni annuali di monitoraggio predisposte dal gruppo interministeriale e trasmesse al Consiglio dei Ministri.",
           "È prevista una valutazione intermedia e una valutazione finale affidate a un ente esterno indipendente.",
           "Ogni amministrazione riferisce semestralmente sullo stato di attuazione delle misure di propria competenza.",
           "Finora non è stata effettuata alcuna valutazione formale; essa è prevista alla scadenza del piano."],
    "en": ["Through annual monitoring reports prepared by the inter-ministerial group and submitted to the Government.",
           "A mid-term and a final evaluation by an independent external body are foreseen.",
           "Each ministry reports twice a year on the implementation of the measures for which it is responsible.",
           "No formal evaluation has been carried out yet; one is planned at the end of the plan period."],
}
NAP_ACH = {
    "es": ["Incorporación de las ONG a las estructuras de coordinación y definición clara de las responsabilidades de cada organismo.",
           "Aprobación de un protocolo nacional de identificación y derivación de víctimas y apertura de dos nuevos centros de acogida.",
           "Aumento del número de investigaciones y condenas por trata y mayor sensibilización de la opinión pública.",
           "Creación de un sistema de indicadores para evaluar la ejecución de las medidas."],
    "it": ["Coinvolgimento delle ONG nelle strutture di coordinamento e chiara definizione delle competenze di ciascun ente.",
           "Adozione di un protocollo nazionale di identificazione e invio delle vittime e apertura di due nuove case di accoglienza.",
           "Aumento delle indagini e delle condanne per tratta e maggiore sensibilità dell'opinione pubblica.",
           "Introduzione di un sistema di indicatori per valutare l'attuazione delle misure."],
    "en": ["NGOs brought into the co-ordination structures and each agency's responsibilities clearly defined.",
           "A national identification and referral protocol and two new shelters for victims.",
           "More investigations and convictions for trafficking and greater public awareness.",
           "A set of indicators to assess implementation of the measures."],
}
NRM_COV = {
    "es": ["la elaboración del informe anual, la recogida de datos y la contratación de un investigador",
           "los gastos de personal de la oficina del relator y la publicación de los informes"],
    "it": ["la redazione della relazione annuale, la raccolta dei dati e un ricercatore a contratto",
           "le spese di personale dell'ufficio del relatore e la pubblicazione delle relazioni"],
    "en": ["preparation of the annual report, data collection and one research post",
           "the staff costs of the rapporteur's office and the printing of reports"],
}
RECIP = {
    "es": ["Al Parlamento y al Consejo de Ministros", "Al Ministro del Interior", "A las Cortes Generales",
           "Al Gobierno y a la comisión parlamentaria competente"],
    "it": ["Al Parlamento e al Consiglio dei Ministri", "Al Ministro dell'Interno", "Al Consiglio Grande e Generale",
           "Al Governo e alla commissione parlamentare competente"],
    "en": ["To Parliament and the Council of Ministers", "To the Minister of the Interior", "To the Cabinet",
           "To the Government and the competent parliamentary committee"],
}
NRM_SUCC = {
    "es": ["Varias recomendaciones del informe se han incorporado a la reforma del Código Penal y al nuevo plan de acción.",
           "Mayor cobertura mediática del problema y aumento de las solicitudes de información de la sociedad civil.",
           "El informe ha servido de base para crear una base de datos nacional sobre víctimas."],
    "it": ["Diverse raccomandazioni della relazione sono state recepite nella riforma del codice penale e nel nuovo piano d'azione.",
           "Maggiore attenzione dei media al fenomeno e aumento delle richieste di informazioni da parte della società civile.",
           "La relazione è servita da base per l'istituzione di una banca dati nazionale sulle vittime."],
    "en": ["Several of the report's recommendations were taken up in the Criminal Code reform and the new action plan.",
           "Wider media coverage of the problem and more information requests from civil society.",
           "The report led to the creation of a national database on victims."],
}
NRM_CHAL = {
    "es": ["Dificultad para obtener datos homogéneos de las distintas fuentes y para proteger los datos personales de las víctimas.",
           "Falta de personal y de recursos para realizar investigaciones propias.",
           "Escasa colaboración de algunos organismos en el suministro de información."],
    "it": ["Difficoltà nell'ottenere dati omogenei dalle diverse fonti e nel tutelare i dati personali delle vittime.",
           "Carenza di personale e di risorse per svolgere ricerche autonome.",
           "Scarsa collaborazione di alcuni enti nella trasmissione delle informazioni."],
    "en": ["Difficulty in obtaining consistent data from different sources while protecting victims' personal data.",
           "Too few staff and resources to carry out independent research.",
           "Poor co-operation from some agencies in supplying information."],
}
Q10_OTHER = {"es": ["Investigación y recogida de datos", "Reintegración en el país de origen"],
             "it": ["Ricerca e raccolta dati", "Reinserimento nel Paese di origine"],
             "en": ["Research and data collection", "Reintegration in the country of origin"]}
Q21_OTHER = {"es": ["Retorno voluntario asistido"], "it": ["Rimpatrio volontario assistito"], "en": ["Assisted voluntary return"]}
Q17_OTHER = {"es": ["Observatorio nacional adscrito al Defensor del Pueblo"], "it": ["Osservatorio nazionale presso il Difensore civico"],
             "en": ["A national observatory attached to the Ombudsman"]}

FREQ = {
    "es": {"annual": ["Anualmente", "Una vez al año", "Con periodicidad anual"], "biannual": ["Dos veces al año", "Semestralmente"],
           "biennial": ["Cada dos años", "Bienalmente"], "irregular": ["Sin periodicidad fija", "De forma irregular"]},
    "it": {"annual": ["Annualmente", "Una volta l'anno", "Con cadenza annuale"], "biannual": ["Due volte l'anno", "Semestralmente"],
           "biennial": ["Ogni due anni", "Con cadenza biennale"], "irregular": ["Senza periodicità fissa", "In modo irregolare"]},
    "en": {"annual": ["Annually", "Once a year", "Every year"], "biannual": ["Twice a year", "Every six months"],
           "biennial": ["Every two years", "Biennially"], "irregular": ["Irregularly", "No fixed schedule"]},
}

NA = {"es": ["N/A", "No procede", "No aplica", "—", "Sin datos", "n/d", "No corresponde"],
      "it": ["N/A", "Non applicabile", "Non pertinente", "n.d.", "—", "Nessun dato", "Non ricorre"],
      "en": ["N/A", "Not applicable", "n/a", "—", "No data", "Not relevant"]}

MONTHS = {"es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
          "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
          "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

# country display names by language
CNAME = {
    "es": {"Spain": "España", "Andorra": "Andorra", "Portugal": "Portugal", "Morocco": "Marruecos", "Romania": "Rumanía",
           "Bulgaria": "Bulgaria", "Greece": "Grecia", "Cyprus": "Chipre", "Belgium": "Bélgica", "Netherlands": "los Países Bajos",
           "Georgia": "Georgia", "Lithuania": "Lituania", "Slovakia": "la República Eslovaca", "Estonia": "Estonia",
           "Denmark": "Dinamarca", "Hungary": "Hungría", "Finland": "Finlandia"},
    "it": {"Italy": "Italia", "San Marino": "Repubblica di San Marino", "Holy See": "Santa Sede", "Switzerland": "Svizzera",
           "Malta": "Malta", "Albania": "Albania", "Slovenia": "Slovenia", "Croatia": "Croazia", "Montenegro": "Montenegro",
           "Monaco": "Principato di Monaco", "Liechtenstein": "Principato del Liechtenstein", "Bosnia and Herzegovina": "Bosnia ed Erzegovina",
           "Serbia": "Repubblica di Serbia", "Austria": "Austria", "Poland": "Polonia", "Luxembourg": "Lussemburgo"},
    "en": {"United Kingdom": "the United Kingdom", "Ireland": "Ireland", "United States of America": "the United States",
           "Canada": "Canada", "Israel": "Israel", "Japan": "Japan", "Luxembourg": "Luxembourg", "Hungary": "Hungary",
           "Finland": "Finland", "Poland": "Poland"},
}
CITY = {"Spain": "Madrid", "Andorra": "Andorra la Vella", "Portugal": "Viena", "Morocco": "Viena", "Romania": "Bucarest",
        "Bulgaria": "Sofía", "Greece": "Atenas", "Cyprus": "Nicosia", "Belgium": "Viena", "Netherlands": "La Haya", "Georgia": "Tiflis",
        "Lithuania": "Vilna", "Slovakia": "Bratislava", "Estonia": "Viena", "Denmark": "Copenhague", "Hungary": "Budapest",
        "Finland": "Helsinki", "Italy": "Roma", "San Marino": "San Marino", "Holy See": "Vienna", "Switzerland": "Berna",
        "Malta": "La Valletta", "Albania": "Tirana", "Slovenia": "Lubiana", "Croatia": "Zagabria", "Montenegro": "Podgorica",
        "Monaco": "Monaco", "Liechtenstein": "Vaduz", "Bosnia and Herzegovina": "Sarajevo", "Serbia": "Belgrado", "Austria": "Vienna",
        "Poland": "Varsavia", "Luxembourg": "Luxembourg", "United Kingdom": "London", "Ireland": "Dublin",
        "United States of America": "Vienna", "Canada": "Ottawa", "Israel": "Jerusalem", "Japan": "Tokyo"}

# article used before the country name inside Italian prose
ART = {"it": {"Italy": "l'", "San Marino": "la ", "Holy See": "la ", "Switzerland": "la ", "Albania": "l'", "Slovenia": "la ",
              "Croatia": "la ", "Montenegro": "il ", "Monaco": "il ", "Liechtenstein": "il ", "Bosnia and Herzegovina": "la ",
              "Serbia": "la ", "Austria": "l'", "Poland": "la ", "Luxembourg": "il "}}
