"""The trainings' cards: the registration badge, the organiser and the filter form's fields.

The card cache itself is tested on the test plugin (tests/site/test_cards.py)."""

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


def test_a_renamed_region_shows_on_the_card(client, make_training, training_indexes):
    from cms.vocabularies.factories import RegionFactory

    region = RegionFactory(name="Lappi")
    make_training(title="Koulutus pohjoisessa", region=region)
    assert "<span>Lappi</span>" in listing(client, training_indexes["fi"])

    region.name = "Lapin alue"
    region.save()

    html = listing(client, training_indexes["fi"])
    assert "<span>Lapin alue</span>" in html  # the card, not only the filter's choices
    assert "<span>Lappi</span>" not in html


def test_lifecycle_badge_moves_with_the_clock_without_republishing(
    client, make_training, training_indexes, monkeypatch
):
    starts = timezone.now() + dt.timedelta(days=10)
    make_training(
        title="Kevään koulutus",
        starts_at=starts,
        registration_closes=(starts - dt.timedelta(days=5)).date(),
    )
    assert "badge--registration_open" in listing(client, training_indexes["fi"])

    later = starts - dt.timedelta(days=2)
    monkeypatch.setattr(timezone, "now", lambda: later)

    html = listing(client, training_indexes["fi"])
    assert "badge--registration_closed" in html
    assert "badge--registration_open" not in html


def test_the_organiser_follows_the_readers_language(client, make_training, training_indexes):
    from cms.vocabularies.factories import OrganisationFactory

    organiser = OrganisationFactory(name="Opetushallitus")
    make_training(title="Koulutus", organiser=organiser, translate_to=("sv",))
    swedish_row = organiser.copy_for_translation(training_indexes["sv"].locale)
    swedish_row.name = "Utbildningsstyrelsen"
    swedish_row.save()

    finnish = listing(client, training_indexes["fi"])
    swedish = listing(client, training_indexes["sv"])

    assert "Järjestäjä: Opetushallitus" in finnish
    assert "Arrangör: Utbildningsstyrelsen" in swedish


def test_filter_form_is_cached_per_input_and_follows_new_choices(
    client, make_training, training_indexes
):
    """The rendered filter form is cached; its key covers the input and the choices."""
    from cms.vocabularies.factories import RegionFactory

    make_training(title="Koulutus")
    index = training_indexes["fi"]
    assert "Ahvenanmaa" not in listing(client, index)

    RegionFactory(name="Ahvenanmaa", slug="ahvenanmaa")
    assert '<option value="ahvenanmaa">Ahvenanmaa</option>' in listing(client, index)

    for _attempt in range(2):  # the second answer comes from the cache
        html = listing(client, index, 400, date_from="eilen", free="on")
        assert 'class="field__error" id="id_date_from-error"' in html
        assert 'name="free" id="id_free" checked' in html
    assert 'class="field__error"' not in listing(client, index, free="on")


def test_cold_cards_run_the_same_queries_for_5_and_25_trainings(
    client, make_training, training_indexes
):
    """Cards read each relation they show once (its link table), the terms themselves from
    the vocabulary catalogue, in the vocabulary's order; no query per card."""
    from django.core.cache import cache

    from cms.vocabularies.factories import AudienceFactory
    from cms.vocabularies.models import Language

    teachers, principals = AudienceFactory(name="Rehtorit"), AudienceFactory(name="Opettajat")
    finnish = Language.objects.get(code="fi")
    index = training_indexes["fi"]
    created = 0

    def cold_listing(count: int) -> tuple[str, list[dict]]:
        nonlocal created
        while created < count:
            make_training(
                title=f"Koulutus {created}",
                starts_at=timezone.now() + dt.timedelta(days=created + 1),
                audiences=[teachers, principals],
                languages=[finnish],
            )
            created += 1
        listing(client, index)  # per-process caches (content types, site root paths)
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            html = listing(client, index)
        return html, queries.captured_queries

    few_html, few = cold_listing(5)
    many_html, many = cold_listing(25)

    assert few_html.count('class="listing__item"') == 5
    assert many_html.count('class="listing__item"') == 20
    assert many_html.count("Kohderyhmä: Opettajat, Rehtorit</span>") == 20
    assert many_html.count("Kieli: suomi</span>") == 20
    assert len(many) == len(few)
    assert len([query for query in many if "trainingpage_audiences" in query["sql"]]) == 1
    assert len([query for query in many if "trainingpage_languages" in query["sql"]]) == 1
