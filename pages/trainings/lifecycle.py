"""Where a training is in its life, computed from its dates in Helsinki time.

Registration dates are calendar days in Finland: registration opens at 00:00 Helsinki time
on ``registration_opens`` and closes at 24:00 Helsinki time on ``registration_closes``
(see :mod:`cms.timezones`). This is the Python version of the rules; their SQL twins are
the methods of :class:`pages.trainings.models.TrainingQuerySet`, and the tests check that
the two agree.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from cms.timezones import end_of_day, start_of_day


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
