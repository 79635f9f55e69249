"""API-only middleware: compressed responses, and no language redirects.

Partners asking with ``Accept-Encoding: gzip`` get gzip-compressed API responses (a full
list page of 100 items shrinks several-fold); the public site's responses are left to
the front proxy.

Keep Django's language redirects away from the API.

``LocaleMiddleware`` answers a 404 outside the language prefixes with a redirect to the
same path under ``/fi/``, which the page tree always "matches". For an API client a
missing object must stay a 404 with its problem body, so API paths skip that step (and
the ``Vary: Accept-Language`` it adds: API responses do not depend on that header).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware

API_PREFIX = "/api/"


class LocaleMiddlewareOutsideApi(LocaleMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path_info.startswith(API_PREFIX):
            return response
        return super().process_response(request, response)


class ApiGZipMiddleware(GZipMiddleware):
    """Django's gzip compression, for API responses only (ETags become weak, as RFC 9110
    asks of a transformed body; ``If-None-Match`` compares weakly)."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if not request.path_info.startswith(API_PREFIX):
            return response
        return super().process_response(request, response)
