"""The public site as an auditor checks it: axe-core over every page type in fi, sv and en,
and the trainings filter used with the keyboard only."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tests.browser.conftest import axe_violations, describe_violations

pytestmark = [
    pytest.mark.product,
    pytest.mark.browser,
    # axe reads the rendered page; the database behind it changes nothing it checks.
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

#: Filtered listings that must stay accessible (with results and with none).
LISTING_QUERIES = ["", "?when=past", "?free=on&format=online", "?date_from=bad&region=lappi"]


def site_urls(base_url: str) -> list[str]:
    """One URL of every page type and every listing (with filters), in every language."""
    from django.utils import translation
    from wagtail.models import Page

    from cms.plugins import registry
    from cms.templatetags.site_tags import search_url

    urls = []
    for language in ("fi", "sv", "en"):
        pages = Page.objects.live().public().filter(locale__language_code=language).specific()
        seen_types = set()
        for page in pages.exclude(depth=1):
            if type(page) in seen_types:
                continue
            seen_types.add(type(page))
            if type(page) in registry.index_models():
                urls += [f"{base_url}{page.url}{query}" for query in LISTING_QUERIES]
            else:
                urls.append(f"{base_url}{page.url}")
        urls.append(f"{base_url}/{language}/no-such-page/")
        with translation.override(language):
            search = search_url()
        if search:
            urls.append(f"{base_url}{search}?q=koulutus")
    return urls


def test_every_page_type_and_listing_has_no_axe_violations(browser_page, base_url):
    call_command("load_demo", force=True, verbosity=0)
    urls = site_urls(base_url)
    assert len(urls) > 12

    report = []
    for url in urls:
        browser_page.goto(url)
        report.append(describe_violations(url, axe_violations(browser_page)))

    assert not "\n".join(line for line in report if line)


def test_trainings_filter_works_with_the_keyboard_alone(browser_page, base_url):
    call_command("load_demo", force=True, verbosity=0)
    from pages.trainings.models import TrainingIndexPage

    listing = TrainingIndexPage.objects.get(locale__language_code="fi")
    browser_page.goto(f"{base_url}{listing.url}")

    # The skip link is the first stop and moves focus to the main content.
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.activeElement.className") == "skip-link"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"

    # Walk forward to the region filter, choose Lapland, then tab to the submit button.
    focused_names = []
    for _ in range(40):
        browser_page.keyboard.press("Tab")
        name = browser_page.evaluate("document.activeElement.name")
        focused_names.append(name)
        if name == "region":
            break
    assert focused_names[:2] == ["when", "date_from"]
    assert "region" in focused_names
    # Every focused control has a visible focus indicator.
    outline = browser_page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    browser_page.keyboard.press("ArrowDown")  # Chromium steps through a closed select
    selected = browser_page.evaluate("document.activeElement.value")
    assert selected
    for _ in range(20):
        browser_page.keyboard.press("Tab")
        if browser_page.evaluate("document.activeElement.type") == "submit":
            break
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")

    assert f"region={selected}" in browser_page.url
    results = browser_page.locator("#results-heading").inner_text()
    assert results
    assert browser_page.locator("#id_region").input_value() == selected


def test_axe_catches_what_an_auditor_would(browser_page):
    """The harness itself: a page with known faults must produce violations."""
    browser_page.set_content(
        '<html><head><title>x</title></head><body><main><img src="x.png">'
        '<input type="text"><p style="color:#aaa;background:#fff">faint</p></main></body></html>'
    )

    found = {violation["id"] for violation in axe_violations(browser_page)}

    assert {"html-has-lang", "image-alt", "label", "color-contrast"} <= found
