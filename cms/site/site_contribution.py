"""What a content-type plugin can add to the public site, and how the core reads it.

A plugin declares ``contributions={"site": SiteContribution(...)}`` in its ``plugin.py``.
Every part is optional; the core skips what a plugin leaves out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.functional import Promise

from cms.plugins import ContentTypePlugin, registry

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest
    from wagtail.models import Page

    from cms.site.listing_pages import ListingFilterForm

FEATURE = "site"


@dataclass(frozen=True)
class CalendarEvent:
    """One page as an iCalendar event; times are aware datetimes (shown in Europe/Helsinki)."""

    uid: str
    summary: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    url: str
    description: str = ""
    location: str = ""
    organiser: str = ""
    cancelled: bool = False
    last_modified: dt.datetime | None = None


@dataclass(frozen=True)
class FeedContribution:
    """RSS/Atom feeds of a content type, one per language and one per topic.

    ``date`` gives an item's publication time; ``topic_field`` names the many-to-many to
    :class:`~cms.vocabularies.models.Theme` that per-topic feeds filter on (``None``: no
    topic feeds); ``order_by`` sorts newest first; ``describe`` gives the item summary.
    """

    date: Callable[[Page], dt.datetime]
    order_by: tuple[str, ...] = ("-first_published_at",)
    topic_field: str | None = "themes"
    describe: Callable[[Page], str] = lambda page: getattr(page, "lead", "")
    #: The feed's subtitle, a whole translatable sentence ("The latest news."): languages
    #: inflect the noun differently, so a generic "The latest %s" cannot be right in all.
    subtitle: str | Promise | None = None


@dataclass(frozen=True)
class SiteContribution:
    """A content type's additions to the public site.

    ``filter_form``: the GET form that filters its listing (and its calendar feed).
    ``card_template``: the page's card in listings (context: ``item``); ``card_variant``:
    what besides the published page decides its card (see :mod:`cms.site.cards`).
    ``listing_related``: ``prefetch_related`` lookups the card needs, so that a listing
    runs a constant number of queries. ``feed``: news feeds. ``calendar``: turns a
    page into an iCalendar event (a calendar feed per language plus one ``.ics`` per page).
    ``structured_data``: the schema.org JSON-LD object of a page.
    """

    filter_form: type[ListingFilterForm] | None = None
    card_template: str | None = None
    card_variant: Callable[[Page], Hashable] | None = None
    listing_related: tuple[str, ...] = ()
    feed: FeedContribution | None = None
    calendar: Callable[[Page, HttpRequest], CalendarEvent] | None = None
    structured_data: Callable[[Page, HttpRequest], dict[str, Any]] | None = None


EMPTY = SiteContribution()


def contribution_of(plugin: ContentTypePlugin | None) -> SiteContribution:
    """The plugin's site contribution, or an empty one for plugins that declare none."""
    if plugin is None:
        return EMPTY
    return plugin.contributions.get(FEATURE, EMPTY)


def contribution_for_page(page: Page) -> tuple[ContentTypePlugin | None, SiteContribution]:
    plugin = registry.for_model(type(page))
    return plugin, contribution_of(plugin)


def plugin_by_key(key: str) -> ContentTypePlugin | None:
    return registry.get(key) if key in registry else None


def listing_queryset(
    plugin: ContentTypePlugin, queryset: QuerySet, *, prefetch: bool = True
) -> QuerySet:
    """Add the locale every page URL needs and (unless told not to) the card prefetches.

    Listings prefetch only for the cards they render (see :mod:`cms.site.cards`).
    """
    related = contribution_of(plugin).listing_related
    queryset = queryset.select_related("locale")
    return queryset.prefetch_related(*related) if related and prefetch else queryset
