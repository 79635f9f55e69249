"""Finnish: ``22.10.2018 klo 9.00`` (the recommended form), not Django's ``kello``."""

DATE_FORMAT = "j.n.Y"
TIME_FORMAT = "G.i"
DATETIME_FORMAT = r"j.n.Y \k\l\o G.i"
SHORT_DATE_FORMAT = "j.n.Y"
SHORT_DATETIME_FORMAT = r"j.n.Y \k\l\o G.i"

# What editors type in the admin: 10.3.2027 12.00 (see cms/formats/inputs.py).
from cms.formats.inputs import day_first_inputs  # noqa: E402

DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS, TIME_INPUT_FORMATS = day_first_inputs(".", "klo")
