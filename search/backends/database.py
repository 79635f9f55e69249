"""The database search backend: modelsearch's, with faster SQL on SQLite and PostgreSQL.

See :mod:`search.backends.sqlite` (the full-text match runs once per statement, ranking in
one pass) and :mod:`search.backends.postgres` (alternative words matched per index vector,
so that the GIN indexes apply); MySQL is unchanged. Results are modelsearch's.
"""

from __future__ import annotations

from django.db import connection
from modelsearch.backends.database import SearchBackend as select_database_backend


def SearchBackend(params: dict):  # modelsearch imports a backend module by this name
    """The database backend for the default connection, with our SQL where we have it."""
    if connection.vendor == "postgresql":
        from search.backends.postgres import PerVectorPostgresSearchBackend

        return PerVectorPostgresSearchBackend(params)
    backend = select_database_backend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from search.backends.sqlite import RankedSQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):  # not the fallback without FTS5
            return RankedSQLiteSearchBackend(params)
    return backend
