"""``manage.py run_scheduler``: publish and expire scheduled pages when their time comes."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.editorial.scheduler import RECHECK_SECONDS, seconds_until_due, tick


class Command(BaseCommand):
    help = (
        "Publish pages whose go-live time has come and unpublish expired ones, at that "
        "time and at least every --interval seconds (default: SCHEDULER_INTERVAL). "
        "Stop with Ctrl-C."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--interval", type=int, default=None, help="Seconds between runs.")
        parser.add_argument("--once", action="store_true", help="Run once and exit.")

    def handle(self, *args, interval: int | None, once: bool, **options) -> None:
        interval = settings.SCHEDULER_INTERVAL if interval is None else interval
        if interval < 1:
            raise CommandError("--interval must be at least 1 second.")
        if once:
            if not tick():
                raise CommandError("Scheduled publishing failed; see the log.")
            return
        self.stdout.write(f"Scheduled publishing every {interval} s. Stop with Ctrl-C.")
        try:
            while True:
                tick()
                # Sleep until the next go-live or expiry instant (re-read every second),
                # and run a full round at least every interval.
                next_round = time.monotonic() + interval
                while (remaining := next_round - time.monotonic()) > 0:
                    wait = seconds_until_due(remaining)
                    time.sleep(wait)
                    if wait < RECHECK_SECONDS and wait < remaining:
                        break
        except KeyboardInterrupt:
            self.stdout.write("Scheduler stopped.")
