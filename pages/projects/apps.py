from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "pages.projects"
    label = "projects"
    verbose_name = _("Project results")

    def ready(self) -> None:
        from cms.plugins import register
        from pages.projects.plugin import build_plugin

        register(build_plugin)
