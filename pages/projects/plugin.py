"""Everything the project-results plugin contributes to the core, declared in one place."""

from cms.plugins import ContentTypePlugin
from pages.projects import api
from pages.projects.demo import build_demo
from pages.projects.editorial import EDITORIAL
from pages.projects.models import ProjectResultIndexPage, ProjectResultPage
from pages.projects.site import SITE
from search.search_contribution import SearchContribution


def build_plugin() -> ContentTypePlugin:
    return ContentTypePlugin(
        key="projects",
        page_model=ProjectResultPage,
        index_model=ProjectResultIndexPage,
        demo_builder=build_demo,
        order=30,
        contributions={
            "api": api.contribution(),
            "search": SearchContribution(theme_field="themes"),
            "site": SITE,
            "editorial": EDITORIAL,
        },
    )
