from pathlib import Path

from cms.api.contribution import ApiContribution
from cms.api.fields import Value
from cms.editorial.sections import EditorialRole, EditorialSection
from cms.plugins import ContentTypePlugin
from tests.publications.models import PublicationIndexPage, PublicationPage
from tests.publications.site import SITE


def build_plugin() -> ContentTypePlugin:
    return ContentTypePlugin(
        key="publications",
        page_model=PublicationPage,
        index_model=PublicationIndexPage,
        demo_data=Path(__file__).with_name("demo.json"),
        order=90,
        contributions={
            "api": ApiContribution(fields=(Value("lead", str), Value("isbn", str))),
            "editorial": EditorialSection(
                roles=(EditorialRole("publication_editors", "Publication editors"),),
                workflow="moderated",
                parity_required=True,
            ),
            "site": SITE,
        },
    )
