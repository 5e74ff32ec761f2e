"""Ledger rules: duplicate, attachment, superseded, failed; stable submission ids."""

import pytest

from questionnaire_returns.write import ledger
from questionnaire_returns.write.ledger import FileInfo
from questionnaire_returns.pipeline import DocResult
from questionnaire_returns.records import Answer


def doc(sf, country=None, fields=(), attachments=(), submitted=None, form="pdf_typed"):
    answers = [Answer(f, "yes", 0.9, "r", "e", source_file=sf) for f in fields]
    if country:
        answers.append(Answer("country", country, 0.9, "r", "e", source_file=sf))
    if submitted:
        answers.append(Answer("submitted_on", submitted, 0.9, "r", "e", source_file=sf))
    return DocResult(sf, form, 1, "en", country, tuple(answers), tuple(attachments))


def fi(sf, sha=None, received="2007-01-01T00:00:00+00:00", size=10):
    return FileInfo(sf, sha or f"sha-{sf}", size, received)


def by_file(rows):
    return {r["source_file"]: r for r in rows}


def test_slug_and_unique_ids():
    assert ledger.slug("2007/Austria reply.pdf") == "2007-austria-reply"
    assert ledger.slug("Россия/ответ.docx") == "россия-ответ"
    ids = ledger.assign_ids(["a.pdf", "a.docx", "b.pdf"])
    assert len(set(ids.values())) == 3
    kept = ledger.assign_ids(["a.pdf", "a.docx", "a.doc"], previous={"a.pdf": "a", "a.docx": "a-2"})
    assert kept["a.pdf"] == "a" and kept["a.docx"] == "a-2" and kept["a.doc"] not in ("a", "a-2")


def test_duplicate_of_the_first_copy():
    files = [fi("b.pdf", "same", "2007-01-02T00:00:00+00:00"), fi("a.pdf", "same", "2007-01-03T00:00:00+00:00")]
    results = {"b.pdf": doc("b.pdf", "Austria", ["ncm_exists"]), "a.pdf": doc("a.pdf", "Austria", ["ncm_exists"])}
    rows, subs = ledger.build(files, results, {})
    r = by_file(rows)
    assert r["b.pdf"]["status"] == "return"
    assert r["a.pdf"]["status"] == "duplicate" and r["a.pdf"]["submission_id"] == r["b.pdf"]["submission_id"]
    assert "b.pdf" in r["a.pdf"]["reason"]
    assert list(subs) == ["b"]


def test_failed_file_keeps_reason():
    rows, subs = ledger.build([fi("x.pdf")], {}, {"x.pdf": "not a readable PDF"})
    assert rows[0]["status"] == "failed" and rows[0]["reason"] == "not a readable PDF"
    assert subs == {}


def test_empty_files_are_not_duplicates_of_each_other():
    files = [fi("a.txt", "e3b0", size=0), fi("b.txt", "e3b0", size=0)]
    rows, _ = ledger.build(files, {}, {"a.txt": "empty file", "b.txt": "empty file"})
    assert [r["status"] for r in rows] == ["failed", "failed"]


def test_superseded_by_submitted_on():
    files = [fi("at/second.pdf", received="2007-01-01T00:00:00+00:00"), fi("at/first.pdf", received="2007-02-01T00:00:00+00:00")]
    results = {
        "at/first.pdf": doc("at/first.pdf", "Austria", ["ncm_exists"], submitted="2007-03-01"),
        "at/second.pdf": doc("at/second.pdf", "Austria", ["ncm_exists"], submitted="2007-06-01"),
    }
    rows, subs = ledger.build(files, results, {})
    r = by_file(rows)
    assert r["at/second.pdf"]["status"] == "return"
    assert r["at/first.pdf"]["status"] == "superseded" and "at/second.pdf" in r["at/first.pdf"]["reason"]
    assert {s.status for s in subs.values()} == {"return", "superseded"}


def test_a_numbered_copy_is_the_duplicate_even_when_it_came_first():
    """'reply (1).pdf' is a browser's second download of 'reply.pdf': the plain name is the return."""
    files = [fi("AT/reply (1).pdf", "same", "2007-01-02T00:00:00+00:00"), fi("AT/reply.pdf", "same", "2007-01-03T00:00:00+00:00")]
    results = {f.source_file: doc(f.source_file, "Austria", ["ncm_exists"]) for f in files}
    r = by_file(ledger.build(files, results, {})[0])
    assert r["AT/reply.pdf"]["status"] == "return"
    assert r["AT/reply (1).pdf"]["status"] == "duplicate" and "AT/reply.pdf" in r["AT/reply (1).pdf"]["reason"]


@pytest.mark.parametrize("original, copy", [
    ("LV_questionnaire.docx", "Copy_of_LV_questionnaire.docx"),  # sorts first, says it is a copy
    ("AT_OSZE_Fragebogen_Antwort.doc", "AT_Fragebogen_Antwort_KOPIE.doc"),
    ("Malta_risposte.docx", "Malta_risposte_reinvio.docx"),  # extends the original's name
])
def test_a_copy_named_as_one_is_the_duplicate(original, copy):
    from questionnaire_returns.config import settings

    files = [fi(copy, "same"), fi(original, "same")]
    results = {f.source_file: doc(f.source_file, "Austria", ["ncm_exists"]) for f in files}
    r = by_file(ledger.build(files, results, {}, copy_words=settings().duplicates.copy_words)[0])
    assert (r[original]["status"], r[copy]["status"]) == ("return", "duplicate")


def test_superseded_by_received_time_then_name():
    files = [fi("a.pdf", received="2007-02-01T00:00:00+00:00"), fi("b.pdf", received="2007-01-01T00:00:00+00:00")]
    results = {sf: doc(sf, "Malta", ["nap_exists"]) for sf in ("a.pdf", "b.pdf")}
    r = by_file(ledger.build(files, results, {})[0])
    assert (r["a.pdf"]["status"], r["b.pdf"]["status"]) == ("return", "superseded")
    files = [fi("a.pdf"), fi("b.pdf")]
    r = by_file(ledger.build(files, results, {})[0])
    assert (r["a.pdf"]["status"], r["b.pdf"]["status"]) == ("superseded", "return")


def test_attachment_goes_to_the_return_of_its_country_in_its_folder():
    files = [fi("at/reply.pdf"), fi("at/annex.pdf"), fi("other/annex.pdf"), fi("lost.pdf")]
    results = {
        "at/reply.pdf": doc("at/reply.pdf", "Austria", ["ncm_exists"]),
        "at/annex.pdf": doc("at/annex.pdf", "Austria"),
        "other/annex.pdf": doc("other/annex.pdf", "Austria"),
        "lost.pdf": doc("lost.pdf", None),
    }
    r = by_file(ledger.build(files, results, {})[0])
    assert r["at/annex.pdf"]["status"] == "attachment" and r["at/annex.pdf"]["submission_id"] == "at-reply"
    assert r["other/annex.pdf"]["submission_id"] == "at-reply"  # same country, another folder
    assert r["lost.pdf"]["status"] == "attachment" and r["lost.pdf"]["submission_id"] == "lost"


def test_attachment_without_country_joins_the_only_return_of_its_folder():
    files = [fi("x/reply.pdf"), fi("x/scan.pdf")]
    results = {"x/reply.pdf": doc("x/reply.pdf", "Malta", ["ncm_exists"]), "x/scan.pdf": doc("x/scan.pdf")}
    r = by_file(ledger.build(files, results, {})[0])
    assert r["x/scan.pdf"]["submission_id"] == "x-reply"


def test_email_attachments_are_listed_and_merged():
    att = doc("mail.eml::reply.pdf", "France", ["ncm_exists", "nap_exists"])
    mail = doc("mail.eml", "France", [], attachments=[att], form="email")
    rows, subs = ledger.build([fi("mail.eml")], {"mail.eml": mail}, {})
    r = by_file(rows)
    assert r["mail.eml"]["status"] == "return"
    assert r["mail.eml::reply.pdf"]["status"] == "attachment"
    assert r["mail.eml::reply.pdf"]["submission_id"] == "mail"
    assert len(subs["mail"].docs) == 2


def test_list_raw_counts_every_file_but_placeholders(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "reply.pdf").write_bytes(b"x")
    (tmp_path / ".hidden.txt").write_text("y")
    (tmp_path / ".gitkeep").write_text("")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref")
    names = [p.relative_to(tmp_path).as_posix() for p in ledger.list_raw(tmp_path)]
    assert names == [".hidden.txt", "a/reply.pdf"]
    info = ledger.file_info(tmp_path / "a" / "reply.pdf", tmp_path)
    assert info.size_bytes == 1 and len(info.sha256) == 64 and info.received.endswith("+00:00")


def test_ids_stay_put_when_an_attachment_carries_its_return_id(tmp_path):
    """Rerun from the previous ledger: an annex filed under a return's id must not take that id."""
    import pandas as pd

    files = [fi("a-annex.pdf"), fi("reply.pdf")]
    results = {"a-annex.pdf": doc("a-annex.pdf", "Malta"), "reply.pdf": doc("reply.pdf", "Malta", ["ncm_exists"])}
    rows, _ = ledger.build(files, results, {})
    assert by_file(rows)["a-annex.pdf"]["submission_id"] == "reply"
    pd.DataFrame(rows).to_csv(tmp_path / "submissions.csv", index=False)
    again, _ = ledger.build(files, results, {}, ledger.previous_ids(tmp_path / "submissions.csv"))
    assert again == rows


def test_a_rerun_tells_new_from_changed_files_by_the_ledger_it_wrote(tmp_path):
    """The plan reads submissions.csv as written (quoted names, formula-like names, attachments) and
    knows each file's previous content, without pandas (so planning does not wait for its import)."""
    import subprocess
    import sys

    import pandas as pd

    from questionnaire_returns.write.cells import write_csv

    names = ["plain.pdf", 'a, "quoted" name.pdf', "=HYPERLINK(x).pdf", "mail.eml", "mail.eml::reply.pdf", "r\\xe9ponse.pdf"]
    df = pd.DataFrame({"source_file": names, "sha256": [f"{i:064x}" for i in range(len(names))],
                       "status": ["return"] * len(names)})
    write_csv(df, tmp_path / "submissions.csv")
    got = ledger.previous_hashes(tmp_path / "submissions.csv")
    assert got == {n: f"{i:064x}" for i, n in enumerate(names) if "::" not in n}
    (tmp_path / "empty.csv").write_text("")
    assert ledger.previous_hashes(tmp_path / "empty.csv") == {}
    assert ledger.previous_hashes(tmp_path / "missing.csv") == {}
    code = ("import sys; from pathlib import Path; from questionnaire_returns.write import ledger; "
            f"assert ledger.previous_hashes(Path({str(tmp_path / 'submissions.csv')!r})); "
            "assert 'pandas' not in sys.modules, 'pandas imported to plan a run'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-1500:]
