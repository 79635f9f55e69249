"""The Nu Html Checker (vnu.jar, from the npm package vnu-jar, on the Debian Java runtime)
finds no error on any page type in any language: home pages, every listing (also filtered,
with a typed-in invalid date), every content page, the accessibility statement, search,
the 404 and the 500 page. One JVM run checks every page."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import translation

from cms.site.views import server_error
from tests.browser.test_site_accessibility import site_urls

pytestmark = [pytest.mark.django_db, pytest.mark.backend_independent]

VNU = (
    Path(__file__).parents[1]
    / "browser"
    / "node_modules"
    / "vnu-jar"
    / "build"
    / "dist"
    / "vnu.jar"
)
INVALID_DATES = "?when=all&date_from=31.2.2026&date_to=kissa"


def nu_errors(files: list[Path]) -> list[str]:
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{Path(message['url']).name}:{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]


def test_every_page_type_in_every_language_has_no_html_errors(client, tmp_path):
    from cms.plugins import registry

    call_command("load_demo", force=True, verbosity=0)
    urls = site_urls("")
    for plugin in registry:
        for index in plugin.index_model.objects.live():
            urls.append(f"{index.url}{INVALID_DATES}")
    files = []
    for number, url in enumerate(urls):
        response = client.get(url)
        # 400: a listing with an invalid filter says so (and its page must still be valid).
        assert response.status_code in (200, 400, 404), url
        path = tmp_path / f"{number:03d}.html"
        path.write_bytes(response.content)
        files.append(path)
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            response = server_error(RequestFactory().get(f"/{language}/"))
        path = tmp_path / f"500-{language}.html"
        path.write_bytes(response.content)
        files.append(path)
    assert len(files) > 40

    errors = nu_errors(files)
    pages = "\n".join(f"{path.name}: {url}" for path, url in zip(files, urls, strict=False))
    assert not errors, "\n".join(errors) + "\n\nPages:\n" + pages
