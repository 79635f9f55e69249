from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnerApiConfig(AppConfig):
    """Partner keys, the change feed and webhooks behind ``/api/v1/``."""

    name = "cms.api"
    label = "partner_api"
    verbose_name = _("Partner API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from cms.api import change_log, signals

        signals.connect()
        # Every deploy migrates: pages announced without a digest get one then.
        post_migrate.connect(
            change_log.remember_baseline, sender=self, dispatch_uid="partner_api_baseline"
        )
