"""The translation status report through the admin: each state, filters, CSV, query count."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from cms.editorial.status import TranslationState, translation_status
from cms.testing import login
from cms.translation import translate
from tests.publications.factories import PublicationPageFactory


def _state(page: Page, language: str) -> TranslationState:
    (row,) = [row for row in translation_status(languages=[language]) if row.source_id == page.id]
    return row.state


def _submit_translation(client, user, page, locale) -> None:
    """ "Translate this page" from the page's menu, as editors do it."""
    login(client, user)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
        {"locales": [locale.id]},
    )
    assert response.status_code == 302


def test_missing_then_in_progress_then_up_to_date(client, communications, publication, locales):
    assert _state(publication, "sv") == TranslationState.MISSING

    _submit_translation(client, communications, publication, locales["sv"])
    swedish = Page.objects.get(translation_key=publication.translation_key, locale=locales["sv"])
    assert not swedish.live, "a new translation starts as a draft"
    assert _state(publication, "sv") == TranslationState.IN_PROGRESS

    translate(publication, locales["sv"], {"title": "Guide till kvalitetsstrategin"})
    assert _state(publication, "sv") == TranslationState.UP_TO_DATE
    assert _state(publication, "en") == TranslationState.MISSING


def test_source_change_makes_the_translation_out_of_date_until_synced_and_published(
    publication, locales
):
    translate(publication, locales["sv"], {"title": "Guide till kvalitetsstrategin"})
    publication.title = "Laatustrategian opas (päivitetty)"
    publication.save_revision().publish()
    assert _state(publication, "sv") == TranslationState.OUT_OF_DATE

    TranslationSource.objects.get(object_id=publication.translation_key).update_from_db()
    assert _state(publication, "sv") == TranslationState.IN_PROGRESS, "synced, not yet published"

    translate(publication, locales["sv"], {"title": "Guide till kvalitetsstrategin (uppdaterad)"})
    assert _state(publication, "sv") == TranslationState.UP_TO_DATE


def test_aliases_and_drafts_of_the_source_are_not_counted(
    publication, publication_indexes, locales
):
    draft = PublicationPageFactory(parent=publication_indexes["fi"], live=False, title="Luonnos")
    alias = publication.create_alias(
        parent=publication_indexes["sv"], update_locale=locales["sv"], update_slug="alias"
    )
    rows = translation_status(languages=["sv"])
    assert draft.id not in {row.source_id for row in rows}
    assert alias.id not in {row.translation_id for row in rows}
    assert _state(publication, "sv") == TranslationState.MISSING


def test_report_shows_each_state_and_filters_by_section(
    client, communications, publication, publication_indexes, locales
):
    translate(publication, locales["sv"], {"title": "Guide till kvalitetsstrategin"})
    login(client, communications)
    url = reverse("editorial_translation_status")
    response = client.get(url, {"section": "publications", "language": "sv"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-state="up_to_date"' in body
    assert publication.title in body

    other = next(plugin.key for plugin in _plugins() if plugin.key != "publications")
    response = client.get(url, {"section": other, "language": "sv"})
    assert publication.title not in response.content.decode()

    response = client.get(url, {"state": "missing", "language": "en"})
    assert publication.title in response.content.decode()
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[publication.id])
    assert translate_url in response.content.decode(), "a missing translation can be started"
    response = client.get(url, {"state": "up_to_date", "language": "en"})
    assert publication.title not in response.content.decode()


def test_bad_filter_is_a_400_with_the_field_named(client, communications, roles):
    login(client, communications)
    response = client.get(reverse("editorial_translation_status"), {"section": "nonexistent"})
    assert response.status_code == 400
    assert "section" in response.context["form"].errors


def test_csv_export(client, communications, publication, locales):
    translate(publication, locales["sv"], {"title": "Guide till kvalitetsstrategin"})
    login(client, communications)
    response = client.get(
        reverse("editorial_translation_status"), {"section": "publications", "export": "csv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    # The Finnish admin's CSV: Finnish headers, language names and states.
    states = {(row["Sivun tunniste"], row["Kieli"]): row["Tila"] for row in rows}
    assert states[(str(publication.id), "ruotsi")] == "Ajan tasalla"
    assert states[(str(publication.id), "englanti")] == "Puuttuu"


@pytest.mark.parametrize("count", [1, 8])
def test_query_count_does_not_grow_with_pages(
    publication_indexes, locales, count, django_assert_max_num_queries
):
    for number in range(count):
        page = PublicationPageFactory(parent=publication_indexes["fi"], title=f"Julkaisu {number}")
        translate(page, locales["sv"], {"title": f"Kurs {number}"})
    # Locales, content types, sources, targets, sync times, translators' pending edits.
    with django_assert_max_num_queries(6):
        rows = translation_status()
    assert len([row for row in rows if row.state == TranslationState.UP_TO_DATE]) >= count


def _plugins():
    from cms.plugins import registry

    return list(registry)
