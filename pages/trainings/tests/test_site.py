"""What trainings add to the site: listing filters, iCalendar and schema.org JSON-LD."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from django.utils import timezone

from cms.testing import json_ld, make_draft, make_private

pytestmark = pytest.mark.django_db


def listed_titles(client, url: str, **query) -> list[str]:
    response = client.get(url, query)
    assert response.status_code == 200
    html = response.content.decode()
    return [chunk.split("</a>")[0].split(">")[-1] for chunk in html.split("<h3>")[1:]]


@pytest.fixture
def trainings(make_training):
    """A small, varied set of trainings, keyed by title."""
    from cms.vocabularies.factories import AudienceFactory, RegionFactory, ThemeFactory
    from cms.vocabularies.models import Language
    from pages.trainings.models import TrainingPage

    now = timezone.now()
    lapland, uusimaa = RegionFactory(name="Lappi", slug="lappi"), RegionFactory(slug="uusimaa")
    libraries = AudienceFactory(name="Kirjastot", slug="kirjastot")
    leadership = ThemeFactory(name="Johtaminen", slug="johtaminen")
    swedish = Language.objects.get(code="sv")
    today = timezone.localdate()
    specs = {
        "Tuleva Lappi": dict(
            starts_at=now + dt.timedelta(days=10),
            region=lapland,
            audiences=[libraries],
            registration_opens=today - dt.timedelta(days=5),
            registration_closes=today + dt.timedelta(days=5),
        ),
        "Tuleva verkossa": dict(
            starts_at=now + dt.timedelta(days=3),
            format=TrainingPage.Format.ONLINE,
            region=uusimaa,
            themes=[leadership],
            languages=[swedish],
            is_free=False,
            price="50.00",
            registration_opens=today + dt.timedelta(days=1),
        ),
        "Peruttu": dict(
            starts_at=now + dt.timedelta(days=20), status=TrainingPage.Status.CANCELLED
        ),
        "Mennyt": dict(starts_at=now - dt.timedelta(days=30), region=lapland),
    }
    return {title: make_training(title=title, **fields) for title, fields in specs.items()}


def test_upcoming_first_by_default_and_past_on_request(client, trainings, training_indexes):
    url = training_indexes["fi"].url

    assert listed_titles(client, url) == ["Tuleva verkossa", "Tuleva Lappi", "Peruttu"]
    assert listed_titles(client, url, when="past") == ["Mennyt"]
    assert len(listed_titles(client, url, when="all")) == 4


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"region": "lappi"}, ["Tuleva Lappi"]),
        ({"region": "lappi", "when": "all"}, ["Mennyt", "Tuleva Lappi"]),
        ({"audience": "kirjastot"}, ["Tuleva Lappi"]),
        ({"theme": "johtaminen"}, ["Tuleva verkossa"]),
        ({"format": "online"}, ["Tuleva verkossa"]),
        ({"language": "sv"}, ["Tuleva verkossa"]),
        ({"registration_open": "on"}, ["Tuleva Lappi"]),
        ({"free": "on"}, ["Tuleva Lappi", "Peruttu"]),
    ],
)
def test_each_filter_narrows_the_listing(client, trainings, training_indexes, query, expected):
    assert sorted(listed_titles(client, training_indexes["fi"].url, **query)) == sorted(expected)


def test_date_range_filter(client, trainings, training_indexes):
    today = timezone.localdate()
    query = {
        "date_from": (today + dt.timedelta(days=2)).isoformat(),
        "date_to": (today + dt.timedelta(days=11)).isoformat(),
    }

    titles = listed_titles(client, training_indexes["fi"].url, **query)

    assert titles == ["Tuleva verkossa", "Tuleva Lappi"]


def test_bad_filter_input_is_reported_and_the_rest_still_applies(
    client, trainings, training_indexes
):
    response = client.get(
        training_indexes["fi"].url,
        {"date_from": "not-a-date", "region": "lappi", "format": "teleport"},
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_date_from-error"' in html
    assert 'aria-describedby="id_date_from-error"' in html
    assert 'id="id_format-error"' in html
    assert "Tuleva Lappi" in html
    assert "Tuleva verkossa" not in html


def test_end_date_before_start_date_is_an_error(client, trainings, training_indexes):
    html = client.get(
        training_indexes["fi"].url, {"date_from": "2026-05-02", "date_to": "2026-05-01"}
    ).content.decode()

    assert 'id="id_date_to-error"' in html


def test_listing_shows_lifecycle_state(client, trainings, training_indexes):
    from pages.trainings.lifecycle import LIFECYCLE_LABELS, Lifecycle

    text = client.get(training_indexes["fi"].url).content.decode()

    assert str(LIFECYCLE_LABELS[Lifecycle.REGISTRATION_OPEN]) in text
    assert "badge--cancelled" in text
    assert "badge--upcoming" in text


def test_calendar_feed_honours_filters_and_marks_cancellations(client, trainings, training_indexes):
    response = client.get("/fi/calendar/trainings.ics")
    filtered = client.get("/fi/calendar/trainings.ics", {"region": "lappi"})

    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {"Tuleva verkossa", "Tuleva Lappi", "Peruttu"}
    assert events["Peruttu"]["STATUS"] == "CANCELLED"
    assert events["Tuleva Lappi"]["STATUS"] == "CONFIRMED"
    start = events["Tuleva Lappi"].decoded("DTSTART")
    assert str(start.tzinfo) == "Europe/Helsinki"
    assert start == trainings["Tuleva Lappi"].starts_at.replace(microsecond=0)
    assert events["Tuleva Lappi"]["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Helsinki"]

    filtered_events = icalendar.Calendar.from_ical(filtered.content).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in filtered_events] == ["Tuleva Lappi"]


def test_listing_links_its_filtered_calendar(client, trainings, training_indexes):
    html = client.get(training_indexes["fi"].url, {"region": "lappi"}).content.decode()

    assert 'href="/fi/calendar/trainings.ics?region=lappi"' in html


def test_single_training_ics(client, trainings):
    training = trainings["Tuleva Lappi"]

    response = client.get(f"/fi/calendar/trainings/{training.pk}.ics")

    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Tuleva Lappi"
    assert str(event["URL"]).endswith(training.url)
    assert "Lappi" in str(event["LOCATION"])
    assert (
        f'href="/fi/calendar/trainings/{training.pk}.ics"'
        in client.get(training.url).content.decode()
    )


@pytest.mark.parametrize("hide", [make_draft, make_private])
def test_hidden_trainings_have_no_calendar(client, make_training, hide):
    training = make_training(title="Piilotettu")
    hide(training)

    assert client.get(f"/fi/calendar/trainings/{training.pk}.ics").status_code == 404
    assert b"Piilotettu" not in client.get("/fi/calendar/trainings.ics").content


def test_json_ld_describes_the_training_as_an_event(client, make_training):
    from cms.vocabularies.factories import OrganisationFactory
    from cms.vocabularies.models import Language

    starts = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)
    training = make_training(
        title="Pedagoginen johtajuus",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=7),
        venue="Auditorio",
        street_address="Valtakatu 2",
        postal_code="96100",
        locality="Rovaniemi",
        organiser=OrganisationFactory(name="Lapin aluehallintovirasto", city="Rovaniemi"),
        languages=[Language.objects.get(code="fi")],
        is_free=False,
        price="80.00",
        registration_url="https://example.fi/ilmoittaudu",
    )

    (data,) = json_ld(client.get(training.url).content.decode())

    assert data["@context"] == "https://schema.org"
    assert "Event" in data["@type"] and "CourseInstance" in data["@type"]
    assert data["name"] == "Pedagoginen johtajuus"
    assert data["startDate"] == "2026-03-10T11:00:00+02:00"
    assert data["endDate"] == "2026-03-10T18:00:00+02:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"][0]["address"]["streetAddress"] == "Valtakatu 2"
    assert data["location"][0]["address"]["postalCode"] == "96100"
    assert data["location"][0]["address"]["addressLocality"] == "Rovaniemi"
    assert data["organizer"]["@type"] == "Organization"
    assert data["organizer"]["name"] == "Lapin aluehallintovirasto"
    assert data["organizer"]["address"]["addressLocality"] == "Rovaniemi"
    assert data["offers"]["price"] == "80.00"
    assert data["offers"]["priceCurrency"] == "EUR"
    assert data["inLanguage"] == ["fi"]
    assert data["url"].endswith(training.url)


def test_json_ld_marks_cancelled_online_trainings(client, make_training):
    from pages.trainings.models import TrainingPage

    training = make_training(
        kind=TrainingPage.Kind.WEBINAR,
        format=TrainingPage.Format.ONLINE,
        status=TrainingPage.Status.CANCELLED,
    )

    (data,) = json_ld(client.get(training.url).content.decode())

    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"][0]["@type"] == "VirtualLocation"


def test_json_ld_cannot_be_broken_out_of(client, make_training):
    training = make_training(title="</script><script>alert(1)</script>")

    html = client.get(training.url).content.decode()

    assert "<script>alert(1)" not in html
    assert json_ld(html)[0]["name"] == "</script><script>alert(1)</script>"


def test_event_json_ld_has_structured_address_and_organiser_url(client, make_training):
    from cms.vocabularies.factories import OrganisationFactory, PersonFactory

    organiser = OrganisationFactory(name="Lapin AVI", website="https://avi.fi/lappi")
    training = make_training(
        street_address="Valtakatu 2",
        postal_code="96100",
        locality="Rovaniemi",
        organiser=organiser,
        contacts=[PersonFactory(organisation=organiser)],
    )
    (data,) = json_ld(client.get(training.url).content.decode())
    (place,) = data["location"]
    assert place["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Valtakatu 2",
        "postalCode": "96100",
        "addressLocality": "Rovaniemi",
        "addressCountry": "FI",
    }
    assert data["organizer"]["url"] == "https://avi.fi/lappi"


def test_feed_subtitle_is_the_plugins_own_sentence_in_each_language(client, trainings):
    import feedparser

    fi = feedparser.parse(client.get("/fi/feeds/trainings/atom.xml").content)
    sv = feedparser.parse(client.get("/sv/feeds/trainings/rss.xml").content)
    assert not fi.bozo and not sv.bozo
    assert fi.feed.subtitle == "Uusimmat koulutukset."
    # Swedish needs the definite plural, which a generic sentence cannot give.
    assert sv.feed.subtitle == "De senaste utbildningarna."


def test_training_page_shows_every_filled_field(client, make_training):
    from cms.vocabularies.factories import (
        AudienceFactory,
        OrganisationFactory,
        PersonFactory,
        RegionFactory,
        ThemeFactory,
    )
    from cms.vocabularies.models import Language

    organiser = OrganisationFactory(name="Lapin aluehallintovirasto")
    contact = PersonFactory(
        name="Anna Lehtonen",
        job_title="Ylitarkastaja",
        organisation=organiser,
        phone="+358 29 501 7000",
        email="anna.lehtonen@example.fi",
    )
    training = make_training(
        title="Pedagoginen johtajuus",
        lead="Kaksipäiväinen koulutus johtajille.",
        venue="Auditorio",
        street_address="Valtakatu 2",
        postal_code="96100",
        locality="Rovaniemi",
        region=RegionFactory(name="Lappi"),
        organiser=organiser,
        audiences=[AudienceFactory(name="Varhaiskasvatus")],
        themes=[ThemeFactory(name="Johtaminen")],
        languages=[Language.objects.get(code="sv")],
        is_free=False,
        price="120.00",
        capacity=60,
        registration_url="https://example.fi/ilmoittaudu",
        contacts=[contact],
    )

    html = client.get(training.url).content.decode()

    for text in (
        "Pedagoginen johtajuus",
        "Kaksipäiväinen koulutus johtajille.",
        "Auditorio",
        "Valtakatu 2, 96100 Rovaniemi",
        "Lappi",
        "Lapin aluehallintovirasto",
        "Varhaiskasvatus",
        "Johtaminen",
        "ruotsi",
        "120\xa0€",
        "60",
        "https://example.fi/ilmoittaudu",
        "Anna Lehtonen",
        "Ylitarkastaja",
        "tel:+358295017000",
        "mailto:anna.lehtonen@example.fi",
    ):
        assert text in html, text
