# -*- coding: utf-8 -*-
"""Context paragraphs that answer no question (background, statistics, conventions): they make letters run
over several pages and put distracting years and bodies between the answers."""

FILL = dict(
    en=[
        "By way of background, our country ratified the UN Convention against Transnational Organized Crime and its Protocol to Prevent, Suppress and Punish Trafficking in Persons, especially Women and Children, in 2003, and signed the Council of Europe Convention on Action against Trafficking in Human Beings in 2005. Both instruments have shaped the domestic debate considerably.",
        "According to police statistics, 87 cases of suspected trafficking were investigated last year, compared with 64 the year before. Most identified victims were women from South-Eastern Europe exploited in the sex industry, although cases of forced labour in agriculture and construction are increasingly reported by labour inspectors.",
        "Our authorities also take part in regional initiatives, including the Stability Pact Task Force and the Council of the Baltic Sea States expert group, and have supported several projects implemented by IOM and by the OSCE field operations in the region.",
        "It should be noted that competences in this field are shared between central and local authorities, which explains why several of the measures mentioned below are implemented at local level and financed from local budgets.",
        "Non-governmental organisations run three shelters for victims, which together offer some 40 places; assistance includes accommodation, medical and psychological care, legal counselling and, where appropriate, support for voluntary return.",
        "A parliamentary inquiry held in 2001 first drew public attention to the problem; its conclusions led to amendments of the Aliens Act and of the Criminal Code.",
    ],
    de=[
        "Zum Hintergrund sei bemerkt, dass das Übereinkommen der Vereinten Nationen gegen die grenzüberschreitende organisierte Kriminalität samt Zusatzprotokoll zur Verhütung, Bekämpfung und Bestrafung des Menschenhandels im Jahr 2005 ratifiziert wurde; das Übereinkommen des Europarats zur Bekämpfung des Menschenhandels wurde 2005 unterzeichnet.",
        "Nach der polizeilichen Kriminalstatistik wurden im vergangenen Jahr 353 Ermittlungsverfahren wegen Menschenhandels zum Zweck der sexuellen Ausbeutung abgeschlossen. Die Mehrzahl der Opfer stammt aus Mittel- und Osteuropa; zunehmend werden auch Fälle der Ausbeutung der Arbeitskraft in der Gastronomie und im Baugewerbe bekannt.",
        "Die zuständigen Stellen beteiligen sich zudem an regionalen Initiativen, etwa im Rahmen des Stabilitätspakts für Südosteuropa und der Ostseeratsgruppe, und haben Projekte der IOM und der OSZE-Feldmissionen finanziell unterstützt.",
        "Es ist darauf hinzuweisen, dass die Zuständigkeiten in diesem Bereich zwischen der zentralen Ebene und den regionalen Körperschaften aufgeteilt sind; viele der unten genannten Maßnahmen werden daher auf regionaler Ebene umgesetzt und finanziert.",
        "Fachberatungsstellen in freier Trägerschaft betreiben derzeit Schutzwohnungen mit insgesamt rund 40 Plätzen. Die Betreuung umfasst Unterkunft, medizinische und psychologische Versorgung, Rechtsberatung sowie auf Wunsch die Unterstützung bei der freiwilligen Rückkehr.",
        "Bereits 1998 hatte eine parlamentarische Anfrage das Thema in die öffentliche Diskussion gebracht; in der Folge wurden das Fremdenrecht und das Strafrecht mehrfach angepasst.",
    ],
    ru=[
        "Следует отметить, что Конвенция ООН против транснациональной организированной преступности и дополняющий её Протокол о предупреждении и пресечении торговли людьми, особенно женщинами и детьми, и наказании за неё ратифицированы в 2004 году.",
        "По данным правоохранительных органов, в прошлом году было возбуждено 112 уголовных дел по статьям о торговле людьми и использовании рабского труда, что на 18 процентов больше, чем годом ранее. Большинство выявленных жертв - женщины в возрасте от 18 до 30 лет, вывезенные за рубеж с целью сексуальной эксплуатации.",
        "Компетентные органы участвуют также в региональном сотрудничестве в рамках СНГ; в 2005 году Советом глав государств СНГ утверждена Программа сотрудничества государств - участников СНГ в борьбе с торговлей людьми.",
        "При содействии Международной организации по миграции и Миссии ОБСЕ проведены семинары для судей, прокуроров и сотрудников пограничной службы, изданы методические рекомендации.",
        "Неправительственные организации содержат два реабилитационных центра для пострадавших на 30 мест; помощь включает временное размещение, медицинскую и психологическую поддержку, юридические консультации и содействие в возвращении на родину.",
        "Необходимо учитывать, что ряд мер реализуется местными исполнительными органами за счёт средств местных бюджетов.",
    ],
    fr=[
        "À titre de rappel, la Convention des Nations Unies contre la criminalité transnationale organisée et son Protocole visant à prévenir, réprimer et punir la traite des personnes ont été ratifiés en 2002, et la Convention du Conseil de l'Europe sur la lutte contre la traite des êtres humains a été signée en 2005.",
        "Selon les statistiques des services de police, 76 procédures pour traite des êtres humains ont été ouvertes l'an dernier. La majorité des victimes identifiées sont des femmes originaires d'Europe orientale et d'Afrique de l'Ouest exploitées dans la prostitution ; des cas d'exploitation par le travail dans l'agriculture et la restauration sont également signalés.",
        "Les autorités participent en outre à plusieurs initiatives régionales et soutiennent des projets mis en œuvre par l'OIM et par les opérations de terrain de l'OSCE.",
        "Trois centres d'accueil spécialisés, gérés par des associations, offrent aux victimes un hébergement, un accompagnement médical, psychologique et juridique ainsi qu'une aide au retour volontaire.",
        "Il convient de souligner que les compétences en la matière sont partagées entre l'État et les collectivités territoriales, ce qui explique que certaines mesures soient mises en œuvre au niveau local.",
    ],
    es=[
        "A modo de antecedente, cabe recordar que la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional y su Protocolo para prevenir, reprimir y sancionar la trata de personas fueron ratificados en 2003, y que el Convenio del Consejo de Europa sobre la lucha contra la trata de seres humanos se firmó en 2005.",
        "Según las estadísticas policiales, el año pasado se desarticularon 47 redes dedicadas a la trata con fines de explotación sexual y se identificó a 1.035 posibles víctimas, en su mayoría mujeres procedentes de Europa del Este, América Latina y África Occidental.",
        "Las autoridades participan asimismo en iniciativas regionales y han financiado proyectos ejecutados por la OIM y por las misiones de la OSCE sobre el terreno.",
        "Las organizaciones no gubernamentales gestionan varios centros de acogida que ofrecen alojamiento, atención sanitaria y psicológica, asesoramiento jurídico y apoyo al retorno voluntario.",
        "Conviene señalar que las competencias en esta materia están repartidas entre la Administración central y las administraciones regionales y locales, por lo que algunas de las medidas descritas se ejecutan a nivel territorial.",
        "Ya en 1999 una comisión parlamentaria había estudiado el fenómeno; sus conclusiones dieron lugar a sucesivas reformas de la Ley de Extranjería.",
    ],
    it=[
        "Si ricorda preliminarmente che la Convenzione delle Nazioni Unite contro la criminalità organizzata transnazionale e il relativo Protocollo sulla tratta di persone, in particolare donne e bambini, sono stati ratificati nel 2006, mentre la Convenzione del Consiglio d'Europa sulla lotta contro la tratta di esseri umani è stata firmata nel 2005.",
        "Secondo i dati delle forze di polizia, nell'anno trascorso sono state denunciate 318 persone per i reati di riduzione in schiavitù e tratta; le vittime identificate sono in prevalenza donne provenienti dall'Europa orientale e dall'Africa occidentale, ma aumentano i casi di sfruttamento lavorativo in agricoltura.",
        "Le autorità partecipano inoltre a iniziative regionali e hanno finanziato progetti realizzati dall'OIM e dalle missioni dell'OSCE sul terreno.",
        "Le organizzazioni del privato sociale gestiscono strutture di accoglienza che offrono alloggio, assistenza sanitaria e psicologica, consulenza legale e sostegno al rimpatrio volontario.",
        "Va sottolineato che le competenze in materia sono ripartite tra amministrazione centrale ed enti locali; alcune delle misure descritte sono pertanto attuate a livello territoriale.",
        "Già nel 1998 una modifica della legge sull'immigrazione aveva introdotto un permesso di soggiorno per motivi di protezione sociale.",
    ],
)
