"""The list and detail endpoints of one content type, generated from its contribution.

(No ``from __future__ import annotations`` here: ninja reads the endpoint signatures,
whose types are the schemas generated in the enclosing function.)
"""

from typing import Any, Literal

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, Path, Query, Router, Schema
from pydantic import BaseModel, create_model

from cms.api.api_contribution import ApiContribution, slug_lookups
from cms.api.errors import Problem
from cms.api.fragments import (
    JSON_CONTENT_TYPE,
    STAMPS,
    item_json,
    items_json,
    list_body,
)
from cms.api.list_query import filter_pages, ordering_keys, paginate
from cms.api.params import (
    MAX_ID,
    ChoiceList,
    PageParams,
    PaginationParams,
    normalise,
    parameter_names,
    reject_unknown,
    sort_order,
)
from cms.api.schemas import PageItem
from cms.api.serialisation import SERVED_LANGUAGES, load_context, serialise_page
from cms.plugins import ContentTypePlugin
from cms.querysets import related_to_any_q
from cms.visibility import public_pages
from cms.vocabularies.catalogue import current_version

ERRORS = {400: Problem, 401: Problem, 404: Problem, 429: Problem}


def camel(key: str) -> str:
    return "".join(part.capitalize() for part in key.replace("-", "_").split("_"))


def python_name(name: str) -> str:
    """``project results`` -> ``project_results``: operation ids read ``<verb>_<noun>``,
    ``list_`` with the plural and ``get_`` with the singular (``get_project_result``)."""
    return "_".join(str(name).lower().replace("-", " ").split())


def list_schema(name: str, item: type[BaseModel]) -> type[BaseModel]:
    """The list envelope ``{"count", "items", "next", "previous"}`` around ``item``."""
    return create_model(
        name,
        __base__=BaseModel,
        count=(int, Field(description="Number of items matching the parameters.")),
        items=(list[item], ...),
        cursor=(
            str | None,
            Field(
                description="Keyset cursor of the next page (pass as `cursor`), if any: "
                "stable while content changes, unlike `offset`."
            ),
        ),
        next=(str | None, Field(description="URL of the next page (by `cursor`), if any.")),
        previous=(str | None, Field(description="URL of the previous page, if any.")),
    )


def item_schema(plugin: ContentTypePlugin, contribution: ApiContribution) -> type[BaseModel]:
    return create_model(
        f"{camel(plugin.key)}Item",
        __base__=PageItem,
        __doc__=contribution.description or f"One item of {plugin.key}.",
        **{field.name: (field.annotation(plugin.page_model), ...) for field in contribution.fields},
    )


def params_schema(plugin: ContentTypePlugin, contribution: ApiContribution) -> type[Schema]:
    ordering = Literal[tuple(contribution.ordering_choices())]  # type: ignore[valid-type]
    default = ",".join(contribution.ordering_for(plugin))
    return create_model(
        f"{camel(plugin.key)}Params",
        __base__=(contribution.filters, PageParams, PaginationParams),
        ordering=(
            ordering | None,
            Field(None, description=f"Sort order; `-` sorts descending. Default: {default}."),
        ),
        sort=(
            ChoiceList(contribution.ordering_choices()) | None,
            Field(None, description="Linked Events sorting: several `ordering` keys, by commas."),
        ),
    )


def build_router(plugin: ContentTypePlugin) -> Router:
    """``GET /<key>/`` and ``GET /<key>/{id}`` for one content type."""
    contribution = plugin.contribution(ApiContribution)
    model = plugin.page_model
    fields = contribution.fields
    Item = item_schema(plugin, contribution)
    ItemList = list_schema(f"{camel(plugin.key)}List", Item)
    Params = params_schema(plugin, contribution)
    allowed = parameter_names(Params)
    related = {
        "theme": lambda slugs: related_to_any_q(slug_lookups(plugin, "theme"), slugs),
        "organisation": lambda slugs: related_to_any_q(slug_lookups(plugin, "organisation"), slugs),
    }
    prefetch = [name for field in fields for name in field.prefetch()]
    router = Router(tags=[plugin.key])

    def serialise(request: HttpRequest, pages: list, locale: str | None) -> list[dict]:
        context = load_context(request, pages, fields, locale)
        return [serialise_page(page, plugin.key, fields, context) for page in pages]

    @router.get(
        "/",
        response={200: ItemList, **ERRORS},
        summary=f"List {plugin.verbose_name_plural}",
        description=contribution.description
        or f"Live, public {plugin.verbose_name_plural}: filtered, ordered and paged.",
        operation_id=f"list_{python_name(plugin.verbose_name_plural)}",
        url_name=f"{plugin.key}-list",
    )
    def list_items(request: HttpRequest, params: Query[Params]) -> Any:
        reject_unknown(request, allowed)
        normalise(request, params)
        queryset = filter_pages(model.objects.all(), params, related)
        queryset = contribution.apply_filters(queryset, params)
        keys = ordering_keys(sort_order(request, params), contribution.ordering_for(plugin))
        page = paginate(request, queryset, params, keys, params.locale, light=STAMPS)

        def build(ids: list[int]) -> list[tuple[Any, str, str]]:
            pages = list(queryset.prefetch_related(*prefetch).order_by().filter(pk__in=ids))
            items = serialise(request, pages, params.locale)
            return [
                (row, item["served_locale"], item_json(Item, item))
                for row, item in zip(pages, items, strict=True)
            ]

        texts, served = items_json(
            plugin.key, page.pop("objects"), params.locale, current_version(), build
        )
        # Content-Language names the languages of the items served, in their order.
        request.__dict__[SERVED_LANGUAGES] = list(dict.fromkeys(served))
        return HttpResponse(list_body(page, texts), content_type=JSON_CONTENT_TYPE)

    @router.get(
        "/{id}",
        response={200: Item, **ERRORS},
        summary=f"One of the {plugin.verbose_name_plural}",
        description=f"One of the {plugin.verbose_name_plural} by its `id`, in the language "
        "it is written in; `translations` gives its other language versions. 404 unless it "
        "is live and public.",
        operation_id=f"get_{python_name(model._meta.verbose_name)}",
        url_name=f"{plugin.key}-detail",
    )
    def get_item(request: HttpRequest, id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
        reject_unknown(request, set())
        page = public_pages(model.objects.filter(pk=id)).prefetch_related(*prefetch).first()
        if page is None:
            raise Http404(f"No public {model._meta.verbose_name} with id {id}.")
        return serialise(request, [page], None)[0]

    return router
