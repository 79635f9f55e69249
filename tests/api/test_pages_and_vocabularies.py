"""``/pages/`` across every type, the vocabulary lists and the router extension point."""

from __future__ import annotations

import pytest
from ninja import Router

from cms.api import extra_routers, register_router
from cms.api.api_contribution import ApiContribution
from cms.api.builder import build_api
from cms.plugins import ContentTypePlugin
from cms.testing import ids, problem_parameter, publish
from cms.translation import translate
from cms.vocabularies.factories import OrganisationFactory, RegionFactory, ThemeFactory
from tests.publications.factories import PublicationIndexPageFactory, PublicationPageFactory
from tests.publications.models import PublicationIndexPage, PublicationPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def publication(home_page):
    index = publish(PublicationIndexPageFactory(parent=home_page))
    return publish(PublicationPageFactory(parent=index, title="Laatuopas", isbn="978-952-13"))


def test_pages_lists_every_type_with_links_to_typed_endpoints(client, make_event, publication):
    event = make_event()

    body = client.get("/api/v1/pages/?ordering=id").json()

    by_type = {item["type"]: item for item in body["items"]}
    assert {key: item["id"] for key, item in by_type.items()} == {
        "events": event.pk,
        "publications": publication.pk,
    }
    api_url = by_type["publications"]["api_url"]
    assert api_url == f"http://testserver/api/v1/publications/{publication.pk}"
    typed = client.get(api_url).json()
    assert typed["isbn"] == "978-952-13"
    assert typed["lead"] == publication.lead


def test_pages_type_and_cross_type_theme_filter(client, make_event, publication):
    theme = ThemeFactory(slug="laatu")
    themed = make_event(themes=[theme])
    make_event()

    assert ids(client, "/api/v1/pages/?type=publications") == [publication.pk]
    assert ids(client, "/api/v1/pages/?theme=laatu") == [themed.pk]
    publication.themes.add(theme)
    publish(publication)
    assert set(ids(client, "/api/v1/pages/?theme=laatu")) == {themed.pk, publication.pk}
    assert problem_parameter(client, "/api/v1/pages/?type=recipes") == "type"
    assert client.get(f"/api/v1/pages/{publication.pk}").json()["type"] == "publications"
    assert client.get("/api/v1/pages/1").status_code == 404  # the tree root is no content page


def test_plugin_without_contribution_gets_common_fields_and_lead():
    plugin = ContentTypePlugin(
        key="reports", page_model=PublicationPage, index_model=PublicationIndexPage
    )
    contribution = plugin.contribution(ApiContribution)
    assert [field.name for field in contribution.fields] == ["lead"]


def test_vocabulary_lists_in_the_requested_language(client, locales):
    quality = ThemeFactory(name="Laatu", slug="laatu")
    translate(quality, locales["sv"], {"name": "Kvalitet"})
    ThemeFactory(name="Johtaminen", slug="johtaminen")
    OrganisationFactory(name="Opetushallitus", slug="oph", short_name="OPH")
    RegionFactory(name="Lappi", slug="lappi")

    fi = client.get("/api/v1/themes/").json()
    sv = client.get("/api/v1/themes/?locale=sv").json()

    assert [item["name"] for item in fi["items"]] == ["Johtaminen", "Laatu"]
    assert sv["items"] == [
        {
            "id": sv["items"][0]["id"],
            "translation_key": str(quality.translation_key),
            "locale": "sv",
            "slug": "laatu",
            "name": "Kvalitet",
        }
    ]
    assert client.get("/api/v1/themes/?slug=johtaminen").json()["count"] == 1
    assert client.get("/api/v1/themes/?search=laa").json()["count"] == 1
    organisation = client.get("/api/v1/organisations/").json()["items"][0]
    assert (organisation["short_name"], organisation["parent"]) == ("OPH", None)
    assert client.get("/api/v1/regions/").json()["items"][0]["kind"] == "maakunta"
    assert client.get("/api/v1/audiences/").json()["count"] == 0
    assert problem_parameter(client, "/api/v1/themes/?locale=de") == "locale"
    assert problem_parameter(client, "/api/v1/regions/?kind=x") == "kind"


def test_register_router_mounts_a_router_in_the_api():
    router = Router()

    @router.get("/", operation_id="list_statistics_extra")
    def statistics(request):
        return {"ok": True}

    assert "/api/v1/statistics/" not in build_api().get_openapi_schema()["paths"]
    register_router("statistics", router)
    try:
        register_router("/statistics/", router)  # registering again replaces, never duplicates
        assert [entry[0] for entry in extra_routers].count("/statistics/") == 1
        paths = build_api().get_openapi_schema()["paths"]
        assert "/api/v1/statistics/" in paths
        assert "/api/v1/publications/" in paths
    finally:
        extra_routers.clear()
