"""The ``WAGTAILSEARCH_BACKENDS`` setting, built from the environment (read in settings).

Kept free of Django imports so that settings modules can call it.
"""

from __future__ import annotations

from typing import Any

DATABASE_BACKEND: dict[str, Any] = {
    "BACKEND": "search.backends.database",
    # Text arrives already reduced to base forms (search.text); a PostgreSQL stemmer on top
    # would only mangle them, so PostgreSQL indexes words as they are.
    "SEARCH_CONFIG": "simple",
}


def search_backends(elasticsearch_url: str, index_prefix: str, timeout: int = 5) -> dict:
    """The database backend alone, or Elasticsearch with the database backend as fallback."""
    if not elasticsearch_url:
        return {"default": dict(DATABASE_BACKEND)}
    prefix = index_prefix.rstrip("_") + "_" if index_prefix else ""
    return {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [elasticsearch_url],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": timeout,
            # Fail fast when the engine is down: the database answers meanwhile.
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        },
        "database": dict(DATABASE_BACKEND),
    }
