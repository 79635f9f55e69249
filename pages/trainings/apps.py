from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    name = "pages.trainings"
    label = "trainings"
    verbose_name = _("Trainings")

    def ready(self) -> None:
        from cms.plugins import register
        from pages.trainings.plugin import build_plugin

        register(build_plugin)
