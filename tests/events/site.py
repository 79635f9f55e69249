"""What events add to the public site: a feed and a calendar of their times."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cms.origin import page_url
from cms.site.site_contribution import CalendarEvent, FeedContribution, SiteContribution
from tests.events.models import EventPage

if TYPE_CHECKING:
    from django.http import HttpRequest


def calendar_event(event: EventPage, request: HttpRequest) -> CalendarEvent:
    """The event at its own times, wherever it is read."""
    return CalendarEvent(
        uid=f"event-{event.translation_key}",
        summary=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        url=page_url(event, request),
        description=event.lead,
        location=event.venue,
        last_modified=event.last_published_at,
    )


SITE = SiteContribution(feed=FeedContribution(), calendar=calendar_event)
