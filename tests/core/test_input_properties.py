"""Property tests: whatever text arrives in a date, number or query parameter, the answer is
a 2xx or a 4xx naming the problem, never a 5xx (site and API)."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

PROPERTY_SETTINGS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: Text shaped like what partners and browsers send, plus arbitrary junk.
dates = st.one_of(
    st.dates().map(lambda day: day.isoformat()),
    st.datetimes().map(lambda moment: moment.isoformat()),
    st.datetimes(timezones=st.timezones()).map(lambda moment: moment.isoformat()),
    st.from_regex(r"\A-?\d{1,6}-\d{1,3}-\d{1,3}(T\d{1,2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?\Z"),
    st.text(max_size=40),
)
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.text(max_size=30),
)
query_text = st.text(max_size=120)

SITE_DATE_URLS = ["/fi/koulutukset/", "/fi/calendar/trainings.ics"]
API_DATE_PARAMETERS = [
    ("/api/v1/news/", "updated_since"),
    ("/api/v1/news/", "published_after"),
    ("/api/v1/trainings/", "start"),
    ("/api/v1/trainings/", "end"),
]


def assert_clean(response, url: str) -> None:
    assert response.status_code < 500, (url, response.status_code)
    if response.status_code == 400 and response["Content-Type"].startswith("application/"):
        assert response.content, url  # a problem body that names what was wrong


@pytest.fixture
def site(training_indexes, make_training):
    make_training(title="Koulutus arvioinnista")
    return training_indexes


@pytest.mark.parametrize("path", SITE_DATE_URLS)
@pytest.mark.parametrize("name", ["date_from", "date_to"])
def test_site_date_filters_never_fail(client, site, path, name):
    @PROPERTY_SETTINGS
    @given(value=dates)
    def check(value):
        url = f"{path}?{urlencode({name: value})}"
        assert_clean(client.get(url), url)

    check()


@pytest.mark.parametrize(("path", "name"), API_DATE_PARAMETERS)
def test_api_date_parameters_never_fail(client, site, path, name):
    @PROPERTY_SETTINGS
    @given(value=dates)
    def check(value):
        url = f"{path}?{urlencode({name: value})}"
        assert_clean(client.get(url), url)

    check()


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/fi/search/?q=koulutus&", "page"),
        ("/api/v1/trainings/?", "limit"),
        ("/api/v1/trainings/?", "offset"),
        ("/api/v1/search/?q=koulutus&", "limit"),
        ("/api/v1/changes/?", "limit"),
    ],
)
def test_number_parameters_never_fail(client, site, path, name):
    @PROPERTY_SETTINGS
    @given(value=numbers)
    def check(value):
        url = f"{path}{urlencode({name: value})}"
        assert_clean(client.get(url), url)

    check()


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/fi/search/", "q"),
        ("/fi/search/suggest/", "q"),
        ("/api/v1/search/", "q"),
        ("/api/v1/trainings/", "search"),
        ("/api/v1/changes/", "cursor"),
    ],
)
def test_query_text_never_fails(client, site, path, name):
    @PROPERTY_SETTINGS
    @given(value=query_text)
    def check(value):
        url = f"{path}?{urlencode({name: value})}"
        assert_clean(client.get(url), url)

    check()
