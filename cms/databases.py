"""Database options that let the embedded SQLite default serve concurrent users.

SQLite allows one writer at a time. With its default rollback journal, readers block
the writer and the writer blocks readers; with Python's deferred transactions, two
connections that both read and then write deadlock and one fails at once with
"database is locked" whatever the timeout. So SQLite gets:

- ``journal_mode=WAL``: readers never block the writer nor the writer them;
- ``synchronous=NORMAL``: safe with WAL (a power cut loses at most the last commits,
  never consistency) and much cheaper than a sync per commit;
- a busy timeout: a writer waits for the one in progress instead of failing;
- ``transaction_mode=IMMEDIATE`` (Django 5.1+): every transaction takes the write lock when
  it begins, so a waiting writer queues in the busy handler instead of deadlocking.

Other engines are returned unchanged.
"""

from __future__ import annotations

from typing import Any

#: Seconds a connection waits for the write lock before "database is locked".
SQLITE_BUSY_TIMEOUT = 20
SQLITE_INIT_COMMAND = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"


def with_sqlite_concurrency(database: dict[str, Any]) -> dict[str, Any]:
    """``database`` with WAL, a busy timeout and immediate transactions if it is SQLite."""
    if database.get("ENGINE") != "django.db.backends.sqlite3":
        return database
    options = {
        "timeout": SQLITE_BUSY_TIMEOUT,
        "transaction_mode": "IMMEDIATE",
        "init_command": SQLITE_INIT_COMMAND,
        **database.get("OPTIONS", {}),
    }
    return {**database, "OPTIONS": options}
