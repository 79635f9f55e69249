"""The trainings listing's query budget: its cards prefetch audiences, themes and languages,
and untranslated Finnish trainings are listed in Swedish and English."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

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
