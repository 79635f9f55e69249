"""Everything the publications plugin contributes to the core, declared in one place."""

from pathlib import Path

from cms.plugins import ContentTypePlugin
from search.search_contribution import SearchContribution
from tests.publications import api
from tests.publications.editorial import EDITORIAL
from tests.publications.models import PublicationIndexPage, PublicationPage
from tests.publications.site import SITE


def build_plugin() -> ContentTypePlugin:
    return ContentTypePlugin(
        key="publications",
        page_model=PublicationPage,
        index_model=PublicationIndexPage,
        demo_data=Path(__file__).with_name("demo.json"),
        order=90,
        theme_field="themes",
        contributions=(
            api.contribution(),
            SITE,
            # The default, spelt out: the text under a result's title in site search.
            SearchContribution(excerpt_field="lead"),
            EDITORIAL,
        ),
    )
