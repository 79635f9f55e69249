"""Each role is offered only the actions it may take, and what it is offered works."""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import Page

from cms.testing import login
from tests.editorial.test_workflow import submit_new_event
from tests.events.editorial import EVENT_ORGANISERS

APPROVE = 'data-workflow-action-name="approve"'


def test_author_is_not_offered_approval_and_a_colleague_approval_publishes(
    client, event_organiser, make_editor, event_indexes
):
    page = submit_new_event(client, event_organiser, event_indexes["fi"])
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.id]))
    assert APPROVE not in editor.content.decode(), "no approving one's own work"
    task_state = page.current_workflow_state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id]),
        {"comment": ""},
    )
    page.refresh_from_db()
    assert not page.live

    colleague = make_editor(EVENT_ORGANISERS.name)
    client.logout()
    login(client, colleague)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.id]))
    assert APPROVE in editor.content.decode()
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id]),
        {"comment": "Hyvä."},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live, "the section's reviewer publishes through the approval"


def test_a_writer_is_not_offered_translations_outside_their_sections(
    client, event_organiser, publication_indexes, publication, event, locales
):
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[publication.id])
    login(client, event_organiser)

    listing = client.get(reverse("wagtailadmin_explore", args=[publication_indexes["fi"].id]))
    assert translate_url not in listing.content.decode()
    response = client.post(translate_url, {"locales": [locales["en"].id]})
    assert response.status_code in (302, 403)
    assert not Page.objects.filter(
        translation_key=publication.translation_key, locale=locales["en"]
    ).exists()

    # In their own section the organiser translates, and only into locales they may write.
    own_url = reverse("wagtail_localize:submit_page_translation", args=[event.id])
    form = client.get(own_url)
    assert form.status_code == 200
    assert f'value="{locales["sv"].id}"' in form.content.decode()
    assert client.post(own_url, {"locales": [locales["sv"].id]}).status_code == 302
    assert Page.objects.filter(translation_key=event.translation_key, locale=locales["sv"]).exists()
