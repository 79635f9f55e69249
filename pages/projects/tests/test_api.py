"""Project results in the partner API: status, programme, organisations, card sections."""

from __future__ import annotations

import pytest

from cms.testing import ids, problem_parameter, publish
from cms.translation import translate
from cms.vocabularies.factories import OrganisationFactory, ThemeFactory
from pages.projects.factories import ProjectResultIndexPageFactory, ProjectResultPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def make(home_page):
    index = publish(ProjectResultIndexPageFactory(parent=home_page))
    return lambda **fields: publish(ProjectResultPageFactory(parent=index, **fields))


def test_status_programme_and_organisation_filters(client, make):
    omnia = OrganisationFactory(slug="omnia")
    gradia = OrganisationFactory(slug="gradia")
    ongoing = make(status="ongoing", lead_organisation=omnia, funding_programme="Oikeus osata")
    ended = make(status="ended", partner_organisations=[gradia], funding_programme="Muu")

    assert ids(client, "/api/v1/projects/?status=ongoing") == [ongoing.pk]
    assert set(ids(client, "/api/v1/projects/?status=ongoing,ended")) == {ongoing.pk, ended.pk}
    assert ids(client, "/api/v1/projects/?programme=oikeus%20OSATA") == [ongoing.pk]
    assert ids(client, "/api/v1/projects/?organisation=omnia") == [ongoing.pk]
    assert ids(client, "/api/v1/projects/?organisation=gradia") == [ended.pk]


@pytest.mark.parametrize(
    ("query", "parameter"), [("status=paused", "status"), ("programme=", "programme")]
)
def test_bad_project_parameters(client, query, parameter):
    assert problem_parameter(client, f"/api/v1/projects/?{query}") == parameter


def test_card_sections_are_html(client, make):
    project = make(solution='<p>Vertaisverkostot <a href="https://oph.fi">OPH</a></p>')

    item = client.get(f"/api/v1/projects/{project.pk}").json()

    assert item["solution"] == '<p>Vertaisverkostot <a href="https://oph.fi">OPH</a></p>'
    assert item["need_and_goals"] == "<p>Hankkeen tarve ja tavoitteet.</p>"
    assert item["lead_organisation"]["slug"]
    assert item["period_start"] == "2020-01-01"


def test_status_follows_the_dates_in_api_listing_and_page(client, make):
    import datetime as dt

    from django.utils import timezone

    today = timezone.localdate()
    stale = make(
        status="ongoing", period_start=dt.date(2020, 1, 1), period_end=dt.date(2022, 12, 31)
    )
    started = make(status="planned", period_start=today - dt.timedelta(days=10), period_end=None)

    assert ids(client, "/api/v1/projects/?status=ended") == [stale.pk]
    assert ids(client, "/api/v1/projects/?status=ongoing") == [started.pk]
    statuses = {
        item["id"]: item["status"] for item in client.get("/api/v1/projects/").json()["items"]
    }
    assert statuses == {stale.pk: "ended", started.pk: "ongoing"}
    assert 'class="badge badge--ended">Päättynyt<' in client.get(stale.url).content.decode()
    index = stale.get_parent().specific
    assert list(index.get_listed_pages()) == [started, stale]


def test_fallback_vocabulary_and_rich_text_follow_the_text_language(
    client, home_page, translate_page, locales
):
    theme = ThemeFactory(name="Johtaminen", slug="johtaminen")
    translate(theme, locales["sv"], {"name": "Ledarskap"})
    index = publish(ProjectResultIndexPageFactory(parent=home_page))
    translate_page(index, "sv", title="Projekt")
    project = publish(
        ProjectResultPageFactory(
            parent=index, themes=[theme], need_and_goals="<p>Tarve ja tavoitteet.</p>"
        )
    )

    (item,) = client.get("/api/v1/projects/?locale=sv&fallback=1").json()["items"]

    assert (item["id"], item["locale"], item["requested_locale"]) == (project.pk, "fi", "sv")
    # Finnish text names its themes in Finnish, not in the requested Swedish.
    assert item["themes"][0]["name"] == "Johtaminen"
    assert item["need_and_goals"] == '<div lang="fi"><p>Tarve ja tavoitteet.</p></div>'
    native = client.get(f"/api/v1/projects/{project.pk}").json()
    assert native["need_and_goals"] == "<p>Tarve ja tavoitteet.</p>"
    assert native["requested_locale"] is None
