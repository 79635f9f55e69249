"""sitemap.xml with hreflang alternates, and robots.txt."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from cms.origin import page_url
from cms.testing import make_draft, make_private

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def parse_sitemap(client) -> dict[str, dict[str, str]]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_every_language_with_alternates(client, make_publication):
    publication = make_publication(translate_to=("sv", "en"))
    translations = {page.locale.language_code: page for page in publication.get_translations()}

    sitemap = parse_sitemap(client)

    fi_url = page_url(publication)
    assert fi_url in sitemap
    assert sitemap[fi_url] == {
        "fi": fi_url,
        "sv": page_url(translations["sv"]),
        "en": page_url(translations["en"]),
        "x-default": fi_url,
    }
    assert sitemap[page_url(translations["sv"])]["fi"] == fi_url
    assert any(loc.endswith("/sv/") for loc in sitemap)


def test_sitemap_leaves_out_drafts_private_pages_and_unpublished_translations(
    client, make_publication
):
    draft = make_publication()
    private = make_publication()
    partly = make_publication(translate_to=("sv",))
    make_draft(draft)
    make_private(private)
    swedish = partly.get_translations().get(locale__language_code="sv")
    make_draft(swedish)

    sitemap = parse_sitemap(client)
    everything = set(sitemap) | {href for links in sitemap.values() for href in links.values()}

    assert page_url(draft) not in everything
    assert page_url(private) not in everything
    assert page_url(swedish) not in everything
    assert "sv" not in sitemap[page_url(partly)]


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
