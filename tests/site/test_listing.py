"""Listings: constant query count, pagination, and nothing hidden ever shows up."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from cms.testing import make_draft, make_private

pytestmark = pytest.mark.django_db

#: Queries to render a listing page: site, locale, routing and view restrictions,
#: navigation, switcher, filter count, one page of keys and its rows, whatever the number
#: of items. Cold (empty cache): also the vocabulary catalogue and one prefetch per relation
#: of the cards, and the home page's introduction (the meta description of a listing
#: without an introduction of its own).
#: Other languages list the untranslated Finnish items too (one more query, constant).
WARM_LISTING_QUERIES = 18
COLD_LISTING_QUERIES = 29


def create_trainings(make_training, count: int) -> None:
    from cms.vocabularies.factories import (
        AudienceFactory,
        OrganisationFactory,
        RegionFactory,
        ThemeFactory,
    )
    from cms.vocabularies.models import Language

    region, organiser = RegionFactory(), OrganisationFactory()
    audience, theme = AudienceFactory(), ThemeFactory()
    finnish = Language.objects.get(code="fi")
    for number in range(count):
        make_training(
            title=f"Koulutus {number}",
            starts_at=timezone.now() + dt.timedelta(days=number + 1),
            region=region,
            organiser=organiser,
            audiences=[audience],
            themes=[theme],
            languages=[finnish],
        )


@pytest.mark.parametrize("count", [1, 30])
@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("cache_state", ["warm", "cold"])
def test_listing_query_count_does_not_grow_with_items(
    client,
    make_training,
    training_indexes,
    django_assert_max_num_queries,
    count,
    language,
    cache_state,
):
    from django.core.cache import cache

    create_trainings(make_training, count)
    url = training_indexes[language].url
    client.get(url)  # warm per-process caches (content types, site root paths) and cards
    if cache_state == "cold":
        cache.clear()
    limit = WARM_LISTING_QUERIES if cache_state == "warm" else COLD_LISTING_QUERIES

    with django_assert_max_num_queries(limit):
        response = client.get(url)

    assert response.status_code == 200
    # The Finnish trainings have no Swedish version: Swedish readers see them, marked.
    html = response.content.decode()
    assert html.count('class="listing__item"') == min(count, 20)
    assert html.count('class="language-note"') == (0 if language == "fi" else min(count, 20))


def test_listing_is_paginated_keeping_the_filters(client, make_training, training_indexes):
    create_trainings(make_training, 23)

    first = client.get(training_indexes["fi"].url, {"free": "on"}).content.decode()
    second = client.get(training_indexes["fi"].url, {"free": "on", "page": 2}).content.decode()

    assert first.count('class="listing__item"') == 20
    assert "?free=on&amp;page=2" in first
    assert second.count('class="listing__item"') == 3
    assert "Koulutus 22" in second


def test_pages_of_a_listing_follow_the_listing_order_without_gaps(
    client, make_training, training_indexes
):
    """Pages are read by key first (a deferred join); together they are the whole listing."""
    same_morning = timezone.now() + dt.timedelta(days=3)
    expected = []
    for number in range(45):
        # Pairs share a start time, so the order also rests on the title.
        title = f"Koulutus {44 - number:02d}"
        make_training(title=title, starts_at=same_morning + dt.timedelta(hours=number // 2))
        expected.append(title)
    expected = [
        title
        for _hour, title in sorted((number // 2, title) for number, title in enumerate(expected))
    ]

    shown = []
    for page_number in (1, 2, 3):
        html = client.get(training_indexes["fi"].url, {"page": page_number}).content.decode()
        shown += re.findall(r'<h3><a href="[^"]+">(Koulutus \d+)</a></h3>', html)

    assert shown == expected


def test_drafts_and_private_pages_never_appear_in_listings(client, make_training, training_indexes):
    visible = make_training(title="Näkyvä koulutus")
    draft = make_training(title="Luonnoskoulutus")
    private = make_training(title="Yksityinen koulutus")
    make_draft(draft)
    make_private(private)

    html = client.get(training_indexes["fi"].url).content.decode()
    home_html = client.get("/fi/").content.decode()

    assert visible.title in html
    assert visible.title in home_html
    for hidden in (draft, private):
        assert hidden.title not in html
        assert hidden.title not in home_html


def test_unpublished_translation_is_not_listed(client, make_training, training_indexes):
    training = make_training(title="Kielikoulutus", translate_to=("sv",))
    swedish = training.get_translations().get(locale__language_code="sv")
    make_draft(swedish)

    html = client.get(training_indexes["sv"].url).content.decode()

    assert swedish.title not in html
