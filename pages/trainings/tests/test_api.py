"""Trainings in the partner API: Linked Events parameters and the training fields."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.utils import timezone

from cms.api.management.commands.export_openapi import schema_json
from cms.testing import ids, problem_parameter, publish
from cms.timezones import HELSINKI
from cms.vocabularies.factories import (
    AudienceFactory,
    OrganisationFactory,
    PersonFactory,
    RegionFactory,
    ThemeFactory,
)
from cms.vocabularies.models import Language
from pages.trainings.factories import TrainingIndexPageFactory, TrainingPageFactory
from pages.trainings.models import TrainingPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def make(home_page):
    index = publish(TrainingIndexPageFactory(parent=home_page))
    return lambda **fields: publish(TrainingPageFactory(parent=index, **fields))


def at(days: int, hour: int = 9) -> dt.datetime:
    day = timezone.now().astimezone(HELSINKI).date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=HELSINKI)


def test_start_end_and_days_select_by_time(client, make):
    past = make(starts_at=at(-10), ends_at=at(-10, 16))
    soon = make(starts_at=at(3), ends_at=at(3, 16))
    later = make(starts_at=at(40), ends_at=at(40, 16))

    assert set(ids(client, "/api/v1/trainings/?start=today")) == {soon.pk, later.pk}
    assert set(ids(client, "/api/v1/trainings/?start=now")) == {soon.pk, later.pk}
    assert set(ids(client, "/api/v1/trainings/?end=today")) == {past.pk}
    # A bare date as ``end`` means the end of that day (Finnish time).
    day = at(3).date().isoformat()
    assert ids(client, f"/api/v1/trainings/?start={day}&end={day}") == [soon.pk]
    assert ids(client, "/api/v1/trainings/?days=7") == [soon.pk]
    assert set(ids(client, "/api/v1/trainings/?days=60")) == {soon.pk, later.pk}
    moment = at(30).isoformat().replace("+", "%2B")
    assert ids(client, f"/api/v1/trainings/?start={moment}") == [later.pk]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("start=tomorrow", "start"),
        ("start=2026-02-30", "start"),
        ("end=2026-13-01", "end"),
        ("start=2027-01-10&end=2027-01-01", "end"),
        ("days=3&start=today", "days"),
        ("days=0", "days"),
        ("is_free=yes", "is_free"),
        ("format=outdoors", "format"),
        ("kind=course,lecture", "kind"),
        ("status=open", "status"),
        ("registration_open=yes", "registration_open"),
        ("keyword=Not%20Slug", "keyword"),
    ],
)
def test_bad_training_parameters(client, query, parameter):
    assert problem_parameter(client, f"/api/v1/trainings/?{query}") == parameter


def test_vocabulary_filters(client, make):
    quality, leadership = ThemeFactory(slug="laatu"), ThemeFactory(slug="johtaminen")
    lapland, uusimaa = RegionFactory(slug="lappi"), RegionFactory(slug="uusimaa")
    libraries = AudienceFactory(slug="kirjastot")
    swedish = Language.objects.get(code="sv")
    first = make(themes=[quality], region=lapland, audiences=[libraries], languages=[swedish])
    second = make(themes=[leadership, quality], region=uusimaa)

    assert set(ids(client, "/api/v1/trainings/?keyword=laatu")) == {first.pk, second.pk}
    assert ids(client, "/api/v1/trainings/?keyword=johtaminen") == [second.pk]
    assert ids(client, "/api/v1/trainings/?location=lappi") == [first.pk]
    assert set(ids(client, "/api/v1/trainings/?location=lappi,uusimaa")) == {first.pk, second.pk}
    assert ids(client, "/api/v1/trainings/?audience=kirjastot") == [first.pk]
    assert ids(client, "/api/v1/trainings/?language=sv") == [first.pk]
    assert ids(client, "/api/v1/trainings/?language=se") == []
    # Linked Events habits.
    assert ids(client, "/api/v1/trainings/?in_language=sv") == [first.pk]
    assert ids(client, "/api/v1/trainings/?keyword_AND=laatu,johtaminen") == [second.pk]
    for query, value in (
        ("keyword=laatu,tuntematon", "tuntematon"),
        ("location=atlantis", "atlantis"),
        ("audience=avaruus", "avaruus"),
        ("keyword_AND=laatu,ei-ole", "ei-ole"),
    ):
        response = client.get(f"/api/v1/trainings/?{query}")
        assert response.status_code == 400, query
        assert response["Content-Type"] == "application/problem+json"
        error = response.json()["errors"][0]
        assert error["parameter"] == query.split("=")[0] and value in error["message"]


def test_linked_events_names(client, make, translated_home_pages, locales):
    import datetime as dt

    from cms.translation import translate

    webinar = make(title="Arviointi verkossa", is_free=True)
    course = make(title="Johtaminen", is_free=False, price=Decimal("90"))
    swedish = translate(course, locales["sv"], {"title": "Ledarskap"})

    assert ids(client, "/api/v1/trainings/?is_free=True&locale=fi") == [webinar.pk]
    assert ids(client, "/api/v1/trainings/?is_free=False&locale=fi") == [course.pk]
    assert ids(client, "/api/v1/trainings/?text=arviointi") == [webinar.pk]
    assert ids(client, "/api/v1/trainings/?translation=sv&locale=fi") == [course.pk]
    assert ids(client, "/api/v1/trainings/?sort=title,-starts_at&locale=fi") == [
        webinar.pk,
        course.pk,
    ]
    assert ids(client, "/api/v1/trainings/?sort=-starts_at,title&locale=fi") == ids(
        client, "/api/v1/trainings/?ordering=-starts_at&locale=fi"
    )
    assert ids(client, "/api/v1/trainings/?sort=-title&locale=fi") == [course.pk, webinar.pk]
    all_languages = client.get("/api/v1/trainings/?locale=all").json()
    assert all_languages == client.get("/api/v1/trainings/").json()
    assert {item["id"] for item in all_languages["items"]} == {webinar.pk, course.pk, swedish.pk}
    assert ids(client, "/api/v1/trainings/?page_size=1&page=2&sort=title&locale=fi") == [course.pk]
    assert ids(client, "/api/v1/trainings/?include=keywords,location&locale=fi")
    for moment in ("today", "-1d", "-2h", "2000-01-01"):
        found = ids(client, f"/api/v1/trainings/?last_modified_since={moment}&locale=fi")
        assert set(found) == {webinar.pk, course.pk}, moment
    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    assert ids(client, f"/api/v1/trainings/?last_modified_since={tomorrow}") == []
    for query, parameter in (
        ("text=a&search=b", "text"),
        ("page_size=2&limit=2", "page_size"),
        ("page=2&offset=4", "page"),
        ("sort=title&ordering=title", "sort"),
        ("sort=colour", "sort"),
        ("last_modified_since=-1y", "last_modified_since"),
        ("include=everything", "include"),
        ("is_free=TRUE", "is_free"),
        ("translation=de", "translation"),
    ):
        assert problem_parameter(client, f"/api/v1/trainings/?{query}") == parameter, query


def test_choice_and_price_filters(client, make):
    webinar = make(kind="webinar", format="online", is_free=True)
    course = make(kind="course", format="hybrid", is_free=False, price=Decimal("90"))
    cancelled = make(status="cancelled")

    assert ids(client, "/api/v1/trainings/?kind=webinar") == [webinar.pk]
    assert set(ids(client, "/api/v1/trainings/?format=online,hybrid")) == {webinar.pk, course.pk}
    assert ids(client, "/api/v1/trainings/?is_free=false") == [course.pk]
    assert ids(client, "/api/v1/trainings/?status=cancelled") == [cancelled.pk]


def test_registration_open(client, make):
    today = timezone.now().astimezone(HELSINKI).date()
    open_now = make(
        starts_at=at(20),
        ends_at=at(20, 16),
        registration_opens=today - dt.timedelta(days=5),
        registration_closes=today,
    )
    not_yet = make(starts_at=at(20), ends_at=at(20, 16), registration_opens=at(5).date())
    closed = make(
        starts_at=at(20), ends_at=at(20, 16), registration_closes=today - dt.timedelta(days=1)
    )
    full = make(starts_at=at(20), ends_at=at(20, 16), status=TrainingPage.Status.FULL)

    assert ids(client, "/api/v1/trainings/?registration_open=true") == [open_now.pk]
    assert set(ids(client, "/api/v1/trainings/?registration_open=false")) == {
        not_yet.pk,
        closed.pk,
        full.pk,
    }
    item = client.get(f"/api/v1/trainings/{open_now.pk}").json()
    assert item["registration_open"] is True
    assert item["lifecycle"] == "registration_open"


def test_training_fields(client, make):
    training = make(
        kind="workshop",
        format="hybrid",
        venue="Pasila",
        street_address="Ratapihantie 13",
        postal_code="00520",
        locality="Helsinki",
        is_free=False,
        price=Decimal("45.50"),
        capacity=30,
        registration_url="https://ilmo.example.fi/1",
        starts_at=at(10),
        ends_at=at(10, 15),
    )

    item = client.get(f"/api/v1/trainings/{training.pk}").json()

    assert item["kind"] == "workshop" and item["format"] == "hybrid"
    assert item["venue"] == "Pasila"
    assert (item["street_address"], item["postal_code"], item["locality"]) == (
        "Ratapihantie 13",
        "00520",
        "Helsinki",
    )
    assert (item["is_free"], item["price"], item["capacity"]) == (False, 45.5, 30)
    assert item["registration_url"] == "https://ilmo.example.fi/1"
    assert dt.datetime.fromisoformat(item["starts_at"]) == at(10)
    assert item["region"] is None and item["organiser"] is None
    assert item["themes"] == [] and item["languages"] == [] and item["body"] == []


def test_the_organiser_is_named_in_the_requested_language(client, make_training, locales):
    from cms.translation import translate

    organiser = OrganisationFactory(name="Opetushallitus", slug="oph")
    translate(organiser, locales["sv"], {"name": "Utbildningsstyrelsen"})
    training = make_training(organiser=organiser, translate_to=("sv",))
    swedish = training.get_translation(locales["sv"])

    assert client.get(f"/api/v1/trainings/{training.pk}").json()["organiser"]["name"] == (
        "Opetushallitus"
    )
    sv_item = client.get(f"/api/v1/trainings/{swedish.pk}").json()
    assert sv_item["organiser"]["name"] == "Utbildningsstyrelsen"
    fallback = client.get("/api/v1/trainings/?locale=en&fallback=true").json()["items"][0]
    # No English names exist: the Finnish ones are shown.
    assert fallback["served_locale"] == "fi"
    assert fallback["organiser"]["name"] == "Opetushallitus"


def test_trainings_default_to_the_soonest_first_and_sort_by_their_dates(client, make):
    soon = timezone.now().astimezone(HELSINKI).date()
    later = make(title="B", starts_at=at(20), ends_at=at(20, 16), registration_closes=soon)
    sooner = make(title="A", starts_at=at(5), ends_at=at(5, 16))

    assert ids(client, "/api/v1/trainings/") == [sooner.pk, later.pk]
    assert ids(client, "/api/v1/trainings/?ordering=-starts_at") == [later.pk, sooner.pk]
    # A training without a registration deadline comes last.
    assert ids(client, "/api/v1/trainings/?ordering=registration_closes") == [
        later.pk,
        sooner.pk,
    ]


def test_the_lifecycle_moves_with_the_clock(client, make, monkeypatch):
    """The answers are cached whole; the lifecycle still changes at midnight and at the
    training's start and end (the cache's clock boundary)."""
    starts = timezone.now() + dt.timedelta(days=10)
    training = make(
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


@pytest.mark.parametrize("limit", [1, 100])
@pytest.mark.parametrize("query", ["", "&keyword=teema-0&location=alue-0", "&is_free=false"])
def test_a_list_of_full_trainings_runs_constant_queries(
    client, make, django_assert_max_num_queries, limit, query
):
    region, organiser = RegionFactory(), OrganisationFactory()
    audiences, themes = [AudienceFactory(), AudienceFactory()], [ThemeFactory(), ThemeFactory()]
    contacts = [PersonFactory(), PersonFactory()]
    languages = list(Language.objects.filter(code__in=["fi", "sv"]))
    for _ in range(12):
        make(
            region=region,
            organiser=organiser,
            audiences=audiences,
            themes=themes,
            contacts=contacts,
            languages=languages,
            is_free=False,
            price="120.00",
        )
    query = query.replace("teema-0", themes[0].slug).replace("alue-0", region.slug)
    url = f"/api/v1/trainings/?limit={limit}{query}"
    client.get(url)  # warm the per-process caches (site root paths, vocabularies)

    with django_assert_max_num_queries(6):
        body = client.get(url).json()

    assert body["count"] == 12 and len(body["items"]) == min(limit, 12)
    item = body["items"][0]
    assert len(item["audiences"]) == 2 and len(item["themes"]) == 2
    assert len(item["contacts"]) == 2 and sorted(item["languages"]) == ["fi", "sv"]
    assert item["organiser"]["id"] == organiser.pk and item["region"]["id"] == region.pk
    assert item["price"] == 120.0


def test_the_openapi_document_names_the_linked_events_parameters():
    schema = json.loads(schema_json())
    parameters = schema["paths"]["/api/v1/trainings/"]["get"]["parameters"]
    names = {p["name"] for p in parameters if "name" in p}  # (conditional headers: $ref)
    assert {"start", "end", "days", "is_free", "language", "keyword", "location"} <= names
    assert {"text", "sort", "page", "page_size", "last_modified_since", "include"} <= names
    assert {"keyword_AND", "in_language", "translation", "cursor"} <= names
    assert {"locale", "fallback", "translation_key", "search", "theme", "organisation"} <= names
    assert "starts_at" in schema["components"]["schemas"]["TrainingsItem"]["properties"]
