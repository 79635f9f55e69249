"""The training lifecycle at its edges: Helsinki midnight and the daylight-saving changes."""

from __future__ import annotations

import datetime as dt

import pytest

from cms.timezones import HELSINKI, end_of_day
from pages.trainings.lifecycle import Lifecycle, compute_lifecycle

UTC = dt.UTC


def helsinki(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=HELSINKI)


def lifecycle(now: dt.datetime, **overrides) -> Lifecycle:
    values = {
        "starts_at": helsinki(2027, 4, 15, 9),
        "ends_at": helsinki(2027, 4, 15, 16),
        "registration_opens": dt.date(2027, 3, 1),
        "registration_closes": dt.date(2027, 3, 31),
        "accepts_registrations": True,
        **overrides,
    }
    return compute_lifecycle(now=now, **values)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (helsinki(2027, 2, 28, 23, 59, 59), Lifecycle.UPCOMING),
        (helsinki(2027, 3, 1, 0, 0), Lifecycle.REGISTRATION_OPEN),
        (helsinki(2027, 3, 31, 23, 59, 59), Lifecycle.REGISTRATION_OPEN),
        (helsinki(2027, 4, 1, 0, 0), Lifecycle.REGISTRATION_CLOSED),
        (helsinki(2027, 4, 15, 8, 59, 59), Lifecycle.REGISTRATION_CLOSED),
        (helsinki(2027, 4, 15, 9, 0), Lifecycle.ONGOING),
        (helsinki(2027, 4, 15, 16, 0), Lifecycle.PAST),
    ],
)
def test_lifecycle_changes_at_helsinki_midnight_and_at_start_and_end(now, expected):
    assert lifecycle(now) == expected


def test_registration_closes_at_helsinki_midnight_not_utc_midnight():
    # 31.3. 23:30 UTC is already 1.4. 02:30 in Helsinki (summer time, UTC+3).
    assert lifecycle(dt.datetime(2027, 3, 31, 20, 59, 59, tzinfo=UTC)) == (
        Lifecycle.REGISTRATION_OPEN
    )
    assert lifecycle(dt.datetime(2027, 3, 31, 21, 0, tzinfo=UTC)) == (Lifecycle.REGISTRATION_CLOSED)


def day_length(day: dt.date) -> dt.timedelta:
    previous = day - dt.timedelta(days=1)
    return end_of_day(day).astimezone(UTC) - end_of_day(previous).astimezone(UTC)


def test_end_of_day_spans_the_dst_changes():
    # 28.3.2027: clocks go forward in Finland, the day has 23 hours.
    spring_day = day_length(dt.date(2027, 3, 28))
    # 31.10.2027: clocks go back, the day has 25 hours.
    autumn_day = day_length(dt.date(2027, 10, 31))
    assert spring_day == dt.timedelta(hours=23)
    assert autumn_day == dt.timedelta(hours=25)


def test_registration_deadline_on_the_dst_change_day():
    closes = dt.date(2027, 3, 28)
    before = dt.datetime(2027, 3, 28, 20, 59, 59, tzinfo=UTC)  # 23:59:59 EEST
    after = dt.datetime(2027, 3, 28, 21, 0, tzinfo=UTC)  # 00:00 EEST on 29.3.
    assert lifecycle(before, registration_closes=closes) == Lifecycle.REGISTRATION_OPEN
    assert lifecycle(after, registration_closes=closes) == Lifecycle.REGISTRATION_CLOSED


def test_without_dates_registration_is_open_until_start():
    now = helsinki(2027, 4, 15, 8, 0)
    assert (
        lifecycle(now, registration_opens=None, registration_closes=None)
        == Lifecycle.REGISTRATION_OPEN
    )


def test_cancelled_or_full_trainings_never_show_registration_open():
    now = helsinki(2027, 3, 15, 12)
    assert lifecycle(now, accepts_registrations=False) == Lifecycle.REGISTRATION_CLOSED
    assert lifecycle(now, accepts_registrations=True) == Lifecycle.REGISTRATION_OPEN
