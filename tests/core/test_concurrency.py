"""Editors publish while partners poll: nothing fails, nothing is lost, no 5xx.

Runs :mod:`tests.core.concurrency_run` in a subprocess against a copy of the migrated test
database: on SQLite a file (WAL, busy timeout, immediate transactions), on PostgreSQL a
database cloned from the test database. The run is bounded in operations and seconds.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def database_copy(tmp_path: Path) -> tuple[str, callable]:
    """A ``DATABASE_URL`` of a copy of the (migrated, empty) test database, and its cleanup."""
    if connection.vendor == "sqlite":
        target = tmp_path / "concurrency.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        connection.connection.backup(copy)
        copy.close()
        return f"sqlite:///{target}", lambda: None
    settings = connection.settings_dict
    name = f"concurrency_{os.getpid()}"
    connection.close()
    with connection._nodb_cursor() as cursor:
        # A template must have no other session: the session-wide live server of the browser
        # tests keeps one open in its thread (it reconnects on its next request).
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [settings["NAME"]],
        )
        cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{settings["NAME"]}"')

    def drop() -> None:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')

    user = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    return f"postgres://{user}@{settings['HOST']}:{settings['PORT']}/{name}", drop


# Outside a test transaction, so the database can be copied as committed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_publishing_and_polling(tmp_path):
    url, drop = database_copy(tmp_path)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "tests.core.concurrency_run"],
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
            capture_output=True,
            text=True,
            timeout=240,
        )
    finally:
        drop()
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout)
    print("concurrency run:", json.dumps(figures))
    assert figures["operations"] >= 30, figures
    assert figures["failed_operations"] == 0, figures
    assert figures["server_errors"] == 0, figures
    assert figures["errors"] == [], figures
    assert figures["events"] >= figures["operations"], figures
    assert figures["missed_events"] == [0] * len(figures["missed_events"]), figures
    assert figures["out_of_order_pollers"] == 0, figures
