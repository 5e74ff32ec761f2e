"""A new survey cycle is a new schema, not new code.

tests/data/variant/questionnaire.yaml is the 2007 form with one question added (a hotline, with
its options), one removed (19, the questions after it renumbered), two asked the other way round
(13 and 14) and an option added to question 6. Returns written to the variant, from the variant
schema alone, are read with nothing changed but config.yaml's paths.schema.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import yaml

from questionnaire_returns.config import project_root
from questionnaire_returns.contract import Contract, load_contract

VARIANT = project_root() / "tests" / "data" / "variant" / "questionnaire.yaml"
CHECKED, UNCHECKED = "☒", "☐"

# What the two returns answer, by field (the values the variant's vocabulary holds).
ANSWERS = {
    "Austria": {
        "ncm_exists": "yes", "ncm_type": "coordinator", "ncm_function": "advisory;monitoring",
        "ncm_budget": "no", "ncm_achievements": "A referral mechanism for victims was agreed with the NGOs.",
        "nap_exists": "yes", "nap_equivalent": "no",
        "nap_review": "An external evaluation is carried out at the end of each plan.",
        "nap_achievements": "Labour inspectors joined the national response for the first time.",
        "nrm_exists": "yes", "nrm_type": "independent_rapporteur", "nrm_budget": "yes",
        "report_frequency": "annual", "hotline": "ngo",
    },
    "Malta": {
        "ncm_exists": "yes", "ncm_type": "working_group", "ncm_function": "implementation;monitoring;policy_making",
        "ncm_budget": "yes", "ncm_achievements": "Two shelters were opened and staffed with trained social workers.",
        "nap_exists": "no", "nap_equivalent": "yes",
        "nap_review": "The inter-ministerial group reviews the measures every six months.",
        "nap_achievements": "Prosecutors and labour inspectors now meet every quarter.",
        "nrm_exists": "yes", "nrm_type": "ministry_function", "nrm_budget": "no",
        "report_frequency": "biennial", "hotline": "government",
    },
}
# the words of a frequency, for the question that asks how often reports are issued
FREQUENCY_WORDS = {"annual": "Annually.", "biennial": "Every two years."}


def _choice_lines(contract: Contract, key: str, answers: dict[str, str]) -> list[str]:
    """A question's options as a return ticks them: ☒ before the chosen ones, ☐ before the others."""
    q = contract.questions[key]
    chosen = set()
    for spec in contract.fields_of(key):
        chosen |= set(answers.get(spec.id, "").split(";"))
    out = []
    for letter, text in q.options.items():
        value, flag = q.option_values.get(letter), q.option_fields.get(letter)
        ticked = (value in chosen) if value else (answers.get(flag) == "yes") if flag else None
        if ticked is None:
            continue
        out.append(f"{CHECKED if ticked else UNCHECKED} {letter}) {text}")
    return out


def render(contract: Contract, country: str, answers: dict[str, str]) -> list[str]:
    """A return to the questionnaire the contract declares, as the lines a ministry would type: the
    questions numbered as the form prints them, options ticked, text answers under their question."""
    lines = [f"Government of {country}", "Reply to the questionnaire on co-ordinating and reporting efforts", ""]
    for key, q in contract.questions.items():
        lines.append(f"{q.number}. {q.text}")
        lines += _choice_lines(contract, key, answers)
        for spec in contract.fields_of(key):
            if spec.type == "text" and spec.id in answers:
                lines.append(answers[spec.id])
        if key == "21s":
            lines.append(f"a) {FREQUENCY_WORDS[answers['report_frequency']]}")
        lines.append("")
    return lines


def write_returns(contract: Contract, folder: Path) -> None:
    """One return as text, one as a Word file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Austria_reply.txt").write_text("\n".join(render(contract, "Austria", ANSWERS["Austria"])), encoding="utf-8")
    document = docx.Document()
    for line in render(contract, "Malta", ANSWERS["Malta"]):
        document.add_paragraph(line)
    document.save(folder / "Malta_reply.docx")


def read_with(schema: Path, raw: Path, tmp: Path) -> dict[str, dict[str, str]]:
    """Each return's answers as a fresh process reads them, with config.yaml's paths.schema set to `schema`."""
    root = project_root()
    config = yaml.safe_load((root / "config.yaml").read_text(encoding="utf-8"))
    config["paths"].update(schema=str(schema), canon=str(root / "canon"), patterns=str(root / "extractors" / "patterns"))
    (tmp / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from questionnaire_returns.pipeline import process_file\n"
        "raw = Path(sys.argv[1])\n"
        "print(json.dumps({p.name: {a.field: a.value for a in process_file(p, raw).answers} for p in sorted(raw.iterdir())}))\n"
    )
    env = dict(os.environ, RETURNS_CONFIG=str(tmp / "config.yaml"))
    done = subprocess.run([sys.executable, "-c", script, str(raw)], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_returns_to_a_variant_questionnaire_read_into_its_fields(tmp_path):
    variant = load_contract(VARIANT)
    raw = tmp_path / "raw"
    write_returns(variant, raw)
    got = read_with(VARIANT, raw, tmp_path)
    for name, country in (("Austria_reply.txt", "Austria"), ("Malta_reply.docx", "Malta")):
        read = got[name]
        wanted = ANSWERS[country]
        assert {f: read.get(f) for f in wanted} == wanted, name
        assert "nrm_established_year" not in read  # the variant has no question 19


def test_the_2007_schema_does_not_read_the_variant_s_new_question(tmp_path):
    """The control: the same returns read with the 2007 schema give no hotline, and the reordered
    questions' answers land in each other's fields."""
    variant = load_contract(VARIANT)
    raw = tmp_path / "raw"
    write_returns(variant, raw)
    got = read_with(project_root() / "schema" / "questionnaire.yaml", raw, tmp_path)
    read = got["Austria_reply.txt"]
    assert "hotline" not in read
    assert read.get("nap_review") != ANSWERS["Austria"]["nap_review"]
