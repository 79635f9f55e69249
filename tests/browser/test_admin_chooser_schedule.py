"""The organiser chooser modal and the schedule dialog, in Chromium (Finnish, Helsinki time).

A section's writer (an event organiser, on the test plugin) opens the organiser modal and
sees only the Finnish rows, also when searching; communications sets a go-live time in the
schedule dialog, presses its one button, and the scheduler publishes the page once the time
has passed.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Locale, Page

from cms.editorial.roles import COMMUNICATIONS, setup_roles
from cms.vocabularies.factories import OrganisationFactory
from tests.events.editorial import EVENT_ORGANISERS
from tests.events.factories import EventIndexPageFactory, EventPageFactory

PASSWORD = "browser-chooser-password"
HELSINKI = ZoneInfo("Europe/Helsinki")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def events(translated_home_pages):
    index = EventIndexPageFactory(parent=translated_home_pages["fi"])
    index.save_revision().publish()
    setup_roles()
    finnish = OrganisationFactory(name="Opetushallitus", slug="oph")
    for language, name in (("sv", "Utbildningsstyrelsen"), ("en", "Finnish National Agency")):
        row = finnish.copy_for_translation(Locale.objects.get(language_code=language))
        row.name = name
        row.save()
    for username, group in (
        ("jarjestaja", EVENT_ORGANISERS.name),
        ("viestija", COMMUNICATIONS.name),
    ):
        user = get_user_model().objects.create_user(username, f"{username}@example.fi", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
    return index, finnish


def _log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


CHOICES = ".modal [data-chooser-modal-choice]"


def _modal_rows(page) -> list[str]:
    return [text.strip() for text in page.locator(CHOICES).all_inner_texts()]


def test_the_organiser_modal_offers_finnish_rows_only(base_url, browser_page, events):
    page, base = browser_page, base_url
    index, _finnish = events
    _log_in(page, base, "jarjestaja")
    page.goto(f"{base}/admin/pages/add/events/eventpage/{index.id}/")
    page.locator("#id_organiser-chooser [data-chooser-action-choose]").first.click()
    page.locator(CHOICES).first.wait_for()
    assert _modal_rows(page) == ["Opetushallitus"]

    search = page.locator(".modal input[name='q']")
    search.fill("Utbildnings")
    expect(page.locator(CHOICES)).to_have_count(0)
    search.fill("Opetus")
    expect(page.locator(CHOICES)).to_have_count(1)
    assert _modal_rows(page) == ["Opetushallitus"]
    # Choosing is tested through the chooser's URLs (tests/editorial/test_vocabulary_choosers.py):
    # a choice here would change the form and start an autosave request that could outlive
    # the test and write into the next test's database.


def test_one_button_schedules_and_the_scheduler_publishes(
    base_url, browser_page, events, monkeypatch
):
    page, base = browser_page, base_url
    index, _finnish = events
    draft = EventPageFactory(parent=index, title="Ajastettava tapaaminen", live=False)
    draft.save_revision()
    go_live = (timezone.now() + dt.timedelta(days=2)).replace(second=0, microsecond=0)
    local = go_live.astimezone(HELSINKI)
    typed = f"{local.day}.{local.month}.{local.year} {local.hour}.{local.minute:02d}"

    _log_in(page, base, "viestija")
    page.goto(f"{base}/admin/pages/{draft.id}/edit/")
    page.click("[data-side-panel-toggle='status']")
    page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']:visible").first.click()
    page.fill("#id_go_live_at", typed)
    button = page.locator("button[name='action-schedule']")
    assert button.inner_text().strip() == "Ajasta julkaisu"
    # From the keyboard (the date picker's pop-up may cover the button; Escape would close
    # the whole dialog).
    button.focus()
    assert page.input_value("#id_go_live_at") == typed
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/admin/pages/{index.id}/")
    assert "Julkaistaan" in page.locator("[data-page-schedule]").first.inner_text()

    revision = Page.objects.get(pk=draft.pk).scheduled_revision
    assert revision is not None and revision.approved_go_live_at == go_live
    monkeypatch.setattr(timezone, "now", lambda: go_live + dt.timedelta(minutes=1))
    call_command("run_scheduler", "--once")
    assert Page.objects.get(pk=draft.pk).live
