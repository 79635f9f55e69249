"""Who is calling and how much they may: partner keys, per-key quotas, per-IP rates.

Public content is open data: without a key a client may make a modest number of requests
per minute from one IP address. A partner key (``Authorization: Bearer <key>`` or
``X-Api-Key: <key>``) raises that to the key's daily quota. Counters live in the shared
cache in fixed windows; the answer past the limit is 429 with ``Retry-After``.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from cms.api.models import PartnerKey, hash_key
from cms.counters import increment

#: ``last_used_at`` is written at most this often per key, not on every request.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)
#: Keys are read from the shared cache (a poll then costs no query); saves drop them.
KEY_CACHE_PREFIX = "partner-api:key:"
KEY_CACHE_SECONDS = 60 * 60
DAY = 24 * 60 * 60
MINUTE = 60


class InvalidKey(Exception):
    """A key was given but is unknown, revoked or expired."""


@dataclass(frozen=True)
class Allowance:
    """The outcome of counting one request against a limit."""

    allowed: bool
    limit: int
    remaining: int
    retry_after: int

    def headers(self) -> dict[str, str]:
        return {"X-RateLimit-Limit": str(self.limit), "X-RateLimit-Remaining": str(self.remaining)}


def presented_key(request: HttpRequest) -> str | None:
    # META directly: request.headers builds a dict of every header on first use.
    authorization = request.META.get("HTTP_AUTHORIZATION", "")
    if authorization[:7].lower() == "bearer ":
        return authorization[7:].strip() or None
    return request.META.get("HTTP_X_API_KEY") or None


def key_cache_key(raw_key: str) -> str:
    """Where the shared cache keeps the record of a presented key."""
    return KEY_CACHE_PREFIX + hash_key(raw_key)


def last_use_due(key: PartnerKey, now: dt.datetime) -> bool:
    """Whether this request should record ``last_used_at`` (see LAST_USED_RESOLUTION)."""
    return key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION


def authenticate(request: HttpRequest) -> PartnerKey | None:
    """The usable partner key of the request, ``None`` without one; raises for a bad one."""
    raw_key = presented_key(request)
    if raw_key is None:
        return None
    hashed = hash_key(raw_key)
    key = cache.get(KEY_CACHE_PREFIX + hashed)
    if key is None:
        key = PartnerKey.objects.filter(hashed_key=hashed).first()
        if key is not None:
            cache.set(KEY_CACHE_PREFIX + hashed, key, timeout=KEY_CACHE_SECONDS)
    if key is None or not key.is_usable():
        raise InvalidKey
    now = timezone.now()
    if last_use_due(key, now):
        PartnerKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now
        cache.set(KEY_CACHE_PREFIX + hashed, key, timeout=KEY_CACHE_SECONDS)
    return key


def forget_key(sender: type, instance: PartnerKey, **kwargs: object) -> None:
    """Drop a saved or deleted key from the cache, now and at commit (a signal receiver).

    A revoked key is refused from the next request on, in every process; the second
    delete covers a request that re-cached the row as it was before the commit.
    """
    cache_key = KEY_CACHE_PREFIX + instance.hashed_key
    cache.delete(cache_key)
    transaction.on_commit(lambda: cache.delete(cache_key))


def client_ip(request: HttpRequest) -> str:
    """The caller's address; behind a proxy, the last hop it appended to the header."""
    header = settings.PARTNER_API_CLIENT_IP_HEADER
    if header:
        forwarded = [part.strip() for part in request.META.get(header, "").split(",")]
        if forwarded and forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "unknown")


def count(bucket: str, limit: int, window: int) -> Allowance:
    """Count one request in ``bucket`` within the current fixed window of ``window`` s.

    Counting is atomic on every cache (:mod:`cms.counters`) and happens in the
    ``PARTNER_API_RATE_CACHE`` alias, which never writes the database unless configured
    to: a read request must not take SQLite's single write lock.
    """
    now = time.time()
    window_start = int(now // window) * window
    cache_key = f"partner-api:rate:{bucket}:{window_start}"
    used = increment(caches[settings.PARTNER_API_RATE_CACHE], cache_key, timeout=window + 1)
    retry_after = max(int(window_start + window - now), 1)
    return Allowance(used <= limit, limit, max(limit - used, 0), retry_after)


def allowance(request: HttpRequest, key: PartnerKey | None) -> Allowance:
    if key is not None:
        return count(f"key:{key.pk}", key.daily_quota, DAY)
    return ip_allowance(request)


def ip_allowance(request: HttpRequest) -> Allowance:
    """The anonymous per-address limit; requests with an invalid key count here too."""
    return count(f"ip:{client_ip(request)}", settings.PARTNER_API_ANONYMOUS_RATE, MINUTE)
