"""Everything the networks plugin contributes to the core, declared in one place."""

from cms.plugins import ContentTypePlugin
from pages.networks import api
from pages.networks.demo import build_demo
from pages.networks.editorial import EDITORIAL
from pages.networks.models import NetworkIndexPage, NetworkPage
from pages.networks.site import SITE


def build_plugin() -> ContentTypePlugin:
    # Order 40: the demo runs after the other plugins, so their pages can be related.
    return ContentTypePlugin(
        key="networks",
        page_model=NetworkPage,
        index_model=NetworkIndexPage,
        demo_builder=build_demo,
        order=40,
        contributions=(api.contribution(), SITE, EDITORIAL),
    )
