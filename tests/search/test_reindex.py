"""``manage.py reindex``: rebuild everything or only some locales, with a progress bar."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.search.models import IndexEntry

from search.indexing import paused_index_updates
from search.models import PendingIndexUpdate
from search.service import search_pages

pytestmark = pytest.mark.django_db


def titles(query: str, language: str) -> list[str]:
    return [hit.title for hit in search_pages(query, language).hits]


def test_full_reindex_restores_a_lost_index_and_empties_the_queue(add_event):
    add_event("fi", "Koulutus")
    add_event("sv", "Utbildning")
    IndexEntry.objects.all().delete()
    PendingIndexUpdate.objects.create(content_type_id=1, object_id="999")
    assert titles("koulutus", "fi") == []

    output = StringIO()
    call_command("reindex", stdout=output)

    assert titles("koulutuksen", "fi") == ["Koulutus"]
    assert titles("utbildningar", "sv") == ["Utbildning"]
    assert not PendingIndexUpdate.objects.exists()
    text = output.getvalue()
    assert "default fi events.EventPage" in text and "100%" in text
    assert "default: indexed" in text


def test_locale_reindex_writes_only_that_locale(add_event):
    add_event("fi", "Koulutus")
    add_event("sv", "Utbildning")
    IndexEntry.objects.all().delete()

    call_command("reindex", locales=["sv"], verbosity=0)

    assert titles("utbildning", "sv") == ["Utbildning"]
    assert titles("koulutus", "fi") == []


def test_paused_updates_are_picked_up_by_reindex(add_event):
    with paused_index_updates():
        add_event("en", "Training")
    assert titles("training", "en") == []

    call_command("reindex", locales=["en"], verbosity=0)

    assert titles("trainings", "en") == ["Training"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"locales": ["de"]}, "Unknown locale"),
        ({"backend_name": "nope"}, "Unknown backend"),
        ({"chunk_size": 0}, "at least 1"),
    ],
)
def test_bad_options_are_clear_errors(db, options, message):
    with pytest.raises(CommandError, match=message):
        call_command("reindex", verbosity=0, **options)
