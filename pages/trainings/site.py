"""What trainings add to the public site: listing filters, JSON-LD, iCalendar and a feed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from cms.origin import absolute_url, page_url
from cms.site.localization import localized_names, localizer_for
from cms.site.site_contribution import CalendarEvent, FeedContribution, SiteContribution
from cms.site.structured_data import (
    contacts,
    keywords,
    organization,
    page_basics,
    postal_address,
    with_optional,
)
from cms.site.text import plain_text
from cms.timezones import HELSINKI
from pages.trainings.filters import TrainingFilterForm
from pages.trainings.models import TrainingPage

if TYPE_CHECKING:
    from django.http import HttpRequest

ATTENDANCE_MODES = {
    TrainingPage.Format.ON_SITE: "https://schema.org/OfflineEventAttendanceMode",
    TrainingPage.Format.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    TrainingPage.Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
EVENT_STATUSES = {
    TrainingPage.Status.SCHEDULED: "https://schema.org/EventScheduled",
    TrainingPage.Status.FULL: "https://schema.org/EventScheduled",
    TrainingPage.Status.CANCELLED: "https://schema.org/EventCancelled",
    TrainingPage.Status.POSTPONED: "https://schema.org/EventPostponed",
}


def place_name(training: TrainingPage, request: HttpRequest | None) -> str:
    """Venue, street address and region as one line, for calendars and maps."""
    region = localizer_for(request)(training.region)
    parts = [training.venue, training.postal_address_line, region.name if region else ""]
    return ", ".join(part for part in parts if part)


def location(training: TrainingPage, request: HttpRequest) -> list[dict[str, Any]]:
    places: list[dict[str, Any]] = []
    if training.format != TrainingPage.Format.ONLINE:
        place: dict[str, Any] = {"@type": "Place", "name": training.venue or training.title}
        region = localizer_for(request)(training.region)
        if training.postal_address_line:
            place["address"] = postal_address(
                street_address=training.street_address,
                postal_code=training.postal_code,
                locality=training.locality,
                region=region.name if region else "",
            )
        places.append(place)
    if training.format != TrainingPage.Format.ON_SITE:
        places.append(
            {
                "@type": "VirtualLocation",
                "url": training.registration_url or page_url(training, request),
            }
        )
    return places


def offers(training: TrainingPage, request: HttpRequest) -> dict[str, Any]:
    availability = (
        "https://schema.org/InStock"
        if training.accepts_registrations
        else "https://schema.org/SoldOut"
    )
    data: dict[str, Any] = {
        "@type": "Offer",
        "price": "0" if training.is_free else f"{training.price:.2f}",
        "priceCurrency": "EUR",
        "availability": availability,
        "url": training.registration_url or page_url(training, request),
    }
    if training.registration_opens:
        data["validFrom"] = training.registration_opens.isoformat()
    if training.registration_closes:
        data["validThrough"] = training.registration_closes.isoformat()
    return data


def structured_data(training: TrainingPage, request: HttpRequest) -> dict[str, Any]:
    """A schema.org ``Event`` (``CourseInstance`` for courses) with what search engines need."""
    is_course = training.kind == TrainingPage.Kind.COURSE
    data = page_basics(training, request, ["Event", "CourseInstance"] if is_course else "Event")
    data.update(
        {
            "startDate": training.starts_at.astimezone(HELSINKI).isoformat(),
            "endDate": training.ends_at.astimezone(HELSINKI).isoformat(),
            "eventAttendanceMode": ATTENDANCE_MODES[training.format],
            "eventStatus": EVENT_STATUSES[training.status],
            "location": location(training, request),
            "offers": offers(training, request),
            "inLanguage": [language.code for language in training.languages.all()]
            or training.locale.language_code,
        }
    )
    audiences = localized_names(request, training.audiences.all())
    if training.image_id:
        rendition = training.image.get_rendition("width-1200")
        data["image"] = [absolute_url(rendition.url)]
    return with_optional(
        data,
        courseMode=training.get_format_display() if is_course else None,
        organizer=organization(training.organiser, request) if training.organiser_id else None,
        maximumAttendeeCapacity=training.capacity,
        audience=[{"@type": "Audience", "audienceType": name} for name in audiences],
        keywords=keywords(request, training.themes.all()),
        contributor=contacts(request, training.contacts.all()),
    )


def calendar_event(training: TrainingPage, request: HttpRequest) -> CalendarEvent:
    organiser = localizer_for(request)(training.organiser)
    return CalendarEvent(
        uid=f"training-{training.translation_key}",
        summary=training.title,
        starts_at=training.starts_at,
        ends_at=training.ends_at,
        url=page_url(training, request),
        description="\n\n".join(
            part for part in (training.lead, plain_text(str(training.body))) if part
        ),
        location=place_name(training, request),
        organiser=organiser.name if organiser else "",
        cancelled=training.status == TrainingPage.Status.CANCELLED,
        last_modified=training.last_published_at,
    )


SITE = SiteContribution(
    filter_form=TrainingFilterForm,
    card_template="trainings/includes/training_card.html",
    # The card's badge (registration open, ongoing, past...) moves with the clock.
    card_variant=lambda training: training.lifecycle,
    listing_related=("audiences", "languages"),
    feed=FeedContribution(subtitle=_("The latest trainings.")),
    calendar=calendar_event,
    structured_data=structured_data,
)
