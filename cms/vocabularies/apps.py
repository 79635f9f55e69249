from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VocabulariesConfig(AppConfig):
    """Shared vocabularies every content type refers to: organisations, people, themes..."""

    name = "cms.vocabularies"
    label = "vocabularies"
    verbose_name = _("Shared vocabularies")

    def ready(self) -> None:
        from cms.vocabularies import catalogue

        catalogue.connect()
