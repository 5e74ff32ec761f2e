"""make eval: keyed corpora found wherever they are put, scored with the shared scorer and broken
down by family and language, printed before the generated corpus; form text read as an answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.corpora import find_corpora, pick
from eval.form_text import form_text_found, form_wording, is_form_text
from synthetic_returns import generate_corpus


def keyed_corpus(folder: Path, seed: int = 3) -> Path:
    """A corpus in the independent sets' shape: raw/ with two tiny returns and an empty file, key.jsonl."""
    key = generate_corpus(folder / "raw", n=2, seed=seed, forms=["txt", "html"], languages=["en", "fr"],
                          key_path=folder.parent / f"{folder.name}_generator_key.json")
    (folder / "raw" / "broken.pdf").write_bytes(b"")
    lines = [{"file": name, "expect": "return", "country": e["country"], "language": e["language"],
              "style": e["form"], "fields": e["fields"]} for name, e in key.items()]
    lines.append({"file": "broken.pdf", "expect": "error", "fields": {}})
    (folder / "key.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return folder


def test_keyed_corpora_are_found_in_both_places_and_a_folder_without_its_key_is_named(tmp_path):
    shared, tests = tmp_path / "shared", tmp_path / "corpora"
    for folder in (shared / "b", shared / "a", tests / "letters"):
        (folder / "raw").mkdir(parents=True)
        (folder / "key.jsonl").write_text("", encoding="utf-8")
    (tests / "unkeyed" / "raw").mkdir(parents=True)
    found, skipped = find_corpora(shared, tests)
    assert [c.name for c in found] == ["a", "b", "tests/letters"]
    assert len(skipped) == 1 and "unkeyed" in skipped[0] and "key.jsonl" in skipped[0]
    assert [c.name for c in pick(found, ["tests/letters", str(shared / "a")])] == ["tests/letters", "a"]
    with pytest.raises(ValueError, match="nowhere"):
        pick(found, ["nowhere"])


def _scorer() -> Path:
    """The shared scorer beside the project, or the copy tests/data keeps for a checkout without ../shared."""
    from eval.corpora import SCORER

    return SCORER if SCORER.exists() else Path(__file__).parent / "data" / "shared_scorer" / "score.py"


def test_eval_scores_a_tests_corpus_with_the_shared_scorer_and_prints_it_before_the_generated_one(
        prefect_harness, tmp_path, capsys):
    from eval.cli import main

    keyed_corpus(tmp_path / "corpora" / "tiny")
    out = tmp_path / "out"
    code = main(["--independent", str(tmp_path / "no-shared"), "--tests-corpora", str(tmp_path / "corpora"),
                 "--out", str(out), "--runner", "thread", "--n", "2", "--forms", "txt", "--languages", "en",
                 "--scorer", str(_scorer())])
    printed = capsys.readouterr().out
    assert code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    [tiny] = report["corpora"]
    assert tiny["name"] == "tests/tiny" and tiny["files"] == 3
    # the headline figures are the shared scorer's, and eval's own breakdown adds up to them
    assert tiny["summary"]["accuracy"] == tiny["scorer"]["field_accuracy"]
    assert tiny["disagreements"] == []
    assert tiny["scorer"]["bad_inputs_handled"] == "1/1"
    assert {r["language"] for r in tiny["by_language"]} == {"en", "fr"}
    assert sum(r["keyed"] for r in tiny["by_language"]) == tiny["scorer"]["fields_scored"]
    assert sum(r["rows"] for r in tiny["reliability"]) > 0 and tiny["ece"] is not None
    assert tiny["form_text"]["count"] == 0
    # printed: the tests corpus's figures first, then the generated corpus's
    for title in ("tests/tiny: by form family", "tests/tiny: by language", "tests/tiny: reliability",
                  "tests/tiny: form text read as an answer"):
        assert title in printed
    assert printed.index("tests/tiny: by form family") < printed.index("generated: by value type")
    assert report["generated"]["summary"]["keyed"] > 0


def test_an_unknown_corpus_name_stops_eval_with_the_names_it_knows(tmp_path, capsys):
    from eval.cli import main

    keyed_corpus(tmp_path / "corpora" / "tiny")
    code = main(["--independent", str(tmp_path / "none"), "--tests-corpora", str(tmp_path / "corpora"),
                 "--corpus", "atlantis", "--out", str(tmp_path / "out")])
    assert code == 2
    assert "atlantis" in capsys.readouterr().out


# --- form text read as an answer -------------------------------------------------------------

def test_a_question_retyped_as_an_answer_is_form_text():
    from questionnaire_returns.contract import CONTRACT

    for question in CONTRACT.questions.values():
        assert is_form_text(question.text, "en"), question.text


def test_the_returns_own_language_wording_counts_too():
    instruction = "Veuillez citer des exemples précis."
    assert instruction in " ".join(form_wording("fr"))
    assert is_form_text(instruction, "fr")
    assert is_form_text("réponse coordonnée ? Veuillez citer des", "fr")  # a cut-off piece of Q14
    assert not is_form_text(instruction, "de")  # not the wording of a German return's form


def test_an_option_label_alone_is_form_text_and_a_real_answer_is_not():
    assert is_form_text("Other", "en")
    assert is_form_text("Autre", "fr")
    assert not is_form_text("A nation-wide awareness campaign was organised together with the national broadcaster.", "en")
    # an answer that quotes the instruction but is mostly the country's own words
    assert not is_form_text("Please cite specific instances. More than 1,200 police officers, prosecutors and judges "
                            "were trained, and standard operating procedures for identifying victims were adopted.", "en")
    assert not is_form_text("ee", "en")  # letters inside a word of the form are not the form's wording


def test_form_text_found_counts_and_shows_examples():
    import pandas as pd

    values = pd.DataFrame([
        {"file": "a.pdf", "field": "ncm_achievements", "value": "Please cite specific instances.", "status": "auto", "language": "en"},
        {"file": "b.pdf", "field": "ncm_challenges", "value": "Lack of trained staff in the regions.", "status": "auto", "language": "en"},
        {"file": "c.pdf", "field": "ncm_body_name", "value": "Autre", "status": "review", "language": "fr"},
    ])
    found = form_text_found(values)
    assert (found["count"], found["auto"]) == (2, 1)
    assert [e["file"] for e in found["examples"]] == ["a.pdf", "c.pdf"]
