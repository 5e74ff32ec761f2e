"""Fillable forms read by geometry: each answer right after the wording it answers.

The segmenter reads a document's lines in order, so a form's values must come right after
their question's (or sub-question's) wording, whatever the form's names, layout or state:
answers beside the questions or under them; generic, German, transliterated or scheme
names; radio groups; text fields whose value shows only in their appearance stream; a form
flattened into page content. The forms are built with reportlab's AcroForm API
(tests/fixtures_forms.py).
"""

from __future__ import annotations

import pytest

from questionnaire_returns.pipeline import process_document
from questionnaire_returns.records import CHECKED, UNCHECKED
from questionnaire_returns.read import read_bytes
from questionnaire_returns.read.pdf_form_order import named_question
from tests import fixtures_forms as FF
from tests import fixtures_pdf as P


def read(data: bytes):
    return read_bytes(data, "form.pdf", "form.pdf")


def texts(doc) -> list[str]:
    return [line.text for line in doc.lines]


def runs(layout: str):
    """For each item whose row starts with its answers on their own lines: the wording's lines, then
    the answers' lines, in the order a reader must give them. (A one-line wording whose row holds an
    option's label is one line in the text layer: '2. If yes, ... ☐ a) National co-ordinator'.)"""
    out = []
    for q, widgets in FF.ITEMS:
        wording = FF.wording_lines(q, layout)
        if not widgets or (layout == "beside" and len(wording) == 1 and isinstance(widgets[0], FF.Boxes)):
            continue
        out.append(wording + [s for w in widgets for s in FF.shown(w)])
    return out


def assert_run(lines: list[str], run: list[str]):
    starts = [k for k in range(len(lines)) if lines[k:k + len(run)] == run]
    assert starts, f"{run} not in order in {lines}"


NAMINGS = ["generic", "german", "translit", "scheme"]


@pytest.mark.parametrize("radios", [False, True])
@pytest.mark.parametrize("naming", NAMINGS)
def test_answers_beside_the_questions_follow_their_whole_wording(naming, radios):
    """Without placing by geometry a value beside a question's first row cut its wording in two
    ('4. By what authority ...' / 'Decree ...' / 'etc) was this mechanism established?')."""
    lines = texts(read(FF.form_pdf(layout="beside", naming=naming, radios=radios)))
    for run in runs("beside"):
        assert_run(lines, run)


@pytest.mark.parametrize("naming", NAMINGS)
def test_answers_below_the_questions_follow_them(naming):
    lines = texts(read(FF.form_pdf(layout="below", naming=naming, radios=naming == "translit")))
    for run in runs("below"):
        assert_run(lines, run)


def test_a_radio_group_is_one_field_with_its_chosen_option_ticked():
    doc = read(FF.form_pdf(naming="translit", radios=True))
    radios = {f.name: f.value for f in doc.fields if f.kind == "radio"}
    assert radios["vopros1"] == "opt1" and radios["vopros3b"] == "opt2" and radios["vopros21c"] == "opt1"
    assert [(m.checked, m.label) for m in doc.marks if m.how == "form_field"][:2] == [(True, "Yes"), (False, "No")]


def test_a_tooltip_repeating_the_wording_places_a_field_that_straddles_two_rows():
    """Fields drawn 9 points above their rows touch the row before: the tooltip says which question."""
    lines = texts(read(FF.form_pdf(spacing=3, raise_fields=9, tooltips=True)))
    assert_run(lines, ["When was it established?", "2004"])
    assert_run(lines, ["a) How often are reports issued?", "Every two years"])


def test_names_that_name_the_question_place_a_field_that_straddles_two_rows():
    lines = texts(read(FF.form_pdf(spacing=3, raise_fields=9, naming="scheme")))
    assert_run(lines, ["a) How often are reports issued?", "Every two years"])


@pytest.mark.parametrize("name, named", [
    ("vopros21a_text", ("21", "a")), ("sec_A_q3b_opt", ("3", "b")), ("Q7_achievements", ("7", "")),
    ("Frage 4", ("4", "")), ("Check Box31", None), ("Kontrollkästchen57", None),
])
def test_field_names_name_a_question_by_its_number_and_letter(name, named):
    assert named_question(name) == named


def test_a_text_field_without_a_value_is_read_from_its_appearance_stream():
    """A partly flattened form: /V removed from two fields, their appearance streams kept."""
    doc = read(FF.form_pdf(strip_values=("Text3", "Text5")))
    values = {f.name: f.value for f in doc.fields}
    assert values["Text3"] == "Decree of the Council of Ministers No. 114"
    assert values["Text5"] == "The group drafted the new victim assistance regulation and launched the national hotline."
    for run in runs("beside"):
        assert_run(texts(doc), run)


def test_a_text_field_whose_value_is_empty_but_whose_appearance_shows_text_is_read_from_its_appearance():
    """A tool that blanked /V ("") and kept the appearance: the text the sender saw and printed is the answer."""
    doc = read(FF.form_pdf(blank_values=("Text3", "Text5")))
    values = {f.name: f.value for f in doc.fields}
    assert values["Text3"] == "Decree of the Council of Ministers No. 114"
    assert values["Text5"] == "The group drafted the new victim assistance regulation and launched the national hotline."


def test_a_one_line_field_whose_text_overflows_its_box_is_read_whole():
    item = (FF.Q("13", "", "13. How is the impact of the action plan reviewed and assessed by the government?"),
            [FF.Text("The commission reviews the plan every year against its indicators and reports to the government.")])
    doc = read(FF.form_pdf(items=[item], strip_values=("Text1",)))
    assert [f.value for f in doc.fields] == [item[1][0].value]


def test_a_flattened_form_is_read_as_a_typed_pdf_with_each_field_after_its_wording():
    """Flattened fields are drawn after all of the page's text and pdfium ran two of them into one
    line ('Every two years To the Parliament'): each is its own line, after its wording."""
    doc = read(FF.form_pdf(flatten=True))
    assert doc.form == "pdf_typed" and doc.fields == ()
    lines = texts(doc)
    for run in runs("beside"):
        assert_run(lines, run)
    assert {m.how for m in doc.marks} == {"vector"}


@pytest.mark.parametrize("build", [
    lambda: FF.form_pdf(flatten=True),
    lambda: FF.form_pdf(strip_values=("Text3", "Text4", "Text5", "Text6")),
], ids=["flattened", "values_only_in_appearance"])
def test_the_answers_of_a_flattened_or_partly_flattened_form_reach_their_fields(build):
    answers = {a.field: a.value for a in process_document(read(build())).answers}
    for field in ("ncm_exists", "ncm_interministerial", "ncm_legal_basis", "ncm_established_year",
                  "ncm_achievements", "ncm_challenges", "reports_public"):
        assert answers.get(field) == FF.KEY[field], field


def test_a_tick_glyph_inside_a_drawn_square_is_one_ticked_box():
    """Not '☐ ☒ Yes': the square and the glyph inside it are one box."""
    doc = read(P.glyph_in_box_pdf())
    assert f"{CHECKED} Yes {UNCHECKED} No" in texts(doc)
    assert [(m.checked, m.label) for m in doc.marks] == [(True, "Yes"), (False, "No")]
