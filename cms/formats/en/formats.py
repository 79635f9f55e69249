"""English: ``22 October 2018 at 9:00`` (day first, 24-hour clock, as Finnish agencies write it)."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "G:i"
DATETIME_FORMAT = r"j F Y \a\t G:i"
SHORT_DATE_FORMAT = "j.n.Y"
SHORT_DATETIME_FORMAT = r"j.n.Y G:i"
