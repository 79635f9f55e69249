"""What the public may see: the one definition every channel uses.

A page is visible to the public when it is live, inside its publication window (its
``go_live_at`` has come and its ``expire_at`` has not, whether or not the scheduler has
run yet) and neither it nor an ancestor carries a view restriction (password, login or
groups). Locale is the caller's filter: :func:`in_locale` picks a language, with the
optional fallback to the default language where no public translation exists.

The site, the API, search, feeds, the sitemap, the calendar and the change feed all call
:func:`public_pages` (or :meth:`VisiblePageQuerySet.visible`); nothing else decides. The
view-restriction test is a correlated subquery on the tree path, so it costs no query of
its own, unlike Wagtail's ``PageQuerySet.public()``, which reads every restriction first
and ignores the publication window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

if TYPE_CHECKING:
    from django.http import HttpRequest


def restricted_q() -> Q:
    """Pages that are, or are below, a page with a view restriction."""
    restrictions = PageViewRestriction.objects.annotate(restricted_path=F("page__path")).filter(
        restricted_path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return Q(Exists(restrictions))


def window_q(now: dt.datetime | None = None) -> Q:
    """Pages inside their publication window at ``now``."""
    now = now or timezone.now()
    return (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now)) & (
        Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    )


def public_q(now: dt.datetime | None = None) -> Q:
    """The condition "visible to the public" as a query filter."""
    return Q(live=True) & window_q(now) & ~restricted_q()


def public_pages(queryset: QuerySet, request: HttpRequest | None = None) -> QuerySet:
    """Only the pages of ``queryset`` that anyone may read right now.

    ``request`` is accepted so call sites that have one can pass it; the rule does not
    depend on who asks (an editor's preview goes through Wagtail's own views).
    """
    return queryset.filter(public_q())


@dataclass(frozen=True)
class IndexVisibility:
    """The public-page rule in filters a search backend can apply to its index.

    Search backends filter on indexed fields only (``live``, ``id``, ``path``), not on
    subqueries, so the rule is spelt out with two small reads: the live pages outside their
    window (only those the scheduler has not caught up with yet) and the restricted paths.
    One search runs several backend queries (hits, type and theme facets); reading the rule
    once and applying it to each keeps them consistent and saves the repeated reads.
    """

    outside_window: tuple[int, ...]
    restricted_paths: tuple[str, ...]

    @classmethod
    def now(cls) -> IndexVisibility:
        outside_window = Page.objects.filter(live=True).exclude(window_q())
        restricted = PageViewRestriction.objects.values_list("page__path", flat=True).distinct()
        return cls(tuple(outside_window.values_list("pk", flat=True)), tuple(restricted))

    def apply(self, queryset: QuerySet) -> QuerySet:
        queryset = queryset.filter(live=True)
        if self.outside_window:
            queryset = queryset.exclude(id__in=self.outside_window)
        for path in self.restricted_paths:
            queryset = queryset.exclude(path__startswith=path)
        return queryset


def searchable_public_pages(
    queryset: QuerySet, visibility: IndexVisibility | None = None
) -> QuerySet:
    """:func:`public_pages` for a search backend (see :class:`IndexVisibility`)."""
    return (visibility or IndexVisibility.now()).apply(queryset)


#: The site's historical name for :func:`public_pages`.
visible = public_pages


def in_window(page: Page, now: dt.datetime | None = None) -> bool:
    """Whether a page object already in memory is inside its publication window.

    The same rule as :func:`window_q`, for a page Wagtail has routed to (serving a page
    checks this rather than querying it again).
    """
    now = now or timezone.now()
    go_live_at, expire_at = page.go_live_at, page.expire_at
    return (go_live_at is None or go_live_at <= now) and (expire_at is None or expire_at > now)


def is_public(page: Page) -> bool:
    """Whether one saved page is visible to the public (one query)."""
    return public_pages(Page.objects.filter(pk=page.pk)).exists()


def in_locale(queryset: QuerySet, locale: str, *, fallback: bool, default_locale: str) -> QuerySet:
    """Pages in ``locale``; with ``fallback``, the ``default_locale`` page where none exists.

    ``queryset`` must already be public; the fallback test looks for a *public* translation,
    so a page whose translation is a draft or restricted falls back to the original.
    """
    if not fallback or locale == default_locale:
        return queryset.filter(locale__language_code=locale)
    translated = public_pages(Page.objects.all()).filter(
        translation_key=OuterRef("translation_key"), locale__language_code=locale
    )
    return queryset.filter(
        Q(locale__language_code=locale)
        | Q(locale__language_code=default_locale) & ~Q(Exists(translated))
    )


class VisiblePageQuerySet(PageQuerySet):
    """Page querysets with the public-visibility rule as a method."""

    def visible(self) -> VisiblePageQuerySet:
        """Pages anyone may read right now (see the module docstring)."""
        return public_pages(self)


#: The manager of every content and listing page model (``Model.objects.visible()``).
VisiblePageManager = PageManager.from_queryset(VisiblePageQuerySet)
