"""Site-wide views that are not pages: sitemap, robots.txt, language switch, error pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    HttpResponseServerError,
)
from django.template import loader
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_safe

from cms.origin import absolute_url
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
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page in the request's language, rendered without touching the database.

    Django's default handler renders with an empty context; this one passes the request so
    the template can use the active language and the static CSS.
    """
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request": request}))


@require_GET
@never_cache
def switch_language(request: HttpRequest, language_code: str) -> HttpResponse:
    """Remember the reader's choice of language in the cookie, then go to ``next``.

    The language switcher links here, so the choice sticks: ``/`` redirects by the cookie
    before the browser's Accept-Language. ``next`` must be a path on this site in the chosen
    language; anything else falls back to that language's home (``/sv/``).
    """
    if language_code not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest(f"Unknown language {language_code!r}.")
    target = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if not safe or not target.startswith(f"/{language_code}/"):
        target = f"/{language_code}/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language_code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response
