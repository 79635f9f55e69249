"""iCalendar output: a calendar per content type and language, and one ``.ics`` per page.

``/<lang>/calendar/<key>.ics`` lists what the content type's listing would show with the
same query string (its filter form applies), so a reader subscribes to exactly the
filtered list they see. ``/<lang>/calendar/<key>/<page id>.ics`` is a single event.
Times carry the Europe/Helsinki zone with a VTIMEZONE of yearly rules
(:mod:`cms.site.vtimezone`), cancelled events ``STATUS:CANCELLED``, descriptions plain text.

UIDs are ``<plugin's uid>@<BASE_URL host>``: independent of the host name a calendar
subscribed under. Plugins build their part from the page's translation key, so the
Finnish, Swedish and English versions of one training share a UID on purpose: they are
one real-world event, and a calendar that imports two language versions shows it once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import icalendar
from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from wagtail.models import Locale

from cms.origin import origin_host
from cms.plugins import registry
from cms.site.listing_pages import filter_listing, listing_queryset
from cms.site.site_contribution import CalendarEvent, SiteContribution
from cms.site.text import plain_text
from cms.site.vtimezone import vtimezone
from cms.visibility import public_pages

if TYPE_CHECKING:
    from django.http import HttpRequest
    from wagtail.models import Page

    from cms.plugins import ContentTypePlugin

    #: A plugin's ``SiteContribution.calendar``: a page (and the request) as an event.
    ToEvent = Callable[[Page, HttpRequest], CalendarEvent]

PRODUCT_ID = "-//Eduverkko//Eduverkko CMS//FI"
MAX_EVENTS = 500


def build_calendar(events: Iterable[CalendarEvent], name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add_component(vtimezone(settings.TIME_ZONE))
    stamp = timezone.now()
    host = origin_host()
    for event in events:
        calendar.add_component(to_vevent(event, host, stamp))
    return calendar


def to_vevent(event: CalendarEvent, host: str, stamp) -> icalendar.Event:
    zone = timezone.get_default_timezone()
    vevent = icalendar.Event()
    vevent.add("uid", f"{event.uid}@{host}")
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.starts_at.astimezone(zone))
    vevent.add("dtend", event.ends_at.astimezone(zone))
    vevent.add("summary", event.summary)
    vevent.add("url", event.url)
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    if event.description:
        vevent.add("description", plain_text(event.description))
    if event.location:
        vevent.add("location", event.location)
    if event.organiser:
        vevent.add("organizer", f"mailto:noreply@{host}", parameters={"CN": event.organiser})
    if event.last_modified:
        vevent.add("last-modified", event.last_modified)
    return vevent


def calendar_response(calendar: icalendar.Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_of(key: str) -> tuple[ContentTypePlugin, ToEvent]:
    """The plugin under ``key`` and its page-to-event function; 404 if it has no calendar."""
    plugin = registry.find(key)
    to_event = plugin.contribution(SiteContribution).calendar if plugin else None
    if plugin is None or to_event is None:
        raise Http404("No calendar for this content type.")
    return plugin, to_event


def listing_calendar(request: HttpRequest, key: str) -> HttpResponse:
    """The content type's calendar in the active language, filtered like its listing."""
    plugin, to_event = calendar_of(key)
    locale = Locale.get_active()
    index = get_object_or_404(public_pages(plugin.index_model.objects.all()), locale=locale)
    queryset = listing_queryset(plugin, index.get_listed_pages())
    queryset, form = filter_listing(index, request, queryset)
    if form is not None and form.errors:
        messages = [f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()]
        return HttpResponseBadRequest("\n".join(messages), content_type="text/plain; charset=utf-8")
    events = [to_event(page, request) for page in queryset[:MAX_EVENTS]]
    calendar = build_calendar(
        events,
        name=index.title,
    )
    return calendar_response(calendar, f"{plugin.key}-{locale.language_code}.ics")


def page_calendar(request: HttpRequest, key: str, page_id: int) -> HttpResponse:
    """One page as a single-event calendar, in the active language."""
    plugin, to_event = calendar_of(key)
    pages = public_pages(plugin.page_model.objects.filter(locale=Locale.get_active()))
    page = get_object_or_404(pages, pk=page_id)
    event = to_event(page, request)
    calendar = build_calendar(
        [event],
        name=page.title,
    )
    return calendar_response(calendar, f"{page.slug}.ics")
