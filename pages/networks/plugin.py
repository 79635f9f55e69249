"""Everything the networks plugin contributes to the core, declared in one place."""

from pathlib import Path

from cms.plugins import ContentTypePlugin
from pages.networks import api
from pages.networks.editorial import EDITORIAL
from pages.networks.models import NetworkIndexPage, NetworkPage
from pages.networks.site import SITE


def build_plugin() -> ContentTypePlugin:
    return ContentTypePlugin(
        key="networks",
        page_model=NetworkPage,
        index_model=NetworkIndexPage,
        demo_data=Path(__file__).with_name("demo.json"),
        order=40,
        contributions=(api.contribution(), SITE, EDITORIAL),
    )
