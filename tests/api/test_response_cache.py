"""The partner API keeps whole responses, and every change a partner must see shows at once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

pytestmark = pytest.mark.django_db

LIST = "/api/v1/trainings/"


def titles(client) -> list[str]:
    return [item["title"] for item in client.get(LIST).json()["items"]]


def test_a_repeated_request_is_answered_from_the_cache(client, make_training):
    make_training(title="Koulutus")
    first = client.get(LIST)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(LIST)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Language"] == first["Content-Language"]
    assert len(queries) == 0


def test_a_partner_poll_with_a_key_costs_no_query(client, make_training):
    from cms.api.models import PartnerKey
    from cms.vocabularies.factories import OrganisationFactory

    _key, raw_key = PartnerKey.issue(name="Kumppani", organisation=OrganisationFactory())
    auth = {"HTTP_X_API_KEY": raw_key}
    make_training(title="Koulutus")
    first = client.get(LIST, **auth)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(LIST, **auth)
    assert again.content == first.content
    assert len(queries) == 0


def test_a_revalidation_answers_304_from_the_cache(client, make_training):
    make_training(title="Koulutus")
    etag = client.get(LIST)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert len(queries) == 0


def test_a_publish_is_visible_at_once(client, make_training):
    make_training(title="Ensimmäinen")
    assert titles(client) == ["Ensimmäinen"]
    make_training(title="Toinen")
    assert sorted(titles(client)) == ["Ensimmäinen", "Toinen"]


def test_a_renamed_term_is_visible_at_once(client, make_training):
    from cms.vocabularies.factories import RegionFactory

    region = RegionFactory(name="Lappi")
    training = make_training(title="Koulutus", region=region)
    detail = f"/api/v1/trainings/{training.pk}"
    assert "Lappi" in client.get(LIST).content.decode()
    assert "Lappi" in client.get(detail).content.decode()

    region.name = "Lapin alue"
    region.save()

    assert "Lapin alue" in client.get(LIST).content.decode()
    assert "Lapin alue" in client.get(detail).content.decode()


def test_the_lifecycle_moves_with_the_clock(client, make_training, monkeypatch):
    starts = timezone.now() + dt.timedelta(days=10)
    training = make_training(
        title="Kevään koulutus",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=6),
        registration_closes=(starts - dt.timedelta(days=5)).date(),
    )
    detail = f"/api/v1/trainings/{training.pk}"
    assert client.get(detail).json()["lifecycle"] == "registration_open"

    # Registration closed at midnight; later the training starts, then it ends.
    for moment, expected in (
        (starts - dt.timedelta(days=2), "registration_closed"),
        (starts + dt.timedelta(hours=1), "ongoing"),
        (starts + dt.timedelta(hours=7), "past"),
    ):
        monkeypatch.setattr(timezone, "now", lambda moment=moment: moment)
        assert client.get(detail).json()["lifecycle"] == expected


def test_search_and_the_change_feed_are_not_cached(client, make_training):
    from django.test import RequestFactory

    from cms.api.response_cache import cacheable

    factory = RequestFactory()
    assert cacheable(factory.get("/api/v1/trainings/"))
    assert not cacheable(factory.get("/api/v1/search/", {"q": "koulutus"}))
    assert not cacheable(factory.get("/api/v1/changes/"))
    assert not cacheable(factory.post("/api/v1/trainings/"))


def built_from_nothing(client, url: str):
    """The list as a cold server would answer it (every cache emptied)."""
    from django.core.cache import cache

    cache.clear()
    return client.get(url)


def test_a_list_after_a_publish_shows_it_and_equals_one_built_from_nothing(
    client, make_training, publish
):
    trainings = [make_training(title=f"Koulutus {number}") for number in range(3)]
    client.get(LIST)  # every item's JSON is now kept
    trainings[1].title = "Uusi otsikko"
    publish(trainings[1])

    response = client.get(LIST)

    assert sorted(titles(client)) == ["Koulutus 0", "Koulutus 2", "Uusi otsikko"]
    assert response.content == built_from_nothing(client, LIST).content


def test_a_new_translation_shows_in_the_list_at_once(client, make_training, translate_page):
    training = make_training(title="Koulutus")
    before = client.get(LIST).json()["items"][0]
    assert set(before["translations"]) == {"fi"}

    swedish = translate_page(training, "sv", title="Utbildning")

    item = next(i for i in client.get(LIST).json()["items"] if i["id"] == training.pk)
    assert item["translations"]["sv"]["id"] == swedish.pk
    assert client.get(LIST).content == built_from_nothing(client, LIST).content


def test_an_unpublished_item_leaves_the_list_at_once(client, make_training):
    kept, withdrawn = make_training(title="Jää"), make_training(title="Poistuu")
    assert sorted(titles(client)) == ["Jää", "Poistuu"]

    withdrawn.unpublish()

    assert titles(client) == ["Jää"]
    assert client.get(LIST).json()["count"] == 1
    assert kept.pk in [item["id"] for item in client.get(LIST).json()["items"]]


def test_a_renamed_term_in_a_list_equals_one_built_from_nothing(client, make_training):
    from cms.vocabularies.factories import RegionFactory

    region = RegionFactory(name="Lappi")
    make_training(title="Koulutus", region=region)
    make_training(title="Toinen", region=region)
    client.get(LIST)

    region.name = "Lapin alue"
    region.save()

    response = client.get(LIST)
    assert [item["region"]["name"] for item in response.json()["items"]] == ["Lapin alue"] * 2
    assert response.content == built_from_nothing(client, LIST).content


def test_the_lifecycle_in_a_list_moves_with_the_clock(client, make_training, monkeypatch):
    starts = timezone.now() + dt.timedelta(days=10)
    make_training(
        title="Kevään koulutus",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=6),
        registration_closes=(starts - dt.timedelta(days=5)).date(),
    )
    make_training(title="Toinen")  # its item stays as it was

    def lifecycle() -> str:
        items = client.get(LIST).json()["items"]
        return next(item for item in items if item["title"] == "Kevään koulutus")["lifecycle"]

    assert lifecycle() == "registration_open"
    for moment, expected in (
        (starts - dt.timedelta(days=2), "registration_closed"),
        (starts + dt.timedelta(hours=1), "ongoing"),
        (starts + dt.timedelta(hours=7), "past"),
    ):
        monkeypatch.setattr(timezone, "now", lambda moment=moment: moment)
        assert lifecycle() == expected
