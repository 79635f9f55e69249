import factory
import wagtail_factories

from cms.factories import ContentPageFactory
from tests.publications.models import PublicationIndexPage, PublicationPage


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Julkaisut"
    slug = "julkaisut"

    class Meta:
        model = PublicationIndexPage


class PublicationPageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"Julkaisu {n}")
    lead = "Opas koulutuksen järjestäjille."
    isbn = "978-952-13-0000-0"

    class Meta:
        model = PublicationPage
