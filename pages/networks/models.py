"""Networks: cooperation groups and network projects with their goals, layers and action plans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import RICH_TEXT_FEATURES
from cms.models import BaseIndexPage, BasePage
from cms.plugins import ContentTypePlugin, registry
from cms.visibility import public_pages
from pages.networks.blocks import ActionPlanBlock, GoalsBlock, RelatedPagesBlock, SubGroupsBlock


@dataclass
class SubGroup:
    """A sub-group with the groups of the layers below it, for rendering the structure."""

    name: str
    role: str
    level: int
    members: str = ""
    children: list[SubGroup] = field(default_factory=list)


@dataclass
class RelatedPages:
    """The related pages of one content type, in the order the editor chose them."""

    plugin: ContentTypePlugin
    pages: list[Page]

    @property
    def label(self) -> str:
        return self.plugin.verbose_name_plural


class NetworkIndexPage(BaseIndexPage):
    subpage_types = ["networks.NetworkPage"]
    listing_ordering = ("title",)

    class Meta:
        verbose_name = _("network listing")

    def get_listed_pages(self, request: HttpRequest | None = None) -> models.QuerySet:
        return super().get_listed_pages(request).select_related("coordinator")


class NetworkPage(BasePage):
    purpose = RichTextField(
        _("purpose"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Why the network exists and what it does."),
    )
    goals = StreamField(
        GoalsBlock(), verbose_name=_("goals"), blank=True, help_text=_("Shown in this order.")
    )
    coordinator = models.ForeignKey(
        "vocabularies.Organisation",
        verbose_name=_("coordinator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation that coordinates the network."),
    )
    members = ParentalManyToManyField(
        "vocabularies.Organisation",
        verbose_name=_("member organisations"),
        blank=True,
        related_name="+",
    )
    sub_groups = StreamField(
        SubGroupsBlock(),
        verbose_name=_("sub-groups"),
        blank=True,
        help_text=_(
            "The network's layered structure, top layer first; each group may be at most "
            "one level below the group before it."
        ),
    )
    meeting_rhythm = models.CharField(
        _("meeting rhythm"),
        max_length=255,
        blank=True,
        help_text=_("For example “3–4 times a year”."),
    )
    term_start = models.DateField(_("term starts"), null=True, blank=True)
    term_end = models.DateField(_("term ends"), null=True, blank=True)
    action_plan = StreamField(ActionPlanBlock(), verbose_name=_("action plan"), blank=True)
    contacts = ParentalManyToManyField(
        "vocabularies.Person", verbose_name=_("contact persons"), blank=True, related_name="+"
    )
    related_pages = StreamField(
        RelatedPagesBlock(),
        verbose_name=_("related pages"),
        blank=True,
        help_text=_("Trainings, news, project results and other networks of this network."),
    )

    parent_page_types = ["networks.NetworkIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("purpose"), FieldPanel("goals")], heading=_("Purpose")),
        MultiFieldPanel(
            [
                FieldPanel("coordinator"),
                FieldPanel("members", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sub_groups"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("meeting_rhythm"),
                FieldRowPanel([FieldPanel("term_start"), FieldPanel("term_end")]),
                FieldPanel("action_plan"),
            ],
            heading=_("Working"),
        ),
        FieldPanel("related_pages"),
        FieldPanel("contacts", widget=forms.CheckboxSelectMultiple),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("purpose"),
        TranslatableField("goals"),
        TranslatableField("sub_groups"),
        TranslatableField("meeting_rhythm"),
        TranslatableField("action_plan"),
        SynchronizedField("coordinator"),
        SynchronizedField("members"),
        SynchronizedField("term_start"),
        SynchronizedField("term_end"),
        SynchronizedField("contacts"),
        # The source pages are kept in every language and localized when shown.
        SynchronizedField("related_pages"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("purpose"),
        index.SearchField("goals"),
        index.SearchField("sub_groups"),
        index.SearchField("action_plan"),
        index.RelatedFields("coordinator", [index.SearchField("name")]),
        index.RelatedFields("members", [index.SearchField("name")]),
        index.FilterField("coordinator"),
        index.FilterField("term_start"),
        index.FilterField("term_end"),
        index.FilterField("members"),
    ]

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[str]] = {}
        if self.term_start and self.term_end and self.term_end < self.term_start:
            errors.setdefault("term_end", []).append(_("The term cannot end before it starts."))
        for page in self._chosen_related_pages():
            if page.pk is not None and page.pk == self.pk:
                errors.setdefault("related_pages", []).append(
                    _("A network cannot be related to itself.")
                )
                continue
            plugin = registry.for_page_model(page.specific_class)
            if plugin is None:
                errors.setdefault("related_pages", []).append(
                    _("“%(title)s” is not a content page (training, news, project…).")
                    % {"title": page.title}
                )
        if errors:
            raise ValidationError(errors)

    def _chosen_related_pages(self) -> list[Page]:
        return [block.value for block in self.related_pages if block.value is not None]

    def is_active_on(self, day: dt.date) -> bool:
        """Whether ``day`` falls within the term (both ends inclusive; a missing end is open)."""
        if self.term_start and day < self.term_start:
            return False
        return not (self.term_end and day > self.term_end)

    def sub_group_tree(self) -> list[SubGroup]:
        """The sub-groups as an outline: each group holds the deeper groups that follow it.

        A group whose level is not deeper than the group before it closes that group's
        branch, exactly as headings do in a document.
        """
        roots: list[SubGroup] = []
        stack: list[SubGroup] = []
        for block in self.sub_groups:
            group = SubGroup(
                name=block.value["name"],
                role=block.value["role"],
                level=block.value["level"],
                members=block.value["members"],
            )
            while stack and stack[-1].level >= group.level:
                stack.pop()
            (stack[-1].children if stack else roots).append(group)
            stack.append(group)
        return roots

    def related_pages_by_type(self) -> list[RelatedPages]:
        """Live, public related pages in this page's language, grouped by content type.

        A chosen page is replaced by its live translation in this page's locale, or shown
        as it is when it has none (as ``Page.localized`` does). Groups follow the plugins'
        order and pages the editor's order. The number of queries does not depend on how
        many pages are related.
        """
        chosen_ids = [block["value"] for block in self.related_pages.raw_data if block.get("value")]
        if not chosen_ids:
            return []
        chosen = Page.objects.filter(id__in=chosen_ids).only("id", "translation_key", "locale")
        keys = {page.id: page.translation_key for page in chosen}
        candidates = (
            public_pages(Page.objects.all())
            .filter(translation_key__in=keys.values())
            .filter(models.Q(locale_id=self.locale_id) | models.Q(id__in=chosen_ids))
        )
        translated: dict = {}
        untranslated: dict = {}
        for page in candidates:
            if page.locale_id == self.locale_id:
                translated[page.translation_key] = page
            else:
                untranslated[page.id] = page
        groups: dict[str, RelatedPages] = {}
        seen: set[int] = set()
        for page_id in chosen_ids:
            key = keys.get(page_id)
            page = translated.get(key) or untranslated.get(page_id)
            if page is None or page.id in seen or page.id == self.id:
                continue
            seen.add(page.id)
            plugin = registry.for_page_model(page.specific_class)
            if plugin is None:
                continue
            groups.setdefault(plugin.key, RelatedPages(plugin=plugin, pages=[])).pages.append(page)
        return [groups[plugin.key] for plugin in registry if plugin.key in groups]
