"""With the default multi-process setup (a database cache table), reads write nothing.

SQLite has one write lock; a read request that writes (rate counters in the cache table)
queues behind every publish and makes publishes fail under load.
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.caches import caches_from_url

pytestmark = pytest.mark.django_db
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


def test_api_reads_write_nothing_with_a_database_cache(client, settings, make_publication):
    settings.CACHES = caches_from_url("db://read_test_cache")  # Django rebuilds `caches`
    call_command("createcachetable", "read_test_cache")
    make_publication(title="Julkaisu")
    urls = ["/api/v1/publications/", "/api/v1/changes/", "/api/v1/pages/", "/api/v1/themes/"]
    for url in urls:
        assert client.get(url).status_code == 200  # warm: first reads may fill the cache

    with CaptureQueriesContext(connection) as captured:
        for _round in range(3):
            for url in urls:
                assert client.get(url).status_code == 200

    writes = [query["sql"] for query in captured.captured_queries if WRITE.match(query["sql"])]
    assert writes == []
    assert type(caches["default"]).__name__ == "DatabaseCache"
