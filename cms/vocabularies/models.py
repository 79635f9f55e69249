"""Shared vocabularies: organisations, people, themes, audiences, regions, languages.

Organisations, people, themes, audiences and regions are translatable snippets: each has one
row per locale, linked by ``translation_key`` and translated through wagtail-localize. Pages
relate to the Finnish (source) row and show ``.localized``, which resolves to the row of the
active language when it exists.
"""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

phone_validator = RegexValidator(
    regex=r"^\+?[0-9][0-9 ()-]{4,19}$",
    message=_("Enter a phone number such as +358 29 533 1000 or 029 533 1000."),
)


class NamedVocabulary(TranslatableMixin, index.Indexed, models.Model):
    """A translatable term with a stable slug that API filters and URLs use."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("Stable identifier used in filters and the API; the same in every language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Theme(NamedVocabulary):
    """A theme or topic, e.g. "Quality and development"; news call them topics."""

    class Meta(NamedVocabulary.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class Audience(NamedVocabulary):
    """A target audience, e.g. early childhood education or libraries."""

    class Meta(NamedVocabulary.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class Region(NamedVocabulary):
    """A region: an AVI area or a maakunta (e.g. Lappi, Uusimaa, Keski-Suomi)."""

    class Kind(models.TextChoices):
        AVI_AREA = "avi_area", _("AVI area")
        MAAKUNTA = "maakunta", _("Region (maakunta)")
        NATIONAL = "national", _("Whole country")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    panels = [*NamedVocabulary.panels, FieldPanel("kind")]
    translatable_fields = [*NamedVocabulary.translatable_fields, SynchronizedField("kind")]

    class Meta(NamedVocabulary.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """An agency, ministry, education provider or municipality."""

    class Type(models.TextChoices):
        AVI = "avi", _("Regional state administrative agency (AVI)")
        ELY = "ely", _("ELY centre")
        OPH = "oph", _("Finnish National Agency for Education (OPH)")
        OKM = "okm", _("Ministry of Education and Culture (OKM)")
        EDUCATION_PROVIDER = "education_provider", _("Education provider")
        MUNICIPALITY = "municipality", _("Municipality")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("abbreviation"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=100)
    organisation_type = models.CharField(_("type"), max_length=30, choices=Type.choices)
    city = models.CharField(_("city"), max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
    )
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("organisation_type"),
        FieldPanel("city"),
        FieldPanel("parent"),
        FieldPanel("website"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        TranslatableField("city"),
        SynchronizedField("slug"),
        SynchronizedField("organisation_type"),
        SynchronizedField("parent"),
        SynchronizedField("website"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
        index.FilterField("organisation_type"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Person(TranslatableMixin, index.Indexed, models.Model):
    """A contact person; the title is translated, name and contact details are not."""

    name = models.CharField(_("name"), max_length=255)
    job_title = models.CharField(_("job title"), max_length=255, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("job_title"),
        FieldPanel("organisation"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("job_title"),
        SynchronizedField("organisation"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


#: Django's language table has no Sami; its name comes from here.
LANGUAGE_NAMES_UNKNOWN_TO_DJANGO = {"se": _("Northern Sami")}


class Language(models.Model):
    """A language of instruction; a fixed list (fi, sv, en, se) seeded by a migration."""

    code = models.CharField(_("code"), max_length=8, unique=True)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["id"]

    def __str__(self) -> str:
        if self.code in LANGUAGE_NAMES_UNKNOWN_TO_DJANGO:
            return str(LANGUAGE_NAMES_UNKNOWN_TO_DJANGO[self.code])
        return str(get_language_info(self.code)["name_translated"])
