from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "pages.news"
    label = "news"
    verbose_name = _("News")

    def ready(self) -> None:
        from cms.plugins import register
        from pages.news.plugin import build_plugin

        register(build_plugin)
