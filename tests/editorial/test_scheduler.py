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

from pages.trainings.models import TrainingPage
from tests.editorial.conftest import login
from tests.editorial.forms import training_form_data

UTC = dt.UTC


class Clock:
    def __init__(self, monkeypatch) -> None:
        self.monkeypatch = monkeypatch

    def set(self, instant: dt.datetime) -> None:
        self.monkeypatch.setattr(timezone, "now", lambda: instant)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    return Clock(monkeypatch)


def _schedule(client, user, index, slug: str, **times: str) -> TrainingPage:
    login(client, user)
    url = reverse("wagtailadmin_pages:add", args=["trainings", "trainingpage", index.id])
    data = {**training_form_data("Ajastettu koulutus", slug, **times), "action-publish": "1"}
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    return TrainingPage.objects.get(slug=slug)


def _tick_at(clock: Clock, instant: dt.datetime, page: TrainingPage) -> bool:
    clock.set(instant)
    call_command("run_scheduler", "--once")
    page.refresh_from_db()
    return page.live


def test_go_live_on_the_spring_forward_morning(client, clock, communications, training_indexes):
    clock.set(dt.datetime(2026, 3, 20, 12, tzinfo=UTC))
    page = _schedule(
        client, communications, training_indexes["fi"], "kevat", go_live_at="2026-03-29 04:30"
    )
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at == dt.datetime(
        2026, 3, 29, 1, 30, tzinfo=UTC
    ), "04:30 summer time is 01:30 UTC"
    assert not _tick_at(clock, dt.datetime(2026, 3, 29, 1, 29, tzinfo=UTC), page)
    assert _tick_at(clock, dt.datetime(2026, 3, 29, 1, 31, tzinfo=UTC), page)


def test_go_live_on_the_fall_back_morning(client, clock, communications, training_indexes):
    clock.set(dt.datetime(2026, 10, 20, 12, tzinfo=UTC))
    page = _schedule(
        client, communications, training_indexes["fi"], "syksy", go_live_at="2026-10-25 04:30"
    )
    # 04:30 on the morning clocks went back is winter time (UTC+2): 02:30 UTC, not 01:30.
    assert not _tick_at(clock, dt.datetime(2026, 10, 25, 1, 31, tzinfo=UTC), page)
    assert not _tick_at(clock, dt.datetime(2026, 10, 25, 2, 29, tzinfo=UTC), page)
    assert _tick_at(clock, dt.datetime(2026, 10, 25, 2, 31, tzinfo=UTC), page)


def test_expiry_after_the_autumn_change(client, clock, communications, training_indexes):
    clock.set(dt.datetime(2026, 10, 20, 12, tzinfo=UTC))
    page = _schedule(
        client, communications, training_indexes["fi"], "vanhenee", expire_at="2026-10-25 04:30"
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
