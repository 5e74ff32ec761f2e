# -*- coding: utf-8 -*-
"""Re-read every file of corpus d and check it against key.jsonl.
python generator/selfcheck.py CORPUSDIR [--dump DIR]
- every file opens (the damaged one must fail to open);
- for non-scans: every keyed text / year / number value occurs in the file's text (whitespace folded);
- scans: the image opens, page count is as expected."""
import email
import html
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

TEXT_FIELDS = {"ncm_coordinator", "ncm_body_name", "ncm_budget_covers", "ncm_achievements", "ncm_challenges", "thb_definition",
               "nap_review", "nap_achievements", "nap_challenges", "nrm_budget_covers", "report_recipient", "nrm_success",
               "nrm_challenges"}
YEAR_FIELDS = {"ncm_established_year", "nap_year", "nrm_established_year", "ncm_civil_society_share"}
OTHER_YEARS = {"ncm_established_year_other", "nrm_established_year_other"}


def fold(s):
    return re.sub(r"\s+", " ", s or "").strip()


def docx_text(data):
    import docx
    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for c in row.cells:
                parts.append(c.text)
    return "\n".join(parts)


def lo_text(path, profile):
    with tempfile.TemporaryDirectory() as td:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        "txt:Text (encoded):UTF8", "--outdir", td, path], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=180)
        fn = os.path.join(td, os.path.splitext(os.path.basename(path))[0] + ".txt")
        return open(fn, encoding="utf-8-sig").read()


def pdf_text(path):
    import pdfplumber
    parts = []
    with pdfplumber.open(path) as pdf:
        for pg in pdf.pages:
            tables = pg.extract_tables()
            if tables:
                for t in tables:
                    for row in t:
                        parts.append(" | ".join(c or "" for c in row))
            parts.append(pg.extract_text() or "")
    return "\n".join(parts)


def file_text(path, profile):
    ext = path.rsplit(".", 1)[-1].lower()
    if ext == "pdf":
        return pdf_text(path)
    if ext == "docx":
        return docx_text(open(path, "rb").read())
    if ext in ("doc", "rtf", "odt"):
        return lo_text(path, profile)
    if ext == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(path)
        return "\n".join(" | ".join(str(c.value) for c in row if c.value is not None) for ws in wb for row in ws.iter_rows())
    if ext == "csv":
        raw = open(path, "rb").read()
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return raw.decode("cp1251")
    if ext == "html":
        t = open(path, encoding="utf-8").read()
        return html.unescape(re.sub(r"<[^>]+>", " ", t))
    if ext == "txt":
        return open(path, encoding="utf-8").read()
    if ext == "eml":
        msg = email.message_from_bytes(open(path, "rb").read())
        parts = []
        for part in msg.walk():
            ct = part.get_content_type()
            if ct == "text/plain":
                parts.append(part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8"))
            elif part.get_filename():
                parts.append(docx_text(part.get_payload(decode=True)))
        return "\n".join(parts)
    return None


def main():
    root = sys.argv[1]
    dump = sys.argv[sys.argv.index("--dump") + 1] if "--dump" in sys.argv else None
    profile = os.path.join(os.path.abspath(root), ".lo_profile")
    keys = [json.loads(l) for l in open(os.path.join(root, "key.jsonl"), encoding="utf-8")]
    files = set(os.listdir(os.path.join(root, "raw")))
    bad = 0
    checked = 0
    assert files == {k["file"] for k in keys}, (files ^ {k["file"] for k in keys})
    for k in keys:
        path = os.path.join(root, "raw", k["file"])
        ext = path.rsplit(".", 1)[-1].lower()
        if k["style"].startswith("scan_"):
            from PIL import Image
            if ext == "pdf":
                import pypdf
                n = len(pypdf.PdfReader(path).pages)
            else:
                im = Image.open(path)
                n = getattr(im, "n_frames", 1)
            print(f"ok   {k['file']}: scan, {n} page(s), {len(k['fields'])} fields keyed")
            continue
        if k["expect"] == "error":
            try:
                zipfile.ZipFile(path)
                print(f"FAIL {k['file']}: damaged file opens")
                bad += 1
            except zipfile.BadZipFile:
                print(f"ok   {k['file']}: damaged, does not open")
            continue
        txt = file_text(path, profile)
        if dump:
            os.makedirs(dump, exist_ok=True)
            open(os.path.join(dump, k["file"] + ".txt"), "w", encoding="utf-8").write(txt)
        ft = fold(txt)
        miss = []
        for fid, v in k["fields"].items():
            if fid in TEXT_FIELDS or fid in YEAR_FIELDS:
                checked += 1
                if fold(v) not in ft:
                    miss.append((fid, v))
            elif fid in OTHER_YEARS:
                for y in v.split(";"):
                    checked += 1
                    if y not in ft:
                        miss.append((fid, y))
        if not txt.strip():
            miss.append(("text", "empty"))
        if miss:
            bad += 1
            print(f"FAIL {k['file']}: {miss}")
        else:
            print(f"ok   {k['file']}: {len(k['fields'])} fields keyed")
    print(f"{checked} text/year/number values checked; {bad} files failing")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
