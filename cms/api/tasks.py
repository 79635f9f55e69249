"""Background work of the change feed, on its own ``changes`` queue.

Search indexing runs on ``default`` and webhook deliveries in their own process
(``manage.py deliver_webhooks``), so a slow partner endpoint never holds up the feed or the
search index (and vice versa).
"""

from __future__ import annotations

from django.core.cache import cache
from django_tasks import task

QUEUE = "changes"
#: Set while a :func:`refresh_all_items` is queued; a lost flag expires after a while.
REFRESH_PENDING_KEY = "partner-api:refresh-all-pending"
REFRESH_PENDING_SECONDS = 600


@task(queue_name=QUEUE)
def refresh_all_items() -> int:
    """After a vocabulary row changed: ``updated`` for every item whose JSON changed."""
    from cms.api import change_log, representations

    cache.delete(REFRESH_PENDING_KEY)  # edits from now on queue another run
    return len(change_log.refresh(representations.all_content_pages()))
