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
from pages.trainings.models import TrainingPage
from pages.trainings.tests.forms import training_form_data

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
    return reverse("wagtailadmin_pages:add", args=["trainings", "trainingpage", index.id])


def test_finnish_dates_are_read_and_shown_in_finnish(client, planner, training_indexes):
    login(client, planner)
    data = training_form_data(
        "Kevätseminaari",
        "kevatseminaari",
        starts_at="10.3.2027 12.00",
        ends_at="10.3.2027 15.30",
        registration_closes="1.3.2027",
    )
    assert client.post(_add_url(training_indexes["fi"]), data).status_code == 302
    page = TrainingPage.objects.get(slug="kevatseminaari")
    assert page.starts_at == dt.datetime(2027, 3, 10, 12, 0, tzinfo=HELSINKI)
    assert page.registration_closes == dt.date(2027, 3, 1)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.id])).content.decode()
    assert 'value="10.3.2027 12.00"' in editor
    assert 'value="1.3.2027"' in editor
    assert '"format": "j.n.Y G.i"' in editor and '"validateOnBlur": false' in editor


def test_unreadable_date_is_an_error_that_keeps_the_typed_text(client, planner, training_indexes):
    login(client, planner)
    data = training_form_data("Kurssi", "kurssi", starts_at="31.2.2027 12.00")
    response = client.post(_add_url(training_indexes["fi"]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="31.2.2027 12.00"' in html
    assert "Syötä oikea päivämäärä ja aika" in html or "Syötä" in html
    assert not TrainingPage.objects.filter(slug="kurssi").exists()


def test_english_admin_uses_the_english_time_separator(client, make_editor, training_indexes):
    editor = make_editor("Koulutussuunnittelijat")
    editor.wagtail_userprofile.preferred_language = "en"
    editor.wagtail_userprofile.save()
    login(client, editor)
    data = training_form_data(
        "Spring seminar", "spring-seminar", starts_at="10.3.2027 12:00", ends_at="10.3.2027 15:00"
    )
    assert client.post(_add_url(training_indexes["fi"]), data).status_code == 302
    page = TrainingPage.objects.get(slug="spring-seminar")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.id])).content.decode()
    assert 'value="10.3.2027 12:00"' in html


def test_pickers_offer_source_rows_in_the_page_language_and_refuse_others(
    client, planner, training_indexes, leadership
):
    login(client, planner)
    finnish_form = client.get(_add_url(training_indexes["fi"])).content.decode()
    assert finnish_form.count('name="themes" value=') == 1, "one checkbox per term"
    assert f'name="themes" value="{leadership["fi"].id}"' in finnish_form
    assert "Ledarskap" not in finnish_form and "Leadership" not in finnish_form
    assert f'name="themes" value="{leadership["sv"].id}"' not in finnish_form

    swedish_form = client.get(_add_url(training_indexes["sv"])).content.decode()
    assert f'value="{leadership["fi"].id}"' in swedish_form
    assert "Ledarskap" in swedish_form and "Johtaminen" not in swedish_form

    refused = client.post(
        _add_url(training_indexes["fi"]),
        {**training_form_data("Johtamiskurssi", "johtamiskurssi"), "themes": [leadership["sv"].id]},
    )
    assert refused.status_code == 200
    assert not TrainingPage.objects.filter(slug="johtamiskurssi").exists()

    accepted = client.post(
        _add_url(training_indexes["fi"]),
        {**training_form_data("Johtamiskurssi", "johtamiskurssi"), "themes": [leadership["fi"].id]},
    )
    assert accepted.status_code == 302
    page = TrainingPage.objects.get(slug="johtamiskurssi")
    assert list(page.themes.all()) == [leadership["fi"]]
