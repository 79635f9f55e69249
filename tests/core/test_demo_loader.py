"""The demo loader and its data notation, on the test plugin (``tests/publications``)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from cms.demo.loader import VOCABULARIES, DemoDataError, DemoLoader
from cms.demo.values import MISSING, resolve
from cms.plugins import registry
from tests.publications.models import PublicationPage

TODAY = dt.date(2027, 3, 10)


def no_pages(reference: str):
    raise AssertionError(f"unexpected page reference {reference}")


@pytest.mark.backend_independent
def test_translated_values_dates_and_references_resolve_per_language():
    data = {
        "title": {"fi": "Opas", "sv": "Guide", "en": "Guide"},
        "isbn": "978-952-13-0000-0",
        "body": [
            {
                "type": "paragraph",
                "value": {"fi": "<p>Hei</p>", "sv": "<p>Hej</p>", "en": "<p>Hi</p>"},
            }
        ],
        "opens": {"days_from_today": -3},
        "starts": {"days_from_today": 2, "time": "09:30"},
        "plan": {"this_year": "01-15"},
    }
    swedish = resolve(data, "sv", TODAY, no_pages)
    assert swedish["title"] == "Guide" and swedish["isbn"] == "978-952-13-0000-0"
    assert swedish["body"] == [{"type": "paragraph", "value": "<p>Hej</p>"}]
    assert swedish["opens"] == dt.date(2027, 3, 7)
    assert timezone.localtime(swedish["starts"]).isoformat() == "2027-03-12T09:30:00+02:00"
    assert swedish["plan"] == dt.date(2027, 1, 15)


@pytest.mark.backend_independent
def test_references_to_an_absent_plugin_drop_their_block():
    pages = {"publications:opas": 7, "events:messut": MISSING}
    related = [
        {"type": "page", "value": {"page": "publications:opas"}},
        {"type": "page", "value": {"page": "events:messut"}},
    ]
    assert resolve(related, "fi", TODAY, pages.__getitem__) == [{"type": "page", "value": 7}]


def write(tmp_path, name: str, document: dict):
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.django_db
def test_publications_demo_loads_once_in_three_languages(home_page):
    demo = registry.get("publications").demo_data
    loader = DemoLoader(home=home_page)
    loader.load([VOCABULARIES, demo])
    loader.load([VOCABULARIES, demo])
    assert [page.slug for page in loader.created] == ["julkaisut", "laatustrategian-opas"]
    guide = PublicationPage.objects.get(locale__language_code="fi")
    assert guide.isbn == "978-952-13-0000-0"
    titles = {
        page.locale.language_code: (page.title, page.slug)
        for page in PublicationPage.objects.filter(translation_key=guide.translation_key)
    }
    assert titles == {
        "fi": ("Laatustrategian opas", "laatustrategian-opas"),
        "sv": ("Guide till kvalitetsstrategin", "guide-till-kvalitetsstrategin"),
        "en": ("Quality strategy guide", "quality-strategy-guide"),
    }


@pytest.mark.django_db
def test_bad_demo_data_names_the_file_and_the_problem(home_page, tmp_path):
    page = {
        "model": "publications.PublicationIndexPage",
        "fields": {"slug": "julkaisut", "title": "Julkaisut", "colour": "red"},
    }
    path = write(tmp_path, "broken.json", {"pages": [page]})
    with pytest.raises(
        DemoDataError, match=r"broken\.json: PublicationIndexPage has no field 'colour'"
    ):
        DemoLoader(home=home_page).load([path])

    person = {
        "model": "vocabularies.Person",
        "items": [{"email": "a@example.fi", "name": "A", "organisation": "nowhere"}],
    }
    path = write(tmp_path, "people.json", {"snippets": [person]})
    with pytest.raises(
        DemoDataError, match=r"people\.json: no vocabularies\.Organisation 'nowhere'"
    ):
        DemoLoader(home=home_page).load([path])
