"""A content type the core has never heard of (``tests.publications``) gets the whole site."""

from __future__ import annotations

import feedparser
import icalendar
import pytest

from cms.origin import page_url
from cms.plugins import ContentTypePlugin, registry
from cms.testing import json_ld
from tests.publications.models import PublicationIndexPage, PublicationPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def publication(translated_home_pages, locales):
    from cms.translation import translate
    from cms.vocabularies.factories import ThemeFactory
    from tests.publications.factories import PublicationIndexPageFactory, PublicationPageFactory

    index = PublicationIndexPageFactory(parent=translated_home_pages["fi"])
    index.save_revision().publish()
    translate(index, locales["sv"], {"title": "Publikationer", "slug": "publikationer"})
    theme = ThemeFactory(name="Laatu", slug="laatu")
    page = PublicationPageFactory(parent=index, title="Laatustrategian opas", isbn="978-952-13")
    page.themes.set([theme])
    page.save_revision().publish()
    page.refresh_from_db()
    translate(page, locales["sv"], {"title": "Guide", "slug": "guide"})
    return page


def test_new_plugin_is_listed_navigated_fed_and_described(client, publication):
    index = publication.get_parent()

    home = client.get("/fi/").content.decode()
    listing = client.get(index.url).content.decode()
    feed = feedparser.parse(client.get("/fi/feeds/publications/rss.xml").content)
    (data,) = json_ld(client.get(publication.url).content.decode())
    sitemap = client.get("/sitemap.xml").content.decode()

    assert f'href="{index.url}"' in home.split('class="main-navigation"')[1].split("</nav>")[0]
    assert "Laatustrategian opas" in listing
    assert [entry.title for entry in feed.entries] == ["Laatustrategian opas"]
    assert data["@type"] == "Book" and data["isbn"] == "978-952-13"
    assert page_url(publication) in sitemap
    assert 'hreflang="sv"' in sitemap


def test_new_plugin_has_a_calendar_and_topic_feeds(client, publication):
    calendar = icalendar.Calendar.from_ical(client.get("/fi/calendar/publications.ics").content)
    topic_feed = feedparser.parse(client.get("/fi/feeds/publications/laatu/rss.xml").content)

    assert [str(event["summary"]) for event in calendar.walk("VEVENT")] == ["Laatustrategian opas"]
    assert [entry.title for entry in topic_feed.entries] == ["Laatustrategian opas"]


@pytest.fixture
def bare_plugin(monkeypatch) -> ContentTypePlugin:
    """A plugin that contributes nothing, registered for one test."""
    plugin = ContentTypePlugin(
        key="reports", page_model=PublicationPage, index_model=PublicationIndexPage
    )
    monkeypatch.setitem(registry._plugins, plugin.key, plugin)
    return plugin


def test_plugin_without_calendar_or_feed_answers_404_not_500(client, publication, bare_plugin):
    assert client.get("/fi/calendar/reports.ics").status_code == 404
    assert client.get("/fi/feeds/reports/rss.xml").status_code == 404
    assert client.get("/fi/feeds/reports/laatu/rss.xml").status_code == 404
    assert client.get("/fi/feeds/publications/no-such-topic/rss.xml").status_code == 404
