"""Publishing a Finnish page carries its synchronised fields into drafts of the translations."""

from __future__ import annotations

from django.urls import reverse

from cms.testing import login
from cms.translation import translate
from tests.publications.forms import publication_form_data


def test_publishing_the_source_drafts_its_synchronised_fields_into_translations(
    client, communications, publication, locales
):
    swedish = translate(publication, locales["sv"], {"title": "Guide till kvalitetsstrategin"})
    old_isbn = swedish.isbn
    login(client, communications)
    data = publication_form_data(
        publication.title,
        publication.slug,
        isbn="978-952-13-9999-9",
        **{"action-publish": "1"},
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[publication.id])
    response = client.post(edit_url, data, follow=True)
    assert response.status_code == 200
    publication.refresh_from_db()
    assert publication.isbn == "978-952-13-9999-9"

    swedish.refresh_from_db()
    assert swedish.isbn == old_isbn, "the live translation waits for review"
    draft = swedish.get_latest_revision_as_object()
    assert draft.isbn == publication.isbn
    assert draft.title == "Guide till kvalitetsstrategin", "its translated text is kept"
    assert swedish.has_unpublished_changes
    html = response.content.decode()
    assert "Guide till kvalitetsstrategin (sv)" in html
