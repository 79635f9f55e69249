from cms.api.contribution import ApiContribution
from cms.api.fields import Value
from cms.demo import DemoContext, Text, localized_fields
from cms.editorial.sections import EditorialRole, EditorialSection
from cms.plugins import ContentTypePlugin
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
        contributions={
            "api": ApiContribution(fields=(Value("lead"), Value("isbn"))),
            "editorial": EditorialSection(
                roles=(EditorialRole("publication_editors", "Publication editors"),),
                workflow="moderated",
                parity_required=True,
            ),
            "site": SITE,
        },
    )
