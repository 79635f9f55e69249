"""News in the partner API: topics, publication dates and open grant calls."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone
from ninja import Field, Schema

from cms.api.api_contribution import ApiContribution
from cms.api.errors import BadParameter
from cms.api.fields import Computed, Contacts, Image, RelatedList, Stream, Value
from cms.api.list_query import related_to_any
from cms.api.params import Boolean, IsoDate, SlugList, split_list


class NewsFilters(Schema):
    topic: SlugList | None = Field(None, description="Topic (theme) slugs, any of them.")
    published_after: IsoDate | None = Field(
        None, description="Only news announced on or after this date."
    )
    published_before: IsoDate | None = Field(
        None, description="Only news announced on or before this date."
    )
    grant_call: Boolean | None = Field(None, description="Only grant calls (true) or other news.")
    open_calls: Boolean | None = Field(
        None, description="Only grant calls still accepting applications (true) or not."
    )


def open_call_q() -> Q:
    return Q(is_grant_call=True, application_deadline__gt=timezone.now())


def apply_filters(queryset: QuerySet, filters: NewsFilters) -> QuerySet:
    if filters.topic:
        queryset = related_to_any(queryset, "topics", split_list(filters.topic))
    after, before = filters.published_after, filters.published_before
    if after and before and before < after:
        raise BadParameter("published_before", "published_before is before published_after")
    if after:
        queryset = queryset.filter(publication_date__gte=after)
    if before:
        queryset = queryset.filter(publication_date__lte=before)
    if filters.grant_call is not None:
        queryset = queryset.filter(is_grant_call=filters.grant_call)
    if filters.open_calls is not None:
        queryset = queryset.filter(open_call_q() if filters.open_calls else ~open_call_q())
    return queryset


def contribution() -> ApiContribution:
    return ApiContribution(
        description="News of agencies and ministries, including calls for government grants.",
        fields=(
            Value("lead", str),
            Value("publication_date", dt.date),
            Image("image", alt_from="image_alt_text"),
            Value("image_caption", str),
            Stream("body"),
            RelatedList("topics"),
            Contacts("contacts"),
            Stream("related_links"),
            Value("is_grant_call", bool),
            Value("grant_amount", float | None),
            Value("application_deadline", dt.datetime | None),
            Computed("grant_call_open", bool, lambda page: page.grant_call_open),
        ),
        filters=NewsFilters,
        apply_filters=apply_filters,
        orderings=("publication_date", "application_deadline"),
    )
