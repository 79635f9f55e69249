"""The partner API keeps whole responses, and every change a partner must see shows at once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.timezones import HELSINKI

pytestmark = pytest.mark.django_db

LIST = "/api/v1/publications/"


def titles(client) -> list[str]:
    return [item["title"] for item in client.get(LIST).json()["items"]]


def test_a_repeated_request_is_answered_from_the_cache(client, make_publication):
    make_publication(title="Julkaisu")
    first = client.get(LIST)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(LIST)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Language"] == first["Content-Language"]
    assert len(queries) == 0


def test_a_partner_poll_with_a_key_costs_no_query(client, make_publication):
    from cms.api.models import PartnerKey
    from cms.vocabularies.factories import OrganisationFactory

    _key, raw_key = PartnerKey.issue(name="Kumppani", organisation=OrganisationFactory())
    auth = {"HTTP_X_API_KEY": raw_key}
    make_publication(title="Julkaisu")
    first = client.get(LIST, **auth)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(LIST, **auth)
    assert again.content == first.content
    assert len(queries) == 0


def test_a_revalidation_answers_304_from_the_cache(client, make_publication):
    make_publication(title="Julkaisu")
    etag = client.get(LIST)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert len(queries) == 0


def test_a_publish_is_visible_at_once(client, make_publication):
    make_publication(title="Ensimmäinen")
    assert titles(client) == ["Ensimmäinen"]
    make_publication(title="Toinen")
    assert sorted(titles(client)) == ["Ensimmäinen", "Toinen"]


def test_a_renamed_term_is_visible_at_once(client, make_publication):
    from cms.vocabularies.factories import OrganisationFactory

    publisher = OrganisationFactory(name="Opetushallitus")
    publication = make_publication(title="Julkaisu", publisher=publisher)
    detail = f"/api/v1/publications/{publication.pk}"

    def publisher_names() -> list[str]:
        listed = client.get(LIST).json()["items"][0]["publisher"]["name"]
        return [listed, client.get(detail).json()["publisher"]["name"]]

    assert publisher_names() == ["Opetushallitus", "Opetushallitus"]

    publisher.name = "Opetus- ja kulttuuriministeriö"
    publisher.save()

    assert publisher_names() == ["Opetus- ja kulttuuriministeriö"] * 2


def test_a_state_that_changes_at_a_moment_moves_with_the_clock(client, make_event, monkeypatch):
    """An event ends at its ``ends_at``: no edit, but the answer changes then."""
    starts = timezone.now() + dt.timedelta(days=10)
    event = make_event(starts_at=starts, ends_at=starts + dt.timedelta(hours=6))
    make_event(starts_at=starts + dt.timedelta(days=30))  # a later boundary, not the next
    detail = f"/api/v1/events/{event.pk}"
    assert client.get(detail).json()["has_ended"] is False

    for moment, expected in (
        (starts + dt.timedelta(hours=1), False),
        (starts + dt.timedelta(hours=6), True),
        (starts + dt.timedelta(hours=7), True),
    ):
        monkeypatch.setattr(timezone, "now", lambda moment=moment: moment)
        assert client.get(detail).json()["has_ended"] is expected, moment


def test_a_state_that_changes_on_a_day_moves_at_helsinki_midnight(
    client, make_publication, monkeypatch
):
    """A publication is available through its ``available_until`` day (a date field)."""
    now = timezone.now()
    last_day = now.astimezone(HELSINKI).date() + dt.timedelta(days=3)
    publication = make_publication(available_until=last_day)
    detail = f"/api/v1/publications/{publication.pk}"
    assert client.get(detail).json()["available"] is True

    midnight = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(0), HELSINKI)
    for moment, expected in (
        (midnight - dt.timedelta(minutes=1), True),
        (midnight, False),
        (midnight + dt.timedelta(days=2), False),
    ):
        monkeypatch.setattr(timezone, "now", lambda moment=moment: moment)
        assert client.get(detail).json()["available"] is expected, moment


def test_search_and_the_change_feed_are_not_cached():
    from django.test import RequestFactory

    from cms.api.response_cache import cacheable

    factory = RequestFactory()
    assert cacheable(factory.get("/api/v1/publications/"))
    assert cacheable(factory.get("/api/v1/events/12"))
    assert not cacheable(factory.get("/api/v1/search/", {"q": "koulutus"}))
    assert not cacheable(factory.get("/api/v1/changes/"))
    assert not cacheable(factory.post("/api/v1/publications/"))


def built_from_nothing(client, url: str):
    """The list as a cold server would answer it (every cache emptied)."""
    from django.core.cache import cache

    cache.clear()
    return client.get(url)


def test_a_list_after_a_publish_shows_it_and_equals_one_built_from_nothing(
    client, make_publication, publish
):
    publications = [make_publication(title=f"Julkaisu {number}") for number in range(3)]
    client.get(LIST)  # every item's JSON is now kept
    publications[1].title = "Uusi otsikko"
    publish(publications[1])

    response = client.get(LIST)

    assert sorted(titles(client)) == ["Julkaisu 0", "Julkaisu 2", "Uusi otsikko"]
    assert response.content == built_from_nothing(client, LIST).content


def test_a_new_translation_shows_in_the_list_at_once(client, make_publication, translate_page):
    publication = make_publication(title="Julkaisu")
    before = client.get(LIST).json()["items"][0]
    assert set(before["translations"]) == {"fi"}

    swedish = translate_page(publication, "sv", title="Publikation")

    item = next(i for i in client.get(LIST).json()["items"] if i["id"] == publication.pk)
    assert item["translations"]["sv"]["id"] == swedish.pk
    assert client.get(LIST).content == built_from_nothing(client, LIST).content


def test_an_unpublished_item_leaves_the_list_at_once(client, make_publication):
    kept, withdrawn = make_publication(title="Jää"), make_publication(title="Poistuu")
    assert sorted(titles(client)) == ["Jää", "Poistuu"]

    withdrawn.unpublish()

    assert titles(client) == ["Jää"]
    assert client.get(LIST).json()["count"] == 1
    assert kept.pk in [item["id"] for item in client.get(LIST).json()["items"]]


def test_a_renamed_term_in_a_list_equals_one_built_from_nothing(client, make_publication):
    from cms.vocabularies.factories import OrganisationFactory

    publisher = OrganisationFactory(name="Opetushallitus")
    make_publication(title="Julkaisu", publisher=publisher)
    make_publication(title="Toinen", publisher=publisher)
    client.get(LIST)

    publisher.name = "Opetus- ja kulttuuriministeriö"
    publisher.save()

    response = client.get(LIST)
    names = [item["publisher"]["name"] for item in response.json()["items"]]
    assert names == ["Opetus- ja kulttuuriministeriö"] * 2
    assert response.content == built_from_nothing(client, LIST).content
