"""The extension point a content-type plugin fills to appear in the partner API.

A plugin puts an :class:`ApiContribution` under ``contributions["api"]`` in its
``plugin.py``, usually built in ``pages/<app>/api.py``. A plugin that contributes nothing
still gets its list and detail endpoints, with the common item fields (and its ``lead``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import QuerySet
from ninja import Schema

from cms.api.fields import ApiField, Value

if TYPE_CHECKING:
    from cms.plugins import ContentTypePlugin

FEATURE = "api"

#: Orderings every type supports (each also descending with a leading ``-``).
COMMON_ORDERINGS = ("title", "first_published_at", "last_published_at", "id")


class NoFilters(Schema):
    """The type-specific parameters of a type that declares none."""


def keep_all(queryset: QuerySet, filters: Any) -> QuerySet:
    return queryset


@dataclass(frozen=True)
class ApiContribution:
    """How one content type appears in ``/api/v1/<key>/``.

    - ``fields``: the type's own output fields, in order, after the common ones
      (see :mod:`cms.api.fields`); the item schema is generated from them.
    - ``filters``: a ninja ``Schema`` of the type's extra query parameters, and
      ``apply_filters(queryset, filters)`` that narrows the queryset with them (raise
      :class:`cms.api.errors.BadParameter` for a value that is valid JSON but meaningless).
    - ``orderings``: model fields partners may sort by, besides :data:`COMMON_ORDERINGS`;
      ``default_ordering`` applies when they give none.
    - ``theme_lookups`` / ``organisation_lookups``: the relations that the common
      ``theme`` and ``organisation`` parameters match by slug (any of them).
    - ``description``: shown in the OpenAPI documentation of the type's endpoints.
    """

    fields: tuple[ApiField, ...] = ()
    filters: type[Schema] = NoFilters
    apply_filters: Callable[[QuerySet, Any], QuerySet] = keep_all
    orderings: tuple[str, ...] = ()
    default_ordering: tuple[str, ...] = ("-first_published_at",)
    theme_lookups: tuple[str, ...] = ()
    organisation_lookups: tuple[str, ...] = ()
    description: str = ""

    def ordering_choices(self) -> list[str]:
        names = [*COMMON_ORDERINGS, *self.orderings]
        return [variant for name in names for variant in (name, f"-{name}")]


def contribution_for(plugin: ContentTypePlugin) -> ApiContribution:
    """The plugin's contribution, or a default one exposing the common fields and ``lead``."""
    contribution = plugin.contributions.get(FEATURE)
    if contribution is not None:
        return contribution
    try:
        plugin.page_model._meta.get_field("lead")
    except FieldDoesNotExist:
        return ApiContribution()
    return ApiContribution(fields=(Value("lead", str),))
