"""Network pages in the partner API: coordinator, members, structure and action plan."""

from __future__ import annotations

from ninja import Field, Schema

from cms.api.api_contribution import ApiContribution
from cms.api.fields import Contacts, Related, RelatedList, RichText, Stream, Value
from cms.api.params import SlugList, split_list
from pages.networks.models import MEMBERSHIP, NetworkQuerySet


class NetworkFilters(Schema):
    member: SlugList | None = Field(
        None, description="Organisation slugs: networks they coordinate or belong to."
    )


def apply_filters(queryset: NetworkQuerySet, filters: NetworkFilters) -> NetworkQuerySet:
    if filters.member:
        queryset = queryset.related_to_any(MEMBERSHIP, split_list(filters.member))
    return queryset


def contribution() -> ApiContribution:
    return ApiContribution(
        description="Networks (verkosto) with their structure, members and action plan.",
        fields=(
            Value("lead"),
            RichText("purpose"),
            Stream("goals"),
            Related("coordinator", shape="organisation"),
            RelatedList("members", shape="organisation"),
            Stream("sub_groups"),
            Value("meeting_rhythm"),
            Value("term_start"),
            Value("term_end"),
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
