"""The list and detail contract shared by every content type, seen through the test plugins."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from cms.vocabularies.factories import OrganisationFactory, ThemeFactory

pytestmark = pytest.mark.django_db

COMMON_FIELDS = {
    "id",
    "translation_key",
    "locale",
    "served_locale",
    "type",
    "title",
    "slug",
    "url",
    "first_published_at",
    "last_published_at",
    "translations",
}


def test_list_envelope_and_common_item_fields(client, make_publication):
    publication = make_publication(title="Saavutettavuus verkossa", slug="saavutettavuus")

    body = client.get("/api/v1/publications/").json()

    assert body["count"] == 1
    assert body["next"] is None and body["previous"] is None
    (item,) = body["items"]
    assert item.keys() >= COMMON_FIELDS
    assert item["id"] == publication.pk
    assert item["translation_key"] == str(publication.translation_key)
    assert item["type"] == "publications"
    assert item["locale"] == item["served_locale"] == "fi"
    assert item["title"] == "Saavutettavuus verkossa"
    assert item["url"] == "http://testserver/fi/julkaisut/saavutettavuus/"
    assert item["first_published_at"] is not None
    assert item["translations"] == {"fi": {"id": publication.pk, "url": item["url"]}}


def test_detail_answers_the_item_itself(client, make_event):
    event = make_event()

    response = client.get(f"/api/v1/events/{event.pk}")

    assert response.status_code == 200
    assert response.json()["id"] == event.pk
    assert response.json()["type"] == "events"


def test_detail_of_missing_or_other_type_is_404_problem(client, make_event, publication_index):
    event = make_event()
    response = client.get("/api/v1/publications/987654")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404
    # The listing page exists and is live, but it is not a publication; nor is an event.
    assert client.get(f"/api/v1/publications/{publication_index.pk}").status_code == 404
    assert client.get(f"/api/v1/publications/{event.pk}").status_code == 404


def test_pagination_links_keep_other_parameters(client, make_publication):
    for _ in range(5):
        make_publication()

    first = client.get("/api/v1/publications/?limit=2&locale=fi").json()
    assert first["count"] == 5 and len(first["items"]) == 2
    assert first["previous"] is None
    assert first["cursor"]
    assert first["next"] == (
        f"http://testserver/api/v1/publications/?limit=2&locale=fi&cursor={first['cursor']}"
    )

    last = client.get("/api/v1/publications/?limit=2&locale=fi&offset=4").json()
    assert len(last["items"]) == 1 and last["next"] is None and last["cursor"] is None
    assert last["previous"] == ("http://testserver/api/v1/publications/?limit=2&locale=fi&offset=2")

    beyond = client.get("/api/v1/publications/?offset=50").json()
    assert beyond["count"] == 5 and beyond["items"] == []


def walk(client, url: str, between=lambda: None) -> list[int]:
    """Follow ``next`` to the end, calling ``between`` after each page."""
    seen = []
    while url:
        body = client.get(url).json()
        seen += [item["id"] for item in body["items"]]
        url = body["next"]
        between()
    return seen


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/pages/?limit=2",  # by -last_published_at: a republished item moves
        "/api/v1/publications/?limit=2&ordering=available_until",  # empty values last
    ],
)
def test_cursor_walk_is_stable_while_content_changes(client, make_publication, publish, url):
    soon = timezone.now().date()
    publications = [
        make_publication(available_until=None if n % 2 else soon + dt.timedelta(days=n))
        for n in range(5)
    ]
    expected = walk(client, url)
    assert sorted(expected) == sorted(page.pk for page in publications)
    by_id = {page.pk: page for page in publications}
    changes = iter(
        [
            lambda: publish(by_id[expected[0]]),  # a seen item is republished (moves)
            lambda: by_id[expected[1]].unpublish(),  # a seen item is withdrawn
        ]
    )

    seen = walk(client, url, between=lambda: next(changes, lambda: None)())

    # No duplicate, and nothing still listed was missed.
    assert len(seen) == len(set(seen))
    assert set(expected) - {expected[1]} <= set(seen)


def test_cursor_for_another_ordering_is_refused(client, make_publication):
    for _ in range(3):
        make_publication()
    cursor = client.get("/api/v1/publications/?limit=1").json()["cursor"]

    response = client.get(f"/api/v1/publications/?limit=1&ordering=title&cursor={cursor}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "cursor"
    assert client.get(f"/api/v1/publications/?cursor={cursor}&offset=1").status_code == 400
    assert client.get("/api/v1/publications/?cursor=bm9wZQ").status_code == 400
    themes = client.get("/api/v1/themes/?limit=1").json()
    assert "cursor" in themes


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("tehme=x", "tehme"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=many", "limit"),
        ("offset=-1", "offset"),
        ("locale=de", "locale"),
        ("fallback=maybe", "fallback"),
        ("fallback=true", "fallback"),
        ("translation_key=not-a-uuid", "translation_key"),
        ("updated_since=yesterday", "updated_since"),
        ("ordering=colour", "ordering"),
        ("theme=Not%20A%20Slug", "theme"),
        ("organisation=a,,b", "organisation"),
        ("search=", "search"),
        ("search=%00", "search"),
    ],
)
@pytest.mark.parametrize("key", ["publications", "events"])
def test_bad_parameters_get_400_naming_them(client, key, query, parameter):
    response = client.get(f"/api/v1/{key}/?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400
    assert parameter in problem["detail"]
    assert [error["parameter"] for error in problem["errors"]] == [parameter]


def test_detail_rejects_parameters(client, make_publication):
    publication = make_publication()
    response = client.get(f"/api/v1/publications/{publication.pk}?locale=sv")
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "locale"


def test_theme_and_organisation_match_any_of_the_slugs(client, make_publication):
    quality, leadership = ThemeFactory(slug="laatu"), ThemeFactory(slug="johtaminen")
    oph, avi = OrganisationFactory(slug="oph"), OrganisationFactory(slug="lapin-avi")
    both = make_publication(themes=[quality, leadership], publisher=oph)
    only_leadership = make_publication(themes=[leadership], publisher=avi)
    make_publication()

    def ids(query: str) -> set[int]:
        url = f"/api/v1/publications/?{query}"
        return {item["id"] for item in client.get(url).json()["items"]}

    assert ids("theme=laatu") == {both.pk}
    assert ids("theme=laatu,johtaminen") == {both.pk, only_leadership.pk}
    assert ids("organisation=lapin-avi") == {only_leadership.pk}
    assert ids("theme=laatu&organisation=lapin-avi") == set()
    assert ids("theme=unknown-slug") == set()


def test_organisation_on_a_type_without_organisations_matches_nothing(client, make_event):
    OrganisationFactory(slug="oph")
    make_event()

    response = client.get("/api/v1/events/?organisation=oph")

    assert response.status_code == 200
    assert response.json()["items"] == []


def test_translation_key_and_updated_since(client, make_event, publish):
    old = make_event()
    new = make_event()
    cutoff = timezone.now()
    publish(new)

    def ids(query: str) -> set[int]:
        return {item["id"] for item in client.get(f"/api/v1/events/?{query}").json()["items"]}

    assert ids(f"translation_key={old.translation_key}") == {old.pk}
    stamp = cutoff.isoformat().replace("+", "%2B")
    assert ids(f"updated_since={stamp}") == {new.pk}
    # A naive time is Finnish time; the Helsinki date of tomorrow excludes everything.
    tomorrow = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    assert ids(f"updated_since={tomorrow}") == set()


def test_search_finds_by_title(client, make_publication):
    wanted = make_publication(title="Saavutettavuus museoissa")
    make_publication(title="Varhaiskasvatuksen johtajuus")

    items = client.get("/api/v1/publications/?search=saavutettavuus").json()["items"]

    assert [item["id"] for item in items] == [wanted.pk]


def test_search_counts_every_visible_match_however_many_drafts_match(
    client, make_publication, monkeypatch
):
    """Drafts are left out inside the search, so the match cap only counts live pages."""
    from cms.api import list_query

    monkeypatch.setattr(list_query, "MAX_SEARCH_MATCHES", 3)
    for number in range(4):
        make_publication(title=f"Saavutettavuus luonnos {number}").unpublish()
    visible = {make_publication(title=f"Saavutettavuus {number}").pk for number in range(3)}

    body = client.get("/api/v1/publications/?search=saavutettavuus").json()

    assert body["count"] == 3
    assert {item["id"] for item in body["items"]} == visible


def test_ordering(client, make_event):
    later = make_event(title="B", starts_at=timezone.now() + dt.timedelta(days=20))
    sooner = make_event(title="A", starts_at=timezone.now() + dt.timedelta(days=5))

    def ids(query: str) -> list[int]:
        return [item["id"] for item in client.get(f"/api/v1/events/?{query}").json()["items"]]

    assert ids("") == [sooner.pk, later.pk]  # the type's default ordering: soonest first
    assert ids("ordering=-starts_at") == [later.pk, sooner.pk]
    assert ids("ordering=-title") == [later.pk, sooner.pk]
    assert ids("ordering=title") == [sooner.pk, later.pk]


def test_a_type_without_a_default_ordering_lists_the_newest_first(client, make_publication):
    older = make_publication(title="A")
    newer = make_publication(title="B")

    def ids(query: str) -> list[int]:
        url = f"/api/v1/publications/?{query}"
        return [item["id"] for item in client.get(url).json()["items"]]

    assert ids("") == [newer.pk, older.pk]
    assert ids("ordering=first_published_at") == [older.pk, newer.pk]
    # Another type's ordering is no ordering here.
    assert client.get("/api/v1/publications/?ordering=starts_at").status_code == 400
