"""Migration 0007 splits one-line venue addresses into street, postal code and town."""

from __future__ import annotations

import importlib

from django.apps import apps

from pages.trainings.factories import TrainingIndexPageFactory, TrainingPageFactory
from pages.trainings.models import TrainingPage

migration = importlib.import_module(
    "pages.trainings.migrations.0007_venue_postal_code_and_locality"
)


def test_pages_and_their_revisions_get_the_parts_and_odd_addresses_stay_whole(home_page):
    index = TrainingIndexPageFactory(parent=home_page)
    one_line = TrainingPageFactory(parent=index, street_address="Valtakatu 2, 96100 Rovaniemi")
    one_line.save_revision()
    odd = TrainingPageFactory(parent=index, street_address="Kampuksen B-talo")

    migration.forwards(apps, None)

    one_line.refresh_from_db()
    assert (one_line.street_address, one_line.postal_code, one_line.locality) == (
        "Valtakatu 2",
        "96100",
        "Rovaniemi",
    )
    # The editor edits the latest revision: it carries the parts too.
    draft = one_line.get_latest_revision_as_object()
    assert (draft.street_address, draft.postal_code, draft.locality) == (
        "Valtakatu 2",
        "96100",
        "Rovaniemi",
    )
    odd = TrainingPage.objects.get(pk=odd.pk)
    assert (odd.street_address, odd.postal_code, odd.locality) == ("Kampuksen B-talo", "", "")

    migration.backwards(apps, None)
    one_line.refresh_from_db()
    assert one_line.street_address == "Valtakatu 2, 96100 Rovaniemi"
