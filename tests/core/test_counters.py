"""Rate counters are atomic on every supported cache: no increment is lost under threads."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.db import connection

from cms.caches import RedisCache
from cms.counters import increment

THREADS = 8
PER_THREAD = 25


def hammer(cache, key: str) -> list[int]:
    """Increment ``key`` from several threads at once; every returned value is collected."""

    def work(_thread: int) -> list[int]:
        values = [increment(cache, key, timeout=60) for _ in range(PER_THREAD)]
        connection.close()
        return values

    with ThreadPoolExecutor(THREADS) as pool:
        return [value for values in pool.map(work, range(THREADS)) for value in values]


def assert_exact(values: list[int]) -> None:
    # Atomic counting hands out every number exactly once: none repeated, none skipped.
    assert sorted(values) == list(range(1, THREADS * PER_THREAD + 1))


def test_local_memory_counter_is_atomic():
    cache = LocMemCache("counter-test", {})
    assert_exact(hammer(cache, "rate:ip:1"))


@pytest.fixture
def redis_url():
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.backend_independent
def test_redis_counter_is_atomic_and_expires(redis_url):
    # The product's backend: one redis-py client per pool, shared by the threads.
    cache = RedisCache(redis_url, {})
    assert_exact(hammer(cache, "rate:ip:2"))
    client = cache._cache.get_client(write=True)
    assert 0 < client.ttl(cache.make_and_validate_key("rate:ip:2")) <= 60
    cache.set_many({"a": "yksi", "b": 2})
    assert cache.get_many(["a", "b", "c"]) == {"a": "yksi", "b": 2}


@pytest.fixture
def table_cache(db):
    """A cache table inside the test's transaction (rolled back with it)."""
    call_command("createcachetable", "counter_test_cache")
    return DatabaseCache("counter_test_cache", {})


def test_database_table_counter_is_one_statement(table_cache, django_assert_num_queries):
    # One INSERT … ON CONFLICT DO UPDATE … RETURNING: the database applies it atomically,
    # where Django's generic incr() reads, then writes in a second statement.
    with django_assert_num_queries(1) as captured:
        assert increment(table_cache, "rate:ip:3", timeout=60) == 1
    assert "ON CONFLICT" in captured.captured_queries[0]["sql"]
    values = [1] + [increment(table_cache, "rate:ip:3", timeout=60) for _ in range(9)]
    assert values == list(range(1, 11))
    assert increment(table_cache, "rate:ip:other", timeout=60) == 1


def test_database_table_counter_restarts_after_its_window(table_cache):
    increment(table_cache, "rate:ip:5", timeout=60)
    increment(table_cache, "rate:ip:5", timeout=60)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE counter_test_cache SET expires = %s", ["2000-01-01 00:00:00"])
    assert increment(table_cache, "rate:ip:5", timeout=60) == 1
