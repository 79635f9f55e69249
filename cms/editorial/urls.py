"""Public editorial URLs, under each language prefix (``/fi/_share/<token>/``)."""

from django.urls import path

from cms.editorial.views_share import serve_shared_draft

urlpatterns = [
    path("<str:token>/", serve_shared_draft, name="editorial_share"),
]
