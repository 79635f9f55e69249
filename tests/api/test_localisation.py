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

    served = {
        item["id"]: (item["locale"], item["served_locale"], item["requested_locale"])
        for item in items
    }
    # ``locale`` is the language of the text; what was asked for is said apart.
    assert served == {swedish.pk: ("sv", "sv", "sv"), finnish_only.pk: ("fi", "fi", "sv")}


def test_content_language_names_every_language_served(client, bilingual):
    response = client.get("/api/v1/trainings/?locale=sv&fallback=true")
    assert response["Content-Language"] == "sv, fi"
    assert client.get("/api/v1/trainings/?locale=sv")["Content-Language"] == "sv"
    _both, _swedish, finnish_only = bilingual
    assert client.get(f"/api/v1/trainings/{finnish_only.pk}")["Content-Language"] == "fi"


@pytest.mark.parametrize(("value", "fallback"), [("1", True), ("0", False), ("true", True)])
def test_fallback_accepts_1_and_0_as_forms_do(client, bilingual, value, fallback):
    response = client.get(f"/api/v1/trainings/?locale=sv&fallback={value}")
    assert response.status_code == 200
    assert response.json()["count"] == (2 if fallback else 1)
    assert client.get("/api/v1/trainings/?locale=sv&fallback=yes").status_code == 400


def test_fallback_vocabulary_and_rich_text_follow_the_text_language(
    client, home_page, translate_page, locales
):
    from cms.testing import publish
    from pages.projects.factories import ProjectResultIndexPageFactory, ProjectResultPageFactory

    theme = ThemeFactory(name="Johtaminen", slug="johtaminen")
    translate(theme, locales["sv"], {"name": "Ledarskap"})
    index = publish(ProjectResultIndexPageFactory(parent=home_page))
    translate_page(index, "sv", title="Projekt")
    project = publish(
        ProjectResultPageFactory(
            parent=index, themes=[theme], need_and_goals="<p>Tarve ja tavoitteet.</p>"
        )
    )

    (item,) = client.get("/api/v1/projects/?locale=sv&fallback=1").json()["items"]

    assert (item["id"], item["locale"], item["requested_locale"]) == (project.pk, "fi", "sv")
    # Finnish text names its themes in Finnish, not in the requested Swedish.
    assert item["themes"][0]["name"] == "Johtaminen"
    assert item["need_and_goals"] == '<div lang="fi"><p>Tarve ja tavoitteet.</p></div>'
    native = client.get(f"/api/v1/projects/{project.pk}").json()
    assert native["need_and_goals"] == "<p>Tarve ja tavoitteet.</p>"
    assert native["requested_locale"] is None


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
