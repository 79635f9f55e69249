"""Everything the trainings plugin contributes to the core, declared in one place."""

from pathlib import Path

from cms.plugins import ContentTypePlugin
from pages.trainings import api
from pages.trainings.editorial import EDITORIAL
from pages.trainings.models import TrainingIndexPage, TrainingPage
from pages.trainings.site import SITE


def build_plugin() -> ContentTypePlugin:
    return ContentTypePlugin(
        key="trainings",
        page_model=TrainingPage,
        index_model=TrainingIndexPage,
        demo_data=Path(__file__).with_name("demo.json"),
        order=10,
        show_untranslated=True,
        theme_field="themes",
        contributions=(api.contribution(), SITE, EDITORIAL),
    )
