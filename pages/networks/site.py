"""What networks add to the public site: schema.org ``Organization`` JSON-LD."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cms.site.site_contribution import SiteContribution
from cms.site.structured_data import contact_points, organization, page_basics, with_optional
from pages.networks.models import NetworkPage

if TYPE_CHECKING:
    from django.http import HttpRequest


def structured_data(network: NetworkPage, request: HttpRequest) -> dict[str, Any]:
    """A network as an ``Organization``: coordinated by one organisation, made of members
    and of sub-groups (cooperation group, coordination group, regional groups...)."""
    coordinator = network.coordinator
    return with_optional(
        page_basics(network, request, "Organization", in_language=False),
        parentOrganization=organization(coordinator, request) if coordinator else None,
        member=[organization(org, request) for org in network.members.all()],
        subOrganization=[
            {"@type": "Organization", "name": block.value["name"]} for block in network.sub_groups
        ],
        foundingDate=network.term_start.isoformat() if network.term_start else None,
        dissolutionDate=network.term_end.isoformat() if network.term_end else None,
        contactPoint=contact_points(request, network.contacts.all()),
    )


SITE = SiteContribution(
    card_template="networks/includes/network_card.html", structured_data=structured_data
)
