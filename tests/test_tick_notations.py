"""Ticks in every notation returns use, read where they stand: through the text reader, as a typed return
arrives. The same answers are written in each notation; each must read the same."""

from __future__ import annotations

import pytest

from questionnaire_returns.pipeline import process_document
from questionnaire_returns.read import read_file

FORM = """1. Does your country have a recognized mechanism to co-ordinate policy?
{q1}
5. Does the national co-ordination mechanism have a budget?
{q5}
6. The main function of this group is
{q6}
16. Does your country have a national reporting mechanism in place?
{q16}
"""

NOTATIONS = {
    "square brackets": dict(q1="[X] Yes   [ ] No", q5="[ ] Yes   [X] No",
                            q6="[x] Advisory\n[ ] Policy making\n[x] Implementation\n[ ] Other", q16="[ ] Yes [X] No"),
    "round brackets": dict(q1="(x) Yes  ( ) No", q5="( ) Yes  (x) No",
                           q6="(x) Advisory ( ) Policy making (x) Implementation ( ) Other", q16="( ) Yes (x) No"),
    "option - X": dict(q1="Yes - X\nNo", q5="Yes\nNo - X", q6="Advisory role - X\nPolicy making\nImplementation - X\nOther",
                       q16="Yes\nNo - X"),
    "X on an underscore line": dict(q1="Yes _X_  No ___", q5="Yes ___  No _X_",
                                    q6="_X_ Advisory\n___ Policy making\n_X_ Implementation\n___ Other", q16="Yes ___ No _X_"),
    "X or _ before the option": dict(q1="X  Yes\n_  No", q5="_  Yes\nX  No",
                                     q6="X  Advisory\n_  Policy making\nX  Implementation\n_  Other", q16="_  Yes\nX  No"),
    "check mark": dict(q1="✓ Yes\nNo", q5="Yes\n✓ No", q6="✓ Advisory\nPolicy making\n✓ Implementation\nOther", q16="Yes\n✓ No"),
    # a printed form's empty box with the tick drawn as an X beside it (a checkbox flattened by "print to PDF")
    "X beside an empty box": dict(q1="☐ X Yes ☐ No", q5="☐ Yes ☐ X No",
                                  q6="☐ X Advisory\n☐ Policy making\n☐ X Implementation\n☐ Other", q16="☐ Yes ☐ X No"),
    "brackets after the option": dict(q1="Yes [X]  No [ ]", q5="Yes [ ]  No [X]",
                                      q6="Advisory [X] Policy making [ ] Implementation [X] Other [ ]", q16="Yes [ ] No [X]"),
}


@pytest.mark.parametrize("notation", list(NOTATIONS))
def test_every_notation_reads_the_same_answers(notation, tmp_path):
    (tmp_path / "reply.txt").write_text(FORM.format(**NOTATIONS[notation]), encoding="utf-8")
    got = {a.field: a.value for a in process_document(read_file(tmp_path / "reply.txt", tmp_path)).answers}
    assert {f: got.get(f) for f in ("ncm_exists", "ncm_budget", "ncm_function", "nrm_exists")} == {
        "ncm_exists": "yes", "ncm_budget": "no", "ncm_function": "advisory;implementation", "nrm_exists": "no"}


def test_marks_after_options_on_a_wrapped_row(tmp_path):
    (tmp_path / "reply.txt").write_text("""1. Existence of a national co-ordination mechanism
YES
2. Type of mechanism
National Co-ordinator
Working group / commission / task force: Inter-Ministerial Liaison Committee regarding Measures to Combat Trafficking - X
Other (describe)
3. Composition of the working group / commission
Civil society participation (share in %, capacity): YES
Full member (decision-making) Observer - X Other capacity: invited to specific meetings - X
""", encoding="utf-8")
    got = {a.field: a.value for a in process_document(read_file(tmp_path / "reply.txt", tmp_path)).answers}
    assert got["ncm_type"] == "working_group"
    assert got["ncm_civil_society_role"] == "observer;other"


def test_only_the_marked_options_carry_a_mark_and_a_detail_wraps_in_lower_case(tmp_path):
    (tmp_path / "reply.txt").write_text("""1. Existence of a national co-ordination mechanism
YES - X
NO
2. Type of mechanism
National Co-ordinator
Working group / commission / task force: Inter-Ministerial Liaison Committee
regarding Measures to Combat Trafficking in Persons - X
Other (describe)
10. Scope of the national response
Reform of legislation - X
Prevention - X
Victim protection and assistance
Law enforcement / prosecution - X
International cooperation - X
Other
""", encoding="utf-8")
    got = {a.field: a.value for a in process_document(read_file(tmp_path / "reply.txt", tmp_path)).answers}
    assert got["nap_coverage"] == "international_cooperation;law_enforcement;legislative_reform;prevention"
    assert got["ncm_body_name"] == "Inter-Ministerial Liaison Committee regarding Measures to Combat Trafficking in Persons"
