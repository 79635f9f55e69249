"""The database search backend: modelsearch's, with one-pass ranking on SQLite.

See :mod:`search.backends.sqlite` for why; PostgreSQL and MySQL are unchanged.
"""

from __future__ import annotations

from django.db import connection
from modelsearch.backends.database import SearchBackend as select_database_backend


def SearchBackend(params: dict):  # modelsearch imports a backend module by this name
    """The database backend for the default connection, ranked in one pass on SQLite."""
    backend = select_database_backend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from search.backends.sqlite import RankedSQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):
            return RankedSQLiteSearchBackend(params)
    return backend
