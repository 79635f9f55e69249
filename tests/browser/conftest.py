"""Shared browser fixtures: a live server, Debian's Chromium through Playwright, and axe-core.

Reusable by any browser test (site or admin): ``browser_page`` is a fresh Playwright page
and ``base_url`` the live server's address. Chromium is the system package
(``apt-get install -y chromium``); Playwright never downloads a browser here. axe-core is
pinned in ``tests/browser/package.json`` and installed with ``npm ci --prefix tests/browser``.

Tests using these fixtures need ``@pytest.mark.browser`` and a database that the live
server thread can see: ``@pytest.mark.django_db(transaction=True, serialized_rollback=True)``
(serialized rollback restores the locales and home page that migrations create).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls that tests make
# between browser steps are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SCRIPT = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
#: The rules an auditor checks for WCAG 2.1 AA, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.fixture
def browser() -> Iterator[Any]:
    """Chromium for one test. Playwright starts after the test database is ready and stops
    before it is flushed: a Playwright session spanning tests breaks the serialized
    rollback that restores the migrations' data for the next test."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def content_types_cached_across_the_reset(request) -> Iterator[None]:
    """Leave every model's content type in Django's cache before the database is reset.

    The serialized rollback that follows rebuilds pages, and a page built while the cache
    lacks its type (a test that ran ``setup_roles`` clears it) inserts that content type
    afresh, then fails on the restored row (UNIQUE constraint on django_content_type).
    """
    yield
    if request.node.get_closest_marker("django_db"):
        from django.apps import apps
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.get_for_models(*apps.get_models())


@pytest.fixture
def base_url(live_server) -> str:
    """The live server's root URL, without a trailing slash."""
    return live_server.url.rstrip("/")


@pytest.fixture
def browser_page(browser) -> Iterator[Any]:
    """A fresh page in its own browser context (no cookies shared between tests)."""
    context = browser.new_context(locale="fi-FI", timezone_id="Europe/Helsinki")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the page as loaded now; its violations, each with the failing nodes."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: npm ci --prefix tests/browser")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' '))}))",
        AXE_TAGS,
    )


def describe_violations(url: str, violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{url}: {violation['id']} ({violation['impact']}): {violation['help']} "
        f"at {', '.join(violation['nodes'][:5])}"
        for violation in violations
    )
