"""Filtering, ordering and paging that every page list shares."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail.models import Page

from cms.api.errors import BadParameter
from cms.api.params import DEFAULT_LOCALE, split_list
from cms.collation import localized_ordering
from cms.origin import absolute_url
from cms.pagination import rows_in_slice
from cms.visibility import in_locale, public_pages
from search.service import matching_page_ids

#: Full-text search narrows to at most this many live matches before the other filters apply
#: (Elasticsearch's default result window).
MAX_SEARCH_MATCHES = 10_000


def any_slug(lookups: Iterable[str], slugs: list[str]) -> Q:
    """Pages related through any of ``lookups`` to a row with one of ``slugs``."""
    condition = Q(pk__in=[])
    for lookup in lookups:
        condition |= Q(**{f"{lookup}__slug__in": slugs})
    return condition


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
    to a condition (see :func:`any_slug`): which relations they follow depends on the type.
    """
    queryset = public_pages(queryset)
    if params.fallback and not params.locale:
        raise BadParameter("fallback", "fallback=true needs a locale to fall back from")
    if params.locale:
        queryset = in_locale(
            queryset, params.locale, fallback=params.fallback, default_locale=DEFAULT_LOCALE
        )
    if params.translation_key:
        queryset = queryset.filter(translation_key=params.translation_key)
    if params.updated_since:
        queryset = queryset.filter(last_published_at__gte=params.updated_since)
    for parameter, related_to in (related or {}).items():
        slugs = split_list(getattr(params, parameter))
        if slugs:
            narrowed = queryset.model.objects.filter(related_to(slugs)).values("pk")
            queryset = queryset.filter(pk__in=narrowed)
    if params.search:
        language = params.locale or DEFAULT_LOCALE
        queryset = queryset.filter(pk__in=matching_ids(queryset.model, params.search, language))
    return queryset


def order(
    queryset: QuerySet,
    ordering: str | None,
    default: Iterable[str],
    language: str | None = None,
) -> QuerySet:
    """Order by ``ordering`` or ``default``; titles alphabetically in ``language``."""
    fields = [ordering] if ordering else list(default)
    fields = localized_ordering(fields, language or DEFAULT_LOCALE, connection.vendor)
    return queryset.order_by(*fields, "pk")


def page_url(request: HttpRequest, offset: int | None) -> str | None:
    """The current URL with another ``offset`` (``None`` stays ``None``)."""
    if offset is None:
        return None
    query = request.GET.copy()
    query["offset"] = str(offset)
    return absolute_url(f"{request.path}?{query.urlencode()}")


def paginate(request: HttpRequest, queryset: QuerySet, limit: int, offset: int) -> dict:
    """The list envelope: ``count``, this page's objects and the neighbouring pages' URLs."""
    count = queryset.count()
    objects = rows_in_slice(queryset, offset, offset + limit) if offset < count else []
    following = offset + limit if offset + limit < count else None
    preceding = max(offset - limit, 0) if offset > 0 else None
    return {
        "count": count,
        "objects": objects,
        "next": page_url(request, following),
        "previous": page_url(request, preceding),
    }


def related_to_any(queryset: QuerySet, lookup: str, slugs: list[str]) -> QuerySet:
    """Pages of ``queryset`` related through ``lookup`` to a row with one of ``slugs``.

    Filtering through a subquery keeps each page once however many rows match.
    """
    matching = queryset.model.objects.filter(**{f"{lookup}__slug__in": slugs}).values("pk")
    return queryset.filter(pk__in=matching)
