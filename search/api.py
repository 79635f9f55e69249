"""``GET /search/?q=&locale=&type=`` for partners: mixed-type results with facet counts.

A django-ninja ``Router`` named :data:`router`; the content API mounts it (under /api/v1/),
and it follows the API's conventions: the ``count``/``items`` envelope of every list,
integer ``limit``/``offset``, unknown parameters refused, and errors as
``application/problem+json`` naming the parameter.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from cms.api.content import ERRORS
from cms.api.errors import BadParameter
from cms.api.list_query import page_url
from cms.api.params import DEFAULT_LOCALE, LocaleCode, parameter_names, reject_unknown
from search.service import (
    MAX_LIMIT,
    FacetCount,
    SearchHit,
    SearchInputError,
    SearchOutcome,
    search_pages,
)

router = Router(tags=["search"])
MAX_OFFSET = 10_000


class SearchParams(Schema):
    q: str = Field("", description="Words to find (inflected forms and compounds match).")
    locale: LocaleCode = Field(DEFAULT_LOCALE, description="Language of the pages and the words.")
    type: str | None = Field(
        None, description="Only this content type, by key (as in `/api/v1/<key>/`)."
    )
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description=f"Results per page (1–{MAX_LIMIT}).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Results to skip.")


class FacetsOut(Schema):
    type: list[FacetCount]
    theme: list[FacetCount]


class SearchList(Schema):
    query: str
    locale: str
    count: int = Field(description="Number of matching pages.")
    limit: int
    offset: int
    degraded: bool = Field(description="The search engine was down: database results.")
    items: list[SearchHit]
    facets: FacetsOut
    next: str | None = Field(description="URL of the next page, if any.")
    previous: str | None = Field(description="URL of the previous page, if any.")


ALLOWED = parameter_names(SearchParams)


def _response(request: HttpRequest, outcome: SearchOutcome, limit: int, offset: int) -> dict:
    following = offset + limit if offset + limit < outcome.total else None
    preceding = max(offset - limit, 0) if offset > 0 else None
    return {
        "query": outcome.query,
        "locale": outcome.locale,
        "count": outcome.total,
        "limit": limit,
        "offset": offset,
        "degraded": outcome.degraded,
        "items": outcome.hits,
        "facets": {"type": outcome.type_facets, "theme": outcome.theme_facets},
        "next": page_url(request, offset=following) if following is not None else None,
        "previous": page_url(request, offset=preceding) if preceding is not None else None,
    }


@router.get(
    "/",
    response={200: SearchList, **ERRORS},
    summary="Search pages of every content type",
    operation_id="search_pages",
    url_name="search",
)
def search(request: HttpRequest, params: Query[SearchParams]) -> Any:
    """Live, public pages in ``locale`` matching ``q`` (inflected forms and compounds too),
    optionally only of one ``type``. Facet counts by type ignore ``type`` so clients can
    show the other types' counts."""
    reject_unknown(request, ALLOWED)
    try:
        outcome = search_pages(
            params.q, params.locale, params.type, limit=params.limit, offset=params.offset
        )
    except SearchInputError as error:
        raise BadParameter(error.field, error.message) from error
    return _response(request, outcome, params.limit, params.offset)
