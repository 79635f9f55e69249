"""Contact persons of a content page: whom a reader or a partner asks about it."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField


class ContactsMixin(models.Model):
    """The ``contacts`` of a page: people of the shared vocabulary, the same in every language."""

    contacts = ParentalManyToManyField(
        "vocabularies.Person", verbose_name=_("contact persons"), blank=True, related_name="+"
    )

    #: For ``translatable_fields``: the people are synchronised, their details localized.
    contacts_translation_field = SynchronizedField("contacts")

    class Meta:
        abstract = True

    @staticmethod
    def contacts_panel() -> FieldPanel:
        return FieldPanel("contacts", widget=forms.CheckboxSelectMultiple)
