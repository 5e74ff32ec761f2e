"""merge: corrections over the extraction, and what happens when the return changes."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))
pytest_plugins = ["conftest_review"]
pytest.register_assert_rewrite("conftest_review")

from conftest_review import COLUMNS, extracted_rows  # noqa: E402
from questionnaire_returns.corrections.merge import merge  # noqa: E402
from questionnaire_returns.corrections.store import CorrectionStore  # noqa: E402


@pytest.fixture
def extracted() -> pd.DataFrame:
    df = pd.DataFrame(extracted_rows(), columns=COLUMNS)
    df["page"] = df["page"].astype("Int64")
    return df


@pytest.fixture
def store():
    s = CorrectionStore("sqlite://")
    yield s
    s.close()


def row(df, sub, field):
    hit = df[(df["submission_id"] == sub) & (df["field"] == field)]
    assert len(hit) == 1, hit
    return hit.iloc[0]


def test_no_corrections_keeps_everything(extracted):
    out = merge(extracted, {})
    assert list(out.columns) == COLUMNS + ["extracted_value", "reviewer", "corrected_at"]
    assert len(out) == len(extracted)
    assert (out["value"] == out["extracted_value"]).all()
    assert (out["reviewer"] == "").all()
    assert out["page"].dtype == extracted["page"].dtype
    assert out["confidence"].dtype == extracted["confidence"].dtype


def test_corrected_accepted_unanswerable(extracted, store):
    legal = row(extracted, "at-2007", "ncm_legal_basis")
    store.add("at-2007", "ncm_legal_basis", "correct", legal.value, "policy", legal.evidence, "Anna")
    ex = row(extracted, "at-2007", "ncm_exists")
    store.add("at-2007", "ncm_exists", "accept", ex.value, ex.value, ex.evidence, "Ben")
    rf = row(extracted, "mt-2007", "report_frequency")
    store.add("mt-2007", "report_frequency", "unanswerable", rf.value, "", rf.evidence, "Anna")
    before = extracted.copy()
    out = merge(extracted, store.latest())
    pd.testing.assert_frame_equal(extracted, before)  # the extraction is never edited

    r = row(out, "at-2007", "ncm_legal_basis")
    assert (r.value, r.status, r.extracted_value, r.reviewer) == ("policy", "corrected", "decree", "Anna")
    assert r.corrected_at.startswith("20")
    r = row(out, "at-2007", "ncm_exists")
    assert (r.value, r.status, r.reviewer) == ("yes", "confirmed", "Ben")  # accepted as read
    assert out[(out.submission_id == "mt-2007") & (out.field == "report_frequency")].empty
    assert len(out) == len(extracted) - 1
    assert row(out, "at-2007", "ncm_type").status == "auto"  # untouched rows stay as they are


def test_latest_correction_wins(extracted, store):
    ex = row(extracted, "at-2007", "ncm_exists")
    a = store.add("at-2007", "ncm_exists", "correct", ex.value, "no", ex.evidence, "Anna", extracted_value="yes")
    store.add("at-2007", "ncm_exists", "correct", "no", "yes", ex.evidence, "Ben", expected_latest=a.id,
              extracted_value="yes")
    r = row(merge(extracted, store.latest()), "at-2007", "ncm_exists")
    # Ben set the value back to what the return says: confirmed, not corrected
    assert (r.value, r.status, r.reviewer) == ("yes", "confirmed", "Ben")


def test_stale_correction_goes_back_to_review(extracted, store):
    legal = row(extracted, "at-2007", "ncm_legal_basis")
    store.add("at-2007", "ncm_legal_basis", "correct", legal.value, "policy", legal.evidence, "Anna")
    ex = row(extracted, "at-2007", "ncm_exists")
    store.add("at-2007", "ncm_exists", "accept", ex.value, ex.value, ex.evidence, "Ben")

    # the return changed: a new value for one field, new evidence (same value) for the other
    changed = extracted.copy()
    i = changed.index[(changed.submission_id == "at-2007") & (changed.field == "ncm_legal_basis")][0]
    changed.loc[i, "value"] = "legislation"
    changed.loc[i, "evidence"] = "established by the Act of 2005"
    j = changed.index[(changed.submission_id == "at-2007") & (changed.field == "ncm_exists")][0]
    changed.loc[j, "evidence"] = "1. Yes [x] (revised return)"

    out = merge(changed, store.latest())
    r = row(out, "at-2007", "ncm_legal_basis")
    assert r.status == "review"
    assert r.value == "legislation"  # the new extraction
    assert "corrected to 'policy' by Anna on" in r.note
    assert "the return now says 'legislation'" in r.note
    r = row(out, "at-2007", "ncm_exists")
    assert r.status == "review" and r.value == "yes"
    assert "by Ben" in r.note

    # whitespace-only differences in the evidence are not a change
    same = extracted.copy()
    same.loc[i, "evidence"] = "  established by a decision of\nthe Council of Ministers "
    assert row(merge(same, store.latest()), "at-2007", "ncm_legal_basis").status == "corrected"


def test_stale_unanswerable_comes_back(extracted, store):
    rf = row(extracted, "mt-2007", "report_frequency")
    store.add("mt-2007", "report_frequency", "unanswerable", rf.value, "", rf.evidence, "Anna")
    changed = extracted.copy()
    k = changed.index[(changed.submission_id == "mt-2007") & (changed.field == "report_frequency")][0]
    changed.loc[k, "value"] = "biennial"
    r = row(merge(changed, store.latest()), "mt-2007", "report_frequency")
    assert r.status == "review" and r.value == "biennial" and "marked unanswerable by Anna" in r.note


def test_reviewer_added_answer(extracted, store):
    store.add("mt-2007", "nap_year", "correct", "", "2006", "", "Anna", note="page 3 of the letter")
    store.add("nowhere-2007", "nap_year", "correct", "", "2006", "", "Anna")  # no such return: ignored
    out = merge(extracted, store.latest())
    r = row(out, "mt-2007", "nap_year")
    assert (r.value, r.status, r.confidence, r.evidence) == ("2006", "corrected", 1.0, "added by reviewer")
    assert (r.country, r.question, r.reviewer) == ("Malta", "9", "Anna")
    assert out[out.submission_id == "nowhere-2007"].empty
    assert len(out) == len(extracted) + 1


def test_corrected_country_renames_the_submission(extracted, store):
    c = row(extracted, "mt-2007", "country")
    store.add("mt-2007", "country", "correct", c.value, "Monaco", c.evidence, "Anna")
    out = merge(extracted, store.latest())
    assert set(out[out.submission_id == "mt-2007"]["country"]) == {"Monaco"}


def test_correction_of_a_field_the_return_no_longer_gives(extracted, store):
    ex = row(extracted, "mt-2007", "ncm_exists")
    store.add("mt-2007", "ncm_exists", "correct", ex.value, "yes", ex.evidence, "Anna")
    gone = extracted[~((extracted.submission_id == "mt-2007") & (extracted.field == "ncm_exists"))]
    r = row(merge(gone, store.latest()), "mt-2007", "ncm_exists")
    assert r.status == "review" and "no longer gives" in r.note
