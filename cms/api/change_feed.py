"""``GET /changes/``: the ordered log of public changes, paged by an opaque cursor.

A partner stores ``next_cursor`` after each sync and passes it as ``cursor`` next time,
receiving every event logged since, including tombstones (``unpublished``, ``deleted``)
for pages it must drop. ``GET /changes/head/`` gives the current end of the feed: take
it, copy the lists, then follow the feed from it.

The feed never skips an event. Events are ordered by (writing transaction, id), and on
PostgreSQL only events of transactions older than the oldest one still open are handed
out, so an event that commits later always lands after any cursor given out before (an
id sequence alone would not do: a transaction that started earlier may commit later with
a smaller id). SQLite has one writer at a time, so its ids are already commit order.
"""

import base64
import binascii
import datetime as dt
import uuid
from typing import Any, Literal

from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema
from pydantic import BaseModel

from cms.api.content import ERRORS
from cms.api.errors import BadParameter
from cms.api.models import ChangeEvent
from cms.api.params import LocaleCode, SlugList, parameter_names, reject_unknown, split_list
from cms.plugins import registry

CURSOR_VERSION = "c2"
#: Cursors of the first feed version held only an event id.
LEGACY_CURSOR_VERSION = "c1"
MAX_LIMIT = 500
#: Partners must never be served a feed page from a cache: it would hide newer events.
CACHE_CONTROL = "no-store"

Position = tuple[int, int]


def encode_cursor(txid: int, event_id: int) -> str:
    raw = f"{CURSOR_VERSION}:{txid}:{event_id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> Position:
    """The (transaction, id) position a cursor encodes; 400 for anything else."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        version, *numbers = raw.split(":")
        if not all(number.isdigit() for number in numbers):
            raise ValueError(raw)
        if version == CURSOR_VERSION and len(numbers) == 2:
            return int(numbers[0]), int(numbers[1])
        if version == LEGACY_CURSOR_VERSION and len(numbers) == 1:
            event = ChangeEvent.objects.filter(pk=int(numbers[0])).first()
            return (event.txid if event else 0), int(numbers[0])
        raise ValueError(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise BadParameter("cursor", "not a cursor this API issued") from error


def settled(events: QuerySet) -> QuerySet:
    """Only events no still-open transaction can precede (all of them outside PostgreSQL).

    The bound is read in the same statement (the same snapshot) as the events. A
    transaction also sees its own events; the feed's own request never writes any.
    Transaction ids belong to the whole PostgreSQL cluster, so a long transaction in
    another database of the same server delays events as well (never skips them).
    """
    if connection.vendor != "postgresql":
        return events
    return events.alias(
        oldest_open=RawSQL("pg_snapshot_xmin(pg_current_snapshot())::text::bigint", []),
        own=RawSQL("pg_current_xact_id_if_assigned()::text::bigint", []),
    ).filter(Q(txid__lt=F("oldest_open")) | Q(txid=F("own")))


def after(events: QuerySet, position: Position) -> QuerySet:
    txid, event_id = position
    return events.filter(Q(txid__gt=txid) | Q(txid=txid, id__gt=event_id))


class ChangeParams(Schema):
    cursor: str | None = Field(
        None,
        max_length=100,
        description="`next_cursor` of the previous answer; omit it to start from the beginning.",
    )
    type: SlugList | None = Field(None, description="Only these content types.")
    locale: LocaleCode | None = Field(None, description="Only this language.")
    limit: int = Field(100, ge=1, le=MAX_LIMIT, description="Events per answer (1–500).")


class Change(BaseModel):
    event_id: int = Field(description="Id of this event: the same in webhook payloads.")
    cursor: str = Field(description="Position right after this event, usable as `cursor`.")
    event: Literal["published", "updated", "unpublished", "moved", "deleted"]
    id: int = Field(description="Page id.")
    translation_key: uuid.UUID
    type: str
    locale: str
    at: dt.datetime


class ChangeList(BaseModel):
    items: list[Change]
    next_cursor: str = Field(description="Pass as `cursor` to continue after these events.")
    has_more: bool = Field(description="More events are available right away.")


class FeedHead(BaseModel):
    cursor: str = Field(
        description="The end of the feed now: copy the lists, then read `/changes/` from here."
    )


ALLOWED = parameter_names(ChangeParams)
router = Router(tags=["changes"])


def filtered(params: ChangeParams) -> QuerySet:
    events = settled(ChangeEvent.objects.all())
    if params.type:
        types = split_list(params.type)
        unknown = [name for name in types if name not in registry]
        if unknown:
            raise BadParameter("type", f"unknown type {unknown[0]!r}")
        events = events.filter(type__in=types)
    if params.locale:
        events = events.filter(locale=params.locale)
    return events


@router.get(
    "/",
    response={200: ChangeList, **ERRORS},
    summary="Changes since a cursor",
    description="Published, updated, moved, unpublished and deleted events after "
    "`cursor`, oldest first; store `next_cursor` and read again from it. Never cached "
    "(`Cache-Control: no-store`); the `ETag` still allows a 304.",
    operation_id="list_changes",
)
def list_changes(request: HttpRequest, response: HttpResponse, params: Query[ChangeParams]) -> Any:
    reject_unknown(request, ALLOWED)
    response["Cache-Control"] = CACHE_CONTROL
    position = decode_cursor(params.cursor) if params.cursor else (0, 0)
    events = after(filtered(params), position).order_by("txid", "id")
    batch = list(events[: params.limit + 1])
    has_more = len(batch) > params.limit
    batch = batch[: params.limit]
    last = (batch[-1].txid, batch[-1].pk) if batch else position
    return {
        "items": [change.as_payload() for change in batch],
        "next_cursor": encode_cursor(*last),
        "has_more": has_more,
    }


class HeadParams(Schema):
    type: SlugList | None = Field(None, description="Only these content types.")
    locale: LocaleCode | None = Field(None, description="Only this language.")


HEAD_ALLOWED = parameter_names(HeadParams)


@router.get(
    "/head/",
    response={200: FeedHead, **ERRORS},
    summary="The current end of the change feed",
    description="One indexed query. Take it before copying the lists, then follow "
    "`/changes/?cursor=` from it: nothing committed after it is missed.",
    operation_id="get_changes_head",
)
def changes_head(request: HttpRequest, response: HttpResponse, params: Query[HeadParams]) -> Any:
    reject_unknown(request, HEAD_ALLOWED)
    response["Cache-Control"] = CACHE_CONTROL
    last = (
        filtered(ChangeParams(type=params.type, locale=params.locale))
        .order_by("-txid", "-id")
        .values_list("txid", "id")
        .first()
    )
    return {"cursor": encode_cursor(*(last or (0, 0)))}
