"""A bounded concurrent run: editors publish and unpublish while partners poll over HTTP.

Run as ``python -m tests.core.concurrency_run`` with ``DATABASE_URL`` naming a database
that is already migrated (``tests/core/test_concurrency.py`` prepares a copy of the test
database). It serves the project on 127.0.0.1 (a free port) with Django's threaded WSGI
server, starts ``PUBLISHERS`` threads that toggle their own publications between published
and unpublished through Wagtail's revisions (as the admin does) and ``POLLERS`` threads
that read ``/api/v1/publications/`` and follow ``/api/v1/changes/`` by cursor, and prints one JSON
object with the figures: operations, failed operations, requests, 5xx, errors, events
logged, and events each poller missed.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request

PUBLISHERS = int(os.environ.get("CONCURRENCY_PUBLISHERS", "3"))
POLLERS = int(os.environ.get("CONCURRENCY_POLLERS", "4"))
OPERATIONS = int(os.environ.get("CONCURRENCY_OPERATIONS", "60"))
TIME_LIMIT = float(os.environ.get("CONCURRENCY_TIME_LIMIT", "60"))


def main() -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application
    from django.db import connection
    from wagtail.models import Site

    from cms.api.models import ChangeEvent
    from tests.publications.factories import PublicationIndexPageFactory, PublicationPageFactory

    home = Site.objects.get(is_default_site=True).root_page.specific
    index = PublicationIndexPageFactory(parent=home)
    index.save_revision().publish()
    pages_per_publisher = 2
    own_pages = [
        [
            PublicationPageFactory(
                parent=index, title=f"Rinnakkainen julkaisu {p}-{n}", live=False
            ).pk
            for n in range(pages_per_publisher)
        ]
        for p in range(PUBLISHERS)
    ]
    connection.close()

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args) -> None:
            """No access log."""

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.set_app(get_wsgi_application())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    lock = threading.Lock()
    figures = {"operations": 0, "failed_operations": 0, "requests": 0, "server_errors": 0}
    errors: list[str] = []
    publishing_done = threading.Event()
    deadline = time.monotonic() + TIME_LIMIT

    def publisher(number: int) -> None:
        from wagtail.models import Page

        for operation in range(OPERATIONS // PUBLISHERS):
            if time.monotonic() > deadline:
                break
            page_id = own_pages[number][operation % pages_per_publisher]
            try:
                page = Page.objects.get(pk=page_id).specific
                if page.live:
                    page.unpublish()
                else:
                    page.save_revision().publish()
                with lock:
                    figures["operations"] += 1
            except Exception as error:  # counted and reported: the figure under test
                with lock:
                    figures["failed_operations"] += 1
                    errors.append(f"publish: {type(error).__name__}: {error}")
        connection.close()

    def get(url: str) -> dict | None:
        try:
            with urllib.request.urlopen(base + url, timeout=30) as response:
                body = json.load(response)
            status = response.status
        except urllib.error.HTTPError as error:
            status, body = error.code, None
        except OSError as error:
            with lock:
                figures["requests"] += 1
                errors.append(f"GET {url}: {error}")
            return None
        with lock:
            figures["requests"] += 1
            if status >= 500:
                figures["server_errors"] += 1
                errors.append(f"GET {url}: HTTP {status}")
        return body if status == 200 else None

    seen: list[list[tuple[str, int]]] = [[] for _ in range(POLLERS)]

    def follow(number: int, cursor: str | None) -> str | None:
        while True:
            query = "?limit=100" + (f"&cursor={cursor}" if cursor else "")
            body = get(f"/api/v1/changes/{query}")
            if body is None:
                return cursor
            seen[number].extend((item["event"], item["id"]) for item in body["items"])
            cursor = body["next_cursor"]
            if not body["has_more"]:
                return cursor

    def poller(number: int) -> None:
        cursor = None
        while not publishing_done.is_set():
            get("/api/v1/publications/")
            cursor = follow(number, cursor)
        follow(number, cursor)  # the final catch-up after the last publish

    publishers = [threading.Thread(target=publisher, args=(n,)) for n in range(PUBLISHERS)]
    pollers = [threading.Thread(target=poller, args=(n,)) for n in range(POLLERS)]
    started = time.monotonic()
    for thread in pollers + publishers:
        thread.start()
    for thread in publishers:
        thread.join()
    publishing_done.set()
    for thread in pollers:
        thread.join()
    server.shutdown()
    server.server_close()

    # The feed hands events out in commit order: by writing transaction, then id.
    logged = [(event.event, event.page_id) for event in ChangeEvent.objects.order_by("txid", "id")]
    figures.update(
        events=len(logged),
        missed_events=[len(logged) - len(received) for received in seen],
        out_of_order_pollers=sum(received != logged for received in seen),
        seconds=round(time.monotonic() - started, 1),
        database=connection.vendor,
        errors=errors[:10],
    )
    connection.close()
    return figures


if __name__ == "__main__":
    json.dump(main(), sys.stdout)
