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


def test_search_returns_mixed_type_results_with_facets(api, add_event):
    theme = ThemeFactory(name="Laatu", slug="quality")
    page = add_event("fi", "Koulutus", lead="Laatustrategian koulutus.", themes=[theme])

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
        "cursor": None,
        "next": None,
        "previous": None,
        "items": [
            {
                "id": page.pk,
                "type": "events",
                "title": "Koulutus",
                "url": page_url(page),
                "locale": "fi",
                "excerpt": "Laatustrategian koulutus.",
            }
        ],
        "facets": {
            "type": [{"value": "events", "label": finnish_plural, "count": 1}],
            "theme": [{"value": "quality", "label": "Laatu", "count": 1}],
        },
    }


def test_type_limit_and_offset_select_results(api, add_event):
    for number in range(3):
        add_event("en", f"Training {number}")

    body = api.get("/?q=training&locale=en&type=events&limit=2&offset=2").json()

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


def test_router_is_mounted_in_the_partner_api(client, add_event):
    page = add_event("sv", "Utbildning")

    response = client.get("/api/v1/search/", {"q": "utbildningar", "locale": "sv"})

    assert response.status_code == 200
    assert [result["id"] for result in response.json()["items"]] == [page.pk]


def test_list_endpoint_search_parameter_matches_inflected_forms(client, add_event):
    wanted = add_event("fi", "Koulutus")
    add_event("fi", "Webinaari")

    response = client.get("/api/v1/events/", {"search": "koulutuksen", "locale": "fi"})

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.pk]


def walk(api, query: str, *, between=None) -> list[int]:
    """Every result id, following ``next``; ``between`` runs after the first page."""
    ids, url = [], f"/?{query}"
    while url:
        body = api.get(url).json()
        ids += [item["id"] for item in body["items"]]
        url = body["next"] and "/?" + body["next"].split("?", 1)[1]
        if between is not None:
            between, changed = None, between
            changed(ids)
    return ids


def test_the_cursor_walk_neither_skips_nor_repeats_while_results_change(api, add_event):
    pages = [add_event("en", f"Training {number}") for number in range(7)]
    query = "q=training&locale=en&limit=2"
    ranked = walk(api, query)
    assert sorted(ranked) == sorted(page.pk for page in pages)
    by_id = {page.pk: page for page in pages}

    def withdraw_the_first(seen):
        by_id[seen[0]].unpublish()

    # A result above the cursor withdrawn mid-walk: every other result still comes, once.
    walked = walk(api, query, between=withdraw_the_first)
    assert walked == ranked

    def publish_another(seen):
        add_event("en", "Training extra")

    walked = walk(api, query, between=publish_another)
    assert len(walked) == len(set(walked))
    assert set(ranked[1:]) <= set(walked)


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("q=training&locale=en&cursor=bm90LWEtY3Vyc29y", "not a cursor"),
        ("q=webinar&locale=en&cursor={cursor}", "another search"),
        ("q=training&locale=en&offset=2&cursor={cursor}", "either cursor or offset"),
    ],
)
def test_a_bad_cursor_is_a_problem_naming_it(api, add_event, query, detail):
    for number in range(3):
        add_event("en", f"Training {number}")
    cursor = api.get("/?q=training&locale=en&limit=1").json()["cursor"]

    response = api.get("/?" + query.format(cursor=cursor))

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert detail in response.json()["errors"][0]["message"] + response.json()["detail"]
