"""News in the partner API: topics, publication dates and open grant calls."""

from __future__ import annotations

from django.utils import timezone
from ninja import Field, Schema

from cms.api.api_contribution import ApiContribution
from cms.api.errors import BadParameter
from cms.api.fields import Computed, Contacts, Image, RelatedList, Stream, Value
from cms.api.params import Boolean, IsoDate, SlugList, split_list
from pages.news.models import TOPICS, NewsQuerySet


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


def apply_filters(queryset: NewsQuerySet, filters: NewsFilters) -> NewsQuerySet:
    """The parameters read and checked here; what each one selects is a QuerySet method."""
    if filters.topic:
        queryset = queryset.related_to_any(TOPICS, split_list(filters.topic))
    after, before = filters.published_after, filters.published_before
    if after and before and before < after:
        raise BadParameter("published_before", "published_before is before published_after")
    queryset = queryset.published_between(after, before)
    if filters.grant_call is not None:
        queryset = queryset.grant_calls(filters.grant_call)
    if filters.open_calls is not None:
        queryset = queryset.grant_calls_open(timezone.now(), filters.open_calls)
    return queryset


def contribution() -> ApiContribution:
    return ApiContribution(
        description="News of agencies and ministries, including calls for government grants.",
        fields=(
            Value("lead"),
            Value("publication_date"),
            Image("image", alt_from="image_alt_text"),
            Value("image_caption"),
            Stream("body"),
            RelatedList("topics"),
            Contacts("contacts"),
            Stream("related_links"),
            Value("is_grant_call"),
            Value("grant_amount"),
            Value("application_deadline"),
            Computed("grant_call_open", bool, lambda page: page.grant_call_open),
        ),
        filters=NewsFilters,
        apply_filters=apply_filters,
        orderings=("publication_date", "application_deadline"),
    )
