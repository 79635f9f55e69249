"""The organiser and region chooser modals offer the rows a page may point to: Finnish ones.

Asked as a section writer (an event organiser) through the admin's chooser URLs (what the
modal loads), the search results included; the page form's own refusal of other rows is
tested with the checkbox pickers in tests/browser/test_admin_inputs.py and
tests/editorial/test_admin_inputs.py.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from cms.testing import login
from cms.vocabularies.factories import OrganisationFactory, RegionFactory
from cms.vocabularies.models import Organisation, Region


@pytest.fixture
def organisations(locales) -> dict:
    finnish = OrganisationFactory(name="Opetushallitus", slug="oph")
    swedish = finnish.copy_for_translation(locales["sv"])
    swedish.name = "Utbildningsstyrelsen"
    swedish.save()
    english = finnish.copy_for_translation(locales["en"])
    english.name = "Finnish National Agency for Education"
    english.save()
    return {"fi": finnish, "sv": swedish, "en": english}


def _chooser_url(model, view: str, *args) -> str:
    return reverse(model.snippet_viewset.chooser_viewset.get_url_name(view), args=args)


def _modal_html(response) -> str:
    assert response.status_code == 200
    data = response.json()
    return data.get("html", "")


def test_the_organiser_modal_lists_the_finnish_rows_only(client, event_organiser, organisations):
    login(client, event_organiser)
    html = _modal_html(client.get(_chooser_url(Organisation, "choose")))
    assert "Opetushallitus" in html
    assert "Utbildningsstyrelsen" not in html and "Finnish National Agency" not in html
    assert 'name="locale"' not in html, "no language filter: one language only"


@pytest.mark.parametrize(
    ("query", "found"),
    [("Opetus", True), ("Utbildningsstyrelsen", False), ("Finnish National", False)],
)
def test_the_modal_search_offers_finnish_rows_only(
    client, event_organiser, organisations, query, found
):
    login(client, event_organiser)
    response = client.get(_chooser_url(Organisation, "choose_results"), {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    chosen = {
        language: _chooser_url(Organisation, "chosen", row.pk)
        for language, row in organisations.items()
    }
    assert (chosen["fi"] in html) is found
    assert chosen["sv"] not in html and chosen["en"] not in html


def test_choosing_another_languages_row_by_url_is_refused(client, event_organiser, organisations):
    login(client, event_organiser)
    chosen = client.get(_chooser_url(Organisation, "chosen", organisations["fi"].pk))
    assert chosen.status_code == 200
    # Django's locale middleware sends a 404 on to the language-prefixed URL, also a 404.
    refused = client.get(_chooser_url(Organisation, "chosen", organisations["sv"].pk), follow=True)
    assert refused.status_code == 404


def test_the_region_modal_lists_the_finnish_rows_only(client, event_organiser, locales):
    finnish = RegionFactory(name="Lappi", slug="lappi")
    swedish = finnish.copy_for_translation(locales["sv"])
    swedish.name = "Lappland"
    swedish.save()
    login(client, event_organiser)
    html = _modal_html(client.get(_chooser_url(Region, "choose")))
    assert "Lappi" in html and "Lappland" not in html
