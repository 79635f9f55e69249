"""Workflows through the admin: submit, reviewers notified by e-mail, approve publishes."""

from __future__ import annotations

from django.core import mail
from django.urls import reverse

from cms.editorial.roles import MODERATED_WORKFLOW, TRANSLATORS, workflow_for
from cms.editorial.sections import EditorialSection
from cms.plugins import registry
from cms.testing import login
from tests.events.editorial import EVENT_ORGANISERS
from tests.events.forms import event_form_data
from tests.events.models import EventPage


def submit_new_event(client, author, index) -> EventPage:
    """``author`` writes an event in the light-workflow section and submits it for review."""
    login(client, author)
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.id])
    response = client.post(
        url, {**event_form_data("Syksyn webinaari", "syksyn-webinaari"), "action-submit": "1"}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return EventPage.objects.get(slug="syksyn-webinaari")


def test_submission_notifies_the_reviewers_and_approval_publishes(
    client, event_organiser, communications, make_editor, event_indexes
):
    colleague = make_editor(EVENT_ORGANISERS.name, email="kollega@example.fi")
    mail.outbox.clear()
    page = submit_new_event(client, event_organiser, event_indexes["fi"])

    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert not page.live
    recipients = {address for message in mail.outbox for address in message.to}
    assert {communications.email, colleague.email} <= recipients
    assert event_organiser.email not in recipients, "the author is not asked to review"

    client.logout()
    login(client, communications)
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id]),
        {"comment": "Hyvä."},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live


def test_a_reviewer_outside_the_section_cannot_approve(
    client, event_organiser, make_editor, event_indexes
):
    page = submit_new_event(client, event_organiser, event_indexes["fi"])
    translator = make_editor(TRANSLATORS.name)
    client.logout()
    login(client, translator)
    task_state = page.current_workflow_state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id]),
        {"comment": ""},
    )
    page.refresh_from_db()
    assert not page.live


def test_moderated_sections_share_the_communications_review(roles):
    plugin = next(iter(registry))
    moderated = workflow_for(plugin, EditorialSection(workflow="moderated"))
    assert moderated.name == MODERATED_WORKFLOW
    (task,) = [workflow_task.task.specific for workflow_task in moderated.workflow_tasks.all()]
    assert list(task.groups.values_list("name", flat=True)) == ["Viestintä"]
