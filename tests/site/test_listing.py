"""Listings: constant query count, pagination, and nothing hidden ever shows up."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.testing import make_draft, make_private

pytestmark = pytest.mark.django_db

#: Queries to render a listing page: site, locale, routing and view restrictions,
#: navigation, switcher, filter count, one page of keys and its rows, whatever the number
#: of items. Cold (empty cache): also the vocabulary catalogue, one prefetch per relation
#: of the cards and the home page's introduction (the meta description of a listing
#: without an introduction of its own). A plugin's cards add their own prefetches (the
#: trainings listing has its budget in its tests).
WARM_LISTING_QUERIES = 18
COLD_LISTING_QUERIES = 29


def create_events(make_event, count: int, first: int = 0, **fields) -> list:
    from cms.vocabularies.factories import ThemeFactory

    theme = fields.pop("theme", None) or ThemeFactory()
    return [
        make_event(
            title=f"Tapahtuma {number}",
            starts_at=timezone.now() + dt.timedelta(days=number + 1),
            themes=[theme],
            **fields,
        )
        for number in range(first, first + count)
    ]


def listing_queries(client, url: str, cache_state: str) -> tuple[int, str]:
    from django.core.cache import cache

    client.get(url)  # warm per-process caches (content types, site root paths) and cards
    if cache_state == "cold":
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("cache_state", ["warm", "cold"])
def test_listing_query_count_does_not_grow_with_items(
    client, make_event, event_indexes, language, cache_state
):
    url = event_indexes[language].url
    create_events(make_event, 1)
    few, _html = listing_queries(client, url, cache_state)
    create_events(make_event, 29, first=1)
    many, html = listing_queries(client, url, cache_state)

    assert many == few
    assert many <= (WARM_LISTING_QUERIES if cache_state == "warm" else COLD_LISTING_QUERIES)
    # The Finnish events have no Swedish version: Swedish readers see them, marked.
    assert html.count('class="listing__item"') == 20
    assert html.count('class="language-note"') == (0 if language == "fi" else 20)


def test_listing_is_paginated_keeping_the_filters(client, make_event, event_indexes):
    from cms.vocabularies.factories import ThemeFactory

    theme = ThemeFactory(slug="ohjaus")
    create_events(make_event, 23, theme=theme)
    make_event(title="Muu aihe")
    url = event_indexes["fi"].url

    first = client.get(url, {"topic": "ohjaus"}).content.decode()
    second = client.get(url, {"topic": "ohjaus", "page": 2}).content.decode()

    assert first.count('class="listing__item"') == 20
    assert "?topic=ohjaus&amp;page=2" in first
    assert second.count('class="listing__item"') == 3
    assert "Tapahtuma 22" in second and "Muu aihe" not in first + second


def test_pages_of_a_listing_follow_the_listing_order_without_gaps(
    client, make_event, event_indexes
):
    """Pages are read by key first (a deferred join); together they are the whole listing."""
    same_morning = timezone.now() + dt.timedelta(days=3)
    expected = []
    for number in range(45):
        # Pairs share a start time, so the order also rests on the title.
        title = f"Tapahtuma {44 - number:02d}"
        make_event(title=title, starts_at=same_morning + dt.timedelta(hours=number // 2))
        expected.append(title)
    expected = [
        title
        for _hour, title in sorted((number // 2, title) for number, title in enumerate(expected))
    ]

    shown = []
    for page_number in (1, 2, 3):
        html = client.get(event_indexes["fi"].url, {"page": page_number}).content.decode()
        shown += re.findall(r'<h3><a href="[^"]+">(Tapahtuma \d+)</a></h3>', html)

    assert shown == expected


def test_drafts_and_private_pages_never_appear_in_listings(client, make_event, event_indexes):
    visible = make_event(title="Näkyvä tapahtuma")
    draft = make_event(title="Luonnostapahtuma")
    private = make_event(title="Yksityinen tapahtuma")
    make_draft(draft)
    make_private(private)

    html = client.get(event_indexes["fi"].url).content.decode()
    home_html = client.get("/fi/").content.decode()

    assert visible.title in html
    assert visible.title in home_html
    for hidden in (draft, private):
        assert hidden.title not in html
        assert hidden.title not in home_html


def test_unpublished_translation_is_not_listed(client, make_event, event_indexes):
    event = make_event(title="Kielitapahtuma", translate_to=("sv",))
    swedish = event.get_translations().get(locale__language_code="sv")
    make_draft(swedish)

    html = client.get(event_indexes["sv"].url).content.decode()

    assert swedish.title not in html
