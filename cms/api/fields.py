"""Declarations of the fields a content type exposes, from which its schema is generated.

A plugin lists its fields in ``pages/<app>/api.py``, e.g. ``Value("venue", str)``,
``Terms("themes")``, ``Stream("body")``. Each field knows its JSON schema type, how to
read its value from a page and which related rows it needs, so the core can build the
typed schema, load relations for a whole page of results in one query and serialise them
without a query per item.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from django.db import models
from wagtail.rich_text import expand_db_html

from cms.api import schemas
from cms.api.streams import serialise_stream

if TYPE_CHECKING:
    from cms.api.serialisation import SerialisationContext


@dataclass(frozen=True)
class ApiField:
    """One output field of a content type; subclasses say how to read and type it."""

    name: str

    #: The pydantic type of the field's JSON value.
    def annotation(self, page_model: type[models.Model]) -> Any:
        raise NotImplementedError

    def value(self, page: Any, context: SerialisationContext) -> Any:
        raise NotImplementedError

    #: A many-to-many field whose ids the core loads for all listed pages at once.
    many_to_many: str | None = field(default=None, init=False)

    def prefetch(self) -> list[str]:
        """Relations to ``prefetch_related`` (needed only by fields outside the catalogue)."""
        return []


#: The JSON type of a plain model field, by its class (the first that matches).
FIELD_TYPES: tuple[tuple[type[models.Field], Any], ...] = (
    (models.BooleanField, bool),
    (models.DateTimeField, dt.datetime),
    (models.DateField, dt.date),
    (models.DecimalField, float),
    (models.FloatField, float),
    (models.IntegerField, int),
    (models.CharField, str),
    (models.TextField, str),
)


def model_field_type(model_field: models.Field) -> Any:
    """What the model already says of a field's value: its type, choices and emptiness.

    A field with choices is one of its codes; a nullable field may be ``None``.
    """
    if model_field.choices:
        annotation: Any = Literal[tuple(value for value, _label in model_field.flatchoices)]
    else:
        annotation = next(
            (json_type for kind, json_type in FIELD_TYPES if isinstance(model_field, kind)), None
        )
        if annotation is None:
            raise TypeError(
                f"{model_field!r}: give Value(..., type) for a {type(model_field).__name__}"
            )
    return annotation | None if model_field.null else annotation


@dataclass(frozen=True)
class Value(ApiField):
    """A plain model attribute: text, number, date, boolean or a choice code.

    Its type comes from the model field (see :func:`model_field_type`); ``type`` is only
    needed for an attribute that is not a model field.
    """

    type: Any = None

    def annotation(self, page_model: type[models.Model]) -> Any:
        if self.type is not None:
            return self.type
        return model_field_type(page_model._meta.get_field(self.name))

    def value(self, page: Any, context: SerialisationContext) -> Any:
        return getattr(page, self.name)


@dataclass(frozen=True)
class Computed(ApiField):
    """A value computed from the page, e.g. where a training is in its lifecycle."""

    type: Any = str
    function: Callable[[Any], Any] = str

    def annotation(self, page_model: type[models.Model]) -> Any:
        return self.type

    def value(self, page: Any, context: SerialisationContext) -> Any:
        return self.function(page)


@dataclass(frozen=True)
class RichText(ApiField):
    """A rich text field as front-end HTML (internal links resolved to public URLs)."""

    def annotation(self, page_model: type[models.Model]) -> Any:
        return str

    def value(self, page: Any, context: SerialisationContext) -> str:
        html = expand_db_html(getattr(page, self.name) or "")
        if html and context.text_language_differs:
            # A fallback's HTML says its language, so a partner's page marks it (WCAG 3.1.2).
            return f'<div lang="{context.served_locale}">{html}</div>'
        return html


@dataclass(frozen=True)
class Stream(ApiField):
    """A StreamField as a list of typed blocks (``type``, ``id``, ``value``)."""

    def annotation(self, page_model: type[models.Model]) -> Any:
        return list[schemas.StreamBlockOut]

    def value(self, page: Any, context: SerialisationContext) -> list[dict]:
        return serialise_stream(getattr(page, self.name), context)


def _related_model(page: Any, name: str) -> type[models.Model]:
    return page._meta.get_field(name).related_model


def term(row: Any) -> dict:
    data = {"id": row.pk, "slug": row.slug, "name": row.name}
    if hasattr(row, "kind"):
        data["kind"] = row.kind
    return data


def organisation(row: Any) -> dict:
    return {
        "id": row.pk,
        "slug": row.slug,
        "name": row.name,
        "short_name": row.short_name,
        "type": row.organisation_type,
        "city": row.city,
        "website": row.website,
    }


def person(row: Any, context: SerialisationContext) -> dict:
    employer = context.localized(_related_model(row, "organisation"), row.organisation_id)
    return {
        "id": row.pk,
        "name": row.name,
        "job_title": row.job_title,
        "organisation": employer.name if employer else None,
        "phone": row.phone,
        "email": row.email,
    }


#: How a related vocabulary row is shown, by the kind of row.
SHAPES: dict[str, tuple[Any, Callable[..., dict]]] = {
    "term": (schemas.Term, term),
    "region": (schemas.RegionOut, term),
    "organisation": (schemas.OrganisationOut, organisation),
}


@dataclass(frozen=True)
class Related(ApiField):
    """A foreign key to a vocabulary row, inlined in the requested language.

    ``shape`` is ``"term"``, ``"region"`` or ``"organisation"``.
    """

    shape: str = "term"

    def annotation(self, page_model: type[models.Model]) -> Any:
        return SHAPES[self.shape][0] | None

    def value(self, page: Any, context: SerialisationContext) -> dict | None:
        model = _related_model(page, self.name)
        row = context.localized(model, getattr(page, f"{self.name}_id"))
        return SHAPES[self.shape][1](row) if row is not None else None


@dataclass(frozen=True)
class RelatedList(ApiField):
    """A many-to-many relation to vocabulary rows, inlined in the requested language."""

    shape: str = "term"

    def __post_init__(self) -> None:
        object.__setattr__(self, "many_to_many", self.name)

    def annotation(self, page_model: type[models.Model]) -> Any:
        return list[SHAPES[self.shape][0]]

    def rows(self, page: Any, context: SerialisationContext) -> list[Any]:
        model = _related_model(page, self.name)
        rows = (context.localized(model, pk) for pk in context.related_ids(page, self.name))
        return [row for row in rows if row is not None]

    def value(self, page: Any, context: SerialisationContext) -> list[dict]:
        return [SHAPES[self.shape][1](row) for row in self.rows(page, context)]


@dataclass(frozen=True)
class Contacts(RelatedList):
    """Contact persons, with their organisation's name in the requested language."""

    def annotation(self, page_model: type[models.Model]) -> Any:
        return list[schemas.PersonOut]

    def value(self, page: Any, context: SerialisationContext) -> list[dict]:
        return [person(row, context) for row in self.rows(page, context)]


@dataclass(frozen=True)
class LanguageCodes(RelatedList):
    """Languages (of instruction, of a publication) as ISO 639-1 codes."""

    def annotation(self, page_model: type[models.Model]) -> Any:
        return list[str]

    def value(self, page: Any, context: SerialisationContext) -> list[str]:
        return [row.code for row in self.rows(page, context)]


@dataclass(frozen=True)
class Image(ApiField):
    """An image foreign key as a web rendition with alt text.

    ``alt_from`` names a page attribute with the alternative text in the page's language
    (e.g. a per-translation override); by default the image's own alt text is used.
    """

    alt_from: str | None = None

    def annotation(self, page_model: type[models.Model]) -> Any:
        return schemas.ImageOut | None

    def prefetch(self) -> list[str]:
        return [self.name, f"{self.name}__renditions"]

    def value(self, page: Any, context: SerialisationContext) -> dict | None:
        image = getattr(page, self.name)
        if image is None:
            return None
        rendition = context.image(image)
        if self.alt_from and getattr(page, self.alt_from):
            rendition["alt"] = getattr(page, self.alt_from)
        return rendition
