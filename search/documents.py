"""What of a page is searchable, read in the page's own language, for the lemma fields.

The lemma fields that :class:`cms.models.BasePage` declares (see
:data:`cms.models.LEMMA_FIELDS`) are computed here, when the base page asks through its
hook, from the page's *other* ``SearchField`` entries, including those inside
``RelatedFields`` (organisations, themes, audiences, region). Pages relate to the Finnish row of
a shared vocabulary; for the lemma text the row of the page's own locale is read instead, so a
Swedish page is found by the Swedish name of its theme.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import models
from modelsearch.index import RelatedFields, SearchField
from wagtail.models import TranslatableMixin

from cms.models import LEMMA_FIELDS, TITLE_LEMMA_FIELD
from search.text import index_text


def _as_text(value: Any) -> Iterator[str]:
    if value is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _as_text(item)
    else:
        yield str(value)


_translations: ContextVar[dict | None] = ContextVar("search_vocabulary_translations", default=None)
_lemmas: ContextVar[dict | None] = ContextVar("search_page_lemmas", default=None)


@contextmanager
def remembered_translations() -> Iterator[None]:
    """Read each vocabulary row's translation once, and analyse each page once, while
    indexing many pages.

    Thousands of pages share a few dozen terms: without this, every page reads its terms'
    translations again (one query per term and page). A backend reads a page's search
    fields once per index column (the SQLite backend: title, body and autocomplete), so
    the lemma fields, the costly ones, are kept per page too. Scoped to one batch, so a
    renamed term or an edited page is read afresh by the next one.
    """
    token = _translations.set({})
    lemma_token = _lemmas.set({})
    try:
        yield
    finally:
        _lemmas.reset(lemma_token)
        _translations.reset(token)


def _in_locale(obj: models.Model, locale) -> models.Model:
    if isinstance(obj, TranslatableMixin) and locale is not None and obj.locale_id != locale.pk:
        remembered = _translations.get()
        if remembered is None:
            return obj.get_translation_or_none(locale) or obj
        key = (type(obj), obj.pk, locale.pk)
        if key not in remembered:
            remembered[key] = obj.get_translation_or_none(locale) or obj
        return remembered[key]
    return obj


def _related_objects(value: Any) -> list[models.Model]:
    if value is None:
        return []
    if isinstance(value, models.Manager):
        return list(value.all())
    return [value]


def searchable_texts(obj: models.Model, fields: list, locale) -> Iterator[str]:
    """The text of ``fields`` of ``obj``, related vocabulary rows read in ``locale``."""
    for field in fields:
        if isinstance(field, RelatedFields):
            for related in _related_objects(field.get_value(obj)):
                yield from searchable_texts(_in_locale(related, locale), field.fields, locale)
        elif isinstance(field, SearchField) and field.field_name not in LEMMA_FIELDS:
            yield from _as_text(field.get_value(obj))


def page_language(page) -> str:
    return page.locale.language_code if page.locale_id else "fi"


def title_lemmas(page) -> str:
    """The base forms of the page title, indexed with the title's boost."""
    return index_text([page.title], page_language(page))


def body_lemmas(page) -> str:
    """The base forms and compound parts of all the page's searchable text but the title."""
    fields = [
        field
        for field in type(page).get_search_fields()
        if not (isinstance(field, SearchField) and field.field_name == "title")
    ]
    return index_text(searchable_texts(page, fields, page.locale), page_language(page))


def lemmas(page, field_name: str) -> str:
    """The value of the lemma field ``field_name`` of ``page`` (the base page asks by hook)."""
    remembered = _lemmas.get()
    key = (type(page), page.pk, field_name)
    if remembered is not None and page.pk is not None and key in remembered:
        return remembered[key]
    value = title_lemmas(page) if field_name == TITLE_LEMMA_FIELD else body_lemmas(page)
    if remembered is not None and page.pk is not None:
        remembered[key] = value
    return value
