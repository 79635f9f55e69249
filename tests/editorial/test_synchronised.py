"""Publishing a Finnish page carries its synchronised fields into drafts of the translations."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from cms.testing import login
from cms.translation import translate
from pages.trainings.tests.forms import training_form_data

HELSINKI = dt.timezone(dt.timedelta(hours=2))


def test_publishing_the_source_drafts_new_dates_into_translations(
    client, communications, training, locales
):
    swedish = translate(training, locales["sv"], {"title": "Digipedagogikkurs"})
    old_start = swedish.starts_at
    login(client, communications)
    data = training_form_data(
        training.title,
        training.slug,
        starts_at="10.3.2027 12.00",
        ends_at="10.3.2027 15.00",
        **{"action-publish": "1"},
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[training.id])
    response = client.post(edit_url, data, follow=True)
    assert response.status_code == 200
    training.refresh_from_db()
    assert training.starts_at == dt.datetime(2027, 3, 10, 12, 0, tzinfo=HELSINKI)

    swedish.refresh_from_db()
    assert swedish.starts_at == old_start, "the live translation waits for review"
    draft = swedish.get_latest_revision_as_object()
    assert draft.starts_at == training.starts_at
    assert draft.title == "Digipedagogikkurs", "its translated text is kept"
    assert swedish.has_unpublished_changes
    html = response.content.decode()
    assert "Digipedagogikkurs (sv)" in html
