"""The dates the site and the API accept: 1900-01-01 to 2999-12-31.

Python's dates end at years 1 and 9999; a date at either end turns into an out-of-range
value as soon as it is moved to UTC or to the next day's midnight (the date filters do
both), and the request fails with a 500. No content here is dated outside these years,
so every date or date-time parameter is checked against them and refused with a message
that names the range.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2999, 12, 31)


def out_of_range_message() -> str:
    return str(
        _("Give a date between %(earliest)s and %(latest)s.")
        % {"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()}
    )


def in_range(value: dt.date | dt.datetime) -> bool:
    day = value.date() if isinstance(value, dt.datetime) else value
    return EARLIEST <= day <= LATEST


def check_date(value: dt.date | dt.datetime) -> dt.date | dt.datetime:
    """``value`` if it is inside the accepted range; ``ValueError`` (for pydantic) if not."""
    if not in_range(value):
        raise ValueError(out_of_range_message())
    return value


def validate_date(value: dt.date | dt.datetime) -> None:
    """Django form/model validator form of :func:`check_date`."""
    if not in_range(value):
        raise ValidationError(out_of_range_message(), code="date_out_of_range")
