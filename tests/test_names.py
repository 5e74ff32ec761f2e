"""Name resolution: countries and ministries as returns write them -> canonical ids."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from questionnaire_returns.config import project_root
from questionnaire_returns.resolve import CanonError, LearnedAlias, Resolver, UnknownNames, evaluate
from questionnaire_returns.resolve.normalise import fold

CANON = project_root() / "canon"


@pytest.fixture(scope="module")
def r() -> Resolver:
    return Resolver(CANON)


def ids(r: Resolver, name: str) -> list[str | None]:
    return sorted({m.id for m in r.ministries(name)}, key=str)


# -- normalisation -----------------------------------------------------------------------
def test_fold_accents_case_and_cyrillic():
    assert fold("MINISTÈRE DE L'INTÉRIEUR") == fold("ministere de l interieur")
    # a German compound splits at a head the ministries table names (canon/ministries.yaml's compound_heads)
    assert fold("Bundesministerium für Inneres", ("ministerium",)) == "bundes ministerium fur inneres"
    assert fold("Bundesministerium für Inneres") == "bundesministerium fur inneres"
    # Cyrillic is transliterated and Russian case endings cut: nominative = genitive
    assert fold("Министерство внутренних дел") == fold("Министерства внутренних дел")
    assert fold("Российская Федерация") == fold("Российской Федерации")
    assert fold("Российская Федерация").isascii()


@pytest.mark.parametrize("name", [
    "Ministry of Internal Affairs", "Ministry of the Interior", "Federal Ministry of the Interior",
    "MoI", "Home Office", "Ministère de l'Intérieur", "MINISTERE DE L'INTERIEUR", "Innenministerium",
    "Bundesministerium für Inneres", "Министерство внутренних дел", "Министерства внутренних дел",
    "МВД", "Ministerio del Interior", "Ministero dell'Interno", "Minstry of lnterior", "Border Police",
])
def test_interior_in_every_language(r, name):
    assert ids(r, name) == ["interior"]


def test_ministry_of_the_is_dropped(r):
    for name in ("Ministry of the Interior", "Ministry for the Interior", "Ministry of Interior", "the Ministry of Interior"):
        assert ids(r, name) == ["interior"], name


# -- compound names ----------------------------------------------------------------------
@pytest.mark.parametrize("name,expected", [
    ("Ministry of Labour and Social Affairs", ["labour", "social"]),
    ("Ministry for Justice and the Police", ["interior", "justice"]),
    ("Ministry of Labour, Social Affairs and Equal Opportunities", ["family", "labour", "social"]),
    ("Bundesministerium für Arbeit und Soziales", ["labour", "social"]),
    ("Министерство здравоохранения и социального развития", ["health", "social"]),
    ("Ministerio de Trabajo y Asuntos Sociales", ["labour", "social"]),
    ("Ministero del Lavoro e delle Politiche Sociali", ["labour", "social"]),
    ("MoLSA", ["labour", "social"]),
    # sport is culture only beside culture: a ministry of family, youth and sport is the family's
    ("Министерство по делам семьи, молодежи и спорта", ["family"]),
    ("Ministère de la Famille, de la Jeunesse et des Sports", ["family"]),
    ("Ministry of Culture and Sport", ["culture"]),
])
def test_compound_names_resolve_to_every_id(r, name, expected):
    assert ids(r, name) == expected


# -- unknown names -----------------------------------------------------------------------
@pytest.mark.parametrize("name", [
    "Ministry of Magic", "Council of Europe", "International Organization for Migration",
    "Centre for Social Work", "Statistical Office", "La Strada", "Ombudsman", "Austria Presse Agentur",
])
def test_unknown_names_are_kept_verbatim_with_no_id(r, name):
    [m] = r.ministries(name)
    assert m.id is None and m.text == name and m.score < 0.5 and m.kind == "ministry"


def test_a_named_ministry_outside_the_ids_is_other(r):
    assert ids(r, "Ministry of Tourism") == ["other"]
    assert ids(r, "Ministry of Culture and Tourism") == ["culture"]  # other only alone


def test_unknown_country_is_none(r):
    m = r.country("Austria Presse Agentur")
    assert m.id is None and m.score == 0.0
    assert r.country("Democratic People's Republic of Korea").id is None


def test_learned_alias_makes_an_unknown_name_resolve():
    name = "Vice Squad within the Malta Police Force"
    before = Resolver(CANON)
    assert [m.id for m in before.ministries(name)] == [None]
    taught = LearnedAlias("ministry", name, "interior", "reviewer1", "2026-11-28T10:00:00+00:00")
    after = Resolver(CANON, [taught])
    [m] = after.ministries(name)
    assert m.id == "interior" and m.score == 1.0
    found = after.find_ministries(f"Members: the {name} and NGOs.")
    assert [(x.id, x.text) for x in found] == [("interior", name)]


def test_learned_alias_with_a_bad_id_is_refused():
    with pytest.raises(CanonError, match="not a ministry id"):
        Resolver(CANON, [LearnedAlias("ministry", "Vice Squad", "police", "r", "2026-11-28")])


# -- countries ---------------------------------------------------------------------------
@pytest.mark.parametrize("name,expected", [
    ("Russia", "Russian Federation"), ("the Russian Federation", "Russian Federation"),
    ("Российской Федерации", "Russian Federation"), ("FYROM", "the former Yugoslav Republic of Macedonia"),
    ("North Macedonia", "the former Yugoslav Republic of Macedonia"), ("USA", "United States of America"),
    ("UK", "United Kingdom"), ("Royaume de Belgique", "Belgium"), ("Bundesrepublik Deutschland", "Germany"),
    ("Republic of Austria", "Austria"), ("Kingdom of Belgium", "Belgium"), ("Santa Sede", "Holy See"),
    ("Untied Kingdom", "United Kingdom"),
])
def test_country_names(r, name, expected):
    assert r.country(name).id == expected


def test_historical_name_resolves_below_the_review_threshold(r):
    m = r.country("Serbia and Montenegro")
    assert m.id == "Serbia" and m.score < 0.8


def test_respondent_type(r):
    assert r.respondent_type("Austria") == "participating_state"
    assert r.respondent_type("Holy See") == "participating_state"
    assert r.respondent_type("Mongolia") == "partner_for_cooperation"  # as in QUESTIONNAIRE.md (2007)
    assert r.respondent_type("Japan") == "partner_for_cooperation"


def test_the_tables_list_57_states_and_the_partners():
    from questionnaire_returns.resolve.tables import load_countries

    table = load_countries(CANON / "countries.yaml")
    kinds = [c.respondent_type for c in table.countries]
    # 56 participating States of 2007 + Mongolia (a Partner then) = the 57 of today
    assert kinds.count("participating_state") == 56
    partners = {c.name for c in table.countries if c.respondent_type == "partner_for_cooperation"}
    assert {"Afghanistan", "Algeria", "Egypt", "Israel", "Japan", "Jordan", "Mongolia", "Morocco",
            "Republic of Korea", "Thailand", "Tunisia"} <= partners


@pytest.mark.parametrize("text,expected,written", [
    ("Permanent Mission of the Republic of Austria to the OSCE", "Austria", "the Republic of Austria"),
    ("Mission permanente de la France auprès de l'OSCE", "France", "la France"),
    ("Постоянное представительство Российской Федерации при ОБСЕ", "Russian Federation", "Российской Федерации"),
    ("Ständige Vertretung Österreichs bei der OSZE", "Austria", "Österreichs"),
    ("Misión Permanente de España ante la OSCE", "Spain", "España"),
    ("Rappresentanza Permanente d'Italia presso l'OSCE", "Italy", "Italia"),
    ("PERMANENT MISSION OF THE REPUBLIC OF KAZAKHSTAN TO THE OSCE", "Kazakhstan", "REPUBLIC OF KAZAKHSTAN"),
    ("Austrian Delegation to the OSCE", "Austria", "Austrian"),
    ("e-mail: thb@bmeia.gv.at", "Austria", "bmeia.gv.at"),
])
def test_country_mentions_in_mission_and_letterhead_lines(r, text, expected, written):
    found = r.find_countries(text)
    assert [m.id for m in found] == [expected]
    m = found[0]
    assert text[m.start:m.end] == m.text
    assert written in m.text


def test_a_lower_case_russian_word_with_a_countrys_stem_is_no_country(r):
    assert r.find_countries("Определение торговли людьми дано в законодательстве.") == []
    assert [m.id for m in r.find_countries("Посольство Дании")] == ["Denmark"]


def test_lower_case_us_is_not_a_country(r):
    assert r.find_countries("please send it to us by March") == []
    assert [m.id for m in r.find_countries("the US authorities")] == ["United States of America"]


# -- ministries in running text -------------------------------------------------------------
def test_find_ministries_in_a_list(r):
    text = ("Representatives of the Ministry of Interior, Ministry of Justice, MoLSA, "
            "the Prosecutor General's Office and NGOs")
    found = r.find_ministries(text)
    assert [(m.id, m.text) for m in found] == [
        ("interior", "Ministry of Interior"), ("justice", "Ministry of Justice"),
        ("labour", "MoLSA"), ("social", "MoLSA"), ("justice", "Prosecutor General's Office"),
    ]
    for m in found:
        assert text[m.start:m.end] == m.text


def test_a_comma_ends_a_name_that_has_no_keyword_of_its_own(r):
    text = "Ministry of Finance, Department of State, Public Prosecutor's Office, Ministry of Labour, Social Affairs and Family"
    assert [m.id for m in r.find_ministries(text)] == ["finance", "foreign_affairs", "justice", "family", "labour", "social"]
    assert [m.id for m in r.find_ministries("Treasury, Ministry of Transport, MFA")] == ["finance", "other", "foreign_affairs"]


def test_the_head_of_government_office_is_other_but_a_chair_called_presidency_names_nothing(r):
    assert [m.id for m in r.find_ministries("Office of the President, Ministry of Health")] == ["other", "health"]
    text = "Ministero degli Affari Esteri. Presidenza e segreteria: Ministero della Solidarietà Sociale."
    assert [m.id for m in r.find_ministries(text)] == ["foreign_affairs", "social"]


def test_find_ministries_tolerates_ocr_noise_and_case(r):
    found = r.find_ministries("chaired by the Minstry of lnterior; members: MoJ, MFA, MlNISTRY OF HEALTH")
    assert [m.id for m in found] == ["interior", "justice", "foreign_affairs", "health"]


def test_find_ministries_keeps_unknown_ministries_for_review(r):
    found = r.find_ministries("Ministry of Magic and the Ministry of Tourism took part, with the Council of Europe.")
    assert [(m.id, m.text) for m in found] == [(None, "Ministry of Magic"), ("other", "Ministry of Tourism")]


@pytest.mark.parametrize("text, expected", [
    ("Ministero della Pubblica Istruzione, Min. Interno, Min. Giustizia", ["education", "interior", "justice"]),
    ("Min. of Interior, Min. of Foreign Affairs", ["interior", "foreign_affairs"]),
    ("Min. de l'Intérieur, Min. de la Justice", ["interior", "justice"]),
    ("Мин. юстиции, Мин. здравоохранения", ["justice", "health"]),
])
def test_a_ministry_abbreviated_to_min_is_named(r, text, expected):
    """'Min. Interno': the head word cut to its first letters, as lists of members write it."""
    assert [m.id for m in r.find_ministries(text)] == expected


def test_find_ministries_russian(r):
    text = "В состав входят представители МВД, Министерства юстиции и Министерства труда и социальной защиты."
    assert sorted({m.id for m in r.find_ministries(text)}) == ["interior", "justice", "labour", "social"]


# -- unknown names list ------------------------------------------------------------------------
def test_unknown_names_csv(r, tmp_path):
    names = UnknownNames()
    for f in ("a.pdf", "b.pdf", "a.pdf"):
        for m in r.ministries("Ministry of Magic") + r.ministries("Ministry of Justice"):
            names.add(m, f)
    path = names.write_csv(tmp_path / "unknown_names.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines == ["kind,name,times_seen,files", "ministry,Ministry of Magic,3,a.pdf;b.pdf"]


# -- the names test set ------------------------------------------------------------------------
def test_names_test_set_meets_the_targets(r):
    res = evaluate(r, quiet=True)
    assert res["n"] >= 300 and res["must_not_match"] >= 40
    assert res["forced"] == 0, [e for e in res["errors"] if not e[3]]
    assert res["accuracy"] >= 0.98, res["errors"]
    assert set(res["per_language"]) == {"en", "fr", "de", "ru", "es", "it"}


# -- broken tables -----------------------------------------------------------------------------
def _copy_canon(tmp_path: Path) -> Path:
    dst = tmp_path / "canon"
    dst.mkdir()
    for name in ("countries.yaml", "country_words.yaml", "ministries.yaml"):
        shutil.copy(CANON / name, dst / name)
    return dst


def test_a_broken_ministry_table_names_the_file_and_the_entry(tmp_path):
    canon = _copy_canon(tmp_path)
    path = canon / "ministries.yaml"
    text = path.read_text(encoding="utf-8").replace("  culture:\n", "  kultur:\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CanonError) as exc:
        Resolver(canon)
    assert str(path) in str(exc.value) and "kultur" in str(exc.value)


def test_a_broken_country_entry_names_the_file_and_the_country(tmp_path):
    canon = _copy_canon(tmp_path)
    path = canon / "countries.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "- name: Malta\n  iso2: MT\n  respondent_type: participating_state",
        "- name: Malta\n  iso2: MT\n  respondent_type: member_state", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CanonError) as exc:
        Resolver(canon)
    assert str(path) in str(exc.value) and "'Malta'" in str(exc.value) and "respondent_type" in str(exc.value)


def test_unparseable_yaml_names_the_file(tmp_path):
    canon = _copy_canon(tmp_path)
    (canon / "ministries.yaml").write_text("heads: [unclosed\n", encoding="utf-8")
    with pytest.raises(CanonError, match="ministries.yaml"):
        Resolver(canon)


def test_get_resolver_uses_the_aliases_reviewers_taught(tmp_path):
    from questionnaire_returns.resolve import get_resolver
    from questionnaire_returns.corrections.store import CorrectionStore

    store = CorrectionStore(f"sqlite:///{tmp_path / 'corrections.sqlite'}")
    try:
        store.add_alias("ministry", "Vice Squad within the Malta Police Force", "interior", "reviewer1")
    finally:
        store.close()
    r = get_resolver(tmp_path)
    assert [m.id for m in r.ministries("Vice Squad within the Malta Police Force")] == ["interior"]


# -- the words the resolver reads by are the tables' -----------------------------------------
def test_the_words_around_country_names_are_read_from_the_table(tmp_path):
    canon = _copy_canon(tmp_path)
    assert [m.id for m in Resolver(canon).find_countries("Austrian Consulate, Vienna")] == []
    assert not Resolver(canon).names_sender("Consulate General of Austria")
    path = canon / "country_words.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  en: [mission, delegation, embassy,", "  en: [consulate, mission, delegation, embassy,", 1)
    text = text.replace("  en: [permanent mission, delegation,", "  en: [consulate, permanent mission, delegation,", 1)
    path.write_text(text, encoding="utf-8")
    r = Resolver(canon)
    assert [m.id for m in r.find_countries("Austrian Consulate, Vienna")] == ["Austria"]
    assert r.names_sender("Consulate General of Austria")


def test_government_mail_domains_are_read_from_the_table(r, tmp_path):
    assert [m.id for m in r.find_countries("thb@homeoffice.gov.uk")] == ["United Kingdom"]
    assert [m.id for m in r.find_countries("desk@state.gov")] == ["United States of America"]
    assert r.find_countries("info@shop.example.at") == []
    canon = _copy_canon(tmp_path)
    path = canon / "country_words.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  uk: United Kingdom\n", ""), encoding="utf-8")
    assert Resolver(canon).find_countries("thb@homeoffice.gov.uk") == []


@pytest.mark.parametrize("edit,named", [
    (("sender_cues:", "sender_cue:"), "sender_cue"),  # a misspelt key
    (("  de: [botschaft, delegation, regierung, vertretung]", "  de: [botschaft, '', regierung]"), "adjective_cues"),
    (("government_hosts: [gov, gv,", "government_hosts: [gov, 'G V',"), "government_hosts"),
    (("  uk: United Kingdom", "  uk: Great Britain"), "Great Britain"),  # names no canonical country
    (("articles:\n  en: [the]", "articles:\n  en: [the]\n  nl: [de, het]"), "nl"),  # no such language
])
def test_a_broken_country_words_table_names_the_file_and_the_entry(tmp_path, edit, named):
    _fails_naming(tmp_path, "country_words.yaml", edit, named)


def _fails_naming(tmp_path, table: str, edit: tuple[str, str], named: str) -> None:
    """The alias table edited so: the resolver refuses it, naming the file and the entry."""
    canon = _copy_canon(tmp_path)
    path = canon / table
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    with pytest.raises(CanonError) as exc:
        Resolver(canon)
    assert str(path) in str(exc.value) and named in str(exc.value)


def test_a_missing_country_words_table_names_the_file(tmp_path):
    canon = _copy_canon(tmp_path)
    (canon / "country_words.yaml").unlink()
    with pytest.raises(CanonError, match="country_words.yaml"):
        Resolver(canon)


@pytest.mark.parametrize("edit,named", [
    (("conjunctions: [and, und, et, e, y, i]\n", ""), "conjunctions"),  # a section the code needs is gone
    (("compound_heads: [ministeriums,", "compound_head: [ministeriums,"), "compound_head"),
    (("fuzzy_head: ministry", "fuzzy_head: ' '"), "fuzzy_head"),
])
def test_a_broken_ministry_word_list_names_the_file_and_the_entry(tmp_path, edit, named):
    _fails_naming(tmp_path, "ministries.yaml", edit, named)


def test_german_compounds_split_at_the_tables_heads(tmp_path):
    canon = _copy_canon(tmp_path)
    assert ids(Resolver(canon), "Arbeitsministerium") == ["labour"]
    assert ids(Resolver(canon), "Bundesministerum für Justiz") == ["justice"]  # OCR damaged the head
    path = canon / "ministries.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "compound_heads: [ministeriums, ministerium, departement]", "compound_heads: [departement]"), encoding="utf-8")
    assert ids(Resolver(canon), "Arbeitsministerium") == [None]
