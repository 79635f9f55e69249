"""The contribution a content-type plugin makes to the partner API.

A plugin declares an :class:`ApiContribution` in its ``plugin.py``, usually built in
``pages/<app>/api.py``. A plugin that declares none still gets its list and detail
endpoints, with the common item fields (and its ``lead``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from django.core.exceptions import FieldDoesNotExist
from django.db.models import QuerySet
from ninja import Schema

from cms.api.fields import ApiField, Value
from cms.plugins import Contribution

if TYPE_CHECKING:
    from cms.plugins import ContentTypePlugin

#: Orderings every type supports (each also descending with a leading ``-``).
COMMON_ORDERINGS = ("title", "first_published_at", "last_published_at", "id")


class NoFilters(Schema):
    """The type-specific parameters of a type that declares none."""


def keep_all(queryset: QuerySet, filters: Any) -> QuerySet:
    return queryset


@dataclass(frozen=True)
class ApiContribution(Contribution):
    """How one content type appears in ``/api/v1/<key>/``.

    - ``fields``: the type's own output fields, in order, after the common ones
      (see :mod:`cms.api.fields`); the item schema is generated from them.
    - ``filters``: a ninja ``Schema`` of the type's extra query parameters, and
      ``apply_filters(queryset, filters)`` that narrows the queryset with them (raise
      :class:`cms.api.errors.BadParameter` for a value that is valid JSON but meaningless).
    - ``orderings``: model fields partners may sort by, besides :data:`COMMON_ORDERINGS`;
      ``default_ordering`` applies when they give none (``None``: the plugin's
      ``newest_first``).
    - ``organisation_lookups``: the relations that the common ``organisation`` parameter
      matches by slug (any of them). The ``theme`` parameter matches the plugin's
      ``theme_field``.
    - ``description``: shown in the OpenAPI documentation of the type's endpoints.
    """

    fields: tuple[ApiField, ...] = ()
    filters: type[Schema] = NoFilters
    apply_filters: Callable[[QuerySet, Any], QuerySet] = keep_all
    orderings: tuple[str, ...] = ()
    default_ordering: tuple[str, ...] | None = None
    organisation_lookups: tuple[str, ...] = ()
    description: str = ""

    @classmethod
    def default_for(cls, plugin: ContentTypePlugin) -> ApiContribution:
        """The common fields, and the ``lead`` when the page model has one."""
        try:
            plugin.page_model._meta.get_field("lead")
        except FieldDoesNotExist:
            return cls()
        return cls(fields=(Value("lead", str),))

    def problems(self, plugin: ContentTypePlugin) -> list[str]:
        problems = []
        if not (isinstance(self.filters, type) and issubclass(self.filters, Schema)):
            problems.append(f"filters must be a ninja Schema subclass, not {self.filters!r}")
        for name in self.orderings:
            try:
                plugin.page_model._meta.get_field(name)
            except FieldDoesNotExist:
                problems.append(f"ordering {name!r} is not a field of {plugin.page_model.__name__}")
        return problems

    def ordering_choices(self) -> list[str]:
        names = [*COMMON_ORDERINGS, *self.orderings]
        return [variant for name in names for variant in (name, f"-{name}")]

    def ordering_for(self, plugin: ContentTypePlugin) -> tuple[str, ...]:
        """The order of a list when the partner asks for none."""
        return self.default_ordering or plugin.newest_first


def slug_lookups(
    plugin: ContentTypePlugin, parameter: Literal["theme", "organisation"]
) -> tuple[str, ...]:
    """The relations the common ``theme``/``organisation`` parameter matches on ``plugin``."""
    if parameter == "theme":
        return (plugin.theme_field,) if plugin.theme_field else ()
    return plugin.contribution(ApiContribution).organisation_lookups
