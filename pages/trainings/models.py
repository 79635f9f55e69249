"""Trainings: continuing education and guidance sessions for education and culture staff."""

from __future__ import annotations

import datetime as dt
from typing import Self

from django import forms
from django.core.validators import RegexValidator
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

from cms.blocks import BodyBlock
from cms.media.alt_text import offer_image_alt_text
from cms.media.mixins import MainImageMixin, main_image_field
from cms.models import BaseIndexPage, BasePage
from cms.querysets import ContentPageQuerySet
from cms.timezones import helsinki_date
from cms.validation import FieldErrors
from cms.vocabularies.mixins import ContactsMixin
from pages.trainings.lifecycle import Lifecycle, compute_lifecycle

#: The relations the site's and the API's vocabulary filters follow, by what they select.
THEMES, REGION, AUDIENCES, LANGUAGES = "themes", "region", "audiences", "languages"


class TrainingQuerySet(ContentPageQuerySet):
    """The trainings' rules in SQL; each has a Python twin on :class:`TrainingPage`.

    ``at`` is an aware instant: the site's listing and the API pass ``timezone.now()``;
    the tests pass generated instants and check each method against its twin.
    """

    def upcoming(self, at: dt.datetime) -> Self:
        """Not yet over at ``at`` (twin: ``not page.has_ended_at(at)``)."""
        return self.filter(ends_at__gt=at)

    def past(self, at: dt.datetime) -> Self:
        """Over at ``at`` (twin: :meth:`TrainingPage.has_ended_at`)."""
        return self.filter(ends_at__lte=at)

    def registration_open(self, at: dt.datetime, is_open: bool = True) -> Self:
        """Whose lifecycle at ``at`` is "registration open" (or, ``is_open=False``, is not).

        Twin: :meth:`TrainingPage.registration_open_at`. Scheduled, not started, and ``at``
        falls on or between the registration days (Helsinki dates; an empty one is open).
        """
        today = helsinki_date(at)
        condition = (
            Q(status=TrainingPage.Status.SCHEDULED, starts_at__gt=at, ends_at__gt=at)
            & (Q(registration_opens__isnull=True) | Q(registration_opens__lte=today))
            & (Q(registration_closes__isnull=True) | Q(registration_closes__gte=today))
        )
        return self.filter(condition if is_open else ~condition)

    def in_window(
        self,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
        *,
        inclusive: bool = False,
    ) -> Self:
        """Trainings that take place, at least in part, between ``start`` and ``end``.

        Without ``inclusive`` the window is half-open, as calendar days are: a training
        that ends at ``start`` or starts at ``end`` is outside it. The API's Linked Events
        parameters are inclusive moments ("at or after", "at or before").
        """
        queryset = self
        if start is not None:
            queryset = queryset.filter(**{f"ends_at__{'gte' if inclusive else 'gt'}": start})
        if end is not None:
            queryset = queryset.filter(**{f"starts_at__{'lte' if inclusive else 'lt'}": end})
        return queryset

    def free_of_charge(self, free: bool = True) -> Self:
        return self.filter(is_free=free)

    def in_formats(self, formats: list[str]) -> Self:
        return self.filter(format__in=formats)

    def in_languages(self, codes: list[str]) -> Self:
        """Taught in any of the languages with ISO 639-1 ``codes``."""
        matching = self.model.objects.filter(**{f"{LANGUAGES}__code__in": codes}).values("pk")
        return self.filter(pk__in=matching)


TrainingManager = PageManager.from_queryset(TrainingQuerySet)


class TrainingIndexPage(BaseIndexPage):
    subpage_types = ["trainings.TrainingPage"]
    listing_ordering = ("starts_at", "title")

    class Meta:
        verbose_name = _("training listing")

    def get_listed_pages(self, request: HttpRequest | None = None) -> models.QuerySet:
        return super().get_listed_pages(request).select_related("region", "organiser")


class TrainingPage(MainImageMixin, ContactsMixin, BasePage):
    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        WEBINAR = "webinar", _("Webinar")
        WORKSHOP = "workshop", _("Workshop")
        GUIDANCE_SESSION = "guidance_session", _("Guidance session")

    class Format(models.TextChoices):
        ON_SITE = "on_site", _("On site")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")
        POSTPONED = "postponed", _("Postponed")
        FULL = "full", _("Full")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COURSE)
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"), help_text=_("Date and time in Finnish time."))
    ends_at = models.DateTimeField(_("ends"), help_text=_("Date and time in Finnish time."))
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.ON_SITE
    )
    venue = models.CharField(
        _("venue"), max_length=255, blank=True, help_text=_("Building and room, or the platform.")
    )
    # The venue's postal address in its parts, as search engines' event results (schema.org
    # PostalAddress) and maps read it; the page shows it on one line (postal_address_line).
    street_address = models.CharField(
        _("street address"), max_length=255, blank=True, help_text=_("E.g. Valtakatu 2.")
    )
    postal_code = models.CharField(
        _("postal code"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("Enter a Finnish postal code: five digits."))],
    )
    locality = models.CharField(
        _("town or city"), max_length=100, blank=True, help_text=_("E.g. Rovaniemi.")
    )
    region = models.ForeignKey(
        "vocabularies.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organiser = models.ForeignKey(
        "vocabularies.Organisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audiences = ParentalManyToManyField(
        "vocabularies.Audience", verbose_name=_("target audiences"), blank=True, related_name="+"
    )
    themes = ParentalManyToManyField(
        "vocabularies.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    languages = ParentalManyToManyField(
        "vocabularies.Language",
        verbose_name=_("languages of instruction"),
        blank=True,
        related_name="+",
    )
    is_free = models.BooleanField(_("free of charge"), default=True)
    price = models.DecimalField(
        _("price (EUR)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Maximum number of participants.")
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_opens = models.DateField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Last day of registration; registration closes at midnight Finnish time."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SCHEDULED
    )
    image = main_image_field(
        _("Shown on the training's page and in search engines' event results.")
    )

    objects = TrainingManager()

    parent_page_types = ["trainings.TrainingIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])],
            heading=_("Time"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("locality")]),
                FieldPanel("region"),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(MainImageMixin.image_panels(), heading=_("Main image")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Organiser and audience"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
                FieldPanel("capacity"),
                FieldPanel("registration_url"),
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
            ],
            heading=_("Registration"),
        ),
        ContactsMixin.contacts_panel(),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("body"),
        TranslatableField("venue"),
        *MainImageMixin.image_translation_fields,
        # Swedish has its own street and town names ("Norra esplanaden", "Helsingfors");
        # untranslated, the Finnish address is shown.
        TranslatableField("street_address"),
        SynchronizedField("postal_code"),
        TranslatableField("locality"),
        SynchronizedField("kind"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        SynchronizedField("format"),
        SynchronizedField("region"),
        SynchronizedField("organiser"),
        SynchronizedField("audiences"),
        SynchronizedField("themes"),
        SynchronizedField("languages"),
        SynchronizedField("is_free"),
        SynchronizedField("price"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_url"),
        SynchronizedField("registration_opens"),
        SynchronizedField("registration_closes"),
        SynchronizedField("status"),
        ContactsMixin.contacts_translation_field,
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("venue"),
        index.RelatedFields(
            "organiser", [index.SearchField("name"), index.SearchField("short_name")]
        ),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("audiences", [index.SearchField("name")]),
        index.RelatedFields("region", [index.SearchField("name")]),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
        index.FilterField("format"),
        index.FilterField("kind"),
        index.FilterField("status"),
        index.FilterField("is_free"),
        index.FilterField("region"),
        index.FilterField("organiser"),
        index.FilterField("themes"),
        index.FilterField("audiences"),
    ]

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        # The listing splits upcoming from past by the end and orders by the start; without
        # these its count and page queries read every training.
        indexes = [
            models.Index(fields=["starts_at"], name="training_starts_at_idx"),
            models.Index(fields=["ends_at"], name="training_ends_at_idx"),
        ]

    def clean(self) -> None:
        super().clean()
        offer_image_alt_text(self)
        errors = FieldErrors()
        errors.check_order(
            self.starts_at,
            self.ends_at,
            field="ends_at",
            message=_("The training cannot end before it starts."),
        )
        errors.check_order(
            self.registration_closes,
            helsinki_date(self.starts_at) if self.starts_at else None,
            field="registration_closes",
            message=_("Registration must close on or before the day the training starts."),
        )
        errors.check_order(
            self.registration_opens,
            self.registration_closes,
            field="registration_opens",
            message=_("Registration cannot open after it closes."),
        )
        if not self.is_free and self.price is None:
            errors.add("price", _("Give the price, or mark the training free of charge."))
        if self.is_free and self.price:
            errors.add(
                "price",
                _("A free training cannot have a price; clear the price or untick “free”."),
            )
        if self.price is not None and self.price < 0:
            errors.add("price", _("The price cannot be negative."))
        errors.raise_any()

    @property
    def postal_address_line(self) -> str:
        """The address as Finns write it on one line: "Valtakatu 2, 96100 Rovaniemi"."""
        town = " ".join(part for part in (self.postal_code, self.locality) if part)
        return ", ".join(part for part in (self.street_address, town) if part)

    @property
    def accepts_registrations(self) -> bool:
        return self.status == self.Status.SCHEDULED

    def lifecycle_at(self, now: dt.datetime) -> Lifecycle:
        return compute_lifecycle(
            now=now,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            registration_opens=self.registration_opens,
            registration_closes=self.registration_closes,
            accepts_registrations=self.accepts_registrations,
        )

    @property
    def lifecycle(self) -> Lifecycle:
        return self.lifecycle_at(timezone.now())

    def registration_open_at(self, now: dt.datetime) -> bool:
        """Twin of :meth:`TrainingQuerySet.registration_open`."""
        return self.lifecycle_at(now) == Lifecycle.REGISTRATION_OPEN

    @property
    def registration_open(self) -> bool:
        return self.registration_open_at(timezone.now())

    def has_ended_at(self, now: dt.datetime) -> bool:
        """Twin of :meth:`TrainingQuerySet.past` (and the negation of ``upcoming``)."""
        return self.lifecycle_at(now) == Lifecycle.PAST
