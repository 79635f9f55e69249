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


#: Engine backend module per URL setting.
ENGINE_BACKENDS = {
    "ELASTICSEARCH_URL": "search.backends.elasticsearch",
    "OPENSEARCH_URL": "search.backends.opensearch",
}


def search_backends(
    elasticsearch_url: str, index_prefix: str, timeout: int = 5, *, opensearch_url: str = ""
) -> dict:
    """The database backend alone, or a search engine with the database backend as fallback.

    Elasticsearch 9 when ``elasticsearch_url`` is given, OpenSearch 2/3 when
    ``opensearch_url`` is; both at once is a configuration error.
    """
    urls = {"ELASTICSEARCH_URL": elasticsearch_url, "OPENSEARCH_URL": opensearch_url}
    chosen = [name for name, url in urls.items() if url]
    if not chosen:
        return {"default": dict(DATABASE_BACKEND)}
    if len(chosen) > 1:
        raise ValueError("Set ELASTICSEARCH_URL or OPENSEARCH_URL, not both.")
    (name,) = chosen
    prefix = index_prefix.rstrip("_") + "_" if index_prefix else ""
    return {
        "default": {
            "BACKEND": ENGINE_BACKENDS[name],
            "URLS": [urls[name]],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": timeout,
            # Fail fast when the engine is down: the database answers meanwhile.
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        },
        "database": dict(DATABASE_BACKEND),
    }
