"""Turning a page of results into JSON items with a constant number of queries.

For a list, :func:`load_context` runs two queries whatever the number of items: one for
the ids of every many-to-many relation the type's fields declare (a UNION over the
through tables) and one for the live, public translations of every item. Related
vocabulary rows then come from the in-memory :mod:`cms.vocabularies.catalogue`.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import CharField, Value
from django.http import HttpRequest
from wagtail.models import Locale, Page

from cms.plugins import registry
from cms.visibility import public_pages
from cms.vocabularies.catalogue import catalogue, current_version, locale_id

if TYPE_CHECKING:
    from cms.api.fields import ApiField

#: Rendition of images in the API: large enough for a hero, never upscaled.
IMAGE_FILTER = "max-1600x1200"


@dataclass
class SerialisationContext:
    """What serialising a batch of pages needs: loaded relations and the naming language."""

    request: HttpRequest
    requested_locale: str | None
    version: str = field(default_factory=current_version)
    related: dict[tuple[int, str], list[int]] = field(default_factory=dict)
    translations: dict[uuid.UUID, dict[str, dict]] = field(default_factory=dict)
    #: Locale whose vocabulary rows are shown; set per page by :func:`serialise_page`.
    naming_locale_id: int | None = None

    def __post_init__(self) -> None:
        self.requested_locale_id = (
            locale_id(self.requested_locale) if self.requested_locale else None
        )

    def localized(self, model: type[models.Model], pk: int | None) -> Any | None:
        return catalogue(model, self.version).localized(pk, self.naming_locale_id)

    def related_ids(self, page: Page, name: str) -> list[int]:
        return self.related.get((page.pk, name), [])

    def locale_code(self, pk: int) -> str:
        return catalogue(Locale, self.version).by_id[pk].language_code

    def image(self, image: Any) -> dict:
        rendition = image.get_rendition(IMAGE_FILTER)
        return {
            "url": self.request.build_absolute_uri(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(image, "default_alt_text", "") or image.title,
        }

    def page_link(self, page: Page) -> dict | None:
        """A link to another page, or ``None`` unless that page is public."""
        if not public_pages(Page.objects.filter(pk=page.pk)).exists():
            return None
        return {"id": page.pk, "title": page.title, "url": page.get_full_url(self.request)}


def load_related_ids(
    model: type[models.Model], page_ids: Sequence[int], names: Iterable[str]
) -> dict[tuple[int, str], list[int]]:
    """The target ids of many-to-many fields ``names`` for ``page_ids``, in one query."""
    parts = []
    for name in names:
        relation = model._meta.get_field(name)
        through = relation.remote_field.through
        source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        parts.append(
            through.objects.filter(**{f"{source}__in": page_ids})
            .order_by()
            .values_list(source, target, "pk")
            .annotate(relation=Value(name, output_field=CharField()))
        )
    related: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)
    if not parts or not page_ids:
        return {}
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    for page_id, target_id, through_id, name in rows:
        related[(page_id, name)].append((through_id, target_id))
    return {key: [target for _order, target in sorted(pairs)] for key, pairs in related.items()}


def load_translations(
    request: HttpRequest, translation_keys: Iterable[uuid.UUID], version: str
) -> dict[uuid.UUID, dict[str, dict]]:
    """Every live, public page sharing one of ``translation_keys``, by key and language."""
    locales = catalogue(Locale, version).by_id
    pages = public_pages(Page.objects.filter(translation_key__in=set(translation_keys))).only(
        "id", "translation_key", "url_path", "locale_id"
    )
    translations: dict[uuid.UUID, dict[str, dict]] = defaultdict(dict)
    for page in pages:
        translations[page.translation_key][locales[page.locale_id].language_code] = {
            "id": page.pk,
            "url": page.get_full_url(request) or "",
        }
    return translations


def load_context(
    request: HttpRequest,
    pages: Sequence[Page],
    fields: Sequence[ApiField],
    requested_locale: str | None,
) -> SerialisationContext:
    context = SerialisationContext(request=request, requested_locale=requested_locale)
    names = [field.many_to_many for field in fields if field.many_to_many]
    if pages and names:
        context.related = load_related_ids(type(pages[0]), [page.pk for page in pages], names)
    if pages:
        context.translations = load_translations(
            request, (page.translation_key for page in pages), context.version
        )
    return context


def type_keys() -> dict[int, str]:
    """Plugin key by the content type id of its page model (content types are cached)."""
    return {
        ContentType.objects.get_for_model(plugin.page_model).pk: plugin.key for plugin in registry
    }


def serialise_page(
    page: Page, type_key: str, fields: Sequence[ApiField], context: SerialisationContext
) -> dict:
    """The common item fields of ``page`` followed by its type's declared fields."""
    served_locale = context.locale_code(page.locale_id)
    context.naming_locale_id = context.requested_locale_id or page.locale_id
    item = {
        "id": page.pk,
        "translation_key": page.translation_key,
        "locale": context.requested_locale or served_locale,
        "served_locale": served_locale,
        "type": type_key,
        "title": page.title,
        "slug": page.slug,
        "url": page.get_full_url(context.request) or "",
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "translations": context.translations.get(page.translation_key, {}),
    }
    for api_field in fields:
        item[api_field.name] = api_field.value(page, context)
    return item
