"""``GET /organisations/``, ``/themes/``, ``/audiences/``, ``/regions/``: the shared terms.

Partners use the slugs listed here as values of the ``theme``, ``organisation``,
``audience``, ``keyword`` and ``location`` parameters; the slug is the same in every
language, the name is given in the requested one.
"""

import uuid
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router
from pydantic import BaseModel

from cms.api.content import ERRORS, list_schema
from cms.api.list_query import ordering_keys, paginate
from cms.api.params import (
    DEFAULT_LOCALE,
    LocaleCode,
    PaginationParams,
    SearchText,
    SlugList,
    normalise,
    parameter_names,
    reject_unknown,
    split_list,
)
from cms.vocabularies.models import Audience, Organisation, Region, Theme


class VocabularyParams(PaginationParams):
    locale: LocaleCode = Field(DEFAULT_LOCALE, description="Language of the names.")
    slug: SlugList | None = Field(None, description="Only these slugs.")
    search: SearchText | None = Field(None, description="Names containing this text.")


class TermItem(BaseModel):
    id: int
    translation_key: uuid.UUID
    locale: str
    slug: str
    name: str


class RegionItem(TermItem):
    kind: str


class OrganisationItem(TermItem):
    short_name: str
    type: str
    city: str
    website: str
    parent: str | None = Field(description="Slug of the parent organisation, if any.")


def term_item(row: Any) -> dict:
    return {
        "id": row.pk,
        "translation_key": row.translation_key,
        "locale": row.locale.language_code,
        "slug": row.slug,
        "name": row.name,
    }


def region_item(row: Region) -> dict:
    return {**term_item(row), "kind": row.kind}


def organisation_item(row: Organisation) -> dict:
    return {
        **term_item(row),
        "short_name": row.short_name,
        "type": row.organisation_type,
        "city": row.city,
        "website": row.website,
        "parent": row.parent.slug if row.parent else None,
    }


ALLOWED = parameter_names(VocabularyParams)
router = Router(tags=["vocabularies"])


def add_list_endpoint(
    path: str, model: type[Model], item: type[BaseModel], serialise: Any, related: tuple = ()
) -> None:
    """Register ``GET /<path>/`` listing ``model`` rows in one language."""

    @router.get(
        f"/{path}/",
        response={200: list_schema(f"{item.__name__}List", item), **ERRORS},
        summary=f"List {path}",
        description=f"Every term of the {path} vocabulary, named in `locale`; pages refer "
        "to terms by `slug`, which is the same in every language.",
        operation_id=f"list_{path}",
        url_name=f"{path}-list",
    )
    def list_terms(request: HttpRequest, params: Query[VocabularyParams]) -> Any:
        reject_unknown(request, ALLOWED)
        normalise(request, params)
        queryset: QuerySet = model._default_manager.filter(
            locale__language_code=params.locale
        ).select_related("locale", *related)
        if params.slug:
            queryset = queryset.filter(slug__in=split_list(params.slug))
        if params.search:
            queryset = queryset.filter(name__icontains=params.search)
        page = paginate(request, queryset, params, ordering_keys(None, ("name",)), params.locale)
        page["items"] = [serialise(row) for row in page.pop("objects")]
        return page


add_list_endpoint("organisations", Organisation, OrganisationItem, organisation_item, ("parent",))
add_list_endpoint("themes", Theme, TermItem, term_item)
add_list_endpoint("audiences", Audience, TermItem, term_item)
add_list_endpoint("regions", Region, RegionItem, region_item)
