"""News: web news of agencies and ministries, including calls for government grants.

A news item is dated by its ``publication_date`` (the date the organisation announced it,
which for migrated or back-dated items is not the day the page was first published in
Wagtail). A grant call (*valtionavustushaku*) is a news item with an amount and an
application deadline; it is open until the deadline instant and closed from then on.
"""

from __future__ import annotations

import datetime as dt
from typing import Self

from django import forms
from django.db import models
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BodyBlock, RelatedLinksBlock
from cms.media.alt_text import offer_image_alt_text
from cms.media.mixins import MainImageMixin, main_image_field
from cms.models import BaseIndexPage, BasePage
from cms.querysets import ContentPageQuerySet
from cms.timezones import helsinki_date, helsinki_today
from cms.validation import FieldErrors
from cms.vocabularies.mixins import ContactsMixin

#: The relation the topic filters of the site and the API follow.
TOPICS = "topics"


class NewsQuerySet(ContentPageQuerySet):
    """The news' rules in SQL; each has a Python twin on :class:`NewsPage`."""

    def grant_calls_open(self, at: dt.datetime, is_open: bool = True) -> Self:
        """Grant calls accepting applications at ``at`` (or, ``is_open=False``, the rest).

        Twin: :meth:`NewsPage.grant_call_open_at`.
        """
        condition = Q(is_grant_call=True, application_deadline__gt=at)
        return self.filter(condition if is_open else ~condition)

    def grant_calls_closed(self, at: dt.datetime) -> Self:
        """Grant calls whose deadline has passed at ``at``: ordinary news never closes.

        Twin: :meth:`NewsPage.grant_call_closed_at`.
        """
        return self.filter(is_grant_call=True, application_deadline__lte=at)

    def grant_calls(self, is_grant_call: bool = True) -> Self:
        return self.filter(is_grant_call=is_grant_call)

    def published_between(self, first: dt.date | None = None, last: dt.date | None = None) -> Self:
        """Announced on or after ``first`` and on or before ``last`` (either may be open)."""
        queryset = self
        if first is not None:
            queryset = queryset.filter(publication_date__gte=first)
        if last is not None:
            queryset = queryset.filter(publication_date__lte=last)
        return queryset

    def published_in(self, year: int) -> Self:
        return self.published_between(dt.date(year, 1, 1), dt.date(year, 12, 31))


NewsManager = PageManager.from_queryset(NewsQuerySet)


class NewsIndexPage(BaseIndexPage):
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news listing")

    def get_listed_pages(self, request: HttpRequest | None = None) -> models.QuerySet:
        # The listing shows each item's image as a thumbnail: fetch the image with the page
        # and its renditions in one query instead of one (or two) per item.
        return (
            super()
            .get_listed_pages(request)
            .select_related("image")
            .prefetch_related("image__renditions")
        )


class NewsPage(MainImageMixin, ContactsMixin, BasePage):
    publication_date = models.DateField(
        _("publication date"),
        default=helsinki_today,
        help_text=_("The date the news was announced; listings are sorted by it, newest first."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    topics = ParentalManyToManyField(
        "vocabularies.Theme", verbose_name=_("topics"), blank=True, related_name="+"
    )
    image = main_image_field(
        _("Shown at the top of the news; its alternative text comes from the image.")
    )
    image_caption = models.CharField(
        _("image caption"),
        max_length=255,
        blank=True,
        help_text=_("Visible caption under the image, e.g. what it shows and the photographer."),
    )
    related_links = StreamField(RelatedLinksBlock(), verbose_name=_("related links"), blank=True)
    is_grant_call = models.BooleanField(
        _("grant call"),
        default=False,
        help_text=_("Tick for a call for government grants; give the amount and the deadline."),
    )
    grant_amount = models.DecimalField(
        _("grant amount (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Total amount of the grants available in the call, in euros."),
    )
    application_deadline = models.DateTimeField(
        _("application deadline"),
        null=True,
        blank=True,
        help_text=_("Date and time in Finnish time; applications close at this moment."),
    )

    objects = NewsManager()

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("publication_date"),
        MultiFieldPanel(
            [*MainImageMixin.image_panels(), FieldPanel("image_caption")],
            heading=_("Main image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("is_grant_call"),
                FieldRowPanel([FieldPanel("grant_amount"), FieldPanel("application_deadline")]),
            ],
            heading=_("Grant call"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                ContactsMixin.contacts_panel(),
                FieldPanel("related_links"),
            ],
            heading=_("Topics, contacts and links"),
        ),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("body"),
        TranslatableField("image_caption"),
        *MainImageMixin.image_translation_fields,
        # Link texts are translated; the addresses are synchronised (overridable) segments
        # and chosen pages are swapped for their translations by wagtail-localize.
        TranslatableField("related_links"),
        SynchronizedField("publication_date"),
        SynchronizedField("topics"),
        ContactsMixin.contacts_translation_field,
        SynchronizedField("is_grant_call"),
        SynchronizedField("grant_amount"),
        SynchronizedField("application_deadline"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("image_caption"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("contacts", [index.SearchField("name")]),
        index.FilterField("publication_date"),
        index.FilterField("is_grant_call"),
        index.FilterField("application_deadline"),
        index.FilterField("topics"),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        # The listing and the feeds show the newest first.
        indexes = [models.Index(fields=["publication_date"], name="news_publication_date_idx")]

    def clean(self) -> None:
        super().clean()
        offer_image_alt_text(self)
        errors = FieldErrors()
        if self.is_grant_call:
            if self.grant_amount is None:
                errors.add("grant_amount", _("A grant call needs the amount of the grants."))
            if self.application_deadline is None:
                errors.add("application_deadline", _("A grant call needs an application deadline."))
        else:
            if self.grant_amount is not None:
                errors.add(
                    "grant_amount",
                    _("Only a grant call has an amount; clear it or tick “grant call”."),
                )
            if self.application_deadline is not None:
                errors.add(
                    "application_deadline",
                    _("Only a grant call has a deadline; clear it or tick “grant call”."),
                )
        if self.grant_amount is not None and self.grant_amount < 0:
            errors.add("grant_amount", _("The amount cannot be negative."))
        errors.check_order(
            self.publication_date,
            helsinki_date(self.application_deadline) if self.application_deadline else None,
            field="application_deadline",
            message=_("The application deadline cannot be before the publication date."),
        )
        errors.raise_any()

    def grant_call_open_at(self, now: dt.datetime) -> bool:
        """Whether applications are accepted at ``now``: until, not at, the deadline instant.

        A news item that is not a grant call, or a call without a deadline, is never open.
        Twin: :meth:`NewsQuerySet.grant_calls_open`.
        """
        return (
            self.is_grant_call
            and self.application_deadline is not None
            and now < self.application_deadline
        )

    def grant_call_closed_at(self, now: dt.datetime) -> bool:
        """A grant call whose deadline has passed; twin: :meth:`NewsQuerySet.grant_calls_closed`."""
        return (
            self.is_grant_call
            and self.application_deadline is not None
            and not self.grant_call_open_at(now)
        )

    @property
    def grant_call_open(self) -> bool:
        return self.grant_call_open_at(timezone.now())
