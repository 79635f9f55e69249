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
    from cms.translation import translate
    from tests.publications.factories import PublicationIndexPageFactory

    index = PublicationIndexPageFactory(parent=translated_home_pages["fi"])
    index.save_revision().publish()
    index.refresh_from_db()
    pages = {"fi": index}
    for language, title in (("sv", "Publikationer"), ("en", "Publications")):
        pages[language] = translate(
            index, locales[language], {"title": title, "slug": title.lower()}
        )
    return pages


@pytest.fixture
def make_publication(publication_indexes, locales):
    """Create a live Finnish publication; ``translate_to=("sv",)`` also publishes translations."""
    from cms.translation import translate
    from tests.publications.factories import PublicationPageFactory

    def make(translate_to: tuple[str, ...] = (), **fields: Any):
        page = PublicationPageFactory(parent=publication_indexes["fi"], **fields)
        page.save_revision().publish()
        page.refresh_from_db()
        for language in translate_to:
            title = f"{page.title} ({language})"
            translate(page, locales[language], {"title": title, "slug": f"{page.slug}-{language}"})
        return page

    return make


@pytest.fixture
def publication(make_publication):
    """A published Finnish publication."""
    return make_publication(title="Laatustrategian opas")


@pytest.fixture
def publication_editor(section_editor):
    """A writer of the publications section."""
    return section_editor("publications", username="julkaisija")
