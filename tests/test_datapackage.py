"""The data dictionary in the schema, and datapackage.json written with the dataset (validated
with the frictionless library)."""

import json

import frictionless
import pytest
import yaml

from questionnaire_returns import dictionary
from questionnaire_returns.config import Settings
from questionnaire_returns.contract import CONTRACT, load_contract
from questionnaire_returns.review.labels import label_of
from questionnaire_returns.write.cells import read_csv
from questionnaire_returns.write.dataset import write_run
from tests.test_write import _results

from questionnaire_returns.write.cells import write_csv


@pytest.fixture
def dataset(tmp_path):
    s = Settings()
    s.review.audit_share = 0.0
    write_run(tmp_path, _results(), {"bad.pdf": "not a readable PDF"}, s)
    return tmp_path


def _errors(report) -> list[str]:
    return [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors] + [e.message for e in report.errors]


def test_every_field_has_a_description_type_and_labels_for_every_code():
    for e in dictionary.entries():
        assert e.description, e.field
        assert e.type in ("yesno", "year", "choice", "multi", "ministries", "number", "text")
        spec = CONTRACT.field(e.field)
        if spec.values:  # every code has a label the schema gives (not the code's words made up)
            assert set(dict(spec.labels)) == set(spec.values), e.field
    assert dictionary.entry("ncm_civil_society_share").unit == "percent"
    assert dictionary.entry("nap_year").unit == "year"
    assert dictionary.label("ncm_type", "both") == "co-ordinator and working group"
    assert dictionary.label("nap_challenge_topics", "resources;support") == \
        "budget and resources, lack of political or public support"


def test_a_label_changed_in_the_schema_changes_it_everywhere(tmp_path):
    raw = yaml.safe_load(CONTRACT.source.read_text(encoding="utf-8"))
    raw["fields"]["ncm_type"]["values"]["both"] = "a co-ordinator with a working group"
    raw["vocabularies"]["ministries"]["interior"] = "Home Affairs"
    changed = tmp_path / "questionnaire.yaml"
    changed.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    contract = load_contract(changed)
    assert dictionary.label("ncm_type", "both", contract) == "a co-ordinator with a working group"
    assert dictionary.label("ncm_lead_ministry", "interior", contract) == "Home Affairs"
    # the review app and the report read the project's schema through the same module
    from questionnaire_returns.report.figures import label

    assert label("ncm_type", "both") == dictionary.label("ncm_type", "both") == label_of("ncm_type", "both")


def test_the_data_package_validates_and_describes_every_column(dataset):
    path = dataset / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    report = frictionless.Package(str(path)).validate()
    assert report.valid, _errors(report)
    resources = {r["name"]: r for r in package["resources"]}
    assert {"answers", "responses", "review_queue", "submissions", "failures"} <= set(resources)
    responses = {f["name"]: f for f in resources["responses"]["schema"]["fields"]}
    assert list(responses)[1:] == list(read_csv(dataset / "responses.csv").columns)[1:]
    assert responses["ncm_type"]["constraints"]["enum"] == ["coordinator", "working_group", "both", "other"]
    assert {"value": "both", "label": "co-ordinator and working group"} in responses["ncm_type"]["categories"]
    assert responses["ncm_exists"]["constraints"]["enum"] == ["yes", "no"]
    assert responses["nap_year"]["type"] == "integer"
    assert responses["ncm_civil_society_share"]["unit"] == "percent"
    assert all(f.get("description") for f in responses.values() if f["name"] != "submission_id")
    answers = {f["name"]: f for f in resources["answers"]["schema"]["fields"]}
    assert answers["status"]["constraints"]["enum"] == ["auto", "review", "confirmed", "corrected"]


def test_a_value_outside_its_vocabulary_fails_the_package(dataset):
    df = read_csv(dataset / "responses.csv")
    df.loc[0, "ncm_type"] = "committee"
    df.loc[0, "ncm_ministries"] = "interior;magic"
    df.loc[0, "nap_year"] = "about 2004"
    write_csv(df, dataset / "responses.csv")
    report = frictionless.Package(str(dataset / "datapackage.json")).validate()
    assert not report.valid
    messages = " ".join(_errors(report))
    assert "ncm_type" in messages and "ncm_ministries" in messages and "nap_year" in messages
