"""Public editorial URLs (outside the language prefixes: a token names its page's locale)."""

from django.urls import path

from cms.editorial.views_share import serve_shared_draft

urlpatterns = [
    path("<str:token>/", serve_shared_draft, name="editorial_share"),
]
