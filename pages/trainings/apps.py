from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.plugins import ContentTypePlugin, register


class TrainingsConfig(AppConfig):
    name = "pages.trainings"
    label = "trainings"
    verbose_name = _("Trainings")

    def ready(self) -> None:
        from pages.trainings.demo import build_demo
        from pages.trainings.models import TrainingIndexPage, TrainingPage

        register(
            lambda: ContentTypePlugin(
                key="trainings",
                page_model=TrainingPage,
                index_model=TrainingIndexPage,
                demo_builder=build_demo,
                order=10,
            )
        )
