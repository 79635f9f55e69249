"""Trainings: continuing education and guidance sessions for education and culture staff."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BodyBlock
from cms.media.alt_text import offer_image_alt_text
from cms.models import BaseIndexPage, BasePage
from pages.trainings.lifecycle import HELSINKI, Lifecycle, compute_lifecycle


class TrainingIndexPage(BaseIndexPage):
    subpage_types = ["trainings.TrainingPage"]
    listing_ordering = ("starts_at", "title")

    class Meta:
        verbose_name = _("training listing")

    def get_listed_pages(self, request: HttpRequest | None = None) -> models.QuerySet:
        return super().get_listed_pages(request).select_related("region", "organiser")


class TrainingPage(BasePage):
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
    contacts = ParentalManyToManyField(
        "vocabularies.Person", verbose_name=_("contact persons"), blank=True, related_name="+"
    )
    image = models.ForeignKey(
        "media.CustomImage",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the training's page and in search engines' event results."),
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
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt_text")], heading=_("Main image")
        ),
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
        FieldPanel("contacts", widget=forms.CheckboxSelectMultiple),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("body"),
        TranslatableField("venue"),
        TranslatableField("image_alt_text"),
        SynchronizedField("image"),
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
        SynchronizedField("contacts"),
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
        errors: dict[str, list[str]] = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors.setdefault("ends_at", []).append(_("The training cannot end before it starts."))
        if (
            self.starts_at
            and self.registration_closes
            and self.registration_closes > self.starts_at.astimezone(HELSINKI).date()
        ):
            errors.setdefault("registration_closes", []).append(
                _("Registration must close on or before the day the training starts.")
            )
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_opens > self.registration_closes
        ):
            errors.setdefault("registration_opens", []).append(
                _("Registration cannot open after it closes.")
            )
        if not self.is_free and self.price is None:
            errors.setdefault("price", []).append(
                _("Give the price, or mark the training free of charge.")
            )
        if self.is_free and self.price:
            errors.setdefault("price", []).append(
                _("A free training cannot have a price; clear the price or untick “free”.")
            )
        if self.price is not None and self.price < 0:
            errors.setdefault("price", []).append(_("The price cannot be negative."))
        if errors:
            raise ValidationError(errors)

    @property
    def postal_address_line(self) -> str:
        """The address as Finns write it on one line: "Valtakatu 2, 96100 Rovaniemi"."""
        town = " ".join(part for part in (self.postal_code, self.locality) if part)
        return ", ".join(part for part in (self.street_address, town) if part)

    @property
    def accepts_registrations(self) -> bool:
        return self.status == self.Status.SCHEDULED

    def lifecycle_at(self, now) -> Lifecycle:
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
