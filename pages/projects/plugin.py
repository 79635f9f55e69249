"""Everything the project-results plugin contributes to the core, declared in one place."""

from pathlib import Path

from cms.plugins import ContentTypePlugin
from pages.projects import api
from pages.projects.editorial import EDITORIAL
from pages.projects.models import ProjectResultIndexPage, ProjectResultPage
from pages.projects.site import SITE


def build_plugin() -> ContentTypePlugin:
    return ContentTypePlugin(
        key="projects",
        page_model=ProjectResultPage,
        index_model=ProjectResultIndexPage,
        demo_data=Path(__file__).with_name("demo.json"),
        order=30,
        theme_field="themes",
        contributions=(api.contribution(), SITE, EDITORIAL),
    )
