"""Trainings in the partner API: their fields, and filters named as in Linked Events.

The City of Helsinki Linked Events API is what Finnish event calendars already speak, so
trainings accept its parameter names: ``start``, ``end``, ``days``, ``is_free``,
``language``, ``keyword`` (theme slugs) and ``location`` (region slugs).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from django.utils import timezone
from ninja import Field, Schema

from cms.api.api_contribution import ApiContribution
from cms.api.errors import BadParameter
from cms.api.fields import (
    Computed,
    Contacts,
    LanguageCodes,
    Related,
    RelatedList,
    Stream,
    Value,
)
from cms.api.params import Boolean, ChoiceList, SlugList, choice_list, split_list
from cms.daterange import check_date
from cms.timezones import end_of_day, helsinki_today, in_helsinki, start_of_day
from cms.vocabularies.models import Audience, Region, Theme
from pages.trainings.lifecycle import Lifecycle
from pages.trainings.models import AUDIENCES, REGION, THEMES, TrainingPage, TrainingQuerySet

#: A date, a date-time, ``today`` or ``now`` (Linked Events accepts the same).
Moment = Annotated[
    str,
    Field(
        pattern=r"^(today|now|\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?"
        r"(Z|[+-]\d{2}:?\d{2})?)?)$",
        description="A date (YYYY-MM-DD), an ISO 8601 date-time, `today` or `now`.",
    ),
]


def choices_of(choices: type) -> str:
    return ", ".join(choices.values)


class TrainingFilters(Schema):
    start: Moment | None = Field(
        None, description="Only trainings that end at or after this moment (a date: its start)."
    )
    end: Moment | None = Field(
        None, description="Only trainings that start at or before this moment (a date: its end)."
    )
    days: int | None = Field(
        None, ge=1, le=366, description="Only trainings within this many days from today."
    )
    is_free: Boolean | None = Field(None, description="Only free (true) or paid (false) ones.")
    language: SlugList | None = Field(
        None, description="Languages of instruction (fi, sv, en, se), any of them."
    )
    in_language: SlugList | None = Field(
        None, description="Linked Events name of `language`: languages of instruction."
    )
    keyword: SlugList | None = Field(
        None, description="Theme slugs (Linked Events `keyword`), any of them."
    )
    keyword_AND: SlugList | None = Field(
        None, description="Theme slugs that must all match (Linked Events `keyword_AND`)."
    )
    location: SlugList | None = Field(None, description="Region slugs (Linked Events `location`).")
    audience: SlugList | None = Field(None, description="Target audience slugs.")
    format: ChoiceList(TrainingPage.Format.values) | None = Field(
        None, description=f"One or more of: {choices_of(TrainingPage.Format)}."
    )
    kind: ChoiceList(TrainingPage.Kind.values) | None = Field(
        None, description=f"One or more of: {choices_of(TrainingPage.Kind)}."
    )
    status: ChoiceList(TrainingPage.Status.values) | None = Field(
        None, description=f"One or more of: {choices_of(TrainingPage.Status)}."
    )
    registration_open: Boolean | None = Field(
        None, description="Only trainings whose registration is open now (or not)."
    )


def moment(parameter: str, value: str, *, end: bool) -> dt.datetime:
    """A Linked Events time value; a bare date means its start (or, for ``end``, its end)."""
    if value == "now":
        return timezone.now()
    if value == "today":
        value = helsinki_today().isoformat()
    try:
        if len(value) == 10:
            day = check_date(dt.date.fromisoformat(value))
            return end_of_day(day) if end else start_of_day(day)
        moment_ = check_date(dt.datetime.fromisoformat(value))
    except ValueError as error:
        raise BadParameter(parameter, f"not a valid date or time: {error}") from error
    return in_helsinki(moment_)


def time_window(queryset: TrainingQuerySet, filters: TrainingFilters) -> TrainingQuerySet:
    if filters.days is not None:
        if filters.start or filters.end:
            raise BadParameter("days", "days cannot be combined with start or end")
        last_day = helsinki_today() + dt.timedelta(days=filters.days - 1)
        return queryset.in_window(timezone.now(), end_of_day(last_day))
    start = moment("start", filters.start, end=False) if filters.start else None
    end = moment("end", filters.end, end=True) if filters.end else None
    if start and end and end < start:
        raise BadParameter("end", "end is before start")
    return queryset.in_window(start, end, inclusive=True)


def known_slugs(parameter: str, value: str | None, model: type) -> list[str]:
    """The slugs of ``value``; an unknown one is a 400 naming it, not an empty list."""
    slugs = split_list(value)
    if not slugs:
        return slugs
    known = set(model.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    for slug in slugs:
        if slug not in known:
            listing = model._meta.verbose_name_plural
            raise BadParameter(parameter, f"unknown slug {slug!r}; see the list of {listing}")
    return slugs


def apply_filters(queryset: TrainingQuerySet, filters: TrainingFilters) -> TrainingQuerySet:
    """The parameters read and checked here; what each one selects is a QuerySet method."""
    queryset = time_window(queryset, filters)
    if filters.is_free is not None:
        queryset = queryset.free_of_charge(filters.is_free)
    formats = choice_list("format", filters.format, TrainingPage.Format.values)
    if formats:
        queryset = queryset.in_formats(formats)
    for parameter, model_field, choices in (
        ("kind", "kind", TrainingPage.Kind),
        ("status", "status", TrainingPage.Status),
    ):
        values = choice_list(parameter, getattr(filters, parameter), choices.values)
        if values:
            queryset = queryset.filter(**{f"{model_field}__in": values})
    if filters.language and filters.in_language:
        raise BadParameter("in_language", "give either language or in_language, not both")
    if filters.language or filters.in_language:
        queryset = queryset.in_languages(split_list(filters.language or filters.in_language))
    for parameter, lookup, model in (
        ("keyword", THEMES, Theme),
        ("location", REGION, Region),
        ("audience", AUDIENCES, Audience),
    ):
        slugs = known_slugs(parameter, getattr(filters, parameter), model)
        if slugs:
            queryset = queryset.related_to_any(lookup, slugs)
    queryset = queryset.related_to_each(
        THEMES, known_slugs("keyword_AND", filters.keyword_AND, Theme)
    )
    if filters.registration_open is not None:
        queryset = queryset.registration_open(timezone.now(), filters.registration_open)
    return queryset


def choice(choices: type) -> object:
    return Literal[tuple(member.value for member in choices)]


def contribution() -> ApiContribution:
    return ApiContribution(
        description="Trainings and guidance sessions for education and culture staff.",
        fields=(
            Value("lead"),
            Value("kind"),
            Value("format"),
            Value("status"),
            Computed(
                "lifecycle",
                choice(Lifecycle),
                lambda page: page.lifecycle.value,
            ),
            Computed(
                "registration_open",
                bool,
                lambda page: page.registration_open,
            ),
            Value("starts_at"),
            Value("ends_at"),
            Value("venue"),
            Value("street_address"),
            Value("postal_code"),
            Value("locality"),
            Related("region", shape="region"),
            Related("organiser", shape="organisation"),
            RelatedList("audiences"),
            RelatedList("themes"),
            LanguageCodes("languages"),
            Value("is_free"),
            Value("price"),
            Value("capacity"),
            Value("registration_url"),
            Value("registration_opens"),
            Value("registration_closes"),
            Stream("body"),
            Contacts("contacts"),
        ),
        filters=TrainingFilters,
        apply_filters=apply_filters,
        orderings=("starts_at", "ends_at", "registration_closes"),
        default_ordering=("starts_at", "title"),
        organisation_lookups=("organiser",),
    )
