"""Publications: reports and guides, the smallest content type that uses every seam."""

import datetime as dt

from django import forms
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BodyBlock
from cms.models import BaseIndexPage, BasePage
from cms.vocabularies.mixins import ContactsMixin


class PublicationIndexPage(BaseIndexPage):
    subpage_types = ["publications.PublicationPage"]

    class Meta:
        verbose_name = "publication listing"


class PublicationPage(ContactsMixin, BasePage):
    isbn = models.CharField("ISBN", max_length=20, blank=True)
    # A vocabulary foreign key and a second many-to-many: the API's ``organisation``
    # parameter matches the publisher, and its item inlines both in the reader's language.
    publisher = models.ForeignKey(
        "vocabularies.Organisation",
        verbose_name="publisher",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    languages = ParentalManyToManyField(
        "vocabularies.Language", verbose_name="languages", blank=True, related_name="+"
    )
    # The plugin's theme field: the API's ``theme`` parameter, the search facet and the
    # per-topic feeds all read it (see ``plugin.py``).
    themes = ParentalManyToManyField(
        "vocabularies.Theme", verbose_name="themes", blank=True, related_name="+"
    )
    body = StreamField(BodyBlock(), verbose_name="body", blank=True)
    # A date-time and a date, as editors type them (the admin's Finnish input formats).
    released_at = models.DateTimeField("released", null=True, blank=True)
    available_until = models.DateField("available until", null=True, blank=True)

    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types: list[str] = []
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("isbn"),
        FieldPanel("publisher"),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        ContactsMixin.contacts_panel(),
        FieldPanel("released_at"),
        FieldPanel("available_until"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("isbn"),
        SynchronizedField("publisher"),
        SynchronizedField("languages"),
        ContactsMixin.contacts_translation_field,
        SynchronizedField("released_at"),
        SynchronizedField("available_until"),
        SynchronizedField("themes"),
        TranslatableField("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("themes"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "publication"
        verbose_name_plural = "publications"

    def is_available_on(self, day: dt.date) -> bool:
        """Still on offer on ``day`` (a Helsinki date): the state changes at midnight."""
        return self.available_until is None or day <= self.available_until
