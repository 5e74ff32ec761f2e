# -*- coding: utf-8 -*-
"""Re-read every file in raw/, check it opens (or fails, for expect=error) and that every keyed
text / year value occurs in its text (whitespace folded). Scans are only checked for opening.
python generator/selfcheck.py OUTDIR"""
import email
import email.policy
import html
import io
import json
import os
import re
import sys
import zipfile

import pdfplumber
import pypdf
import openpyxl

TEXT_FIELDS = ["ncm_coordinator", "ncm_body_name", "ncm_budget_covers", "ncm_achievements", "ncm_challenges", "thb_definition",
               "nap_review", "nap_achievements", "nap_challenges", "nrm_budget_covers", "report_recipient", "nrm_success",
               "nrm_challenges", "ncm_established_year", "ncm_established_year_other", "nrm_established_year",
               "nrm_established_year_other", "nap_year"]


FOOTER = re.compile(r"^(Pag\. \d+|Página \d+|Page \d+|p\. \d+|- \d+ -|\d+|OSCE - .{0,40}\d+)$")


def fold(s):
    return re.sub(r"\s+", " ", s).strip()


def pdf_text(data):
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for p in pdf.pages:
            lines = (p.extract_text() or "").split("\n")
            # drop the running footer (page number line) so text continuing over a page break matches
            if lines and FOOTER.match(lines[-1].strip()):
                lines = lines[:-1]
            out.append("\n".join(lines))
    r = pypdf.PdfReader(io.BytesIO(data))
    fields = r.get_fields() or {}
    for k, v in fields.items():
        val = v.get("/V")
        if isinstance(val, str):
            out.append(val)
    return "\n".join(out), len(fields)


def docx_text(data):
    z = zipfile.ZipFile(io.BytesIO(data))
    out = []
    for name in z.namelist():
        if name.startswith("word/") and name.endswith(".xml") and ("document" in name or "header" in name):
            xml = z.read(name).decode("utf-8")
            for para in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
                out.append("".join(html.unescape(t) for t in re.findall(r"<w:t(?: [^>]*)?>(.*?)</w:t>", para, flags=re.S)))
    import docx  # also make sure python-docx opens it
    docx.Document(io.BytesIO(data))
    return "\n".join(out)


def xlsx_text(data):
    wb = openpyxl.load_workbook(io.BytesIO(data))
    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            out.append(" | ".join("" if c is None else str(c) for c in row))
    return "\n".join(out)


def eml_text(data):
    m = email.message_from_bytes(data, policy=email.policy.default)
    out = []
    for part in m.walk():
        if part.is_multipart():
            continue
        fn = part.get_filename()
        ct = part.get_content_type()
        if fn:
            b = part.get_payload(decode=True)
            if fn.lower().endswith(".pdf"):
                out.append(pdf_text(b)[0])
            elif fn.lower().endswith(".docx"):
                out.append(docx_text(b))
        elif ct == "text/html":
            h = part.get_content()
            h = re.sub(r"<br\s*/?>", "\n", h)
            out.append(html.unescape(re.sub(r"<[^>]+>", " ", h)))
        elif ct == "text/plain":
            out.append(part.get_content())
    return "\n".join(out), m["Date"]


def main():
    outdir = sys.argv[1]
    raw = os.path.join(outdir, "raw")
    keys = [json.loads(l) for l in open(os.path.join(outdir, "key.jsonl"), encoding="utf-8")]
    files = set(os.listdir(raw))
    assert files == {k["file"] for k in keys}, (files ^ {k["file"] for k in keys})
    bad = 0
    nvals = 0
    for k in keys:
        p = os.path.join(raw, k["file"])
        data = open(p, "rb").read()
        ext = k["file"].rsplit(".", 1)[1].lower()
        try:
            if ext == "pdf":
                text, nf = pdf_text(data)
            elif ext == "docx":
                text = docx_text(data)
            elif ext == "xlsx":
                text = xlsx_text(data)
            elif ext == "eml":
                text, _ = eml_text(data)
            else:
                raise ValueError(ext)
            opened = True
        except Exception as e:
            opened = False
            err = repr(e)[:100]
        if k["expect"] == "error":
            if opened and fold(text):
                print("FAIL damaged file reads:", k["file"]); bad += 1
            else:
                print("ok   (error as expected)", k["file"])
            continue
        if not opened:
            print("FAIL cannot open", k["file"], err); bad += 1
            continue
        nvals += len(k["fields"])
        if k["style"].startswith("scan"):
            if fold(text):
                print("FAIL scan has a text layer", k["file"]); bad += 1
            else:
                print("ok   (scan, image only)", k["file"], len(k["fields"]), "values")
            continue
        ft = fold(text)
        miss = []
        for f in TEXT_FIELDS:
            v = k["fields"].get(f)
            if v is None:
                continue
            for part in str(v).split(";"):
                if fold(part) not in ft:
                    miss.append((f, part[:60]))
        if k["expect"] in ("return", "duplicate"):
            cn = k["fields"].get("country")
            assert cn == k["country"]
        if miss:
            bad += 1
            print("FAIL", k["file"], miss)
        else:
            print("ok  ", k["file"], len(k["fields"]), "values")
    print("total keyed values:", nvals, "| failures:", bad)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
