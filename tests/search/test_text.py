"""Language analysis: base forms per language, compound parts with Voikko, query terms."""

from __future__ import annotations

import pytest

from search.text import (
    index_terms,
    lemmatise_query,
    query_terms,
    split_compound,
    split_wordbases,
    voikko_available,
    words,
)

needs_voikko = pytest.mark.skipif(not voikko_available(), reason="libvoikko/voikko-fi missing")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("koulutuksen", "fi", "koulutus"),
        ("opettajien", "fi", "opettaja"),
        ("verkostojen", "fi", "verkosto"),
        ("hankkeiden", "fi", "hanke"),
        ("utbildningar", "sv", "utbildning"),
        ("lärarnas", "sv", "lärare"),
        ("trainings", "en", "training"),
        ("libraries", "en", "library"),
    ],
)
def test_inflected_words_are_indexed_with_their_base_form(text, language, expected):
    assert expected in index_terms(text, language)


@needs_voikko
def test_finnish_compounds_are_indexed_with_their_parts():
    terms = index_terms("Täydennyskoulutusta verkostohankkeille", "fi")
    assert {"täydennyskoulutus", "täydennys", "koulutus"} <= set(terms)
    assert {"verkostohanke", "verkosto", "hanke"} <= set(terms)


def test_voikko_wordbases_merge_derivational_suffixes():
    assert split_wordbases(
        "+täydenn(täydentää)+ys(+ys)+koulutus(koulutus)", "täydennyskoulutus"
    ) == ("täydennys", "koulutus")
    assert split_wordbases("+koulutus(koulutus)", "koulutus") == ()


def test_query_keeps_words_as_typed_and_adds_base_forms_without_splitting_compounds():
    assert query_terms("Koulutuksen opettajien", "fi") == [
        "koulutuksen",
        "koulutus",
        "opettajien",
        "opettaja",
    ]
    assert "koulutus" not in lemmatise_query("täydennyskoulutus", "fi")


def test_unknown_languages_and_numbers_pass_through_lower_cased():
    assert index_terms("Sámi 2026", "se") == ["sámi", "2026"]
    assert words("AVI-koulutus, 25 000!") == ["avi", "koulutus", "25", "000"]


@pytest.mark.parametrize(
    ("word", "language", "parts"),
    [
        ("ledarskapsutbildning", "sv", ("ledarskaps", "utbildning")),
        ("statsunderstödet", "sv", ("stats", "understödet")),
        ("täydennyskoulutus", "fi", ("täydennys", "koulutus")),
        ("johtamiskoulutus", "fi", ("johtaminen", "koulutus")),
        ("valtionavustus", "fi", ("valtion", "avustus")),
        ("kommunernas", "sv", ()),  # a word and its ending, not a compound
        ("koulutus", "fi", ()),
    ],
)
def test_dictionary_splitter_finds_compound_parts(word, language, parts):
    assert split_compound(word, language) == parts


def test_without_voikko_finnish_and_swedish_compounds_are_indexed_with_parts(without_voikko):
    assert not voikko_available()
    assert {"täydennys", "koulutus"} <= set(index_terms("täydennyskoulutus", "fi"))
    assert {"johtaminen", "koulutus"} <= set(index_terms("johtamiskoulutus", "fi"))
    assert {"valtio", "avustus"} <= set(index_terms("valtionavustus", "fi"))
    assert {"ledarskap", "utbildning"} <= set(index_terms("ledarskapsutbildning", "sv"))


def test_queries_drop_stop_words_and_add_place_names_and_spellings():
    assert query_terms("the", "en") == []
    assert query_terms("och", "sv") == []
    assert not {"of", "the"} & set(query_terms("leadership of the networks", "en"))
    assert "espoo" in query_terms("Esbo", "sv")
    assert "helsingfors" in query_terms("Helsinki", "sv")
    assert "uleåborg" in query_terms("Oulu", "fi")
    assert {"åbo", "vasa"} <= set(query_terms("Turku Vaasa", "fi"))
    assert "organisation" in query_terms("organization", "en")
    assert "organization" in query_terms("organisations", "en") or "organizations" in query_terms(
        "organisations", "en"
    )
    assert "counselling" in query_terms("counseling", "en")
    assert "digitalisation" in query_terms("digitalization", "en")
    assert "centre" in query_terms("center", "en")


def test_query_compounds_split_only_on_request():
    assert "utbildning" not in query_terms("ledarskapsutbildning", "sv")
    assert {"ledarskap", "utbildning"} <= set(
        query_terms("ledarskapsutbildning", "sv", split_compounds=True)
    )
