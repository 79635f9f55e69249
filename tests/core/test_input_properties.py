"""Property tests: whatever text arrives in a date, number or query parameter, the answer is
a 2xx or a 4xx naming the problem, never a 5xx (site and API).

The plugins' own parameters (the trainings listing's dates, the Linked Events times, the
news dates) have the same tests in their plugins' folders.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cms.strategies import INPUT_SETTINGS, date_text
from cms.testing import assert_no_server_error

pytestmark = pytest.mark.django_db

numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.text(max_size=30),
)
query_text = st.text(max_size=120)

#: A listing and a calendar that take no date filter of their own (it is a plugin's option).
SITE_DATE_URLS = ["/fi/tapahtumat/", "/fi/calendar/events.ics"]
API_DATE_PARAMETERS = [
    ("/api/v1/publications/", "updated_since"),
    ("/api/v1/events/", "updated_since"),
]


@pytest.fixture
def site(event_indexes, make_event, make_publication):
    make_event(title="Tapahtuma arvioinnista")
    make_publication(title="Julkaisu arvioinnista")
    return event_indexes


@pytest.mark.parametrize("path", SITE_DATE_URLS)
@pytest.mark.parametrize("name", ["date_from", "date_to"])
def test_site_date_filters_never_fail(client, site, path, name):
    @INPUT_SETTINGS
    @given(value=date_text())
    def check(value):
        url = f"{path}?{urlencode({name: value})}"
        assert_no_server_error(client.get(url), url)

    check()


@pytest.mark.parametrize(("path", "name"), API_DATE_PARAMETERS)
def test_api_date_parameters_never_fail(client, site, path, name):
    @INPUT_SETTINGS
    @given(value=date_text())
    def check(value):
        url = f"{path}?{urlencode({name: value})}"
        assert_no_server_error(client.get(url), url)

    check()


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/fi/search/?q=arvioinnista&", "page"),
        ("/api/v1/publications/?", "limit"),
        ("/api/v1/events/?", "offset"),
        ("/api/v1/search/?q=arvioinnista&", "limit"),
        ("/api/v1/changes/?", "limit"),
    ],
)
def test_number_parameters_never_fail(client, site, path, name):
    @INPUT_SETTINGS
    @given(value=numbers)
    def check(value):
        url = f"{path}{urlencode({name: value})}"
        assert_no_server_error(client.get(url), url)

    check()


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/fi/search/", "q"),
        ("/fi/search/suggest/", "q"),
        ("/api/v1/search/", "q"),
        ("/api/v1/publications/", "search"),
        ("/api/v1/changes/", "cursor"),
    ],
)
def test_query_text_never_fails(client, site, path, name):
    @INPUT_SETTINGS
    @given(value=query_text)
    def check(value):
        url = f"{path}?{urlencode({name: value})}"
        assert_no_server_error(client.get(url), url)

    check()
