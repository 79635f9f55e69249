"""The base of every content type's QuerySet: where a plugin writes its rules as SQL.

A business rule ("registration is open", "the grant call is open", "the project is
ongoing") is written once as a QuerySet method, beside its Python twin on the model (a
method or property for one page), and every channel calls those: the partner API's
filters, the site's listing form, the feeds and the editorial rules. A plugin declares
``objects = PageManager.from_queryset(MyQuerySet)()`` with ``MyQuerySet`` a subclass of
:class:`ContentPageQuerySet`; the tests of each rule check that the two versions agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Self

from django.db.models import Q
from wagtail.query import PageQuerySet


def related_to_any_q(lookups: Iterable[str], slugs: Iterable[str]) -> Q:
    """Rows related through any of ``lookups`` to a row with one of ``slugs``."""
    slugs = list(slugs)
    condition = Q(pk__in=[])
    for lookup in lookups:
        condition |= Q(**{f"{lookup}__slug__in": slugs})
    return condition


class ContentPageQuerySet(PageQuerySet):
    """Filters every content type shares; plugins add their own rules in a subclass."""

    def related_to_any(self, lookups: str | Iterable[str], slugs: Iterable[str]) -> Self:
        """Pages related through any of ``lookups`` to a vocabulary row with one of ``slugs``.

        Filtering through a subquery keeps each page once however many rows match (a
        vocabulary has a row per language with the same slug).
        """
        if isinstance(lookups, str):
            lookups = (lookups,)
        matching = self.model.objects.filter(related_to_any_q(lookups, slugs)).values("pk")
        return self.filter(pk__in=matching)

    def related_to_each(self, lookup: str, slugs: Iterable[str]) -> Self:
        """Pages related through ``lookup`` to rows with every one of ``slugs``."""
        queryset = self
        for slug in slugs:
            queryset = queryset.related_to_any(lookup, [slug])
        return queryset
