"""Publications: reports and guides, the smallest content type that uses every seam."""

from django import forms
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BodyBlock
from cms.models import BaseIndexPage, BasePage


class PublicationIndexPage(BaseIndexPage):
    subpage_types = ["publications.PublicationPage"]

    class Meta:
        verbose_name = "publication listing"


class PublicationPage(BasePage):
    isbn = models.CharField("ISBN", max_length=20, blank=True)
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
        FieldPanel("released_at"),
        FieldPanel("available_until"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("isbn"),
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
