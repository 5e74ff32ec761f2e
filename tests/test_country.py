"""Country always known, or asked (issue 16, item 3): the sender's country read from the
letterhead, signature, e-mail headers and the file's name, in each language's own names,
abbreviations and codes; a reply whose country cannot be resolved is asked for with a
`required_missing` review row and its name candidates in unknown_names.csv."""

from __future__ import annotations


import pandas as pd
import pytest

from questionnaire_returns.config import project_root, settings
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.pipeline import process_file
from questionnaire_returns.records import Document, Line
from questionnaire_returns.resolve import Resolver
from questionnaire_returns.resolve.sender import country, name_candidates
from questionnaire_returns.write.dataset import write_run

THRESHOLD = settings().review.threshold


@pytest.fixture(scope="module")
def r() -> Resolver:
    return Resolver(project_root() / "canon")


def _doc(lines, source_file="reply.pdf", meta=None) -> Document:
    return Document(source_file, "pdf_typed", tuple(Line(t, page=1) for t in lines), 1, meta=meta or {})


BODY = ["1. Does your country have a recognized mechanism?", "Yes", "9. National Action Plan?", "Yes, since 2006."]


@pytest.mark.parametrize("head,expected", [
    ("Česká republika - Ministerstvo vnitra", "Czech Republic"),
    ("Permanent Mission of the Czech Rep. to the OSCE", "Czech Republic"),
    ("Bundesrepublik Deutschland - Bundesministerium des Innern", "Germany"),
    ("Министерство внутренних дел РФ", "Russian Federation"),
    ("Ministry of Security of BiH", "Bosnia and Herzegovina"),
    ("Ständige Vertretung der BRD bei der OSZE", "Germany"),
    ("Постоянное представительство Респ. Казахстан при ОБСЕ", "Kazakhstan"),
])
def test_the_letterhead_in_the_countrys_own_names_and_abbreviations(r, head, expected):
    got = country(_doc([head, *BODY]), r)
    assert got is not None and got[0] == expected and got[1] >= THRESHOLD


@pytest.mark.parametrize("head,expected", [
    ("Dublin, 15 February 2008", "Ireland"),
    ("Тбилиси, 12 марта 2007 г.", "Georgia"),
])
def test_a_capital_in_the_date_line_names_the_country_for_a_reviewer_to_confirm(r, head, expected):
    got = country(_doc(["Department of Justice, Equality and Law Reform", head, *BODY]), r)
    assert got is not None and got[0] == expected and got[1] < THRESHOLD


def test_vienna_where_every_mission_writes_from_names_no_country(r):
    assert country(_doc(["Vienna, 3 May 2007", *BODY]), r) is None


@pytest.mark.parametrize("source_file,expected", [
    ("SLO_Antwort_Fragebogen.docx", "Slovenia"),          # a vehicle code
    ("AT_Antwort_Fragebogen_2013_REV1.pdf", "Austria"),    # ISO alpha-2
    ("GEO_reply_questionnaire.docx", "Georgia"),           # ISO alpha-3
    ("Otvet_RF_voprosnik_OBSE.txt", "Russian Federation"),  # an abbreviation
    ("Rumania_cuestionario_trata.docx", "Romania"),        # the name in the sender's language
    ("2007/Espana/respuesta.docx", "Spain"),               # a folder's name
    ("Austria_questionario_IT.docx", "Austria"),           # a name outweighs a code (IT: the language)
])
def test_the_file_name_names_the_country_when_the_text_does_not(r, source_file, expected):
    got = country(_doc(["Ministry of Justice", *BODY], source_file), r)
    assert got is not None and got[0] == expected
    assert got[1] < THRESHOLD  # the file's name alone: a reviewer confirms it
    assert got[2].text == source_file  # the evidence says where it was read


def test_a_file_name_in_capitals_throughout_has_no_codes(r):
    assert country(_doc(["Ministry of Justice", *BODY], "REPLY_AND_ANNEX.pdf"), r) is None


def test_the_file_name_adds_to_the_letterhead(r):
    alone = country(_doc(["Dublin, 15 February 2008", *BODY], "reply.pdf"), r)
    both = country(_doc(["Dublin, 15 February 2008", *BODY], "IRL_reply.pdf"), r)
    assert alone[0] == both[0] == "Ireland" and both[1] > alone[1]


def test_the_e_mail_headers_name_the_sender(r):
    meta = {"from": "Trafficking Unit <thb@mzv.cz>", "subject": "Questionnaire"}
    got = country(_doc(BODY, "mail.eml", meta), r)
    assert got is not None and got[0] == "Czech Republic"


def test_name_candidates_are_what_the_sender_calls_itself(r):
    doc = _doc(["Permanent Mission of Ruritania to the OSCE", "Vienna, 3 May 2007", *BODY,
                "Ambassador, Permanent Representative"], "2007/RUR_reply.pdf", {"from": "Mission <pm@ruritania.example>"})
    names = name_candidates(doc, r)
    assert names[0] == "Mission <pm@ruritania.example>"
    assert "Permanent Mission of Ruritania to the OSCE" in names
    assert names[-1] == "RUR_reply.pdf"


def _form(letterhead: str) -> str:
    parts = [letterhead, "Vienna, 12 March 2007", ""]
    for key, answer in (("1", "Yes"), ("2", "A national co-ordinator."), ("5", "No"), ("9", "Yes"), ("16", "No")):
        q = CONTRACT.questions[key]
        parts.append(f"{q.number}. {q.text}\n{answer}\n")
    return "\n".join(parts)


def test_a_reply_whose_country_is_unknown_is_asked_for(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "reply.txt").write_text(_form("Permanent Mission of Ruritania to the OSCE"), encoding="utf-8")
    (raw / "at.txt").write_text(_form("Permanent Mission of Austria to the OSCE"), encoding="utf-8")
    results = {name: process_file(raw / name, raw) for name in ("reply.txt", "at.txt")}
    assert results["reply.txt"].country is None
    out = tmp_path / "out"
    write_run(out, results, {}, settings())
    answers = pd.read_csv(out / "answers.csv", dtype=str, keep_default_na=False)
    mine = answers[answers.source_file.isin(["reply.txt", ""]) & (answers.submission_id == "reply")]
    asked = mine[mine.field.isin(["country", "respondent_type"])]
    assert sorted(asked.field) == ["country", "respondent_type"]
    assert set(asked.status) == {"review"} and set(asked.note) == {"required_missing"}
    # Austria's return has its country, nothing asked
    at = answers[answers.submission_id == "at"]
    assert at[at.field == "country"].value.tolist() == ["Austria"]
    assert not ((at.field == "country") & (at.note == "required_missing")).any()
    unknown = pd.read_csv(out / "unknown_names.csv", dtype=str, keep_default_na=False)
    countries = unknown[unknown.kind == "country"]
    assert "Permanent Mission of Ruritania to the OSCE" in set(countries.name)
    assert set(countries.files) == {"reply.txt"}


def test_a_document_that_is_no_reply_asks_for_no_country(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "notes.txt").write_text("Lecture 3\nSome notes on administrative law.\nNo mechanism exists here.\n",
                                   encoding="utf-8")
    result = process_file(raw / "notes.txt", raw)
    assert result.country is None
    assert not [n for kind, n in result.unknown_names if kind == "country"]
