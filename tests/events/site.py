"""What events add to the public site: a listing filter, a feed and a calendar of their times."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.origin import page_url
from cms.site.listing_pages import ListingFilterForm
from cms.site.site_contribution import CalendarEvent, FeedContribution, SiteContribution
from cms.vocabularies.models import Theme
from tests.events.models import EventPage

if TYPE_CHECKING:
    from django.http import HttpRequest


class EventFilterForm(ListingFilterForm):
    """Events by topic: the plugin's theme field, with the vocabulary's choices."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        topic = self.fields["topic"]
        assert isinstance(topic, forms.ChoiceField)
        topic.choices = self.vocabulary_choices(Theme, str(_("Any")))

    def apply(self, queryset: Any, values: dict[str, Any]) -> Any:
        if "topic" in values:
            queryset = queryset.related_to_any("themes", [values["topic"]])
        return queryset


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


SITE = SiteContribution(
    filter_form=EventFilterForm,
    card_template="events/includes/event_card.html",
    # The card's badge (upcoming, ongoing, past) moves with the clock.
    card_variant=lambda event: event.timing,
    listing_related=("themes",),
    feed=FeedContribution(),
    calendar=calendar_event,
)
