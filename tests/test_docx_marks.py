"""Word marks: content-control and legacy form checkboxes, symbol-font boxes, and options marked
only by their formatting, each written as ☒/☐ where it stands; formatting that marks nothing
(a heading, a whole answer, emphasis in prose) leaves the line alone."""

from __future__ import annotations

import pytest

from questionnaire_returns.pipeline import process_document
from questionnaire_returns.read import read_bytes
from questionnaire_returns.records import CHECKED as X
from questionnaire_returns.records import UNCHECKED as O
from tests import fixtures_formats as F

OPTIONS = ["Advisory", "Policy making", "Implementation", "Other"]


def lines(data: bytes) -> list[str]:
    return [line.text for line in read_bytes(data, "r.docx", "r.docx").lines]


def marks(data: bytes):
    return [(m.checked, m.how, m.label) for m in read_bytes(data, "r.docx", "r.docx").marks]


# --- checkboxes -----------------------------------------------------------------------------


def test_content_control_checkboxes_read_their_checked_state_not_their_glyph():
    # the glyphs say the opposite of w14:checked (a stale rendering): the state wins, no glyph is doubled
    data = F.content_control_docx(checked_vals=("0", "1"), glyphs=("☒", "☐"))
    assert lines(data)[1] == f"{O} Yes {X} No"


def test_a_content_control_checkbox_without_a_checked_state_reads_the_glyph_it_shows():
    assert lines(F.content_control_docx(with_checked_element=False))[1] == f"{X} Yes {O} No"
    assert lines(F.content_control_docx(with_checked_element=False, glyphs=("", "")))[1] == f"{O} Yes {O} No"


def test_checkboxes_in_a_table_row_wrapped_in_a_content_control_are_read():
    got = lines(F.content_control_table_docx())
    assert got[-2:] == [F.Q16, f"{O} Yes {X} No"]


def test_a_legacy_checkbox_with_only_a_default_state_reads_it():
    from docx.oxml import parse_xml  # noqa: F401 - fixtures build raw XML

    def build(d):
        d.add_paragraph(F.Q1)
        p = d.add_paragraph()
        F._formcheckbox(p, checked=False, default=True)
        p.add_run(" Yes   ")
        F._formcheckbox(p, checked=False, default=False)
        p.add_run(" No")

    assert lines(F._docx(build))[1] == f"{X} Yes {O} No"


def test_wingdings_boxes_typed_as_letters_in_a_run_read_as_ticks():
    assert lines(F.wingdings_run_docx())[1] == f"{X} Advisory {O} Policy making"


# --- options marked by formatting ------------------------------------------------------------


@pytest.mark.parametrize("how", ["bold", "underline", "highlight", "colour", "shading"])
def test_the_one_option_set_apart_by_formatting_is_ticked(how):
    data = F.formatted_options_docx(OPTIONS, {"Policy making"}, how)
    assert lines(data)[1] == f"{O} Advisory {X} Policy making {O} Implementation {O} Other"
    assert [m[1] for m in marks(data)] == ["format"] * 4


def test_options_left_plain_while_the_others_are_struck_through_are_ticked():
    data = F.formatted_options_docx(OPTIONS, {"Advisory", "Other"}, "strike")
    assert lines(data)[1] == f"{X} Advisory {O} Policy making {O} Implementation {X} Other"


def test_options_set_apart_by_tabs_with_a_question_label_before_them():
    data = F.formatted_options_docx(["Yes", "No"], {"No"}, "highlight", sep="\t", label="Inter-ministerial?")
    assert lines(data)[1] == f"Inter-ministerial? {O} Yes {X} No"


def test_options_as_paragraphs_of_one_table_cell():
    data = F.formatted_options_docx(OPTIONS, {"Implementation"}, "bold", in_cell=True)
    assert lines(data)[1:] == [f"{O} Advisory", f"{O} Policy making", f"{X} Implementation", f"{O} Other"]


@pytest.mark.parametrize("how", ["bold", "underline", "highlight", "strike"])
def test_options_written_as_lettered_paragraphs_one_set_apart_by_formatting(how):
    # "a) Advisory" / "b) Policy making" / ... each its own paragraph, the chosen one formatted
    marked = {"Advisory", "Other"} if how == "strike" else {"Policy making"}
    data = F.formatted_options_docx(OPTIONS, marked, how, lettered=True)
    chosen = "a) Advisory" if how == "strike" else "b) Policy making"
    assert [t for t in lines(data) if X in t] == [f"{X} {chosen}"] + ([f"{X} d) Other"] if how == "strike" else [])
    doc = read_bytes(data, "r.docx", "r.docx")
    got = {a.field: a.value for a in process_document(doc).answers}
    assert got["ncm_function"] == ("advisory;other" if how == "strike" else "policy_making")


def test_lettered_options_followed_by_a_lettered_sub_question_are_still_read():
    def build(d):
        d.add_paragraph("21. Content of reports. Do the reports cover:")
        for k, option in enumerate(["Scope of trafficking", "Trends and patterns", "Victim services"]):
            run = d.add_paragraph().add_run(f"{'abc'[k]}) {option}")
            run.bold = option != "Trends and patterns"
        d.add_paragraph("d) Does the content vary from year to year, or does each report follow a prescribed model?")
    assert [t for t in lines(F._docx(build)) if X in t] == [f"{X} a) Scope of trafficking", f"{X} c) Victim services"]


def test_a_yes_no_after_a_label_ending_in_a_full_stop_is_read():
    def build(d):
        d.add_paragraph(F.Q1)
        p = d.add_paragraph()
        p.add_run("b) Another equivalent coordinated response? If yes, please describe it.")
        p.add_run("  ")
        p.add_run("Yes").font.strike = True
        p.add_run(" / ")
        p.add_run("No")
    assert lines(F._docx(build))[1].endswith(f"{O} Yes / {X} No")


def test_lettered_paragraphs_all_plain_or_all_bold_mark_nothing():
    _no_marks(F.formatted_options_docx(OPTIONS, set(), "bold", lettered=True))
    _no_marks(F.formatted_options_docx(OPTIONS, set(OPTIONS), "bold", lettered=True))


def test_a_bold_heading_before_a_plain_short_paragraph_marks_nothing():
    def build(d):
        d.add_paragraph().add_run("National co-ordination").bold = True
        d.add_paragraph("Not applicable")
    _no_marks(F._docx(build))


def test_a_yes_no_question_answered_by_highlight_gives_the_answer():
    def build(d):
        d.add_paragraph(F.Q1)
        p = d.add_paragraph()
        p.add_run("Yes")
        p.add_run("    ")
        from docx.enum.text import WD_COLOR_INDEX

        p.add_run("No").font.highlight_color = WD_COLOR_INDEX.YELLOW
        d.add_paragraph(F.Q5)
        p = d.add_paragraph()
        p.add_run("Yes").bold = True
        p.add_run("    No")

    doc = read_bytes(F._docx(build), "r.docx", "r.docx")
    got = {a.field: a.value for a in process_document(doc).answers}
    assert got["ncm_exists"] == "no" and got["ncm_budget"] == "yes"


def _no_marks(data: bytes) -> None:
    assert marks(data) == []
    assert not any(X in t or O in t for t in lines(data))


def test_a_whole_row_in_bold_marks_nothing():
    _no_marks(F.formatted_options_docx(OPTIONS, set(OPTIONS), "bold"))


def test_a_bold_heading_marks_nothing():
    _no_marks(F.prose_docx(lambda p: setattr(p.add_run("A. National co-ordination structures"), "bold", True)))


def test_a_bold_word_in_prose_marks_nothing():
    def para(p):
        p.add_run("The Commission meets ")
        p.add_run("twice").bold = True
        p.add_run(" a year and reports to the Government.  Its secretariat is in the Ministry.")

    _no_marks(F.prose_docx(para))


def test_a_bold_sentence_among_plain_ones_marks_nothing():
    def para(p):
        p.add_run("The plan was adopted in 2009.  ")
        p.add_run("It is reviewed every year by the Government.").bold = True
        p.add_run("  Its budget is modest.")

    _no_marks(F.prose_docx(para))


def test_a_word_emphasised_inside_an_option_marks_nothing():
    def para(p):
        p.add_run("Advisory    Policy ")
        p.add_run("making").bold = True
        p.add_run("    Implementation")

    _no_marks(F.prose_docx(para))


def test_an_option_row_followed_by_an_explanation_marks_nothing():
    def para(p):
        p.add_run("Yes").bold = True
        p.add_run("    the secretariat is funded from the ministry's own budget since 2009")

    _no_marks(F.prose_docx(para))


def test_two_formattings_pointing_at_different_options_mark_nothing():
    def para(p):
        p.add_run("Advisory").bold = True
        p.add_run("    ")
        p.add_run("Policy making").underline = True
        p.add_run("    Implementation")

    _no_marks(F.prose_docx(para))


def test_formatting_is_no_mark_where_the_paragraph_has_boxes_of_its_own():
    def para(p):
        p.add_run("☒ Yes").bold = True
        p.add_run("    ☐ No")

    assert [m[1] for m in marks(F.prose_docx(para))] == ["glyph", "glyph"]
