"""The partner search endpoint, exercised through its django-ninja router."""

from __future__ import annotations

import pytest
from django.utils import translation

from cms.origin import page_url
from cms.vocabularies.factories import ThemeFactory

pytestmark = pytest.mark.django_db


class PartnerApi:
    """The search endpoint as partners reach it, under /api/v1/."""

    def __init__(self, client) -> None:
        self.client = client

    def get(self, query: str):
        return self.client.get(f"/api/v1/search{query}")


@pytest.fixture
def api(client) -> PartnerApi:
    return PartnerApi(client)


def test_search_returns_mixed_type_results_with_facets(api, make_training):
    theme = ThemeFactory(name="Laatu", slug="quality")
    page = make_training("fi", "Koulutus", lead="Laatustrategian koulutus.", themes=[theme])

    response = api.get("/?q=koulutuksen&locale=fi")
    with translation.override("fi"):
        finnish_plural = str(type(page)._meta.verbose_name_plural)

    assert response.status_code == 200
    assert response.json() == {
        "query": "koulutuksen",
        "locale": "fi",
        "count": 1,
        "limit": 20,
        "offset": 0,
        "degraded": False,
        "next": None,
        "previous": None,
        "items": [
            {
                "id": page.pk,
                "type": "trainings",
                "title": "Koulutus",
                "url": page_url(page),
                "locale": "fi",
                "excerpt": "Laatustrategian koulutus.",
            }
        ],
        "facets": {
            "type": [{"value": "trainings", "label": finnish_plural, "count": 1}],
            "theme": [{"value": "quality", "label": "Laatu", "count": 1}],
        },
    }


def test_type_limit_and_offset_select_results(api, make_training):
    for number in range(3):
        make_training("en", f"Training {number}")

    body = api.get("/?q=training&locale=en&type=trainings&limit=2&offset=2").json()

    assert body["count"] == 3 and len(body["items"]) == 1
    assert isinstance(body["limit"], int) and isinstance(body["offset"], int)
    assert body["next"] is None and "offset=0" in body["previous"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("q=x&locale=de", "locale"),
        ("q=x&locale=fi&type=recipes", "type"),
        ("q=x&locale=fi&limit=0", "limit"),
        ("q=x&locale=fi&limit=ten", "limit"),
        ("q=x&locale=fi&offset=-1", "offset"),
        (f"q={'x' * 201}&locale=fi", "q"),
        ("q=x&sort=title", "sort"),
    ],
)
def test_bad_parameters_are_problems_naming_the_field(api, db, query, field):
    response = api.get(f"/?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["parameter"] == field
    assert response.json()["detail"]


def test_router_is_mounted_in_the_partner_api(client, make_training):
    page = make_training("sv", "Utbildning")

    response = client.get("/api/v1/search/", {"q": "utbildningar", "locale": "sv"})

    assert response.status_code == 200
    assert [result["id"] for result in response.json()["items"]] == [page.pk]


def test_list_endpoint_search_parameter_matches_inflected_forms(client, make_training):
    wanted = make_training("fi", "Koulutus")
    make_training("fi", "Webinaari")

    response = client.get("/api/v1/trainings/", {"search": "koulutuksen", "locale": "fi"})

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.pk]
