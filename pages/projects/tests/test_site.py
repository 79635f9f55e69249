"""What project results add to the site: status, programme, organisation and theme filters."""

from __future__ import annotations

import datetime as dt

import pytest

from cms.testing import json_ld

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(home_page):
    from cms.vocabularies.factories import OrganisationFactory, ThemeFactory
    from pages.projects.factories import ProjectResultIndexPageFactory, ProjectResultPageFactory
    from pages.projects.models import Status

    index = ProjectResultIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    omnia = OrganisationFactory(name="Omnia", slug="omnia", city="Espoo")
    partner = OrganisationFactory(name="Keuda", slug="keuda")
    leadership = ThemeFactory(name="Johtaminen", slug="johtaminen")
    specs = {
        "Vertaansa vailla": dict(
            lead_organisation=omnia, partner_organisations=[partner], themes=[leadership]
        ),
        "Laatuverkosto": dict(status=Status.ENDED, funding_programme="Laatustrategia"),
        "Tuleva hanke": dict(
            status=Status.PLANNED,
            lead_organisation=partner,
            period_start=dt.date.today() + dt.timedelta(days=90),
            period_end=None,
        ),
    }
    pages = {}
    for title, fields in specs.items():
        page = ProjectResultPageFactory(parent=index, title=title, **fields)
        page.save_revision().publish()
        pages[title] = page
    return index, pages


def titles(client, url: str, **query) -> list[str]:
    html = client.get(url, query).content.decode()
    return [chunk.split("</a>")[0].split(">")[-1] for chunk in html.split("<h3>")[1:]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["Vertaansa vailla", "Tuleva hanke", "Laatuverkosto"]),
        ({"status": "ended"}, ["Laatuverkosto"]),
        ({"programme": "laatustrategia"}, ["Laatuverkosto"]),
        ({"organisation": "omnia"}, ["Vertaansa vailla"]),
        ({"organisation": "keuda"}, ["Vertaansa vailla", "Tuleva hanke"]),
        ({"theme": "johtaminen"}, ["Vertaansa vailla"]),
    ],
)
def test_project_filters(client, projects, query, expected):
    index, _pages = projects

    assert titles(client, index.url, **query) == expected


def test_project_json_ld_names_lead_and_partners(client, projects):
    _index, pages = projects

    (data,) = json_ld(client.get(pages["Vertaansa vailla"].url).content.decode())

    assert data["@type"] == "Project"
    assert data["parentOrganization"]["name"] == "Omnia"
    assert data["parentOrganization"]["address"]["addressLocality"] == "Espoo"
    assert [member["name"] for member in data["member"]] == ["Keuda"]
    assert data["funding"]["name"] == "Oikeus osata"


def test_programme_filter_uses_the_same_slug_in_every_language(
    client, translated_home_pages, locales
):
    from cms.translation import translate
    from pages.projects.factories import ProjectResultIndexPageFactory, ProjectResultPageFactory

    index = ProjectResultIndexPageFactory(parent=translated_home_pages["fi"])
    index.save_revision().publish()
    swedish_index = translate(index, locales["sv"], {"title": "Projekt", "slug": "projekt"})
    project = ProjectResultPageFactory(
        parent=index, title="Laatuverkosto", funding_programme="Laatustrategia"
    )
    project.save_revision().publish()
    translate(
        project,
        locales["sv"],
        {
            "title": "Kvalitetsnätverk",
            "slug": "kvalitet",
            "funding_programme": "Kvalitetsstrategin",
        },
    )

    html = client.get(swedish_index.url, {"programme": "laatustrategia"}).content.decode()
    assert '<option value="laatustrategia" selected>Kvalitetsstrategin</option>' in html
    assert titles(client, swedish_index.url, programme="laatustrategia") == ["Kvalitetsnätverk"]
