"""Scheduled publishing and expiry: Wagtail's ``publish_scheduled``, run on a clock.

Editors set "go live" and "expiry" dates in the page's settings in Finnish time (the admin's
TIME_ZONE, Europe/Helsinki); Wagtail stores them in UTC, so a run compares instants and the
daylight-saving changes cannot shift a publication by an hour. The worker is
``manage.py run_scheduler``; ``make run`` starts it next to the web server.

The worker does not wait for its next round when a go-live or expiry time falls before it:
it sleeps until that instant (:func:`seconds_until_due`, re-read every
:data:`RECHECK_SECONDS`), so an expired page is unpublished, and the change feed's
``unpublished`` event logged, when the page stops being visible, not a round later.
"""

from __future__ import annotations

import datetime as dt
import io
import logging

from django.core.management import call_command
from django.db import DatabaseError, close_old_connections, connection
from django.db.models import Min
from django.utils import timezone
from wagtail.models import Page, Revision

#: How often the worker re-reads the next due time (a schedule saved meanwhile).
RECHECK_SECONDS = 1.0

logger = logging.getLogger(__name__)


def publish_due() -> str:
    """Publish every revision whose go-live time has come and unpublish expired pages.

    Returns Wagtail's report of what it did (empty when nothing was due).
    """
    output = io.StringIO()
    call_command("publish_scheduled", stdout=output)
    return output.getvalue()


def tick() -> bool:
    """One scheduler run; a database hiccup is logged and retried at the next tick."""
    if not connection.in_atomic_block:
        # A long-running loop must not keep a connection the server has dropped; inside
        # a transaction (a test, a caller's atomic block) the connection must stay.
        close_old_connections()
    try:
        report = publish_due()
    except DatabaseError:
        logger.exception("Scheduled publishing failed; retrying at the next tick")
        return False
    if report.strip():
        logger.info("Scheduled publishing: %s", report.strip())
    return True


def next_due(now: dt.datetime) -> dt.datetime | None:
    """The next instant a page goes live or expires after ``now`` (None: nothing scheduled)."""
    expiry = Page.objects.filter(live=True, expire_at__gt=now).aggregate(at=Min("expire_at"))
    go_live = Revision.page_revisions.filter(approved_go_live_at__gt=now).aggregate(
        at=Min("approved_go_live_at")
    )
    times = [at for at in (expiry["at"], go_live["at"]) if at is not None]
    return min(times, default=None)


def seconds_until_due(interval: float, now: dt.datetime | None = None) -> float:
    """How long the worker may sleep: until the next scheduled instant, at most ``interval``.

    Capped at :data:`RECHECK_SECONDS` too, so a schedule an editor saves while the worker
    sleeps is seen within that time.
    """
    now = now or timezone.now()
    due = next_due(now)
    wait = min(interval, RECHECK_SECONDS)
    if due is not None:
        wait = min(wait, (due - now).total_seconds())
    return max(0.0, wait)
