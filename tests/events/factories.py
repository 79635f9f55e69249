import datetime as dt

import factory
import wagtail_factories

from cms.factories import ContentPageFactory
from cms.timezones import HELSINKI
from tests.events.models import EventIndexPage, EventPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Tapahtumat"
    slug = "tapahtumat"

    class Meta:
        model = EventIndexPage


class EventPageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"Tapahtuma {n}")
    lead = "Verkoston tapaaminen opinto-ohjaajille."
    venue = "Helsinki"
    starts_at = factory.LazyFunction(
        lambda: dt.datetime.now(HELSINKI).replace(microsecond=0) + dt.timedelta(days=30)
    )
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + dt.timedelta(hours=3))

    class Meta:
        model = EventPage
