"""``GET /search/?q=&locale=&type=`` for partners: mixed-type results with facet counts.

A django-ninja ``Router`` named :data:`router`; the content API mounts it (under /api/v1/).
Bad parameters answer 400 with ``{"detail", "field"}``, whatever the API's global handlers.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema, Status

from search.service import (
    MAX_LIMIT,
    FacetCount,
    SearchHit,
    SearchInputError,
    SearchOutcome,
    search_pages,
)

router = Router(tags=["search"])


class FacetsOut(Schema):
    type: list[FacetCount]
    theme: list[FacetCount]


class SearchResponseOut(Schema):
    query: str
    locale: str
    total: int
    limit: int
    offset: int
    degraded: bool
    results: list[SearchHit]
    facets: FacetsOut


class ErrorOut(Schema):
    detail: str
    field: str


def _bounded_int(field: str, raw: str | None, default: int, low: int, high: int) -> int:
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SearchInputError(field, f"{field} must be a whole number.") from None
    if not low <= value <= high:
        raise SearchInputError(field, f"{field} must be between {low} and {high}.")
    return value


def _response(outcome: SearchOutcome, limit: int, offset: int) -> dict:
    return {
        "query": outcome.query,
        "locale": outcome.locale,
        "total": outcome.total,
        "limit": limit,
        "offset": offset,
        "degraded": outcome.degraded,
        "results": outcome.hits,
        "facets": {"type": outcome.type_facets, "theme": outcome.theme_facets},
    }


@router.get(
    "/",
    response={200: SearchResponseOut, 400: ErrorOut},
    summary="Search pages of every content type",
    operation_id="search_pages",
    url_name="search",
)
def search(
    request: HttpRequest,
    q: str = "",
    locale: str = "fi",
    type: str | None = None,
    limit: str | None = None,
    offset: str | None = None,
):
    """Live, public pages in ``locale`` matching ``q`` (inflected forms and compounds too),
    optionally only of one ``type``; ``limit`` (1–50, default 20) and ``offset`` page them.
    Facet counts by type ignore ``type`` so clients can show the other types' counts."""
    try:
        page_size = _bounded_int("limit", limit, 20, 1, MAX_LIMIT)
        start = _bounded_int("offset", offset, 0, 0, 10_000)
        outcome = search_pages(q, locale, type, limit=page_size, offset=start)
    except SearchInputError as error:
        return Status(400, {"detail": error.message, "field": error.field})
    return Status(200, _response(outcome, page_size, start))
