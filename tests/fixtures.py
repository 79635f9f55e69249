"""Fixtures for every test in the project (loaded as a pytest plugin from pyproject)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from wagtail.models import Locale


@pytest.fixture(autouse=True)
def fresh_cache():
    """Nothing cached leaks from one test into the next.

    Rate counters, freshness stamps, the search engine's state, the vocabulary catalogue
    stamp and rendered listing cards live in the cache; a rolled-back test leaves them
    behind, and the next test may reuse the same primary keys.
    """
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    """The three content locales, created by the migrations."""
    from wagtail.models import Locale

    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_page(db):
    """The Finnish home page: the default site's root, created by the migrations."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def translated_home_pages(home_page, locales) -> dict:
    """The home page in fi, sv and en (sv and en as wagtail-localize translations)."""
    from cms.translation import translate

    pages = {"fi": home_page}
    for language, title in (("sv", "Startsida"), ("en", "Home")):
        pages[language] = translate(home_page, locales[language], {"title": title})
    return pages
