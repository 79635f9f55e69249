"""The background task that brings the search backends up to date (see search.indexing)."""

from __future__ import annotations

import datetime as dt
import logging

from django.core.cache import cache
from django.utils import timezone
from django_tasks import default_task_backend, task

from search.indexing import EngineUnavailable, apply_pending_updates, pending_count

logger = logging.getLogger(__name__)

#: Retry delays grow from 30 seconds to this cap and go on until the engine answers.
MAX_RETRY_DELAY = dt.timedelta(minutes=10)
FIRST_RETRY_DELAY = dt.timedelta(seconds=30)
_RETRY_SCHEDULED_KEY = "search:sync-retry-scheduled"


def retry_delay(attempt: int) -> dt.timedelta:
    """Exponential back-off: 30 s, 60 s, 120 s... capped at :data:`MAX_RETRY_DELAY`."""
    doublings = min(max(attempt - 1, 0), 16)  # 2**16 × 30 s is far past the cap already
    return min(FIRST_RETRY_DELAY * 2**doublings, MAX_RETRY_DELAY)


def schedule_retry(attempt: int) -> bool:
    """Enqueue the task again after a delay, once however many runs failed at the same time.

    Returns False when the task backend cannot defer tasks (tests run them immediately);
    the queued rows then wait for the next save or for ``manage.py reindex``.
    """
    if not default_task_backend.supports_defer:
        return False
    delay = retry_delay(attempt)
    if not cache.add(_RETRY_SCHEDULED_KEY, True, timeout=int(delay.total_seconds())):
        return True
    sync_search_index.using(run_after=timezone.now() + delay).enqueue(attempt=attempt)
    return True


@task()
def sync_search_index(attempt: int = 0) -> int:
    """Apply queued index updates; when the engine is down, keep them and try again later."""
    try:
        return apply_pending_updates()
    except EngineUnavailable as error:
        if attempt > 0:
            cache.delete(_RETRY_SCHEDULED_KEY)
        retrying = schedule_retry(attempt + 1)
        logger.warning(
            "Search engine unavailable (%s); %d index updates wait%s",
            error,
            pending_count(),
            f", retry {attempt + 1} scheduled" if retrying else " for the next run",
        )
        return 0
