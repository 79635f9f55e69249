"""The trainings' cards: the registration badge, the organiser and the filter form's fields.

The card cache itself is tested on the test plugin (tests/site/test_cards.py)."""

from __future__ import annotations

import datetime as dt

import pytest
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
