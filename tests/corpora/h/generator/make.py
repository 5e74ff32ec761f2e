# -*- coding: utf-8 -*-
"""Corpus h generator: fillable forms and spreadsheets in Italian, Spanish, German (and a few English).
Usage: python generator/make.py OUTDIR --seed N   -> OUTDIR/raw/*, OUTDIR/key.jsonl"""
import sys, os, json, random, argparse, shutil, io
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lang as LG
from answers import gen, question_items
import render_pdf, render_other as RO

PARTNERS = {'Afghanistan', 'Algeria', 'Egypt', 'Israel', 'Japan', 'Jordan', 'Mongolia', 'Morocco', 'Republic of Korea', 'Thailand', 'Tunisia'}

SIG = {'it': ['Il Direttore Generale', 'Min. Plen. {n}'], 'es': ['El Director General', '{n}'], 'de': ['Mit freundlichen Grüßen', 'i. A. {n}'], 'en': ['Yours sincerely,', '{n}']}
NAMES = {'it': ['Giulia Ferraresi', 'Marco Bellandi', 'Paola Ricciotti', 'Luca Santangelo'], 'es': ['Carmen Ortega Ruiz', 'Javier Montalbán', 'Lucía Ferrer Gil'],
         'de': ['Dr. Sabine Köhler', 'Mag. Thomas Wernig', 'Andrea Brunner', 'Klaus Obermayr'], 'en': ['Siobhan Walsh', 'Peter Grant', 'Tsetseg Bold']}

# (file, country, country_disp, lang, qlang, wording, fmt, fmt-options, date(y,m,d) or None, date_style, gen-cfg, letterhead)
PDF = 'pdf'
R = [
 ('IT_Italia_questionario_compilato.pdf', 'Italy', 'Italia', 'it', 'it', 0, PDF, dict(gran='perq', layout='two_col', need_app=True), (2007, 10, 22), 0,
  dict(force={'ncm_exists': 'yes', 'nap_exists': 'yes'}, xref={'nap_challenges': 8}), ['Presidenza del Consiglio dei Ministri', 'Dipartimento per i Diritti e le Pari Opportunità']),
 ('SM_questionario_OSCE_tratta.pdf', 'San Marino', 'Repubblica di San Marino', 'it', 'it', 1, PDF,
  dict(gran='sub', layout='stacked', names='generic', yn_w='cb', choice_w='cb', multi_w='cb', export='Sì', need_app=True), (2007, 11, 5), 1,
  dict(na={'ncm_budget_covers', 'nrm_budget'}), ['Segreteria di Stato per gli Affari Esteri e Politici']),
 ('Santa_Sede_risposta_OSCE.pdf', 'Holy See', 'Santa Sede', 'it', 'it', 1, PDF,
  dict(gran='sub', layout='two_col', yn_w='radio', choice_w='combo', multi_w='cb', export='X', need_app=True), (2007, 10, 30), 0,
  dict(force={'ncm_exists': 'no', 'nap_exists': 'no', 'nap_equivalent': 'no', 'nrm_exists': 'no'}), ['Missione Permanente della Santa Sede presso l\'OSCE']),
 ('SLO_questionario_stampato.pdf', 'Slovenia', 'Slovenia', 'it', 'it', 0, PDF,
  dict(gran='sub', layout='stacked', yn_w='cb', choice_w='cb', multi_w='cb', variant='flat'), (2007, 11, 14), 1, dict(blank={'nrm_success'}),
  ['Repubblica di Slovenia', 'Ministero dell\'Interno - Ufficio del Coordinatore nazionale']),
 ('Albania_OSCE_THB_questionnaire_IT.pdf', 'Albania', 'Albania', 'it', 'en', 0, PDF,
  dict(gran='sub', layout='two_col', yn_w='cb', choice_w='text', multi_w='text', export='X', need_app=True), (2007, 10, 19), 0, dict(na={'nap_review'}),
  ['Repubblica d\'Albania', 'Ministero dell\'Interno']),
 ('ES_cuestionario_OSCE_trata_2007.pdf', 'Spain', 'España', 'es', 'es', 0, PDF,
  dict(gran='sub', layout='two_col', yn_w='radio', choice_w='combo', multi_w='cb', export='Sí', need_app=True), (2007, 10, 15), 0,
  dict(force={'ncm_exists': 'yes', 'nap_exists': 'yes', 'nrm_exists': 'yes', 'nap_year': '2006', 'report_frequency': 'annual'}), ['MINISTERIO DEL INTERIOR', 'Secretaría de Estado de Seguridad']),
 ('ES_cuestionario_OSCE_trata_2007_REV.pdf', 'Spain', 'España', 'es', 'es', 0, PDF,
  dict(gran='sub', layout='two_col', yn_w='radio', choice_w='combo', multi_w='cb', export='Sí', need_app=True), (2007, 11, 28), 0,
  dict(force={'ncm_exists': 'yes', 'nap_exists': 'yes', 'nrm_exists': 'yes', 'nap_year': '2007', 'report_frequency': 'biennial'}), ['MINISTERIO DEL INTERIOR', 'Secretaría de Estado de Seguridad', 'VERSIÓN CORREGIDA (sustituye a la remitida el 15/10/2007)']),
 ('Andorra_questionari_OSCE.pdf', 'Andorra', 'Principado de Andorra', 'es', 'es', 1, PDF,
  dict(gran='sub', layout='stacked', names='generic', yn_w='cb', choice_w='cb', multi_w='cb', export='X', need_app=True), (2007, 11, 2), 1,
  dict(na={'ncm_civil_society_share', 'nrm_success'}), ['Govern d\'Andorra', 'Ministeri d\'Afers Exteriors']),
 ('PT_OSCE_questionnaire_respuestas.pdf', 'Portugal', 'Portugal', 'es', 'en', 1, PDF,
  dict(gran='perq', layout='two_col', names='generic', need_app=True), (2007, 10, 26), 1, dict(),
  ['Missão Permanente de Portugal junto da OSCE']),
 ('Marruecos_cuestionario_OSCE.pdf', 'Morocco', 'Reino de Marruecos', 'es', 'es', 0, PDF,
  dict(gran='sub', layout='two_col', yn_w='text', choice_w='text', multi_w='text', variant='no_ap', need_app=True), (2007, 12, 3), 0, dict(),
  ['Reino de Marruecos', 'Ministerio de Justicia']),
 ('DE_Fragebogen_OSZE_Menschenhandel.pdf', 'Germany', 'Bundesrepublik Deutschland', 'de', 'de', 0, PDF,
  dict(gran='sub', layout='stacked', yn_w='cb', choice_w='list', multi_w='cb', export='Ja', need_app=True), (2007, 10, 31), 0,
  dict(force={'ncm_exists': 'yes'}, vague={'ncm_established_year'}), ['Bundesministerium für Familie, Senioren, Frauen und Jugend', 'Referat 403']),
 ('AT_Fragebogen_BMI_ausgefuellt.pdf', 'Austria', 'Österreich', 'de', 'de', 1, PDF,
  dict(gran='sub', layout='two_col', names='generic', yn_w='radio', radio_vals='generic', choice_w='cb', multi_w='cb', export='1', need_app=True), (2007, 11, 7), 1,
  dict(contradict=True), ['Bundesministerium für europäische und internationale Angelegenheiten', 'Task Force Menschenhandel']),
 ('CH_Fragebogen_OSZE_THB.pdf', 'Switzerland', 'Schweiz', 'de', 'de', 0, PDF,
  dict(gran='sub', layout='two_col', yn_w='text', choice_w='text', multi_w='text', variant='no_v', need_app=False), (2007, 11, 9), 1, dict(),
  ['Schweizerische Eidgenossenschaft', 'Eidgenössisches Justiz- und Polizeidepartement EJPD', 'KSMM']),
 ('LI_Fragebogen_ausgefuellt.pdf', 'Liechtenstein', 'Fürstentum Liechtenstein', 'de', 'de', 1, PDF,
  dict(gran='sub', layout='two_col', yn_w='cb', choice_w='combo', multi_w='cb', export='Ja', need_app=True), (2007, 10, 12), 0, dict(na={'nap_review'}),
  ['Regierung des Fürstentums Liechtenstein', 'Ressort Justiz']),
 ('LU_Fragebogen_OSZE.pdf', 'Luxembourg', 'Luxemburg', 'de', 'de', 0, PDF,
  dict(gran='perq', layout='stacked', need_app=False), (2007, 11, 20), 0, dict(), ['Ministère de l\'Égalité des chances', 'Großherzogtum Luxemburg']),
 ('IE_OSCE_questionnaire_reply.pdf', 'Ireland', 'Ireland', 'en', 'en', 0, PDF,
  dict(gran='sub', layout='two_col', yn_w='cb', choice_w='radio', multi_w='cb', export='On', need_app=True), (2007, 10, 29), 0, dict(na={'nrm_budget_covers'}),
  ['Department of Justice, Equality and Law Reform', 'Anti-Human Trafficking Unit']),
 ('CZ_questionnaire_Antworten_DE.pdf', 'Czech Republic', 'Tschechische Republik', 'de', 'en', 0, PDF,
  dict(gran='perq', layout='two_col', need_app=True), (2007, 11, 16), 1, dict(), ['Ministerium des Innern der Tschechischen Republik']),
 ('HR_Fragebogen_OSZE.pdf', 'Croatia', 'Republik Kroatien', 'de', 'de', 1, PDF,
  dict(gran='sub', layout='stacked', yn_w='radio', choice_w='radio', multi_w='cb', export='Ja', need_app=True), (2007, 11, 1), 0,
  dict(force={'ncm_exists': 'yes', 'ncm_civil_society': 'yes'}, vague={'ncm_civil_society_share'}), ['Regierung der Republik Kroatien', 'Büro für Menschenrechte']),
 ('MNE_questionario_OSCE.pdf', 'Montenegro', 'Montenegro', 'it', 'it', 0, PDF,
  dict(gran='perq', layout='stacked', names='generic', need_app=True), (2007, 12, 4), 1, dict(), ['Governo del Montenegro', 'Ufficio del Coordinatore nazionale']),
 # spreadsheets
 ('HU_Fragebogen_OSZE.xlsx', 'Hungary', 'Ungarn', 'de', 'de', 0, 'xlsx', dict(xstyle='rows'), (2007, 10, 25), 1, dict(na={'nrm_challenges'}, abbr=True, force={'ncm_exists': 'yes', 'ncm_interministerial': 'yes'}), []),
 ('PL_Fragebogen_Ankreuzliste.xlsx', 'Poland', 'Polen', 'de', 'de', 1, 'xlsx', dict(xstyle='tick'), (2007, 11, 13), 1, dict(), []),
 ('Monaco_questionario_sezioni.xlsx', 'Monaco', 'Principato di Monaco', 'it', 'it', 1, 'xlsx', dict(xstyle='sheets'), (2007, 11, 6), 0, dict(), []),
 ('Malta_THB_questionnaire.xlsx', 'Malta', 'Malta', 'it', 'en', 0, 'xlsx', dict(xstyle='rows'), (2007, 10, 18), 0,
  dict(force={'ncm_exists': 'yes', 'nap_exists': 'yes'}, xref={'nap_challenges': 8}), []),
 ('Mongolia_questionnaire_reply.xlsx', 'Mongolia', 'Mongolia', 'en', 'en', 0, 'xlsx', dict(xstyle='tick'), (2007, 12, 10), 0, dict(na={'thb_definition'}), []),
 ('LT_Fragebogen_Abschnitte.xlsx', 'Lithuania', 'Litauen', 'de', 'de', 0, 'xlsx', dict(xstyle='sheets', ticks=True), (2007, 11, 22), 1, dict(), []),
 ('SK_Fragebogen_Export.csv', 'Slovakia', 'Slowakische Republik', 'de', 'de', 1, 'csv', dict(enc='utf-8-sig'), (2007, 11, 8), 1, dict(na={'nap_review', 'nrm_budget_covers'}), []),
 ('RO_questionario_export.csv', 'Romania', 'Romania', 'it', 'it', 0, 'csv', dict(enc='utf-8-sig'), (2007, 10, 24), 1, dict(), []),
 ('BG_cuestionario_trata.csv', 'Bulgaria', 'Bulgaria', 'es', 'es', 0, 'csv', dict(enc='cp1252'), (2007, 11, 19), 1, dict(), []),
 ('EE_cuestionario_export.csv', 'Estonia', 'Estonia', 'es', 'es', 1, 'csv', dict(enc='utf-8-sig'), (2007, 11, 26), 1, dict(blank={'nrm_success', 'nrm_challenges'}), []),
 # retyped documents
 ('GR_questionario_OSCE.odt', 'Greece', 'Grecia', 'it', 'it', 0, 'odt', dict(ticks=True), (2007, 11, 12), 0, dict(na={'ncm_budget_covers'}, abbr=True, force={'ncm_exists': 'yes', 'ncm_interministerial': 'yes'}),
  ['Repubblica Ellenica', 'Ministero degli Affari Esteri', 'Rappresentanza Permanente presso l\'OSCE - Vienna']),
 ('Israel_cuestionario_OSCE.odt', 'Israel', 'Israel', 'es', 'es', 1, 'odt', dict(), (2007, 12, 6), 0, dict(), ['Estado de Israel', 'Ministerio de Justicia']),
 ('NL_Fragebogen_OSZE.odt', 'Netherlands', 'Niederlande', 'de', 'de', 0, 'odt', dict(), (2007, 11, 15), 0,
  dict(force={'ncm_exists': 'yes', 'nap_exists': 'yes'}, xref={'nap_achievements': 7}), ['Königreich der Niederlande', 'Ministerium für Justiz']),
 ('KZ_Fragebogen_OSZE.rtf', 'Kazakhstan', 'Republik Kasachstan', 'de', 'de', 1, 'rtf', dict(ticks=True), (2007, 12, 1), 1,
  dict(force={'nap_exists': 'yes'}, vague={'nap_year'}), ['Ständige Vertretung der Republik Kasachstan bei der OSZE']),
 ('Japan_reply_OSCE_questionnaire.rtf', 'Japan', 'Japan', 'en', 'en', 1, 'rtf', dict(), (2007, 11, 30), 0, dict(na={'ncm_civil_society_share'}), ['Permanent Mission of Japan to the International Organizations in Vienna']),
 ('CY_cuestionario_OSCE.rtf', 'Cyprus', 'Chipre', 'es', 'es', 0, 'rtf', dict(ticks=True), (2007, 11, 21), 0, dict(abbr=True, force={'ncm_exists': 'yes', 'ncm_interministerial': 'yes'}), ['República de Chipre', 'Ministerio del Interior']),
 # e-mails
 ('RS_Antwort_Fragebogen.eml', 'Serbia', 'Republik Serbien', 'de', 'de', 0, 'eml_xlsx', dict(xstyle='rows'), None, 0, dict(), []),
 ('BiH_risposta_questionario.eml', 'Bosnia and Herzegovina', 'Bosnia ed Erzegovina', 'it', 'it', 0, 'eml_pdf',
  dict(gran='sub', layout='two_col', yn_w='cb', choice_w='combo', multi_w='cb', export='Sì', need_app=True), (2007, 11, 23), 0, dict(), ['Ministero della Sicurezza di Bosnia ed Erzegovina']),
]


def build(out, seed):
    raw = os.path.join(out, 'raw')
    if os.path.isdir(raw): shutil.rmtree(raw)
    os.makedirs(raw)
    keys = []
    for idx, (fn, country, cdisp, lg, ql, wording, fmt, o, date, dstyle, gcfg, lh) in enumerate(R):
        # same seed for a corrected return and its original -> same base answers
        base = fn.replace('_REV', '')
        rng = random.Random('%d|%s' % (seed, base))
        gcfg = dict(gcfg); gcfg['qlang'] = ql
        items, fields, review = gen(rng, lg, gcfg)
        qi = question_items(items)
        name = rng.choice(NAMES[lg])
        ret = dict(qlang=ql, lang=lg, wording=wording, country_disp=cdisp, letterhead=lh, by=name,
                   date_disp=LG.fmt_date(lg, *date, dstyle) if date else '',
                   signature=[x.format(n=name) for x in SIG[lg]], author=name)
        if date:
            place = {'it': 'Roma', 'es': 'Madrid', 'de': 'Wien', 'en': 'Vienna'}[lg]
            ret['place_date'] = '%s, %s' % (place, ret['date_disp'])
        path = os.path.join(raw, fn)
        entry = dict(file=fn, expect='return', country=country, language=lg, style='')
        if fmt == PDF:
            render_pdf.render(path, ret, items, qi, o)
            entry['style'] = 'pdf_form_' + ('flattened' if o.get('variant') == 'flat' else
                                           'no_appearance' if o.get('variant') == 'no_ap' else
                                           'appearance_no_value' if o.get('variant') == 'no_v' else
                                           ('one_field_per_question' if o['gran'] == 'perq' else
                                            'subfields_yn-%s_choice-%s' % (o['yn_w'], o['choice_w'])))
            if o.get('names') == 'generic': entry['style'] += '_generic_names'
        elif fmt == 'xlsx':
            RO.xlsx(path, ret, items, qi, o); entry['style'] = 'xlsx_' + o['xstyle']
        elif fmt == 'csv':
            RO.csv(path, ret, items, qi, o); entry['style'] = 'csv_' + ('cp1252' if o['enc'] == 'cp1252' else 'utf8_bom')
        elif fmt == 'odt':
            RO.odt(path, ret, items, qi, o); entry['style'] = 'odt_retyped'
        elif fmt == 'rtf':
            RO.rtf(path, ret, items, qi, o); entry['style'] = 'rtf_retyped'
        elif fmt.startswith('eml'):
            tmp = io.BytesIO()
            if fmt == 'eml_xlsx':
                ap = path + '.tmp.xlsx'; RO.xlsx(ap, ret, items, qi, o)
                an, mime = 'Fragebogen_OSZE_Menschenhandel_RS.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
                hdr = {'From': 'Stalna misija Republike Srbije <misija.obs@example.rs>', 'To': 'thb-questionnaire@example.org',
                       'Subject': 'OSZE-Fragebogen Menschenhandel - Antwort der Republik Serbien', 'Date': 'Mon, 12 Nov 2007 14:32:07 +0100',
                       'Message-ID': '<20071112143207.4411@example.rs>'}
                body = ('Sehr geehrte Damen und Herren,\n\nanbei übermitteln wir die Antworten der Republik Serbien auf den Fragebogen '
                        '"Koordinierung und Berichterstattung über Maßnahmen zur Bekämpfung des Menschenhandels im OSZE-Raum" (Excel-Datei).\n\n'
                        'Mit freundlichen Grüßen\n%s\nStändige Vertretung der Republik Serbien bei der OSZE\n' % name)
                fields['submitted_on'] = '2007-11-12'
            else:
                ap = path + '.tmp.pdf'; render_pdf.render(ap, ret, items, qi, o)
                an, mime = 'Questionario_OSCE_tratta_BiH.pdf', 'application/pdf'
                hdr = {'From': 'Ministero della Sicurezza BiH <thb.coord@example.ba>', 'To': 'thb-questionnaire@example.org',
                       'Subject': 'Risposta al questionario OSCE sulla tratta di esseri umani', 'Date': 'Fri, 23 Nov 2007 10:05:44 +0100',
                       'Message-ID': '<4746B2C8.1020304@example.ba>'}
                body = ('Gentili Signori,\n\nin allegato trasmettiamo il questionario compilato (modulo PDF) a nome della Bosnia ed Erzegovina.\n\n'
                        'Distinti saluti\n%s\nUfficio del Coordinatore nazionale per la lotta alla tratta\n' % name)
            data = open(ap, 'rb').read(); os.remove(ap)
            RO.eml(path, hdr, body, an, data, mime)
            entry['style'] = 'eml_with_' + ('xlsx' if fmt == 'eml_xlsx' else 'pdf_form')
        fields['country'] = country
        fields['respondent_type'] = 'partner_for_cooperation' if country in PARTNERS else 'participating_state'
        fields['language'] = lg
        if date:
            fields['submitted_on'] = '%04d-%02d-%02d' % date
        if ql != lg:
            entry['style'] += '+en_questions'
        if fn.endswith('_REV.pdf'):
            entry['supersedes'] = base
        entry['fields'] = dict(sorted(fields.items()))
        entry['review_fields'] = review
        keys.append(entry)
    # duplicate, damaged file, annexes
    dup_src = 'HU_Fragebogen_OSZE.xlsx'
    shutil.copyfile(os.path.join(raw, dup_src), os.path.join(raw, 'Kopie von HU_Fragebogen_OSZE.xlsx'))
    src = [k for k in keys if k['file'] == dup_src][0]
    keys.append(dict(src, file='Kopie von HU_Fragebogen_OSZE.xlsx', expect='duplicate', duplicate_of=dup_src))
    # damaged: a Belgian form cut off in transfer
    tmp = os.path.join(raw, '_be.pdf')
    rng = random.Random('%d|BE' % seed)
    items, fields, review = gen(rng, 'de', {'qlang': 'de'})
    ret = dict(qlang='de', lang='de', wording=0, country_disp='Königreich Belgien', letterhead=['Föderaler Öffentlicher Dienst Inneres'], by='', date_disp='05.11.2007', signature=[])
    render_pdf.render(tmp, ret, items, question_items(items), dict(gran='sub', layout='two_col', yn_w='cb', choice_w='cb', multi_w='cb', export='Ja', need_app=True))
    data = open(tmp, 'rb').read(); os.remove(tmp)
    open(os.path.join(raw, 'BE_Fragebogen_OSZE_beschaedigt.pdf'), 'wb').write(data[:len(data) * 2 // 5])
    keys.append(dict(file='BE_Fragebogen_OSZE_beschaedigt.pdf', expect='error', country='Belgium', language='de', style='pdf_truncated', fields={}, review_fields=[]))
    annex_pdf(os.path.join(raw, 'Allegato_Piano_Nazionale_Azione_tratta.pdf'))
    keys.append(dict(file='Allegato_Piano_Nazionale_Azione_tratta.pdf', expect='not_a_return', country='Italy', language='it', style='annex_action_plan_pdf', fields={}, review_fields=[]))
    annex_odt(os.path.join(raw, 'Anlage_Lagebild_Menschenhandel_Auszug.odt'))
    keys.append(dict(file='Anlage_Lagebild_Menschenhandel_Auszug.odt', expect='not_a_return', country='Germany', language='de', style='annex_report_odt', fields={}, review_fields=[]))
    keys.sort(key=lambda k: k['file'])
    with open(os.path.join(out, 'key.jsonl'), 'w', encoding='utf-8') as f:
        for k in keys:
            f.write(json.dumps(k, ensure_ascii=False) + '\n')
    return keys


def annex_pdf(path):
    from reportlab.pdfgen import canvas
    from reportlab.lib.utils import simpleSplit
    c = canvas.Canvas(path, invariant=1)
    c.setTitle('Piano nazionale d\'azione contro la tratta - estratto')
    txt = [('Helvetica-Bold', 'PIANO NAZIONALE D\'AZIONE CONTRO LA TRATTA E IL GRAVE SFRUTTAMENTO DEGLI ESSERI UMANI'), ('Helvetica', 'Estratto - Allegato alla risposta al questionario OSCE'),
           ('Helvetica-Bold', '1. Premessa'), ('Helvetica', 'Il presente Piano definisce le linee di intervento delle amministrazioni centrali e degli enti territoriali in materia di prevenzione, contrasto, protezione e assistenza alle vittime. Esso si articola in quattro assi e prevede un sistema di monitoraggio affidato a un comitato tecnico.'),
           ('Helvetica-Bold', '2. Asse I - Prevenzione'), ('Helvetica', 'Campagne di informazione nei Paesi di origine; formazione degli operatori; collaborazione con le associazioni di categoria per prevenire lo sfruttamento lavorativo.'),
           ('Helvetica-Bold', '3. Asse II - Protezione e assistenza'), ('Helvetica', 'Programmi di assistenza e integrazione sociale; rafforzamento del numero verde; accoglienza in strutture protette; rimpatrio volontario assistito.'),
           ('Helvetica-Bold', '4. Asse III - Repressione'), ('Helvetica', 'Potenziamento delle squadre investigative specializzate e dello scambio di informazioni con le autorità giudiziarie estere.')]
    y = 790
    for font, t in txt:
        for ln in simpleSplit(t, font, 10, 490):
            c.setFont(font, 10); c.drawString(50, y, ln); y -= 13
        y -= 6
    c.showPage(); c.save()


def annex_odt(path):
    blocks = [('t', 'Lagebild Menschenhandel 2006 (Auszug)'), ('p', 'Anlage zur Antwort auf den OSZE-Fragebogen'),
              ('s', '1. Vorbemerkung'), ('a', 'Das Lagebild beruht auf den abgeschlossenen Ermittlungsverfahren der Polizeien des Bundes und der Länder.'),
              ('s', '2. Ermittlungsverfahren'), ('a', 'Im Berichtsjahr wurden 353 Ermittlungsverfahren wegen Menschenhandels zum Zweck der sexuellen Ausbeutung abgeschlossen. Die Zahl der ermittelten Opfer lag bei 775.'),
              ('s', '3. Herkunft der Opfer'), ('a', 'Die meisten Opfer stammten aus Mittel- und Osteuropa; ein wachsender Anteil deutscher Staatsangehöriger ist festzustellen.')]
    RO.odt(path, None, None, None, None, blocks=blocks)


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('out'); ap.add_argument('--seed', type=int, default=7)
    a = ap.parse_args()
    ks = build(a.out, a.seed)
    print(len(ks), 'files')
