"""Vocabulary pickers on page forms: the Finnish source rows, named in the page's language.

Pages relate to the Finnish row of a term and show the row of the reader's language, so a
picker that lists every language's rows offers each term three times and lets an editor
tie a page to a Swedish row ("Johtaminen, Johtaminen, Johtaminen"). Every picker of a
translatable vocabulary therefore offers the source rows only, each labelled with its
translation in the page's language, and the form refuses any other row.
"""

from __future__ import annotations

from typing import Any

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import TranslatableMixin

from cms.vocabularies.catalogue import catalogue
from cms.vocabularies.choosers import source_rows


def _localized_label(model: type, locale_id: int | None):
    def label(row: Any) -> str:
        return str(catalogue(model).localized(row.pk, locale_id) or row)

    return label


def restrict_to_source_rows(form_fields: dict, locale_id: int | None) -> None:
    """Limit every translatable-vocabulary choice field in ``form_fields`` to source rows."""
    for field in form_fields.values():
        if not isinstance(field, forms.ModelChoiceField):
            continue
        model = field.queryset.model
        if not issubclass(model, TranslatableMixin):
            continue
        field.queryset = source_rows(field.queryset)
        field.label_from_instance = _localized_label(model, locale_id)


class VocabularyPickersPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        locale_id = getattr(self.instance, "locale_id", None)
        if locale_id is None and self.parent_page is not None:
            locale_id = self.parent_page.locale_id
        restrict_to_source_rows(self.fields, locale_id)
