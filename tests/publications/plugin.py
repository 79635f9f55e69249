"""Everything the publications plugin contributes to the core, declared in one place."""

from cms.demo import DemoContext, Text, localized_fields
from cms.plugins import ContentTypePlugin
from search.search_contribution import SearchContribution
from tests.publications import api
from tests.publications.editorial import EDITORIAL
from tests.publications.factories import PublicationIndexPageFactory, PublicationPageFactory
from tests.publications.models import PublicationIndexPage, PublicationPage
from tests.publications.site import SITE


def build_demo(context: DemoContext) -> None:
    index = context.page(
        context.home,
        PublicationIndexPageFactory,
        "julkaisut",
        {"sv": {"title": "Publikationer"}, "en": {"title": "Publications"}},
        title="Julkaisut",
    )
    fields, translations = localized_fields(
        "laatustrategian-opas",
        Text("Laatustrategian opas", "Opas laatustrategian toimeenpanoon."),
        sv=Text("Guide till kvalitetsstrategin", "En guide till kvalitetsstrategin."),
        en=Text("Quality strategy guide", "A guide to implementing the quality strategy."),
    )
    context.page(index, PublicationPageFactory, "laatustrategian-opas", translations, **fields)


def build_plugin() -> ContentTypePlugin:
    return ContentTypePlugin(
        key="publications",
        page_model=PublicationPage,
        index_model=PublicationIndexPage,
        demo_builder=build_demo,
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
