"""When public content last changed, for ``Last-Modified`` and ``If-Modified-Since``.

A list can change without any remaining item changing (an item was unpublished), so the
API answers with the time of the latest public change anywhere: a page event, a view
restriction or a vocabulary edit. It is kept in the shared cache, so reading it costs no
query; a cold cache starts the clock at the first request, which is always safe.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

CACHE_KEY = "partner-api:content-changed-at"
VERSION_KEY = "partner-api:content-version"


def _new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def mark_changed(**_signal_kwargs: Any) -> None:
    """Record that public content changed now (also usable as a signal receiver).

    The content version changes now and again when the transaction commits: a response
    computed in between (from the rows as they were) is stored under the middle version,
    which nobody asks for afterwards.
    """
    cache.set(CACHE_KEY, timezone.now().replace(microsecond=0), timeout=None)
    _new_version()
    transaction.on_commit(_new_version)


def content_version() -> str:
    """A token that differs after every public change (finer than :func:`changed_at`)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def changed_at() -> dt.datetime:
    value = cache.get(CACHE_KEY)
    if value is None:
        value = timezone.now().replace(microsecond=0)
        cache.add(CACHE_KEY, value, timeout=None)
        value = cache.get(CACHE_KEY, value)
    return value
