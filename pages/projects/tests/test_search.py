"""Project results in site search: sections, funding and partners find them; themes facet."""

from __future__ import annotations

import pytest

from cms.vocabularies.factories import OrganisationFactory, ThemeFactory
from pages.projects.factories import ProjectResultIndexPageFactory, ProjectResultPageFactory
from search.service import search_pages

pytestmark = pytest.mark.django_db


def test_project_is_found_by_its_sections_and_partners(home_page):
    index = ProjectResultIndexPageFactory(parent=home_page)
    page = ProjectResultPageFactory(
        parent=index,
        title="Vertaansa vailla",
        lead="",
        solution="<p>Vertaisverkostot henkilöstön kehittäjille.</p>",
    )
    page.partner_organisations.set([OrganisationFactory(name="Omnia")])
    page.themes.set([ThemeFactory(name="Johtaminen", slug="leadership")])
    page.save_revision().publish()

    for query in ("vertaisverkostojen", "Omnian", "johtamisen"):
        assert [hit.id for hit in search_pages(query, "fi").hits] == [page.pk], query
    facets = search_pages("vertaansa", "fi").theme_facets
    assert [(facet.value, facet.count) for facet in facets] == [("leadership", 1)]
