"""What project results add to the public site: filters and schema.org ``Project`` JSON-LD."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms.site.contributions import FeedContribution, SiteContribution
from cms.site.listing import ListingFilterForm
from cms.site.structured_data import contacts, keywords, organization, page_basics, with_optional
from cms.visibility import public_pages
from cms.vocabularies.models import Organisation, Theme
from pages.projects.models import ProjectResultPage, Status

if TYPE_CHECKING:
    from django.http import HttpRequest


class ProjectFilterForm(ListingFilterForm):
    legend = _("Filter project results")

    status = forms.ChoiceField(label=_("Status"), required=False)
    programme = forms.ChoiceField(label=_("Funding programme"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        any_label = str(_("Any"))
        self.fields["status"].choices = [("", any_label), *Status.choices]
        programmes = (
            public_pages(ProjectResultPage.objects.filter(locale=self.locale))
            .exclude(funding_programme="")
            .order_by("funding_programme")
            .values_list("funding_programme", flat=True)
            .distinct()
        )
        self.fields["programme"].choices = [("", any_label), *((p, p) for p in programmes)]
        self.fields["organisation"].choices = self.vocabulary_choices(Organisation, any_label)
        self.fields["theme"].choices = self.vocabulary_choices(Theme, any_label)

    def apply(self, queryset: models.QuerySet, values: dict[str, Any]) -> models.QuerySet:
        if "status" in values:
            queryset = queryset.filter(status=values["status"])
        if "programme" in values:
            queryset = queryset.filter(funding_programme=values["programme"])
        if "organisation" in values:
            slug = values["organisation"]
            partners = ProjectResultPage.objects.filter(partner_organisations__slug=slug)
            queryset = queryset.filter(
                Q(lead_organisation__slug=slug) | Q(pk__in=partners.values("pk"))
            )
        if "theme" in values:
            queryset = queryset.filter(themes__slug=values["theme"])
        return queryset


def structured_data(project: ProjectResultPage, request: HttpRequest) -> dict[str, Any]:
    """A schema.org ``Project`` led by an ``Organization``, with its partners as members."""
    lead = project.lead_organisation
    return with_optional(
        page_basics(project, request, "Project"),
        parentOrganization=organization(lead, request) if lead else None,
        member=[organization(org, request) for org in project.partner_organisations.all()],
        funding={"@type": "Grant", "name": project.funding_programme}
        if project.funding_programme
        else None,
        foundingDate=project.period_start.isoformat(),
        dissolutionDate=project.period_end.isoformat() if project.period_end else None,
        keywords=keywords(request, project.themes.all()),
        contactPoint=contacts(request, project.contacts.all()),
    )


SITE = SiteContribution(
    filter_form=ProjectFilterForm,
    card_template="projects/includes/project_card.html",
    listing_related=("themes", "partner_organisations"),
    feed=FeedContribution(date=lambda project: project.first_published_at),
    structured_data=structured_data,
)
