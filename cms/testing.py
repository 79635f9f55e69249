"""Test utilities of the core, for the core's tests and every plugin's (as ``django.test``).

Plugins' tests live in ``pages/<plugin>/tests`` and must not import ``tests.*`` (the core's
own test tree); fixtures reach them through the pytest plugins named in ``pyproject.toml``,
and the plain helpers below through this module. Nothing here runs in production.
"""

from __future__ import annotations

import json
import re
from typing import Any

from django.test import Client
from wagtail.models import Page

#: The password every test user gets (see the ``make_editor`` fixture).
PASSWORD = "correct-horse-battery"


def publish(page: Page) -> Page:
    """Publish a page through a revision, as an editor would (fires the page signals)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific


def ids(client: Client, url: str) -> list[int]:
    """The ids of the items a list URL answers, in order (asserting it answers 200)."""
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def problem_parameter(client: Client, url: str) -> Any:
    """The parameter a 400 answer names."""
    response = client.get(url)
    assert response.status_code == 400, response.content
    return response.json()["errors"][0]["parameter"]


def assert_no_server_error(response: Any, url: str) -> None:
    """The answer to any input: a 2xx or a 4xx that names the problem, never a 5xx."""
    assert response.status_code < 500, (url, response.status_code)
    if response.status_code == 400 and response["Content-Type"].startswith("application/"):
        assert response.content, url  # a problem body that names what was wrong


def json_ld(html: str) -> list[dict]:
    """Every JSON-LD object in an HTML document, parsed."""
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(script) for script in scripts]


def make_private(page: Page) -> None:
    """Put a password view restriction on ``page`` (Wagtail's "private" page)."""
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def make_draft(page: Page) -> None:
    """Unpublish ``page``: it stays in the tree as a draft."""
    page.unpublish()


def login(client: Client, user: Any) -> None:
    """Log ``user`` (made by the ``make_editor`` fixture) into the test client."""
    assert client.login(username=user.username, password=PASSWORD)


def translated_section(
    index_factory: Any, home_pages: dict[str, Page], locales: dict, titles: dict[str, str]
) -> dict[str, Page]:
    """A live listing page under the Finnish home, translated to each ``titles`` language."""
    from cms.translation import translate

    index = publish(index_factory(parent=home_pages["fi"]))
    pages = {"fi": index}
    for language, title in titles.items():
        pages[language] = translate(
            index, locales[language], {"title": title, "slug": title.lower()}
        )
    return pages


def live_page(
    page_factory: Any, parent: Page, locales: dict, translate_to: tuple[str, ...], **fields: Any
) -> Page:
    """A live Finnish page, published with a translation in each ``translate_to`` language."""
    from cms.translation import translate

    page = publish(page_factory(parent=parent, **fields))
    for language in translate_to:
        title = f"{page.title} ({language})"
        translate(page, locales[language], {"title": title, "slug": f"{page.slug}-{language}"})
    return page
