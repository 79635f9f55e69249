"""Fixtures for every test in the project (loaded as a pytest plugin from pyproject)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from wagtail.models import Locale

#: Tests that share one expensive session fixture, by where they live: each group runs in one
#: xdist worker, so the production stack and the live search engine start once, not once per
#: worker (see :func:`pytest_xdist_make_scheduler`).
SHARED_SESSION_GROUPS = {
    "tests/stack/": "stack",
    "tests/search/test_live_engine.py": "search-engine",
}


def shared_session_group(nodeid: str) -> str | None:
    for prefix, group in SHARED_SESSION_GROUPS.items():
        if nodeid.startswith(prefix):
            return group
    return None


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Spread tests one by one, but keep each of :data:`SHARED_SESSION_GROUPS` together.

    xdist's own ``--dist loadgroup`` renames node ids, which pytest 9 no longer allows (its
    node ids are derived), so the groups are read from the paths here instead.
    """
    from xdist.scheduler import LoadScopeScheduling

    class SharedServerScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return shared_session_group(nodeid) or nodeid

    return SharedServerScheduling(config, log)


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
