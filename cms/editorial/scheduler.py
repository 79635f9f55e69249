"""Scheduled publishing and expiry: Wagtail's ``publish_scheduled``, run on a clock.

Editors set "go live" and "expiry" dates in the page's settings in Finnish time (the admin's
TIME_ZONE, Europe/Helsinki); Wagtail stores them in UTC, so a run compares instants and the
daylight-saving changes cannot shift a publication by an hour. The worker is
``manage.py run_scheduler``; ``make run`` starts it next to the web server.
"""

from __future__ import annotations

import io
import logging

from django.core.management import call_command
from django.db import DatabaseError, close_old_connections, connection

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
