"""URLs: admin, documents, partner API, sitemap and robots unprefixed; the site under /fi/ etc."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.ops.health import healthz, readyz
from cms.site.urls import language_urls, site_urls
from cms.throttle import throttled_page_password

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("cms.api.urls")),
    *site_urls,
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif getattr(settings, "SERVE_LOCAL_MEDIA", False):
    # One machine without an object store: the app serves uploads, the proxy caches them.
    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns += [
        re_path(rf"^{media_prefix}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    *language_urls,
    path("_share/", include("cms.editorial.urls")),
    # Before Wagtail's own route of the same path: page passwords are throttled.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttled_page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler500 = "cms.site.views.server_error"
