"""When public content last changed, for ``Last-Modified`` and ``If-Modified-Since``.

A list can change without any remaining item changing (an item was unpublished), so the
API answers with the time of the latest public change anywhere: a page event, a view
restriction or a vocabulary edit. It is kept in the shared cache, so reading it costs no
query; a cold cache starts the clock at the first request, which is always safe.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.cache import cache
from django.utils import timezone

CACHE_KEY = "partner-api:content-changed-at"


def mark_changed(**_signal_kwargs: Any) -> None:
    """Record that public content changed now (also usable as a signal receiver)."""
    cache.set(CACHE_KEY, timezone.now().replace(microsecond=0), timeout=None)


def changed_at() -> dt.datetime:
    value = cache.get(CACHE_KEY)
    if value is None:
        value = timezone.now().replace(microsecond=0)
        cache.add(CACHE_KEY, value, timeout=None)
        value = cache.get(CACHE_KEY, value)
    return value
