"""Typed dates and times every admin language reads: day first, as written in Finland.

The preferred date-time form comes first (``10.3.2027 12.00``, English ``10.3.2027 12:00``);
both time separators, the ``klo``/``kl.`` forms people copy from a text and ISO dates are also
read. Django's Swedish and English defaults read ``3/10/2027`` as the 10th of March, which
no one here means, so they are not used.
"""

from __future__ import annotations

#: ISO first: Django renders a date into an ``<input type="date">`` (the public listing
#: filters) with the first format, and browsers accept only ISO there. The admin's pickers
#: format dates themselves (cms/formats/admin_inputs.py).
DAY_FIRST = ["%d.%m.%Y", "%d.%m.%y"]
DATE_FORMATS = ["%Y-%m-%d", *DAY_FIRST]


def day_first_inputs(time_separator: str, word: str) -> tuple[list[str], list[str], list[str]]:
    """``(DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS, TIME_INPUT_FORMATS)``."""
    other = ":" if time_separator == "." else "."
    times = [f"%H{time_separator}%M", f"%H{other}%M", f"%H{time_separator}%M{time_separator}%S"]
    datetimes = [
        *(f"{date} {time}" for date in [*DAY_FIRST, "%Y-%m-%d"] for time in times),
        *(f"%d.%m.%Y {word} {time}" for time in times),
        *DATE_FORMATS,
    ]
    return list(DATE_FORMATS), datetimes, times
