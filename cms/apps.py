from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """The plugin core: registry, base page, site-wide templates and commands."""

    name = "cms"
    verbose_name = _("CMS core")

    def ready(self) -> None:
        from cms.formats.admin_inputs import register_admin_inputs
        from cms.ops import purge

        register_admin_inputs()
        purge.connect()
