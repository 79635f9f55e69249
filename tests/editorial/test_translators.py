"""Translators edit translations and nothing else, and hand their work over for review.

Driven through the admin views as a Translator (and, for contrast, as Communications).
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation

from cms.editorial.status import TranslationState, translation_status
from cms.testing import login
from cms.translation import translate
from cms.vocabularies.models import Person

CONVERT_ACTION = "convert_to_alias"


@pytest.fixture
def swedish(event, locales):
    """The live Swedish translation of the Finnish event."""
    return translate(event, locales["sv"], {"title": "Studiehandledarnas nätverksdag"})


def test_translator_cannot_convert_a_live_translation_to_an_alias(
    client, translator, communications, swedish, event
):
    login(client, translator)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[swedish.id]))
    assert editor.status_code == 200
    assert CONVERT_ACTION not in editor.content.decode()

    convert_url = reverse("wagtail_localize:convert_to_alias", args=[swedish.id])
    assert client.post(convert_url).status_code in (302, 403)
    # The edit form's own route to the conversion is refused the same way.
    client.post(
        reverse("wagtailadmin_pages:edit", args=[swedish.id]), {"localize-convert-to-alias": "1"}
    )
    swedish.refresh_from_db()
    assert swedish.alias_of_id is None and swedish.live
    assert swedish.title == "Studiehandledarnas nätverksdag"
    assert Translation.objects.filter(target_locale=swedish.locale).exists()

    client.logout()
    login(client, communications)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[swedish.id]))
    assert CONVERT_ACTION in editor.content.decode(), "a publisher keeps the action"


def test_translator_cannot_edit_vocabulary_rows(client, translator, locales):
    finnish = Person.objects.create(name="Maija Meikäläinen", job_title="Opetusneuvos")
    swedish_row = finnish.copy_for_translation(locales["sv"])
    swedish_row.job_title = "Undervisningsråd"
    swedish_row.save()
    login(client, translator)
    for row in (finnish, swedish_row):
        url = reverse("wagtailsnippets_vocabularies_person:edit", args=[row.pk])
        response = client.post(url, {"name": row.name, "job_title": "Muutettu"})
        assert response.status_code in (302, 403)
        row.refresh_from_db()
        assert row.job_title != "Muutettu"


def _status(page: Page, language: str) -> TranslationState:
    (row,) = [row for row in translation_status(languages=[language]) if row.source_id == page.id]
    return row.state


def test_translator_hands_a_translation_over_for_review(
    client, translator, communications, swedish, event
):
    translation = Translation.objects.get(
        source__object_id=event.translation_key, target_locale=swedish.locale
    )
    title_segment = StringSegment.objects.get(source=translation.source, string__data=event.title)
    login(client, translator)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[swedish.id]))
    submit_url = reverse("editorial_submit_translation", args=[translation.id])
    assert submit_url in editor.content.decode(), "the editor offers the hand-over"

    string_url = reverse(
        "wagtail_localize:edit_string_translation", args=[translation.id, title_segment.id]
    )
    edited = client.put(
        string_url,
        urlencode({"value": "Kurs i digital pedagogik"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert edited.status_code in (200, 201)
    assert _status(event, "sv") == TranslationState.IN_PROGRESS, "a pending edit shows"

    revisions_before = swedish.revisions.count()
    mail.outbox.clear()
    response = client.post(submit_url)
    assert response.status_code == 302

    swedish.refresh_from_db()
    assert swedish.title == "Studiehandledarnas nätverksdag", "the live page is unchanged"
    assert swedish.revisions.count() == revisions_before + 1
    draft = swedish.get_latest_revision_as_object()
    assert draft.title == "Kurs i digital pedagogik"
    assert swedish.current_workflow_state.status == "in_progress"
    assert communications.email in {address for m in mail.outbox for address in m.to}
    assert _status(event, "sv") == TranslationState.IN_PROGRESS

    # The reviewer sees what changed: the revision comparison names both titles.
    client.logout()
    login(client, communications)
    latest, previous = swedish.revisions.order_by("-created_at", "-id")[:2]
    compare = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[swedish.id, previous.id, latest.id])
    )
    assert compare.status_code == 200
    html = compare.content.decode()
    assert "Kurs i digital pedagogik" in html and "Studiehandledarnas nätverksdag" in html


def test_translator_cannot_submit_a_translation_they_cannot_edit(
    client, make_editor, swedish, event
):
    outsider = make_editor("Hankesivujen toimittajat")
    translation = Translation.objects.get(
        source__object_id=event.translation_key, target_locale=swedish.locale
    )
    login(client, outsider)
    response = client.post(reverse("editorial_submit_translation", args=[translation.id]))
    assert response.status_code in (302, 403)
    assert swedish.revisions.count() == Page.objects.get(id=swedish.id).revisions.count()
