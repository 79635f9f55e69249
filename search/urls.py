"""Search URLs, mounted under each language prefix (/fi/search/, /sv/search/, /en/search/)."""

from django.urls import path

from search import views

# Not namespaced: the site header finds the page as reverse("search").
urlpatterns = [
    path("", views.search_page, name="search"),
    path("suggest/", views.suggest, name="search_suggest"),
]
