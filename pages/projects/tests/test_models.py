"""Project results: page-creation rules, validation, listing order, translation of the card."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from cms.translation import translate
from cms.vocabularies.factories import OrganisationFactory
from home.models import HomePage
from pages.projects.factories import ProjectResultIndexPageFactory, ProjectResultPageFactory
from pages.projects.models import ProjectResultIndexPage, ProjectResultPage

Status = ProjectResultPage.Status
TODAY = dt.date(2026, 6, 15)


class ProjectResultPageTreeTests(WagtailPageTestCase):
    def test_index_lives_under_home_and_holds_project_results(self):
        self.assertAllowedParentPageTypes(ProjectResultIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProjectResultIndexPage, {ProjectResultPage})
        self.assertAllowedParentPageTypes(ProjectResultPage, {ProjectResultIndexPage})
        self.assertAllowedSubpageTypes(ProjectResultPage, set())

    def test_editor_can_create_project_result_under_index(self):
        home = HomePage.objects.get(locale__language_code="fi")
        index = ProjectResultIndexPageFactory(parent=home)
        lead, partner = OrganisationFactory(), OrganisationFactory()
        data = nested_form_data(
            {
                "title": "Uusi hanke",
                "slug": "uusi-hanke",
                "lead": "",
                "lead_organisation": lead.pk,
                "funding_programme": "Oikeus osata",
                "funding_measure": "",
                "period_start": "2027-01-01",
                "period_end": "2028-12-31",
                "status": "planned",
                "need_and_goals": rich_text("<h3>Tarve</h3><p>Miksi.</p>"),
                "solution": rich_text("<ul><li>Verkosto</li></ul>"),
                "results": rich_text(""),
            }
        )
        # A multiple choice is one key with many values (nested_form_data would index it).
        data["partner_organisations"] = [partner.pk]
        self.login()
        self.assertCanCreateAt(ProjectResultIndexPage, ProjectResultPage)
        self.assertCanNotCreateAt(HomePage, ProjectResultPage)
        self.assertCanCreate(index, ProjectResultPage, data)
        # The create view saves a draft: its relations live in the revision until publishing.
        draft = ProjectResultPage.objects.get(slug="uusi-hanke").get_latest_revision_as_object()
        assert draft.lead_organisation == lead
        assert list(draft.partner_organisations.all()) == [partner]

    def test_editor_sees_a_planned_project_that_has_ended_as_an_end_date_error(self):
        home = HomePage.objects.get(locale__language_code="fi")
        index = ProjectResultIndexPageFactory(parent=home)
        data = nested_form_data(
            {
                "title": "Vanha hanke",
                "slug": "vanha-hanke",
                "lead_organisation": OrganisationFactory().pk,
                "period_start": "2020-01-01",
                "period_end": "2021-12-31",
                "status": "planned",
                "need_and_goals": rich_text(""),
                "solution": rich_text(""),
                "results": rich_text(""),
            }
        )
        self.login()
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=("projects", "projectresultpage", index.pk)),
            data,
        )
        assert response.status_code == 200
        assert list(response.context["form"].errors) == ["period_end"]
        assert not ProjectResultPage.objects.filter(slug="vanha-hanke").exists()


def _project(**fields) -> ProjectResultPage:
    values = {
        "title": "Hanke",
        "slug": "hanke",
        "period_start": dt.date(2026, 1, 1),
        "period_end": dt.date(2027, 12, 31),
        "status": Status.ONGOING,
        **fields,
    }
    return ProjectResultPage(**values)


@pytest.mark.parametrize(
    "fields",
    [
        {"period_end": dt.date(2025, 12, 31)},
        {"status": Status.PLANNED, "period_end": TODAY - dt.timedelta(days=1)},
    ],
    ids=["ends-before-start", "planned-but-ended"],
)
def test_invalid_periods_are_errors_on_the_end_date(fields):
    with pytest.raises(ValidationError) as raised:
        _project(**fields).validate_period(TODAY)
    assert list(raised.value.error_dict) == ["period_end"]


@pytest.mark.parametrize(
    "fields",
    [
        {"period_end": dt.date(2026, 1, 1)},
        {"period_end": None},
        {"status": Status.PLANNED, "period_end": TODAY},
        {"status": Status.PLANNED, "period_end": None},
        {"status": Status.ENDED, "period_end": TODAY + dt.timedelta(days=30)},
        {"status": Status.ONGOING, "period_end": TODAY - dt.timedelta(days=1)},
    ],
    ids=[
        "one-day",
        "open-ended",
        "planned-ends-today",
        "planned-no-end",
        "ended-early",
        "ongoing-past-end",
    ],
)
def test_valid_periods(fields):
    _project(**fields).validate_period(TODAY)


def test_clean_checks_against_today(db):
    yesterday = dt.date.today() - dt.timedelta(days=1)
    page = _project(
        status=Status.PLANNED, period_start=yesterday - dt.timedelta(days=9), period_end=yesterday
    )
    with pytest.raises(ValidationError) as raised:
        page.clean()
    assert "period_end" in raised.value.error_dict


def test_city_is_the_lead_organisations_in_the_active_language(locales):
    omnia = OrganisationFactory(name="Omnia", city="Espoo")
    translate(omnia, locales["sv"], {"name": "Omnia", "city": "Esbo"})
    page = _project(lead_organisation=omnia)
    with translation.override("sv"):
        assert page.city == "Esbo"
    with translation.override("fi"):
        assert page.city == "Espoo"
    assert _project(lead_organisation=None).city == ""


def test_listing_shows_ongoing_then_planned_then_ended_newest_first(home_page):
    index = ProjectResultIndexPageFactory(parent=home_page)

    def project(title: str, status: str, start: dt.date) -> ProjectResultPage:
        return ProjectResultPageFactory(
            parent=index, title=title, status=status, period_start=start, period_end=None
        )

    ended = project("ended", Status.ENDED, dt.date(2024, 1, 1))
    old_ongoing = project("old ongoing", Status.ONGOING, dt.date(2021, 1, 1))
    planned = project("planned", Status.PLANNED, dt.date(2027, 1, 1))
    new_ongoing = project("new ongoing", Status.ONGOING, dt.date(2023, 1, 1))
    assert list(index.get_listed_pages()) == [new_ongoing, old_ongoing, planned, ended]


def test_factory_builds_a_live_project_result(home_page):
    index = ProjectResultIndexPageFactory(parent=home_page)
    project = ProjectResultPageFactory(parent=index)
    assert project.live
    assert project.lead_organisation is not None
    assert list(index.get_listed_pages()) == [project]


def test_demo_builds_translated_valid_projects_once(home_page):
    from cms.demo.loader import VOCABULARIES, DemoLoader
    from cms.plugins import registry

    loader = DemoLoader(home=home_page)
    demo_files = [VOCABULARIES, registry.get("projects").demo_data]
    loader.load(demo_files)
    loader.load(demo_files)
    assert len(loader.created) == 1 + 3  # the listing and three projects, created once

    source = ProjectResultPage.objects.filter(locale__language_code="fi")
    assert source.count() == 3
    for page in source:
        page.full_clean(exclude=["path", "depth", "content_type", "locale", "translation_key"])

    vertaansa = source.get(slug="vertaansa-vailla")
    assert vertaansa.status == Status.ONGOING
    assert vertaansa.lead_organisation.slug == "omnia"
    assert "16" in vertaansa.need_and_goals
    swedish = vertaansa.get_translation(loader.locales["sv"])
    assert "HR-utvecklare" in swedish.solution
    assert swedish.funding_measure.startswith("Förnyelse")
    # Relations are synchronised: the translation points at the same Finnish rows.
    assert swedish.lead_organisation == vertaansa.lead_organisation
    assert set(swedish.contacts.all()) == set(vertaansa.contacts.all())
