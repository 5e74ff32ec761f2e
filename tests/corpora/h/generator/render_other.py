# -*- coding: utf-8 -*-
"""Spreadsheet (.xlsx/.csv), retyped document (.odt/.rtf) and e-mail (.eml) renderers."""
import datetime, io, zipfile
from xml.sax.saxutils import escape
import openpyxl
from openpyxl.styles import Font, Alignment
import lang as LG
from answers import QORDER, QNUM, SECT_OF, item_text, composite

FIXED = datetime.datetime(2007, 11, 1, 9, 0, 0)


def rows_for(ret, items, qitems, mode='rows', ticks=False):
    """Generic tabular rows: (no, question/sublabel, answer)."""
    ql, lg, wq = ret['qlang'], ret['lang'], LG.Q[ret['qlang']][ret['wording']]
    out = []
    for q in QORDER:
        its = qitems.get(q, [])
        if mode == 'perq':
            out.append((QNUM[q], wq[q], composite(its, lg, ticks), SECT_OF[q], None))
            continue
        if len(its) == 1 and not its[0]['label']:
            out.append((QNUM[q], wq[q], item_text(its[0], lg, ticks), SECT_OF[q], its[0]))
            continue
        out.append((QNUM[q], wq[q], '', SECT_OF[q], None))
        for it in its:
            if it['kind'] == 'skip':
                continue
            lab = it['label'] or ''
            no = (QNUM[q] + (lab[:1] if lab[:2].endswith(')') else '')) if lab else ''
            out.append((no, lab, item_text(it, lg, ticks), SECT_OF[q], it))
    return out


def _wb_fixed(wb, ret):
    wb.properties.creator = ret.get('author', 'Utente')
    wb.properties.lastModifiedBy = ret.get('author', 'Utente')
    wb.properties.created = FIXED
    wb.properties.modified = FIXED


def xlsx(path, ret, items, qitems, o):
    wb = openpyxl.Workbook()
    _wb_fixed(wb, ret)
    ql = ret['qlang']
    L = LG.LBL[ql]
    style = o['xstyle']
    ws = wb.active
    ws.title = o.get('sheet', 'Questionario' if ql == 'it' else {'es': 'Cuestionario', 'de': 'Fragebogen', 'en': 'Questionnaire'}[ql])

    def header(ws):
        ws.append([LG.TITLE[ql]])
        ws['A1'].font = Font(bold=True)
        ws.append([L['country'], ret['country_disp']])
        ws.append([L['date'], ret.get('date_disp', '')])
        if ret.get('by'):
            ws.append([L['by'], ret['by']])
        ws.append([])
    if style == 'rows':
        header(ws)
        ws.append([L['no'], L['q'], L['answer']])
        for no, qt, ans, s, it in rows_for(ret, items, qitems, ticks=o.get('ticks', False)):
            ws.append([no, qt, ans])
        ws.column_dimensions['B'].width = 70; ws.column_dimensions['C'].width = 60
    elif style == 'tick':
        header(ws)
        yes_h, no_h = LG.YES[ql][0], LG.NO[ql][0]
        ws.append([L['no'], L['q'], yes_h, no_h, 'X', LG.SUB[ql]['remarks']])
        wq = LG.Q[ql][ret['wording']]
        for q in QORDER:
            its = qitems.get(q, [])
            if len(its) == 1 and its[0]['kind'] == 'yn' and not its[0]['label']:
                it = its[0]; ok = it['state'] == 'ok'
                ws.append([QNUM[q], wq[q], 'X' if ok and it['value'] == 'yes' else '', 'X' if ok and it['value'] == 'no' else '', '', '' if ok else it['disp']])
                continue
            ws.append([QNUM[q], wq[q]])
            for it in its:
                k = it['kind']
                if k == 'skip':
                    if it['disp']: ws.append(['', '', '', '', '', it['disp']])
                    continue
                if k == 'yn':
                    ok = it['state'] == 'ok'
                    ws.append(['', it['label'], 'X' if ok and it['value'] == 'yes' else '', 'X' if ok and it['value'] == 'no' else '', '', '' if ok else it['disp']])
                elif k in ('choice', 'multi') and it['state'] == 'ok':
                    if it['label']: ws.append(['', it['label']])
                    sel = it['value'] if k == 'multi' else [it['value']]
                    for key, lab in LG.OPT[ql][it['field']].items():
                        ws.append(['', '   ' + lab, '', '', 'X' if key in sel else ''])
                else:
                    ws.append(['', it['label'], '', '', '', it['disp']])
        ws.column_dimensions['B'].width = 70; ws.column_dimensions['F'].width = 60
    elif style == 'sheets':
        header(ws)
        ws.append([LG.SUB[ql]['remarks'], ret.get('remark', '')])
        sheets = [wb.create_sheet(LG.SECT[ql][i][:28].replace('/', '-')) for i in range(3)]
        for s in sheets:
            s.append([L['no'], L['q'], L['answer']])
            s.column_dimensions['B'].width = 70; s.column_dimensions['C'].width = 60
        for no, qt, ans, s, it in rows_for(ret, items, qitems, ticks=o.get('ticks', False)):
            sheets[s].append([no, qt, ans])
    for s in wb.worksheets:
        for row in s.iter_rows():
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical='top')
    wb.save(path)
    _fix_zip(path)


def _fix_zip(path):
    import re
    zin = zipfile.ZipFile(path)
    ents = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    zin.close()
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for n, d in ents:
            if n == 'docProps/core.xml':
                d = re.sub(rb'(<dcterms:(created|modified)[^>]*>)[^<]*', rb'\g<1>2007-11-01T09:00:00Z', d)
            zi = zipfile.ZipInfo(n, (2007, 11, 1, 9, 0, 0)); zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, d)


def csv(path, ret, items, qitems, o):
    ql = ret['qlang']
    L = LG.LBL[ql]
    lines = [[L['country'], '', ret['country_disp']], [L['date'], '', ret.get('date_disp', '')]]
    lines.append([L['no'], L['q'], L['answer']])
    for no, qt, ans, s, it in rows_for(ret, items, qitems, ticks=False):
        lines.append([no, qt, ans])

    def q(v):
        v = str(v)
        if any(ch in v for ch in ';"\n'):
            return '"' + v.replace('"', '""') + '"'
        return v
    text = '\r\n'.join(';'.join(q(v) for v in ln) for ln in lines) + '\r\n'
    if o.get('enc') == 'cp1252':
        data = text.encode('cp1252')
    else:
        data = b'\xef\xbb\xbf' + text.encode('utf-8')
    open(path, 'wb').write(data)


def doc_blocks(ret, items, qitems, o):
    """Paragraph list for retyped documents: (style, text)."""
    ql, lg = ret['qlang'], ret['lang']
    wq = LG.Q[ql][ret['wording']]
    B = [('h', x) for x in ret.get('letterhead', [])]
    if ret.get('ref'): B.append(('p', ret['ref']))
    if ret.get('place_date'): B.append(('p', ret['place_date']))
    B.append(('t', ret.get('doc_title', LG.TITLE[ql])))
    B.append(('p', '%s: %s' % (LG.LBL[ql]['country'], ret['country_disp'])))
    sect = -1
    for q in QORDER:
        if SECT_OF[q] != sect:
            sect = SECT_OF[q]
            B.append(('s', LG.SECT[ql][sect]))
        its = qitems.get(q, [])
        B.append(('q', '%s. %s' % (QNUM[q], wq[q])))
        if len(its) == 1 and not its[0]['label']:
            t = item_text(its[0], lg, o.get('ticks'))
            B.append(('a', t if t else '...'))
            continue
        for it in its:
            if it['kind'] == 'skip':
                B.append(('a', it['disp'] or '...'))
                continue
            t = item_text(it, lg, o.get('ticks'))
            if it['label']:
                B.append(('a', '%s: %s' % (it['label'], t)))
            elif t:
                B.append(('a', t))
    for x in ret.get('signature', []):
        B.append(('p', x))
    return B


def odt(path, ret, items, qitems, o, blocks=None):
    B = blocks or doc_blocks(ret, items, qitems, o)
    sty = {'h': 'Head', 't': 'Title', 's': 'Sect', 'q': 'Quest', 'a': 'Ans', 'p': 'Standard'}
    body = ''.join('<text:p text:style-name="%s">%s</text:p>' % (sty[s], escape(t)) for s, t in B)
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2">'
               '<office:automatic-styles>'
               '<style:style style:name="Head" style:family="paragraph"><style:text-properties fo:font-weight="bold" fo:font-size="11pt"/></style:style>'
               '<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="0.4cm"/><style:text-properties fo:font-weight="bold" fo:font-size="13pt"/></style:style>'
               '<style:style style:name="Sect" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.4cm"/><style:text-properties fo:font-weight="bold" fo:text-transform="uppercase"/></style:style>'
               '<style:style style:name="Quest" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.2cm"/><style:text-properties fo:font-weight="bold"/></style:style>'
               '<style:style style:name="Ans" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.8cm"/></style:style>'
               '</office:automatic-styles><office:body><office:text>' + body + '</office:text></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    meta = ('<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2"><office:meta>'
            '<meta:generator>OpenOffice.org/2.3$Win32</meta:generator></office:meta></office:document-meta>')
    with zipfile.ZipFile(path, 'w') as z:
        def add(n, d, comp=zipfile.ZIP_DEFLATED):
            zi = zipfile.ZipInfo(n, (2007, 11, 1, 9, 0, 0)); zi.compress_type = comp
            z.writestr(zi, d)
        add('mimetype', 'application/vnd.oasis.opendocument.text', zipfile.ZIP_STORED)
        add('content.xml', content); add('meta.xml', meta); add('META-INF/manifest.xml', manifest)


def _rtf_esc(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch in '\\{}': out.append('\\' + ch)
        elif o < 128: out.append(ch)
        else:
            try:
                b = ch.encode('cp1252'); out.append("\\'%02x" % b[0])
            except UnicodeEncodeError:
                out.append('\\u%d?' % (o if o < 32768 else o - 65536))
    return ''.join(out)


def rtf(path, ret, items, qitems, o, blocks=None):
    B = blocks or doc_blocks(ret, items, qitems, o)
    fmt = {'h': '\\b\\fs22 ', 't': '\\qc\\b\\fs26 ', 's': '\\b\\caps ', 'q': '\\b ', 'a': '\\li567 ', 'p': ''}
    parts = ['{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}{\\f1\\fswiss Arial;}}\\f1\\fs20\n']
    for s, t in B:
        parts.append('{\\pard %s%s\\par}\n' % (fmt[s], _rtf_esc(t)))
    parts.append('}')
    open(path, 'w', encoding='ascii').write(''.join(parts))


def eml(path, hdr, body, attach_name, attach_bytes, mime):
    from email.message import EmailMessage
    from email import policy
    m = EmailMessage(policy=policy.SMTP)
    for k, v in hdr.items():
        m[k] = v
    m.set_content(body)
    if attach_name:
        mt, st = mime.split('/')
        m.add_attachment(attach_bytes, maintype=mt, subtype=st, filename=attach_name)
    m.set_boundary('----=_Part_%s' % abs(hash(hdr['Message-ID'])) if False else '----=_NextPart_000_0007_01C81F2A.5B2C3D40')
    open(path, 'wb').write(m.as_bytes())
