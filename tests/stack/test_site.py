"""Pages, listings, feeds, the sitemap, the API and static files through Varnish."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.product, pytest.mark.backend_independent]


def get_twice(stack, path: str, **kwargs):
    first = stack.get(path, **kwargs)
    second = stack.get(path, **kwargs)
    return first, second


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/fi/", "text/html"),
        ("/sv/", "text/html"),
        ("/sitemap.xml", "application/xml"),
        ("/robots.txt", "text/plain"),
        ("/fi/feeds/news/rss.xml", "application/rss+xml"),
        ("/fi/feeds/trainings/atom.xml", "application/atom+xml"),
        ("/api/v1/news/", "application/json"),
        ("/api/v1/pages/?locale=sv", "application/json"),
    ],
)
def test_public_reads_are_served_and_then_cached_by_varnish(stack, path, content_type):
    first, second = get_twice(stack, path)
    assert first.status_code == 200, first.text[:300]
    assert first.headers["Content-Type"].startswith(content_type)
    assert second.status_code == 200
    assert second.headers["X-Cache"] == "hit"
    assert second.content == first.content
    # Each response names its own request, cached or not.
    assert first.headers["X-Request-ID"] != second.headers["X-Request-ID"]


def test_listing_pages_of_every_section_answer(stack):
    home = stack.get("/fi/")
    listing_links = set(re.findall(r'href="(/fi/[a-z0-9-]+/)"', home.text))
    assert len(listing_links) >= 4
    for link in sorted(listing_links):
        assert stack.get(link).status_code == 200, link


def test_partner_with_a_key_and_editors_always_reach_the_app(stack):
    for _ in range(2):
        response = stack.get("/api/v1/news/", headers={"X-Api-Key": "not-a-real-key"})
        assert response.status_code == 401
        assert response.headers["X-Cache"] == "miss"
    assert stack.get("/admin/login/").headers["X-Cache"] == "miss"


def test_static_files_are_compressed_hashed_and_cached_for_ever(stack):
    page = stack.get("/fi/")
    stylesheet = re.search(r'href="(/static/cms/site\.[0-9a-f]{12}\.css)"', page.text)
    assert stylesheet, "the site's stylesheet has no hashed name"
    response = stack.get(stylesheet.group(1), headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in response.headers["Cache-Control"]
    assert "immutable" in response.headers["Cache-Control"]


def test_public_pages_carry_a_strict_content_security_policy(stack):
    policy = stack.get("/fi/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "'unsafe-inline'" not in policy
    assert directives["object-src"] == "'none'"


def test_public_html_has_no_inline_script(stack):
    for path in ("/fi/", "/en/", "/fi/search/?q=koulutus"):
        html = stack.get(path).text
        for attributes in re.findall(r"<script\b([^>]*)>", html):
            assert "src=" in attributes or "application/ld+json" in attributes, (path, attributes)


def test_https_hardening_is_on_unless_the_stack_says_plain_http(stack):
    response = stack.get("/healthz")
    assert response.json() == {"status": "ok"}
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
