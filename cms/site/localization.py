"""Language helpers for rendering: vocabulary terms in the reader's language, home pages.

Pages relate to the Finnish row of each vocabulary term. ``term.localized`` costs one query
per term, which would make a listing's query count grow with its length; a
:class:`VocabularyLocalizer` reads the rows of the reader's language from the in-memory
vocabulary catalogue instead (no query once a process has loaded it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils import translation
from wagtail.models import Locale, Page, Site

from cms.visibility import visible
from cms.vocabularies.catalogue import rows_in_language

if TYPE_CHECKING:
    from django.http import HttpRequest


class VocabularyLocalizer:
    """Maps a vocabulary row to its row in the active language."""

    def __init__(self, language_code: str) -> None:
        self.language_code = language_code
        self._rows: dict[type[models.Model], dict] = {}

    def rows(self, model: type[models.Model]) -> dict:
        """Every row of ``model`` in this language, by translation key."""
        if model not in self._rows:
            self._rows[model] = rows_in_language(model, self.language_code)
        return self._rows[model]

    def __call__(self, term: models.Model | None) -> models.Model | None:
        if term is None:
            return None
        return self.rows(type(term)).get(term.translation_key, term)


def localizer_for(request: HttpRequest | None) -> VocabularyLocalizer:
    """The request's localizer for the active language (a fresh one without a request)."""
    language = translation.get_language()
    if request is None:
        return VocabularyLocalizer(language)
    cache = request.__dict__.setdefault("_vocabulary_localizers", {})
    if language not in cache:
        cache[language] = VocabularyLocalizer(language)
    return cache[language]


def localized_names(request: HttpRequest | None, terms) -> list[str]:
    localize = localizer_for(request)
    return [str(localize(term)) for term in terms]


def home_pages(request: HttpRequest | None) -> dict[str, Page]:
    """The live home page of each language of the request's site, by language code."""
    if request is not None and hasattr(request, "_home_pages"):
        return request._home_pages
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.select_related("root_page").get(is_default_site=True)
    homes = visible(
        Page.objects.filter(translation_key=site.root_page.translation_key), request
    ).select_related("locale")
    result = {home.locale.language_code: home for home in homes}
    if request is not None:
        request._home_pages = result
    return result


def active_home_page(request: HttpRequest | None) -> Page | None:
    """The home page of the active language, falling back to the site's default language."""
    homes = home_pages(request)
    return homes.get(translation.get_language()) or homes.get(Locale.get_default().language_code)
