"""Everything the events plugin contributes to the core, declared in one place."""

from pathlib import Path

from cms.plugins import ContentTypePlugin
from tests.events import api
from tests.events.editorial import EDITORIAL
from tests.events.models import EventIndexPage, EventPage
from tests.events.site import SITE


def build_plugin() -> ContentTypePlugin:
    return ContentTypePlugin(
        key="events",
        page_model=EventPage,
        index_model=EventIndexPage,
        demo_data=Path(__file__).with_name("demo.json"),
        order=95,
        # Finnish events are listed (and found) in Swedish and English until translated.
        show_untranslated=True,
        theme_field="themes",
        date_field="starts_at",
        contributions=(api.contribution(), SITE, EDITORIAL),
    )
