"""Search URLs, mounted under each language prefix (/fi/search/, /sv/search/, /en/search/)."""

from django.urls import path

from search import views

app_name = "search"
urlpatterns = [
    path("", views.search_page, name="page"),
    path("suggest/", views.suggest, name="suggest"),
]
