from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "pages.networks"
    label = "networks"
    verbose_name = _("Networks")

    def ready(self) -> None:
        from cms.plugins import register
        from pages.networks.plugin import build_plugin

        register(build_plugin)
