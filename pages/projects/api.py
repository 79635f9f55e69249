"""Project results in the partner API: organisations, funding, period and card sections."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Schema

from cms.api.api_contribution import ApiContribution
from cms.api.fields import Computed, Contacts, Related, RelatedList, RichText, Value
from cms.api.params import ChoiceList, choice_list
from pages.projects.models import ORGANISATIONS, ProjectQuerySet, Status

STATUSES = ", ".join(Status.values)


class ProjectFilters(Schema):
    status: ChoiceList(Status.values) | None = Field(
        None, description=f"One or more of: {STATUSES}."
    )
    programme: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        pattern=r"^[^\x00-\x1f\x7f]*$",
        description="Funding programme name, or part of it (case-insensitive).",
    )


def apply_filters(queryset: ProjectQuerySet, filters: ProjectFilters) -> ProjectQuerySet:
    statuses = choice_list("status", filters.status, Status.values)
    if statuses:
        queryset = queryset.with_status(statuses)
    if filters.programme:
        queryset = queryset.programme_contains(filters.programme)
    return queryset


def contribution() -> ApiContribution:
    return ApiContribution(
        description="Results of government-funded development projects (hanke).",
        fields=(
            Value("lead"),
            Related("lead_organisation", shape="organisation"),
            RelatedList("partner_organisations", shape="organisation"),
            Value("funding_programme"),
            Value("funding_measure"),
            Value("period_start"),
            Value("period_end"),
            Computed(
                "status",
                type=Literal[tuple(Status.values)],
                function=lambda project: project.current_status(),
            ),
            RelatedList("themes"),
            RichText("need_and_goals"),
            RichText("solution"),
            RichText("results"),
            Contacts("contacts"),
        ),
        filters=ProjectFilters,
        apply_filters=apply_filters,
        orderings=("period_start", "period_end"),
        default_ordering=("-period_start", "title"),
        organisation_lookups=ORGANISATIONS,
    )
