# -*- coding: utf-8 -*-
"""Self-check: every file opens; every keyed text/year value occurs in the file's text (scans: opens only).

usage: python generator/check.py OUTDIR
"""
import email
import html
import io
import json
import os
import re
import sys
import zipfile
from email import policy

TEXT_FIELDS = ["ncm_coordinator", "ncm_body_name", "ncm_budget_covers", "ncm_achievements", "ncm_challenges", "thb_definition",
               "nap_review", "nap_achievements", "nap_challenges", "nrm_budget_covers", "report_recipient", "nrm_success", "nrm_challenges",
               "ncm_established_year", "nap_year", "nrm_established_year", "ncm_established_year_other"]


def fold(s):
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def pdf_text(b):
    import pdfplumber
    with pdfplumber.open(io.BytesIO(b)) as p:
        return "\n".join((pg.extract_text() or "") for pg in p.pages), len(p.pages)


def docx_text(b):
    import docx
    d = docx.Document(io.BytesIO(b))
    return "\n".join(p.text for p in d.paragraphs)


def odt_text(b):
    z = zipfile.ZipFile(io.BytesIO(b))
    x = z.read("content.xml").decode("utf-8")
    return html.unescape(re.sub(r"<[^>]+>", "\n", x))


def rtf_text(b):
    s = b.decode("ascii")
    s = re.sub(r"\\u(-?\d+)\?", lambda m: chr(int(m.group(1)) % 65536), s)
    s = s.replace("\\par", "\n")
    s = re.sub(r"\{\\fonttbl.*?\}\}", "", s)
    s = re.sub(r"\\[a-z]+-?\d* ?", "", s)
    s = s.replace("\\{", "{").replace("\\}", "}").replace("\\\\", "\\")
    return s.replace("{", "").replace("}", "")


def eml_text(b):
    m = email.message_from_bytes(b, policy=policy.default)
    out = []
    for part in m.walk():
        ct = part.get_content_type()
        fn = part.get_filename()
        if fn:
            data = part.get_payload(decode=True)
            if fn.endswith(".pdf"):
                out.append(pdf_text(data)[0])
            elif fn.endswith(".docx"):
                out.append(docx_text(data))
        elif ct == "text/plain":
            out.append(part.get_content())
        elif ct == "text/html":
            out.append(html.unescape(re.sub(r"<[^>]+>", " ", part.get_content())))
    return "\n".join(out), m


def read_any(path):
    b = open(path, "rb").read()
    ext = path.rsplit(".", 1)[-1].lower()
    if ext == "pdf":
        return pdf_text(b)[0]
    if ext == "docx":
        return docx_text(b)
    if ext == "odt":
        return odt_text(b)
    if ext == "rtf":
        return rtf_text(b)
    if ext == "txt":
        return b.decode("utf-8")
    if ext == "eml":
        return eml_text(b)[0]
    raise ValueError(ext)


CH = dict(
    respondent_type={"participating_state", "partner_for_cooperation"}, language={"en", "fr", "de", "ru", "es", "it"},
    ncm_type={"coordinator", "working_group", "both", "other"}, ncm_legal_basis={"legislation", "decree", "policy", "other"},
    nrm_type={"independent_rapporteur", "coordinator_function", "ministry_function", "research_institute", "other"},
    nrm_authority={"legislation", "policy", "other"}, report_frequency={"annual", "biannual", "biennial", "irregular", "other"},
    report_model={"prescribed", "varies"})
TOP = {"resources", "disagreement", "priorities", "coordination", "data", "other"}
MU = dict(ncm_civil_society_role={"decision_making", "observer", "other"}, ncm_function={"advisory", "policy_making", "implementation", "other"},
          ncm_challenge_topics=TOP, nap_challenge_topics=TOP | {"support"},
          nap_coverage={"legislative_reform", "prevention", "protection_assistance", "law_enforcement", "international_cooperation", "stakeholder_roles", "timeline", "other"},
          report_content={"scope", "trends", "law_enforcement", "victim_services", "prevention", "international_cooperation", "other"},
          ncm_ministries={"interior", "justice", "foreign_affairs", "labour", "social", "health", "education", "family", "finance", "migration", "defence", "culture", "other"})
MU["ncm_lead_ministry"] = MU["ncm_ministries"]
YN = {"ncm_exists", "ncm_interministerial", "ncm_experts", "ncm_civil_society", "ncm_budget", "nap_exists", "nap_equivalent", "thb_defined",
      "comprehensive_approach_defined", "nrm_exists", "nrm_budget", "reports_public"}


def vocab(keys):
    bad = 0
    for k in keys:
        for f, v in k["fields"].items():
            ok = True
            if f in YN:
                ok = v in ("yes", "no")
            elif f in CH:
                ok = v in CH[f]
            elif f in MU:
                parts = v.split(";")
                ok = set(parts) <= MU[f] and parts == sorted(parts) and (f != "ncm_lead_ministry" or len(parts) == 1)
            elif f.endswith("_year"):
                ok = re.fullmatch(r"\d{4}", v) is not None
            elif f == "submitted_on":
                ok = re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) is not None
            elif f == "ncm_civil_society_share":
                ok = 0 <= float(v) <= 100
            if not ok:
                print("VOCAB", k["file"], f, v)
                bad += 1
        # skip logic (except the deliberately contradictory return)
        F = k["fields"]
        if F and "contradictory" not in k["style"]:
            if F.get("ncm_exists") == "no":
                assert not [x for x in F if x.startswith("ncm_") and x != "ncm_exists"], k["file"]
            if F.get("nrm_exists") == "no":
                assert not [x for x in F if (x.startswith("nrm_") or x.startswith("report")) and x != "nrm_exists"], k["file"]
            if F.get("nap_exists") == "no" and F.get("nap_equivalent") == "no":
                assert not [x for x in F if x.startswith("nap_") and x not in ("nap_exists", "nap_equivalent")], k["file"]
        assert not set(k.get("review_fields", [])) & set(F) or "contradictory" in k["style"] or k["expect"] != "return" or \
            all(f in ("nrm_exists",) for f in set(k["review_fields"]) & set(F)), k["file"]
    return bad


def main(outdir):
    keys = [json.loads(l) for l in open(os.path.join(outdir, "key.jsonl"), encoding="utf-8")]
    files = set(os.listdir(os.path.join(outdir, "raw")))
    assert files == {k["file"] for k in keys}, files ^ {k["file"] for k in keys}
    bad, nvals = 0, 0
    for k in keys:
        p = os.path.join(outdir, "raw", k["file"])
        nvals += len(k["fields"])
        if k["expect"] == "error":
            try:
                read_any(p)
                print("ERROR FILE OPENS?", k["file"])
                bad += 1
            except Exception:
                pass
            continue
        txt = read_any(p)
        t = fold(txt).replace("> ", " ").replace(" >", " ")
        t = fold(t)
        if "scan" in k["style"]:
            assert len(t) < 50, "scan has a text layer"
            continue
        for f in TEXT_FIELDS:
            v = k["fields"].get(f)
            if v is None:
                continue
            for part in v.split(";"):
                if fold(part) not in t:
                    print("MISSING", k["file"], f, repr(part[:80]))
                    bad += 1
        assert not (set(k.get("review_fields", [])) - set(k["fields"])) & {"nrm_exists"} or k["fields"].get("nrm_exists") is None
    bad += vocab(keys)
    print("%d files, %d keyed values, %d problems" % (len(keys), nvals, bad))
    return bad


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1]) else 0)
