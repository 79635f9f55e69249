"""``sitemap.xml``: every live, public page of every language, with ``xhtml:link`` alternates.

One ``<url>`` per page and language; each lists all live translations of that page
(itself included) as ``hreflang`` alternates, as search engines ask for multilingual sites.
It walks the page tree rather than the registry, so pages of every plugin (and core
pages such as the accessibility statement) are covered without being named.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from cms.visibility import public_pages

if TYPE_CHECKING:
    from django.http import HttpRequest


class PageSitemap(Sitemap):
    """Django's sitemap over Wagtail pages, alternates filled from translation groups."""

    #: The protocol's maximum; beyond it Django pages the sitemap with ``?p=``.
    limit = 50_000

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)

    @cached_property
    def pages(self) -> list[Page]:
        homes = Page.objects.filter(translation_key=self.site.root_page.translation_key)
        language_codes = [code for code, _name in settings.LANGUAGES]
        queryset = Page.objects.none()
        for home in homes:
            queryset |= Page.objects.descendant_of(home, inclusive=True)
        return list(
            public_pages(queryset)
            .filter(locale__language_code__in=language_codes)
            .select_related("locale")
            .order_by("path")
        )

    @cached_property
    def urls_by_translation(self) -> dict[Any, list[tuple[str, str]]]:
        urls = defaultdict(list)
        for page in self.pages:
            urls[page.translation_key].append(
                (page.locale.language_code, page.get_full_url(self.request))
            )
        return urls

    def items(self) -> list[Page]:
        return self.pages

    def location(self, page: Page) -> str:
        return page.get_url(self.request)

    def lastmod(self, page: Page):
        return page.last_published_at

    def get_urls(self, page: int = 1, site=None, protocol=None) -> list[dict[str, Any]]:
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["location"] = url["item"].get_full_url(self.request)
            translations = self.urls_by_translation[url["item"].translation_key]
            url["alternates"] = [
                {"lang_code": code, "location": location} for code, location in translations
            ]
            default = dict(translations).get(settings.LANGUAGE_CODE)
            if default is not None:
                url["alternates"].append({"lang_code": "x-default", "location": default})
        return urls
