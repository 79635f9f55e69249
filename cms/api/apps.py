from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnerApiConfig(AppConfig):
    """Partner keys, the change feed and webhooks behind ``/api/v1/``."""

    name = "cms.api"
    label = "partner_api"
    verbose_name = _("Partner API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms.api import signals

        signals.connect()
