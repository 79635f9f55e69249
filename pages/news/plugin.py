"""Everything the news plugin contributes to the core, declared in one place."""

from pathlib import Path

from cms.plugins import ContentTypePlugin
from pages.news import api
from pages.news.editorial import EDITORIAL
from pages.news.models import NewsIndexPage, NewsPage
from pages.news.site import SITE
from search.contributions import SearchContribution


def build_plugin() -> ContentTypePlugin:
    return ContentTypePlugin(
        key="news",
        page_model=NewsPage,
        index_model=NewsIndexPage,
        demo_data=Path(__file__).with_name("demo.json"),
        order=20,
        show_untranslated=True,
        contributions={
            "api": api.contribution(),
            "search": SearchContribution(theme_field="topics"),
            "site": SITE,
            "editorial": EDITORIAL,
        },
    )
