"""Partner revalidations answered before the rest of the middleware: 304 in two round trips.

Polling partners send the ETag they hold (``If-None-Match``) and mostly hear "not
modified". Through the whole stack that answer passes sessions, locale, CSRF,
authentication and messages middleware, URL resolving and the API view wrapper, and reads
the shared cache five times (key record, rate counter, the response cache's stamps, the
whole stored response to hash it, the change time). :class:`RevalidationMiddleware`
answers the same 304 with two round trips: one read of everything the answer depends on
(the key's record, the response cache's stamps, the change time and the validator of this
URL) and the rate counter.

The validator of a URL is the stamps its response was served under, with its ETag and
Cache-Control: the stamps change with every change a partner must see (see
:mod:`cms.api.response_cache`), so a validator whose stamps equal the current ones
describes the body the view would serve now. The middleware answers only when it is sure, and leaves
everything else to the view, which decides as it always does:

- a key that is not in the cache, is revoked or expired, or whose ``last_used_at`` is due
  (the view authenticates it and answers 401 with its message, or records the use);
- no validator for this URL under the current stamps (content, vocabulary or clock changed):
  the view answers, and the validator of what it served is stored for the next request;
- a tag that does not match: the view's 200.

An answer it gives is counted against the key's (or the address's) allowance like any
request, so past the limit it is the view's 429; a 304 carries the headers the view's
would (validators, rate limits, CORS; the middleware above add the rest).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone

from cms.api import freshness, http, response_cache
from cms.api.access import allowance, key_cache_key, last_use_due, presented_key

VALIDATOR_PREFIX = "partner-api:validator:"
#: Set on a request whose URL had no current validator, so the view's answer leaves one.
STALE = "partner_api_validator_stale"


def validator_key(request: HttpRequest) -> str:
    """Where the validator of this URL (path and query) is kept."""
    parts = [request.path, sorted(request.GET.lists())]
    return VALIDATOR_PREFIX + hashlib.sha256(repr(parts).encode()).hexdigest()


def not_modified_early(request: HttpRequest) -> HttpResponse | None:
    """The 304 (or 429) for a partner revalidation, or None to let the view answer."""
    raw_key = presented_key(request)
    names = [*response_cache.STAMP_KEYS, freshness.CACHE_KEY, validator_key(request)]
    if raw_key is not None:
        names.append(key_cache_key(raw_key))
    found = cache.get_many(names)
    key = None
    if raw_key is not None:
        key = found.get(key_cache_key(raw_key))
        if key is None or not key.is_usable() or last_use_due(key, timezone.now()):
            return None
    validator = found.get(validator_key(request))
    if validator is None or validator[0] != response_cache.current_stamps(found):
        setattr(request, STALE, True)
        return None
    _stamps, etag, cache_control = validator
    changed_at = found.get(freshness.CACHE_KEY) or freshness.changed_at()
    modified = http.last_modified(request, etag, changed_at)
    if not http.not_modified(request, etag, modified):
        return None
    quota = allowance(request, key)
    if not quota.allowed:
        return http.add_cors(request, http.too_many_requests(quota))
    response = http.set_validators(HttpResponseNotModified(), etag, modified, cache_control)
    return http.finish(request, response, quota)


def remember(request: HttpRequest, response: HttpResponse) -> None:
    """Store the validator of what the view served for this URL under the current stamps."""
    entry = getattr(request, "response_cache_entry", None)
    if entry is None or response.status_code not in (200, 304) or "ETag" not in response:
        return
    _slot, stamps = entry
    validator = (stamps, response["ETag"], response["Cache-Control"])
    cache.set(validator_key(request), validator, timeout=response_cache.TIMEOUT)


class RevalidationMiddleware:
    """Answers a conditional GET of a content endpoint early (see the module doc).

    Placed after the middleware that add headers to every response (request id, security,
    CSP, compression, frame options) and before those a 304 does not need (sessions,
    locale, common, CSRF, authentication, messages, redirects).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "HTTP_IF_NONE_MATCH" not in request.META or not response_cache.cacheable(request):
            return self.get_response(request)
        early = not_modified_early(request)
        if early is not None:
            return early
        response = self.get_response(request)
        if getattr(request, STALE, False):
            remember(request, response)
        return response
