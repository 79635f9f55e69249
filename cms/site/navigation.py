"""Main navigation, breadcrumbs and the language switcher, built from the live page tree.

Only live pages without view restrictions appear (``live().public()``), so drafts, private
pages and unpublished translations never show up in any of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from wagtail.models import Page

from cms.plugins import registry
from cms.site.localization import active_home_page, home_pages
from cms.visibility import visible

if TYPE_CHECKING:
    from django.http import HttpRequest


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher; ``is_translation`` is false for home fallbacks."""

    language_code: str
    name: str
    url: str
    absolute_url: str
    is_current: bool
    is_translation: bool


def home_children(request: HttpRequest) -> list[Page]:
    """The visible children of the active language's home page (read once per request)."""
    if not hasattr(request, "_home_children"):
        home = active_home_page(request)
        request._home_children = (
            []
            if home is None
            else list(visible(home.get_children(), request).select_related("locale"))
        )
    return request._home_children


def main_navigation(request: HttpRequest) -> list[Page]:
    """The home page's visible sections: every listing page, plus pages shown in menus."""
    listing_types = ContentType.objects.get_for_models(*registry.index_models()).values()
    listing_type_ids = {content_type.pk for content_type in listing_types}
    return [
        page
        for page in home_children(request)
        if page.show_in_menus or page.content_type_id in listing_type_ids
    ]


def breadcrumbs(page: Page, request: HttpRequest) -> list[Page]:
    """The ancestors of ``page`` from its language's home page down (excluding the page)."""
    home = home_pages(request).get(translation.get_language())
    if home is None or page.depth <= home.depth:
        return []
    if page.depth == home.depth + 1:
        return [home]  # a section directly under the home page: nothing more to read
    ancestors = page.get_ancestors().filter(depth__gte=home.depth)
    return list(visible(ancestors, request).select_related("locale"))


def language_links(page: Page | None, request: HttpRequest) -> list[LanguageLink]:
    """A link per site language: the page's live translation, else that language's home page.

    A language with neither (no published home page) is left out rather than linked to a 404.
    """
    current = translation.get_language()
    translations: dict[str, Page] = {}
    if isinstance(page, Page) and page.pk:
        same_page = Page.objects.filter(translation_key=page.translation_key)
        translations = {
            other.locale.language_code: other
            for other in visible(same_page, request).select_related("locale")
        }
    homes = home_pages(request)
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if target is None:
            continue
        info = translation.get_language_info(code)
        links.append(
            LanguageLink(
                language_code=code,
                name=info["name_local"].capitalize(),
                url=target.get_url(request),
                absolute_url=target.get_full_url(request),
                is_current=code == current,
                is_translation=code in translations,
            )
        )
    return links
