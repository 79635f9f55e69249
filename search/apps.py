from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search and, with the search feature, language-aware indexing."""

    name = "search"
    verbose_name = _("Search")
