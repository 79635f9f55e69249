"""``GET /changes/``: the ordered log of public changes, paged by an opaque cursor.

A partner stores ``next_cursor`` after each sync and passes it as ``cursor`` next time,
receiving every event logged since, including tombstones (``unpublished``, ``deleted``)
for pages it must drop. Cursors are stable: they encode a position in an append-only log.
"""

import base64
import binascii
import datetime as dt
import uuid
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from pydantic import BaseModel

from cms.api.content import ERRORS
from cms.api.errors import BadParameter
from cms.api.models import ChangeEvent
from cms.api.params import LocaleCode, SlugList, parameter_names, reject_unknown, split_list
from cms.plugins import registry

CURSOR_VERSION = "c1"
MAX_LIMIT = 500


def encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"{CURSOR_VERSION}:{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        version, position = raw.split(":")
        if version != CURSOR_VERSION or not position.isdigit():
            raise ValueError(raw)
        return int(position)
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise BadParameter("cursor", "not a cursor this API issued") from error


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


ALLOWED = parameter_names(ChangeParams)
router = Router(tags=["changes"])


@router.get(
    "/",
    response={200: ChangeList, **ERRORS},
    summary="Changes since a cursor",
    description="Published, updated, moved, unpublished and deleted events after "
    "`cursor`, oldest first; store `next_cursor` and read again from it.",
    operation_id="list_changes",
)
def list_changes(request: HttpRequest, params: Query[ChangeParams]) -> Any:
    reject_unknown(request, ALLOWED)
    position = decode_cursor(params.cursor) if params.cursor else 0
    events = ChangeEvent.objects.filter(id__gt=position).order_by("id")
    if params.type:
        types = split_list(params.type)
        unknown = [name for name in types if name not in registry]
        if unknown:
            raise BadParameter("type", f"unknown type {unknown[0]!r}")
        events = events.filter(type__in=types)
    if params.locale:
        events = events.filter(locale=params.locale)
    batch = list(events[: params.limit + 1])
    has_more = len(batch) > params.limit
    batch = batch[: params.limit]
    return {
        "items": [change.as_payload() for change in batch],
        "next_cursor": encode_cursor(batch[-1].pk if batch else position),
        "has_more": has_more,
    }
