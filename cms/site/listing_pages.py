"""Listing pages: filtering by a plugin's GET form, pagination, a constant query count.

A plugin's filter form subclasses :class:`ListingFilterForm`. The form is always bound to
the query string; fields with bad input get an error message shown next to them and are
ignored, while the valid ones still filter, so a reader never loses the rest of the query.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING, Any

from django import forms
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.collation import collation_key, sorted_by_name
from cms.plugins import ContentTypePlugin, registry
from cms.site.cards import ListingCards
from cms.site.localization import VocabularyLocalizer, localizer_for
from cms.site.site_contribution import SiteContribution

if TYPE_CHECKING:
    from django.http import HttpRequest, QueryDict
    from wagtail.models import Page


class IsoDateInput(forms.DateInput):
    """``<input type="date">`` whose value is always an ISO date or empty.

    The browser's date picker only accepts ``YYYY-MM-DD``: a date typed in another format
    (``31.12.2026``) is shown converted, and text that is no date at all is not echoed back
    into the attribute (the field's error message says what went wrong).
    """

    input_type = "date"

    def __init__(self, input_formats: tuple[str, ...] = ("%Y-%m-%d", "%d.%m.%Y"), **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)
        self.input_formats = input_formats

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, str):
            for input_format in self.input_formats:
                try:
                    value = dt.datetime.strptime(value.strip(), input_format).date()
                    break
                except ValueError:
                    continue
            else:
                return None
        return super().format_value(value)


class ListingFilterForm(forms.Form):
    """Base of every listing filter form: bound to ``request.GET``, applied field by field."""

    #: Rendered as the form's accessible name.
    legend = _("Filter")

    def __init__(
        self,
        data: QueryDict,
        *,
        locale: Locale,
        localizer: VocabularyLocalizer | None = None,
        **kwargs: Any,
    ) -> None:
        self.locale = locale
        self.localizer = localizer
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)

    def vocabulary_choices(
        self, model: type[models.Model], empty_label: str
    ) -> list[tuple[str, str]]:
        """``(slug, name)`` choices of a vocabulary in the listing's language.

        Slugs are the same in every language, so a filtered URL keeps working when the
        reader switches language. The rows come from the request's localizer when it
        speaks the listing's language: the listing shows the same terms, so they are read
        from the database once.
        """
        language = self.locale.language_code
        if self.localizer is not None and self.localizer.language_code == language:
            rows = sorted_by_name(self.localizer.rows(model).values(), language)
            return [("", empty_label), *((row.slug, row.name) for row in rows)]
        rows = model.objects.filter(locale=self.locale).values_list("slug", "name")
        ordered = sorted(rows, key=lambda row: collation_key(row[1], language))
        return [("", empty_label), *ordered]

    def filter(self, queryset: models.QuerySet) -> models.QuerySet:
        """``queryset`` narrowed by every valid field (invalid ones keep their error)."""
        self.is_valid()
        for name in self.errors:
            if name in self.fields:
                # Screen readers announce the message with the field it belongs to.
                error_id = f"{self[name].auto_id}-error"
                self.fields[name].widget.attrs["aria-describedby"] = error_id
        values = {name: value for name, value in self.cleaned_data.items() if value}
        return self.apply(queryset, values)

    def apply(self, queryset: models.QuerySet, values: dict[str, Any]) -> models.QuerySet:
        """Override: narrow ``queryset`` by the non-empty valid ``values``."""
        return queryset

    @property
    def cache_key(self) -> str:
        """What the rendered form depends on: its class, the reader's input, its choices.

        Rendering a form's widgets (one template per option) costs more than the listing's
        queries, and readers keep sending the same few queries, so the rendered form is
        cached under this key. The choices are part of it: they follow the vocabularies and
        the content (the years of the news listing) in the active language.
        """
        parts = [
            type(self).__module__,
            type(self).__qualname__,
            translation.get_language(),
            [(name, self.data.getlist(name)) for name in self.fields],
            [(name, getattr(field, "choices", None)) for name, field in self.fields.items()],
        ]
        return hashlib.sha256(repr(parts).encode()).hexdigest()

    @property
    def is_filtered(self) -> bool:
        return any(self.data.get(name) for name in self.fields)


def listing_queryset(
    plugin: ContentTypePlugin, queryset: models.QuerySet, *, prefetch: bool = True
) -> models.QuerySet:
    """Add the locale every page URL needs and (unless told not to) the card prefetches.

    Listings prefetch only for the cards they render (see :mod:`cms.site.cards`).
    """
    related = plugin.contribution(SiteContribution).listing_related
    queryset = queryset.select_related("locale")
    return queryset.prefetch_related(*related) if related and prefetch else queryset


def filter_listing(
    index_page: Page, request: HttpRequest, queryset: models.QuerySet
) -> tuple[models.QuerySet, ListingFilterForm | None]:
    """Apply the index's plugin filter form (if any) to ``queryset``."""
    plugin = registry.for_index_model(type(index_page))
    form_class = plugin.contribution(SiteContribution).filter_form if plugin else None
    if form_class is None:
        return queryset, None
    form = form_class(request.GET, locale=index_page.locale, localizer=localizer_for(request))
    return form.filter(queryset), form


def listing_context(index_page: Page, request: HttpRequest) -> dict[str, Any]:
    """Template context of a listing page: the filter form, one page of items, query string."""
    plugin = registry.for_index_model(type(index_page))
    queryset = index_page.get_listed_pages(request)
    if plugin is not None:
        queryset = listing_queryset(plugin, queryset, prefetch=False)
    queryset, form = filter_listing(index_page, request, queryset)
    listed_pages = index_page.paginate(request, queryset)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter_form": form,
        "listed_pages": listed_pages,
        "cards": ListingCards(plugin, list(listed_pages), request) if plugin else [],
        "query_string": query.urlencode(),
    }
