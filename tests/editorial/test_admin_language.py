"""The admin speaks Finnish to new editors whatever their browser says; others per user."""

from __future__ import annotations

from django.urls import reverse
from wagtail.users.models import UserProfile

from cms.testing import login


def test_new_editor_gets_the_finnish_admin(client, make_editor):
    editor = make_editor("Viestintä")
    assert UserProfile.get_for_user(editor).preferred_language == "fi"
    login(client, editor)
    response = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert '<html lang="fi"' in response.content.decode()


def test_an_editor_can_switch_to_swedish(client, make_editor):
    editor = make_editor("Kääntäjät")
    login(client, editor)
    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": "Saga",
            "name_email-last_name": "Lindqvist",
            "name_email-email": editor.email,
            "locale-preferred_language": "sv",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-contrast": "system",
            "theme-density": "default",
        },
    )
    assert response.status_code in (200, 302)
    assert UserProfile.get_for_user(editor).preferred_language == "sv"
    response = client.get(reverse("wagtailadmin_home"))
    assert '<html lang="sv"' in response.content.decode()
