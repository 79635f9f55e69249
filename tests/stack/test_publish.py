"""A publish, an unpublish and a move reach readers through Varnish at once (purge), and
the partner API's change feed records them."""

from __future__ import annotations

import time
import uuid

import pytest

pytestmark = [pytest.mark.product, pytest.mark.backend_independent]

#: How long a published change may take to show through the cache (the purge worker polls
#: its queue every 0.1 s).
VISIBLE_WITHIN = 3.0

FIND_PAGE = """
import json
from pages.news.models import NewsPage
page = NewsPage.objects.live().public().filter(locale__language_code='fi').order_by('pk').first()
listing = page.get_parent()
print(json.dumps({'id': page.pk, 'path': page.url, 'listing': listing.url, 'title': page.title}))
"""


def change_title(stack, page_id: int, title: str) -> None:
    stack.shell(
        "from wagtail.models import Page\n"
        f"page = Page.objects.get(pk={page_id}).specific\n"
        f"page.title = {title!r}\n"
        "page.save_revision().publish()\n"
        "print('null')"
    )


def last_cursor(stack) -> str:
    """The change feed's cursor after its newest event."""
    page = stack.get("/api/v1/changes/?limit=100").json()
    while page["has_more"]:
        page = stack.get(f"/api/v1/changes/?limit=100&cursor={page['next_cursor']}").json()
    return page["next_cursor"]


def wait_until(stack, path: str, predicate, timeout: float = VISIBLE_WITHIN) -> float:
    """Seconds until ``predicate(response)`` holds for ``path`` through Varnish."""
    started = time.monotonic()
    while True:
        response = stack.get(path)
        if predicate(response):
            return time.monotonic() - started
        if time.monotonic() - started > timeout:
            raise AssertionError(f"{path} still stale after {timeout} s: {response.status_code}")
        time.sleep(0.05)


@pytest.fixture(scope="module")
def news(stack) -> dict:
    return stack.shell(FIND_PAGE)


def test_publish_is_visible_through_varnish_everywhere_the_page_shows(stack, news):
    places = [
        news["path"],
        news["listing"],
        "/fi/feeds/news/rss.xml",
        "/fi/feeds/news/atom.xml",
        "/sitemap.xml",
        f"/api/v1/news/{news['id']}",
        "/api/v1/news/?limit=100",
        f"/api/v1/pages/{news['id']}",
    ]
    for path in places:  # fill the cache
        stack.get(path)
        assert stack.get(path).headers["X-Cache"] == "hit", path
    # ASCII: the API's JSON escapes other characters.
    new_title = f"Uusi otsikko {uuid.uuid4().hex[:8]}"
    cursor = last_cursor(stack)
    change_title(stack, news["id"], new_title)
    published_at = time.monotonic()
    stack.count("publishes")
    for path in places[:-1]:
        if path == "/sitemap.xml":
            continue  # the sitemap lists URLs, not titles: checked to be refreshed below
        wait_until(stack, path, lambda response: new_title in response.text)
    slowest = time.monotonic() - published_at
    stack.measured["publish_visible_seconds"] = round(slowest, 2)
    assert stack.get("/sitemap.xml").headers["X-Cache"] == "miss"
    assert new_title in stack.get(f"/api/v1/pages/{news['id']}").text
    events = stack.get(f"/api/v1/changes/?cursor={cursor}").json()["items"]
    assert [(event["id"], event["event"]) for event in events] == [(news["id"], "updated")]


def test_unpublish_removes_the_page_from_the_cache_at_once(stack, news):
    other = stack.shell(FIND_PAGE.replace(".order_by('pk').first()", ".order_by('-pk').first()"))
    assert other["id"] != news["id"]
    stack.get(other["path"])
    assert stack.get(other["path"]).headers["X-Cache"] == "hit"
    stack.get(news["listing"])
    stack.shell(
        "from wagtail.models import Page\n"
        f"Page.objects.get(pk={other['id']}).unpublish()\n"
        "print('null')"
    )
    stack.count("unpublishes")
    seconds = wait_until(stack, other["path"], lambda response: response.status_code == 404)
    stack.measured["unpublish_visible_seconds"] = round(seconds, 2)
    assert other["title"] not in stack.get(news["listing"]).text


def test_purges_were_sent_from_the_purge_worker(stack):
    purged = [line for line in stack.log_lines("purge_worker") if "Purging URL" in line]
    stack.measured["purged_urls"] = len(purged)
    assert purged
