"""The events test plugin's fixtures (a pytest plugin, see ``pyproject.toml``): the section
with a light workflow and untranslated pages shown in every language. Imports stay inside the
fixtures: pytest loads this module before Django.
"""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def event_indexes(translated_home_pages, locales) -> dict:
    """The events listing page in fi, sv and en."""
    from cms.testing import translated_section
    from tests.events.factories import EventIndexPageFactory

    return translated_section(
        EventIndexPageFactory,
        translated_home_pages,
        locales,
        {"sv": "Evenemang", "en": "Events"},
    )


@pytest.fixture
def make_event(event_indexes, locales):
    """Create a live Finnish event; ``translate_to=("sv",)`` also publishes translations."""
    from cms.testing import live_page
    from tests.events.factories import EventPageFactory

    def make(translate_to: tuple[str, ...] = (), **fields: Any):
        return live_page(EventPageFactory, event_indexes["fi"], locales, translate_to, **fields)

    return make


@pytest.fixture
def event(make_event):
    """A published Finnish event."""
    return make_event(title="Opinto-ohjaajien verkostopäivä")


@pytest.fixture
def event_organiser(section_editor):
    """A writer of the events section (light workflow: submits, cannot publish)."""
    return section_editor("events", username="jarjestaja")
