"""The language switcher and hreflang alternates point only at live, public translations."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from cms.testing import make_draft, make_private

pytestmark = pytest.mark.django_db


def switcher_targets(html: str) -> dict[str, str]:
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    links = re.findall(r'<a href="([^"]+)" lang="(\w+)"', switcher)
    # Each link goes through the switch view (which sets the language cookie) to ``next``.
    return {language: parse_qs(urlsplit(unescape(url)).query)["next"][0] for url, language in links}


def hreflangs(html: str) -> dict[str, str]:
    links = re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html)
    return dict(links)


def test_switcher_links_each_language_to_the_translation(client, make_publication):
    publication = make_publication(translate_to=("sv", "en"))
    sv, en = (
        publication.get_translations().get(locale__language_code=code) for code in ("sv", "en")
    )

    html = client.get(publication.url).content.decode()

    assert switcher_targets(html) == {"fi": publication.url, "sv": sv.url, "en": en.url}
    assert set(hreflangs(html)) == {"fi", "sv", "en", "x-default"}
    assert hreflangs(html)["sv"].endswith(sv.url)


def test_switcher_falls_back_to_the_home_page_without_a_translation(client, make_publication):
    publication = make_publication(translate_to=("sv",))

    html = client.get(publication.url).content.decode()

    assert switcher_targets(html)["en"] == "/en/"
    assert client.get("/en/").status_code == 200
    assert "en" not in hreflangs(html)


@pytest.mark.parametrize("hide", [make_draft, make_private])
def test_unpublished_or_private_translation_is_never_a_target(client, make_publication, hide):
    publication = make_publication(translate_to=("sv", "en"))
    hide(publication.get_translations().get(locale__language_code="sv"))

    html = client.get(publication.url).content.decode()

    assert switcher_targets(html)["sv"] == "/sv/"
    assert "sv" not in hreflangs(html)
    assert client.get(switcher_targets(html)["sv"]).status_code == 200


def test_every_switcher_target_answers_200(client, make_publication):
    publication = make_publication(translate_to=("en",))

    for url in switcher_targets(client.get(publication.url).content.decode()).values():
        assert client.get(url).status_code == 200, url
