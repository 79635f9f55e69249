"""The partner API tests' sections: untranslated listing pages with live pages under them.

These narrow the test plugins' fixtures of the same names (``tests/*/fixtures.py``) to one
Finnish listing page, which is all most API tests need (``translate_page`` adds the others).
"""

from __future__ import annotations

import pytest


@pytest.fixture
def publication_index(home_page, publish):
    """The test plugin's listing page, in Finnish only (translate_page adds the others)."""
    from tests.publications.factories import PublicationIndexPageFactory

    return publish(PublicationIndexPageFactory(parent=home_page))


@pytest.fixture
def make_publication(publication_index, publish):
    """Create and publish a Finnish publication under the publication index."""
    from tests.publications.factories import PublicationPageFactory

    def make(**fields):
        return publish(PublicationPageFactory(parent=publication_index, **fields))

    return make


@pytest.fixture
def event_index(home_page, publish):
    """The events listing page, in Finnish only (translate_page adds the others)."""
    from tests.events.factories import EventIndexPageFactory

    return publish(EventIndexPageFactory(parent=home_page))


@pytest.fixture
def make_event(event_index, publish):
    """Create and publish a Finnish event under the event index."""
    from tests.events.factories import EventPageFactory

    def make(**fields):
        return publish(EventPageFactory(parent=event_index, **fields))

    return make
