"""What networks add to the public site: schema.org ``Organization`` JSON-LD."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cms.site.contributions import SiteContribution
from cms.site.structured_data import organization, page_basics, person
from pages.networks.models import NetworkPage

if TYPE_CHECKING:
    from django.http import HttpRequest


def structured_data(network: NetworkPage, request: HttpRequest) -> dict[str, Any]:
    """A network as an ``Organization``: coordinated by one organisation, made of members
    and of sub-groups (cooperation group, coordination group, regional groups...)."""
    data = page_basics(network, request, "Organization")
    if network.coordinator_id:
        data["parentOrganization"] = organization(network.coordinator, request)
    members = [organization(org, request) for org in network.members.all()]
    if members:
        data["member"] = members
    groups = [
        {"@type": "Organization", "name": block.value["name"]} for block in network.sub_groups
    ]
    if groups:
        data["subOrganization"] = groups
    if network.term_start:
        data["foundingDate"] = network.term_start.isoformat()
    if network.term_end:
        data["dissolutionDate"] = network.term_end.isoformat()
    contacts = [person(contact, request) for contact in network.contacts.all()]
    if contacts:
        data["contactPoint"] = contacts
    return data


SITE = SiteContribution(structured_data=structured_data)
