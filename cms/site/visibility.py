"""Which pages a reader may see: live and outside every view restriction.

Wagtail's ``QuerySet.public()`` reads the view restrictions again on every call; the site
chrome (navigation, breadcrumbs, language switcher, footer) filters several querysets per
request, so the restricted paths are read once per request here and reused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from wagtail.models import PageViewRestriction

if TYPE_CHECKING:
    from django.http import HttpRequest


def restricted_q(request: HttpRequest | None) -> Q | None:
    """Pages at or below a view-restricted page (password, login or group), or ``None``."""
    cached = getattr(request, "_restricted_pages_q", False) if request is not None else False
    if cached is not False:
        return cached
    paths = PageViewRestriction.objects.values_list("page__path", flat=True)
    condition = None
    for path in paths:
        condition = (
            Q(path__startswith=path) if condition is None else condition | Q(path__startswith=path)
        )
    if request is not None:
        request._restricted_pages_q = condition
    return condition


def visible(queryset: QuerySet, request: HttpRequest | None) -> QuerySet:
    """``queryset`` narrowed to live pages no view restriction hides."""
    condition = restricted_q(request)
    queryset = queryset.live()
    return queryset.exclude(condition) if condition is not None else queryset
