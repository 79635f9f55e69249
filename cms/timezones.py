"""Finnish time: every date an editor enters or a reader sees is in Europe/Helsinki.

Calendar days (a registration's last day, a filter's "from" date) are Helsinki days: they
start and end at Helsinki midnight. Computing those instants through ``zoneinfo`` keeps
them right across the daylight-saving changes (the last Sundays of March and October).
Every module, core or plugin, takes these helpers from here.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

HELSINKI = ZoneInfo("Europe/Helsinki")


def helsinki_today() -> dt.date:
    """Today's date in Finland, whatever time zone is active."""
    return helsinki_date(timezone.now())


def helsinki_date(moment: dt.datetime) -> dt.date:
    """The date in Finland at the aware instant ``moment``."""
    return moment.astimezone(HELSINKI).date()


def start_of_day(day: dt.date) -> dt.datetime:
    """00:00 in Helsinki on ``day``, as an aware datetime."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=HELSINKI)


def end_of_day(day: dt.date) -> dt.datetime:
    """24:00 in Helsinki on ``day`` (the next day's midnight), as an aware datetime."""
    return start_of_day(day + dt.timedelta(days=1))


def in_helsinki(moment: dt.datetime) -> dt.datetime:
    """``moment`` as a Helsinki wall-clock time; a naive one is taken to be Helsinki time."""
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=HELSINKI)
