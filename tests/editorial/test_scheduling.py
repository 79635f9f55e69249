"""Scheduling in one step, through the admin as each role, until the page really goes live.

The editor types a go-live time in Finnish (``d.m.yyyy H.MM``, Helsinki time) into the
schedule dialog and presses its button; the scheduler (``run_scheduler --once``) then
publishes the page once the time has passed, and not before.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from cms.testing import login
from tests.events.forms import event_form_data
from tests.events.models import EventPage

HELSINKI = ZoneInfo("Europe/Helsinki")
SCHEDULE_BUTTON = {"action-schedule": "1"}


def _text(response) -> str:
    """The response as a reader sees it: tags dropped, whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _finnish(instant: dt.datetime) -> str:
    local = instant.astimezone(HELSINKI)
    return f"{local.day}.{local.month}.{local.year} {local.hour}.{local.minute:02d}"


@pytest.fixture
def go_live() -> dt.datetime:
    """A whole minute some days ahead (the form keeps minutes, not seconds)."""
    return (timezone.now() + dt.timedelta(days=3)).replace(second=0, microsecond=0)


def _add_scheduled(client, user, index, slug: str, go_live: dt.datetime):
    login(client, user)
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.id])
    data = {
        **event_form_data("Kevään verkostopäivä", slug, go_live_at=_finnish(go_live)),
        **SCHEDULE_BUTTON,
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return EventPage.objects.get(slug=slug)


def _run_scheduler_at(monkeypatch, instant: dt.datetime, page: Page) -> bool:
    monkeypatch.setattr(timezone, "now", lambda: instant)
    call_command("run_scheduler", "--once")
    monkeypatch.undo()
    page.refresh_from_db()
    return page.live


def _scheduled_for(page: Page) -> dt.datetime | None:
    """The approved go-live time (read afresh: Wagtail caches it on the instance)."""
    revision = Page.objects.get(pk=page.pk).scheduled_revision
    return revision.approved_go_live_at if revision else None


def _approve(client, reviewer, page: Page) -> None:
    client.logout()
    login(client, reviewer)
    task_state = page.current_workflow_state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)


def test_communications_schedules_in_one_step(
    client, monkeypatch, communications, event_indexes, go_live
):
    page = _add_scheduled(client, communications, event_indexes["fi"], "kevat", go_live)
    assert not page.live
    assert _scheduled_for(page) == go_live
    assert not _run_scheduler_at(monkeypatch, go_live - dt.timedelta(minutes=1), page)
    assert _run_scheduler_at(monkeypatch, go_live + dt.timedelta(minutes=1), page)
    assert _scheduled_for(page) is None


def test_a_writer_submits_with_the_schedule_and_approval_schedules_it(
    client, monkeypatch, event_organiser, communications, event_indexes, go_live
):
    page = _add_scheduled(client, event_organiser, event_indexes["fi"], "kevat", go_live)
    assert page.current_workflow_state.status == "in_progress", "sent for review"
    assert _scheduled_for(page) is None, "nothing is scheduled before review"
    assert not _run_scheduler_at(monkeypatch, go_live + dt.timedelta(minutes=1), page)

    _approve(client, communications, page)
    page.refresh_from_db()
    assert not page.live, "approval schedules, it does not publish early"
    assert _scheduled_for(page) == go_live
    assert not _run_scheduler_at(monkeypatch, go_live - dt.timedelta(minutes=1), page)
    assert _run_scheduler_at(monkeypatch, go_live + dt.timedelta(minutes=1), page)


def test_a_writer_reschedules_a_page_under_review(
    client, monkeypatch, event_organiser, communications, event_indexes, go_live
):
    page = _add_scheduled(client, event_organiser, event_indexes["fi"], "kevat", go_live)
    later = go_live + dt.timedelta(days=1)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.id]),
        {
            **event_form_data("Kevään verkostopäivä", "kevat", go_live_at=_finnish(later)),
            **SCHEDULE_BUTTON,
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress", "still the one review"
    _approve(client, communications, page)
    page.refresh_from_db()
    assert _scheduled_for(page) == later


def test_the_dialog_button_says_what_it_does_for_each_role(
    client, communications, event_organiser, event, go_live
):
    url = reverse("wagtailadmin_pages:edit", args=[event.id])
    for user, label in (
        (communications, "Ajasta julkaisu"),
        (event_organiser, "Lähetä tarkastettavaksi ajastettuna"),
    ):
        client.logout()
        login(client, user)
        html = client.get(url).content.decode()
        assert 'name="action-schedule"' in html
        assert label in html, user
        assert "Schedule to publish" not in html


def test_the_schedule_shows_in_the_explorer_header_and_report(
    client, communications, event_organiser, translator, event_indexes, go_live
):
    page = _add_scheduled(client, communications, event_indexes["fi"], "kevat", go_live)
    shown = _finnish(go_live).replace(" ", " klo ")

    explorer = client.get(reverse("wagtailadmin_explore", args=[event_indexes["fi"].id]))
    assert f"Julkaistaan {shown}" in _text(explorer)
    header = client.get(reverse("wagtailadmin_pages:edit", args=[page.id]))
    assert f"Julkaistaan {shown}" in _text(header)

    for user, sees in ((communications, True), (event_organiser, True), (translator, False)):
        client.logout()
        login(client, user)
        report = client.get(reverse("editorial_scheduled"))
        assert report.status_code == 200
        html = report.content.decode()
        assert (f'data-page="{page.id}"' in html) is sees, user
        if sees:
            assert shown in html, "Helsinki time, Finnish format"


def test_the_report_lists_expiry_and_filters_by_section(
    client, communications, event, publication_indexes, go_live
):
    event.expire_at = go_live
    event.save_revision().publish()
    login(client, communications)
    report = client.get(reverse("editorial_scheduled"), {"section": "events"})
    assert 'data-kind="expiry"' in report.content.decode()
    assert "Vanhenee" in report.content.decode()
    other = client.get(reverse("editorial_scheduled"), {"section": "publications"})
    assert 'data-kind="expiry"' not in other.content.decode()
    assert client.get(reverse("editorial_scheduled"), {"section": "nope"}).status_code == 400
