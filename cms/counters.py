"""Atomic fixed-window counters on every cache backend the project supports.

Django's ``cache.incr`` is atomic on local memory (a lock) but the base implementation,
which the database cache uses, reads and then writes: concurrent requests read the same
value and the count falls behind (a limit of 120 let 268 requests through). Each backend
gets a single atomic step here:

- local memory: ``add`` and ``incr`` under the backend's own lock;
- Redis: ``SET key 0 EX window NX`` and ``INCR`` in one MULTI/EXEC transaction;
- database table: one ``INSERT … ON CONFLICT DO UPDATE … RETURNING`` statement (SQLite
  3.35+ and PostgreSQL), which restarts the count when the stored window has expired.

The database variant writes a row per request, so the partner API counts in the
``rate_limits`` cache (see :mod:`cms.caches`), which is the database only if configured so.
"""

from __future__ import annotations

import datetime as dt

from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.db import connections, router
from django.utils import timezone


def increment(cache: BaseCache, key: str, timeout: int) -> int:
    """Add one to ``key`` (created at 0 with ``timeout`` seconds to live) and return it."""
    if isinstance(cache, RedisCache):
        return _increment_redis(cache, key, timeout)
    if isinstance(cache, DatabaseCache):
        return _increment_table(cache, key, timeout)
    if isinstance(cache, LocMemCache):
        return _increment_locmem(cache, key, timeout)
    raise TypeError(f"No atomic counter for the cache backend {type(cache).__name__}.")


def _increment_locmem(cache: LocMemCache, key: str, timeout: int) -> int:
    # add() and incr() each take the lock; a key that expires in between is re-added.
    while True:
        cache.add(key, 0, timeout=timeout)
        try:
            return cache.incr(key)
        except ValueError:
            continue


def _increment_redis(cache: RedisCache, key: str, timeout: int) -> int:
    full_key = cache.make_and_validate_key(key)
    client = cache._cache.get_client(full_key, write=True)
    with client.pipeline(transaction=True) as pipeline:
        pipeline.set(full_key, 0, ex=timeout, nx=True)
        pipeline.incr(full_key)
        _created, value = pipeline.execute()
    return int(value)


def _increment_table(cache: DatabaseCache, key: str, timeout: int) -> int:
    full_key = cache.make_and_validate_key(key)
    alias = router.db_for_write(cache.cache_model_class)
    connection = connections[alias]
    table = connection.ops.quote_name(cache._table)
    now = timezone.now().replace(microsecond=0)
    expires = connection.ops.adapt_datetimefield_value(now + dt.timedelta(seconds=timeout))
    now = connection.ops.adapt_datetimefield_value(now)
    sql = (
        f"INSERT INTO {table} (cache_key, value, expires) VALUES (%s, '1', %s) "
        f"ON CONFLICT (cache_key) DO UPDATE SET "
        f"value = CASE WHEN {table}.expires < %s THEN '1' "
        f"ELSE CAST(CAST({table}.value AS INTEGER) + 1 AS TEXT) END, "
        f"expires = CASE WHEN {table}.expires < %s THEN %s ELSE {table}.expires END "
        f"RETURNING value"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [full_key, expires, now, now, expires])
        (value,) = cursor.fetchone()
    return int(value)
