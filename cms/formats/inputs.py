"""Typed dates and times every admin language reads: day first, as written in Finland.

The preferred form comes first (``10.3.2027 12.00``; English ``10.3.2027 12:00``); both
time separators, the ``klo``/``kl.`` forms people copy from a text and ISO dates are also
read. Django's Swedish and English defaults read ``3/10/2027`` as the 10th of March, which
no one here means, so they are not used.
"""

from __future__ import annotations

DATE_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]


def day_first_inputs(time_separator: str, word: str) -> tuple[list[str], list[str], list[str]]:
    """``(DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS, TIME_INPUT_FORMATS)``."""
    other = ":" if time_separator == "." else "."
    times = [f"%H{time_separator}%M", f"%H{other}%M", f"%H{time_separator}%M{time_separator}%S"]
    datetimes = [
        *(f"{date} {time}" for date in DATE_FORMATS for time in times),
        *(f"%d.%m.%Y {word} {time}" for time in times),
        *DATE_FORMATS,
    ]
    return list(DATE_FORMATS), datetimes, times
