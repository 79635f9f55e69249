"""Languages: locale filter, Finnish fallback, translation links, localized vocabulary."""

from __future__ import annotations

import pytest

from cms.translation import translate
from cms.vocabularies.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual(make_publication, translate_page):
    """One publication in fi and sv, one in fi only."""
    both = make_publication(title="Johtaminen", slug="johtaminen")
    swedish = translate_page(both, "sv", title="Ledarskap", slug="ledarskap")
    finnish_only = make_publication(title="Vain suomeksi", slug="vain-suomeksi")
    return both, swedish, finnish_only


def test_locale_filters_to_one_language(client, bilingual):
    both, swedish, finnish_only = bilingual

    sv = client.get("/api/v1/publications/?locale=sv").json()
    fi = client.get("/api/v1/publications/?locale=fi").json()

    assert [item["id"] for item in sv["items"]] == [swedish.pk]
    assert sv["items"][0]["url"] == "http://testserver/sv/julkaisut/ledarskap/"
    assert {item["id"] for item in fi["items"]} == {both.pk, finnish_only.pk}
    assert client.get("/api/v1/publications/").json()["count"] == 3


def test_fallback_serves_finnish_and_says_so(client, bilingual):
    _both, swedish, finnish_only = bilingual

    items = client.get("/api/v1/publications/?locale=sv&fallback=true").json()["items"]

    served = {
        item["id"]: (item["locale"], item["served_locale"], item["requested_locale"])
        for item in items
    }
    # ``locale`` is the language of the text; what was asked for is said apart.
    assert served == {swedish.pk: ("sv", "sv", "sv"), finnish_only.pk: ("fi", "fi", "sv")}


def test_content_language_names_every_language_served(client, bilingual):
    response = client.get("/api/v1/publications/?locale=sv&fallback=true")
    assert response["Content-Language"] == "sv, fi"
    assert client.get("/api/v1/publications/?locale=sv")["Content-Language"] == "sv"
    _both, _swedish, finnish_only = bilingual
    assert client.get(f"/api/v1/publications/{finnish_only.pk}")["Content-Language"] == "fi"


@pytest.mark.parametrize(("value", "fallback"), [("1", True), ("0", False), ("true", True)])
def test_fallback_accepts_1_and_0_as_forms_do(client, bilingual, value, fallback):
    response = client.get(f"/api/v1/publications/?locale=sv&fallback={value}")
    assert response.status_code == 200
    assert response.json()["count"] == (2 if fallback else 1)
    assert client.get("/api/v1/publications/?locale=sv&fallback=yes").status_code == 400


def test_translations_link_every_live_version(client, bilingual):
    both, swedish, _finnish_only = bilingual

    item = client.get(f"/api/v1/publications/{both.pk}").json()

    assert item["translations"] == {
        "fi": {"id": both.pk, "url": "http://testserver/fi/julkaisut/johtaminen/"},
        "sv": {"id": swedish.pk, "url": "http://testserver/sv/julkaisut/ledarskap/"},
    }


def test_related_vocabulary_is_named_in_the_requested_language(
    client, make_publication, translate_page, locales
):
    theme = ThemeFactory(name="Laatu", slug="laatu")
    translate(theme, locales["sv"], {"name": "Kvalitet"})
    publication = make_publication(themes=[theme])
    swedish = translate_page(publication, "sv", title="Publikation")

    fi_item = client.get(f"/api/v1/publications/{publication.pk}").json()
    sv_item = client.get(f"/api/v1/publications/{swedish.pk}").json()
    fallback = client.get("/api/v1/publications/?locale=en&fallback=true").json()["items"][0]

    assert fi_item["themes"][0]["name"] == "Laatu"
    assert sv_item["themes"][0]["name"] == "Kvalitet"
    assert sv_item["themes"][0]["slug"] == "laatu"
    # No English names exist: the Finnish ones are shown.
    assert fallback["served_locale"] == "fi"
    assert fallback["themes"][0]["name"] == "Laatu"
