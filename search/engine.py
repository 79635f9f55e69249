"""Which search backend answers, and the fallback when the search engine is unreachable.

``WAGTAILSEARCH_BACKENDS`` holds ``"default"`` (Elasticsearch when ``ELASTICSEARCH_URL`` is set,
OpenSearch when ``OPENSEARCH_URL`` is, else the database) and, with an engine, ``"database"``:
the database backend that the indexing task keeps current as well. When the engine fails,
site search answers from ``"database"`` and says so; after a failure the engine is left alone for
:data:`RETRY_ENGINE_AFTER` seconds so that an outage does not slow every request down.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from opensearchpy.exceptions import TransportError as OpenSearchTransportError

logger = logging.getLogger(__name__)

PRIMARY = "default"
FALLBACK = "database"
RETRY_ENGINE_AFTER = 30
_ENGINE_DOWN_KEY = "search:engine-down"

#: Errors that mean "the engine is unreachable or refused", not "our code is wrong".
ENGINE_ERRORS: tuple[type[Exception], ...] = (TransportError, ApiError, OpenSearchTransportError)

T = TypeVar("T")


def has_fallback() -> bool:
    """Whether a database backend stands behind an external engine."""
    return FALLBACK in get_app_config().get_search_backend_config()


def engine_marked_down() -> bool:
    return has_fallback() and bool(cache.get(_ENGINE_DOWN_KEY))


def mark_engine_down() -> None:
    cache.set(_ENGINE_DOWN_KEY, True, RETRY_ENGINE_AFTER)


def mark_engine_up() -> None:
    cache.delete(_ENGINE_DOWN_KEY)


def run_with_fallback(search: Callable[[object], T]) -> tuple[T, bool]:
    """Run ``search(backend)`` on the primary backend, or on the fallback if the engine fails.

    Returns the result and whether it came from the fallback (the site is *degraded*).
    """
    if not engine_marked_down():
        try:
            return search(get_search_backend(PRIMARY)), False
        except ENGINE_ERRORS as error:
            if not has_fallback():
                raise
            logger.warning("Search engine unavailable, answering from the database: %s", error)
            mark_engine_down()
    return search(get_search_backend(FALLBACK)), True
