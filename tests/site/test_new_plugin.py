"""A content type the core has never heard of (``tests.publications``) gets the whole site."""

from __future__ import annotations

import feedparser
import pytest

from cms.origin import page_url
from cms.testing import json_ld

pytestmark = pytest.mark.django_db


@pytest.fixture
def publication(translated_home_pages, locales):
    from cms.translation import translate
    from tests.publications.factories import PublicationIndexPageFactory, PublicationPageFactory

    index = PublicationIndexPageFactory(parent=translated_home_pages["fi"])
    index.save_revision().publish()
    translate(index, locales["sv"], {"title": "Publikationer", "slug": "publikationer"})
    page = PublicationPageFactory(parent=index, title="Laatustrategian opas", isbn="978-952-13")
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


def test_plugin_without_calendar_or_topics_answers_404_not_500(client, publication):
    assert client.get("/fi/calendar/publications.ics").status_code == 404
    assert client.get("/fi/feeds/publications/laatu/rss.xml").status_code == 404
