"""Everything the news plugin contributes to the core, declared in one place."""

from pathlib import Path

from cms.plugins import ContentTypePlugin
from pages.news import api
from pages.news.editorial import EDITORIAL
from pages.news.models import NewsIndexPage, NewsPage
from pages.news.site import SITE


def build_plugin() -> ContentTypePlugin:
    return ContentTypePlugin(
        key="news",
        page_model=NewsPage,
        index_model=NewsIndexPage,
        demo_data=Path(__file__).with_name("demo.json"),
        order=20,
        show_untranslated=True,
        theme_field="topics",
        date_field="publication_date",
        contributions=(api.contribution(), SITE, EDITORIAL),
    )
