"""Fast checks of the synthetic-return generator (synthetic_returns/): determinism, a key that keeps
the contract, files their readers open, encodings that decode back."""

from __future__ import annotations

import email
import hashlib
import io
import json
import re
from email import policy
from pathlib import Path

import pytest

from questionnaire_returns.contract import CONTRACT
from synthetic_returns import FORMS, available_languages, generate_corpus


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    key = generate_corpus(out, n=len(FORMS), seed=11, languages=["en", "fr", "de", "ru"])
    return out, key


def _files(d: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(d.iterdir())}


def test_same_seed_same_key_and_bytes(tmp_path):
    a = generate_corpus(tmp_path / "a", n=len(FORMS), seed=5, languages=["en", "ru"])
    b = generate_corpus(tmp_path / "b", n=len(FORMS), seed=5, languages=["en", "ru"])
    assert a == b
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    # and the same arrival times, so the ledger picks the same current return of a country on every run
    mtimes = {d: {p.name: p.stat().st_mtime for p in (tmp_path / d).iterdir() if p.name != "answer_key.json"} for d in "ab"}
    assert mtimes["a"] == mtimes["b"] and len(set(mtimes["a"].values())) >= len(FORMS) - 1
    c = generate_corpus(tmp_path / "c", n=len(FORMS), seed=6, languages=["en", "ru"])
    assert c != a


def test_key_on_disk_and_every_value_keeps_the_contract(corpus):
    out, key = corpus
    assert json.loads((out / "answer_key.json").read_text(encoding="utf-8")) == key
    forms = set()
    for rel, entry in key.items():
        assert set(entry) == {"form", "language", "role", "submission", "country", "fields"}
        assert entry["role"] in ("return", "attachment")
        if entry["role"] == "return":
            assert entry["submission"] == rel and (out / rel).exists()
            assert entry["fields"]["country"] == entry["country"]
        else:
            assert rel.startswith(entry["submission"] + "::")
        forms.add(entry["form"])
        for fid, value in entry["fields"].items():
            assert CONTRACT.check_value(fid, value) is None, (rel, fid, value)
            if CONTRACT.field(fid).type == "text":
                assert value == _fold(value)
    assert set(FORMS) <= forms


def _attachment(out: Path, rel: str) -> tuple[str, bytes]:
    eml, name = rel.split("::")
    msg = email.message_from_bytes((out / eml).read_bytes(), policy=policy.default)
    for part in msg.iter_attachments():
        if part.get_filename() == name:
            return name, part.get_content()
    raise AssertionError(f"{rel}: attachment missing")


def test_each_form_opens_in_its_reader(corpus):
    import docx
    import pdfplumber

    out, key = corpus
    for rel, entry in key.items():
        name, data = _attachment(out, rel) if "::" in rel else (rel, (out / rel).read_bytes())
        if name.endswith(".pdf"):
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                text = "".join(p.extract_text() or "" for p in pdf.pages)
                assert pdf.pages
            if entry["form"] == "scan":
                assert text.strip() == "", f"{rel}: a scan must have no text layer"
            elif entry["form"] == "pdf_form":
                from pypdf import PdfReader

                fields = PdfReader(io.BytesIO(data)).get_fields()
                assert any(f.get("/V") == "/Yes" for f in fields.values()), rel
            else:
                assert len(text) > 200, rel
        elif name.endswith(".docx"):
            assert any(p.text.strip() for p in docx.Document(io.BytesIO(data)).paragraphs)
        elif name.endswith(".eml"):
            msg = email.message_from_bytes(data, policy=policy.default)
            assert msg["From"] and msg["To"] and msg["Subject"] and msg["Date"]
            assert msg.get_body(("plain", "html")) is not None


def _decode(data: bytes, lang: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if lang == "ru":  # cp1251 or KOI8-R: the one that reads as mostly lower-case Cyrillic
        cands = [data.decode("cp1251"), data.decode("koi8-r")]
        return max(cands, key=lambda t: sum("а" <= ch <= "я" for ch in t))
    return data.decode("cp1252")


def test_txt_encodings_decode_back_to_the_written_answers(tmp_path):
    key = generate_corpus(tmp_path, n=24, seed=3, forms=["txt"], languages=["ru", "fr", "de"])
    encodings = set()
    for rel, entry in key.items():
        data = (tmp_path / rel).read_bytes()
        text = _fold(_decode(data, entry["language"]))
        encodings.add("bom" if data[:3] == b"\xef\xbb\xbf" else "utf16" if data[:2] == b"\xff\xfe" else
                      "utf8" if _is_utf8(data) else "legacy")
        for fid, value in entry["fields"].items():
            if CONTRACT.field(fid).type == "text" and fid != "submitted_on":
                assert value in text, (rel, fid, value)
    assert len(encodings) >= 3


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def test_all_phrase_banks_load_with_the_same_keys():
    from synthetic_returns.bank import phrases

    en = phrases("en")
    for lang in available_languages():
        missing = set(en) - set(phrases(lang)) - {"months_gen", "letters", "decimal"}
        assert not missing, (lang, missing)
        assert set(phrases(lang)["questions"]) == set(CONTRACT.questions)
