# -*- coding: utf-8 -*-
"""AcroForm PDF renderer (reportlab acroform + pypdf post-processing) and its flattened variant."""
import io
from reportlab.pdfgen import canvas
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
import pypdf
from pypdf.generic import NameObject, BooleanObject, TextStringObject
import lang as LG
from answers import QORDER, QNUM, SECT_OF

W, H = A4
LONG = {'q7', 'q8', 'q11d', 'q13', 'q14', 'q15', 'q22', 'q23', 'q5b', 'q20b'}
GEN = {'it': ('Testo{}', 'Casella di controllo {}', 'Gruppo{}', 'Elenco a discesa{}'),
       'es': ('Campo de texto {}', 'Casilla de verificación {}', 'Grupo{}', 'Lista desplegable{}'),
       'de': ('Textfeld {}', 'Kontrollkästchen{}', 'Optionsfeld{}', 'Dropdown{}'),
       'en': ('Text{}', 'Check Box{}', 'Group{}', 'Dropdown{}')}
GENRADIO = {'it': 'Scelta{}', 'es': 'Opción{}', 'de': 'Auswahl{}', 'en': 'Choice{}'}
PFX = {'it': 'D', 'es': 'P', 'de': 'F', 'en': 'Q'}


class Form:
    def __init__(self, path, ret, o):
        self.o, self.ret = o, ret
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=A4, invariant=1)
        self.c.setTitle(ret.get('doc_title', LG.TITLE[ret['qlang']]))
        self.c.setAuthor(ret.get('author', ''))
        self.flat = o.get('variant') == 'flat'
        self.y = H - 50
        self.page = 1
        self.cnt = [0, 0, 0, 0]
        self.texts = []      # (name, value, w, h)
        self.boxes = []      # checkbox names
        self.path = path
        self.ql = ret['qlang']

    # ---------- naming
    def name(self, kind, meaningful):
        k = {'text': 0, 'cb': 1, 'radio': 2, 'combo': 3}[kind]
        self.cnt[k] += 1
        if self.o.get('names') == 'generic':
            return GEN[self.ql][k].format(self.cnt[k])
        return meaningful

    # ---------- layout
    def newpage(self):
        self.c.setFont('Helvetica', 8)
        self.c.drawCentredString(W / 2, 25, '- %d -' % self.page)
        self.c.showPage()
        self.page += 1
        self.y = H - 50
        if self.ret.get('running_head'):
            self.c.setFont('Helvetica-Oblique', 7.5)
            self.c.drawString(50, H - 30, self.ret['running_head'])

    def ensure(self, h):
        if self.y - h < 50:
            self.newpage()

    def para(self, text, font='Helvetica', size=9, width=None, x=50, lead=None):
        width = width or (W - 100)
        lead = lead or size + 2
        lines = simpleSplit(text, font, size, width)
        self.ensure(len(lines) * lead)
        self.c.setFont(font, size)
        for ln in lines:
            self.y -= lead
            self.c.drawString(x, self.y, ln)
        return len(lines) * lead

    # ---------- widgets
    def textw(self, nm, value, x, y, w, h):
        value = value or ''
        if self.flat:
            self.c.setStrokeGray(0.5); self.c.rect(x, y, w, h)
            self.c.setFont('Helvetica', 9)
            yy = y + h - 11
            for ln in simpleSplit(value, 'Helvetica', 9, w - 6):
                self.c.drawString(x + 3, yy, ln); yy -= 11
            return
        ml = h > 20
        self.c.acroForm.textfield(name=nm, value=value, x=x, y=y, width=w, height=h, fontName='Helvetica', fontSize=9,
                                  fieldFlags='multiline' if ml else '', maxlen=None, borderWidth=0.5,
                                  fillColor=None if self.o.get('nofill') else _light(), tooltip=self.o.get('tooltip_prefix', '') + nm)
        self.texts.append((nm, value, w, h))

    def cbw(self, nm, checked, x, y, label):
        if self.flat:
            self.c.setStrokeGray(0); self.c.rect(x, y, 10, 10)
            if checked:
                self.c.setFont('Helvetica-Bold', 9); self.c.drawString(x + 2, y + 2, 'X')
        else:
            self.c.acroForm.checkbox(name=nm, checked=checked, x=x, y=y, size=10, buttonStyle=self.o.get('cbstyle', 'cross'), borderWidth=0.5)
            self.boxes.append(nm)
        self.c.setFont('Helvetica', 8.5); self.c.drawString(x + 14, y + 2, label)

    def radiow(self, group, value, sel, x, y, label):
        if self.flat:
            self.c.circle(x + 5, y + 5, 5)
            if sel:
                self.c.circle(x + 5, y + 5, 2.5, fill=1)
        else:
            self.c.acroForm.radio(name=group, value=value, selected=sel, x=x, y=y, size=10, borderWidth=0.5)
        self.c.setFont('Helvetica', 8.5); self.c.drawString(x + 14, y + 2, label)

    def combow(self, nm, value, opts, x, y, w, h, listbox=False):
        if self.flat:
            self.textw(nm, value, x, y, w, h); return
        f = self.c.acroForm.listbox if listbox else self.c.acroForm.choice
        f(name=nm, value=value or '', options=([''] if not listbox else []) + opts, x=x, y=y, width=w, height=h, fontName='Helvetica', fontSize=9, borderWidth=0.5)

    # ---------- one item
    def item_widget_h(self, it, w):
        o = self.o
        k = it['kind']
        if k == 'yn' and o['yn_w'] in ('cb', 'radio'):
            return 16
        if k == 'choice' and o['choice_w'] in ('radio', 'cb'):
            return 14 * len(it['opts'])
        if k == 'choice' and o['choice_w'] == 'combo':
            return 18
        if k == 'choice' and o['choice_w'] == 'list':
            return 11 * len(it['opts']) + 6
        if k == 'multi' and o['multi_w'] == 'cb':
            return 14 * len(it['opts'])
        lines = len(simpleSplit(it['disp'] or '', 'Helvetica', 9, w - 6)) or 1
        h = lines * 11 + 7
        if it['id'] in LONG:
            h = max(h, 40)
        return max(h, 18)

    def draw_item(self, it, x, ytop, w, h):
        o, ql, lg = self.o, self.ql, self.ret['lang']
        k = it['kind']
        base = PFX[ql] + it['id'][1:]
        y = ytop - h
        if k == 'yn' and o['yn_w'] == 'cb':
            yes_l, no_l = LG.YES[ql][0], LG.NO[ql][0]
            ok = it['state'] == 'ok'
            self.cbw(self.name('cb', base + '_' + o.get('mn_yes', {'it': 'si', 'es': 'si', 'de': 'ja', 'en': 'yes'}[ql])), ok and it['value'] == 'yes', x, y + 3, yes_l)
            self.cbw(self.name('cb', base + '_no'), ok and it['value'] == 'no', x + 70, y + 3, no_l)
            return
        if k == 'yn' and o['yn_w'] == 'radio':
            g = self.name('radio', base)
            gen = o.get('radio_vals') == 'generic'
            vy, vn = (GENRADIO[ql].format(1), GENRADIO[ql].format(2)) if gen else (o.get('rv_yes', {'it': 'si', 'es': 'si', 'de': 'ja', 'en': 'yes'}[ql]), {'de': 'nein'}.get(ql, 'no'))
            ok = it['state'] == 'ok'
            self.radiow(g, vy, ok and it['value'] == 'yes', x, y + 3, LG.YES[ql][0])
            self.radiow(g, vn, ok and it['value'] == 'no', x + 70, y + 3, LG.NO[ql][0])
            return
        if k in ('choice', 'multi') and ((k == 'choice' and o['choice_w'] in ('radio', 'cb')) or (k == 'multi' and o['multi_w'] == 'cb')):
            opts = LG.OPT[ql][it['field']]
            sel = [] if it['state'] != 'ok' else (it['value'] if k == 'multi' else [it['value']])
            if k == 'choice' and o['choice_w'] == 'radio':
                g = self.name('radio', base)
                for i, (key, lab) in enumerate(opts.items()):
                    v = GENRADIO[ql].format(i + 1) if o.get('radio_vals') == 'generic' else key
                    self.radiow(g, v, key in sel, x, ytop - 14 * (i + 1) + 2, lab)
            else:
                for i, (key, lab) in enumerate(opts.items()):
                    self.cbw(self.name('cb', base + '_' + key), key in sel, x, ytop - 14 * (i + 1) + 2, lab)
            return
        if k == 'choice' and o['choice_w'] in ('combo', 'list'):
            opts = LG.OPT[ql][it['field']]
            val = opts[it['value']] if it['state'] == 'ok' else ''
            self.combow(self.name('combo', base), val, list(opts.values()), x, y, w, h, listbox=o['choice_w'] == 'list')
            return
        self.textw(self.name('text', base), it['disp'], x, y, w, h)

    def block(self, label, font, h_widget, draw, label_w=None):
        """label + widget according to layout."""
        if self.o['layout'] == 'two_col':
            lw = 245
            lines = simpleSplit(label, font, 8.5, lw) if label else []
            h = max(len(lines) * 10.5, h_widget) + 6
            self.ensure(h)
            top = self.y
            self.c.setFont(font, 8.5)
            yy = top
            for ln in lines:
                yy -= 10.5; self.c.drawString(50, yy, ln)
            draw(315, top - 2, 230, h_widget)
            self.y = top - h
        else:
            lines = simpleSplit(label, font, 8.5, W - 100) if label else []
            h = len(lines) * 10.5 + h_widget + 8
            self.ensure(h)
            self.c.setFont(font, 8.5)
            for ln in lines:
                self.y -= 10.5; self.c.drawString(50, self.y, ln)
            draw(60, self.y - 2, W - 120, h_widget)
            self.y -= h_widget + 8

    def build(self, items, qitems):
        o, ret, ql = self.o, self.ret, self.ql
        c = self.c
        for ln in ret.get('letterhead', []):
            self.para(ln, 'Helvetica-Bold', 10)
        self.y -= 8
        self.para(ret.get('doc_title', LG.TITLE[ql]), 'Helvetica-Bold', 11)
        self.y -= 6
        L = LG.LBL[ql]
        hdr = [(L['country'], ret['country_disp'], 'Paese' if ql == 'it' else {'es': 'Pais', 'de': 'Staat', 'en': 'Country'}[ql]),
               (L['date'], ret.get('date_disp', ''), {'it': 'Data', 'es': 'Fecha', 'de': 'Datum', 'en': 'Date'}[ql]),
               (L['by'], ret.get('by', ''), {'it': 'Compilatore', 'es': 'Responsable', 'de': 'Bearbeiter', 'en': 'Contact'}[ql])]
        for lab, val, nm in hdr:
            if o['gran'] == 'sub' or self.flat:
                self.block(lab, 'Helvetica-Bold', 18, lambda x, yt, w, h, nm=nm, val=val: self.textw(self.name('text', nm), val, x, yt - h, w, h))
            else:
                self.para('%s: %s' % (lab, val), 'Helvetica', 9)
        wq = LG.Q[ql][ret['wording']]
        sect = -1
        for q in QORDER:
            its = qitems.get(q, [])
            if SECT_OF[q] != sect:
                sect = SECT_OF[q]
                self.ensure(40); self.y -= 10
                self.para(LG.SECT[ql][sect], 'Helvetica-Bold', 10)
                self.y -= 4
            qtext = '%s. %s' % (QNUM[q], wq[q])
            if o['gran'] == 'perq':
                from answers import composite
                text = composite(its, ret['lang'], ticks=o.get('ticks', False)) if its else ''
                pseudo = dict(id='q' + q, kind='text', disp=text, state='ok', field=None, label='')
                wdt = 230 if o['layout'] == 'two_col' else W - 120
                hw = self.item_widget_h(pseudo, wdt)
                nm = self.name('text', o.get('perq_name', PFX[ql] + '{}').format(q))
                self.block(qtext, 'Helvetica', hw, lambda x, yt, w, h, nm=nm, text=text: self.textw(nm, text, x, yt - h, w, h))
                continue
            # sub granularity: question heading then items
            if len(its) == 1 and not its[0]['label']:
                it = its[0]
                wdt = 230 if o['layout'] == 'two_col' else W - 120
                self.block(qtext, 'Helvetica', self.item_widget_h(it, wdt), lambda x, yt, w, h, it=it: self.draw_item(it, x, yt, w, h))
                continue
            self.y -= 2
            self.para(qtext, 'Helvetica', 8.5, lead=10.5)
            self.y -= 3
            for it in its:
                if it['kind'] == 'skip':
                    continue
                wdt = 230 if o['layout'] == 'two_col' else W - 120
                self.block(it['label'], 'Helvetica-Oblique', self.item_widget_h(it, wdt), lambda x, yt, w, h, it=it: self.draw_item(it, x, yt, w, h))
        self.y -= 16
        for ln in ret.get('signature', []):
            self.para(ln, 'Helvetica', 9)
        c.setFont('Helvetica', 8)
        c.drawCentredString(W / 2, 25, '- %d -' % self.page)
        c.showPage()
        c.save()
        return self.post()

    # ---------- post-processing
    def post(self):
        o = self.o
        self.buf.seek(0)
        if self.flat:
            data = self.buf.getvalue()
            open(self.path, 'wb').write(data)
            return
        r = pypdf.PdfReader(self.buf)
        w = pypdf.PdfWriter(clone_from=r)
        tinfo = {n: (v, ww, hh) for n, v, ww, hh in self.texts}
        exp = o.get('export', 'Yes')
        variant = o.get('variant', 'normal')
        for page in w.pages:
            for a in page.get('/Annots', []):
                a = a.get_object()
                nm = a.get('/T')
                if a.get('/FT') == '/Btn' and nm in self.boxes and exp != 'Yes':
                    for key in ('/N', '/D'):
                        d = a['/AP'].get(key)
                        if d is not None and '/Yes' in d:
                            d[NameObject('/' + exp)] = d['/Yes']; del d['/Yes']
                    for key in ('/V', '/AS'):
                        if a.get(key) == '/Yes':
                            a[NameObject(key)] = NameObject('/' + exp)
                if nm in tinfo:
                    v, ww, hh = tinfo[nm]
                    if hh > 20 and '/AP' in a:
                        a['/AP']['/N'].get_object().set_data(_ap(v, ww, hh))
                    if variant == 'no_ap':
                        if '/AP' in a: del a['/AP']
                    if variant == 'no_v':
                        if len(nm) % 2: a[NameObject('/V')] = TextStringObject('')
                        elif '/V' in a: del a['/V']
                if variant == 'no_ap' and a.get('/FT') == '/Ch' and '/AP' in a:
                    del a['/AP']
                if variant == 'no_v':
                    if a.get('/FT') in ('/Btn', '/Ch') and '/V' in a:
                        del a['/V']
                    par = a.get('/Parent')
                    if par is not None and '/V' in par.get_object():
                        del par.get_object()['/V']
        af = w._root_object['/AcroForm']
        if o.get('need_app') is not None:
            af[NameObject('/NeedAppearances')] = BooleanObject(bool(o['need_app']))
        elif '/NeedAppearances' in af:
            del af['/NeedAppearances']
        w.add_metadata({'/Producer': self.ret.get('producer', 'Acrobat Distiller 7.0 (Windows)'), '/Title': self.ret.get('doc_title', LG.TITLE[self.ql])})
        with open(self.path, 'wb') as f:
            w.write(f)


def _light():
    from reportlab.lib.colors import Color
    return Color(0.93, 0.95, 1)


def _esc(s):
    b = s.encode('cp1252', 'replace')
    out = []
    for ch in b:
        if ch in (40, 41, 92): out.append('\\' + chr(ch))
        elif ch > 126 or ch < 32: out.append('\\%03o' % ch)
        else: out.append(chr(ch))
    return ''.join(out)


def _ap(value, w, h):
    lines = simpleSplit(value or '', 'Helvetica', 9, w - 6)
    s = ['/Tx BMC', 'q', '1 1 %.2f %.2f re W n' % (w - 2, h - 2), 'BT', '/Helv 9 Tf', '0 g', '1 0 0 1 3 %.2f Tm' % (h - 11), '11 TL']
    for i, ln in enumerate(lines):
        s.append(('(%s) Tj' if i == 0 else 'T* (%s) Tj') % _esc(ln))
    s += ['ET', 'Q', 'EMC']
    return ('\n'.join(s) + '\n').encode('latin-1')


def render(path, ret, items, qitems, o):
    Form(path, ret, o).build(items, qitems)
