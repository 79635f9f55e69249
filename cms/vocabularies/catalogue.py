"""In-memory catalogues of the shared vocabularies, so showing related terms costs no queries.

Pages relate to the Finnish row of an organisation, theme or person; the site and the API
show the row of the reader's language. Looking each one up (``.localized``) would cost a
query per related object. The vocabularies are small (hundreds of rows) and change rarely, so each
process keeps every row of each vocabulary in memory, keyed by id and by
(translation key, locale), and reloads them when any vocabulary row or locale changes
anywhere (a version stamp in the shared cache, bumped by signal handlers).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale

from cms.vocabularies.models import Audience, Language, Organisation, Person, Region, Theme

VERSION_KEY = "vocabularies:catalogue-version"
#: Models whose rows pages show inline; a change to any of them reloads them all.
CATALOGUED_MODELS: tuple[type[models.Model], ...] = (
    Locale,
    Organisation,
    Person,
    Theme,
    Audience,
    Region,
    Language,
)


@dataclass
class Catalogue:
    """Every row of one model, by id and (for translatable models) by translation."""

    by_id: dict[int, Any] = field(default_factory=dict)
    by_translation: dict[tuple[uuid.UUID, int], Any] = field(default_factory=dict)

    @classmethod
    def of(cls, rows: list[Any]) -> Catalogue:
        catalogue = cls()
        for row in rows:
            catalogue.by_id[row.pk] = row
            if hasattr(row, "translation_key"):
                catalogue.by_translation[(row.translation_key, row.locale_id)] = row
        return catalogue

    def localized(self, pk: int | None, locale_id: int | None) -> Any | None:
        """The row ``pk`` in the locale ``locale_id`` if translated there, else ``pk`` itself."""
        row = self.by_id.get(pk) if pk is not None else None
        if row is None or locale_id is None or not hasattr(row, "translation_key"):
            return row
        return self.by_translation.get((row.translation_key, locale_id), row)


_loaded: dict[type[models.Model], tuple[str, Catalogue]] = {}


def current_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def invalidate(**_signal_kwargs: Any) -> None:
    """Make every process reload the catalogues on its next request (a signal receiver).

    The stamp changes again when the transaction commits: a process that reloaded in
    between read the rows as they were before the change.
    """
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None))


def connect() -> None:
    """Reload the catalogues whenever a catalogued row is saved or deleted."""
    for signal in (post_save, post_delete):
        for model in CATALOGUED_MODELS:
            signal.connect(
                invalidate,
                sender=model,
                dispatch_uid=f"vocabulary_catalogue_{model._meta.label}_{signal is post_save}",
            )


def catalogue(model: type[models.Model], version: str | None = None) -> Catalogue:
    """The catalogue of ``model``, loaded once per process per vocabulary version."""
    version = version or current_version()
    loaded = _loaded.get(model)
    if loaded is None or loaded[0] != version:
        loaded = (version, Catalogue.of(list(model._default_manager.all())))
        _loaded[model] = loaded
    return loaded[1]


def rows_in_language(model: type[models.Model], language_code: str) -> dict[uuid.UUID, Any]:
    """The rows of a translatable ``model`` in one language, by translation key."""
    locale = locale_id(language_code)
    return {
        key: row
        for (key, row_locale), row in catalogue(model).by_translation.items()
        if row_locale == locale
    }


def locale_id(language_code: str) -> int | None:
    for locale in catalogue(Locale).by_id.values():
        if locale.language_code == language_code:
            return locale.pk
    return None
