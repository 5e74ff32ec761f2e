# -*- coding: utf-8 -*-
"""Random but coherent answers -> list of items (what the document shows) + key fields."""
import lang as LG

TEXT_FIELDS = {'ncm_coordinator', 'ncm_body_name', 'ncm_budget_covers', 'ncm_achievements', 'ncm_challenges', 'thb_definition',
               'nap_review', 'nap_achievements', 'nap_challenges', 'nrm_budget_covers', 'report_recipient', 'nrm_success', 'nrm_challenges'}


def item(iid, q, label, kind, field=None, value=None, disp='', state='ok', keys=None, review=None, opts=None):
    return dict(id=iid, q=q, label=label, kind=kind, field=field, value=value, disp=disp, state=state,
                keys=keys or {}, review=review or [], opts=opts)


def gen(rng, lg, cfg):
    """lg: language of the answers. cfg: force (field->value), vague (set of fields), xref (dict field->qnum),
    na (set of fields answered N/A), blank (set of fields left blank), contradict (bool)."""
    force = cfg.get('force', {})
    vague = set(cfg.get('vague', ()))
    xref = dict(cfg.get('xref', {}))
    na = set(cfg.get('na', ()))
    blank = set(cfg.get('blank', ()))
    S = LG.SUB[cfg.get('qlang', lg)]
    yesw = cfg.get('yesw', rng.choice(LG.YES[lg]))
    now = cfg.get('now', rng.choice(LG.NO[lg]))
    naw = lambda: rng.choice(LG.NA[lg])
    items = []

    def F(field, fn):
        return force[field] if field in force else fn()

    def st(field):
        if field in na: return 'na'
        if field in blank: return 'blank'
        return 'ok'

    def yn(iid, q, label, field, val):
        s = st(field)
        d = {'yes': yesw, 'no': now}[val] if s == 'ok' else (naw() if s == 'na' else '')
        items.append(item(iid, q, label, 'yn', field, val, d, s, {field: val} if s == 'ok' else {}))

    def txt(iid, q, label, field, val, extra_keys=None):
        s = st(field)
        keys = {}
        review = []
        d = val
        if field in xref and s == 'ok':
            s = 'xref'; d = LG.XREF[lg].format(q=xref[field]); review = [field]
        elif s == 'ok':
            keys = {field: val} if field else {}
            if extra_keys: keys.update(extra_keys)
        elif s == 'na':
            d = naw()
        else:
            d = ''
        items.append(item(iid, q, label, 'text', field, val, d, s, keys, review))

    def choice(iid, q, label, field, val):
        s = st(field)
        opts = LG.OPT[lg][field]
        d = opts[val] if s == 'ok' else (naw() if s == 'na' else '')
        items.append(item(iid, q, label, 'choice', field, val, d, s, {field: val} if s == 'ok' else {}, opts=opts))

    def multi(iid, q, label, field, vals):
        s = st(field)
        opts = LG.OPT[lg][field]
        vals = sorted(set(vals))
        d = ', '.join(opts[k] for k in opts if k in vals) if s == 'ok' else (naw() if s == 'na' else '')
        items.append(item(iid, q, label, 'multi', field, vals, d, s, {field: ';'.join(vals)} if s == 'ok' else {}, opts=opts))

    def year(iid, q, label, field, y, y2=None):
        s = st(field)
        if field in vague and s == 'ok':
            items.append(item(iid, q, label, 'text', field, None, LG.VAGUE_YEAR[lg], 'vague', {}, [field]))
            return
        if s != 'ok':
            items.append(item(iid, q, label, 'text', field, None, naw() if s == 'na' else '', s))
            return
        keys = {field: str(y)}
        d = str(y)
        if y2:
            d = LG.YEAR_OTHER[lg].format(a=y, b=y2)
            keys[field + '_other'] = str(y2)
        items.append(item(iid, q, label, 'text', field, str(y), d, 'ok', keys))

    def challenges(iid, q, label, field, topics_field, allowed):
        tops = F(topics_field, lambda: rng.sample(allowed, rng.choice([1, 2, 2, 3])))
        tops = sorted(tops)
        sents = [LG.CH[lg][t] for t in tops]
        rng.shuffle(sents)
        val = '; '.join(sents) + '.'
        txt(iid, q, label, field, val, {topics_field: ';'.join(tops)})
        if items[-1]['state'] == 'xref':
            items[-1]['review'].append(topics_field)

    def pick_text(pool, k=1):
        xs = rng.sample(pool, k)
        return '; '.join(xs) + ('.' if k > 1 else '')

    Q = LG.Q[lg][0]
    # ---- A
    ncm = F('ncm_exists', lambda: 'yes' if rng.random() < 0.85 else 'no')
    yn('q1', '1', '', 'ncm_exists', ncm)
    if ncm == 'yes':
        t = F('ncm_type', lambda: rng.choice(['coordinator', 'working_group', 'working_group', 'both', 'both', 'other']))
        coord = rng.choice(LG.COORD[lg]) if t in ('coordinator', 'both') else ''
        body = rng.choice(LG.BODY[lg]) if t in ('working_group', 'both') else ''
        other = LG.OTHER_MECH[lg] if t == 'other' else ''
        # ncm_type is keyed on the first sub-item that is shown
        s = 'ok'
        items.append(item('q2a', '2', S['2a'], 'text', 'ncm_coordinator', coord, coord, 'ok' if coord else 'blank',
                          ({'ncm_coordinator': coord, 'ncm_type': t} if coord else {})))
        items.append(item('q2b', '2', S['2b'], 'text', 'ncm_body_name', body, body, 'ok' if body else 'blank',
                          ({'ncm_body_name': body, 'ncm_type': t} if body else {})))
        items.append(item('q2c', '2', S['2c'], 'text', None, other, other, 'ok' if other else 'blank', ({'ncm_type': t} if other else {})))
        inter = F('ncm_interministerial', lambda: 'yes' if t != 'coordinator' or rng.random() < 0.5 else 'no')
        yn('q3a', '3', S['3a'], 'ncm_interministerial', inter)
        if inter == 'yes':
            mins = rng.sample(LG.MIN[lg], rng.randint(3, 6))
            leadable = [m for m in mins if len(m[1]) == 1]
            lead = leadable[0] if leadable and rng.random() < 0.75 else None
            if lead:
                mins.remove(lead); mins.insert(0, lead)
            nm = (lambda n: LG.ABBR.get(n, n)) if cfg.get('abbr') else (lambda n: n)
            names = [nm(m[0]) + (LG.LEAD_MARK[lg] if m is lead else '') for m in mins]
            ids = sorted(set(i for m in mins for i in m[1]))
            keys = {'ncm_ministries': ';'.join(ids)}
            if lead: keys['ncm_lead_ministry'] = lead[1][0]
            s = st('ncm_ministries')
            items.append(item('q3a_min', '3', '', 'text', 'ncm_ministries', ';'.join(ids), ', '.join(names) if s == 'ok' else '', s if s != 'na' else 'blank', keys if s == 'ok' else {}))
        ex = F('ncm_experts', lambda: rng.choice(['yes', 'yes', 'no']))
        yn('q3b', '3', S['3b'], 'ncm_experts', ex)
        if ex == 'yes':
            items.append(item('q3b_t', '3', '', 'text', None, None, LG.EXPERTS[lg], 'ok'))
        cs = F('ncm_civil_society', lambda: rng.choice(['yes', 'yes', 'no']))
        yn('q3d', '3', S['3d'], 'ncm_civil_society', cs)
        if cs == 'yes':
            if 'ncm_civil_society_share' in vague:
                items.append(item('q3d_share', '3', S['3d_share'], 'text', 'ncm_civil_society_share', None, LG.VAGUE_SHARE[lg], 'vague', {}, ['ncm_civil_society_share']))
            elif rng.random() < 0.7 and 'ncm_civil_society_share' not in na:
                sh = F('ncm_civil_society_share', lambda: rng.choice(['10', '15', '20', '25', '30', '12.5', '40']))
                dsh = (sh.replace('.', ',') if lg != 'en' else sh) + rng.choice(['%', ' %', ' per cento' if lg == 'it' else (' por ciento' if lg == 'es' else ' %')])
                items.append(item('q3d_share', '3', S['3d_share'], 'text', 'ncm_civil_society_share', sh, dsh, 'ok', {'ncm_civil_society_share': sh}))
            multi('q3d_role', '3', S['3d_role'], 'ncm_civil_society_role', F('ncm_civil_society_role', lambda: rng.sample(['decision_making', 'observer', 'observer', 'other'], 1)))
        choice('q4a', '4', S['4a'], 'ncm_legal_basis', F('ncm_legal_basis', lambda: rng.choice(['legislation', 'decree', 'decree', 'policy', 'other'])))
        y = int(F('ncm_established_year', lambda: str(rng.randint(1998, 2006))))
        y2 = F('ncm_established_year_other', lambda: str(rng.randint(y + 1, 2007)) if rng.random() < 0.3 else None)
        year('q4b', '4', S['4b'], 'ncm_established_year', y, y2)
        b = F('ncm_budget', lambda: rng.choice(['yes', 'no', 'no']))
        yn('q5a', '5', S['5a'], 'ncm_budget', b)
        if b == 'yes':
            txt('q5b', '5', S['5b'], 'ncm_budget_covers', F('ncm_budget_covers', lambda: rng.choice(LG.BUDGET_COVERS[lg])))
        multi('q6', '6', '', 'ncm_function', F('ncm_function', lambda: rng.sample(['advisory', 'policy_making', 'implementation', 'other'], rng.choice([1, 1, 2, 2, 3]))))
        txt('q7', '7', '', 'ncm_achievements', F('ncm_achievements', lambda: pick_text(LG.ACH[lg], rng.choice([1, 2, 3]))))
        challenges('q8', '8', '', 'ncm_challenges', 'ncm_challenge_topics', ['resources', 'disagreement', 'priorities', 'coordination', 'data', 'other'])
    else:
        for q in '2345678':
            items.append(item('q' + q, q, '', 'skip', None, None, rng.choice(['', naw(), '-']), 'blank'))
    # ---- B
    nap = F('nap_exists', lambda: rng.choice(['yes', 'yes', 'yes', 'no']))
    yn('q9a', '9', S['9a'], 'nap_exists', nap)
    eq = F('nap_equivalent', lambda: ('no' if rng.random() < 0.7 else 'yes') if nap == 'yes' else rng.choice(['yes', 'no']))
    yn('q9b', '9', S['9b'], 'nap_equivalent', eq)
    if eq == 'yes':
        items.append(item('q9b_t', '9', '', 'text', None, None, LG.EQUIV[lg], 'ok'))
    if nap == 'yes' or eq == 'yes':
        year('q9y', '9', S['9y'], 'nap_year', int(F('nap_year', lambda: str(rng.randint(2001, 2007)))))
        multi('q10', '10', '', 'nap_coverage', F('nap_coverage', lambda: rng.sample(list(LG.OPT[lg]['nap_coverage']), rng.randint(3, 7))))
        d = F('thb_defined', lambda: 'yes' if rng.random() < 0.85 else 'no')
        yn('q11', '11', '', 'thb_defined', d)
        if d == 'yes':
            txt('q11d', '11', S['11d'], 'thb_definition', F('thb_definition', lambda: rng.choice(LG.DEF[lg])))
        yn('q12', '12', '', 'comprehensive_approach_defined', F('comprehensive_approach_defined', lambda: rng.choice(['yes', 'yes', 'no'])))
        txt('q13', '13', '', 'nap_review', F('nap_review', lambda: rng.choice(LG.NAP_REVIEW[lg])))
        txt('q14', '14', '', 'nap_achievements', F('nap_achievements', lambda: pick_text(LG.NAP_ACH[lg], rng.choice([1, 2]))))
        challenges('q15', '15', '', 'nap_challenges', 'nap_challenge_topics', ['resources', 'priorities', 'coordination', 'data', 'support', 'other'])
    else:
        for q in ['10', '11', '12', '13', '14', '15']:
            items.append(item('q' + q, q, '', 'skip', None, None, rng.choice(['', naw()]), 'blank'))
    # ---- C
    nrm = F('nrm_exists', lambda: rng.choice(['yes', 'no']))
    contradict = cfg.get('contradict')
    yn('q16', '16', '', 'nrm_exists', 'no' if contradict else nrm)
    if nrm == 'yes' or contradict:
        choice('q17', '17', '', 'nrm_type', F('nrm_type', lambda: rng.choice(['independent_rapporteur', 'coordinator_function', 'ministry_function', 'ministry_function', 'research_institute', 'other'])))
        choice('q18', '18', '', 'nrm_authority', F('nrm_authority', lambda: rng.choice(['legislation', 'policy', 'policy', 'other'])))
        year('q19', '19', '', 'nrm_established_year', int(F('nrm_established_year', lambda: str(rng.randint(2000, 2007)))))
        nb = F('nrm_budget', lambda: rng.choice(['yes', 'no']))
        yn('q20', '20', S['20a'], 'nrm_budget', nb)
        if nb == 'yes':
            txt('q20b', '20', S['20b'], 'nrm_budget_covers', F('nrm_budget_covers', lambda: rng.choice(LG.NRM_BUDGET[lg])))
        choice('q21a', '21s', S['21a'], 'report_frequency', F('report_frequency', lambda: rng.choice(['annual', 'annual', 'annual', 'biannual', 'biennial', 'irregular'])))
        txt('q21b', '21s', S['21b'], 'report_recipient', F('report_recipient', lambda: rng.choice(LG.RECIP[lg])))
        yn('q21cp', '21s', S['21cp'], 'reports_public', F('reports_public', lambda: rng.choice(['yes', 'yes', 'no'])))
        multi('q21c', '21c', '', 'report_content', F('report_content', lambda: rng.sample(list(LG.OPT[lg]['report_content']), rng.randint(2, 6))))
        choice('q21h', '21c', S['21h'], 'report_model', F('report_model', lambda: rng.choice(['prescribed', 'varies'])))
        txt('q22', '22', '', 'nrm_success', F('nrm_success', lambda: rng.choice(LG.SUCCESS[lg])))
        txt('q23', '23', '', 'nrm_challenges', F('nrm_challenges', lambda: rng.choice(LG.NRM_CH[lg])))
    else:
        for q in ['17', '18', '19', '20', '21s', '21c', '22', '23']:
            items.append(item('q' + q, q, '', 'skip', None, None, rng.choice(['', naw(), '-']), 'blank'))
    # key
    fields, review = {}, []
    for it in items:
        fields.update(it['keys'])
        review += it['review']
    if contradict:
        c = ['nrm_exists'] + [f for f in ['nrm_type', 'nrm_authority', 'nrm_established_year', 'nrm_budget', 'nrm_budget_covers', 'report_frequency',
                                         'report_recipient', 'reports_public', 'report_content', 'report_model', 'nrm_success', 'nrm_challenges'] if f in fields]
        review += c
    return items, fields, sorted(set(review))


def item_text(it, lg, ticks=False, rng=None):
    """Answer text of an item for retyped (text) renderers."""
    if it['state'] != 'ok' or it['kind'] in ('text', 'yn', 'skip'):
        return it['disp']
    if it['kind'] in ('choice', 'multi') and ticks:
        sel = it['value'] if it['kind'] == 'multi' else [it['value']]
        return '   '.join(('[X] ' if k in sel else '[ ] ') + v for k, v in it['opts'].items())
    return it['disp']


def question_items(items):
    out = {}
    for it in items:
        out.setdefault(it['q'], []).append(it)
    return out


QORDER = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21s', '21c', '22', '23']
QNUM = {q: ('21' if q.startswith('21') else q) for q in QORDER}
SECT_OF = {q: (0 if int(QNUM[q]) <= 8 else (1 if int(QNUM[q]) <= 15 else 2)) for q in QORDER}


def composite(its, lg, ticks=False):
    """One answer string for a whole question (one-text-field-per-question forms)."""
    parts = []
    for it in its:
        t = item_text(it, lg, ticks)
        if not t:
            continue
        if it['label']:
            parts.append('%s: %s' % (it['label'], t))
        else:
            parts.append(t)
    return ' - '.join(parts) if len(parts) > 1 else (parts[0] if parts else '')
