"""Scheduled publishing and expiry across the daylight-saving changes of Europe/Helsinki.

Editors type go-live and expiry times in Finnish time; the scheduler compares instants.
On 29.3.2026 clocks go from 03:00 to 04:00 (UTC+2 → UTC+3); on 25.10.2026 from 04:00
back to 03:00, so 03:00–04:00 happens twice (the admin form refuses such an ambiguous time).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from cms.testing import login
from tests.publications.forms import publication_form_data
from tests.publications.models import PublicationPage

UTC = dt.UTC


class Clock:
    def __init__(self, monkeypatch) -> None:
        self.monkeypatch = monkeypatch

    def set(self, instant: dt.datetime) -> None:
        self.monkeypatch.setattr(timezone, "now", lambda: instant)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    return Clock(monkeypatch)


def _schedule(client, user, index, slug: str, **times: str) -> PublicationPage:
    login(client, user)
    url = reverse("wagtailadmin_pages:add", args=["publications", "publicationpage", index.id])
    data = {**publication_form_data("Ajastettu julkaisu", slug, **times), "action-publish": "1"}
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    return PublicationPage.objects.get(slug=slug)


def _tick_at(clock: Clock, instant: dt.datetime, page: PublicationPage) -> bool:
    clock.set(instant)
    call_command("run_scheduler", "--once")
    page.refresh_from_db()
    return page.live


@pytest.mark.parametrize(
    ("today", "typed", "go_live_utc"),
    [
        # Spring forward: 04:30 summer time (UTC+3) is 01:30 UTC.
        (dt.datetime(2026, 3, 20, 12, tzinfo=UTC), "2026-03-29 04:30", (2026, 3, 29, 1, 30)),
        # Fall back: 04:30 that morning is winter time (UTC+2), 02:30 UTC, not 01:30.
        (dt.datetime(2026, 10, 20, 12, tzinfo=UTC), "2026-10-25 04:30", (2026, 10, 25, 2, 30)),
    ],
    ids=["spring-forward", "fall-back"],
)
def test_go_live_on_the_morning_clocks_change(
    client, clock, communications, publication_indexes, today, typed, go_live_utc
):
    clock.set(today)
    page = _schedule(
        client, communications, publication_indexes["fi"], "ajastettu", go_live_at=typed
    )
    go_live = dt.datetime(*go_live_utc, tzinfo=UTC)
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at == go_live
    minute = dt.timedelta(minutes=1)
    assert not _tick_at(clock, go_live - dt.timedelta(hours=1), page), "an hour early"
    assert not _tick_at(clock, go_live - minute, page)
    assert _tick_at(clock, go_live + minute, page)


def test_expiry_after_the_autumn_change(client, clock, communications, publication_indexes):
    clock.set(dt.datetime(2026, 10, 20, 12, tzinfo=UTC))
    page = _schedule(
        client, communications, publication_indexes["fi"], "vanhenee", expire_at="2026-10-25 04:30"
    )
    assert page.live
    assert page.expire_at == dt.datetime(2026, 10, 25, 2, 30, tzinfo=UTC), "winter time, UTC+2"
    assert _tick_at(clock, dt.datetime(2026, 10, 25, 2, 29, tzinfo=UTC), page)
    assert not _tick_at(clock, dt.datetime(2026, 10, 25, 2, 31, tzinfo=UTC), page)
    page.refresh_from_db()
    assert page.expired


def test_scheduler_rejects_a_zero_interval(db):
    with pytest.raises(CommandError, match="at least 1 second"):
        call_command("run_scheduler", "--interval", "0")
