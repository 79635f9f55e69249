"""Site-wide views that are not pages: sitemap, robots.txt and the localised error pages."""

from __future__ import annotations

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from cms.site.sitemaps import PageSitemap


@require_safe
def sitemap(request: HttpRequest) -> HttpResponse:
    return django_sitemap(request, sitemaps={"pages": PageSitemap(request)})


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawl the public site, not the admin; point crawlers at the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page in the request's language, rendered without touching the database.

    Django's default handler renders with an empty context; this one passes the request so
    the template can use the active language and the static CSS.
    """
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request": request}))
