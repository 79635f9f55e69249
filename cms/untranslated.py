"""Untranslated pages in the other languages: a layer over the visibility rule, not a new one.

A Finnish grant call with no Swedish version must not vanish for a Swedish reader. A plugin
that declares ``show_untranslated=True`` has, in every other language, its own pages of that
language plus the *source-language* pages (Finnish, ``LANGUAGE_CODE``) that are visible and
have no visible translation in the reader's language. Both halves are computed with
:func:`cms.visibility.visible`, so whatever rule decides "visible to the public" decides
here too; this module only decides which language's pages a channel lists. Every channel
(listings, home page, feeds, search, API) calls :func:`with_untranslated` and marks such
pages with their language (:func:`foreign_language_label`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext_lazy

from cms.visibility import visible

if TYPE_CHECKING:
    from django.http import HttpRequest
    from wagtail.models import Locale, Page

    from cms.plugins import ContentTypePlugin


def source_language() -> str:
    """The language every page is written in first (Finnish)."""
    return settings.LANGUAGE_CODE


def untranslated_sources(
    model: type[Page],
    language: str,
    request: HttpRequest | None = None,
    *,
    public: Callable[[QuerySet], QuerySet] | None = None,
) -> QuerySet:
    """Visible source-language pages of ``model`` without a visible translation in ``language``.

    ``public`` applies the visibility rule, :func:`cms.visibility.visible` by default. Search
    passes the same rule as read once for the whole search
    (:meth:`cms.visibility.IndexVisibility.apply`): its plain filters cost one pass over the
    pages, whereas the view-restriction subquery of ``visible``, planned as a nested loop
    that scans the page table again for every candidate row, took 0.2 s for the news of
    1,000 trainings and grows with the square of the pages.
    """
    if language == source_language():
        return model.objects.none()
    public = public or (lambda queryset: visible(queryset, request))
    translated = public(model.objects.filter(locale__language_code=language))
    sources = public(model.objects.filter(locale__language_code=source_language()))
    return sources.exclude(translation_key__in=translated.values("translation_key"))


def with_untranslated(
    queryset: QuerySet,
    plugin: ContentTypePlugin | None,
    locale: Locale,
    request: HttpRequest | None = None,
) -> QuerySet:
    """``queryset`` (visible pages of ``locale``) plus the section's untranslated sources.

    Unchanged when the plugin does not declare ``show_untranslated`` or ``locale`` is the
    source language. The result is a queryset of ``plugin.page_model`` in one SQL statement
    (two subqueries), so a listing's query count does not grow.
    """
    if plugin is None or not plugin.show_untranslated:
        return queryset
    if locale.language_code == source_language():
        return queryset
    model = plugin.page_model
    extra = untranslated_sources(model, locale.language_code, request)
    own = queryset.model.objects.filter(pk__in=queryset.values("pk"))
    return model.objects.filter(Q(pk__in=own.values("pk")) | Q(pk__in=extra.values("pk")))


def is_foreign(page: Page, language: str | None = None) -> bool:
    """Whether ``page`` is in another language than ``language`` (default: the active one)."""
    language = language or translation.get_language()
    return page.locale.language_code != language


#: The note that marks a page shown to readers of another language, by the page's language.
LANGUAGE_NOTES = {
    "fi": gettext_lazy("in Finnish"),
    "sv": gettext_lazy("in Swedish"),
    "en": gettext_lazy("in English"),
}


def foreign_language_label(page_language: str, reader_language: str | None = None) -> str:
    """ "in Finnish" / "på finska": the note, in the reader's language, on an untranslated page."""
    reader_language = reader_language or translation.get_language()
    note = LANGUAGE_NOTES.get(page_language)
    if note is None:
        return page_language
    with translation.override(reader_language):
        return str(note)
