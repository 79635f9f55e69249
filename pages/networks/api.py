"""Network pages in the partner API: coordinator, members, structure and action plan."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from ninja import Field, Schema

from cms.api.api_contribution import ApiContribution
from cms.api.fields import Contacts, Related, RelatedList, RichText, Stream, Value
from cms.api.list_query import any_slug
from cms.api.params import SlugList, split_list

MEMBERSHIP = ("coordinator", "members")


class NetworkFilters(Schema):
    member: SlugList | None = Field(
        None, description="Organisation slugs: networks they coordinate or belong to."
    )


def apply_filters(queryset: QuerySet, filters: NetworkFilters) -> QuerySet:
    if filters.member:
        condition: Q = any_slug(MEMBERSHIP, split_list(filters.member))
        queryset = queryset.filter(pk__in=queryset.model.objects.filter(condition).values("pk"))
    return queryset


def contribution() -> ApiContribution:
    return ApiContribution(
        description="Networks (verkosto) with their structure, members and action plan.",
        fields=(
            Value("lead", str),
            RichText("purpose"),
            Stream("goals"),
            Related("coordinator", shape="organisation"),
            RelatedList("members", shape="organisation"),
            Stream("sub_groups"),
            Value("meeting_rhythm", str),
            Value("term_start", dt.date | None),
            Value("term_end", dt.date | None),
            Stream("action_plan"),
            Contacts("contacts"),
            Stream("related_pages"),
        ),
        filters=NetworkFilters,
        apply_filters=apply_filters,
        orderings=("term_start",),
        default_ordering=("title",),
        organisation_lookups=MEMBERSHIP,
    )
