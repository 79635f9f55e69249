"""HTTP behaviour around every API view: keys and limits, caching validators, CORS.

Applied to each URL pattern of the API (see :mod:`cms.api.urls`), so routers registered
by other apps get the same treatment without knowing about it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.http import http_date, parse_http_date_safe

from cms.api import freshness, response_cache
from cms.api.access import Allowance, InvalidKey, allowance, authenticate, ip_allowance
from cms.api.errors import problem_response
from cms.api.serialisation import SERVED_LANGUAGES

SAFE_METHODS = {"GET", "HEAD"}
EXPOSED_HEADERS = "ETag, Last-Modified, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining"


def allowed_origin(request: HttpRequest) -> str | None:
    origins = settings.PARTNER_API_CORS_ORIGINS
    origin = request.META.get("HTTP_ORIGIN")
    if "*" in origins:
        return "*"
    return origin if origin in origins else None


def add_cors(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    origin = allowed_origin(request)
    if origin is not None:
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    if origin != "*":
        response["Vary"] = "Origin"
    return response


def preflight(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(status=204)
    if allowed_origin(request) is not None:
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Authorization, X-Api-Key, If-None-Match"
        response["Access-Control-Max-Age"] = "86400"
    return add_cors(request, response)


def entity_tag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def not_modified(request: HttpRequest, etag: str, last_modified: int) -> bool:
    """RFC 9110 conditional GET: ``If-None-Match`` wins over ``If-Modified-Since``."""
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or etag in tags
    if_modified_since = request.META.get("HTTP_IF_MODIFIED_SINCE")
    if if_modified_since is None:
        return False
    since = parse_http_date_safe(if_modified_since)
    return since is not None and last_modified <= since


#: When this process first served each representation, by (path and query, ETag).
_first_served: OrderedDict[tuple[str, str], int] = OrderedDict()
_first_served_lock = threading.Lock()
FIRST_SERVED_ENTRIES = 10_000


def first_served(request: HttpRequest, etag: str, now: int) -> int:
    """When this process first sent this body for this URL (an LRU memo, no shared write).

    A body can change without any edit: a training's lifecycle moves with the clock. The
    publication stamp alone would then let ``If-Modified-Since`` answer 304 for a body the
    ETag already knows is new. A representation first seen at ``t`` cannot be older than
    ``t`` here, so ``Last-Modified`` is never earlier than the body it describes; another
    process (or a restart) can only give a later time, which costs a 200, never a stale 304.
    """
    key = (request.get_full_path(), etag)
    with _first_served_lock:
        seen = _first_served.setdefault(key, now)
        _first_served.move_to_end(key)
        if len(_first_served) > FIRST_SERVED_ENTRIES:
            _first_served.popitem(last=False)
    return seen


def last_modified(request: HttpRequest, etag: str, changed_at: dt.datetime) -> int:
    """``Last-Modified`` of a body: the latest public change, or when this process first
    sent it if later (:func:`first_served`)."""
    return max(int(changed_at.timestamp()), first_served(request, etag, int(time.time())))


def set_validators(
    response: HttpResponse, etag: str, modified: int, cache_control: str
) -> HttpResponse:
    """The headers a read and its 304 both carry: ETag, Last-Modified and Cache-Control."""
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = cache_control
    return response


def add_validators(request: HttpRequest, response: HttpResponse, etag: str) -> HttpResponse:
    """ETag, Last-Modified and Cache-Control on a successful read; 304 when unchanged."""
    changed_at = getattr(request, "content_changed_at", None) or freshness.changed_at()
    modified = last_modified(request, etag, changed_at)
    # A view may forbid caching (the change feed does); otherwise shared caches may keep it.
    cache_control = response.get(
        "Cache-Control", f"public, max-age={settings.PARTNER_API_CACHE_SECONDS}"
    )
    if not_modified(request, etag, modified):
        response = HttpResponseNotModified()
    return set_validators(response, etag, modified, cache_control)


def finish(request: HttpRequest, response: HttpResponse, quota: Allowance) -> HttpResponse:
    """The rate-limit and CORS headers every counted answer carries."""
    for name, value in quota.headers().items():
        response[name] = value
    return add_cors(request, response)


def too_many_requests(quota: Allowance) -> HttpResponse:
    return problem_response(
        429,
        "Too many requests; try again after the time given in Retry-After.",
        headers={"Retry-After": str(quota.retry_after), **quota.headers()},
    )


def add_content_language(request: HttpRequest, response: HttpResponse) -> None:
    """``Content-Language``: the languages of the items served, the requested one first.

    A list with ``fallback=true`` can mix Swedish items with Finnish originals: the header
    then names both. Without items, the requested ``locale`` (if any).
    """
    served = list(getattr(request, SERVED_LANGUAGES, []))
    requested = request.GET.get("locale")
    if requested in served:
        served.remove(requested)
        served.insert(0, requested)
    if not served and requested in dict(settings.LANGUAGES):
        served = [requested]
    if served and response.status_code < 400:
        response["Content-Language"] = ", ".join(served)


def partner_api_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap an API view with key checks, limits, conditional GET and CORS."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "OPTIONS":
            return preflight(request)
        try:
            key = authenticate(request)
        except InvalidKey:
            # Guessing keys costs the address's anonymous allowance like any request.
            quota = ip_allowance(request)
            if not quota.allowed:
                return add_cors(request, too_many_requests(quota))
            response = problem_response(
                401,
                "The API key is unknown, revoked or expired. Public content needs no key.",
                headers={"WWW-Authenticate": 'Bearer realm="api"', **quota.headers()},
            )
            return add_cors(request, response)
        request.partner_key = key
        quota = allowance(request, key)
        if not quota.allowed:
            return add_cors(request, too_many_requests(quota))
        head = request.method == "HEAD"
        if head:
            # HEAD answers what GET would, without the body (RFC 9110 section 9.3.2).
            request.method = "GET"
        response = response_cache.lookup(request)
        if response is None:
            response = view(request, *args, **kwargs)
            add_content_language(request, response)
            if response.status_code == 200 and not response.streaming:
                response.entity_tag = entity_tag(response.content)
                response_cache.store(request, response, response.entity_tag)
        if head:
            request.method = "HEAD"
        if request.method in SAFE_METHODS and response.status_code == 200:
            etag = getattr(response, "entity_tag", None) or entity_tag(response.content)
            response = add_validators(request, response, etag)
        if head and not response.streaming:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        elif response.status_code >= 400:
            response["Cache-Control"] = "no-store"
        return finish(request, response, quota)

    return wrapped
