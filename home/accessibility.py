"""The accessibility statement (saavutettavuusseloste / tillgänglighetsutlåtande).

Finnish public-sector sites must publish one (Act on the Provision of Digital Services
306/2019, following the EU model statement): how well the site conforms to WCAG 2.1 AA,
what is not yet accessible and why, how to give feedback, and where to turn if the answer
is unsatisfactory. It is a core page under each language's home page, linked from every
page footer.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.models import PAGE_TRANSLATABLE_FIELDS

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class AccessibilityStatementPage(Page):
    class Conformance(models.TextChoices):
        FULL = "full", _("Fully compliant with WCAG 2.1 level AA")
        PARTIAL = "partial", _("Partially compliant with WCAG 2.1 level AA")
        NOT = "not", _("Not compliant with WCAG 2.1 level AA")

    conformance = models.CharField(
        _("conformance status"),
        max_length=10,
        choices=Conformance.choices,
        default=Conformance.PARTIAL,
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Which service this statement covers and the law that requires it."),
    )
    non_accessible_content = RichTextField(
        _("non-accessible content"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("What is not yet accessible, which WCAG criteria it fails, and why."),
    )
    assessment = RichTextField(
        _("how accessibility was assessed"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Self-assessment or third-party audit, and the tools used."),
    )
    prepared_on = models.DateField(_("statement prepared on"))
    reviewed_on = models.DateField(_("statement last reviewed on"), null=True, blank=True)
    feedback_email = models.EmailField(
        _("feedback e-mail"), help_text=_("Where readers report accessibility problems.")
    )
    feedback_phone = models.CharField(_("feedback phone"), max_length=30, blank=True)
    feedback_form_url = models.URLField(_("feedback form"), blank=True)
    enforcement = RichTextField(
        _("enforcement procedure"),
        features=TEXT_FEATURES,
        help_text=_("The supervisory authority and how to contact it."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("conformance"),
        FieldPanel("non_accessible_content"),
        FieldPanel("assessment"),
        FieldRowPanel([FieldPanel("prepared_on"), FieldPanel("reviewed_on")]),
        MultiFieldPanel(
            [
                FieldPanel("feedback_email"),
                FieldPanel("feedback_phone"),
                FieldPanel("feedback_form_url"),
            ],
            heading=_("Feedback"),
        ),
        FieldPanel("enforcement"),
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("intro"),
        TranslatableField("non_accessible_content"),
        TranslatableField("assessment"),
        TranslatableField("enforcement"),
        SynchronizedField("conformance"),
        SynchronizedField("prepared_on"),
        SynchronizedField("reviewed_on"),
        SynchronizedField("feedback_email"),
        SynchronizedField("feedback_phone"),
        SynchronizedField("feedback_form_url"),
    ]

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")
