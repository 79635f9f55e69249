"""News in site search: found by topic and caption; topics make the theme facet."""

from __future__ import annotations

import pytest

from cms.vocabularies.factories import ThemeFactory
from pages.news.factories import NewsIndexPageFactory, NewsPageFactory
from search.service import search_pages

pytestmark = pytest.mark.django_db


def test_news_is_found_by_topic_and_counted_in_the_theme_facet(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    page = NewsPageFactory(parent=index, title="Tiedote", lead="", image_caption="Webinaari")
    page.topics.set([ThemeFactory(name="Ammatillinen koulutus", slug="vocational")])
    page.save_revision().publish()

    assert [hit.type for hit in search_pages("ammatillisen", "fi").hits] == ["news"]
    assert [hit.id for hit in search_pages("webinaarit", "fi").hits] == [page.pk]
    facets = search_pages("tiedote", "fi").theme_facets
    assert [(facet.value, facet.count) for facet in facets] == [("vocational", 1)]
