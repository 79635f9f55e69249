"""The search service: what a reader may find, in which language, with which facet counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.origin import page_url
from cms.plugins import registry
from cms.vocabularies.factories import ThemeFactory
from search.service import SearchInputError, search_pages, suggest_titles
from search.text import voikko_available

pytestmark = pytest.mark.django_db


def titles(outcome) -> list[str]:
    return [hit.title for hit in outcome.hits]


def test_inflected_query_finds_base_form_in_each_language(add_event):
    add_event("fi", "Koulutus")
    add_event("sv", "Utbildning")
    add_event("en", "Training")

    assert titles(search_pages("koulutuksen", "fi")) == ["Koulutus"]
    assert titles(search_pages("utbildningar", "sv")) == ["Utbildning"]
    assert titles(search_pages("trainings", "en")) == ["Training"]


@pytest.mark.skipif(not voikko_available(), reason="needs libvoikko and voikko-fi")
def test_compound_part_finds_the_compound_with_voikko(add_event):
    add_event("fi", "Täydennyskoulutus")
    add_event("fi", "Verkostohanke")

    assert titles(search_pages("koulutus", "fi")) == ["Täydennyskoulutus"]
    assert titles(search_pages("hankkeiden", "fi")) == ["Verkostohanke"]
    # A compound in the query is not split: it does not match every "koulutus".
    assert titles(search_pages("täydennyskoulutukset", "fi")) == ["Täydennyskoulutus"]


def test_results_are_restricted_to_the_requested_locale(add_publication):
    add_publication("fi", "Training camp")
    add_publication("en", "Training")

    assert titles(search_pages("training", "en")) == ["Training"]
    assert titles(search_pages("training", "fi")) == ["Training camp"]


def test_untranslated_finnish_pages_of_a_plugin_that_shows_them_are_found_marked(add_event):
    add_event("fi", "Training camp")
    add_event("en", "Training")
    add_event("sv", "Training i Vasa")

    # Events show untranslated Finnish pages in every language, marked with their language;
    # never the pages of a third language.
    hits = search_pages("training", "en").hits
    assert sorted((hit.title, hit.locale) for hit in hits) == [
        ("Training", "en"),
        ("Training camp", "fi"),
    ]
    assert titles(search_pages("training", "fi")) == ["Training camp"]


def test_a_translated_page_is_found_in_its_translation_only(add_event, locales):
    from cms.translation import translate

    page = add_event("fi", "Koulutus", lead="Webinaari")
    # The lead is left untranslated: both versions match it.
    translate(page, locales["sv"], {"title": "Utbildning", "slug": "utbildning"})

    # The Finnish original no longer stands in for its translation.
    hits = search_pages("webinaari", "sv").hits
    assert [(hit.title, hit.locale) for hit in hits] == [("Utbildning", "sv")]


def test_result_carries_type_url_locale_and_excerpt(add_event):
    page = add_event("fi", "Koulutus", lead="Rehtoreille suunnattu koulutus.")

    (hit,) = search_pages("koulutus", "fi").hits

    assert hit.id == page.pk
    assert hit.type == "events"
    assert hit.locale == "fi"
    assert hit.url == page_url(page)
    assert hit.excerpt == "Rehtoreille suunnattu koulutus."


def test_drafts_and_private_pages_never_appear(add_event):
    add_event("fi", "Julkinen koulutus")
    draft = add_event("fi", "Luonnos koulutus")
    draft.unpublish()
    private = add_event("fi", "Salainen koulutus")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    assert titles(search_pages("koulutus", "fi")) == ["Julkinen koulutus"]


def test_unpublished_translation_never_appears(add_event, locales):
    page = add_event("fi", "Koulutus")
    page.copy_for_translation(locales["sv"], copy_parents=True)

    # The Finnish original stands in for the draft translation, never the draft itself.
    hits = search_pages("koulutus", "sv").hits
    assert [(hit.id, hit.locale) for hit in hits] == [(page.pk, "fi")]


def test_facets_count_types_and_themes_in_the_requested_language(
    add_event, locales, translate_theme
):
    quality = ThemeFactory(name="Laatu ja kehittäminen", slug="quality")
    translate_theme(quality, locales["sv"], "Kvalitet och utveckling")
    add_event("sv", "Utbildning i kvalitet", themes=[quality])
    add_event("sv", "Utbildning för lärare")

    outcome = search_pages("utbildning", "sv")

    assert [(facet.value, facet.count) for facet in outcome.type_facets] == [("events", 2)]
    assert [(f.value, f.label, f.count) for f in outcome.theme_facets] == [
        ("quality", "Kvalitet och utveckling", 1)
    ]


def test_swedish_page_is_found_by_the_swedish_name_of_its_theme(
    add_event, locales, translate_theme
):
    theme = ThemeFactory(name="Varhaiskasvatus", slug="ecec")
    translate_theme(theme, locales["sv"], "Småbarnspedagogik")
    add_event("sv", "Kurs för personal", themes=[theme])

    assert titles(search_pages("småbarnspedagogiken", "sv")) == ["Kurs för personal"]


def test_type_filter_keeps_type_facet_counts_of_all_types(add_event):
    add_event("fi", "Koulutus")

    outcome = search_pages("koulutus", "fi", "events")

    assert titles(outcome) == ["Koulutus"]
    assert outcome.type_facets[0].count == 1


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"query": "x", "locale": "de"}, "locale"),
        ({"query": "x", "locale": "fi", "type_key": "recipes"}, "type"),
        ({"query": "x" * 201, "locale": "fi"}, "q"),
    ],
)
def test_bad_input_names_the_field(db, kwargs, field):
    with pytest.raises(SearchInputError) as error:
        search_pages(kwargs["query"], kwargs["locale"], kwargs.get("type_key"))
    assert error.value.field == field


def test_empty_query_returns_nothing_without_searching(add_event, django_assert_num_queries):
    add_event("fi", "Koulutus")
    with django_assert_num_queries(1):  # the locale lookup
        outcome = search_pages("  ", "fi")
    assert outcome.hits == [] and outcome.total == 0


def test_search_query_count_does_not_grow_with_results(add_event):
    def queries_for_search() -> int:
        with CaptureQueriesContext(connection) as captured:
            search_pages("koulutus", "fi")
        return len(captured)

    add_event("fi", "Koulutus 0")
    queries_for_search()  # warm the content-type and site caches
    few = queries_for_search()
    for number in range(1, 15):
        add_event("fi", f"Koulutus {number}")

    assert queries_for_search() == few
    # Locale, search, count, type facet, one theme facet per plugin, pages by type.
    assert few <= 6 + 2 * len(registry)


def test_one_search_reads_the_visibility_rule_once(add_event):
    """Hits and every facet apply the same snapshot of restrictions and windows."""
    add_event("fi", "Koulutus")
    search_pages("koulutus", "fi")  # warm the content-type and site caches
    with CaptureQueriesContext(connection) as captured:
        outcome = search_pages("koulutus", "fi")
    assert outcome.total == 1
    restriction_reads = [
        query["sql"] for query in captured if "pageviewrestriction" in query["sql"].lower()
    ]
    assert len(restriction_reads) == 1


def test_suggestions_are_titles_in_the_requested_language(add_event):
    add_event("fi", "Koulutusverkosto")
    add_event("fi", "Kouluruokailu")
    add_event("sv", "Kommunikation")
    add_event("fi", "Muu aihe")

    suggestions, degraded = suggest_titles("koul", "fi")

    assert sorted(suggestions) == ["Kouluruokailu", "Koulutusverkosto"]
    assert degraded is False
    assert suggest_titles("k", "fi") == ([], False)


def test_a_plugin_without_search_contribution_is_searched_with_defaults(home_page):
    from tests.publications.factories import PublicationIndexPageFactory, PublicationPageFactory

    index = PublicationIndexPageFactory(parent=home_page, title="Julkaisut", slug="julkaisut")
    PublicationPageFactory(parent=index, title="Laatustrategian opas", lead="Opas.")

    outcome = search_pages("laatustrategia", "fi")

    assert [(hit.title, hit.type, hit.excerpt) for hit in outcome.hits] == [
        ("Laatustrategian opas", "publications", "Opas.")
    ]
    assert [(facet.value, facet.count) for facet in outcome.type_facets] == [("publications", 1)]
    assert outcome.theme_facets == []


def test_hidden_matches_ranked_first_never_take_the_places_of_visible_ones(add_event):
    """Drafts and private pages that outrank every visible match hide no visible result."""
    from wagtail.search.backends import get_search_backend

    from search.query import LanguageQuery
    from tests.events.models import EventPage

    hidden = []
    for number in range(12):
        draft = add_event("fi", f"Koulutus {number}", lead="Koulutus.")
        draft.unpublish()
        private = add_event("fi", f"Koulutus {number}", lead="Koulutus.", slug=f"k{number}")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        hidden += [draft.pk, private.pk]
    visible = {
        add_event(
            "fi",
            f"Kevään tapahtumia verkostoille ja kumppaneille {number}",
            lead="Verkoston kevät: tapaamisia, julkaisuja, hankkeita ja yksi koulutus.",
        ).pk
        for number in range(3)
    }
    # The hidden pages outrank the visible ones when visibility is not applied.
    query = LanguageQuery("koulutus", "fi")
    ranked = get_search_backend().search(query, EventPage.objects.all())
    assert {page.pk for page in ranked[:24]} == set(hidden)

    first = search_pages("koulutus", "fi", limit=2)
    second = search_pages("koulutus", "fi", limit=2, offset=2)

    assert first.total == second.total == 3
    assert len(first.hits) == 2 and len(second.hits) == 1
    assert {hit.id for hit in first.hits + second.hits} == visible
