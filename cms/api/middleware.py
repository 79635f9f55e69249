"""Keep Django's language redirects away from the API.

``LocaleMiddleware`` answers a 404 outside the language prefixes with a redirect to the
same path under ``/fi/``, which the page tree always "matches". For an API client a
missing object must stay a 404 with its problem body, so API paths skip that step (and
the ``Vary: Accept-Language`` it adds: API responses do not depend on that header).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware

API_PREFIX = "/api/"


class LocaleMiddlewareOutsideApi(LocaleMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path_info.startswith(API_PREFIX):
            return response
        return super().process_response(request, response)
