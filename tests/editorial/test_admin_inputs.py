"""Finnish dates and per-language vocabulary pickers in the page editor (Django test client).

The browser test (tests/browser/test_admin_inputs.py) checks the same in Chromium, where the
picker's JavaScript matters.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from cms.testing import login
from cms.vocabularies.models import Theme
from tests.publications.forms import publication_form_data
from tests.publications.models import PublicationPage

HELSINKI = dt.timezone(dt.timedelta(hours=2))


@pytest.fixture
def leadership(locales) -> dict[str, Theme]:
    finnish = Theme.objects.create(name="Johtaminen", slug="johtaminen")
    rows = {"fi": finnish}
    for language, name in (("sv", "Ledarskap"), ("en", "Leadership")):
        row = finnish.copy_for_translation(locales[language])
        row.name = name
        row.save()
        rows[language] = row
    return rows


def _add_url(index) -> str:
    return reverse("wagtailadmin_pages:add", args=["publications", "publicationpage", index.id])


def test_finnish_dates_are_read_and_shown_in_finnish(
    client, publication_editor, publication_indexes
):
    login(client, publication_editor)
    data = publication_form_data(
        "Kevään opas",
        "kevaan-opas",
        released_at="10.3.2027 12.00",
        available_until="1.3.2028",
    )
    assert client.post(_add_url(publication_indexes["fi"]), data).status_code == 302
    page = PublicationPage.objects.get(slug="kevaan-opas")
    assert page.released_at == dt.datetime(2027, 3, 10, 12, 0, tzinfo=HELSINKI)
    assert page.available_until == dt.date(2028, 3, 1)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.id])).content.decode()
    assert 'value="10.3.2027 12.00"' in editor
    assert 'value="1.3.2028"' in editor
    assert '"format": "j.n.Y G.i"' in editor and '"validateOnBlur": false' in editor


def test_unreadable_date_is_an_error_that_keeps_the_typed_text(
    client, publication_editor, publication_indexes
):
    login(client, publication_editor)
    data = publication_form_data("Opas", "opas", released_at="31.2.2027 12.00")
    response = client.post(_add_url(publication_indexes["fi"]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="31.2.2027 12.00"' in html
    assert "Syötä oikea päivämäärä ja aika" in html or "Syötä" in html
    assert not PublicationPage.objects.filter(slug="opas").exists()


def test_english_admin_uses_the_english_time_separator(
    client, publication_editor, publication_indexes
):
    editor = publication_editor
    editor.wagtail_userprofile.preferred_language = "en"
    editor.wagtail_userprofile.save()
    login(client, editor)
    data = publication_form_data("Spring guide", "spring-guide", released_at="10.3.2027 12:00")
    assert client.post(_add_url(publication_indexes["fi"]), data).status_code == 302
    page = PublicationPage.objects.get(slug="spring-guide")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.id])).content.decode()
    assert 'value="10.3.2027 12:00"' in html


def test_pickers_offer_source_rows_in_the_page_language_and_refuse_others(
    client, publication_editor, publication_indexes, leadership
):
    login(client, publication_editor)
    finnish_form = client.get(_add_url(publication_indexes["fi"])).content.decode()
    assert finnish_form.count('name="themes" value=') == 1, "one checkbox per term"
    assert f'name="themes" value="{leadership["fi"].id}"' in finnish_form
    assert "Ledarskap" not in finnish_form and "Leadership" not in finnish_form
    assert f'name="themes" value="{leadership["sv"].id}"' not in finnish_form

    swedish_form = client.get(_add_url(publication_indexes["sv"])).content.decode()
    assert f'value="{leadership["fi"].id}"' in swedish_form
    assert "Ledarskap" in swedish_form and "Johtaminen" not in swedish_form

    refused = client.post(
        _add_url(publication_indexes["fi"]),
        {**publication_form_data("Johtamisopas", "johtamisopas"), "themes": [leadership["sv"].id]},
    )
    assert refused.status_code == 200
    assert not PublicationPage.objects.filter(slug="johtamisopas").exists()

    accepted = client.post(
        _add_url(publication_indexes["fi"]),
        {**publication_form_data("Johtamisopas", "johtamisopas"), "themes": [leadership["fi"].id]},
    )
    assert accepted.status_code == 302
    page = PublicationPage.objects.get(slug="johtamisopas")
    assert list(page.themes.all()) == [leadership["fi"]]
