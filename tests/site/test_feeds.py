"""RSS and Atom feeds parsed by a real feed reader (feedparser)."""

from __future__ import annotations

import feedparser
import pytest

from cms.testing import make_draft, make_private

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_lists_live_public_pages_in_the_language(client, make_publication, kind):
    visible = make_publication(title="Julkinen opas", lead="Tiivistelmä.", translate_to=("sv",))
    make_draft(make_publication(title="Luonnos"))
    make_private(make_publication(title="Yksityinen"))

    response = client.get(f"/fi/feeds/publications/{kind}.xml")
    feed = feedparser.parse(response.content)

    assert response.status_code == 200
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    assert [entry.title for entry in feed.entries] == ["Julkinen opas"]
    assert feed.entries[0].link.endswith(visible.url)
    assert feed.entries[0].summary == "Tiivistelmä."
    assert feed.feed.language == "fi" if kind == "rss" else True

    swedish = feedparser.parse(client.get(f"/sv/feeds/publications/{kind}.xml").content)
    assert [entry.title for entry in swedish.entries] == ["Julkinen opas (sv)"]
    assert "/sv/" in swedish.entries[0].link


def test_topic_feed_only_has_that_topic(client, make_publication):
    from cms.vocabularies.factories import ThemeFactory

    quality = ThemeFactory(name="Laatu ja kehittäminen", slug="laatu")
    make_publication(title="Laatuopas", themes=[quality])
    make_publication(title="Muu opas")

    feed = feedparser.parse(client.get("/fi/feeds/publications/laatu/rss.xml").content)

    assert [entry.title for entry in feed.entries] == ["Laatuopas"]
    assert "Laatu ja kehittäminen" in feed.feed.title


@pytest.mark.parametrize(
    "url", ["/fi/feeds/unknown/rss.xml", "/fi/feeds/publications/no-such-topic/atom.xml"]
)
def test_unknown_feed_or_topic_is_404(client, publication_indexes, url):
    assert client.get(url).status_code == 404


def test_pages_advertise_their_feeds(client, publication_indexes):
    html = client.get("/en/").content.decode()

    assert 'type="application/rss+xml"' in html
    assert 'href="/en/feeds/publications/rss.xml"' in html
    assert 'href="/en/feeds/publications/atom.xml"' in html


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_plain_text_leads_are_escaped_not_markup(client, make_publication, kind):
    make_publication(title="Merkit", lead='Opas <script>alert(1)</script> & "lainaus"')

    feed = feedparser.parse(client.get(f"/fi/feeds/publications/{kind}.xml").content)

    # A reader shows the summary as HTML: the lead's characters must come out as typed.
    summary = feed.entries[0].summary
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in summary
    assert "<script>" not in summary
