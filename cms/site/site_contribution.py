"""The contribution a content-type plugin makes to the public site.

A plugin declares a :class:`SiteContribution` in its ``plugin.py``, usually built in
``pages/<app>/site.py``. Every part is optional; the core skips what a plugin leaves out,
and a plugin that declares none still gets its listing, pages, sitemap entries and
navigation link.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.functional import Promise

from cms.plugins import ContentTypePlugin, Contribution

if TYPE_CHECKING:
    from django.http import HttpRequest
    from wagtail.models import Page

    from cms.site.listing_pages import ListingFilterForm


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


def lead_of(page: Page) -> str:
    return getattr(page, "lead", "")


@dataclass(frozen=True)
class FeedContribution:
    """RSS/Atom feeds of a content type, one per language and one per topic.

    Items come newest first by the plugin's ``date_field``; per-topic feeds filter on its
    ``theme_field`` (a plugin without one has no topic feeds). ``date`` gives an item's
    publication time (``None``: the value of ``date_field``, which must then be a
    datetime); ``describe`` gives the item summary.
    """

    date: Callable[[Page], dt.datetime] | None = None
    describe: Callable[[Page], str] = lead_of
    #: The feed's subtitle, a whole translatable sentence ("The latest news."): languages
    #: inflect the noun differently, so a generic "The latest %s" cannot be right in all.
    subtitle: str | Promise | None = None

    def published(self, plugin: ContentTypePlugin, page: Page) -> dt.datetime:
        """When ``page`` was published, as the feed states it."""
        if self.date is not None:
            return self.date(page)
        published: dt.datetime = getattr(page, plugin.date_field)
        return published


@dataclass(frozen=True)
class SiteContribution(Contribution):
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

    def problems(self, plugin: ContentTypePlugin) -> list[str]:
        from django.db import models

        from cms.site.listing_pages import ListingFilterForm

        problems = []
        form = self.filter_form
        if form is not None and not (
            isinstance(form, type) and issubclass(form, ListingFilterForm)
        ):
            problems.append(f"filter_form must be a ListingFilterForm subclass, not {form!r}")
        if self.feed is not None and self.feed.date is None:
            date = next(
                (f for f in plugin.page_model._meta.get_fields() if f.name == plugin.date_field),
                None,
            )
            if not isinstance(date, models.DateTimeField):
                problems.append(
                    f"the feed needs a date function: date_field {plugin.date_field!r} "
                    "is a date without a time"
                )
        return problems
