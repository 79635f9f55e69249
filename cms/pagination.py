"""Slicing large ordered page listings without sorting whole rows ("deferred join").

``queryset[start:stop]`` on a listing of thousands of pages makes the database sort every
matching row with all of its columns (a page row is wide: the core page, the content type's
fields, the joined vocabulary rows) before it can skip to the slice. Sorting only the
primary keys and then reading the few rows of the slice is several times cheaper on deep
pages, for one extra query whatever the page size, so listings keep a constant query count.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import QuerySet


def rows_in_slice(queryset: QuerySet, start: int, stop: int) -> list[Any]:
    """The objects ``queryset[start:stop]`` in the queryset's order, sorting keys only.

    The rows are read through ``queryset`` itself, so its ``select_related`` and
    ``prefetch_related`` still apply.
    """
    keys = list(queryset.values_list("pk", flat=True)[start:stop])
    if not keys:
        return []
    by_key = {row.pk: row for row in queryset.order_by().filter(pk__in=keys)}
    return [by_key[key] for key in keys if key in by_key]


class DeferredJoinPaginator(Paginator):
    """A :class:`Paginator` whose pages are read with :func:`rows_in_slice`."""

    def page(self, number: Any) -> PaginatorPage:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(rows_in_slice(self.object_list, bottom, top), number, self)
