"""Finnish time: every date an editor enters or a reader sees is in Europe/Helsinki."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

HELSINKI = ZoneInfo("Europe/Helsinki")


def helsinki_today() -> dt.date:
    """Today's date in Finland, whatever time zone is active."""
    return timezone.now().astimezone(HELSINKI).date()
