"""Factories for networks, used by tests (the demo reads its data files instead)."""

from __future__ import annotations

import factory
import wagtail_factories

from cms.factories import ContentPageFactory, many_to_many
from pages.networks.models import NetworkIndexPage, NetworkPage


class NetworkIndexPageFactory(wagtail_factories.PageFactory):
    title = "Verkostot"
    slug = "verkostot"

    class Meta:
        model = NetworkIndexPage


class NetworkPageFactory(ContentPageFactory):
    """A network with a purpose; StreamFields take raw block data (``[{"type": ...}]``)."""

    title = factory.Sequence(lambda n: f"Verkosto {n}")
    lead = "Opetus- ja kulttuuritoimen toimijoiden yhteistyöverkosto."
    purpose = "<p>Verkosto kokoaa alueen toimijat kehittämään toimintaa yhdessä.</p>"

    class Meta:
        model = NetworkPage

    members = many_to_many("members")
    contacts = many_to_many("contacts")
