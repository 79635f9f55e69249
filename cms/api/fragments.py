"""Each list item's JSON, kept in the shared cache so a change re-serialises only what changed.

A whole cached response (:mod:`cms.api.response_cache`) goes stale with any public change;
without this module the list after a publish would serialise all of its items again. Here
an item's JSON is stored under a key naming everything it shows:

- the page and its :class:`cms.api.models.PageState`: the digest of its item and when that
  last changed. The change log keeps both current for every cause, synchronously: the
  page's own publish, a new or withdrawn translation, a move or a listing page's new slug,
  a retitled or withdrawn related page (``cms.api.change_log``). ``changed_at`` is in the
  key too, so an item that returns to an earlier digest never meets a fragment stored
  from the rows in between. A page without a state (never announced) is not cached.
- its ``last_published_at``, the vocabulary catalogue's version (a renamed term, at once;
  the digests follow later in the background) and the requested ``locale`` (items say
  which was asked for and mark fallback text with its language).

Fields that move with the clock (a training's lifecycle) are kept with the item: each
fragment carries its own expiry, the next moment that page's state can move by itself
(the earliest future value of its date-time fields, or the next midnight in Helsinki, as
for whole responses), and is not used from then on.

The key's stamps are read before the rows a missing item is built from: a fragment is never
older than its key.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import DateTimeField
from django.utils import timezone
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder
from pydantic import BaseModel

from cms.api.models import PageState
from cms.api.response_cache import next_midnight

PREFIX = "partner-api:item:"
#: What ninja's JSON renderer says of its bodies.
JSON_CONTENT_TYPE = f"{JSONRenderer.media_type}; charset={settings.DEFAULT_CHARSET}"
#: Bump when the items' JSON changes shape (a deploy must not serve the old shape).
FORMAT = 1
TIMEOUT = 24 * 60 * 60
#: What a light row of the list carries besides its sort keys.
STAMPS = ("pk", "last_published_at")


def _key(
    type_key: str,
    row: Any,
    state: tuple[str, dt.datetime] | None,
    locale: str | None,
    vocabulary: str,
) -> str | None:
    if state is None:
        return None
    digest, changed_at = state
    published = row.last_published_at
    return (
        f"{PREFIX}{FORMAT}:{type_key}:{row.pk}:{digest}:{changed_at.timestamp()}:"
        f"{published.timestamp() if published else ''}:{locale or ''}:{vocabulary}"
    )


def expiry(page: Any, now: dt.datetime) -> float:
    """The next moment ``page``'s item can change by itself (as a Unix time)."""
    moments = [next_midnight(now)]
    for field in page._meta.concrete_fields:
        if isinstance(field, DateTimeField):
            value = getattr(page, field.attname)
            if value is not None and value > now:
                moments.append(value)
    return min(moments).timestamp()


def item_json(schema: type[BaseModel], item: dict) -> str:
    """One item as ninja would render it inside a list (validated by its schema)."""
    return json.dumps(schema.model_validate(item).model_dump(), cls=NinjaJSONEncoder)


def items_json(
    type_key: str,
    rows: Sequence[Any],
    locale: str | None,
    vocabulary: str,
    build: Callable[[list[int]], list[tuple[Any, str, str]]],
) -> tuple[list[str], list[str]]:
    """The JSON of each of ``rows`` (light rows with :data:`STAMPS`), and their languages.

    The pages' states are read first (one query), then the fragments (one ``get_many``).

    ``build(ids)`` serialises the pages whose fragment is missing or expired and returns
    ``(page, served locale, json)`` for each; those are stored for the next request.
    """
    states = {
        page_id: (digest, changed_at)
        for page_id, digest, changed_at in PageState.objects.filter(
            page_id__in=[row.pk for row in rows]
        ).values_list("page_id", "digest", "changed_at")
    }
    keys = {row.pk: _key(type_key, row, states.get(row.pk), locale, vocabulary) for row in rows}
    now = timezone.now()
    stored = cache.get_many([key for key in keys.values() if key is not None])
    found: dict[int, tuple[str, str]] = {}
    for page_id, key in keys.items():
        fragment = stored.get(key) if key is not None else None
        if fragment is not None and now.timestamp() < fragment[0]:
            found[page_id] = (fragment[1], fragment[2])
    missing = [page_id for page_id in keys if page_id not in found]
    if missing:
        fresh = {}
        for page, served, text in build(missing):
            found[page.pk] = (served, text)
            if keys[page.pk] is not None:
                fresh[keys[page.pk]] = (expiry(page, now), served, text)
        if fresh:
            cache.set_many(fresh, timeout=TIMEOUT)
    # A page withdrawn between the two reads is left out (its fragment cannot be built).
    texts = [found[row.pk] for row in rows if row.pk in found]
    return [text for _served, text in texts], [served for served, _text in texts]


def list_body(envelope: dict, items: Sequence[str]) -> str:
    """The list's JSON as ninja renders its list schema (``count``, ``items``, then links)."""
    links = json.dumps({name: envelope[name] for name in ("cursor", "next", "previous")})
    return f'{{"count": {int(envelope["count"])}, "items": [{", ".join(items)}], {links[1:]}'
