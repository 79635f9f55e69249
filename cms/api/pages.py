"""``GET /pages/``: every content type in one list, with the common item fields."""

from typing import Any, Literal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Field, Path, Query, Router
from pydantic import create_model
from wagtail.models import Page

from cms.api.api_contribution import COMMON_ORDERINGS, slug_lookups
from cms.api.content import ERRORS, list_schema
from cms.api.list_query import any_slug, filter_pages, ordering_keys, paginate
from cms.api.params import (
    MAX_ID,
    ChoiceList,
    PageParams,
    PaginationParams,
    SlugList,
    choice_list,
    normalise,
    parameter_names,
    reject_unknown,
    sort_order,
)
from cms.api.schemas import Page as PageOut
from cms.api.serialisation import load_context, serialise_page, type_keys
from cms.origin import absolute_url
from cms.plugins import registry
from cms.visibility import public_pages

NAMESPACE = "partner_api_v1"


def across_types(parameter: Literal["theme", "organisation"]) -> Any:
    """The common ``theme``/``organisation`` filter as a condition over every type."""

    def condition(slugs: list[str]) -> Q:
        matched = Q(pk__in=[])
        for plugin in registry:
            lookups = slug_lookups(plugin, parameter)
            if lookups:
                pages = plugin.page_model.objects.filter(any_slug(lookups, slugs))
                matched |= Q(pk__in=pages.values("pk"))
        return matched

    return condition


class TypeParams(PageParams):
    type: SlugList | None = Field(
        None, description="Only these content types, by key (as in `/api/v1/<key>/`)."
    )


ORDERINGS = tuple(f"{sign}{name}" for name in COMMON_ORDERINGS for sign in ("", "-"))
PagesParams = create_model(
    "PagesParams",
    __base__=(TypeParams, PaginationParams),
    ordering=(
        Literal[ORDERINGS] | None,
        Field(None, description="Sort order; `-` sorts descending. Default: -last_published_at."),
    ),
    sort=(
        ChoiceList(ORDERINGS) | None,
        Field(None, description="Linked Events sorting: several `ordering` keys, by commas."),
    ),
)
PageList = list_schema("PageList", PageOut)
ALLOWED = parameter_names(PagesParams)
RELATED = {"theme": across_types("theme"), "organisation": across_types("organisation")}

router = Router(tags=["pages"])


def serialise(request: HttpRequest, pages: list[Page], locale: str | None) -> list[dict]:
    keys = type_keys()
    context = load_context(request, pages, (), locale)
    items = []
    for page in pages:
        key = keys[page.content_type_id]
        item = serialise_page(page, key, (), context)
        path = reverse(f"{NAMESPACE}:{key}-detail", kwargs={"id": page.pk})
        item["api_url"] = absolute_url(path)
        items.append(item)
    return items


def content_pages() -> Any:
    content_types = ContentType.objects.get_for_models(*registry.page_models()).values()
    return Page.objects.filter(content_type__in=list(content_types))


@router.get(
    "/",
    response={200: PageList, **ERRORS},
    summary="List pages of every type",
    description="Live, public pages of every content type (optionally some `type`s), "
    "newest first, with the common fields and each item's `api_url` in its typed endpoint.",
    operation_id="list_pages",
)
def list_pages(request: HttpRequest, params: Query[PagesParams]) -> Any:
    reject_unknown(request, ALLOWED)
    normalise(request, params)
    queryset = filter_pages(content_pages(), params, RELATED)
    if params.type:
        keys = choice_list("type", params.type, [plugin.key for plugin in registry])
        models = [registry.get(key).page_model for key in keys]
        content_types = ContentType.objects.get_for_models(*models).values()
        queryset = queryset.filter(content_type__in=list(content_types))
    keys = ordering_keys(sort_order(request, params), ("-last_published_at",))
    page = paginate(request, queryset, params, keys)
    page["items"] = serialise(request, page.pop("objects"), params.locale)
    return page


@router.get(
    "/{id}",
    response={200: PageOut, **ERRORS},
    summary="One page of any type",
    description="The common fields of one live, public page of any type by its `id`; "
    "`api_url` gives its full typed representation.",
    operation_id="get_page",
)
def get_page(request: HttpRequest, id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    reject_unknown(request, set())
    page = public_pages(content_pages().filter(pk=id)).first()
    if page is None:
        raise Http404(f"No public page with id {id}.")
    return serialise(request, [page], None)[0]
