# -*- coding: utf-8 -*-
"""Attachments that answer no question: an action-plan extract (it) and a rapporteur's report (ru)."""
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer
import render  # fonts

st = ParagraphStyle("a", fontName="DVS", fontSize=10, leading=13, spaceAfter=6)
sh = ParagraphStyle("h", fontName="DVSB", fontSize=13, leading=16, spaceAfter=10, alignment=1)
sb = ParagraphStyle("b", fontName="DVSB", fontSize=10.5, leading=13, spaceBefore=6, spaceAfter=4)


def _build(path, parts, title):
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=22 * mm, bottomMargin=20 * mm, title=title)
    doc.build([Paragraph(t, s) for t, s in parts])


def annex_it_nap(path):
    P = [("Allegato 1", st), ("PIANO NAZIONALE D'AZIONE CONTRO LA TRATTA E IL GRAVE SFRUTTAMENTO DEGLI ESSERI UMANI", sh),
         ("(estratto – versione di lavoro)", st),
         ("Capo I – Finalità", sb),
         ("Art. 1. Il presente Piano definisce le strategie pluriennali di intervento per la prevenzione e il contrasto del fenomeno della tratta, "
          "nonché le azioni finalizzate alla sensibilizzazione, alla prevenzione sociale e all'emersione delle vittime.", st),
         ("Art. 2. Le amministrazioni competenti assicurano il raccordo delle rispettive attività con la Cabina di regia nazionale.", st),
         ("Capo II – Prevenzione", sb),
         ("Art. 3. Sono promosse campagne informative rivolte ai Paesi di origine, in collaborazione con le organizzazioni internazionali.", st),
         ("Art. 4. Il Ministero del Lavoro rafforza i controlli ispettivi nei settori a rischio di sfruttamento lavorativo.", st),
         ("Capo III – Protezione e assistenza", sb),
         ("Art. 5. Alle vittime è garantito un programma unico di emersione, assistenza e integrazione sociale.", st),
         ("Art. 6. Il numero verde nazionale opera ventiquattro ore su ventiquattro.", st),
         ("Capo IV – Monitoraggio", sb),
         ("Art. 7. L'attuazione del Piano è verificata annualmente sulla base degli indicatori di cui all'allegato tecnico.", st)]
    _build(path, P, "Piano nazionale d'azione - estratto")


def annex_ru_report(path):
    P = [("НАЦИОНАЛЬНЫЙ ДОКЛАД", sh), ("о положении дел в сфере противодействия торговле людьми в Республике Беларусь за 2007 год", sh),
         ("Введение", sb),
         ("Настоящий доклад подготовлен во исполнение Государственной программы и содержит анализ складывающейся ситуации, "
          "основных тенденций и результатов деятельности государственных органов.", st),
         ("1. Масштаб проблемы", sb),
         ("В отчётном периоде выявлено 412 преступлений, связанных с торговлей людьми, из них 96 — по статье 181 Уголовного кодекса.", st),
         ("2. Деятельность правоохранительных органов", sb),
         ("Ликвидировано 14 преступных групп, осуществлявших вербовку граждан для сексуальной эксплуатации за рубежом.", st),
         ("3. Помощь пострадавшим", sb),
         ("Реабилитационную помощь получили 187 человек, в том числе 23 несовершеннолетних.", st),
         ("4. Международное сотрудничество", sb),
         ("Заключены соглашения с правоохранительными органами ряда государств — участников СНГ.", st),
         ("Выводы и рекомендации", sb),
         ("Рекомендуется усилить работу по профилактике и совершенствовать систему статистического учёта.", st)]
    _build(path, P, "Национальный доклад 2007")
