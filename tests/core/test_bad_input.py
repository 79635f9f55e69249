"""Every door refuses bad input with a 4xx naming the problem, never a 500; HEAD works."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(event_indexes, make_event, make_publication):
    make_event(title="Tapahtuma arvioinnista")
    make_publication(title="Julkaisu arvioinnista")
    return event_indexes


@pytest.mark.parametrize(
    ("url", "status", "names"),
    [
        ("/fi/search/suggest/?q=%22ab", 200, None),
        ("/fi/search/suggest/?q=ab%00c", 400, "q"),
        ("/fi/search/?q=%22arvioinnista", 200, None),
        ("/fi/search/?q=arvioinnista&page=99999999999999999999", 400, "page"),
        ("/fi/calendar/events/99999999999999999999.ics", 404, None),
        ("/fi/calendar/publications/99999999999999999999.ics", 404, None),
        ("/api/v1/publications/?updated_since=0001-01-01", 400, "updated_since"),
        ("/api/v1/publications/?updated_since=9999-12-31T23:59:59-14:00", 400, "updated_since"),
        ("/api/v1/events/?updated_since=0001-01-01T00:00:00%2B14:00", 400, "updated_since"),
        ("/api/v1/events/99999999999999999999", 400, "id"),  # past the key range
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
        "/api/v1/publications/",
        "/api/v1/events/",
        "/api/v1/changes/",
        "/api/v1/search/?q=arvioinnista",
        "/fi/search/?q=arvioinnista",
        "/fi/search/suggest/?q=ar",
        "/sitemap.xml",
        "/robots.txt",
        "/fi/feeds/events/rss.xml",
        "/fi/calendar/events.ics",
        "/fi/calendar/publications.ics",
        "/fi/tapahtumat/",
        "/fi/julkaisut/",
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
