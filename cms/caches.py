"""The ``CACHES`` setting from ``CACHE_URL``.

The cache holds state every web and worker process must agree on: rendered listing cards
and filter forms, the vocabulary catalogue's version stamp, the partner API's rate counters
and freshness stamps, the search engine's outage state. A per-process memory cache is right
for one process (tests, a single ``runserver``); anything with several processes needs a
shared one: Redis, or a table in the database.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.core.cache.backends import redis as django_redis
from django.core.exceptions import ImproperlyConfigured

SHARED_SCHEMES = ("redis", "rediss", "db")
#: The cache alias of the partner API's rate counters (``PARTNER_API_RATE_CACHE``).
RATE_LIMITS = "rate_limits"


def caches_from_url(url: str) -> dict[str, dict[str, Any]]:
    """``redis://host:6379/0`` or ``rediss://…``: Redis; ``db://table``: a database table
    (create it with ``manage.py createcachetable``); ``locmem://`` or empty: process memory.
    """
    scheme = urlsplit(url).scheme if url else "locmem"
    if scheme in ("redis", "rediss"):
        backend = {"BACKEND": "cms.caches.RedisCache", "LOCATION": url}
    elif scheme == "db":
        table = urlsplit(url).netloc or urlsplit(url).path.strip("/")
        if not table:
            raise ImproperlyConfigured(
                "CACHE_URL db:// needs a table name, e.g. db://django_cache."
            )
        backend = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": table}
    elif scheme == "locmem":
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    else:
        raise ImproperlyConfigured(
            f"CACHE_URL scheme {scheme!r} is not supported; use redis://, rediss://, db:// "
            "or locmem://."
        )
    return {"default": backend, RATE_LIMITS: rate_limit_cache(backend)}


def rate_limit_cache(default: dict[str, Any]) -> dict[str, Any]:
    """Where the partner API counts requests: Redis if the default cache is Redis.

    Counting writes on every request. In Redis that is what it is for; in a database table
    every read request would take the database's write lock (SQLite has one), so with a
    database or memory cache each process counts in its own memory: the anonymous limit is
    then per process, which errs on the generous side and never blocks a publish.
    """
    if default["BACKEND"].endswith("RedisCache"):
        return dict(default)
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": RATE_LIMITS}


def is_shared(url: str) -> bool:
    """Whether ``CACHE_URL`` names a cache every process sees."""
    return bool(url) and urlsplit(url).scheme in SHARED_SCHEMES


class RedisCacheClient(django_redis.RedisCacheClient):
    """Django's Redis client, keeping one redis-py client per connection pool.

    Django builds a new ``redis.Redis`` for every cache operation; with redis-py 7 that
    copies its table of some 160 response callbacks each time, which cost more than the
    round trip itself (a partner API revalidation made five of them). A ``redis.Redis``
    holds no connection of its own (it borrows one from the pool per command) and is safe
    to share between threads, so one per pool is kept and reused.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(
        self, key: str | bytes | memoryview | None = None, *, write: bool = False
    ) -> Any:
        # Django's own attributes, which its type stubs do not declare.
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(  # type: ignore[attr-defined]
                connection_pool=pool
            )
        return client


class RedisCache(django_redis.RedisCache):
    """Django's Redis cache backend with :class:`RedisCacheClient`."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient
