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
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
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


def prefetch_terms(instances: list[models.Model], lookups: Iterable[str]) -> list[str]:
    """Prefetch the many-to-many relations of ``instances`` to catalogued vocabularies.

    Django's ``prefetch_related_objects`` joins each vocabulary table, builds every related
    row again and compiles a filtered queryset per instance; those rows are in the catalogue
    already. Here one query per relation reads the link table (ordered as the vocabulary
    orders its rows) and the rows come from the catalogue; each instance's relation manager
    then answers ``.all()`` from its prefetch cache as after ``prefetch_related``.

    Returns the lookups this does not serve (nested lookups, relations to models that are
    not catalogued, instances of mixed models, a row the catalogue does not hold yet), for
    ``prefetch_related_objects``.
    """
    lookups = list(lookups)
    if not instances or len({type(instance) for instance in instances}) != 1:
        return lookups
    model = type(instances[0])
    keys = [instance.pk for instance in instances]
    remaining = []
    for lookup in lookups:
        links = _term_links(model, lookup, keys)
        if links is None:
            remaining.append(lookup)
            continue
        name = model._meta.get_field(lookup).name
        for instance in instances:
            queryset = getattr(instance, lookup).get_queryset()
            queryset._result_cache = links.get(instance.pk, [])
            queryset._prefetch_done = True
            instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset
    return remaining


def _term_links(
    model: type[models.Model], lookup: str, keys: list[Any]
) -> dict[Any, list[Any]] | None:
    """The catalogue rows each of ``keys`` links to through ``lookup``, or ``None``."""
    try:
        relation = model._meta.get_field(lookup)
    except FieldDoesNotExist:
        return None
    related = relation.related_model
    if not relation.many_to_many or relation.auto_created or related not in CATALOGUED_MODELS:
        return None
    through = relation.remote_field.through
    source = through._meta.get_field(relation.m2m_field_name()).attname
    target_name = relation.m2m_reverse_field_name()
    target = through._meta.get_field(target_name).attname
    ordering = [
        f"{'-' if name.startswith('-') else ''}{target_name}__{name.lstrip('-')}"
        for name in related._meta.ordering
    ]
    pairs = (
        through._default_manager.filter(**{f"{source}__in": keys})
        .order_by(*ordering, "pk")
        .values_list(source, target)
    )
    rows = catalogue(related).by_id
    links: dict[Any, list[Any]] = {}
    for key, term_id in pairs:
        if term_id not in rows:
            return None
        links.setdefault(key, []).append(rows[term_id])
    return links
