"""Background work of the change feed, on its own ``changes`` queue.

Webhook deliveries run on the ``webhooks`` queue and search indexing on ``default``, so a
slow partner endpoint never holds up the feed or the search index (and vice versa).
"""

from __future__ import annotations

from django.core.cache import cache
from django_tasks import task
from wagtail.models import Page

QUEUE = "changes"
#: Set while a :func:`refresh_all_items` is queued; a lost flag expires after a while.
REFRESH_PENDING_KEY = "partner-api:refresh-all-pending"
REFRESH_PENDING_SECONDS = 600


@task(queue_name=QUEUE)
def record_expiry(page_id: int) -> str:
    """At a page's expiry time: log ``unpublished`` if it has stopped being public."""
    from cms.api import change_log

    page = Page.objects.filter(pk=page_id).first()
    if page is None or change_log.is_public(page):
        return "still public" if page is not None else "gone"
    return "logged" if change_log.record_withdrawn(page) is not None else "not announced"


@task(queue_name=QUEUE)
def refresh_all_items() -> int:
    """After a vocabulary row changed: ``updated`` for every item whose JSON changed."""
    from cms.api import change_log, representations

    cache.delete(REFRESH_PENDING_KEY)  # edits from now on queue another run
    return len(change_log.refresh(representations.all_content_pages()))
