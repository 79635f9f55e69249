"""English: ``22 October 2018 at 9:00`` (day first, 24-hour clock, as Finnish agencies write it)."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "G:i"
DATETIME_FORMAT = r"j F Y \a\t G:i"
SHORT_DATE_FORMAT = "j.n.Y"
SHORT_DATETIME_FORMAT = r"j.n.Y G:i"

# What editors type in the admin: 10.3.2027 12:00 (see cms/formats/inputs.py).
from cms.formats.inputs import day_first_inputs  # noqa: E402

DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS, TIME_INPUT_FORMATS = day_first_inputs(":", "at")
