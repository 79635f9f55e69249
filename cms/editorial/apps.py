from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "cms.editorial"
    label = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self) -> None:
        from cms.editorial import signals  # noqa: F401  (connects the receivers)
