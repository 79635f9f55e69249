"""Fixtures for every test in the project (loaded as a pytest plugin from pyproject)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from wagtail.models import Locale

#: Tests that share one expensive session fixture run in one xdist worker (``--dist
#: loadgroup`` in the Makefile): the production stack and the live search engine each start
#: once, not once per worker.
SHARED_SESSION_GROUPS = {
    "tests/stack/": "stack",
    "tests/search/test_live_engine.py": "search-engine",
}


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        for prefix, group in SHARED_SESSION_GROUPS.items():
            if path.startswith(prefix):
                item.add_marker(pytest.mark.xdist_group(group))


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


@pytest.fixture
def publish():
    """Publish a page through a revision, as an editor would (fires the page signals)."""
    from cms.testing import publish

    return publish


@pytest.fixture
def translate_page(translated_home_pages, locales):
    """Translate and publish a page (and its missing ancestors) into ``language``."""
    from cms.translation import translate

    def translate_to(page, language, **values):
        return translate(page, locales[language], values)

    return translate_to


@pytest.fixture
def keep_test_connection():
    """Keep the test's database connection open across requests outside the test client.

    Django closes "unusable" connections when a request starts and ends; inside a test's
    transaction that would close the connection (PostgreSQL) and lose the test data. The
    test client avoids it by disconnecting these receivers; code that goes through the real
    WSGI handler or the task worker needs the same.
    """
    from django.core import signals
    from django.db import close_old_connections

    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)
