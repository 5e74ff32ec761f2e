# -*- coding: utf-8 -*-
"""Re-read every file in raw/ and assert that the key's text values occur in it.
Usage: python generator/selfcheck.py CORPUSDIR"""
import sys, os, json, re, io, zipfile, html, email, hashlib
from email import policy
import pdfplumber, pypdf, openpyxl

TEXT = ['ncm_coordinator', 'ncm_body_name', 'ncm_budget_covers', 'ncm_achievements', 'ncm_challenges', 'thb_definition', 'nap_review',
        'nap_achievements', 'nap_challenges', 'nrm_budget_covers', 'report_recipient', 'nrm_success', 'nrm_challenges',
        'ncm_established_year', 'ncm_established_year_other', 'nap_year', 'nrm_established_year']
fold = lambda s: re.sub(r'\s+', ' ', s).strip()


def unesc_pdf(b):
    out, i = bytearray(), 0
    while i < len(b):
        ch = b[i]
        if ch == 92:
            n = b[i + 1]
            if 48 <= n <= 55:
                j = i + 1; num = ''
                while j < len(b) and len(num) < 3 and 48 <= b[j] <= 55: num += chr(b[j]); j += 1
                out.append(int(num, 8)); i = j; continue
            out.append(n); i += 2; continue
        out.append(ch); i += 1
    return out.decode('cp1252', 'replace')


def pdf_text(data):
    parts = []
    with pdfplumber.open(io.BytesIO(data)) as p:
        for pg in p.pages:
            parts.append(pg.extract_text() or '')
    r = pypdf.PdfReader(io.BytesIO(data))
    for pg in r.pages:
        for a in pg.get('/Annots', []) or []:
            a = a.get_object()
            v = a.get('/V')
            if isinstance(v, str): parts.append(str(v))
            ap = a.get('/AP')
            if ap is not None and a.get('/FT') == '/Tx':
                s = ap['/N'].get_object().get_data()
                parts.append(' '.join(unesc_pdf(m) for m in re.findall(rb'\(((?:\\.|[^\\)])*)\) Tj', s)))
    return '\n'.join(parts)


def xlsx_text(data):
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return '\n'.join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None)


def odt_text(data):
    z = zipfile.ZipFile(io.BytesIO(data))
    x = z.read('content.xml').decode('utf-8')
    return html.unescape(re.sub(r'<[^>]+>', ' ', x))


def rtf_text(data):
    s = data.decode('ascii')
    s = re.sub(r"\\'([0-9a-f]{2})", lambda m: bytes([int(m.group(1), 16)]).decode('cp1252'), s)
    s = re.sub(r'\\u(-?\d+)\?', lambda m: chr(int(m.group(1)) % 65536), s)
    s = re.sub(r'\\([{}\\])', lambda m: '\x00' + m.group(1), s)
    s = re.sub(r'\\[a-z]+-?\d* ?', '', s)
    s = s.replace('{', ' ').replace('}', ' ').replace('\x00', '')
    return s


def text_of(name, data):
    ext = name.rsplit('.', 1)[-1].lower()
    if ext == 'pdf': return pdf_text(data)
    if ext == 'xlsx': return xlsx_text(data)
    if ext == 'csv':
        return data[3:].decode('utf-8') if data.startswith(b'\xef\xbb\xbf') else data.decode('cp1252')
    if ext == 'odt': return odt_text(data)
    if ext == 'rtf': return rtf_text(data)
    if ext == 'eml':
        m = email.message_from_bytes(data, policy=policy.default)
        parts = [m.get_body(('plain',)).get_content()]
        for att in m.iter_attachments():
            parts.append(text_of(att.get_filename(), att.get_payload(decode=True)))
        return '\n'.join(parts)
    raise ValueError(ext)


def main(d):
    keys = [json.loads(l) for l in open(os.path.join(d, 'key.jsonl'), encoding='utf-8')]
    files = set(os.listdir(os.path.join(d, 'raw')))
    assert files == {k['file'] for k in keys}, (files ^ {k['file'] for k in keys})
    nvals = 0; bad = 0
    for k in keys:
        data = open(os.path.join(d, 'raw', k['file']), 'rb').read()
        if k['expect'] == 'error':
            try:
                text_of(k['file'], data); pypdf.PdfReader(io.BytesIO(data)).get_fields()
                print('WARN error file opened cleanly:', k['file'])
            except Exception:
                pass
            assert not k['fields']
            continue
        t = fold(text_of(k['file'], data))
        if k['expect'] == 'duplicate':
            assert data == open(os.path.join(d, 'raw', k['duplicate_of']), 'rb').read()
        for f, v in k['fields'].items():
            nvals += 1
            if f in TEXT and fold(v) not in t:
                bad += 1; print('MISSING', k['file'], f, repr(v)[:80])
        assert not (set(k['review_fields']) & set(k['fields'])) or any('nrm_exists' == x for x in k['review_fields']), k['file']
    print('%d files, %d keyed values, %d missing' % (len(keys), nvals, bad))
    return bad


if __name__ == '__main__':
    sys.exit(1 if main(sys.argv[1]) else 0)
