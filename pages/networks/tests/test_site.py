"""Network pages describe themselves as schema.org organisations, with members and groups."""

from __future__ import annotations

import pytest

from cms.testing import json_ld

pytestmark = pytest.mark.django_db


def test_network_json_ld_is_an_organization_with_members(client, home_page):
    from cms.vocabularies.factories import OrganisationFactory
    from pages.networks.factories import NetworkIndexPageFactory, NetworkPageFactory

    index = NetworkIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    network = NetworkPageFactory(
        parent=index,
        title="Lapin ELO-yhteistyöryhmä",
        coordinator=OrganisationFactory(name="Lapin ELY-keskus"),
        members=[OrganisationFactory(name="Rovaniemen kaupunki")],
        sub_groups=[
            {
                "type": "sub_group",
                "value": {"name": "Koordinaatioryhmä", "role": "Valmistelee", "level": 1},
            }
        ],
    )
    network.save_revision().publish()

    html = client.get(network.url).content.decode()
    (data,) = json_ld(html)

    assert data["@type"] == "Organization"
    assert data["name"] == "Lapin ELO-yhteistyöryhmä"
    assert data["parentOrganization"]["name"] == "Lapin ELY-keskus"
    assert [member["name"] for member in data["member"]] == ["Rovaniemen kaupunki"]
    assert data["subOrganization"] == [{"@type": "Organization", "name": "Koordinaatioryhmä"}]
    assert "Koordinaatioryhmä" in html
    assert "Rovaniemen kaupunki" in html


def test_organisation_json_ld_keeps_to_schema_org_ranges(client, home_page):
    """``contactPoint`` holds ContactPoints, and Organization/Project have no
    ``inLanguage`` (schema.org defines it for creative works and events only)."""
    from cms.vocabularies.factories import PersonFactory
    from pages.networks.factories import NetworkIndexPageFactory, NetworkPageFactory

    index = NetworkIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    network = NetworkPageFactory(parent=index, contacts=[PersonFactory(job_title="koordinaattori")])
    network.save_revision().publish()
    (data,) = json_ld(client.get(network.url).content.decode())
    assert "inLanguage" not in data
    (contact,) = data["contactPoint"]
    assert contact["@type"] == "ContactPoint"
    assert contact["contactType"] == "koordinaattori"
