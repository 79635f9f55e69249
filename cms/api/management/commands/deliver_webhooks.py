"""``manage.py deliver_webhooks``: the webhook delivery loop (its own process).

Run one per app server (or one in all): lanes are claimed per subscriber in the database,
so the processes share the subscribers and each subscriber still gets its events in order.
"""

from __future__ import annotations

import signal
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections, connection

from cms.api import webhooks


def close_dropped_connections() -> None:
    """Drop connections the database closed, but never the one of an open transaction
    (a caller's atomic block, a test)."""
    if not connection.in_atomic_block:
        close_old_connections()


class Command(BaseCommand):
    help = "Send webhook deliveries, several subscribers at once, each in feed order."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--lanes",
            type=int,
            default=webhooks.DEFAULT_LANES,
            help="Subscribers served at once by this process.",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=webhooks.POLL_INTERVAL_SECONDS,
            help="Seconds between looks for new or due deliveries.",
        )
        parser.add_argument("--once", action="store_true", help="Send what is due now, then exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["lanes"] < 1 or options["interval"] <= 0:
            raise CommandError("--lanes must be at least 1 and --interval more than 0.")
        loop = webhooks.DeliveryLoop(
            lanes=options["lanes"],
            interval=options["interval"],
            # A long-running process must not keep a connection the database dropped.
            between_rounds=close_dropped_connections,
        )
        if options["once"]:
            loop.run(until_idle=True)
            return
        stop = threading.Event()
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, lambda *_args: stop.set())
        loop.run(stop)
