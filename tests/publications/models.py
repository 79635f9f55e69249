"""Publications: reports and guides, the smallest possible content type."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField

from cms.models import BaseIndexPage, BasePage


class PublicationIndexPage(BaseIndexPage):
    subpage_types = ["publications.PublicationPage"]

    class Meta:
        verbose_name = "publication listing"


class PublicationPage(BasePage):
    isbn = models.CharField("ISBN", max_length=20, blank=True)

    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types: list[str] = []
    content_panels = [*BasePage.content_panels, FieldPanel("isbn")]
    translatable_fields = [*BasePage.translatable_fields, SynchronizedField("isbn")]

    class Meta:
        verbose_name = "publication"
        verbose_name_plural = "publications"
