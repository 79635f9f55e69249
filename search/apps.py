from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search, language-aware indexing and the queue that keeps the indexes current."""

    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms.api import register_router
        from search.api import router
        from search.indexing import connect_signal_handlers

        connect_signal_handlers()
        register_router(
            "/search/", router, description="Full-text search across content types and languages."
        )
