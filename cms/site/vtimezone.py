"""A VTIMEZONE whose daylight-saving rules are yearly RRULEs, as Outlook and Google write them.

icalendar's ``add_missing_timezones`` lists every transition as one long RDATE line valid
1970–2038; ical.js and vobject then ignore the daylight part and apply standard time all
year (a 09:00 summer event shows at 10:00). Two components with ``RRULE:FREQ=YEARLY`` read
the same in every calendar program and never run out.

The rule is derived from the zone database for the current year (``n``-th or last weekday
of a month, at a wall-clock time), so it follows ``TIME_ZONE`` rather than hard-coding the
EU rule; a zone without daylight saving gets a single STANDARD component.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import icalendar

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
#: The conventional start of the rules' recurrence, as other calendar software writes it.
EPOCH_YEAR = 1970


def _transitions(zone: ZoneInfo, year: int) -> list[tuple[dt.datetime, dt.timedelta]]:
    """UTC instants (to the minute) in ``year`` where ``zone``'s offset changes, with the
    offset before each."""
    found = []
    start = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
    hour = dt.timedelta(hours=1)
    previous = start.astimezone(zone).utcoffset()
    instant = start
    while instant.year == year:
        following = instant + hour
        offset = following.astimezone(zone).utcoffset()
        if offset != previous:
            low = instant
            while following - low > dt.timedelta(minutes=1):
                middle = low + (following - low) / 2
                middle = middle.replace(second=0, microsecond=0)
                if middle.astimezone(zone).utcoffset() == previous:
                    low = middle
                else:
                    following = middle
            found.append((following, previous))
            previous = offset
        instant += hour
    return found


def _yearly_rule(local: dt.datetime) -> tuple[dict[str, object], dt.datetime]:
    """The RRULE of "this weekday of this week of this month" and its first onset in 1970."""
    weekday = WEEKDAYS[local.weekday()]
    days_in_month = calendar.monthrange(local.year, local.month)[1]
    week = -1 if local.day + 7 > days_in_month else (local.day - 1) // 7 + 1
    rule = {"FREQ": "YEARLY", "BYMONTH": local.month, "BYDAY": f"{week}{weekday}"}
    days = [
        day
        for day in range(1, calendar.monthrange(EPOCH_YEAR, local.month)[1] + 1)
        if dt.date(EPOCH_YEAR, local.month, day).weekday() == local.weekday()
    ]
    day = days[week] if week == -1 else days[week - 1]
    return rule, dt.datetime(EPOCH_YEAR, local.month, day, local.hour, local.minute)


def vtimezone(zone_name: str, year: int | None = None) -> icalendar.Timezone:
    """The VTIMEZONE of ``zone_name`` with RRULE-based STANDARD/DAYLIGHT components."""
    return _vtimezone(zone_name, year or dt.date.today().year)


@lru_cache(maxsize=8)
def _vtimezone(zone_name: str, year: int) -> icalendar.Timezone:
    zone = ZoneInfo(zone_name)
    component = icalendar.Timezone()
    component.add("tzid", zone_name)
    transitions = _transitions(zone, year)
    if not transitions:
        moment = dt.datetime(year, 1, 1, tzinfo=zone)
        standard = icalendar.TimezoneStandard()
        standard.add("dtstart", dt.datetime(EPOCH_YEAR, 1, 1))
        standard.add("tzoffsetfrom", moment.utcoffset())
        standard.add("tzoffsetto", moment.utcoffset())
        standard.add("tzname", moment.tzname())
        component.add_component(standard)
        return component
    for instant, offset_before in transitions:
        after = instant.astimezone(zone)
        offset_after = after.utcoffset()
        is_daylight = after.dst() != dt.timedelta(0)
        part = icalendar.TimezoneDaylight() if is_daylight else icalendar.TimezoneStandard()
        # The onset is the wall-clock time just before the change, in the old offset.
        onset = (instant + offset_before).replace(tzinfo=None)
        rule, first = _yearly_rule(onset)
        part.add("dtstart", first)
        part.add("rrule", rule)
        part.add("tzoffsetfrom", offset_before)
        part.add("tzoffsetto", offset_after)
        part.add("tzname", after.tzname())
        component.add_component(part)
    return component
