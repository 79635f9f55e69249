"""Factories for trainings, used by tests (the demo reads its data files instead)."""

from __future__ import annotations

import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone

from cms.factories import ContentPageFactory, many_to_many
from pages.trainings.models import TrainingIndexPage, TrainingPage


class TrainingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Koulutukset"
    slug = "koulutukset"

    class Meta:
        model = TrainingIndexPage


class TrainingPageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"Koulutus {n}")
    lead = "Täydennyskoulutus opetus- ja kulttuuritoimen henkilöstölle."
    kind = TrainingPage.Kind.COURSE
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda page: page.starts_at + dt.timedelta(hours=6))
    format = TrainingPage.Format.ON_SITE
    status = TrainingPage.Status.SCHEDULED

    class Meta:
        model = TrainingPage

    audiences = many_to_many("audiences")
    themes = many_to_many("themes")
    languages = many_to_many("languages")
    contacts = many_to_many("contacts")
