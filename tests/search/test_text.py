"""Language analysis: base forms per language, compound parts with Voikko, query terms."""

from __future__ import annotations

import pytest

from search.text import (
    index_terms,
    lemmatise_query,
    query_terms,
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
