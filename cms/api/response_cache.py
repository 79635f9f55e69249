"""Whole responses of the content endpoints, kept in the shared cache until anything changes.

Partners poll the same lists again and again; between two changes every answer is the same
bytes. A response is stored under its path and query together with three stamps, and
answers only while they are current, so any change a partner must see is seen at once:

- the content version (:func:`cms.api.freshness.content_version`), bumped by every public
  page event, view restriction and vocabulary edit, and again when its transaction commits;
- the vocabulary catalogue's version (a renamed term);
- the clock boundary: the next moment a page's state moves by itself (a training starts or
  ends, registration closes at midnight, a page's ``expire_at`` or ``go_live_at`` comes).
  It is the earliest future value of any date-time field of the content pages, or the next
  midnight in Helsinki (date fields change state at midnight), computed once per content
  version and kept until it passes.

Search and the change feed are not cached: the index is written after the commit and the
feed depends on transactions still open.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import DateTimeField, Subquery
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import Page

from cms.api import freshness
from cms.plugins import registry
from cms.timezones import HELSINKI
from cms.vocabularies import catalogue

PREFIX = "partner-api:response:"
BOUNDARY_KEY = "partner-api:clock-boundary"
TIMEOUT = 24 * 60 * 60
API_ROOT = "/api/v1/"


def cacheable(request: HttpRequest) -> bool:
    """A GET of a content type's list or item (``/api/v1/<type>/...``)."""
    if request.method != "GET" or not request.path.startswith(API_ROOT):
        return False
    section = request.path[len(API_ROOT) :].split("/", 1)[0]
    return section in registry


def next_midnight(now: dt.datetime) -> dt.datetime:
    """Midnight in Helsinki after ``now``: when date fields change a page's state."""
    tomorrow = now.astimezone(HELSINKI).date() + dt.timedelta(days=1)
    return dt.datetime.combine(tomorrow, dt.time(0), HELSINKI)


#: Stands for "now" in the compiled boundary query; no page field holds it.
_NOW_PLACEHOLDER = dt.datetime(1901, 1, 1, tzinfo=dt.UTC)


@functools.cache
def _boundary_query(alias: str) -> tuple[str, tuple]:
    """SQL selecting the earliest future value of each date-time field of the content pages.

    One statement of subqueries, compiled once per process (the ORM's compilation costs more
    than running it); "now" is the placeholder's parameter.
    """
    fields = {(Page, "go_live_at"), (Page, "expire_at")}
    for model in registry.page_models():
        for field in model._meta.local_concrete_fields:
            if isinstance(field, DateTimeField):
                fields.add((model, field.name))
    earliest = {
        f"at_{index}": Subquery(
            model.objects.filter(**{f"{name}__gt": _NOW_PLACEHOLDER})
            .order_by(name)
            .values(name)[:1]
        )
        for index, (model, name) in enumerate(
            sorted(fields, key=lambda pair: (pair[0].__name__, pair[1]))
        )
    }
    # The tree's root always exists: a one-row carrier for the subqueries.
    queryset = Page.objects.using(alias).filter(depth=1).order_by().annotate(**earliest)
    return queryset.values(*earliest)[:1].query.sql_with_params()


def _earliest_future_values(now: dt.datetime) -> list[dt.datetime | None]:
    connection = connections[DEFAULT_DB_ALIAS]
    sql, params = _boundary_query(connection.alias)
    placeholder = connection.ops.adapt_datetimefield_value(_NOW_PLACEHOLDER)
    current = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.execute(sql, [current if param == placeholder else param for param in params])
        row = cursor.fetchone() or ()
    return [_aware(value) for value in row]


def _aware(value: dt.datetime | str | None) -> dt.datetime | None:
    """A date-time as the database returns it (SQLite: text in UTC) made aware."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, dt.UTC)
    return value


def clock_boundary(version: str, stored: tuple | None = None) -> dt.datetime:
    """The next moment some page's state changes without an edit (see the module doc).

    ``stored`` is the cached ``(version, boundary)`` pair if the caller read it already.
    """
    now = timezone.now()
    stored = stored or cache.get(BOUNDARY_KEY)
    if stored is not None and stored[0] == version and now < stored[1]:
        return stored[1]
    upcoming = [value for value in _earliest_future_values(now) if value is not None]
    boundary = min([next_midnight(now), *upcoming])
    cache.set(BOUNDARY_KEY, (version, boundary), timeout=TIMEOUT)
    return boundary


#: The cache entries the stamps are read from (see the module doc).
STAMP_KEYS = (freshness.VERSION_KEY, catalogue.VERSION_KEY, BOUNDARY_KEY)


def current_stamps(found: dict) -> tuple:
    """The stamps a stored response (or validator) must carry to answer now, from the
    ``STAMP_KEYS`` entries read from the cache (``found``); a missing one is computed."""
    version = found.get(freshness.VERSION_KEY) or freshness.content_version()
    return (
        version,
        found.get(catalogue.VERSION_KEY) or catalogue.current_version(),
        clock_boundary(version, found.get(BOUNDARY_KEY)),
    )


def _slot(request: HttpRequest) -> str:
    """Where the response to this path and query string is kept (the latest one only)."""
    target = f"{request.path}?{request.META.get('QUERY_STRING', '')}"
    return PREFIX + hashlib.sha256(target.encode()).hexdigest()


def lookup(request: HttpRequest) -> HttpResponse | None:
    """The stored response for this request, or None (what :func:`store` needs is kept).

    One round trip to the shared cache brings the stamps, the time of the last change (for
    ``Last-Modified``) and the stored entry; the entry answers only if it was stored under
    the same stamps. Each stamp missing from the cache is made (or read) on its own.
    """
    if not cacheable(request):
        return None
    slot = _slot(request)
    found = cache.get_many([*STAMP_KEYS, freshness.CACHE_KEY, slot])
    stamps = current_stamps(found)
    request.response_cache_entry = (slot, stamps)
    if freshness.CACHE_KEY in found:
        request.content_changed_at = found[freshness.CACHE_KEY]
    entry = found.get(slot)
    if entry is None or entry[0] != stamps:
        return None
    _stamps, content, headers, etag = entry
    response = HttpResponse(content, headers=headers)
    response.entity_tag = etag
    return response


def store(request: HttpRequest, response: HttpResponse, etag: str) -> None:
    """Keep a successful response (with its ``etag``) for the next request like this one."""
    entry = getattr(request, "response_cache_entry", None)
    if entry is None or response.status_code != 200 or response.streaming:
        return
    slot, stamps = entry
    headers = {
        name: response[name]
        for name in ("Content-Type", "Content-Language", "Cache-Control")
        if response.has_header(name)
    }
    cache.set(slot, (stamps, response.content, headers, etag), timeout=TIMEOUT)
