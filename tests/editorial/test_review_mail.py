"""Review e-mails speak each recipient's admin language, through the real workflow.

Wagtail renders every notification inside ``translation.override`` of the recipient's
preferred admin language; whatever our catalogues leave untranslated arrives in English.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.users.models import UserProfile

from cms.testing import login
from tests.publications.forms import publication_form_data
from tests.publications.models import PublicationPage

#: A word of each language that the submitted/approved/rejected mails must carry.
EXPECTED = {
    "fi": {"submitted": "tarkastettavaksi", "approved": "hyväksytty", "rejected": "hylätty"},
    "sv": {"submitted": "godkännande", "approved": "godkän", "rejected": "avvisa"},
}


def _set_language(language: str, *users) -> None:
    for user in users:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()


def _messages_to(user) -> list:
    return [message for message in mail.outbox if user.email in message.to]


def _submit(client, author, index, slug: str) -> PublicationPage:
    login(client, author)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["publications", "publicationpage", index.id]),
        {**publication_form_data("Syksyn opas", slug), "action-submit": "1"},
    )
    assert response.status_code == 302
    return PublicationPage.objects.get(slug=slug)


def _review(client, reviewer, page, action: str) -> None:
    client.logout()
    login(client, reviewer)
    task_state = page.current_workflow_state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.id, action, task_state.id]),
        {"comment": "Kiitos / Tack"},
    )
    assert response.status_code in (200, 302)


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("outcome", ["approve", "reject"])
def test_review_mails_in_the_recipients_language(
    client, publication_editor, communications, publication_indexes, untranslated, language, outcome
):
    _set_language(language, publication_editor, communications)
    mail.outbox.clear()
    page = _submit(client, publication_editor, publication_indexes["fi"], f"opas-{outcome}")

    (submitted,) = _messages_to(communications)
    assert "Syksyn opas" in submitted.subject
    assert EXPECTED[language]["submitted"] in (submitted.subject + submitted.body).lower()

    mail.outbox.clear()
    _review(client, communications, page, outcome)
    result = "approved" if outcome == "approve" else "rejected"
    (decision,) = _messages_to(publication_editor)
    assert EXPECTED[language][result] in decision.subject.lower(), decision.subject
    if outcome == "reject":
        assert "Kiitos / Tack" in decision.body, "the reviewer's reason reaches the author"

    missing = sorted(untranslated.get(language, set()))
    assert not missing, f"{len(missing)} untranslated in {language}:\n" + "\n".join(missing)


def test_each_recipient_reads_their_own_language(
    client, publication_editor, communications, make_editor, publication_indexes
):
    from cms.editorial.roles import COMMUNICATIONS

    # The section is moderated: every communications officer reviews it.
    swedish_reviewer = make_editor(
        COMMUNICATIONS.name, username="granskare", email="granskare@example.fi"
    )
    _set_language("sv", swedish_reviewer)
    mail.outbox.clear()
    _submit(client, publication_editor, publication_indexes["fi"], "kaksikielinen")
    (finnish,) = _messages_to(communications)
    (swedish,) = _messages_to(swedish_reviewer)
    assert "tarkastettavaksi" in finnish.subject.lower()
    assert "godkännande" in swedish.subject.lower()
