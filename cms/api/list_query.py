"""Filtering, ordering and paging that every page list shares."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from types import SimpleNamespace
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Collate
from django.http import HttpRequest
from wagtail.models import Page

from cms.api.errors import BadParameter
from cms.api.models import PageState
from cms.api.params import DEFAULT_LOCALE, split_list
from cms.collation import TEXT_ORDERING_FIELDS, collation_name
from cms.origin import absolute_url
from cms.pagination import rows_in_slice
from cms.visibility import in_locale, public_pages
from search.service import matching_page_ids

#: Full-text search narrows to at most this many live matches before the other filters apply
#: (Elasticsearch's default result window).
MAX_SEARCH_MATCHES = 10_000


def matching_ids(model: type[Page], term: str, language: str) -> list[int]:
    """Ids of the pages of ``model`` that full-text search finds for ``term``.

    The term is analysed in ``language`` (inflected forms and compounds match, see search/).
    """
    return matching_page_ids(model, term, language, MAX_SEARCH_MATCHES)


def filter_pages(
    queryset: QuerySet,
    params: Any,
    related: dict[str, Callable[[list[str]], Q]] | None = None,
) -> QuerySet:
    """Apply the common parameters of :class:`cms.api.params.PageParams` to ``queryset``.

    ``queryset`` holds every page of the listed type(s); the result holds only public ones.
    ``related`` maps the ``theme`` and ``organisation`` parameters to a function from slugs
    to a condition (see :func:`cms.querysets.related_to_any_q`): which relations they follow
    depends on the type.
    """
    queryset = public_pages(queryset)
    if params.fallback and not params.locale:
        raise BadParameter("fallback", "fallback=true needs a locale to fall back from")
    if params.locale:
        queryset = in_locale(
            queryset, params.locale, fallback=params.fallback, default_locale=DEFAULT_LOCALE
        )
    if getattr(params, "translation", None):
        translated = public_pages(Page.objects.filter(locale__language_code=params.translation))
        queryset = queryset.filter(translation_key__in=translated.values("translation_key"))
    if params.translation_key:
        queryset = queryset.filter(translation_key=params.translation_key)
    if params.updated_since:
        # Items also change without being republished (see cms.api.representations).
        changed = PageState.objects.filter(changed_at__gte=params.updated_since)
        queryset = queryset.filter(
            Q(last_published_at__gte=params.updated_since) | Q(pk__in=changed.values("page_id"))
        )
    for parameter, related_to in (related or {}).items():
        slugs = split_list(getattr(params, parameter))
        if slugs:
            narrowed = queryset.model.objects.filter(related_to(slugs)).values("pk")
            queryset = queryset.filter(pk__in=narrowed)
    if params.search:
        language = params.locale or DEFAULT_LOCALE
        queryset = queryset.filter(pk__in=matching_ids(queryset.model, params.search, language))
    return queryset


OrderingKeys = list[tuple[str, bool]]


def ordering_keys(ordering: Iterable[str] | None, default: Iterable[str]) -> OrderingKeys:
    """The sort fields as (name, descending), always ending with the primary key."""
    keys: OrderingKeys = []
    for field in list(ordering or []) or list(default):
        name, descending = field.lstrip("-"), field.startswith("-")
        if name in ("id", "pk"):
            return [*keys, ("pk", descending)]
        if name not in [known for known, _ in keys]:
            keys.append((name, descending))
    return [*keys, ("pk", False)]


def collate_keys(
    queryset: QuerySet, keys: OrderingKeys, language: str | None
) -> tuple[QuerySet, OrderingKeys]:
    """Text keys (titles, names) sorted in ``language``'s alphabet (Å before Ä in Swedish).

    Each becomes an annotation collated for that language, so the order and the keyset
    comparisons of :func:`after` use the same collation.
    """
    collated: OrderingKeys = []
    for name, descending in keys:
        collation = collation_name(language or DEFAULT_LOCALE, connection.vendor)
        if name in TEXT_ORDERING_FIELDS and collation is not None:
            alias = f"{name}_{(language or DEFAULT_LOCALE).replace('-', '_')}"
            queryset = queryset.annotate(**{alias: Collate(F(name), collation)})
            collated.append((alias, descending))
        else:
            collated.append((name, descending))
    return queryset, collated


def order(queryset: QuerySet, keys: OrderingKeys) -> QuerySet:
    """Sort by ``keys``, empty values last in either direction on every database.

    (So that keyset cursors mean the same on SQLite and PostgreSQL.)
    """
    return queryset.order_by(
        *(
            F(name).desc(nulls_last=True) if desc else F(name).asc(nulls_last=True)
            for name, desc in keys
        )
    )


def _exact(value: Any) -> Any:
    """JSON for a sort value, exact to the microsecond (DjangoJSONEncoder keeps milliseconds)."""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return DjangoJSONEncoder().default(value)


def encode_list_cursor(keys: OrderingKeys, row: Any) -> str:
    values = [getattr(row, name) for name, _desc in keys]
    raw = json.dumps([[name for name, _ in keys], values], default=_exact)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_list_cursor(cursor: str, keys: OrderingKeys) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        names, values = json.loads(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError) as error:
        raise BadParameter("cursor", "not a cursor this API issued") from error
    if names != [name for name, _ in keys] or not isinstance(values, list):
        raise BadParameter("cursor", "the cursor belongs to another ordering")
    if len(values) != len(keys) or not isinstance(values[-1], int):
        raise BadParameter("cursor", "not a cursor this API issued")
    return values


def after(keys: OrderingKeys, values: list[Any]) -> Q:
    """Rows strictly after the row whose sort values are ``values`` (empty values last)."""
    condition = Q(pk__in=[])
    for index, (name, descending) in enumerate(keys):
        same = Q()
        for (earlier, _), value in zip(keys[:index], values, strict=False):
            same &= Q(**{f"{earlier}__isnull": True}) if value is None else Q(**{earlier: value})
        value = values[index]
        if value is None:
            continue  # after an empty value come only other empty ones (by the next key)
        beyond = Q(**{f"{name}__{'lt' if descending else 'gt'}": value})
        if name != "pk":
            beyond |= Q(**{f"{name}__isnull": True})
        condition |= same & beyond
    return condition


def page_url(request: HttpRequest, **changes: Any) -> str:
    """The current URL with some parameters replaced (``None`` removes one)."""
    query = request.GET.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query[name] = str(value)
    return absolute_url(f"{request.path}?{query.urlencode()}")


def paginate(
    request: HttpRequest,
    queryset: QuerySet,
    params: Any,
    keys: OrderingKeys,
    language: str | None = None,
    light: Sequence[str] = (),
) -> dict:
    """The list envelope: ``count``, this page's objects, and where the next page starts.

    ``next`` continues by keyset ``cursor`` (also given on its own field), which stays
    right while items are published, republished or withdrawn during a walk, unlike an
    offset; ``offset`` still works for jumping to a page.

    With ``light`` field names the objects are not model instances but rows of just those
    values and the sort keys, read in one narrow query (for :mod:`cms.api.fragments`).
    """
    limit, offset, cursor = params.limit, params.offset, params.cursor
    count = queryset.count()
    queryset, keys = collate_keys(queryset, keys, language)
    queryset = order(queryset, keys)
    if cursor is not None:
        if offset:
            raise BadParameter("offset", "use either cursor or offset")
        queryset = queryset.filter(after(keys, decode_list_cursor(cursor, keys)))
    stop = offset + limit + 1
    if offset >= count:
        rows: list[Any] = []
    elif light:
        names = dict.fromkeys([*light, *(name for name, _ in keys)])
        rows = [SimpleNamespace(**row) for row in queryset.values(*names)[offset:stop]]
    else:
        rows = rows_in_slice(queryset, offset, stop)
    objects = rows[:limit]
    following = encode_list_cursor(keys, objects[-1]) if len(rows) > limit else None
    preceding = max(offset - limit, 0) if offset > 0 and cursor is None else None
    return {
        "count": count,
        "objects": objects,
        "cursor": following,
        "next": page_url(request, cursor=following, offset=None) if following else None,
        "previous": page_url(request, offset=preceding) if preceding is not None else None,
    }
