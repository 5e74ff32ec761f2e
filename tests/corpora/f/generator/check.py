# -*- coding: utf-8 -*-
"""Self-check: every file opens; every keyed text/year value occurs in the file's text (non-scans);
AcroForm values read back with pypdf get_fields and pdfplumber annots.
usage: python generator/check.py CORPUSDIR"""
import json, os, re, sys, email
from email import policy

TEXT = ["ncm_coordinator", "ncm_body_name", "ncm_budget_covers", "ncm_achievements", "ncm_challenges", "thb_definition",
        "nap_review", "nap_achievements", "nap_challenges", "nrm_budget_covers", "report_recipient", "nrm_success", "nrm_challenges"]
YEARS = ["ncm_established_year", "nap_year", "nrm_established_year", "ncm_established_year_other", "ncm_civil_society_share"]


def fold(s):
    return re.sub(r"\s+", " ", s).strip().lower()


def pdf_text(path):
    import pdfplumber
    parts, cells = [], []
    with pdfplumber.open(path) as pdf:
        n = len(pdf.pages)
        for p in pdf.pages:
            parts.append(p.extract_text() or "")
            for t in p.extract_tables():
                for r in t:
                    for c in r:
                        if c:
                            cells.append(c)
            for a in p.annots or []:
                pass
    return n, "\n".join(parts), cells


def main(d):
    keys = [json.loads(l) for l in open(os.path.join(d, "key.jsonl"), encoding="utf-8")]
    fv = json.load(open(os.path.join(d, "generator", "form_values.json"), encoding="utf-8"))
    files = set(os.listdir(os.path.join(d, "raw")))
    assert files == {k["file"] for k in keys}, files ^ {k["file"] for k in keys}
    bad, weak, nval = [], [], 0
    for k in keys:
        p = os.path.join(d, "raw", k["file"])
        ext = k["file"].rsplit(".", 1)[-1].lower()
        docs = []
        if k["expect"] == "error":
            try:
                import pdfplumber
                with pdfplumber.open(p) as pdf:
                    [pg.extract_text() for pg in pdf.pages]
                ok = False
            except Exception:
                ok = True
            from pypdf import PdfReader
            try:
                PdfReader(p, strict=True).pages[0]
                ok2 = False
            except Exception:
                ok2 = True
            if not (ok or ok2):
                bad.append((k["file"], "damaged file opens cleanly"))
            continue
        if ext == "pdf" and not k["style"].startswith("scan"):
            n, txt, cells = pdf_text(p)
            docs = [txt, " ".join(cells)]
            if k["file"] in fv:
                from pypdf import PdfReader
                import pdfplumber
                got = {n_: f.get("/V") for n_, f in (PdfReader(p).get_fields() or {}).items()}
                for name, v in fv[k["file"]].items():
                    if str(got.get(name)) != v:
                        bad.append((k["file"], f"field {name}: {got.get(name)!r} != {v!r}"))
                with pdfplumber.open(p) as pdf:
                    an = [a for pg in pdf.pages for a in (pg.annots or [])]
                if not an:
                    bad.append((k["file"], "no annots via pdfplumber"))
                docs.append(" ".join(str(v) for v in got.values() if v))
        elif ext == "docx":
            import docx
            D = docx.Document(p)
            t = [x.text for x in D.paragraphs]
            for tb in D.tables:
                for r in tb.rows:
                    for c in r.cells:
                        t.append(c.text)
            docs = ["\n".join(t)]
        elif ext == "eml":
            m = email.message_from_bytes(open(p, "rb").read(), policy=policy.default)
            docs = [m.get_body(("plain",)).get_content()]
            assert m["Date"]
        elif ext in ("tif", "jpg", "pdf"):
            if ext == "pdf":
                from pypdf import PdfReader
                r = PdfReader(p)
                assert len(r.pages) >= 1
            else:
                from PIL import Image
                im = Image.open(p); im.load()
                nfr = getattr(im, "n_frames", 1)
                if ext == "tif":
                    assert nfr > 1, "tif should be multi-page"
            continue
        if k["expect"] != "return" and k["expect"] != "duplicate":
            continue
        if k["expect"] == "duplicate":
            import filecmp
            assert filecmp.cmp(p, os.path.join(d, "raw", k["duplicate_of"]), shallow=False)
        alltxt = fold(" ".join(docs))
        for f in TEXT + YEARS:
            if f not in k["fields"]:
                continue
            v = k["fields"][f]
            for part in (v.split(";") if f.endswith("_other") else [v]):
                nval += 1
                if fold(part) in alltxt:
                    continue
                if re.sub(r"\s+", "", part.lower()) in re.sub(r"\s+", "", " ".join(docs).lower()):
                    weak.append((k["file"], f + " (line-wrapped at a hyphen)"))
                    continue
                toks = fold(part).split()
                words = alltxt.split()
                # ordered-subsequence fallback (rows split over pages / interleaved columns)
                i = 0
                for w in words:
                    if i < len(toks) and w == toks[i]:
                        i += 1
                if i == len(toks):
                    weak.append((k["file"], f))
                else:
                    bad.append((k["file"], f"{f}={part!r} not found"))
        for f in k["review_fields"]:
            if f in k["fields"] and "contradict" not in k["style"] and k["fields"].get("nrm_exists") != "no":
                bad.append((k["file"], f"review field {f} also keyed"))
    print(f"{len(keys)} files, {nval} text/number values checked, {len(weak)} weak (ordered-token) matches, {len(bad)} problems")
    for w in weak:
        print("  weak:", w)
    for b in bad:
        print("  BAD:", b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
