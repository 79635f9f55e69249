"""Main navigation, breadcrumbs and the language switcher, built from the live page tree.

Only live pages without view restrictions appear (``live().public()``), so drafts, private
pages and unpublished translations never show up in any of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from cms.origin import absolute_url, page_url
from cms.plugins import registry
from cms.site.localization import active_home_page, home_pages
from cms.visibility import visible

if TYPE_CHECKING:
    from django.http import HttpRequest


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher.

    ``url`` goes through the switch view, which remembers the choice in the language cookie
    and redirects to ``page_url``; ``absolute_url`` is the target itself (for ``hreflang``).
    Without a translation, ``page_url`` is that language's home page, ``is_translation``
    is false and ``missing_note`` says so in that language ("Sidan finns endast på finska").
    """

    language_code: str
    name: str
    url: str
    absolute_url: str
    is_current: bool
    is_translation: bool
    page_url: str = ""
    missing_note: str = ""


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


#: Query parameters a language switch does not carry over (the page number of a listing).
NOT_CARRIED = ("page",)


def carried_query(request: HttpRequest) -> str:
    """The reader's filters and search terms, for the same page in another language.

    Filter values are slugs that are the same in every language, so they keep working.
    """
    query = request.GET.copy()
    for name in NOT_CARRIED:
        query.pop(name, None)
    return query.urlencode()


def switch_url(language_code: str, target: str) -> str:
    """The switcher's link: remember ``language_code`` in the cookie, then go to ``target``."""
    return f"{reverse('switch_language', args=[language_code])}?{urlencode({'next': target})}"


def _other_language_view_urls(request: HttpRequest) -> dict[str, str]:
    """URLs of a non-page view (the search page) in every language, if it is translated."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name or match.url_name.startswith("wagtail"):
        return {}
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                urls[code] = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                return {}
    return urls


def language_links(page: Page | None, request: HttpRequest) -> list[LanguageLink]:
    """A link per site language: the page's live translation, else that language's home page.

    Filters and search terms are carried over. A content page without a translation says
    so in the other language ("This page is only available in Finnish") and its link leads
    to that language's home page. A language with neither (no published home page) is left
    out rather than linked to a 404. Computed once per page and request (the switcher and the
    ``<head>`` both need them).
    """
    memo = request.__dict__.setdefault("_language_links", {})
    key = page.pk if isinstance(page, Page) else None
    if key not in memo:
        memo[key] = _language_links(page, request)
    return memo[key]


def _language_links(page: Page | None, request: HttpRequest) -> list[LanguageLink]:
    current = translation.get_language()
    translations: dict[str, tuple[str, str]] = {}
    page_language = current
    if isinstance(page, Page) and page.pk:
        same_page = Page.objects.filter(translation_key=page.translation_key)
        translations = {
            other.locale.language_code: (other.get_url(request), page_url(other, request))
            for other in visible(same_page, request).select_related("locale")
        }
        page_language = page.locale.language_code if page.locale_id else current
    elif not isinstance(page, Page):  # a view that is not a page: the search page
        translations = {
            code: (url, absolute_url(url))
            for code, url in _other_language_view_urls(request).items()
        }
    query = carried_query(request)
    homes = home_pages(request)
    links = []
    for code, _name in settings.LANGUAGES:
        is_translation = code in translations
        if is_translation:
            target, absolute = translations[code]
            if query:
                target, absolute = f"{target}?{query}", f"{absolute}?{query}"
        elif code in homes:
            target, absolute = homes[code].get_url(request), page_url(homes[code], request)
        else:
            continue
        info = translation.get_language_info(code)
        note = ""
        if not is_translation and isinstance(page, Page) and page.pk:
            only = set(translations) if translations else {page_language}
            with translation.override(code):
                note = str(ONLY_IN[only.pop()] if len(only) == 1 else NOT_IN[code])
        links.append(
            LanguageLink(
                language_code=code,
                name=info["name_local"].capitalize(),
                url=switch_url(code, target),
                absolute_url=absolute,
                is_current=code == current,
                is_translation=is_translation,
                page_url=target,
                missing_note=note,
            )
        )
    return links


#: The switcher's note, in the other language, on a page that exists in one language only.
ONLY_IN = {
    "fi": gettext_lazy("This page is only available in Finnish."),
    "sv": gettext_lazy("This page is only available in Swedish."),
    "en": gettext_lazy("This page is only available in English."),
}
#: The note when the page exists in more than one other language, but not in this one.
NOT_IN = {
    "fi": gettext_lazy("This page is not available in Finnish."),
    "sv": gettext_lazy("This page is not available in Swedish."),
    "en": gettext_lazy("This page is not available in English."),
}
