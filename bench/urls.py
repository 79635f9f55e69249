"""The product's URLs, stock API v2 at ``/api/v2/`` and the framework floor (benchmark only)."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from bench.floor import floor_view
from cms.urls import urlpatterns as product_urlpatterns

v2 = WagtailAPIRouter("wagtailapi")
v2.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("api/v2/", v2.urls),
    path("bench/floor/", floor_view),
    *product_urlpatterns,
]
