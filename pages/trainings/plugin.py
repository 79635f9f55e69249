"""Everything the trainings plugin contributes to the core, declared in one place."""

from cms.plugins import ContentTypePlugin
from pages.trainings import api
from pages.trainings.demo import build_demo
from pages.trainings.editorial import EDITORIAL
from pages.trainings.models import TrainingIndexPage, TrainingPage
from pages.trainings.site import SITE


def build_plugin() -> ContentTypePlugin:
    return ContentTypePlugin(
        key="trainings",
        page_model=TrainingPage,
        index_model=TrainingIndexPage,
        demo_builder=build_demo,
        order=10,
        show_untranslated=True,
        theme_field="themes",
        contributions=(api.contribution(), SITE, EDITORIAL),
    )
