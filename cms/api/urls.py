"""``/api/v1/``: the API's URL patterns, each wrapped with :func:`partner_api_view`.

(The namespace comes from the included tuple; this module must not define ``app_name``,
which ``include()`` would read as the namespace of the whole module.)
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path, re_path
from wagtail.utils.urlpatterns import decorate_urlpatterns

from cms.api.builder import build_api
from cms.api.errors import problem_response
from cms.api.http import partner_api_view

api = build_api()


def unknown_endpoint(request: HttpRequest, rest: str) -> HttpResponse:
    return problem_response(404, f"No endpoint at {request.path}; see /api/v1/docs.")


_patterns, _app, _namespace = api.urls

urlpatterns = [
    path("", (decorate_urlpatterns(_patterns, partner_api_view), _app, _namespace)),
    re_path(r"^(?P<rest>.*)$", partner_api_view(unknown_endpoint)),
]
