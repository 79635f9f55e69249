"""Related pages: shown in the reader's language, grouped by content type, in few queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.plugins import ContentTypePlugin, registry
from cms.translation import translate
from home.models import HomePage
from pages.networks.factories import NetworkIndexPageFactory, NetworkPageFactory
from pages.networks.models import NetworkPage


@pytest.fixture
def index(home_page):
    return NetworkIndexPageFactory(parent=home_page)


@pytest.fixture
def home_plugin(monkeypatch) -> ContentTypePlugin:
    """A second content type, without importing another plugin: home pages, listed first."""
    plugin = ContentTypePlugin(key="homes", page_model=HomePage, index_model=HomePage, order=1)
    monkeypatch.setitem(registry._plugins, plugin.key, plugin)
    return plugin


def _reader_page(locale, *related) -> NetworkPage:
    """A network in ``locale`` relating to ``related`` (source pages, as synchronised)."""
    return NetworkPage(
        title="Verkosto", locale=locale, related_pages=[("page", page) for page in related]
    )


def _titles(groups) -> list[tuple[str, list[str]]]:
    return [(group.plugin.key, [page.title for page in group.pages]) for group in groups]


def test_pages_are_localized_and_grouped_in_plugin_order(
    index, translated_home_pages, locales, home_plugin
):
    first = NetworkPageFactory(parent=index, title="Ensimmäinen")
    second = NetworkPageFactory(parent=index, title="Toinen")
    translate(first, locales["sv"], {"title": "Första"})
    home = translated_home_pages["fi"]

    groups = _reader_page(locales["sv"], second, home, first, second).related_pages_by_type()

    # "Toinen" has no Swedish translation: the Finnish page is shown, as Page.localized does.
    assert _titles(groups) == [("homes", ["Startsida"]), ("networks", ["Toinen", "Första"])]
    assert [group.label for group in groups] == [
        str(HomePage._meta.verbose_name_plural),
        str(NetworkPage._meta.verbose_name_plural),
    ]
    assert all(page.locale_id == locales["sv"].id for page in groups[0].pages)


def test_draft_and_private_pages_are_left_out(index, locales):
    shown = NetworkPageFactory(parent=index, title="Julkinen")
    draft = NetworkPageFactory(parent=index, title="Luonnos", live=False)
    private = NetworkPageFactory(parent=index, title="Suojattu")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="salasana"
    )

    groups = _reader_page(locales["fi"], draft, private, shown).related_pages_by_type()

    assert _titles(groups) == [("networks", ["Julkinen"])]


def test_unpublished_translation_falls_back_to_the_chosen_page(
    index, translated_home_pages, locales
):
    chosen = NetworkPageFactory(parent=index, title="Verkosto A")
    translation = translate(chosen, locales["en"], {"title": "Network A"})
    translation.unpublish()

    groups = _reader_page(locales["en"], chosen).related_pages_by_type()

    assert _titles(groups) == [("networks", ["Verkosto A"])]


def test_no_related_pages_give_no_groups(locales):
    assert _reader_page(locales["fi"]).related_pages_by_type() == []


def test_query_count_does_not_grow_with_related_pages(index, locales, home_plugin, home_page):
    pages = [NetworkPageFactory(parent=index) for _ in range(4)]
    _reader_page(locales["fi"], home_page, pages[0]).related_pages_by_type()  # warm caches

    def count(*related) -> int:
        with CaptureQueriesContext(connection) as queries:
            groups = _reader_page(locales["fi"], *related).related_pages_by_type()
        assert sum(len(group.pages) for group in groups) == len(related)
        return len(queries)

    assert count(home_page, pages[0]) == count(home_page, *pages)
