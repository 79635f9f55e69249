"""Snippet choosers of the translatable vocabularies: the Finnish source rows only.

A page's organiser or region (a ``ForeignKey`` shown as a chooser modal) points to the
Finnish row of the term, like the checkbox pickers (:mod:`cms.vocabularies.forms`), and the
page form refuses any other row. Wagtail's chooser listed the rows of every language with a
locale filter, so an editor could pick "Utbildningsstyrelsen" and be refused on save. The
modal, its search results and its "chosen" step therefore offer the source rows only.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from django.utils.functional import cached_property
from wagtail.models import Locale
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenView,
)


def source_rows(queryset: QuerySet) -> QuerySet:
    """The rows of ``queryset`` in the source language (what page relations point to).

    Filters on the locale itself (an indexed ``FilterField``), not on its language code,
    so that the search backends can apply it to the chooser's search too.
    """
    return queryset.filter(locale=Locale.objects.get(language_code=settings.LANGUAGE_CODE))


class SourceRowsMixin:
    """One language in the modal: no locale filter and no locale column."""

    @cached_property
    def i18n_enabled(self) -> bool:
        return False

    def get_object_list(self) -> QuerySet:
        return source_rows(super().get_object_list())


class SourceRowsChooseView(SourceRowsMixin, ChooseView):
    pass


class SourceRowsChooseResultsView(SourceRowsMixin, ChooseResultsView):
    pass


class SourceRowsChosenView(SnippetChosenView):
    """A row of another language is not a choice (404), whatever the URL says."""

    def get_object(self, pk):
        return source_rows(self.model_class.objects.all()).get(pk=pk)


class SourceRowsChooserViewSet(SnippetChooserViewSet):
    choose_view_class = SourceRowsChooseView
    choose_results_view_class = SourceRowsChooseResultsView
    chosen_view_class = SourceRowsChosenView
