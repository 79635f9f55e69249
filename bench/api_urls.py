"""The product's URLs plus stock Wagtail API v2 at ``/api/v2/`` (benchmark only)."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.urls import urlpatterns as product_urlpatterns

v2 = WagtailAPIRouter("wagtailapi")
v2.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [path("api/v2/", v2.urls), *product_urlpatterns]
