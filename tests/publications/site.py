"""What publications add to the public site: a feed, a release-day calendar and JSON-LD."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from cms.origin import page_url
from cms.site.site_contribution import CalendarEvent, FeedContribution, SiteContribution
from cms.site.structured_data import page_basics
from cms.timezones import HELSINKI
from tests.publications.models import PublicationPage

if TYPE_CHECKING:
    from django.http import HttpRequest


def structured_data(publication: PublicationPage, request: HttpRequest) -> dict[str, Any]:
    """A schema.org ``Book``, with its ISBN when it has one."""
    data = page_basics(publication, request, "Book")
    if publication.isbn:
        data["isbn"] = publication.isbn
    return data


def release_day(publication: PublicationPage, request: HttpRequest) -> CalendarEvent:
    """The day the publication came out (in Helsinki), as a calendar event of that day."""
    # Calendars list live pages only, and a live page has been published.
    released = publication.first_published_at.astimezone(HELSINKI)
    starts_at = dt.datetime.combine(released.date(), dt.time(0, 0), tzinfo=HELSINKI)
    return CalendarEvent(
        uid=f"publication-{publication.translation_key}",
        summary=publication.title,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(days=1),
        url=page_url(publication, request),
        description=publication.lead,
        last_modified=publication.last_published_at,
    )


SITE = SiteContribution(
    feed=FeedContribution(),
    calendar=release_day,
    structured_data=structured_data,
)
