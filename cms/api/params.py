"""Query parameters every list endpoint shares, and the strictness rules for all of them.

Each endpoint declares its parameters as ninja ``Schema`` classes; :func:`reject_unknown`
compares the query string against exactly those declarations, so a misspelt parameter
(``?tehme=``) gets a 400 naming it instead of silently returning everything.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from typing import Annotated, Any, Literal

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator, BeforeValidator

from cms.api.errors import BadParameter
from cms.daterange import check_date
from cms.timezones import helsinki_date, in_helsinki, start_of_day

MAX_LIMIT = 100
DEFAULT_LIMIT = 20
#: Generous, but keeps every offset within what any database accepts as an integer.
MAX_OFFSET = 1_000_000
#: The largest value of the integer primary keys; larger ids cannot exist.
MAX_ID = 2**31 - 1

LocaleCode = Literal[tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)]  # type: ignore[valid-type]
#: A language code, or ``all`` for every language version (what a list gives without one).
ALL_LOCALES = "all"
LocaleOrAll = Literal[(*(code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES), ALL_LOCALES)]  # type: ignore[valid-type]
DEFAULT_LOCALE: str = settings.LANGUAGE_CODE

#: A comma-separated list of slugs, e.g. ``theme=quality,leadership``.
SlugList = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9_-]+(,[a-z0-9_-]+)*$",
        max_length=500,
        description="One or more slugs, separated by commas.",
    ),
]
#: Free text without control characters (which some databases refuse outright).
SearchText = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")]


def ChoiceList(values: Iterable[str]) -> Any:
    """A comma-separated list of some of ``values``, e.g. ``format=online,hybrid``."""
    alternatives = "|".join(re.escape(value) for value in values)
    return Annotated[str, Field(pattern=rf"^({alternatives})(,({alternatives}))*$", max_length=500)]


def _iso_datetime(value: object) -> object:
    """Only ISO 8601 text: pydantic would also read ``0.5`` as a Unix time."""
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip())
        except ValueError as error:
            raise ValueError(f"not an ISO 8601 date-time: {error}") from error
    return value


def _iso_date(value: object) -> object:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as error:
            raise ValueError(f"not an ISO 8601 date (YYYY-MM-DD): {error}") from error
    return value


def _true_or_false(value: object) -> object:
    """Booleans are ``true``/``false`` as in the schema, ``True``/``False`` as Linked Events
    writes them, or ``1``/``0`` as HTML forms send them (Django's forms accept all of these);
    ``yes`` or ``on`` are refused rather than guessed."""
    if isinstance(value, str):
        if value not in ("true", "false", "True", "False", "1", "0"):
            raise ValueError("use true or false (or 1 or 0)")
        return value in ("true", "True", "1")
    return value


AwareDateTime = Annotated[
    dt.datetime,
    BeforeValidator(_iso_datetime),
    AfterValidator(check_date),
    AfterValidator(in_helsinki),
]
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date), AfterValidator(check_date)]
Boolean = Annotated[bool, BeforeValidator(_true_or_false)]


def split_list(value: str | None) -> list[str]:
    """The items of a comma-separated parameter value."""
    return [item for item in (value or "").split(",") if item]


def choice_list(parameter: str, value: str | None, allowed: Iterable[str]) -> list[str]:
    """The items of a comma-separated choice parameter, each checked against ``allowed``."""
    allowed = list(allowed)
    items = split_list(value)
    for item in items:
        if item not in allowed:
            raise BadParameter(parameter, f"{item!r} is not one of: {', '.join(allowed)}")
    return items


#: ``today``, ``now``, a relative time such as ``-7d``, ``-12h`` or ``-30m``, or ISO 8601.
RelativeMoment = Annotated[
    str,
    Field(
        max_length=40,
        pattern=r"^(today|now|-\d{1,4}[dhm]|\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-][0-9:]+)?)?)$",
        description="An ISO 8601 date or date-time (Finnish time without an offset), "
        "`today`, `now`, or a time relative to now: `-7d`, `-12h`, `-30m`.",
    ),
]
RELATIVE_UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def relative_moment(parameter: str, value: str) -> dt.datetime:
    """The instant a :data:`RelativeMoment` names (``today``: its start, Finnish time)."""
    now = timezone.now()
    if value == "now":
        return now
    if value == "today":
        return start_of_day(helsinki_date(now))
    if value.startswith("-"):
        return now - dt.timedelta(**{RELATIVE_UNITS[value[-1]]: int(value[1:-1])})
    try:
        moment = _iso_datetime(value)
    except ValueError as error:
        raise BadParameter(parameter, str(error)) from error
    return in_helsinki(moment)


INCLUDABLE = ("keywords", "location", "audience", "organiser", "contacts", "translations")


class PageParams(Schema):
    """Parameters of every page list: language, identity, full text, vocabulary, freshness.

    Partners used to the Linked Events API may use its names where the meaning is the
    same: ``text`` (``search``), ``last_modified_since`` (``updated_since``),
    ``translation``, ``include``, and ``sort``, ``page`` and ``page_size``.
    """

    locale: LocaleOrAll | None = Field(
        None,
        description="Only items in this language (fi, sv or en). Without it, or with `all`, "
        "a list has every language version: each translation is an item of its own.",
    )
    fallback: Boolean = Field(
        False,
        description=(
            "With `locale`: where an item has no live translation in that language, serve the "
            "Finnish original instead; `served_locale` says which language was served."
        ),
    )
    translation_key: uuid.UUID | None = Field(
        None, description="Only the translations of one item (they share a translation key)."
    )
    search: SearchText | None = Field(None, description="Full-text search.")
    theme: SlugList | None = Field(None, description="Theme slugs (any of them matches).")
    organisation: SlugList | None = Field(
        None, description="Organisation slugs (any of them matches)."
    )
    updated_since: AwareDateTime | None = Field(
        None,
        description="Only items published or changed at or after this ISO 8601 time "
        "(Finnish time when no offset is given).",
    )
    text: SearchText | None = Field(None, description="Linked Events name of `search`.")
    last_modified_since: RelativeMoment | None = Field(
        None, description="`updated_since` that also takes `today`, `now` and `-7d`-style times."
    )
    translation: LocaleCode | None = Field(
        None, description="Only items that have a public version in this language."
    )
    include: ChoiceList(INCLUDABLE) | None = Field(
        None,
        description="Linked Events' embedding of related objects. Accepted for "
        "compatibility: items always embed them.",
    )


class PaginationParams(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page (1–100).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")
    page: int | None = Field(
        None, ge=1, le=MAX_OFFSET, description="Linked Events paging: page number from 1."
    )
    page_size: int | None = Field(
        None, ge=1, le=MAX_LIMIT, description="Linked Events name of `limit`."
    )
    cursor: str | None = Field(
        None,
        max_length=1000,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="`cursor` of the previous page: continue right after its last item, "
        "however content changed meanwhile (not combinable with `offset`).",
    )


def _one_of(request: HttpRequest, ours: str, theirs: str) -> None:
    if ours in request.GET and theirs in request.GET:
        raise BadParameter(theirs, f"give either {ours} or {theirs}, not both")


def normalise(request: HttpRequest, params: Any) -> Any:
    """Fold the Linked Events names into ours, so the rest of the code knows only ours."""
    if getattr(params, "locale", None) == ALL_LOCALES:
        params.locale = None
    if getattr(params, "text", None):
        _one_of(request, "search", "text")
        params.search = params.text
    if getattr(params, "last_modified_since", None):
        _one_of(request, "updated_since", "last_modified_since")
        params.updated_since = relative_moment("last_modified_since", params.last_modified_since)
    if getattr(params, "page_size", None):
        _one_of(request, "limit", "page_size")
        params.limit = params.page_size
    if getattr(params, "page", None):
        for other in ("offset", "cursor"):
            _one_of(request, other, "page")
        params.offset = (params.page - 1) * params.limit
    return params


def sort_order(request: HttpRequest, params: Any) -> list[str]:
    """The sort keys from ``ordering`` or Linked Events' ``sort`` (several keys)."""
    _one_of(request, "ordering", "sort")
    if params.sort:
        return split_list(params.sort)
    return [params.ordering] if params.ordering else []


def parameter_names(*schemas: type[Schema]) -> set[str]:
    """The query parameter names the given schemas accept (aliases included)."""
    names: set[str] = set()
    for schema in schemas:
        for name, info in schema.model_fields.items():
            names.add(info.alias or name)
    return names


def reject_unknown(request: HttpRequest, allowed: set[str]) -> None:
    """Refuse a query string that has a parameter no schema of the endpoint declares."""
    unknown = sorted(set(request.GET) - allowed)
    if unknown:
        raise BadParameter(
            unknown[0], f"unknown parameter; this endpoint accepts: {', '.join(sorted(allowed))}"
        )
