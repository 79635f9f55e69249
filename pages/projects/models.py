"""Project results: the public card of a government-funded development project (*hanke*).

A project result follows the fixed card that education providers publish for their
projects: need and goals, solution, results and contact persons, with the lead
organisation, partners, funding and period alongside.
"""

from __future__ import annotations

import datetime as dt
from typing import Self

from django import forms
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.models import BaseIndexPage, BasePage
from cms.querysets import ContentPageQuerySet
from cms.timezones import helsinki_today
from cms.validation import FieldErrors
from cms.vocabularies.mixins import ContactsMixin

#: Features of the card sections. The page template gives each section an <h2>, so
#: editors get the levels below it and the heading outline stays unbroken (WCAG 1.3.1).
SECTION_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    ENDED = "ended", _("Ended")


def _ended_q(today: dt.date) -> models.Q:
    return models.Q(status=Status.ENDED) | models.Q(period_end__lt=today)


def _planned_q(today: dt.date) -> models.Q:
    return models.Q(period_start__gt=today)


def _by_status(today: dt.date, ended: object, planned: object, ongoing: object) -> models.Case:
    """A SQL value per status on ``today``, decided as :meth:`ProjectResultPage.current_status`."""
    output = models.CharField() if isinstance(ongoing, str) else models.IntegerField()
    return models.Case(
        models.When(_ended_q(today), then=models.Value(ended)),
        models.When(_planned_q(today), then=models.Value(planned)),
        default=models.Value(ongoing),
        output_field=output,
    )


def status_on(today: dt.date) -> models.Case:
    """The status a project has on ``today``, as SQL: its dates decide, as for trainings.

    A project is ended when an editor says so (projects end early) or when its period has
    ended; planned until its period starts; ongoing in between, whatever the stored
    status says (nobody has to republish a project when its dates pass). Python twin:
    :meth:`ProjectResultPage.current_status`.
    """
    return _by_status(today, Status.ENDED.value, Status.PLANNED.value, Status.ONGOING.value)


def status_rank(today: dt.date) -> models.Case:
    """Listing order of the statuses: running projects first, then upcoming, then finished."""
    return _by_status(today, 2, 1, 0)


#: The relations the organisation filters of the site and the API follow.
ORGANISATIONS = ("lead_organisation", "partner_organisations")
THEMES = "themes"


class ProjectQuerySet(ContentPageQuerySet):
    """The project results' rules in SQL; each has a Python twin on the page model."""

    def with_status(self, statuses: list[str], today: dt.date | None = None) -> Self:
        """Projects whose status on ``today`` (Helsinki date) is one of ``statuses``."""
        today = today or helsinki_today()
        return self.alias(status_now=status_on(today)).filter(status_now__in=statuses)

    def programme_contains(self, text: str) -> Self:
        return self.filter(funding_programme__icontains=text)


ProjectManager = PageManager.from_queryset(ProjectQuerySet)


class ProjectResultIndexPage(BaseIndexPage):
    subpage_types = ["projects.ProjectResultPage"]

    @property
    def listing_ordering(self) -> tuple:
        """Ongoing, then planned, then ended projects (as of today); newest period first."""
        today = helsinki_today()
        return (status_rank(today).asc(), models.F("period_start").desc(), "title")

    class Meta:
        verbose_name = _("project result listing")

    def get_listed_pages(self, request: HttpRequest | None = None) -> models.QuerySet:
        return super().get_listed_pages(request).select_related("lead_organisation")


class ProjectResultPage(ContactsMixin, BasePage):
    Status = Status

    lead_organisation = models.ForeignKey(
        "vocabularies.Organisation",
        verbose_name=_("lead organisation"),
        # Required in the form; SET_NULL keeps the page if the organisation is deleted.
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation that runs the project; its city is the project's city."),
    )
    partner_organisations = ParentalManyToManyField(
        "vocabularies.Organisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="+",
        help_text=_("Implementing organisations of the network, other than the lead."),
    )
    funding_programme = models.CharField(
        _("funding programme"),
        max_length=255,
        blank=True,
        help_text=_("E.g. the development programme or grant that funds the project."),
    )
    funding_measure = models.CharField(
        _("funding measure"),
        max_length=255,
        blank=True,
        help_text=_("The measure or priority of the programme the project belongs to."),
    )
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(
        _("period ends"), null=True, blank=True, help_text=_("Leave empty if not yet decided.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ONGOING
    )
    themes = ParentalManyToManyField(
        "vocabularies.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    need_and_goals = RichTextField(
        _("need and goals"),
        blank=True,
        features=SECTION_FEATURES,
        help_text=_("Why the project is needed and what it aims to achieve."),
    )
    solution = RichTextField(
        _("solution"),
        blank=True,
        features=SECTION_FEATURES,
        help_text=_("What the project does to reach its goals."),
    )
    results = RichTextField(
        _("results"),
        blank=True,
        features=SECTION_FEATURES,
        help_text=_("What the project has achieved so far, or will deliver."),
    )

    objects = ProjectManager()

    parent_page_types = ["projects.ProjectResultIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("lead_organisation"),
                FieldPanel("partner_organisations", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Organisations"),
        ),
        MultiFieldPanel(
            [FieldPanel("funding_programme"), FieldPanel("funding_measure")],
            heading=_("Funding"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldPanel("status"),
            ],
            heading=_("Period and status"),
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("need_and_goals"), FieldPanel("solution"), FieldPanel("results")],
            heading=_("Project card"),
        ),
        ContactsMixin.contacts_panel(),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("funding_programme"),
        TranslatableField("funding_measure"),
        TranslatableField("need_and_goals"),
        TranslatableField("solution"),
        TranslatableField("results"),
        SynchronizedField("lead_organisation"),
        SynchronizedField("partner_organisations"),
        SynchronizedField("period_start"),
        SynchronizedField("period_end"),
        SynchronizedField("status"),
        SynchronizedField("themes"),
        ContactsMixin.contacts_translation_field,
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("need_and_goals"),
        index.SearchField("solution"),
        index.SearchField("results"),
        index.SearchField("funding_programme"),
        index.SearchField("funding_measure"),
        index.RelatedFields("lead_organisation", [index.SearchField("name")]),
        index.RelatedFields("partner_organisations", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("status"),
        index.FilterField("period_start"),
        index.FilterField("period_end"),
        index.FilterField("lead_organisation"),
        index.FilterField("themes"),
        index.FilterField("partner_organisations"),
    ]

    class Meta:
        verbose_name = _("project result")
        verbose_name_plural = _("project results")

    def clean(self) -> None:
        super().clean()
        self.validate_period(helsinki_today())

    def validate_period(self, today: dt.date) -> None:
        """Check the period against the status as of ``today`` (Helsinki date).

        An ended project may still show a future end date (projects do end early), so
        only the contradiction editors cannot mean is an error: a planned project whose
        period has already ended.
        """
        errors = FieldErrors()
        errors.check_order(
            self.period_start,
            self.period_end,
            field="period_end",
            message=_("The period cannot end before it starts."),
        )
        if self.status == Status.PLANNED:
            errors.check_order(
                today,
                self.period_end,
                field="period_end",
                message=_(
                    "A planned project cannot have ended already: correct the end date "
                    "or change the status to ongoing or ended."
                ),
            )
        errors.raise_any()

    def current_status(self, today: dt.date | None = None) -> str:
        """The status on ``today`` (Helsinki date), from the dates: see :func:`status_on`."""
        today = today or helsinki_today()
        if self.status == Status.ENDED or (self.period_end and self.period_end < today):
            return Status.ENDED.value
        if self.period_start and self.period_start > today:
            return Status.PLANNED.value
        return Status.ONGOING.value

    @property
    def status_now(self) -> str:
        return self.current_status()

    @property
    def status_now_label(self) -> str:
        return str(Status(self.current_status()).label)

    @property
    def city(self) -> str:
        """The project's city: the lead organisation's, in the active language."""
        if self.lead_organisation is None:
            return ""
        return self.lead_organisation.localized.city
