"""What project results add to the public site: filters and schema.org ``Project`` JSON-LD."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cms.collation import collation_key
from cms.site.listing_pages import ListingFilterForm
from cms.site.site_contribution import FeedContribution, SiteContribution
from cms.site.structured_data import (
    contact_points,
    keywords,
    organization,
    page_basics,
    with_optional,
)
from cms.vocabularies.models import Organisation, Theme
from pages.projects.models import ProjectResultPage, Status, status_on

if TYPE_CHECKING:
    from django.http import HttpRequest


def programme_keys(locale) -> dict[str, tuple[str, set]]:
    """Funding programmes of the live projects in ``locale``, by a slug of the Finnish name.

    The programme is translated text, so its name differs per language; the filter's value
    is the slug of the Finnish original's name, so a filtered link keeps working when the
    reader switches language. Each slug maps to (name in ``locale``, translation keys).
    """
    local = ProjectResultPage.objects.live().filter(locale=locale).exclude(funding_programme="")
    rows = list(local.values_list("translation_key", "funding_programme"))
    finnish = dict(
        ProjectResultPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE,
            translation_key__in=[key for key, _name in rows],
        ).values_list("translation_key", "funding_programme")
    )
    programmes: dict[str, tuple[str, set]] = {}
    for key, name in rows:
        slug = slugify(finnish.get(key) or name)
        if slug:
            programmes.setdefault(slug, (name, set()))[1].add(key)
    return programmes


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
        self.programme_keys = programme_keys(self.locale)
        names = {slug: name for slug, (name, _keys) in self.programme_keys.items()}
        language = self.locale.language_code
        self.fields["programme"].choices = [
            ("", any_label),
            *sorted(names.items(), key=lambda choice: collation_key(choice[1], language)),
        ]
        self.fields["organisation"].choices = self.vocabulary_choices(Organisation, any_label)
        self.fields["theme"].choices = self.vocabulary_choices(Theme, any_label)

    def apply(self, queryset: models.QuerySet, values: dict[str, Any]) -> models.QuerySet:
        if "status" in values:
            today = timezone.localdate()
            queryset = queryset.alias(status_now=status_on(today)).filter(
                status_now=values["status"]
            )
        if "programme" in values:
            _name, keys = self.programme_keys[values["programme"]]
            queryset = queryset.filter(translation_key__in=keys)
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
        page_basics(project, request, "Project", in_language=False),
        parentOrganization=organization(lead, request) if lead else None,
        member=[organization(org, request) for org in project.partner_organisations.all()],
        funding={"@type": "Grant", "name": project.funding_programme}
        if project.funding_programme
        else None,
        foundingDate=project.period_start.isoformat(),
        dissolutionDate=project.period_end.isoformat() if project.period_end else None,
        keywords=keywords(request, project.themes.all()),
        contactPoint=contact_points(request, project.contacts.all()),
    )


SITE = SiteContribution(
    filter_form=ProjectFilterForm,
    card_template="projects/includes/project_card.html",
    # The status badge follows the dates, so the cached card changes with it.
    card_variant=lambda project: project.current_status(),
    listing_related=("themes", "partner_organisations"),
    feed=FeedContribution(subtitle=_("The latest project results.")),
    structured_data=structured_data,
)
