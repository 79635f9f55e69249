"""Networks in site search: purpose and member organisations find them; no theme facet."""

from __future__ import annotations

import pytest

from cms.vocabularies.factories import OrganisationFactory
from pages.networks.factories import NetworkIndexPageFactory, NetworkPageFactory
from search.service import search_pages

pytestmark = pytest.mark.django_db


def test_network_is_found_by_purpose_and_members(home_page):
    index = NetworkIndexPageFactory(parent=home_page)
    page = NetworkPageFactory(
        parent=index, title="ELO-ryhmä", lead="", purpose="<p>Elinikäinen ohjaus Lapissa.</p>"
    )
    page.members.set([OrganisationFactory(name="Lapin ELY-keskus")])
    page.save_revision().publish()

    for query in ("ohjauksen", "ELY-keskuksen"):
        assert [hit.type for hit in search_pages(query, "fi").hits] == ["networks"], query
    assert search_pages("ohjaus", "fi").theme_facets == []
