"""Trainings in site search: organiser, region and audience names find them; themes facet."""

from __future__ import annotations

import pytest

from cms.vocabularies.factories import (
    AudienceFactory,
    OrganisationFactory,
    RegionFactory,
    ThemeFactory,
)
from pages.trainings.factories import TrainingIndexPageFactory, TrainingPageFactory
from search.service import search_pages

pytestmark = pytest.mark.django_db


def test_training_is_found_by_its_organiser_region_and_audience(home_page):
    index = TrainingIndexPageFactory(parent=home_page)
    page = TrainingPageFactory(
        parent=index,
        title="Kevään kurssi",
        lead="",
        organiser=OrganisationFactory(name="Lapin aluehallintovirasto", short_name="LAVI"),
        region=RegionFactory(name="Lappi"),
    )
    page.audiences.set([AudienceFactory(name="Varhaiskasvatus")])
    page.themes.set([ThemeFactory(name="Laatu", slug="laatu")])
    page.save_revision().publish()

    for query in ("aluehallintoviraston", "Lapissa", "varhaiskasvatuksen", "LAVI"):
        assert [hit.id for hit in search_pages(query, "fi").hits] == [page.pk], query
    outcome = search_pages("kurssi", "fi")
    assert [(facet.value, facet.count) for facet in outcome.theme_facets] == [("laatu", 1)]


def test_an_untranslated_training_is_found_in_english_marked_finnish(make_training):
    """Trainings show their Finnish pages in every language until translated."""
    make_training(title="Training camp", lead="")
    make_training(translate_to=("en",), title="Training", lead="")

    hits = search_pages("training", "en").hits

    # The translated training through its translation only ("(en)" is the fixture's title).
    assert sorted((hit.title, hit.locale) for hit in hits) == [
        ("Training (en)", "en"),
        ("Training camp", "fi"),
    ]
