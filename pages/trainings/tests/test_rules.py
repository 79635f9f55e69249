"""The trainings' rules: the QuerySet (SQL) and the model (Python) agree on generated cases.

One training is stored once and rewritten for each generated case with an UPDATE; the
rule is then asked of the database (``TrainingPage.objects...``) and of the page read
back from it, at instants drawn around every edge of its dates (see cms.strategies).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cms.strategies import RULE_SETTINGS, days_near, helsinki_midnight, instants, moments_near
from cms.timezones import end_of_day, helsinki_date, start_of_day
from pages.trainings.factories import TrainingIndexPageFactory, TrainingPageFactory
from pages.trainings.models import TrainingPage

pytestmark = pytest.mark.django_db

DURATIONS = st.sampled_from(
    [dt.timedelta(0), dt.timedelta(microseconds=1), dt.timedelta(hours=6), dt.timedelta(days=3)]
)


@pytest.fixture
def training(home_page) -> TrainingPage:
    return TrainingPageFactory(parent=TrainingIndexPageFactory(parent=home_page))


@st.composite
def training_dates(draw) -> dict:
    """Dates of a valid training (it may not end before it starts), with empty ones."""
    starts_at = draw(instants())
    start_day = helsinki_date(starts_at)
    closes = draw(st.none() | days_near(start_day, 10).filter(lambda day: day <= start_day))
    opens = draw(st.none() | days_near(closes or start_day, 10))
    if opens and closes and opens > closes:
        opens, closes = closes, opens
    return {
        "starts_at": starts_at,
        "ends_at": starts_at + draw(DURATIONS),
        "registration_opens": opens,
        "registration_closes": closes,
        # Only a scheduled training takes registrations: draw it more often than the rest.
        "status": draw(
            st.just(TrainingPage.Status.SCHEDULED) | st.sampled_from(TrainingPage.Status.values)
        ),
    }


def stored(training: TrainingPage, fields: dict) -> TrainingPage:
    TrainingPage.objects.filter(pk=training.pk).update(**fields)
    training.refresh_from_db()
    return training


def edges(training: TrainingPage) -> st.SearchStrategy[list[dt.datetime]]:
    opens, closes = training.registration_opens, training.registration_closes
    return moments_near(
        training.starts_at,
        training.ends_at,
        helsinki_midnight(opens),
        end_of_day(closes) if closes else None,
    )


def selects(queryset, training: TrainingPage) -> bool:
    return queryset.filter(pk=training.pk).exists()


@RULE_SETTINGS
@given(fields=training_dates(), data=st.data())
def test_registration_open_is_the_same_in_sql_and_python(training, fields, data):
    training = stored(training, fields)
    for at in data.draw(edges(training)):
        is_open = training.registration_open_at(at)
        assert selects(TrainingPage.objects.registration_open(at), training) is is_open
        assert selects(TrainingPage.objects.registration_open(at, False), training) is not is_open


@RULE_SETTINGS
@given(fields=training_dates(), data=st.data())
def test_upcoming_and_past_are_the_same_in_sql_and_python(training, fields, data):
    training = stored(training, fields)
    for at in data.draw(edges(training)):
        ended = training.has_ended_at(at)
        assert selects(TrainingPage.objects.past(at), training) is ended
        assert selects(TrainingPage.objects.upcoming(at), training) is not ended


@RULE_SETTINGS
@given(fields=training_dates(), data=st.data())
def test_a_day_window_selects_the_trainings_that_take_place_on_those_days(training, fields, data):
    training = stored(training, fields)
    first = data.draw(days_near(helsinki_date(training.starts_at)))
    last = data.draw(days_near(first))
    window = (start_of_day(first), end_of_day(last))
    takes_place = training.ends_at > window[0] and training.starts_at < window[1]
    assert selects(TrainingPage.objects.in_window(*window), training) is takes_place


def test_registration_open_at_the_edges_of_the_registration_days(training):
    """Registration days are Helsinki days: open from 00:00 on the first to 24:00 on the last."""
    training = stored(
        training,
        {
            "starts_at": dt.datetime(2027, 4, 15, 9, tzinfo=dt.UTC),
            "ends_at": dt.datetime(2027, 4, 15, 15, tzinfo=dt.UTC),
            "registration_opens": dt.date(2027, 3, 1),
            "registration_closes": dt.date(2027, 3, 31),
            "status": TrainingPage.Status.SCHEDULED,
        },
    )
    opening, closing = start_of_day(dt.date(2027, 3, 1)), end_of_day(dt.date(2027, 3, 31))
    tiny = dt.timedelta(microseconds=1)
    for at, expected in (
        (opening - tiny, False),
        (opening, True),
        (closing - tiny, True),
        (closing, False),
    ):
        assert selects(TrainingPage.objects.registration_open(at), training) is expected, at
        assert training.registration_open_at(at) is expected, at


def test_a_window_is_half_open_unless_inclusive(training):
    """Calendar days (the site) exclude a training that ends as the window opens; the API's
    Linked Events moments ("at or after") include it."""
    starts_at = dt.datetime(2027, 10, 30, 22, tzinfo=dt.UTC)  # Sunday 00:00 in Helsinki
    ends_at = starts_at + dt.timedelta(hours=2)
    training = stored(training, {"starts_at": starts_at, "ends_at": ends_at})
    trainings = TrainingPage.objects.all()
    assert not selects(trainings.in_window(start=ends_at), training)
    assert selects(trainings.in_window(start=ends_at, inclusive=True), training)
    assert not selects(trainings.in_window(end=starts_at), training)
    assert selects(trainings.in_window(end=starts_at, inclusive=True), training)
    assert selects(trainings.in_window(start_of_day(dt.date(2027, 10, 31))), training)
    assert not selects(trainings.in_window(end=end_of_day(dt.date(2027, 10, 30))), training)
