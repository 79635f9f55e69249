"""Factories for project results, used by tests (the demo reads its data files instead)."""

from __future__ import annotations

import datetime as dt

import factory
import wagtail_factories

from cms.factories import ContentPageFactory, many_to_many
from cms.vocabularies.factories import OrganisationFactory
from cms.vocabularies.models import Organisation
from pages.projects.models import ProjectResultIndexPage, ProjectResultPage


class ProjectResultIndexPageFactory(wagtail_factories.PageFactory):
    title = "Hankkeiden tulokset"
    slug = "hankkeiden-tulokset"

    class Meta:
        model = ProjectResultIndexPage


class ProjectResultPageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"Hanke {n}")
    lead = "Verkostohankkeen tulokset koulutuksen järjestäjille."
    lead_organisation = factory.SubFactory(
        OrganisationFactory, organisation_type=Organisation.Type.EDUCATION_PROVIDER
    )
    funding_programme = "Oikeus osata"
    # Ongoing by its dates too (the status shown follows the dates): started, not ended.
    period_start = dt.date(2020, 1, 1)
    period_end = None
    status = ProjectResultPage.Status.ONGOING
    need_and_goals = "<p>Hankkeen tarve ja tavoitteet.</p>"
    solution = "<p>Hankkeen ratkaisu.</p>"
    results = "<p>Hankkeen tulokset.</p>"

    class Meta:
        model = ProjectResultPage

    partner_organisations = many_to_many("partner_organisations")
    themes = many_to_many("themes")
    contacts = many_to_many("contacts")
