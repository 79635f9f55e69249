"""Listing cards are cached, and every change a reader must see still shows at once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

pytestmark = pytest.mark.django_db


def listing(client, index, expect_status=200, **params) -> str:
    response = client.get(index.url, params)
    assert response.status_code == expect_status
    return response.content.decode()


def test_a_warm_listing_reads_no_relations_and_renders_the_same(client, make_event, event_indexes):
    from cms.vocabularies.factories import ThemeFactory

    theme = ThemeFactory(name="Rehtorit")
    for number in range(3):
        make_event(title=f"Tapahtuma {number}", themes=[theme])
    index = event_indexes["fi"]

    with CaptureQueriesContext(connection) as cold:
        first = listing(client, index)
    with CaptureQueriesContext(connection) as warm:
        second = listing(client, index)

    assert first == second
    assert second.count("<span>Rehtorit</span>") == 3  # once per card
    prefetches = [query for query in cold if "eventpage_themes" in query["sql"]]
    assert len(prefetches) == 1
    assert not [query for query in warm if "eventpage_themes" in query["sql"]]
    assert len(warm) < len(cold)


def test_republished_changes_show_in_the_listing(client, make_event, event_indexes):
    event = make_event(title="Vanha otsikko")
    listing(client, event_indexes["fi"])

    event.title = "Uusi otsikko"
    event.save_revision().publish()

    html = listing(client, event_indexes["fi"])
    assert "Uusi otsikko" in html
    assert "Vanha otsikko" not in html


def test_renamed_vocabulary_terms_show_in_the_listing(client, make_event, event_indexes):
    from cms.vocabularies.factories import ThemeFactory

    theme = ThemeFactory(name="Ohjaus")
    make_event(title="Ohjauksen päivä", themes=[theme])
    assert "<span>Ohjaus</span>" in listing(client, event_indexes["fi"])

    theme.name = "Opinto-ohjaus"
    theme.save()

    html = listing(client, event_indexes["fi"])
    assert "<span>Opinto-ohjaus</span>" in html  # the card, not only the filter's choices
    assert "<span>Ohjaus</span>" not in html


def test_the_badge_moves_with_the_clock_without_republishing(
    client, make_event, event_indexes, monkeypatch
):
    starts = timezone.now() + dt.timedelta(days=10)
    make_event(title="Kevään tapahtuma", starts_at=starts, ends_at=starts + dt.timedelta(hours=6))
    assert "badge--upcoming" in listing(client, event_indexes["fi"])

    monkeypatch.setattr(timezone, "now", lambda: starts + dt.timedelta(hours=1))
    html = listing(client, event_indexes["fi"])
    assert "badge--ongoing" in html
    assert "badge--upcoming" not in html


def test_cards_follow_the_readers_language(client, make_event, event_indexes):
    from cms.vocabularies.factories import ThemeFactory

    theme = ThemeFactory(name="Ohjaus")
    make_event(title="Tapahtuma", themes=[theme], translate_to=("sv",))
    swedish_row = theme.copy_for_translation(event_indexes["sv"].locale)
    swedish_row.name = "Vägledning"
    swedish_row.save()

    assert "<span>Ohjaus</span>" in listing(client, event_indexes["fi"])
    assert "<span>Vägledning</span>" in listing(client, event_indexes["sv"])


def test_filter_form_is_cached_per_input_and_follows_new_choices(client, make_event, event_indexes):
    """The rendered filter form is cached; its key covers the input and the choices."""
    from cms.vocabularies.factories import ThemeFactory

    make_event(title="Tapahtuma")
    index = event_indexes["fi"]
    assert "Ahvenanmaa" not in listing(client, index)

    ThemeFactory(name="Ahvenanmaa", slug="ahvenanmaa")
    assert '<option value="ahvenanmaa">Ahvenanmaa</option>' in listing(client, index)

    for _attempt in range(2):  # the second answer comes from the cache
        html = listing(client, index, 400, topic="ei-ole")
        assert 'class="field__error" id="id_topic-error"' in html
    html = listing(client, index, topic="ahvenanmaa")
    assert 'class="field__error"' not in html
    assert '<option value="ahvenanmaa" selected>Ahvenanmaa</option>' in html
