"""Fixtures for the review tests (loaded by tests/test_review_*.py through pytest_plugins).

A small dataset in a tmp folder: raw/ with a 1-page PDF (and an e-mail carrying
a PDF attachment), normalized/extracted.parquet shaped as the pipeline writes
it, and a stand-in for the lead's publish (questionnaire_returns.write.dataset)
used only while that module does not exist.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import tempfile
import types
from email.message import EmailMessage
from pathlib import Path

import pandas as pd
import pytest

REVIEW_PDF = "austria/return.pdf"
MAIL = "malta/reply.eml"
MAIL_PDF = MAIL + "::reply.pdf"

COLUMNS = ["submission_id", "country", "field", "question", "value", "confidence", "status",
           "evidence", "source_file", "page", "bbox", "rule", "note"]


PASSWORD = "correct horse battery staple"
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_in(html: str) -> str:
    """The CSRF token of the first form in a page."""
    return _CSRF.search(html).group(1)


def ensure_account(app, name: str, role: str = "reviewer", password: str = PASSWORD):
    accounts = app.state.review.accounts
    return accounts.get(name) or accounts.add(name, role, password, "tests")


def sign_in(client, name: str, password: str = PASSWORD, next_url: str = "/queue"):
    """Post the sign-in form as a browser would (its token from the form); the response."""
    form = client.get("/login", params={"next": next_url})
    return client.post("/login", data={"name": name, "password": password, "next": next_url,
                                       "csrf": csrf_in(form.text)}, follow_redirects=False)


def client_for(app, name: str | None = "Anna", role: str = "reviewer", base_url: str = "http://127.0.0.1"):
    """A TestClient signed in as `name` (an account made with `role` when missing);
    `client.csrf` is its session's CSRF token."""
    from fastapi.testclient import TestClient

    client = TestClient(app, base_url=base_url)
    client.csrf = ""
    if name:
        ensure_account(app, name, role)
        r = sign_in(client, name)
        assert r.status_code == 303, r.text
        client.csrf = csrf_in(client.get("/queue").text)
    return client


@pytest.fixture(scope="session", autouse=True)
def quick_password_hashes():
    """argon2id with the least work: the product's parameters cost most of a second per
    sign-in on a loaded machine, and the tests sign in often."""
    from argon2 import PasswordHasher

    from questionnaire_returns.review import accounts

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        mp.setattr(accounts, "_dummy", [])
        yield


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives the review app in headless Chromium (Playwright)")


def make_pdf(path: Path, lines: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=A4)
    y = A4[1] - 72
    for line in lines:
        c.drawString(72, y, line)
        y -= 20
    c.showPage()
    c.save()


def extracted_rows() -> list[dict]:
    def row(sub, country, field, q, value, conf, status, evidence, source="", page=None, bbox="",
            rule="test", note=""):
        return dict(submission_id=sub, country=country, field=field, question=q, value=value,
                    confidence=conf, status=status, evidence=evidence, source_file=source, page=page,
                    bbox=bbox, rule=rule, note=note)

    return [
        row("at-2007", "Austria", "country", None, "Austria", 0.99, "auto", "Republic of Austria",
            REVIEW_PDF, 1, "72,60,250,80"),
        row("at-2007", "Austria", "ncm_exists", "1", "yes", 0.55, "review", "1. Yes [x]  No [ ]",
            REVIEW_PDF, 1, "72,80,250,100", "yesno.tick", "low_confidence"),
        row("at-2007", "Austria", "ncm_type", "2", "working_group", 0.95, "auto",
            "Task Force on Combating Human Trafficking", REVIEW_PDF, 1, "72,100,400,120"),
        row("at-2007", "Austria", "ncm_legal_basis", "4", "decree", 0.35, "review",
            "established by a decision of the Council of Ministers", REVIEW_PDF, 1, "72,120,400,140",
            "choice.keyword", "low_confidence"),
        row("at-2007", "Austria", "ncm_ministries", "3", "interior;Vice Squad within the Malta Police Force",
            0.4, "review", "Ministry of the Interior, Vice Squad within the Malta Police Force",
            REVIEW_PDF, 1, "72,140,500,160", "ministries.names",
            "unknown_name: Vice Squad within the Malta Police Force"),
        row("at-2007", "Austria", "nrm_exists", "16", "yes", 0.6, "review",
            "<script>alert('x')</script> 16. Yes", REVIEW_PDF, 1, "72,160,400,180", "yesno.tick",
            "low_confidence"),
        row("mt-2007", "Malta", "country", None, "Malta", 0.99, "auto", "Malta", MAIL_PDF, 1, ""),
        row("mt-2007", "Malta", "ncm_exists", "1", "no", 0.7, "review", "1. No", MAIL_PDF, 1,
            "72,80,200,100", "yesno.tick", "low_confidence"),
        row("mt-2007", "Malta", "report_frequency", "21s", "annual", 0.5, "review",
            "reports are issued every year", MAIL_PDF, 1, "", "choice.keyword", "low_confidence"),
    ]


def write_extracted(data_dir: Path, rows: list[dict]) -> None:
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["page"] = df["page"].astype("Int64")
    df.to_parquet(data_dir / "extracted.parquet", index=False)


def build_dataset(root: Path) -> tuple[Path, Path]:
    """(data_dir, raw_dir) of a small dataset under root."""
    raw, data = root / "raw", root / "normalized"
    raw.mkdir(parents=True, exist_ok=True)
    data.mkdir(parents=True, exist_ok=True)
    make_pdf(raw / REVIEW_PDF, [
        "Republic of Austria: reply to the OSCE questionnaire",
        "1. Yes [x]  No [ ]",
        "2. Task Force on Combating Human Trafficking",
        "4. established by a decision of the Council of Ministers",
        "3a. Ministry of the Interior, Vice Squad within the Malta Police Force",
        "16. Yes",
    ])
    attachment = root / "tmp-reply.pdf"
    make_pdf(attachment, ["Malta", "1. No", "21. reports are issued every year"])
    msg = EmailMessage()
    msg["From"] = "ministry@example.org"
    msg["To"] = "osce@example.org"
    msg["Subject"] = "Questionnaire"
    msg.set_content("Please find our reply attached.")
    msg.add_attachment(attachment.read_bytes(), maintype="application", subtype="pdf", filename="reply.pdf")
    (raw / MAIL).parent.mkdir(parents=True, exist_ok=True)
    (raw / MAIL).write_bytes(bytes(msg))
    attachment.unlink()
    write_extracted(data, extracted_rows())
    write_ledger(data, {"at-2007": ("Austria", REVIEW_PDF), "mt-2007": ("Malta", MAIL)})
    return data, raw


def write_ledger(data_dir: Path, returns: dict[str, tuple[str, str]], languages: dict[str, str] | None = None) -> None:
    """submissions.csv as the pipeline writes it: the lead's publish keeps the rows of
    submissions whose ledger status is `return`."""
    rows = [dict(source_file=src, sha256="", size_bytes=1, received="", form="pdf_typed", pages=1,
                 country=country, language=(languages or {}).get(sid, "en"), status="return", submission_id=sid,
                 reason="")
            for sid, (country, src) in returns.items()]
    pd.DataFrame(rows).to_csv(data_dir / "submissions.csv", index=False)


def standin_publish(data_dir: Path, store) -> None:
    """The minimal stand-in for questionnaire_returns.write.dataset.publish."""
    from questionnaire_returns.corrections.merge import merge

    data_dir = Path(data_dir)
    answers = merge(pd.read_parquet(data_dir / "extracted.parquet"), store.latest())

    def atomic(name, write):
        tmp = data_dir / f".{name}.tmp"
        write(tmp)
        os.replace(tmp, data_dir / name)

    atomic("answers.csv", lambda p: answers.to_csv(p, index=False))
    atomic("answers.parquet", lambda p: answers.to_parquet(p, index=False))
    wide = answers.pivot_table(index="country", columns="field", values="value", aggfunc="first")
    atomic("responses.csv", lambda p: wide.to_csv(p))
    atomic("review_queue.csv", lambda p: answers[answers["status"] == "review"].to_csv(p, index=False))


def _install_publish_standin(monkeypatch) -> None:
    try:
        importlib.import_module("questionnaire_returns.write.dataset")
        return  # the lead's publish exists: the tests use it
    except ImportError:
        pass
    module = types.ModuleType("questionnaire_returns.write.dataset")
    module.publish = standin_publish
    monkeypatch.setitem(sys.modules, "questionnaire_returns.write.dataset", module)
    import questionnaire_returns.write as write_pkg

    monkeypatch.setattr(write_pkg, "dataset", module, raising=False)


@pytest.fixture
def publish_module(monkeypatch):
    _install_publish_standin(monkeypatch)
    return sys.modules["questionnaire_returns.write.dataset"]


@pytest.fixture
def dataset(tmp_path):
    data, raw = build_dataset(tmp_path)
    return types.SimpleNamespace(root=tmp_path, data=data, raw=raw,
                                 store_url=f"sqlite:///{data / 'corrections.sqlite'}")


@pytest.fixture(scope="module")
def module_publish():
    mp = pytest.MonkeyPatch()
    _install_publish_standin(mp)
    yield sys.modules["questionnaire_returns.write.dataset"]
    mp.undo()


@pytest.fixture(scope="module")
def module_dataset():
    with tempfile.TemporaryDirectory(prefix="review-") as tmp:
        data, raw = build_dataset(Path(tmp))
        yield types.SimpleNamespace(root=Path(tmp), data=data, raw=raw,
                                    store_url=f"sqlite:///{data / 'corrections.sqlite'}")


# ----------------------------------------------------------------------------- sources of every kind

FORM_PDF = "canada/questionnaire_fillable.pdf"
WORD = "georgia/reply.docx"
HTML = "norway/export.html"
TEXT = "russia/otvet.txt"
BODY_MAIL = "malta/letter.eml"
FORM_VALUE = "National Task Force on THB"
# the fillable field on page 2, as x0,top,x1,bottom in PDF points (A4 is 842 points high)
FORM_BBOX = "72,120,400,148"
WORD_EVIDENCE = "3. The Inter-Agency Council is chaired by the Ministry of Justice."


def make_fillable_pdf(path: Path) -> None:
    """Two pages; page 2 holds a filled text field and a ticked box (AcroForm widgets, values
    only in the form: a renderer without the form environment draws empty boxes)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawString(72, A4[1] - 72, "Questionnaire (fillable) - Canada")
    c.drawString(72, A4[1] - 100, "1. Does your country have a co-ordination mechanism?")
    c.showPage()
    c.drawString(72, A4[1] - 100, "2b. Name of the body:")
    c.acroForm.textfield(name="q2b", value=FORM_VALUE, x=72, y=A4[1] - 148, width=328, height=28, borderWidth=1,
                         fontSize=14)
    c.acroForm.checkbox(name="q1_yes", x=72, y=A4[1] - 200, size=18, checked=True, buttonStyle="check")
    c.showPage()
    c.save()


def make_word(path: Path) -> None:
    import docx

    path.parent.mkdir(parents=True, exist_ok=True)
    d = docx.Document()
    d.add_paragraph("Reply of Georgia to the OSCE questionnaire")
    for i in range(1, 60):  # enough text that the evidence is far below the top
        d.add_paragraph(f"Paragraph {i}: background on matters the questionnaire does not ask about.")
    d.add_paragraph(WORD_EVIDENCE)
    d.add_paragraph("4. It was established by a decree of 2006.")
    d.save(str(path))


def sources_rows() -> list[dict]:
    def row(sub, country, field, q, value, conf, status, evidence, source="", page=None, bbox="", note=""):
        return dict(submission_id=sub, country=country, field=field, question=q, value=value, confidence=conf,
                    status=status, evidence=evidence, source_file=source, page=page, bbox=bbox, rule="test",
                    note=note)

    return [
        row("ca-2007", "Canada", "country", None, "Canada", 0.99, "auto", "Canada", FORM_PDF, 1),
        row("ca-2007", "Canada", "ncm_body_name", "2", FORM_VALUE, 0.6, "review", FORM_VALUE, FORM_PDF, 2,
            FORM_BBOX, "low_confidence"),
        row("ca-2007", "Canada", "nap_exists", "9", "", 0.0, "review", "", note="required_missing"),
        row("ge-2007", "Georgia", "country", None, "Georgia", 0.99, "auto", "Georgia", WORD),
        row("ge-2007", "Georgia", "ncm_lead_ministry", "3", "justice", 0.5, "review", WORD_EVIDENCE, WORD,
            note="low_confidence"),
        row("ge-2007", "Georgia", "nrm_exists", "16", "", 0.0, "review", "", note="required_missing"),
        row("no-2007", "Norway", "country", None, "Norway", 0.99, "auto", "Norway", HTML),
        row("no-2007", "Norway", "nrm_exists", "16", "yes", 0.7, "review",
            "16. Yes, the National Rapporteur reports yearly.", HTML, note="audit"),
        row("ru-2007", "Russian Federation", "country", None, "Russian Federation", 0.99, "auto",
            "Российская Федерация", TEXT),
        row("ru-2007", "Russian Federation", "ncm_exists", "1", "yes", 0.65, "review", "1. Да", TEXT,
            note="low_confidence"),
        row("mt-2007", "Malta", "country", None, "Malta", 0.99, "auto", "Malta", BODY_MAIL),
        row("mt-2007", "Malta", "nap_exists", "9", "yes", 0.7, "review",
            "Malta adopted its National Action Plan in 2006.", BODY_MAIL, note="low_confidence"),
    ]


def build_sources_dataset(root: Path) -> tuple[Path, Path]:
    raw, data = root / "raw", root / "normalized"
    data.mkdir(parents=True, exist_ok=True)
    make_fillable_pdf(raw / FORM_PDF)
    make_word(raw / WORD)
    (raw / HTML).parent.mkdir(parents=True, exist_ok=True)
    (raw / HTML).write_text("<html><body><h1>Norway</h1><p>Filler.</p>"
                            "<p>16. Yes, the National Rapporteur reports yearly.</p></body></html>", encoding="utf-8")
    (raw / TEXT).parent.mkdir(parents=True, exist_ok=True)
    (raw / TEXT).write_text("Ответ Российской Федерации\n1. Да\n2. Межведомственная комиссия\n", encoding="utf-8")
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "mfa@example.org", "osce@example.org", "Questionnaire"
    msg.set_content("Dear colleagues,\n\nMalta adopted its National Action Plan in 2006.\n\nRegards")
    (raw / BODY_MAIL).parent.mkdir(parents=True, exist_ok=True)
    (raw / BODY_MAIL).write_bytes(bytes(msg))
    write_extracted(data, sources_rows())
    write_ledger(data, {"ca-2007": ("Canada", FORM_PDF), "ge-2007": ("Georgia", WORD), "no-2007": ("Norway", HTML),
                        "ru-2007": ("Russian Federation", TEXT), "mt-2007": ("Malta", BODY_MAIL)},
                 languages={"ru-2007": "ru"})
    return data, raw


@pytest.fixture
def sources_dataset(tmp_path):
    data, raw = build_sources_dataset(tmp_path)
    return types.SimpleNamespace(root=tmp_path, data=data, raw=raw,
                                 store_url=f"sqlite:///{data / 'corrections.sqlite'}")


@pytest.fixture(scope="module")
def module_sources_dataset():
    with tempfile.TemporaryDirectory(prefix="review-sources-") as tmp:
        data, raw = build_sources_dataset(Path(tmp))
        yield types.SimpleNamespace(root=Path(tmp), data=data, raw=raw,
                                    store_url=f"sqlite:///{data / 'corrections.sqlite'}")
