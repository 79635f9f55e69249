"""The test plugin's fixtures (a pytest plugin, see ``pyproject.toml``): the core's tests use
these, as Wagtail's own tests use ``wagtail.test.testapp``, so no core test needs a real
content type. Imports stay inside the fixtures: pytest loads this module before Django.
"""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def publication_indexes(translated_home_pages, locales) -> dict:
    """The publications listing page in fi, sv and en."""
    from cms.testing import translated_section
    from tests.publications.factories import PublicationIndexPageFactory

    return translated_section(
        PublicationIndexPageFactory,
        translated_home_pages,
        locales,
        {"sv": "Publikationer", "en": "Publications"},
    )


@pytest.fixture
def make_publication(publication_indexes, locales):
    """Create a live Finnish publication; ``translate_to=("sv",)`` also publishes translations."""
    from cms.testing import live_page
    from tests.publications.factories import PublicationPageFactory

    def make(translate_to: tuple[str, ...] = (), **fields: Any):
        return live_page(
            PublicationPageFactory, publication_indexes["fi"], locales, translate_to, **fields
        )

    return make


@pytest.fixture
def publication(make_publication):
    """A published Finnish publication."""
    return make_publication(title="Laatustrategian opas")


@pytest.fixture
def publication_editor(section_editor):
    """A writer of the publications section."""
    return section_editor("publications", username="julkaisija")
