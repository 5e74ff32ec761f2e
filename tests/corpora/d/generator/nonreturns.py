# -*- coding: utf-8 -*-
"""Documents that answer no question: annexes, law text, cover letters, unrelated PDFs."""
import render as R

NAP_CHAPTERS = [
    ("Einleitung", "Der vorliegende Auszug enthält das Kapitel Frauenhandel des Aktionsplans II der Bundesregierung. Er wird dem Fragebogen als Anlage beigefügt."),
    ("Ausgangslage", "Menschenhandel ist eine schwere Menschenrechtsverletzung. Die Zahl der polizeilich registrierten Fälle ist seit Jahren auf hohem Niveau."),
    ("Ziele des Aktionsplans", "Ziel ist eine nachhaltige Verbesserung des Opferschutzes sowie eine effektivere Strafverfolgung."),
    ("Rechtlicher Rahmen", "Die Strafvorschriften wurden 2005 neu gefasst und an internationale Vorgaben angepasst."),
    ("Prävention in den Herkunftsländern", "Gemeinsam mit Partnern in Mittel- und Osteuropa werden Aufklärungsprojekte gefördert."),
    ("Sensibilisierung der Öffentlichkeit", "Informationsmaterialien für Freier und Arbeitgeber werden weiterentwickelt."),
    ("Identifizierung der Opfer", "Für Polizei und Beratungsstellen werden gemeinsame Indikatoren erarbeitet."),
    ("Schutz und Unterstützung der Opfer", "Die Fachberatungsstellen erhalten eine verlässliche Förderung durch Bund und Länder."),
    ("Aufenthaltsrechtliche Fragen", "Die Bedenkfrist für Opfer wird auf mindestens drei Monate festgelegt."),
    ("Zeugenschutz", "Opferzeuginnen werden in gefährdeten Fällen in Zeugenschutzprogramme aufgenommen."),
    ("Strafverfolgung", "Die Zusammenarbeit zwischen Landeskriminalämtern und Staatsanwaltschaften wird gestärkt."),
    ("Vermögensabschöpfung", "Gewinne aus dem Menschenhandel sollen konsequent abgeschöpft werden."),
    ("Ausbeutung der Arbeitskraft", "Die Finanzkontrolle Schwarzarbeit wird in die Bekämpfung einbezogen."),
    ("Kinderhandel", "Besondere Schutzmaßnahmen gelten für minderjährige Betroffene."),
    ("Fortbildung", "Für Richterinnen und Richter werden Fortbildungen an der Deutschen Richterakademie angeboten."),
    ("Zusammenarbeit mit Nichtregierungsorganisationen", "Kooperationskonzepte zwischen Polizei und Beratungsstellen werden bundesweit verbreitet."),
    ("Internationale Zusammenarbeit", "Deutschland beteiligt sich an Projekten von Europarat, EU und OSZE."),
    ("Forschung und Datenlage", "Das Bundeslagebild Menschenhandel wird jährlich vom Bundeskriminalamt erstellt."),
    ("Finanzierung", "Die Maßnahmen werden aus den Haushalten der beteiligten Ressorts finanziert."),
    ("Überprüfung und Fortschreibung", "Der Aktionsplan wird nach Ablauf von fünf Jahren überprüft und fortgeschrieben."),
]


def nap_annex(path):
    p = dict(head=["Anlage 2"], title="Aktionsplan II der Bundesregierung zur Bekämpfung von Gewalt gegen Frauen – Auszug: Frauenhandel",
             author="BMFSFJ", footer="Anlage 2 – Seite {page}")
    paras = []
    for i, (h, t) in enumerate(NAP_CHAPTERS, 1):
        paras.append(("H", f"{i}. {h}"))
        paras.append(t + " " + t.split(".")[0] + " ist eine ressortübergreifende Aufgabe, an der Bund, Länder und Nichtregierungsorganisationen gemeinsam arbeiten.")
    R.pdf_prose(p, paras, path, font="LibSerif", size=11, title=p["title"])


def law_text(path):
    p = dict(head=["Anlage"], title="Strafgesetzbuch (StGB) – Auszug", author="BMJ", footer="{page}")
    paras = [("H", "§ 104a. Menschenhandel"),
             "(1) Wer eine volljährige Person mit dem Vorsatz, dass sie sexuell, durch Organentnahme oder in ihrer Arbeitskraft ausgebeutet werde, unter Einsatz unlauterer Mittel gegen die Person anwirbt, beherbergt oder sonst aufnimmt, befördert oder einem anderen anbietet oder weitergibt, ist mit Freiheitsstrafe bis zu drei Jahren zu bestrafen.",
             "(2) Unlautere Mittel sind die Täuschung über Tatsachen, die Ausnützung einer Autoritätsstellung, einer Zwangslage, einer Geisteskrankheit oder eines Zustands, der die Person wehrlos macht, die Einschüchterung und die Gewährung oder Annahme eines Vorteils für die Übergabe der Herrschaft über die Person.",
             "(3) Wer die Tat unter Einsatz von Gewalt oder gefährlicher Drohung begeht, ist mit Freiheitsstrafe von sechs Monaten bis zu fünf Jahren zu bestrafen.",
             "(4) Wer die Tat gegen eine unmündige Person begeht, ist mit Freiheitsstrafe von einem bis zu zehn Jahren zu bestrafen.",
             ("H", "§ 217. Grenzüberschreitender Prostitutionshandel"),
             "(1) Wer eine Person, mag sie auch bereits der Prostitution nachgehen, der Prostitution in einem anderen Staat als in dem, dessen Staatsangehörigkeit sie besitzt oder in dem sie ihren gewöhnlichen Aufenthalt hat, zuführt oder sie hiefür anwirbt, ist mit Freiheitsstrafe von sechs Monaten bis zu fünf Jahren zu bestrafen.",
             "(2) Wer eine Person in der Absicht, dass sie in einem anderen Staat als in dem, dessen Staatsangehörigkeit sie besitzt oder in dem sie ihren gewöhnlichen Aufenthalt hat, der Prostitution nachgehe, durch Täuschung über dieses Vorhaben verleitet oder mit Gewalt oder durch gefährliche Drohung nötigt, sich in einen anderen Staat zu begeben, ist mit Freiheitsstrafe von einem bis zu zehn Jahren zu bestrafen.",
             ("H", "Art. 2 Inkrafttreten"),
             "(1) Dieses Bundesgesetz tritt mit 1. Jänner 2006 in Kraft.",
             "(2) Mit der Vollziehung dieses Bundesgesetzes ist der Bundesminister für Justiz betraut."]
    R.pdf_prose(p, paras, path, font="LibSerif", size=10.5, title=p["title"])


def lecture(path):
    p = dict(head=["Universität – Fakultät für Rechtswissenschaften", "Lehrstuhl für Öffentliches Recht"],
             title="Vorlesung Allgemeines Verwaltungsrecht – Skript zur 3. Einheit: Der Verwaltungsakt", author="Lehrstuhl ÖR",
             footer="Skript VerwR AT – {page}")
    topics = ["Begriff des Verwaltungsakts", "Regelung", "Einzelfall", "Außenwirkung", "Nebenbestimmungen", "Bestandskraft",
              "Rücknahme und Widerruf", "Rechtsschutz", "Fallbeispiel: Gaststättenerlaubnis", "Wiederholungsfragen"]
    paras = []
    for i, t in enumerate(topics, 1):
        paras.append(("H", f"{i}. {t}"))
        paras.append(f"Der Abschnitt „{t}“ behandelt die Voraussetzungen des § 35 VwVfG. Prüfen Sie jeweils, ob eine Maßnahme einer Behörde auf unmittelbare Rechtswirkung nach außen gerichtet ist. Merke: Nicht jede behördliche Äußerung ist ein Verwaltungsakt; schlichtes Verwaltungshandeln und Realakte sind abzugrenzen.")
        if t == "Wiederholungsfragen":
            paras += ["1. Was versteht man unter Außenwirkung?", "2. Wann wird ein Verwaltungsakt bestandskräftig?",
                      "3. Ja oder nein: Ist eine Auflage selbständig anfechtbar?", "4. Nennen Sie zwei Arten von Nebenbestimmungen."]
    R.pdf_prose(p, paras, path, font="LibSans", size=10.5, title=p["title"])


def court(path):
    p = dict(head=["ПРОТОКОЛ СУДЕБНОГО ЗАСЕДАНИЯ", "по уголовному делу № 1-214/2006"], author="секретарь",
             footer="стр. {page}")
    paras = ["г. Н-ск, 12 декабря 2006 года. Районный суд в составе председательствующего судьи Иванова П.С., при секретаре Петровой А.А., с участием государственного обвинителя, подсудимого и его защитника.",
             "Судебное заседание открыто в 10 часов 00 минут. Председательствующий объявляет, какое дело подлежит рассмотрению. Секретарь докладывает о явке лиц.",
             "Подсудимому разъяснены права, предусмотренные статьей 47 УПК РФ. Вопрос: Понятны ли вам права? Ответ: Да, понятны.",
             "Государственный обвинитель излагает предъявленное обвинение по ч. 1 ст. 158 УК РФ (кража).",
             "Вопрос к подсудимому: Признаете ли вы себя виновным? Ответ: Да, признаю частично.",
             "Допрошен свидетель Сидоров В.Н. Вопрос: Где вы находились 3 марта? Ответ: На работе, на складе.",
             "Ходатайств не поступило. Суд удаляется в совещательную комнату. Приговор оглашен в 15 часов 20 минут.",
             "Председательствующий ___________   Секретарь ___________"]
    R.pdf_prose(p, paras, path, font="LibSerif", size=11, title=None)


def cover_de(p, path):
    q = dict(p)
    q.update(head=["Bundesrepublik Deutschland", "Bundesministerium für Familie, Senioren, Frauen und Jugend", "11018 Berlin"],
             date=(2007, 3, 14), date_str="Berlin, den 14. März 2007", author="BMFSFJ Ref. 402",
             sign=["Mit freundlichen Grüßen", "Im Auftrag", "gez. Dr. Brandhorst"])
    paras = ["An das", "OSZE-Sekretariat", "Büro der Sonderbeauftragten und Koordinatorin für die Bekämpfung des Menschenhandels", "Wallnerstraße 6, 1010 Wien",
             "Betreff: OSZE-Fragebogen „Koordinierung und Berichterstattung über Maßnahmen gegen den Menschenhandel“",
             "Sehr geehrte Damen und Herren,",
             "in der Anlage übersende ich Ihnen die zwischen den Ressorts abgestimmte Antwort der Bundesrepublik Deutschland auf den oben genannten Fragebogen sowie einen Auszug aus dem Aktionsplan II der Bundesregierung zur Bekämpfung von Gewalt gegen Frauen.",
             "Für Rückfragen steht Ihnen das Referat 402 gerne zur Verfügung.",
             "Anlagen: 2"]
    R.docx_prose(q, paras, path)


def cover_ru(path):
    p = dict(head=["МИНИСТЕРСТВО ЮСТИЦИИ РЕСПУБЛИКИ КАЗАХСТАН", "010000, г. Астана"], ref="№ 4-2/1187 от 12.04.2007",
             author="Минюст РК", sign=["Заместитель Министра", "(подпись)"], footer="{page}")
    paras = ["Секретариат ОБСЕ", "Бюро Специального представителя по борьбе с торговлей людьми",
             "Министерство юстиции Республики Казахстан свидетельствует свое уважение Секретариату ОБСЕ и направляет ответы Республики Казахстан на вопросник «Координация и отчетность в сфере противодействия торговле людьми в регионе ОБСЕ».",
             "Ответы на вопросы прилагаются в электронном виде (файл формата Excel).",
             "Приложение: на 3 л. в 1 экз."]
    R.pdf_prose(p, paras, path, font="DejaVuSerif", size=11, title="Сопроводительное письмо")
