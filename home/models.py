"""The home page of each language: the root of that language's page tree."""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from cms.models import PAGE_TRANSLATABLE_FIELDS
from cms.plugins import registry
from cms.visibility import visible
from home.accessibility import AccessibilityStatementPage

__all__ = ["AccessibilityStatementPage", "HomePage"]


class HomePage(Page):
    """Lists the latest content of every enabled content type.

    Its allowed children are the listing pages of the registered plugins, so enabling a
    plugin makes its listing page creatable here without editing this model.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["wagtailcore.Page"]
    #: Core page types allowed here besides the plugins' listing pages.
    subpage_types: list[str] = ["home.AccessibilityStatementPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]
    latest_per_section = 3

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @classmethod
    def clean_subpage_models(cls) -> list[type[Page]]:
        return [*registry.index_models(), *super().clean_subpage_models()]

    def get_sections(
        self, request: HttpRequest | None = None
    ) -> list[tuple[Page, models.QuerySet]]:
        """Each live listing page under this home page, with its latest items."""
        sections = []
        indexes = visible(self.get_children(), request).specific()
        for index_page in indexes:
            if hasattr(index_page, "get_listed_pages"):
                latest = index_page.get_listed_pages(request)[: self.latest_per_section]
                sections.append((index_page, latest))
        return sections

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_sections(request)
        return context
