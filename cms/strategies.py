"""Hypothesis strategies for the tests that a rule's SQL and Python versions agree.

Every plugin writes each business rule twice: as a QuerySet method (SQL, for listings and
filters) and as a model method (Python, for one page). Their tests generate pages and
instants with these strategies and check, on the real database, that the QuerySet selects
a page exactly when the model method says so. The instants cluster around the edges where
two implementations drift apart: the very moment of a start or deadline (and a microsecond
either side), Helsinki midnight, the daylight-saving days, and other time zones than
Helsinki (a UTC instant just after midnight is the previous day in New York).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from cms.timezones import HELSINKI

#: Time zones an instant may come in: the database stores UTC, readers are in Helsinki.
ZONES = (dt.UTC, HELSINKI, ZoneInfo("America/New_York"), ZoneInfo("Asia/Tokyo"))

#: Days around the daylight-saving changes of 2027 and the turn of a year.
EDGE_DAYS = (
    dt.date(2027, 3, 28),
    dt.date(2027, 10, 31),
    dt.date(2026, 12, 31),
    dt.date(2027, 1, 1),
)

#: How far from an edge an instant is drawn.
NUDGES = (
    dt.timedelta(0),
    *(
        dt.timedelta(**{unit: sign})
        for unit in ("microseconds", "seconds", "hours", "days")
        for sign in (-1, 1)
    ),
)

#: One page, updated for each example: faster than creating a page per example, and the
#: page fixture is deliberately shared by the examples.
RULE_SETTINGS = settings(
    max_examples=100,
    deadline=None,
    # Nothing written into the checkout; a failure prints the case to reproduce it.
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def days() -> st.SearchStrategy[dt.date]:
    """Calendar days from 2026 to 2028, often one of :data:`EDGE_DAYS`."""
    return st.sampled_from(EDGE_DAYS) | st.dates(dt.date(2026, 1, 1), dt.date(2028, 12, 31))


def instants() -> st.SearchStrategy[dt.datetime]:
    """Aware instants, to the microsecond, in one of :data:`ZONES`, often at Helsinki midnight."""
    midnights = days().map(lambda day: dt.datetime.combine(day, dt.time.min, tzinfo=HELSINKI))
    anywhere = st.datetimes(
        dt.datetime(2026, 1, 1),
        dt.datetime(2028, 12, 31),
        timezones=st.sampled_from(ZONES),
        allow_imaginary=False,
    )
    return st.one_of(midnights, anywhere).flatmap(
        lambda moment: st.sampled_from(ZONES).map(moment.astimezone)
    )


def near(*moments: dt.datetime | None) -> st.SearchStrategy[dt.datetime]:
    """An instant at, or a nudge away from, one of ``moments`` (``None`` ones are skipped)."""
    edges = [moment for moment in moments if moment is not None]
    if not edges:
        return instants()
    nudged = st.tuples(st.sampled_from(edges), st.sampled_from(NUDGES), st.sampled_from(ZONES)).map(
        lambda edge: (edge[0] + edge[1]).astimezone(edge[2])
    )
    # Mostly at an edge, where SQL and Python drift apart; sometimes anywhere.
    return st.one_of(nudged, nudged, nudged, instants())


def moments_near(*moments: dt.datetime | None) -> st.SearchStrategy[list[dt.datetime]]:
    """Several instants :func:`near` ``moments``: one stored page is asked at each."""
    return st.lists(near(*moments), min_size=1, max_size=8)


def days_near(day: dt.date, spread: int = 3) -> st.SearchStrategy[dt.date]:
    """``day`` or a day up to ``spread`` days either side."""
    return st.integers(-spread, spread).map(lambda offset: day + dt.timedelta(days=offset))


def helsinki_midnight(day: dt.date | None) -> dt.datetime | None:
    return dt.datetime.combine(day, dt.time.min, tzinfo=HELSINKI) if day else None


#: For the tests that whatever text arrives in a parameter, the answer is never a 5xx: a
#: few examples per parameter (each is a request), the test's pages shared by the examples.
INPUT_SETTINGS = settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def date_text() -> st.SearchStrategy[str]:
    """Text shaped like the dates partners and browsers send, out of range, or junk."""
    return st.one_of(
        st.dates().map(lambda day: day.isoformat()),
        st.datetimes().map(lambda moment: moment.isoformat()),
        st.datetimes(timezones=st.timezones()).map(lambda moment: moment.isoformat()),
        st.from_regex(
            r"\A-?\d{1,6}-\d{1,3}-\d{1,3}(T\d{1,2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?\Z"
        ),
        st.text(max_size=40),
    )
