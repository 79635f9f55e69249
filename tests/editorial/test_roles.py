"""Groups, permissions and their effect in the admin, driven through the admin views."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from cms.editorial.roles import COMMUNICATIONS, TRANSLATORS, setup_roles
from cms.editorial.sections import sections
from cms.testing import login
from cms.translation import translate
from tests.events.editorial import EVENT_ORGANISERS
from tests.events.forms import event_form_data
from tests.events.models import EventPage


def _permissions(group_name: str, page: Page) -> set[str]:
    return set(
        GroupPagePermission.objects.filter(group__name=group_name, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_setup_roles_is_idempotent(roles):
    counts = (Group.objects.count(), GroupPagePermission.objects.count())
    report = setup_roles()
    assert report.page_permissions == 0
    assert (Group.objects.count(), GroupPagePermission.objects.count()) == counts


def test_every_section_listing_page_in_every_locale_is_covered(roles, event_indexes):
    for language, index in event_indexes.items():
        assert {"add_page", "change_page", "publish_page"} <= _permissions(
            COMMUNICATIONS.name, index
        )
        assert _permissions(EVENT_ORGANISERS.name, index) == {
            "add_page",
            "change_page",
            "lock_page",
            "unlock_page",
        }
        translator = _permissions(TRANSLATORS.name, index)
        assert ("change_page" in translator) is (language != "fi")
        assert "publish_page" not in translator
        assert WorkflowPage.objects.filter(page=index).exists()


def test_every_plugin_gets_a_workflow_even_without_a_declaration(roles):
    for plugin, _section in sections():
        for index in plugin.index_model.objects.all():
            assert WorkflowPage.objects.filter(page=index).exists(), plugin.key


def test_a_listing_page_created_later_is_configured_without_rerunning(
    roles, event_indexes, locales
):
    event_indexes["sv"].delete()
    translated = translate(event_indexes["fi"], locales["sv"], {"title": "Evenemang"})
    assert "change_page" in _permissions(EVENT_ORGANISERS.name, translated)
    assert "change_page" in _permissions(TRANSLATORS.name, translated)


def test_a_writer_writes_in_their_section_but_cannot_publish(
    client, event_organiser, event_indexes
):
    login(client, event_organiser)
    index = event_indexes["fi"]
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.id])
    response = client.post(
        url, {**event_form_data("Kevään tapaaminen", "kevaan-tapaaminen"), "action-publish": "1"}
    )
    assert response.status_code == 302
    page = EventPage.objects.get(slug="kevaan-tapaaminen")
    assert not page.live, "a writer's publish request must not publish"


def test_a_writer_cannot_edit_outside_the_sections(
    client, event_organiser, translated_home_pages, roles
):
    login(client, event_organiser)
    home = translated_home_pages["fi"]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[home.id]))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert reverse("wagtailadmin_pages:edit", args=[home.id]) not in response.url


def test_translator_edits_swedish_but_not_the_finnish_source(client, translator, event, locales):
    swedish = translate(event, locales["sv"], {"title": "Studiehandledarnas nätverksdag"})
    login(client, translator)
    finnish_edit = client.get(reverse("wagtailadmin_pages:edit", args=[event.id]))
    swedish_edit = client.get(reverse("wagtailadmin_pages:edit", args=[swedish.id]))
    assert finnish_edit.status_code in (302, 403)
    assert swedish_edit.status_code == 200


@pytest.mark.parametrize("group", [COMMUNICATIONS.name, TRANSLATORS.name])
def test_report_is_open_to_every_editor_group(client, make_editor, group):
    login(client, make_editor(group))
    assert client.get(reverse("editorial_translation_status")).status_code == 200


def test_report_is_closed_to_users_without_a_group(client, make_editor):
    user = make_editor(None, is_staff=False)
    login(client, user)
    response = client.get(reverse("editorial_translation_status"))
    assert response.status_code in (302, 403)


def test_demo_users_only_in_debug(roles, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("setup_roles", "--demo-users")
    settings.DEBUG = True
    call_command("setup_roles", "--demo-users", stdout=io.StringIO())
    call_command("setup_roles", "--demo-users", stdout=io.StringIO())
    organiser = get_user_model().objects.get(username=EVENT_ORGANISERS.key)
    assert organiser.groups.filter(name=EVENT_ORGANISERS.name).exists()
    assert organiser.check_password("eduverkko-demo")


def test_migrate_creates_the_groups_before_anyone_runs_a_command(db):
    communications = Group.objects.get(name=COMMUNICATIONS.name)
    assert communications.permissions.filter(codename="access_admin").exists()
    assert Group.objects.filter(name=EVENT_ORGANISERS.name).exists()


def test_translator_starts_a_translation_from_the_report(client, translator, event, locales):
    """Translators cannot browse the Finnish tree; the report is where they find work."""
    login(client, translator)
    report = client.get(reverse("editorial_translation_status"), {"state": "missing"})
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[event.id])
    assert translate_url in report.content.decode()
    response = client.post(translate_url, {"locales": [locales["sv"].id]})
    assert response.status_code == 302
    swedish = Page.objects.get(translation_key=event.translation_key, locale=locales["sv"])
    assert not swedish.live
    assert swedish.permissions_for_user(translator).can_edit()
    assert not swedish.permissions_for_user(translator).can_publish()


def test_home_pages_translated_after_migrate_are_open_to_communications(translated_home_pages):
    for page in translated_home_pages.values():
        assert {"change_page", "publish_page"} <= _permissions(COMMUNICATIONS.name, page)


def test_groups_and_workflows_have_finnish_names_and_old_english_ones_are_renamed(roles):
    from wagtail.models import Workflow

    section_workflow = "Osion tarkastus: events"
    Group.objects.filter(name=COMMUNICATIONS.name).update(name="Communications")
    Group.objects.filter(name=TRANSLATORS.name).update(name="Translators")
    Workflow.objects.filter(name=section_workflow).update(name="Section review: events")
    Workflow.objects.filter(name="Moderoitu julkaisu").update(name="Moderated publishing")
    groups = Group.objects.count()
    setup_roles()
    assert Group.objects.count() == groups, "renamed, not duplicated"
    assert Group.objects.filter(name__in=[COMMUNICATIONS.name, TRANSLATORS.name]).count() == 2
    assert not Group.objects.filter(name__in=["Communications", "Translators"]).exists()
    names = set(Workflow.objects.values_list("name", flat=True))
    assert {section_workflow, "Moderoitu julkaisu"} <= names
    assert "Moderaattorien hyväksyntä" in names, "Wagtail's default workflow too"
    assert not any(
        name.startswith(("Moderat", "Section review"))
        for name in names - {"Moderaattorien hyväksyntä"}
    )
