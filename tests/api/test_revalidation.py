"""Partner revalidations answered early (cms.api.revalidation): a 304 only while it is true.

The early answer skips the view, so each test first shows it answering on its own (the
middleware given a view that fails the test), then what a partner sees when something
changes: a revoked or unknown key, a publish, a renamed term, the clock, the quota.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.api.models import PartnerKey
from cms.api.revalidation import RevalidationMiddleware
from cms.vocabularies.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/events/?limit=5"
#: What a 304 must repeat from its 200 (RFC 9110 section 15.4.5) and what our 200s carry.
SHARED_HEADERS = (
    "ETag",
    "Last-Modified",
    "Cache-Control",
    "Vary",
    "X-RateLimit-Limit",
    "Access-Control-Allow-Origin",
    "Access-Control-Expose-Headers",
    "X-Frame-Options",
)


@pytest.fixture
def partner():
    """A usable key: (the row, the headers a partner sends)."""
    key, raw_key = PartnerKey.issue(name="Kalenteri", organisation=OrganisationFactory())
    return key, {"HTTP_X_API_KEY": raw_key}


def revalidate(client, url: str, etag: str, **headers):
    return client.get(url, HTTP_IF_NONE_MATCH=etag, **headers)


def primed(client, url: str, **headers) -> str:
    """The ETag of ``url`` after one revalidation through the view (which leaves the
    validator the early answer reads)."""
    etag = client.get(url, **headers)["ETag"]
    assert revalidate(client, url, etag, **headers).status_code == 304
    return etag


def answered_early(url: str, etag: str, **headers):
    """The middleware's own answer, with a view that must not be reached."""

    def view(_request):
        pytest.fail("the request reached the view")

    request = RequestFactory().get(url, HTTP_IF_NONE_MATCH=etag, **headers)
    return RevalidationMiddleware(view)(request)


def test_a_revalidation_is_answered_before_the_view_without_a_query(client, make_event, partner):
    _key, auth = partner
    make_event(title="Verkostopäivä")
    etag = primed(client, LIST, **auth)

    with CaptureQueriesContext(connection) as queries:
        response = answered_early(LIST, etag, **auth)

    assert response.status_code == 304
    assert response["ETag"] == etag
    assert len(queries) == 0


def test_the_early_304_carries_the_headers_of_the_200(client, make_event, partner):
    _key, auth = partner
    make_event(title="Verkostopäivä")
    headers = {**auth, "HTTP_ORIGIN": "https://kunta.example.fi"}
    full = client.get(LIST, **headers)
    revalidate(client, LIST, full["ETag"], **headers)

    early = revalidate(client, LIST, full["ETag"], **headers)

    assert early.status_code == 304
    assert early.content == b""
    assert {name: early.get(name) for name in SHARED_HEADERS} == {
        name: full.get(name) for name in SHARED_HEADERS
    }
    assert int(early["X-RateLimit-Remaining"]) == int(full["X-RateLimit-Remaining"]) - 2
    # Compressed copies hold the weak tag; it revalidates early too, and stays weak.
    gzip = {**headers, "HTTP_ACCEPT_ENCODING": "gzip"}
    weak = client.get(LIST, **gzip)["ETag"]
    assert weak == "W/" + full["ETag"]
    again = revalidate(client, LIST, weak, **gzip)
    assert (again.status_code, again["ETag"]) == (304, weak)
    assert "Accept-Encoding" in again["Vary"]


def test_anonymous_revalidations_are_answered_early_and_counted(client, make_event, settings):
    settings.PARTNER_API_ANONYMOUS_RATE = 3
    make_event(title="Verkostopäivä")
    etag = primed(client, LIST)  # two requests of the three

    assert answered_early(LIST, etag).status_code == 304
    limited = revalidate(client, LIST, etag)

    assert limited.status_code == 429
    assert limited["Content-Type"] == "application/problem+json"
    assert "Retry-After" in limited


def test_a_key_over_its_quota_gets_429_not_304(client, make_event, partner):
    key, auth = partner
    key.daily_quota = 3
    key.save()
    make_event(title="Verkostopäivä")
    etag = primed(client, LIST, **auth)

    last = revalidate(client, LIST, etag, **auth)
    over = revalidate(client, LIST, etag, **auth)

    assert (last.status_code, last["X-RateLimit-Remaining"]) == (304, "0")
    assert over.status_code == 429
    assert 1 <= int(over["Retry-After"]) <= 24 * 60 * 60


@pytest.mark.parametrize("state", ["revoked", "expired"])
def test_a_revoked_or_expired_key_gets_401_not_304(client, make_event, partner, state):
    key, auth = partner
    make_event(title="Verkostopäivä")
    etag = primed(client, LIST, **auth)
    assert answered_early(LIST, etag, **auth).status_code == 304

    if state == "revoked":
        key.revoked = True
    else:
        key.expires_at = timezone.now() - dt.timedelta(minutes=1)
    key.save()
    response = revalidate(client, LIST, etag, **auth)

    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert "revoked or expired" in response.json()["detail"]
    assert "ETag" not in response


def test_a_key_expiring_while_cached_gets_401_not_304(client, make_event, partner):
    """The cached record says when the key expires; the early answer checks it each time."""
    key, auth = partner
    key.expires_at = timezone.now() + dt.timedelta(seconds=30)
    key.save()
    make_event(title="Verkostopäivä")
    etag = primed(client, LIST, **auth)

    # Within the minute in which the key's use is not recorded again.
    later = timezone.now() + dt.timedelta(seconds=40)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: later)
        response = revalidate(client, LIST, etag, **auth)

    assert response.status_code == 401


@pytest.mark.parametrize("presented", ["unknown", "malformed"])
def test_an_unknown_key_gets_401_with_a_valid_etag(client, make_event, partner, presented):
    _key, auth = partner
    make_event(title="Verkostopäivä")
    etag = primed(client, LIST, **auth)
    raw_key = auth["HTTP_X_API_KEY"]
    wrong = raw_key[:-4] + "xxxx" if presented == "unknown" else "not-a-key"

    response = revalidate(client, LIST, etag, HTTP_AUTHORIZATION=f"Bearer {wrong}")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert "unknown, revoked or expired" in response.json()["detail"]


def test_a_publish_gives_200_with_the_new_etag_then_304_again(client, make_event, partner, publish):
    _key, auth = partner
    event = make_event(title="Ensimmäinen")
    etag = primed(client, LIST, **auth)

    event.title = "Muutettu"
    publish(event)
    changed = revalidate(client, LIST, etag, **auth)

    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed.json()["items"][0]["title"] == "Muutettu"
    again = revalidate(client, LIST, changed["ETag"], **auth)
    assert again.status_code == 304
    assert answered_early(LIST, changed["ETag"], **auth).status_code == 304
    assert revalidate(client, LIST, etag, **auth).status_code == 200


def test_a_renamed_term_gives_200(client, make_event, partner):
    from cms.vocabularies.factories import ThemeFactory

    _key, auth = partner
    theme = ThemeFactory(name="Ohjaus")
    event = make_event(title="Verkostopäivä")
    event.themes.set([theme])
    event.save_revision().publish()
    etag = primed(client, LIST, **auth)

    theme.name = "Ohjaus ja neuvonta"
    theme.save()
    changed = revalidate(client, LIST, etag, **auth)

    assert changed.status_code == 200
    assert "Ohjaus ja neuvonta" in changed.content.decode()


def test_a_lifecycle_moved_by_the_clock_gives_200(client, make_event, monkeypatch):
    # Without a key: a key's use is recorded once a minute, which would send this to the view.
    starts = timezone.now() + dt.timedelta(days=10)
    event = make_event(
        title="Kevään verkostopäivä", starts_at=starts, ends_at=starts + dt.timedelta(hours=6)
    )
    detail = f"/api/v1/events/{event.pk}"
    etag = primed(client, detail)
    assert answered_early(detail, etag).status_code == 304

    assert client.get(detail).json()["has_ended"] is False
    later = starts + dt.timedelta(hours=7)
    monkeypatch.setattr(timezone, "now", lambda: later)
    moved = revalidate(client, detail, etag)

    assert moved.status_code == 200
    assert moved.json()["has_ended"] is True
    assert answered_early(detail, moved["ETag"]).status_code == 304


def test_other_urls_and_methods_are_left_to_the_view(client, make_event, partner):
    _key, auth = partner
    make_event(title="Ensimmäinen")
    make_event(title="Toinen")
    etag = primed(client, LIST, **auth)

    # Another query is another representation; HEAD and the change feed go to the view.
    assert revalidate(client, "/api/v1/events/?limit=1", etag, **auth).status_code == 200
    head = client.head(LIST, HTTP_IF_NONE_MATCH=etag, **auth)
    assert head.status_code == 304
    feed = client.get("/api/v1/changes/", **auth)
    assert revalidate(client, "/api/v1/changes/", feed["ETag"], **auth).status_code == 304
