"""``GET /search/?q=&locale=&type=`` for partners: mixed-type results with facet counts.

A django-ninja ``Router`` named :data:`router`; the content API mounts it (under /api/v1/),
and it follows the API's conventions: the ``count``/``items`` envelope of every list,
``next`` carrying a ``cursor`` (also a field of its own), integer ``limit``/``offset``,
unknown parameters refused, and errors as ``application/problem+json`` naming the parameter.

Results are ranked, so there is no column to page by: the cursor holds the rank reached
and the id of the last result given. The next page is read with a page of margin on each
side and continues right after that id wherever it now ranks, so a page published or
withdrawn above it during a walk neither repeats nor skips a result (an offset would). Only
when that result itself has left the window does the rank alone decide.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import replace
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from cms.api.content import ERRORS
from cms.api.errors import BadParameter
from cms.api.list_query import page_url
from cms.api.params import DEFAULT_LOCALE, LocaleCode, parameter_names, reject_unknown
from search.service import (
    MAX_LIMIT,
    MAX_WINDOW,
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
    cursor: str | None = Field(
        None,
        max_length=200,
        description="`cursor` of the previous answer: the next page, stable while pages "
        "are published or withdrawn (not with `offset`).",
    )


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
    cursor: str | None = Field(description="Pass as `cursor` for the next page, if any.")
    next: str | None = Field(description="URL of the next page (by `cursor`), if any.")
    previous: str | None = Field(description="URL of the previous page, if any.")


ALLOWED = parameter_names(SearchParams)


def _fingerprint(params: SearchParams) -> str:
    """Which search a cursor belongs to (a cursor of another search is refused)."""
    key = json.dumps([params.q.strip(), params.locale, params.type or ""])
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def encode_cursor(params: SearchParams, rank: int, last_id: int) -> str:
    raw = json.dumps({"s": _fingerprint(params), "r": rank, "a": last_id})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(params: SearchParams) -> tuple[int, int]:
    """(rank of the next result, id of the last one given) of ``params.cursor``; 400 else."""
    try:
        raw = base64.urlsafe_b64decode(params.cursor + "=" * (-len(params.cursor) % 4))
        position = json.loads(raw)
        rank, last_id, search_key = position["r"], position["a"], position["s"]
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError, KeyError) as error:
        raise BadParameter("cursor", "not a cursor this API issued") from error
    if not (isinstance(rank, int) and isinstance(last_id, int) and 0 < rank <= MAX_OFFSET):
        raise BadParameter("cursor", "not a cursor this API issued")
    if search_key != _fingerprint(params):
        raise BadParameter("cursor", "the cursor belongs to another search (q, locale, type)")
    return rank, last_id


def _search(params: SearchParams, offset: int, limit: int) -> SearchOutcome:
    try:
        return search_pages(params.q, params.locale, params.type, limit=limit, offset=offset)
    except SearchInputError as error:
        raise BadParameter(error.field, error.message) from error


def _page_after(params: SearchParams) -> tuple[SearchOutcome, int]:
    """The page after a cursor, and the rank of its first result."""
    rank, last_id = decode_cursor(params)
    start = max(0, rank - params.limit)
    window = _search(params, start, min(3 * params.limit, MAX_WINDOW))
    ids = [hit.id for hit in window.hits]
    first = start + ids.index(last_id) + 1 if last_id in ids else rank
    hits = window.hits[first - start : first - start + params.limit]
    return replace(window, hits=hits), first


def _response(request: HttpRequest, params: SearchParams, outcome: SearchOutcome, offset: int):
    limit = params.limit
    end = offset + len(outcome.hits)
    cursor = (
        encode_cursor(params, end, outcome.hits[-1].id)
        if outcome.hits and end < outcome.total and end < MAX_OFFSET
        else None
    )
    preceding = max(offset - limit, 0) if offset > 0 and params.cursor is None else None
    return {
        "query": outcome.query,
        "locale": outcome.locale,
        "count": outcome.total,
        "limit": limit,
        "offset": offset,
        "degraded": outcome.degraded,
        "items": outcome.hits,
        "facets": {"type": outcome.type_facets, "theme": outcome.theme_facets},
        "cursor": cursor,
        "next": page_url(request, cursor=cursor, offset=None) if cursor else None,
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
    optionally only of one ``type``, best first. Facet counts by type ignore ``type`` so
    clients can show the other types' counts. Follow ``next`` (or pass ``cursor``) to walk
    the results without repeats or gaps while content changes."""
    reject_unknown(request, ALLOWED)
    if params.cursor is None:
        return _response(
            request, params, _search(params, params.offset, params.limit), params.offset
        )
    if params.offset:
        raise BadParameter("offset", "use either cursor or offset")
    outcome, first = _page_after(params)
    return _response(request, params, outcome, first)
