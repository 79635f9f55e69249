"""The trainings listing filter: when, dates, region, audience, theme, format, language..."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cms.daterange import validate_date
from cms.site.listing_pages import IsoDateInput, ListingFilterForm
from cms.vocabularies.catalogue import catalogue
from cms.vocabularies.models import Audience, Language, Region, Theme
from pages.trainings.lifecycle import HELSINKI, end_of_day, start_of_day
from pages.trainings.models import TrainingPage


def registration_open_q(now: dt.datetime) -> Q:
    """Trainings whose lifecycle is "registration open" at ``now`` (see ``compute_lifecycle``)."""
    today = now.astimezone(HELSINKI).date()
    return (
        Q(status=TrainingPage.Status.SCHEDULED, starts_at__gt=now)
        & (Q(registration_opens__isnull=True) | Q(registration_opens__lte=today))
        & (Q(registration_closes__isnull=True) | Q(registration_closes__gte=today))
    )


class TrainingFilterForm(ListingFilterForm):
    UPCOMING, PAST, ALL = "upcoming", "past", "all"

    legend = _("Filter trainings")

    when = forms.ChoiceField(
        label=_("When"),
        choices=[
            (UPCOMING, _("Upcoming")),
            (PAST, pgettext_lazy("trainings when filter", "Past")),
            (ALL, _("All")),
        ],
        required=False,
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=IsoDateInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=IsoDateInput())
    region = forms.ChoiceField(label=_("Region"), required=False)
    audience = forms.ChoiceField(label=_("Target audience"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    language = forms.ChoiceField(label=_("Language of instruction"), required=False)
    registration_open = forms.BooleanField(label=_("Registration open"), required=False)
    free = forms.BooleanField(label=_("Free of charge"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        any_label = str(_("Any"))
        for name, model in (("region", Region), ("audience", Audience), ("theme", Theme)):
            self.fields[name].choices = self.vocabulary_choices(model, any_label)
        self.fields["format"].choices = [("", any_label), *TrainingPage.Format.choices]
        self.fields["language"].choices = [
            ("", any_label),
            *((language.code, str(language)) for language in catalogue(Language).by_id.values()),
        ]
        # The date fields use the browser's date picker, which always sends ISO dates.
        for name in ("date_from", "date_to"):
            self.fields[name].input_formats = ["%Y-%m-%d", "%d.%m.%Y"]
            self.fields[name].validators.append(validate_date)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", _("The end date cannot be before the start date."))
        return cleaned

    def apply(self, queryset: models.QuerySet, values: dict[str, Any]) -> models.QuerySet:
        now = timezone.now()
        when = values.get("when", self.UPCOMING)
        if when == self.UPCOMING:
            queryset = queryset.filter(ends_at__gt=now)
        elif when == self.PAST:
            queryset = queryset.filter(ends_at__lte=now).order_by("-starts_at", "title")
        if "date_from" in values:
            queryset = queryset.filter(ends_at__gt=start_of_day(values["date_from"]))
        if "date_to" in values:
            queryset = queryset.filter(starts_at__lt=end_of_day(values["date_to"]))
        lookups = {
            "region": "region__slug",
            "audience": "audiences__slug",
            "theme": "themes__slug",
            "format": "format",
            "language": "languages__code",
        }
        for name, lookup in lookups.items():
            if name in values:
                queryset = queryset.filter(**{lookup: values[name]})
        if values.get("registration_open"):
            queryset = queryset.filter(registration_open_q(now))
        if values.get("free"):
            queryset = queryset.filter(is_free=True)
        return queryset
