"""Response schemas shared by every endpoint (the per-type ones are generated from these).

They are plain pydantic models, not ninja ``Schema``: endpoints return ready dicts, and
ninja's per-object resolver (built for ORM objects) would cost a third of a list's time.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel, Field


class Term(BaseModel):
    """A vocabulary term (theme, audience, region), named in the requested language."""

    id: int
    slug: str
    name: str


class OrganisationOut(BaseModel):
    id: int
    slug: str
    name: str
    short_name: str
    type: str
    city: str
    website: str


class RegionOut(Term):
    kind: str


class PersonOut(BaseModel):
    """A contact person; the job title is in the requested language."""

    id: int
    name: str
    job_title: str
    organisation: str | None
    phone: str
    email: str


class ImageOut(BaseModel):
    """A rendition of an image, sized for the web, with its alternative text."""

    url: str
    width: int
    height: int
    alt: str


class StreamBlockOut(BaseModel):
    """One block of a StreamField: its type name, stable id and typed value."""

    type: str
    id: str | None
    value: Any


class TranslationLink(BaseModel):
    id: int
    url: str


class PageItem(BaseModel):
    """What every page in the API has, whatever its type."""

    id: int
    translation_key: uuid.UUID
    locale: str = Field(description="Language of this item's text.")
    served_locale: str = Field(
        description="Language actually served (the same as `locale`); differs from "
        "`requested_locale` when `fallback=true` served the Finnish original."
    )
    requested_locale: str | None = Field(
        description="The `locale` the request asked for, or null when it asked for none."
    )
    type: str = Field(description="Content type key; also its API path (`/api/v1/<key>/`).")
    title: str
    slug: str
    url: str = Field(description="Absolute public URL of the page.")
    first_published_at: dt.datetime | None
    last_published_at: dt.datetime | None
    translations: dict[str, TranslationLink] = Field(
        description="Every live, public language version of this item (itself included), "
        "by language code."
    )


class Page(PageItem):
    """A page of any type, with the address of its typed representation."""

    api_url: str = Field(description="Absolute URL of this item in its type's endpoint.")
