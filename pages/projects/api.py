"""Project results in the partner API: organisations, funding, period and card sections."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.db.models import QuerySet
from django.utils import timezone
from ninja import Field, Schema

from cms.api.api_contribution import ApiContribution
from cms.api.fields import Computed, Contacts, Related, RelatedList, RichText, Value
from cms.api.params import ChoiceList, choice_list
from pages.projects.models import Status, status_on

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


def apply_filters(queryset: QuerySet, filters: ProjectFilters) -> QuerySet:
    statuses = choice_list("status", filters.status, Status.values)
    if statuses:
        today = timezone.localdate()
        queryset = queryset.alias(status_now=status_on(today)).filter(status_now__in=statuses)
    if filters.programme:
        queryset = queryset.filter(funding_programme__icontains=filters.programme)
    return queryset


def contribution() -> ApiContribution:
    return ApiContribution(
        description="Results of government-funded development projects (hanke).",
        fields=(
            Value("lead", str),
            Related("lead_organisation", shape="organisation"),
            RelatedList("partner_organisations", shape="organisation"),
            Value("funding_programme", str),
            Value("funding_measure", str),
            Value("period_start", dt.date),
            Value("period_end", dt.date | None),
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
        organisation_lookups=("lead_organisation", "partner_organisations"),
    )
