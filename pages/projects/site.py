"""What project results add to the public site: filters and schema.org ``Project`` JSON-LD."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms.site.contributions import FeedContribution, SiteContribution
from cms.site.listing import ListingFilterForm, vocabulary_choices
from cms.site.localization import localized_names
from cms.site.structured_data import organization, page_basics, person
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
            ProjectResultPage.objects.live()
            .filter(locale=self.locale)
            .exclude(funding_programme="")
            .order_by("funding_programme")
            .values_list("funding_programme", flat=True)
            .distinct()
        )
        self.fields["programme"].choices = [("", any_label), *((p, p) for p in programmes)]
        self.fields["organisation"].choices = vocabulary_choices(
            Organisation, self.locale, any_label
        )
        self.fields["theme"].choices = vocabulary_choices(Theme, self.locale, any_label)

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
    data = page_basics(project, request, "Project")
    if project.lead_organisation_id:
        data["parentOrganization"] = organization(project.lead_organisation, request)
    partners = [organization(org, request) for org in project.partner_organisations.all()]
    if partners:
        data["member"] = partners
    if project.funding_programme:
        data["funding"] = {"@type": "Grant", "name": project.funding_programme}
    data["foundingDate"] = project.period_start.isoformat()
    if project.period_end:
        data["dissolutionDate"] = project.period_end.isoformat()
    themes = localized_names(request, project.themes.all())
    if themes:
        data["keywords"] = ", ".join(themes)
    contacts = [person(contact, request) for contact in project.contacts.all()]
    if contacts:
        data["contactPoint"] = contacts
    return data


SITE = SiteContribution(
    filter_form=ProjectFilterForm,
    listing_related=("themes", "partner_organisations"),
    feed=FeedContribution(date=lambda project: project.first_published_at),
    structured_data=structured_data,
)
