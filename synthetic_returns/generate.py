"""Write returns in every form, and the answer key (see the package docstring for conventions)."""

from __future__ import annotations

import io
import json
import os
import random
import re
import unicodedata
from datetime import date, datetime, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from .bank import Country, available_languages, countries, fmt_date, fold, phrases
from .compose import compose_narrative, compose_questionnaire, draw_plan, fill
from .layout import ASCII_TICKS, GLYPH_TICKS, Doc, Letter, letter_html, letter_text, to_html, to_text

FORMS = ["pdf_typed", "pdf_vector", "pdf_form", "pdf_table", "pdf_narrative", "docx", "docx_narrative",
         "txt", "html", "email", "scan"]

_ARTICLE_EN = ("Republic", "Kingdom", "Federal", "Russian", "United", "Principality", "Grand", "Hellenic", "Swiss",
               "Czech", "Slovak", "Italian", "French", "Portuguese", "Islamic", "Arab", "Hashemite", "State",
               "People", "Holy", "Netherlands", "former")

_FILE_WORDS = {
    "en": ["{C}_reply_OSCE_THB_questionnaire", "OSCE questionnaire {C}", "{C} - reply to THB questionnaire",
           "Questionnaire_{C}_final", "reply_OSR_questionnaire_{y}", "{C}_answers"],
    "fr": ["reponse_{C}_questionnaire_OSCE", "Questionnaire OSCE - {C}", "{C}_reponse_questionnaire_TEH", "Reponse_{C}"],
    "de": ["Antwort_{C}_OSZE_Fragebogen", "OSZE-Fragebogen {C}", "Fragebogen_MH_{C}", "{C}_Beantwortung"],
    "ru": ["Ответ_{C}_вопросник_ОБСЕ", "вопросник ОБСЕ {C}", "{C}_otvet_OBSE", "Otvet_na_voprosnik"],
    "es": ["respuesta_{C}_cuestionario_OSCE", "Cuestionario OSCE {C}", "{C}_respuesta"],
    "it": ["risposta_{C}_questionario_OSCE", "Questionario OSCE {C}", "{C}_risposta"],
}
_NOTE_WORDS = ["note_verbale_{y}-{mm}", "NV_{num}_{C}", "letter_OSR_{C}", "Note verbale {num}", "{C}_NV_{y}"]


def _slug(s: str) -> str:
    return re.sub(r"[^\w]+", "_", s).strip("_")


def _the(name: str) -> str:
    return ("the " + name) if name.split(" ")[0].strip("'s") in _ARTICLE_EN or name.startswith("People") else name


class _Ctx:
    """Per-return choices shared by the renderers."""

    def __init__(self, rng: random.Random, lang: str, country: Country):
        self.rng, self.lang, self.country, self.bank = rng, lang, country, phrases(lang)
        b = self.bank
        short = country.short(lang)
        formal_opts = country.formal[lang] or [short]
        formal = rng.choice(formal_opts)
        if lang == "en" and country.name == "the former Yugoslav Republic of Macedonia":
            short = rng.choice(["the former Yugoslav Republic of Macedonia", "the former Yugoslav Republic of Macedonia", "FYROM"])
        self.names = dict(short=short, formal=formal, FORMAL=formal.upper(),
                          the_short=_the(short) if lang == "en" else short,
                          the_formal=_the(formal) if lang == "en" else formal)
        self.label = rng.choice([short, short, formal])  # the country as the return writes it
        self.date = date(2007, rng.choice([9, 10, 11, 12]), rng.randint(1, 28)) if rng.random() < 0.85 else \
            date(2008, rng.choice([1, 2, 3]), rng.randint(1, 28))
        self.date_text = fmt_date(b, self.date, rng.choice(b["dates"]))
        self.num = str(rng.randint(100, 9999))
        self.force: dict = {}  # fixed choices for the demo set (enc, mode, annex)

    def f(self, tpl: str) -> str:
        return fill(tpl, **self.names, date=self.date_text, num=self.num, y=str(self.date.year),
                    country=self.label)

    def pick(self, key: str) -> str:
        return self.f(self.rng.choice(self.bank[key]))

    def base_fields(self, dated: bool) -> dict:
        out = {"country": self.country.name, "respondent_type": self.country.respondent_type, "language": self.lang}
        if dated:
            out["submitted_on"] = self.date.isoformat()
        return out

    def signature(self) -> list[str]:
        r = self.rng
        return [r.choice(self.bank["names"]), r.choice(self.bank["signers"])]

    def filename(self, ext: str, note: bool = False) -> str:
        r = self.rng
        C = self.country.name if self.lang == "en" or r.random() < 0.5 else self.country.short(self.lang)
        C = _slug(C) if r.random() < 0.6 else C
        if self.country.name.startswith("the former") and r.random() < 0.7:
            C = "FYROM"
        tpl = r.choice(_NOTE_WORDS if note else _FILE_WORDS[self.lang])
        name = tpl.format(C=C, y=self.date.year, mm=f"{self.date.month:02d}", num=self.num)
        name = name.replace("/", "_")
        return unicodedata.normalize("NFC", name) + "." + ext


# ----------------------------------------------------------------------------- documents
def _questionnaire_doc(ctx: _Ctx, ascii_ticks: bool = False, cover: bool = True):
    """(Doc, fields) of a return written as the questionnaire."""
    rng, b = ctx.rng, ctx.bank
    plan = draw_plan(rng, b)
    ret = compose_questionnaire(rng, b, plan)
    dated = rng.random() < 0.75
    letterhead = []
    if rng.random() < 0.45:
        letterhead = ctx.pick(rng.choice(["sender_mission", "sender_ministry"])).split("\n")
    subtitle = ctx.pick("subtitle") if (not letterhead or rng.random() < 0.6) else ""
    doc = Doc(lang=ctx.lang, country_label=ctx.label, title=ctx.f(rng.choice(b["title"])), subtitle=subtitle,
              header=ctx.f(rng.choice(b["header"]).replace("{page}", "{{page}}").replace("{pages}", "{{pages}}")),
              letterhead=letterhead, flow=ret.flow,
              ticks=rng.choice(ASCII_TICKS if ascii_ticks else GLYPH_TICKS), beside=rng.random() < 0.35)
    if dated:
        doc.date_line = ctx.pick("place_date")
    if cover and rng.random() < 0.25:
        doc.pre.append(rng.choice(b["irrelevant"]))
    if rng.random() < 0.2:
        doc.post.append(ctx.f(rng.choice(b["attachments_note"])))
    if rng.random() < 0.5:
        doc.post += [""] + ctx.signature()
    fields = ctx.base_fields(dated)
    fields.update(ret.fields)
    return doc, fields


def _letter(ctx: _Ctx):
    """(Letter, fields) of a narrative return: note verbale or letter."""
    rng, b = ctx.rng, ctx.bank
    plan = draw_plan(rng, b)
    paras, f = compose_narrative(rng, b, plan)
    nv = rng.random() < 0.55
    dated = rng.random() < 0.9
    if nv:
        head = ctx.pick("sender_mission").split("\n")
        opening, closing = ctx.pick("opening_nv"), ctx.pick("closing_nv")
        sig = [] if rng.random() < 0.5 else [rng.choice(b["signers"])]
        intro = None
    else:
        head = ctx.pick(rng.choice(["sender_ministry", "sender_mission"])).split("\n")
        opening, closing = ctx.pick("opening_letter"), ctx.pick("closing_letter")
        sig = ctx.signature()
        intro = ctx.pick("intro_letter")
    if rng.random() < 0.3:
        paras = paras[:1] + [rng.choice(b["irrelevant"])] + paras[1:]
    let = Letter(lang=ctx.lang, letterhead=head, ref=ctx.pick("ref") if rng.random() < 0.8 else None,
                 place_date=ctx.pick("place_date") if dated else None,
                 addressee=ctx.pick("addressee") if rng.random() < 0.7 else None,
                 opening=opening, paras=([intro] if intro else []) + paras, closing=closing, signature=sig,
                 annex=ctx.f(rng.choice(b["attachments_note"])) if rng.random() < 0.3 else None)
    fields = ctx.base_fields(dated)
    fields.update(f)
    return let, fields


def _appendix_text(ctx: _Ctx) -> tuple[str, list[str]]:
    """Title and paragraphs of an attached/appended document (action plan, report, law)."""
    rng, b = ctx.rng, ctx.bank
    T = b["texts"]
    sents = T["achievements"] + T["nap_review"] + T["nap_achievements"] + T["nrm_success"] + T["thb_definition"] \
        + T["budget_covers"] + [s for v in T["challenges"].values() for s in v]
    y = rng.randint(2003, 2007)
    title = fill(rng.choice(b["annex_titles"]), year=str(y), y2=str(y + 3))
    headings = list(b["questions"]["10"]["options"].values())[:7]  # chapters: prevention, protection, ...
    paras: list[str] = []
    for i in range(rng.randint(40, 320)):
        if i % 9 == 0:
            paras.append(f"{i // 9 + 1}. {rng.choice(headings)}")
        paras.append(" ".join(rng.choice(sents) for _ in range(rng.randint(3, 7))))
    return title, paras


def _maybe_appendix(ctx: _Ctx, doc) -> None:
    if ctx.rng.random() < ctx.force.get("p_appendix", 0.35):
        doc.appendix = _appendix_text(ctx)
        if hasattr(doc, "post"):
            doc.post.append(ctx.f(ctx.rng.choice(ctx.bank["attachments_note"])))


def _annex(ctx: _Ctx, buf, kind: str):
    rng, b = ctx.rng, ctx.bank
    T = b["texts"]
    sents = T["achievements"] + T["nap_review"] + T["nap_achievements"] + T["nrm_success"] + T["thb_definition"] \
        + [s for v in T["challenges"].values() for s in v]
    y = rng.randint(2003, 2007)
    title = fill(rng.choice(b["annex_titles"]), year=str(y), y2=str(y + 3))
    from .render_docx import docx_annex
    from .render_pdf import pdf_annex
    if kind == "pdf":
        pdf_annex(buf, rng, title, sents, rng.randint(4, 30))
    else:
        docx_annex(buf, rng, title, sents, rng.randint(15, 60))


# ----------------------------------------------------------------------------- forms
def _entry(form, lang, role, submission, fields):
    return {"form": form, "language": lang, "role": role, "submission": submission,
            "country": fields.get("country", ""), "fields": fields}


def write_return(out_dir: Path, rel: str, form: str, ctx: _Ctx) -> dict:
    """Write one return of `form` at out_dir/rel (rel gets its extension here); the key entries."""
    from .render_docx import docx_letter, docx_questionnaire
    from .render_pdf import pdf_form, pdf_letter, pdf_questionnaire, pdf_table, scan_pdf

    rng = ctx.rng
    path = out_dir / rel
    if form in ("pdf_typed", "pdf_vector"):
        doc, fields = _questionnaire_doc(ctx)
        _maybe_appendix(ctx, doc)
        pdf_questionnaire(doc, str(path), rng, vector=form == "pdf_vector")
    elif form == "pdf_table":
        doc, fields = _questionnaire_doc(ctx)
        _maybe_appendix(ctx, doc)
        pdf_table(doc, path, rng)
    elif form == "pdf_form":
        doc, fields = _questionnaire_doc(ctx)
        pdf_form(doc, path, rng)
    elif form == "scan":
        doc, fields = _questionnaire_doc(ctx)
        buf = io.BytesIO()
        pdf_questionnaire(doc, buf, rng)
        scan_pdf(buf.getvalue(), path, rng, dpi=rng.choice([150, 170, 200]))
    elif form == "pdf_narrative":
        let, fields = _letter(ctx)
        _maybe_appendix(ctx, let)
        pdf_letter(let, str(path), rng)
    elif form == "docx":
        doc, fields = _questionnaire_doc(ctx)
        _maybe_appendix(ctx, doc)
        docx_questionnaire(doc, str(path), rng, when=_when(ctx))
    elif form == "docx_narrative":
        let, fields = _letter(ctx)
        _maybe_appendix(ctx, let)
        docx_letter(let, str(path), rng, when=_when(ctx))
    elif form == "txt":
        md = path.suffix == ".md"
        encs = {"ru": ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8-r", "cp1251"],
                "en": ["utf-8", "utf-8-sig", "utf-16", "cp1252"]}.get(
            ctx.lang, ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
        enc = "utf-8" if md else rng.choice(encs)
        enc = ctx.force.get("enc", enc)
        doc, fields = _questionnaire_doc(ctx, ascii_ticks=enc not in ("utf-8", "utf-8-sig", "utf-16"))
        text = to_text(doc, md=md)
        if rng.random() < 0.4 and not md:
            text = text.replace("\n", "\r\n")
        path.write_bytes(_encode(text, enc, fields))
    elif form == "html":
        if rng.random() < 0.75:
            doc, fields = _questionnaire_doc(ctx)
            path.write_text(to_html(doc, webform=rng.random() < 0.5), encoding="utf-8")
        else:
            let, fields = _letter(ctx)
            path.write_text(letter_html(let), encoding="utf-8")
    else:
        raise ValueError(f"unknown form {form!r}")
    return {rel: _entry(form, ctx.lang, "return", rel, fields)}


_TYPO = {"—": "-", "–": "-", "«": '"', "»": '"', "№": "N", "’": "'", "…": "...", "☐": "[ ]", "☒": "[X]",
         "✓": "X", "✔": "X", "■": "X", "□": "[ ]", "☑": "[X]", "\u00a0": " "}


def _encode(text: str, enc: str, fields: dict) -> bytes:
    """Encode a plain-text return; typographic characters the legacy code page lacks are written
    the way a converter would (— as -, « » as "). Falls back to UTF-8 when an answer itself
    (a keyed text) would change."""
    try:
        return text.encode(enc)
    except UnicodeEncodeError:
        pass
    out, unknown = [], False
    for ch in text:
        try:
            ch.encode(enc)
            out.append(ch)
        except UnicodeEncodeError:
            unknown |= ch not in _TYPO
            out.append(_TYPO.get(ch, "?"))
    norm = "".join(out)
    folded = fold(norm)
    if not unknown and all(v in folded for v in fields.values()):
        return norm.encode(enc)
    return text.encode("utf-8")


def _when(ctx: _Ctx) -> datetime:
    return datetime(ctx.date.year, ctx.date.month, ctx.date.day, 10, 30, tzinfo=timezone.utc)


def write_email(out_dir: Path, rel: str, ctx: _Ctx) -> dict:
    """An .eml: the return in the body (numbered or narrative), or a cover note with the return
    attached; sometimes an annex that answers nothing. Attachments are keyed '<eml>::<name>'."""
    from .render_docx import docx_letter, docx_questionnaire
    from .render_pdf import pdf_letter, pdf_questionnaire

    rng, b, c = ctx.rng, ctx.bank, ctx.country
    key: dict = {}
    msg = EmailMessage(policy=policy.SMTP)
    user = rng.choice(["osce.vienna", "thb", "office", "m.novak", "pm.osce", "secretariat", "delegation"])
    domain = rng.choice([f"mfa.gov.{c.tld}", f"mfa.{c.tld}", f"interior.gov.{c.tld}", f"mission-osce.{c.tld}",
                         f"gov.{c.tld}"])
    sender_name = ctx.pick("sender_mission").split("\n")[-1] if rng.random() < 0.6 else rng.choice(b["names"])
    msg["From"] = f"{sender_name} <{user}@{domain}>"
    msg["To"] = rng.choice(["OSCE Anti-Trafficking Unit <thb@osce.org>", "osr-cthb@osce.org", "info-cthb@osce.org"])
    msg["Subject"] = ctx.pick("email_subject")
    when = datetime(ctx.date.year, ctx.date.month, ctx.date.day, rng.randint(8, 18), rng.randint(0, 59),
                    tzinfo=timezone.utc)
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<{ctx.num}.{rng.randint(10**6, 10**7)}@{domain}>"
    msg["MIME-Version"] = "1.0"
    mode = rng.choice(["body_numbered", "body_narrative", "attached", "attached", "attached"])
    mode = ctx.force.get("mode", mode)
    sig = "\n".join(ctx.signature() + ctx.pick("sender_mission").split("\n"))  # signature block names the State
    if mode == "body_numbered":
        doc, fields = _questionnaire_doc(ctx, cover=False)
        doc.pre.insert(0, ctx.pick("email_intro"))
        body = rng.choice(["plain", "plain", "alternative", "html"])
        if body == "html":  # an HTML-only message
            msg.set_content(to_html(doc, webform=False), subtype="html")
        else:
            msg.set_content(to_text(doc) + "\n" + sig + "\n")
            if body == "alternative":
                msg.add_alternative(to_html(doc, webform=False), subtype="html")
        fields["submitted_on"] = ctx.date.isoformat()  # the e-mail is dated by its Date header
        key[rel] = _entry("email", ctx.lang, "return", rel, fields)
    elif mode == "body_narrative":
        let, fields = _letter(ctx)
        body = rng.choice(["plain", "plain", "alternative", "html"])
        if body == "html":
            msg.set_content(letter_html(let), subtype="html")
        else:
            msg.set_content(letter_text(let))
            if body == "alternative":
                msg.add_alternative(letter_html(let), subtype="html")
        fields["submitted_on"] = ctx.date.isoformat()
        key[rel] = _entry("email", ctx.lang, "return", rel, fields)
    else:
        msg.set_content(ctx.pick("cover_note") + "\n" + sig + "\n")
        kind = rng.choice(["docx", "pdf_typed", "pdf_narrative", "docx_narrative"])
        kind = ctx.force.get("attachment", kind)
        buf = io.BytesIO()
        if kind in ("docx", "pdf_typed"):
            doc, fields = _questionnaire_doc(ctx)
            if kind == "docx":
                docx_questionnaire(doc, buf, rng, when=_when(ctx))
            else:
                pdf_questionnaire(doc, buf, rng)
        else:
            let, fields = _letter(ctx)
            if kind == "docx_narrative":
                docx_letter(let, buf, rng, when=_when(ctx))
            else:
                pdf_letter(let, buf, rng)
        ext = "docx" if kind.startswith("docx") else "pdf"
        att_name = ctx.force.get("attachment_name") or ctx.filename(ext, note="narrative" in kind)
        maintype, subtype = ("application", "pdf") if ext == "pdf" else \
            ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
        msg.add_attachment(buf.getvalue(), maintype=maintype, subtype=subtype, filename=att_name)
        eml_fields = ctx.base_fields(True)  # the cover note names the country; the e-mail is dated
        key[rel] = _entry("email", ctx.lang, "return", rel, eml_fields)
        key[f"{rel}::{att_name}"] = _entry(kind, ctx.lang, "attachment", rel, fields)
    if ctx.force.get("annex", rng.random() < 0.55 and mode != "body_narrative"):
        akind = rng.choice(["pdf", "pdf", "docx"])
        abuf = io.BytesIO()
        _annex(ctx, abuf, akind)
        aname = rng.choice(["NAP", "National_Action_Plan", "Rapporteur_report", "Law_THB", "annex1"]) + "." + akind
        mt = ("application", "pdf") if akind == "pdf" else \
            ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
        msg.add_attachment(abuf.getvalue(), maintype=mt[0], subtype=mt[1], filename=aname)
        key[f"{rel}::{aname}"] = {"form": "annex", "language": ctx.lang, "role": "attachment", "submission": rel,
                                  "country": c.name, "fields": {}}
    # fixed MIME boundaries: byte-identical output for the same seed
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"=_part{i}_{ctx.num}_{rng.randint(10**8, 10**9)}")
    (out_dir / rel).write_bytes(msg.as_bytes())
    return key


# ----------------------------------------------------------------------------- corpus
_EXT = {"pdf_typed": "pdf", "pdf_vector": "pdf", "pdf_form": "pdf", "pdf_table": "pdf", "pdf_narrative": "pdf",
        "scan": "pdf", "docx": "docx", "docx_narrative": "docx", "txt": "txt", "html": "html", "email": "eml"}


def _unique(name: str, used: set) -> str:
    stem, dot, ext = name.rpartition(".")
    cand, k = name, 2
    while cand.lower() in used:
        cand = f"{stem} ({k}).{ext}"
        k += 1
    used.add(cand.lower())
    return cand


def pick_country(rng: random.Random, lang: str) -> Country:
    cs = countries()
    natural = [c for c in cs if lang in c.natural]
    if natural and rng.random() < 0.6:
        return rng.choice(natural)
    return rng.choice(cs)


_FIRST_ARRIVAL = 1188604800  # 2007-09-01 00:00 UTC, when the first returns came in


def generate_corpus(out_dir: Path, n: int, seed: int = 0, forms: list[str] | None = None,
                    languages: list[str] | None = None, appendix_share: float | None = None,
                    key_path: Path | None = None) -> dict:
    """Write n returns under out_dir and their key to key_path (default out_dir/answer_key.json,
    where an ingest of out_dir would also meet it); return the key.

    appendix_share: the share of PDF/Word returns that carry an appended document (an action
    plan, a report) after their answers, 0.35 by default; a survey cycle's bulk run, where
    most returns come with their action plan, uses more."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    forms = list(forms or FORMS)
    for f in forms:
        if f not in FORMS:
            raise ValueError(f"unknown form {f!r}; forms: {', '.join(FORMS)}")
    languages = list(languages or available_languages())
    for lang in languages:
        if lang not in available_languages():
            raise ValueError(f"no phrase bank for language {lang!r}")
    master = random.Random(f"corpus-{seed}")

    def cycle(items):  # every item once per round, in a fresh order each round
        while True:
            items = list(items)
            master.shuffle(items)
            yield from items

    form_cycle, lang_cycle = cycle(forms), cycle(languages)
    key: dict = {}
    used: set = set()
    for i in range(n):
        form, lang = next(form_cycle), next(lang_cycle)
        rng = random.Random(f"{seed}-{i}-{form}-{lang}")
        country = pick_country(rng, lang)
        ctx = _Ctx(rng, lang, country)
        if appendix_share is not None:
            ctx.force["p_appendix"] = appendix_share
        before = set(key)
        ext = _EXT[form]
        if form == "txt" and rng.random() < 0.2:
            ext = "md"
        if form == "email":
            name = _unique(rng.choice(["RE_ Questionnaire", "Reply OSCE questionnaire", "FW_ THB questionnaire",
                                       f"{_slug(country.name)}_reply", "Questionnaire reply"]) + ".eml", used)
            key.update(write_email(out_dir, name, ctx))
        else:
            name = _unique(ctx.filename(ext, note=form in ("pdf_narrative", "docx_narrative")), used)
            key.update(write_return(out_dir, name, form, ctx))
        # returns arrive one after another over the survey's months: a fixed arrival time per return
        # (its files' mtime, the ledger's received time) makes which of a country's returns is current
        # the same on every run, where the time of writing left it to the clock's second
        arrived = _FIRST_ARRIVAL + i * 86400 + rng.randint(0, 86399)
        for rel in set(key) - before:
            if (out_dir / rel).exists():
                os.utime(out_dir / rel, (arrived, arrived))
    _check(key)
    write_key(key, out_dir / "answer_key.json" if key_path is None else key_path)
    return key


def write_key(key: dict, path: Path) -> Path:
    """The answer key as JSON (sorted, one entry per file), its folder created when missing."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(key, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


def _check(key: dict):
    from questionnaire_returns.contract import CONTRACT

    for path, entry in key.items():
        for fid, value in entry["fields"].items():
            why = CONTRACT.check_value(fid, value)
            if why:
                raise AssertionError(f"{path}: {fid}={value!r}: {why}")
            if CONTRACT.field(fid).type == "text":
                assert value == fold(value), (path, fid)
