"""``/healthz`` (liveness) and ``/readyz`` (readiness) for load balancers and orchestrators.

``/healthz`` only proves the process answers: it touches nothing, so a slow database never
gets a healthy app server restarted. ``/readyz`` checks each dependency and names it:

- ``database`` and ``cache`` are required: without them nothing works, the answer is 503
  ``"down"`` and the balancer should send traffic elsewhere;
- ``search`` (only when an external engine is configured) is optional: search falls back to
  the database, so a dead engine makes the answer 200 ``"degraded"``.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from modelsearch.backends import get_search_backend

from search import engine

logger = logging.getLogger(__name__)

#: Seconds the search engine may take to answer the readiness ping.
SEARCH_PING_TIMEOUT = 2


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("a value written to the cache could not be read back")
    cache.delete(key)


def check_search() -> None:
    client = get_search_backend(engine.PRIMARY).es
    if not client.options(request_timeout=SEARCH_PING_TIMEOUT).ping():
        raise RuntimeError("the search engine did not answer")


def _run(check: Callable[[], None]) -> dict[str, object]:
    started = time.monotonic()
    try:
        check()
    except Exception as error:  # any failure means "not ready"; it is reported by name
        logger.warning("Readiness check %s failed: %s", check.__name__, error)
        return {"status": "down", "error": f"{type(error).__name__}: {error}"[:300]}
    return {"status": "ok", "ms": round((time.monotonic() - started) * 1000, 1)}


@require_safe
@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    checks = {"database": _run(check_database), "cache": _run(check_cache)}
    required_ok = all(result["status"] == "ok" for result in checks.values())
    optional_ok = True
    if engine.has_fallback():
        checks["search"] = _run(check_search)
        optional_ok = checks["search"]["status"] == "ok"
    status = "ok" if required_ok and optional_ok else "degraded" if required_ok else "down"
    return JsonResponse({"status": status, "checks": checks}, status=200 if required_ok else 503)
