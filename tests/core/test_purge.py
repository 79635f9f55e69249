"""Publishing, unpublishing and moving purge every place the page shows from the proxy.

A real HTTP server stands in for Varnish and records the PURGE requests that
``wagtail.contrib.frontend_cache`` sends (the task runs at once under the test settings).
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

pytestmark = pytest.mark.django_db


class _Recorder(BaseHTTPRequestHandler):
    received: list[tuple[str, str]] = []

    def do_PURGE(self) -> None:
        type(self).received.append((self.command, self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def purged(settings):
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Recorder.received = []
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    yield _Recorder.received
    server.shutdown()


def paths(received: list[tuple[str, str]]) -> set[str]:
    assert {method for method, _ in received} <= {"PURGE"}
    return {path for _, path in received}


@pytest.mark.parametrize("key", ["publications", "events"])
def test_publish_purges_page_listing_home_feeds_sitemap_and_api(
    make_publication, make_event, purged, django_capture_on_commit_callbacks, key
):
    make = {"publications": make_publication, "events": make_event}[key]
    with django_capture_on_commit_callbacks(execute=True):
        page = make()
    listing = page.get_parent()
    assert paths(purged) >= {
        page.url,
        listing.url,
        listing.get_parent().url,
        f"/fi/feeds/{key}/*",
        f"/fi/calendar/{key}*",
        "/fi/search/*",
        "/sitemap.xml",
        f"/api/v1/{key}/",
        f"/api/v1/{key}/{page.pk}",
        "/api/v1/pages/",
        f"/api/v1/pages/{page.pk}",
        "/api/v1/search/",
        "/api/v1/changes/",
    }


def test_unpublish_and_move_purge_the_old_places(
    make_event, purged, django_capture_on_commit_callbacks
):
    event = make_event()
    old_url = event.url
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event.unpublish()
    assert {old_url, event.get_parent().url, "/api/v1/events/"} <= paths(purged)

    second = make_event(title="Siirrettävä tapahtuma")
    old_second_url = second.url
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        second.move(second.get_parent().get_parent(), pos="last-child")
    second.refresh_from_db()
    assert f"{old_second_url}*" in paths(purged)
    assert second.url in paths(purged)
