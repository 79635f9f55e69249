"""Events: timed gatherings, the test plugin with a light workflow, untranslated pages shown
in every language and a calendar of date-times (the one that crosses daylight-saving days)."""

import datetime as dt

from django import forms
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.models import PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.media.alt_text import offer_image_alt_text
from cms.media.mixins import MainImageMixin, main_image_field
from cms.models import BaseIndexPage, BasePage
from cms.querysets import ContentPageQuerySet


class EventIndexPage(BaseIndexPage):
    subpage_types = ["events.EventPage"]

    #: An events listing reads in time order, the soonest first.
    listing_ordering = ("starts_at", "title")

    class Meta:
        verbose_name = "event listing"


class EventPage(MainImageMixin, BasePage):
    starts_at = models.DateTimeField("starts")
    ends_at = models.DateTimeField("ends")
    venue = models.CharField("venue", max_length=255, blank=True)
    organiser = models.ForeignKey(
        "vocabularies.Organisation",
        verbose_name="organiser",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = ParentalManyToManyField(
        "vocabularies.Theme", verbose_name="themes", blank=True, related_name="+"
    )
    image = main_image_field("Shown at the top of the event page.")

    objects = PageManager.from_queryset(ContentPageQuerySet)()

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("venue"),
        FieldPanel("organiser"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        *MainImageMixin.image_panels(),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        TranslatableField("venue"),
        SynchronizedField("organiser"),
        SynchronizedField("themes"),
        *MainImageMixin.image_translation_fields,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("venue"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("themes"),
        index.FilterField("starts_at"),
    ]

    class Meta:
        verbose_name = "event"
        verbose_name_plural = "events"

    def clean(self) -> None:
        super().clean()
        offer_image_alt_text(self)

    def has_ended_at(self, now: dt.datetime) -> bool:
        return self.ends_at <= now

    def timing_at(self, now: dt.datetime) -> str:
        """``upcoming``, ``ongoing`` or ``past`` at ``now``."""
        if now < self.starts_at:
            return "upcoming"
        return "past" if self.has_ended_at(now) else "ongoing"

    @property
    def timing(self) -> str:
        """The card's badge: it moves with the clock, so it is read at render time."""
        return self.timing_at(timezone.now())
