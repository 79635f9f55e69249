"""The events section's editorial workflow: organisers write, communications publishes."""

import datetime as dt

from cms.editorial.sections import ClosedRule, EditorialRole, EditorialSection, WorkflowKind
from tests.events.models import EventPage

EVENT_ORGANISERS = EditorialRole("event_organisers", "Tapahtumajärjestäjät")


def has_ended(page: EventPage, now: dt.datetime) -> bool:
    return page.has_ended_at(now)


EDITORIAL = EditorialSection(
    roles=(EVENT_ORGANISERS,),
    workflow=WorkflowKind.LIGHT,
    parity_required=True,
    closed=ClosedRule(applies=has_ended, label="This event has ended"),
)
