"""The change feed never skips an event that commits after a later one was read.

Two editors on PostgreSQL, each with a real connection and transaction: A publishes inside
a transaction that stays open while B publishes and commits and a partner polls the feed.
Search indexing is paused: the tests' task backend would run it inside the editors'
transactions (in production the worker runs it after the commit), where the two index
writes wait for each other.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, transaction

from cms.testing import publish
from search.indexing import paused_index_updates
from tests.publications.factories import PublicationIndexPageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def events(body: dict) -> list[tuple[str, int]]:
    return [(item["event"], item["id"]) for item in body["items"]]


def settled_page(client, url: str, expected: int = 2) -> dict:
    """The feed page once ``expected`` events are out. Transaction ids are the cluster's: a
    transaction still open in another database (another test worker's) holds events back
    too, for as long as it stays open; they are delayed, never skipped."""
    deadline = time.monotonic() + 60
    while True:
        body = client.get(url).json()
        if len(body["items"]) >= expected or time.monotonic() > deadline:
            return body
        time.sleep(0.2)


def test_an_event_committed_after_a_later_one_is_not_skipped(client, home_page):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writing transaction at a time: ids are commit order")
    index = publish(PublicationIndexPageFactory(parent=home_page))
    first = publish(PublicationPageFactory(parent=index, title="Ensimmäinen"))
    second = publish(PublicationPageFactory(parent=index, title="Toinen"))
    settled_page(client, "/api/v1/changes/")  # the two publishes are out
    head = client.get("/api/v1/changes/head/").json()["cursor"]

    a_logged, partner_polled, failures = threading.Event(), threading.Event(), []

    def editor_a() -> None:
        try:
            with paused_index_updates(), transaction.atomic():
                first.title = "Ensimmäinen, muutettu"
                publish(first)
                a_logged.set()
                assert partner_polled.wait(30), "the partner never polled"
        except BaseException as error:  # reported by the main thread
            failures.append(error)
            a_logged.set()
        finally:
            connection.close()

    thread = threading.Thread(target=editor_a)
    thread.start()
    assert a_logged.wait(30)
    second.title = "Toinen, muutettu"
    with paused_index_updates():
        publish(second)  # B commits while A's transaction is still open
    during = client.get(f"/api/v1/changes/?cursor={head}").json()
    partner_polled.set()
    thread.join(30)
    assert not failures, failures

    later = settled_page(client, f"/api/v1/changes/?cursor={during['next_cursor']}")

    # B's event waits behind A's open transaction instead of moving the cursor past it.
    assert events(during) == []
    assert during["next_cursor"] == head
    assert events(later) == [("updated", first.pk), ("updated", second.pk)]
    everything = client.get("/api/v1/changes/").json()
    assert events(everything)[-2:] == events(later)
    assert client.get("/api/v1/changes/head/").json()["cursor"] == later["next_cursor"]
