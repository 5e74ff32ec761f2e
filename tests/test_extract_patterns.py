"""Each English pattern family on the sentences governments write, hedges and negations included."""

from __future__ import annotations

import pytest

from extractors.dates import find_dates
from questionnaire_returns.language.patterns import PatternFileError, load_pattern_file, patterns_for
from questionnaire_returns.segment.marks import options_in
from extractors.values import first_year, keyword_values, share, yesno
from questionnaire_returns.records import Document, Line

EN = patterns_for("en")


def lines(*texts: str) -> list[Line]:
    return [Line(t) for t in texts]


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("Yes, since 2004.", "yes"),
        ("YES", "yes"),
        ("No.", "no"),
        ("No, but a national rapporteur will be appointed in 2008.", "no"),
        ("There is no such mechanism in our country.", "no"),
        ("Not yet, foreseen for 2008.", "no"),
        ("A National Action Plan is being prepared by the Ministry of Interior.", "no"),
        ("The draft plan is under consideration by the Government.", "no"),
        ("The Commission does not have a separate budget.", "no"),
        ("The mechanism has no budget of its own.", "no"),
        ("The Commission was established by Government decree in 2003.", "yes"),
        ("Such a mechanism is in place since 2005.", "yes"),
    ],
)
def test_yes_no_reads_negation_and_hedges(answer, expected):
    got = yesno(lines(answer), EN)
    assert got is not None and got.value == expected


@pytest.mark.parametrize("answer", ["N/A", "Not applicable", "-", "See answer to question 2."])
def test_blank_answers_are_not_read_as_yes_or_no(answer):
    assert yesno(lines(answer), EN) is None


@pytest.mark.parametrize(
    "text, year, others",
    [
        ("It was established on 4 May 2004.", "2004", ()),
        ("Created in 1995 and revitalised in 2004.", "1995", ("2004",)),
        ("National Action Plan 2007-2010", "2007", ()),
        ("Decision of 12.03.2003", "2003", ()),
        ("in the beginning of the 1990s", "", ()),  # a decade fits no year: no value, for a reviewer
        ("By Decree No. 1234 of 2001", "2001", ()),
    ],
)
def test_years_from_dates_ranges_and_decades(text, year, others):
    got = first_year(lines(text))
    assert got is not None and got.value == year and got.extra == others


def test_a_decade_is_vague_where_a_year_is_read():
    assert first_year(lines("in the early 1990s")).how == "vague"
    assert first_year(lines("in 1994")).how == "pattern"


@pytest.mark.parametrize("lang, text", [
    ("en", "NGO representatives take part in its meetings (about one third)."),
    ("en", "roughly a quarter of the members"),
    ("fr", "environ un tiers des membres"),
    ("de", "etwa ein Drittel der Mitglieder"),
    ("ru", "Представители НПО: около трети"),
    ("es", "Representantes de ONG: aproximadamente un tercio"),
    ("it", "Quota dei membri: circa un terzo"),
])
def test_an_approximate_share_has_no_value_and_goes_to_review(lang, text):
    got = share(lines(text), patterns_for(lang))
    assert got is not None and (got.value, got.how) == ("", "vague")


@pytest.mark.parametrize("lang, text, value", [("en", "one third of the members", "33.3"), ("fr", "un tiers des membres", "33.3"),
                                               ("en", "20 per cent", "20")])
def test_an_exact_share_keeps_its_value(lang, text, value):
    got = share(lines(text), patterns_for(lang))
    assert got is not None and (got.value, got.how) == (value, "pattern")


@pytest.mark.parametrize("text", ["around 20 per cent", "more than 20%", "about 20%"])
def test_a_share_in_digits_the_text_only_estimates_keeps_its_value_for_a_reviewer(text):
    got = share(lines(text), patterns_for("en"))
    assert got is not None and (got.value, got.how) == ("20", "pattern.weak")


@pytest.mark.parametrize(
    "text, value",
    [
        ("approx. 12% of the members", "12"),
        ("20 per cent", "20"),
        ("about 33.5 percent", "33.5"),
        ("one third of the members are NGOs", "33.3"),
        ("half of the members", "50"),
        ("3 of 10 members come from civil society", "30"),
    ],
)
def test_shares(text, value):
    got = share(lines(text), EN)
    assert got is not None and got.value == value


@pytest.mark.parametrize(
    "text, basis",
    [
        ("The Commission was established by the Law on Combating Trafficking.", "legislation"),
        ("Royal Decree 1234/2005", "decree"),
        ("Government Resolution No. 56", "decree"),
        ("a recommended action of the Council of Ministers", "policy"),
    ],
)
def test_legal_basis(text, basis):
    found = keyword_values(lines(text), EN, "legal")
    assert found and found[0][0] == basis


@pytest.mark.parametrize(
    "text, topics",
    [
        ("Lack of financial and human resources.", {"resources"}),
        ("Competing priorities of the ministries involved.", {"priorities"}),
        ("Insufficient co-ordination between agencies; no reliable statistics.", {"coordination", "data"}),
        ("Lack of political will and public support.", {"support"}),
        ("Lack of internal agreement on the policy.", {"disagreement"}),
    ],
)
def test_challenge_topics_in_free_text(text, topics):
    assert {v for v, _ in keyword_values(lines(text), EN, "topic")} >= topics


@pytest.mark.parametrize(
    "text, checked",
    [
        ("☒ a) Yes   ☐ b) No", ["Yes"]),
        ("Yes ☐   No ☒", ["No"]),
        ("The main function is: ☒ a) Advisory ☒ b) Policy making ☐ c) Implementation", ["Advisory", "Policy making"]),
        ("Yes ___ No _X_", ["No"]),
        # a part's instruction ending in a full stop, then its yes/no boxes set apart by a slash
        ("b) Other equivalent response? If yes, please describe it. ☒ Yes / ☐ No", ["Yes"]),
        ("b) Altra risposta equivalente? Se sì, illustrarla. ☐ Sì / ☒ No", ["No"]),
        # a remark after the last box's word: the boxes still stand before their words
        ("Mécanisme national de rapport ☐ Oui ☒ Non voir annexe", ["Non voir annexe"]),
        ("National reporting mechanism ☒ Yes ☐ No see annex", ["Yes"]),
        # a ruled table's two box cells read before its two header words: each box is its column's word
        ("Definizione di tratta ☒ ☐ Sì No", ["Sì"]),
        ("Q3b – Experts / operational ☐ ☒ Yes No", ["No"]),
    ],
)
def test_ticked_options_in_every_notation(text, checked):
    assert [o.label for o in options_in(lines(text)) if o.checked] == checked


@pytest.mark.parametrize(
    "rows, checked",
    [
        # a row of boxes-before-labels wrapped in a table cell: a box ends one line, its label opens the next
        (["☐ a) Legislative reform ☐ b) Prevention ☐", "c) Protection and Assistance ☒ d) Law",
          "Enforcement and Prosecution ☒ e)", "International co-operation ☒ f) Roles and",
          "responsibilities of Different Stakeholders ☒ g)", "Implementation Time line ☐ h) Other"],
         ["d", "e", "f", "g"]),
        # a row label before one option per line: each line's box is its own option's
        (["Main function ☒ Advisory", "☒ Policy making", "☒ Implementation", "☐ Other"],
         ["Advisory", "Policy making", "Implementation"]),
        (["Nature of the mechanism ☐ National co-ordinator", "☒ National working group, commission or task force:"],
         ["National working group, commission or task force"]),
    ],
)
def test_a_row_of_boxes_wrapped_over_lines_keeps_each_box_with_its_option(rows, checked):
    got = [o.letter or o.label for o in options_in([Line(r) for r in rows]) if o.checked]
    assert got == checked


@pytest.mark.parametrize(
    "text, iso",
    [("Vienna, 12 November 2007", "2007-11-12"), ("November 12, 2007", "2007-11-12"), ("12.11.2007", "2007-11-12")],
)
def test_dates(text, iso):
    assert find_dates(text, EN)[0][0].isoformat() == iso


@pytest.mark.parametrize("head, iso", [
    # the month in Roman numerals, as diplomatic correspondence writes it
    ("Viena, 10.I.2008", "2008-01-10"),
    ("Sofía, 27. IX. 2007", "2007-09-27"),
    # the place and date after the sender's name, on one line
    ("Ministerio de Asuntos Exteriores - Andorra la Vella, 4 de enero de 2008", "2008-01-04"),
])
def test_the_returns_own_date_line(head, iso):
    from questionnaire_returns.pipeline import process_document
    doc = Document("return.txt", "text", (Line(head), Line("1. ¿Existe en su país un mecanismo reconocido de coordinación? Sí, "
                                                               "existe una Comisión Interministerial desde 2004.")))
    got = {a.field: a.value for a in process_document(doc).answers}
    assert got.get("submitted_on") == iso


def test_a_broken_pattern_file_fails_naming_the_file(tmp_path):
    source = (patterns_for("en").source).read_text(encoding="utf-8")
    broken = tmp_path / "en.yaml"
    broken.write_text(source.replace("yesno.pending:", "yesno.pendng:", 1), encoding="utf-8")
    with pytest.raises(PatternFileError, match=str(broken)):
        load_pattern_file(broken)
    broken.write_text(source.replace("{LIKE_NUM: true}", "{LIKE_NUMBER: true}", 1), encoding="utf-8")
    with pytest.raises(PatternFileError, match="invalid"):
        load_pattern_file(broken)


def test_a_label_written_twice_in_a_pattern_file_fails_rather_than_losing_the_first(tmp_path):
    """YAML keeps the last of two equal keys: a merge that kept both sides' `decade.before` silently lost
    words. Every data file (pattern files, schema, alias tables) refuses it, naming the key."""
    from questionnaire_returns.contract import SchemaError, load_contract

    source = (patterns_for("en").source).read_text(encoding="utf-8")
    twice = tmp_path / "en.yaml"
    twice.write_text(source.replace("  answer.yes: ['yes']\n", "  answer.yes: ['yes']\n  answer.yes: ['yeah']\n", 1),
                     encoding="utf-8")
    with pytest.raises(PatternFileError, match=r"en\.yaml.*'answer\.yes' is written twice"):
        load_pattern_file(twice)
    schema = (patterns_for("en").source.parent.parent.parent / "schema" / "questionnaire.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "questionnaire.yaml"
    bad.write_text(schema.replace("vocabularies:\n", "vocabularies:\n  yesno: [yes, no]\n", 1), encoding="utf-8")
    with pytest.raises(SchemaError, match="written twice"):
        load_contract(bad)


@pytest.mark.parametrize(
    "ocr_text, checked, unchecked",
    [("m@ Yes (] No", ["Yes"], ["No"]), ("@ Yes C1 No", ["Yes"], ["No"]), ("0 Yes m No", ["No"], ["Yes"]),
     # the other box of a yes/no row read as a letter or a scratch: it is the box the one read is not
     ("Q Yes ☒ No", ["No"], ["Yes"]), ("‘Yes ☒ No", ["No"], ["Yes"]), ("Q Да ☐ Нет", ["Да"], ["Нет"])],
)
def test_boxes_as_tesseract_reads_them_on_a_scan(ocr_text, checked, unchecked):
    line = Line(ocr_text, page=1, origin="ocr", ocr_confidence=0.6)
    opts = options_in([line])
    assert [o.label for o in opts if o.checked] == checked
    assert [o.label for o in opts if not o.checked] == unchecked


def test_the_same_marks_in_typed_text_are_not_boxes():
    assert options_in([Line("m@ Yes (] No")]) == []


@pytest.mark.parametrize("lang, text", [("fr", "S.O."), ("fr", "s.o."), ("fr", "Sans objet."), ("de", "K.A."), ("en", "N/A")])
def test_not_applicable_in_capitals_or_lower_case_is_no_answer(lang, text):
    from extractors.view import is_blank

    assert is_blank(text, patterns_for(lang))
    assert not is_blank("Le plan national a été adopté en 2006.", patterns_for(lang))


def test_a_line_longer_than_any_blank_phrase_is_no_blank_and_a_blank_still_is():
    """is_blank skips the spaCy match for lines longer than the language's longest 'not applicable' phrase
    (half of all matching on short returns): the verdicts stay those of a full match."""
    from extractors.view import is_blank
    from questionnaire_returns.language.patterns import patterns_for

    for lang, blank in (("en", "Not applicable."), ("fr", "Sans objet"), ("ru", "Не применимо"), ("de", "entfällt")):
        pats = patterns_for(lang)
        assert is_blank(blank, pats)
        assert not is_blank("The Ministry of the Interior co-ordinates; not applicable elsewhere, n/a", pats)
