"""Where a training is in its life, computed from its dates in Helsinki time.

Registration dates are calendar days in Finland: registration opens at 00:00 Helsinki time
on ``registration_opens`` and closes at 24:00 Helsinki time on ``registration_closes``.
Computing those instants through ``zoneinfo`` keeps them right across midnight and the
daylight-saving changes (the last Sundays of March and October).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from cms.timezones import HELSINKI


class Lifecycle(StrEnum):
    UPCOMING = "upcoming"
    REGISTRATION_OPEN = "registration_open"
    REGISTRATION_CLOSED = "registration_closed"
    ONGOING = "ongoing"
    PAST = "past"

    @property
    def label(self) -> str:
        return str(LIFECYCLE_LABELS[self])


LIFECYCLE_LABELS = {
    Lifecycle.UPCOMING: _("Upcoming"),
    Lifecycle.REGISTRATION_OPEN: _("Registration open"),
    Lifecycle.REGISTRATION_CLOSED: _("Registration closed"),
    Lifecycle.ONGOING: _("Ongoing"),
    Lifecycle.PAST: _("Past"),
}


def start_of_day(day: dt.date) -> dt.datetime:
    """00:00 in Helsinki on ``day``, as an aware datetime."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=HELSINKI)


def end_of_day(day: dt.date) -> dt.datetime:
    """24:00 in Helsinki on ``day`` (the next day's midnight), as an aware datetime."""
    return start_of_day(day + dt.timedelta(days=1))


def compute_lifecycle(
    *,
    now: dt.datetime,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    registration_opens: dt.date | None,
    registration_closes: dt.date | None,
    accepts_registrations: bool = True,
) -> Lifecycle:
    """The lifecycle state at ``now``.

    Without a closing date, registration stays open until the training starts; without an
    opening date it is open from publication. ``accepts_registrations`` is false for
    trainings that are cancelled, postponed or full: they are never "registration open".
    """
    if now >= ends_at:
        return Lifecycle.PAST
    if now >= starts_at:
        return Lifecycle.ONGOING
    opens = start_of_day(registration_opens) if registration_opens else None
    closes = end_of_day(registration_closes) if registration_closes else starts_at
    if opens is not None and now < opens:
        return Lifecycle.UPCOMING
    if now >= closes or not accepts_registrations:
        return Lifecycle.REGISTRATION_CLOSED
    return Lifecycle.REGISTRATION_OPEN
