"""Every door refuses bad input with a 4xx naming the problem, never a 500; HEAD works."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(training_indexes, make_training):
    make_training(title="Koulutus arvioinnista")
    return training_indexes


@pytest.mark.parametrize(
    ("url", "status", "names"),
    [
        ("/fi/search/suggest/?q=%22ab", 200, None),
        ("/fi/search/suggest/?q=ab%00c", 400, "q"),
        ("/fi/search/?q=%22koulutus", 200, None),
        ("/fi/search/?q=koulutus&page=99999999999999999999", 400, "page"),
        ("/fi/koulutukset/?date_from=0001-01-01", 400, "1900"),
        ("/fi/koulutukset/?date_to=9999-12-31", 400, "2999"),
        ("/fi/calendar/trainings.ics?date_from=0001-01-01", 400, "1900"),
        ("/fi/calendar/trainings.ics?date_to=9999-12-31", 400, "2999"),
        ("/fi/calendar/trainings/99999999999999999999.ics", 404, None),
        ("/api/v1/news/?updated_since=0001-01-01", 400, "updated_since"),
        ("/api/v1/news/?updated_since=9999-12-31T23:59:59-14:00", 400, "updated_since"),
        ("/api/v1/trainings/?updated_since=0001-01-01T00:00:00%2B14:00", 400, "updated_since"),
    ],
)
def test_bad_input_gets_a_4xx_naming_it(client, site, url, status, names):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    if names:
        assert names in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/trainings/",
        "/api/v1/changes/",
        "/api/v1/search/?q=koulutus",
        "/fi/search/?q=koulutus",
        "/fi/search/suggest/?q=ko",
        "/sitemap.xml",
        "/robots.txt",
        "/fi/feeds/trainings/rss.xml",
        "/fi/calendar/trainings.ics",
        "/fi/koulutukset/",
    ],
)
def test_head_answers_wherever_get_does(client, site, url):
    get = client.get(url)
    head = client.head(url)
    assert get.status_code == 200
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]


@pytest.mark.parametrize(
    "path",
    [
        "/admin/editorial/share/99999999999999999999/",
        "/admin/localize/page/99999999999999999999/convert_to_alias/",
        "/admin/editorial/translations/99999999999999999999/submit/",
    ],
)
def test_admin_ids_past_the_key_range_are_a_404(admin_client, path):
    assert admin_client.get(path, follow=True).status_code == 404
