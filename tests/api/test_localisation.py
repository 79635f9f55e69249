"""Languages: locale filter, Finnish fallback, translation links, localized vocabulary."""

from __future__ import annotations

import pytest

from cms.translation import translate
from cms.vocabularies.factories import OrganisationFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual(make_training, translate_page):
    """One training in fi and sv, one in fi only."""
    both = make_training(title="Johtaminen", slug="johtaminen")
    swedish = translate_page(both, "sv", title="Ledarskap", slug="ledarskap")
    finnish_only = make_training(title="Vain suomeksi", slug="vain-suomeksi")
    return both, swedish, finnish_only


def test_locale_filters_to_one_language(client, bilingual):
    both, swedish, finnish_only = bilingual

    sv = client.get("/api/v1/trainings/?locale=sv").json()
    fi = client.get("/api/v1/trainings/?locale=fi").json()

    assert [item["id"] for item in sv["items"]] == [swedish.pk]
    assert sv["items"][0]["url"] == "http://testserver/sv/koulutukset/ledarskap/"
    assert {item["id"] for item in fi["items"]} == {both.pk, finnish_only.pk}
    assert client.get("/api/v1/trainings/").json()["count"] == 3


def test_fallback_serves_finnish_and_says_so(client, bilingual):
    _both, swedish, finnish_only = bilingual

    items = client.get("/api/v1/trainings/?locale=sv&fallback=true").json()["items"]

    served = {item["id"]: (item["locale"], item["served_locale"]) for item in items}
    assert served == {swedish.pk: ("sv", "sv"), finnish_only.pk: ("sv", "fi")}


def test_translations_link_every_live_version(client, bilingual):
    both, swedish, _finnish_only = bilingual

    item = client.get(f"/api/v1/trainings/{both.pk}").json()

    assert item["translations"] == {
        "fi": {"id": both.pk, "url": "http://testserver/fi/koulutukset/johtaminen/"},
        "sv": {"id": swedish.pk, "url": "http://testserver/sv/koulutukset/ledarskap/"},
    }


def test_related_vocabulary_is_named_in_the_requested_language(
    client, make_training, translate_page, locales
):
    theme = ThemeFactory(name="Laatu", slug="laatu")
    translate(theme, locales["sv"], {"name": "Kvalitet"})
    organiser = OrganisationFactory(name="Opetushallitus", slug="oph")
    translate(organiser, locales["sv"], {"name": "Utbildningsstyrelsen"})
    training = make_training(themes=[theme], organiser=organiser)
    swedish = translate_page(training, "sv", title="Utbildning")

    fi_item = client.get(f"/api/v1/trainings/{training.pk}").json()
    sv_item = client.get(f"/api/v1/trainings/{swedish.pk}").json()
    fallback = client.get("/api/v1/trainings/?locale=en&fallback=true").json()["items"][0]

    assert fi_item["themes"][0]["name"] == "Laatu"
    assert fi_item["organiser"]["name"] == "Opetushallitus"
    assert sv_item["themes"][0]["name"] == "Kvalitet"
    assert sv_item["themes"][0]["slug"] == "laatu"
    assert sv_item["organiser"]["name"] == "Utbildningsstyrelsen"
    # No English names exist: the Finnish ones are shown.
    assert fallback["served_locale"] == "fi"
    assert fallback["organiser"]["name"] == "Opetushallitus"
