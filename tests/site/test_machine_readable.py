"""What machines read from the site: one absolute origin, calendars, feeds, head, JSON-LD.

Each plugin's own JSON-LD is tested in its folder (pages/<plugin>/tests/test_site.py).
Calendars are read by two independent parsers: icalendar (Python, zones built only from
the document's VTIMEZONE) and ical.js in Node (the parser of many web calendars).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import icalendar
import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale

from cms.origin import page_url
from cms.timezones import HELSINKI

pytestmark = pytest.mark.django_db

BASE = "https://eduverkko.example:8443"
#: Host names the site could wrongly take absolute URLs from (request host, Site record).
OWN_HOSTS = {"testserver", "localhost", "127.0.0.1", "eduverkko.example"}
ICAL_JS = Path(__file__).parents[1] / "browser" / "ical_times.mjs"
URL = re.compile(r"https?://[^\s\"'<>\\]+")


def read_with_ical_js(ics: bytes) -> list[dict]:
    result = subprocess.run(
        ["node", str(ICAL_JS)], input=ics, capture_output=True, check=True, timeout=60
    )
    return json.loads(result.stdout)


def read_with_icalendar(ics: bytes) -> list[dict]:
    """Events with UTC times, converted with the document's own VTIMEZONE only."""
    calendar = icalendar.Calendar.from_ical(ics)
    zones = {
        str(zone["TZID"]): zone.to_tz(lookup_tzid=False) for zone in calendar.walk("VTIMEZONE")
    }
    events = []
    for event in calendar.walk("VEVENT"):
        times = {}
        for name in ("DTSTART", "DTEND"):
            prop = event[name]
            zone = zones[prop.params["TZID"]]
            times[name] = prop.dt.replace(tzinfo=zone).astimezone(dt.UTC)
        events.append(
            {
                "uid": str(event["UID"]),
                "start": times["DTSTART"],
                "end": times["DTEND"],
                "description": str(event.get("DESCRIPTION", "")),
            }
        )
    return events


@pytest.fixture
def summer_event(make_event):
    """An event on 16 May 2026 at 09:00 Helsinki time (summer time, UTC+3), in fi and sv,
    whose description contains characters that HTML escapes."""
    starts = dt.datetime(2026, 5, 16, 9, 0, tzinfo=HELSINKI)
    return make_event(
        translate_to=("sv",),
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=3),
        lead="Ryhmäkoko < 20 & maksuton",
        venue="Rovaniemi",
    )


def test_summer_event_reads_as_0600_utc_in_icalendar_and_ical_js(client, summer_event):
    from tests.events.factories import EventPageFactory

    winter = dt.datetime(2026, 1, 15, 9, 0, tzinfo=HELSINKI)

    winter_event = EventPageFactory(
        parent=summer_event.get_parent(), starts_at=winter, ends_at=winter
    )
    winter_event.save_revision().publish()
    ics = client.get("/fi/calendar/events.ics").content

    expected = {
        f"event-{summer_event.translation_key}": "2026-05-16T06:00:00",
        f"event-{winter_event.translation_key}": "2026-01-15T07:00:00",
    }
    python_events = read_with_icalendar(ics)
    node_events = read_with_ical_js(ics)
    assert len(python_events) == len(node_events) == 2
    for event in python_events:
        assert event["start"].isoformat() == expected[event["uid"].split("@")[0]] + "+00:00"
    for event in node_events:
        assert event["start"] == expected[event["uid"].split("@")[0]] + ".000Z"
    assert b"RDATE" not in ics and b"RRULE:FREQ=YEARLY" in ics


def test_uids_do_not_depend_on_the_host_and_translations_share_one(client, summer_event):
    paths = {"fi": reverse("page_calendar", kwargs={"key": "events", "page_id": summer_event.pk})}
    swedish = summer_event.get_translation(Locale.objects.get(language_code="sv"))
    paths["sv"] = f"/sv/calendar/events/{swedish.pk}.ics"
    uids = set()
    with override_settings(BASE_URL=BASE):
        for host in ("localhost", "127.0.0.1:8000"):
            for path in paths.values():
                (event,) = read_with_ical_js(client.get(path, HTTP_HOST=host).content)
                uids.add(event["uid"])
    assert uids == {f"event-{summer_event.translation_key}@eduverkko.example"}


def test_calendar_descriptions_are_plain_text(client, summer_event):
    ics = client.get(f"/fi/calendar/events/{summer_event.pk}.ics").content
    (event,) = read_with_ical_js(ics)
    assert event["description"].startswith("Ryhmäkoko < 20 & maksuton")
    assert b"&lt" not in ics and b"&amp" not in ics


def own_urls(text: str) -> list[str]:
    return [url for url in URL.findall(text) if urlsplit(url).hostname in OWN_HOSTS]


@override_settings(BASE_URL=BASE)
def test_every_absolute_url_in_every_output_uses_base_url(client, summer_event):
    """Requests arrive under another host than BASE_URL and the Wagtail Site record; every
    absolute URL pointing at the site must still be under BASE_URL."""
    listing = summer_event.get_parent()
    outputs = {
        "robots": "/robots.txt",
        "sitemap": "/sitemap.xml",
        "rss": "/fi/feeds/events/rss.xml",
        "atom": "/fi/feeds/events/atom.xml",
        "ics listing": "/fi/calendar/events.ics",
        "ics page": f"/fi/calendar/events/{summer_event.pk}.ics",
        "html page": summer_event.url,
        "html listing": listing.url,
        "html home": "/fi/",
        "api list": "/api/v1/events/?limit=1",
        "api detail": f"/api/v1/events/{summer_event.pk}",
        "api pages": "/api/v1/pages/?limit=1",
        "openapi": "/api/v1/openapi.json",
    }
    seen = 0
    for name, path in outputs.items():
        response = client.get(path, HTTP_HOST="127.0.0.1:8000")
        assert response.status_code == 200, name
        text = response.content.decode()
        if name.startswith("ics"):
            text = text.replace("\r\n ", "")  # unfold long lines
        urls = own_urls(text)
        assert urls, f"{name} has no absolute URL of the site"
        wrong = [url for url in urls if not url.startswith(f"{BASE}/") and url != BASE]
        assert not wrong, f"{name}: {wrong}"
        seen += len(urls)
    assert seen > 30


def test_atom_feed_has_author_self_link_and_a_translated_subtitle(client, summer_event):
    fi = feedparser.parse(client.get("/fi/feeds/events/atom.xml").content)
    sv = feedparser.parse(client.get("/sv/feeds/events/rss.xml").content)
    assert not fi.bozo and not sv.bozo
    assert fi.feed.author == "Koulutusverkostot"
    assert fi.feed.id == "http://testserver/fi/feeds/events/atom.xml"
    assert {"rel": "self", "href": fi.feed.id} in [
        {"rel": link.rel, "href": link.href} for link in fi.feed.links
    ]
    # A plugin without its own wording gets the sentence that fits any noun, translated.
    assert fi.feed.subtitle == "Viimeksi julkaistut: events."
    assert sv.feed.subtitle == "Senast publicerat: events."


def head_tags(document: str) -> dict[str, list[str]]:
    head = document.split("</head>")[0]
    tags: dict[str, list[str]] = {}
    for rel, href in re.findall(r'<link rel="(canonical)" href="([^"]+)"', head):
        tags.setdefault(rel, []).append(href)
    for lang, href in re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', head):
        tags.setdefault(f"hreflang:{lang}", []).append(href)
    for _kind, name, content in re.findall(
        r'<meta (name|property)="([^"]+)" content="([^"]*)"', head
    ):
        tags.setdefault(name, []).append(html.unescape(content))
    tags["title"] = re.findall(r"<title>(.*?)</title>", head, re.S)
    return tags


def test_head_canonical_alternates_x_default_description_and_sharing(client, summer_event):
    page = head_tags(client.get(summer_event.url).content.decode())
    fi_url = page_url(summer_event)
    assert page["canonical"] == [fi_url]
    assert page["hreflang:x-default"] == [fi_url]
    assert page["hreflang:sv"] and page["og:url"] == [fi_url]
    assert page["description"] == ["Ryhmäkoko < 20 & maksuton"]
    assert page["og:title"] == [summer_event.title]
    assert page["twitter:card"] == ["summary"]

    listing = summer_event.get_parent()
    base = page_url(listing)
    plain = head_tags(client.get(listing.url).content.decode())
    assert plain["canonical"] == [base] and plain["hreflang:x-default"]
    assert plain["description"], "a listing page needs a meta description"
    filtered = head_tags(client.get(f"{listing.url}?topic=ohjaus").content.decode())
    assert filtered["canonical"] == [base]
    assert filtered["robots"] == ["noindex, follow"]
    assert not any(key.startswith("hreflang:") for key in filtered)

    home = head_tags(client.get("/fi/").content.decode())
    assert home["title"] == ["Koulutusverkostot"]
    assert home["canonical"] == ["http://testserver/fi/"]
    assert home["description"]
    search = head_tags(client.get("/fi/search/?q=koulutus").content.decode())
    assert search["canonical"] == ["http://testserver/fi/search/"]
    assert search["robots"] == ["noindex, follow"] and search["description"]


def test_sitemap_gives_lastmod_to_home_pages(client, summer_event):
    sitemap = client.get("/sitemap.xml").content.decode()
    entry = sitemap.split("<loc>http://testserver/fi/</loc>")[1].split("</url>")[0]
    assert "<lastmod>" in entry
