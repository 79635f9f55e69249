"""News: web news of agencies and ministries, including calls for government grants.

A news item is dated by its ``publication_date`` (the date the organisation announced it,
which for migrated or back-dated items is not the day the page was first published in
Wagtail). A grant call (*valtionavustushaku*) is a news item with an amount and an
application deadline; it is open until the deadline instant and closed from then on.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BodyBlock, RelatedLinksBlock
from cms.media.alt_text import offer_image_alt_text
from cms.models import BaseIndexPage, BasePage
from cms.timezones import HELSINKI, helsinki_today


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


class NewsPage(BasePage):
    publication_date = models.DateField(
        _("publication date"),
        default=helsinki_today,
        help_text=_("The date the news was announced; listings are sorted by it, newest first."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    topics = ParentalManyToManyField(
        "vocabularies.Theme", verbose_name=_("topics"), blank=True, related_name="+"
    )
    image = models.ForeignKey(
        "media.CustomImage",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the news; its alternative text comes from the image."),
    )
    image_alt_text = models.CharField(
        _("alternative text in this language"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the image shows, for screen-reader users, in this page's language. "
            "Empty: the image's own alternative text is used."
        ),
    )
    image_caption = models.CharField(
        _("image caption"),
        max_length=255,
        blank=True,
        help_text=_("Visible caption under the image, e.g. what it shows and the photographer."),
    )
    contacts = ParentalManyToManyField(
        "vocabularies.Person", verbose_name=_("contact persons"), blank=True, related_name="+"
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

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("publication_date"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt_text"), FieldPanel("image_caption")],
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
                FieldPanel("contacts", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_links"),
            ],
            heading=_("Topics, contacts and links"),
        ),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("body"),
        TranslatableField("image_caption"),
        TranslatableField("image_alt_text"),
        # Link texts are translated; the addresses are synchronised (overridable) segments
        # and chosen pages are swapped for their translations by wagtail-localize.
        TranslatableField("related_links"),
        SynchronizedField("publication_date"),
        SynchronizedField("topics"),
        SynchronizedField("image"),
        SynchronizedField("contacts"),
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
        errors: dict[str, list[str]] = {}
        if self.is_grant_call:
            if self.grant_amount is None:
                errors.setdefault("grant_amount", []).append(
                    _("A grant call needs the amount of the grants.")
                )
            if self.application_deadline is None:
                errors.setdefault("application_deadline", []).append(
                    _("A grant call needs an application deadline.")
                )
        else:
            if self.grant_amount is not None:
                errors.setdefault("grant_amount", []).append(
                    _("Only a grant call has an amount; clear it or tick “grant call”.")
                )
            if self.application_deadline is not None:
                errors.setdefault("application_deadline", []).append(
                    _("Only a grant call has a deadline; clear it or tick “grant call”.")
                )
        if self.grant_amount is not None and self.grant_amount < 0:
            errors.setdefault("grant_amount", []).append(_("The amount cannot be negative."))
        if (
            self.application_deadline is not None
            and self.publication_date
            and self.application_deadline.astimezone(HELSINKI).date() < self.publication_date
        ):
            errors.setdefault("application_deadline", []).append(
                _("The application deadline cannot be before the publication date.")
            )
        if errors:
            raise ValidationError(errors)

    def grant_call_open_at(self, now: dt.datetime) -> bool:
        """Whether applications are accepted at ``now``: until, not at, the deadline instant.

        A news item that is not a grant call, or a call without a deadline, is never open.
        """
        return (
            self.is_grant_call
            and self.application_deadline is not None
            and now < self.application_deadline
        )

    @property
    def image_alt(self) -> str:
        """The main image's alternative text in this page's language."""
        if self.image is None:
            return ""
        return self.image_alt_text or self.image.alt_text

    @property
    def grant_call_open(self) -> bool:
        return self.grant_call_open_at(timezone.now())
