#!/usr/bin/env python
"""Re-read every file of the corpus and check it against key.jsonl.

usage: python generator/selfcheck.py CORPUSDIR
- every file in raw/ is keyed and every keyed file exists and opens;
- every keyed text value occurs in the file's text (whitespace folded), except for scans;
- values respect the FIELDS.md vocabularies;
- duplicates are byte-identical to their original; error files do not yield text;
- English files never contain the questionnaire's own sentences verbatim."""
import email
import html
import io
import json
import os
import re
import sys
from email import policy

import pdfplumber
import pypdf
from docx import Document

VOCAB = {
    "respondent_type": {"participating_state", "partner_for_cooperation"},
    "language": {"en", "fr", "de", "ru", "es", "it"},
    "ncm_type": {"coordinator", "working_group", "both", "other"},
    "ncm_legal_basis": {"legislation", "decree", "policy", "other"},
    "nrm_type": {"independent_rapporteur", "coordinator_function", "ministry_function", "research_institute", "other"},
    "nrm_authority": {"legislation", "policy", "other"},
    "report_frequency": {"annual", "biannual", "biennial", "irregular", "other"},
    "report_model": {"prescribed", "varies"},
}
MULTI = {
    "ncm_civil_society_role": {"decision_making", "observer", "other"},
    "ncm_function": {"advisory", "policy_making", "implementation", "other"},
    "ncm_challenge_topics": {"resources", "disagreement", "priorities", "coordination", "data", "other"},
    "nap_challenge_topics": {"resources", "disagreement", "priorities", "coordination", "data", "other", "support"},
    "nap_coverage": {"legislative_reform", "prevention", "protection_assistance", "law_enforcement", "international_cooperation",
                     "stakeholder_roles", "timeline", "other"},
    "report_content": {"scope", "trends", "law_enforcement", "victim_services", "prevention", "international_cooperation", "other"},
    "ncm_ministries": {"interior", "justice", "foreign_affairs", "labour", "social", "health", "education", "family", "finance",
                       "migration", "defence", "culture", "other"},
}
MULTI["ncm_lead_ministry"] = MULTI["ncm_ministries"]
YESNO = {"ncm_exists", "ncm_interministerial", "ncm_experts", "ncm_civil_society", "ncm_budget", "nap_exists", "nap_equivalent",
         "thb_defined", "comprehensive_approach_defined", "nrm_exists", "nrm_budget", "reports_public"}
YEARS = {"ncm_established_year", "nap_year", "nrm_established_year"}
TEXT = {"ncm_coordinator", "ncm_body_name", "ncm_budget_covers", "ncm_achievements", "ncm_challenges", "thb_definition",
        "nap_review", "nap_achievements", "nap_challenges", "nrm_budget_covers", "report_recipient", "nrm_success", "nrm_challenges"}
ALL = set(VOCAB) | set(MULTI) | YESNO | YEARS | TEXT | {"country", "submitted_on", "ncm_civil_society_share",
                                                        "ncm_established_year_other", "nrm_established_year_other"}
# exact sentences of the questionnaire that a paraphrasing hand must never reproduce
BANNED = [
    "Does your country have a recognized mechanism to co-ordinate policy and programmatic responses",
    "If yes, what is the nature of the mechanism?",
    "If the co-ordination mechanism is a working group, commission, or task force, what is the composition?",
    "By what authority (legislation, recommended action, etc) was this mechanism established?",
    "Does the national co-ordination mechanism have a budget?",
    "The main function of this group is",
    "What have been the primary achievements of this individual or group?",
    "Examples include legislative and policy reform, encouraging new prevention",
    "What have been the main challenges facing this group?",
    "Examples can include budget and resources, lack of internal agreement",
    "Other equivalent co-ordinated policy/programmatic response to trafficking at the national level",
    "What is covered in your national policy response?",
    "Is trafficking in human beings defined in your legislation/national action plan?",
    "Are the elements of a comprehensive approach (prevention, prosecution, protection and assistance) to THB defined",
    "How is the impact of the action plan reviewed and assessed by the government?",
    "What have been the primary achievements of the action plan or other co-ordinated policy response?",
    "Examples may include inclusion of new stakeholders, clarification of new objectives",
    "What have been the main challenges facing the implementation of this plan",
    "Does your country have a national reporting mechanism in place?",
    "What is the nature of this mechanism",
    "By what authority was this function established?",
    "Does this function have a budget?",
    "What have been evidences of the success of this report",
    "What limitations and challenges have you encountered in reporting on THB?",
    "Please cite specific instances", "Please cite specific examples",
]


def fold(s):
    return re.sub(r"\s+", " ", s).strip()


def pdf_text(data):
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for p in pdf.pages:
            out.append(p.extract_text() or "")
    try:
        r = pypdf.PdfReader(io.BytesIO(data))
        for k, v in (r.get_fields() or {}).items():
            if v.get("/FT") == "/Tx" and v.get("/V"):
                out.append(str(v["/V"]))
    except Exception:
        pass
    return "\n".join(out)


def docx_text(data):
    d = Document(io.BytesIO(data))
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for c in row.cells:
                out.append(c.text)
    return "\n".join(out)


def html_text(s):
    s = re.sub(r"<[^>]+>", " ", s)
    return html.unescape(s)


def eml_text(data):
    m = email.message_from_bytes(data, policy=policy.default)
    out = [m.get_body(("plain",)).get_content()]
    for att in m.iter_attachments():
        fn = att.get_filename() or ""
        b = att.get_content()
        if fn.endswith(".pdf"):
            out.append(pdf_text(b))
        elif fn.endswith(".docx"):
            out.append(docx_text(b))
    return "\n".join(out), m


def file_text(path):
    data = open(path, "rb").read()
    if path.endswith(".pdf"):
        return pdf_text(data)
    if path.endswith(".docx"):
        return docx_text(data)
    if path.endswith(".eml"):
        return eml_text(data)[0]
    if path.endswith(".html"):
        return html_text(data.decode("utf-8"))
    return data.decode("utf-8")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    raw = os.path.join(root, "raw")
    keys = [json.loads(l) for l in open(os.path.join(root, "key.jsonl"), encoding="utf-8")]
    errors = []
    files = set(os.listdir(raw))
    keyed = {k["file"] for k in keys}
    if files != keyed:
        errors.append(f"files/key mismatch: unkeyed {files - keyed}, missing {keyed - files}")
    nvals = 0
    for k in keys:
        path = os.path.join(raw, k["file"])
        f = k["fields"]
        nvals += len(f)
        for fld, v in f.items():
            if fld not in ALL:
                errors.append(f"{k['file']}: unknown field {fld}")
            elif fld in VOCAB and v not in VOCAB[fld]:
                errors.append(f"{k['file']}: {fld}={v} not in vocabulary")
            elif fld in MULTI and (not set(v.split(";")) <= MULTI[fld] or v.split(";") != sorted(v.split(";"))):
                errors.append(f"{k['file']}: {fld}={v} bad multi value")
            elif fld in YESNO and v not in ("yes", "no"):
                errors.append(f"{k['file']}: {fld}={v} not yes/no")
            elif fld in YEARS and not re.fullmatch(r"\d{4}", v):
                errors.append(f"{k['file']}: {fld}={v} not a year")
        for r in k["review_fields"]:
            if r in f and "contradict" not in k.get("style", "") and k["file"] != "Malta_questionnaire.pdf":
                errors.append(f"{k['file']}: review field {r} also keyed")
        if k["expect"] == "duplicate":
            if open(path, "rb").read() != open(os.path.join(raw, k["duplicate_of"]), "rb").read():
                errors.append(f"{k['file']}: not identical to {k['duplicate_of']}")
            continue
        if k["expect"] == "error":
            try:
                t = file_text(path)
                if len(fold(t)) > 40:
                    errors.append(f"{k['file']}: damaged file still yields text")
            except Exception:
                pass
            if f:
                errors.append(f"{k['file']}: error file with fields")
            continue
        try:
            t = fold(file_text(path))
        except Exception as e:
            errors.append(f"{k['file']}: does not open ({e})")
            continue
        if k["style"] == "scan":
            if len(t) > 20:
                errors.append(f"{k['file']}: scan has a text layer")
            continue
        if k["expect"] == "not_a_return":
            if f:
                errors.append(f"{k['file']}: not_a_return with fields")
            if len(t) < 100:
                errors.append(f"{k['file']}: annex has little text")
            continue
        for fld in TEXT:
            if fld in f and fold(f[fld]) not in t:
                errors.append(f"{k['file']}: {fld} text not found: {f[fld][:60]}")
        for fld in ("ncm_established_year", "nap_year", "nrm_established_year"):
            if fld in f and f[fld] not in t:
                errors.append(f"{k['file']}: {fld} {f[fld]} not in text")
        if "ncm_civil_society_share" in f and f["ncm_civil_society_share"] not in t:
            errors.append(f"{k['file']}: share not in text")
        if k["language"] == "en":
            for b in BANNED:
                if fold(b).lower() in t.lower():
                    errors.append(f"{k['file']}: questionnaire wording verbatim: {b[:50]}")
    for e in errors:
        print("ERROR", e)
    print(f"{len(keys)} files checked, {nvals} keyed values, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
