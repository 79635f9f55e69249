"""Language prefixes and compression: Django's language redirects kept away from the API and
never into a 404 on the site; API responses compressed when asked.

Partners asking with ``Accept-Encoding: gzip`` get gzip-compressed API responses (a full
list page of 100 items shrinks several-fold); the public site's responses are left to
the front proxy.

``LocaleMiddleware`` answers a 404 outside the language prefixes with a redirect to the
same path under the reader's language (cookie, then Accept-Language), which the page tree
always "matches". For an API client a missing object must stay a 404 with its problem body,
so API paths skip that step (and the ``Vary: Accept-Language`` it adds: API responses do not
depend on that header). On the site, an unprefixed page path (``/uutiset/<slug>/``, a link
someone shortened) is looked up in every language's tree and redirected to the page's
translation in the reader's language, else to the page in its own language, instead of to
a prefixed path that does not exist.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail.models import Page

from cms.site.localization import home_pages
from cms.visibility import visible

API_PREFIX = "/api/"


def unprefixed_page_target(request: HttpRequest, language: str) -> str | None:
    """URL of the page an unprefixed path names, in ``language`` when translated, or None."""
    components = [part for part in request.path_info.split("/") if part]
    if not components:
        return None
    homes = home_pages(request)
    order = sorted(homes, key=lambda code: code != language)
    for code in order:
        try:
            found = homes[code].specific.route(request, components).page
        except Http404:
            continue
        candidates = visible(Page.objects.filter(translation_key=found.translation_key), request)
        by_language = {
            page.locale.language_code: page for page in candidates.select_related("locale")
        }
        target = by_language.get(language) or by_language.get(code)
        if target is not None:
            return target.get_url(request)
    return None


class LocaleMiddlewareOutsideApi(LocaleMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path_info.startswith(API_PREFIX):
            return response
        if response.status_code == 404 and not translation.get_language_from_path(
            request.path_info
        ):
            target = unprefixed_page_target(request, translation.get_language())
            if target is not None:
                query = request.META.get("QUERY_STRING", "")
                redirect = HttpResponseRedirect(f"{target}?{query}" if query else target)
                patch_vary_headers(redirect, ("Accept-Language", "Cookie"))
                return redirect
        return super().process_response(request, response)


class ApiGZipMiddleware(GZipMiddleware):
    """Django's gzip compression, for API responses only (ETags become weak, as RFC 9110
    asks of a transformed body; ``If-None-Match`` compares weakly)."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if not request.path_info.startswith(API_PREFIX):
            return response
        return super().process_response(request, response)
