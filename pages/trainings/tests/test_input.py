"""Trainings' own date inputs (the listing's and calendar's filter, the Linked Events times):
out-of-range dates get a 400 naming the range, and no text gets a 5xx."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from hypothesis import given

from cms.strategies import INPUT_SETTINGS, date_text
from cms.testing import assert_no_server_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(training_indexes, make_training):
    make_training(title="Koulutus arvioinnista")
    return training_indexes


@pytest.mark.parametrize(
    ("url", "names"),
    [
        ("/fi/koulutukset/?date_from=0001-01-01", "1900"),
        ("/fi/koulutukset/?date_to=9999-12-31", "2999"),
        ("/fi/calendar/trainings.ics?date_from=0001-01-01", "1900"),
        ("/fi/calendar/trainings.ics?date_to=9999-12-31", "2999"),
        ("/api/v1/trainings/?start=0001-01-01", "start"),
        ("/api/v1/trainings/?end=9999-12-31T23:59:59-14:00", "end"),
    ],
)
def test_dates_out_of_range_get_a_400_naming_it(client, site, url, names):
    response = client.get(url)
    assert response.status_code == 400, response.content[:500]
    assert names in response.content.decode()


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/fi/koulutukset/", "date_from"),
        ("/fi/koulutukset/", "date_to"),
        ("/fi/calendar/trainings.ics", "date_from"),
        ("/fi/calendar/trainings.ics", "date_to"),
        ("/api/v1/trainings/", "start"),
        ("/api/v1/trainings/", "end"),
    ],
)
def test_date_parameters_never_fail(client, site, path, name):
    @INPUT_SETTINGS
    @given(value=date_text())
    def check(value):
        url = f"{path}?{urlencode({name: value})}"
        assert_no_server_error(client.get(url), url)

    check()
