"""Network pages in the partner API: membership filter, structure and related pages."""

from __future__ import annotations

import pytest

from cms.origin import page_url
from cms.testing import ids, problem_parameter, publish
from cms.vocabularies.factories import OrganisationFactory
from pages.networks.factories import NetworkIndexPageFactory, NetworkPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return publish(NetworkIndexPageFactory(parent=home_page))


@pytest.fixture
def make(index):
    return lambda **fields: publish(NetworkPageFactory(parent=index, **fields))


def test_member_filter_matches_coordinator_and_members(client, make):
    ely = OrganisationFactory(slug="lapin-ely")
    redu = OrganisationFactory(slug="redu")
    coordinated = make(coordinator=ely)
    member_of = make(members=[redu])

    assert ids(client, "/api/v1/networks/?member=lapin-ely") == [coordinated.pk]
    assert ids(client, "/api/v1/networks/?member=redu") == [member_of.pk]
    assert set(ids(client, "/api/v1/networks/?organisation=redu,lapin-ely")) == {
        coordinated.pk,
        member_of.pk,
    }
    assert problem_parameter(client, "/api/v1/networks/?member=") == "member"


def test_structure_is_typed_blocks_and_related_pages_hide_drafts(client, make, index):
    draft = NetworkPageFactory(parent=index, title="Luonnos", live=False)
    public = make(title="Julkinen")
    network = make(
        sub_groups=[
            ("sub_group", {"name": "Yhteistyöryhmä", "role": "Linjaa", "level": 1}),
            ("sub_group", {"name": "Koordinaatioryhmä", "role": "Valmistelee", "level": 2}),
        ],
        related_pages=[("page", draft), ("page", public)],
    )

    item = client.get(f"/api/v1/networks/{network.pk}").json()

    assert [block["type"] for block in item["sub_groups"]] == ["sub_group", "sub_group"]
    assert item["sub_groups"][1]["value"]["name"] == "Koordinaatioryhmä"
    assert item["sub_groups"][1]["value"]["level"] == 2
    links = [block["value"] for block in item["related_pages"]]
    assert links[0] is None
    assert links[1] == {"id": public.pk, "title": "Julkinen", "url": page_url(public)}
