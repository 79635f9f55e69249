"""Keep every search backend current without making a save wait for the search engine.

A save or delete of an indexed object records a :class:`PendingIndexUpdate` in the same
transaction and enqueues :func:`search.tasks.sync_search_index`. The task applies the queue
to every configured backend, the database one first so that the fallback is always current;
if the engine is unreachable the rows stay queued and the task retries later.
This replaces modelsearch's own signal handlers, which would index once and, on an engine
error, only log it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save
from modelsearch import signal_handlers as modelsearch_handlers
from modelsearch.backends import get_search_backends_with_name
from modelsearch.index import get_indexed_instance, get_indexed_models

from search.engine import ENGINE_ERRORS, mark_engine_up
from search.models import PendingIndexUpdate

logger = logging.getLogger(__name__)
BATCH_SIZE = 200


_paused: ContextVar[bool] = ContextVar("search_index_updates_paused", default=False)


@contextmanager
def paused_index_updates() -> Iterator[None]:
    """Queue nothing while bulk-loading; run ``manage.py reindex`` afterwards."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


class EngineUnavailable(Exception):
    """The search engine did not take an update; the queued rows are kept for a retry."""


def queue_updates(model: type[models.Model], pks) -> None:
    """Record that these objects' search entries must be rewritten, then start the task."""
    from search.tasks import sync_search_index

    if _paused.get():
        return
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    for pk in pks:
        PendingIndexUpdate.objects.update_or_create(content_type=content_type, object_id=str(pk))
    sync_search_index.enqueue()


def _on_save(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        queue_updates(type(instance), [instance.pk])


def _on_delete(sender, instance, **kwargs) -> None:
    queue_updates(type(instance), [instance.pk])


def _on_relation_change(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    """Reindex after a many-to-many change: themes and audiences are written after the page
    row (modelcluster commits them after ``post_save``), so the save alone saw the old ones."""
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        queue_updates(type(instance), [instance.pk])
    elif pk_set:
        queue_updates(model, pk_set)


def _many_to_many_through_models(model: type[models.Model]) -> list[type[models.Model]]:
    return [
        field.remote_field.through
        for field in model._meta.get_fields()
        if field.many_to_many and not field.auto_created
    ]


def connect_signal_handlers() -> None:
    """Route index updates of every indexed model through the queue (and not modelsearch's)."""
    for model in get_indexed_models():
        if not getattr(model, "search_auto_update", True):
            continue
        label = model._meta.label_lower
        post_save.disconnect(modelsearch_handlers.post_save_signal_handler, sender=model)
        post_delete.disconnect(modelsearch_handlers.post_delete_signal_handler, sender=model)
        post_save.connect(_on_save, sender=model, dispatch_uid=f"search-save-{label}")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"search-delete-{label}")
        for through in _many_to_many_through_models(model):
            m2m_changed.connect(
                _on_relation_change,
                sender=through,
                dispatch_uid=f"search-m2m-{through._meta.label_lower}",
            )


def _split_backends() -> tuple[list, list]:
    """(database backends, external engines): engines are the backends modelsearch lets fail."""
    backends = [backend for _name, backend in get_search_backends_with_name()]
    database = [backend for backend in backends if not backend.catch_indexing_errors]
    engines = [backend for backend in backends if backend.catch_indexing_errors]
    return database, engines


def _resolve(update: PendingIndexUpdate) -> tuple[type[models.Model] | None, object, object]:
    """(model, object to index or None if it is gone or not indexed, its primary key)."""
    model = update.content_type.model_class()
    if model is None:
        return None, None, update.object_id
    instance = model._default_manager.filter(pk=update.object_id).first()
    indexed = get_indexed_instance(instance) if instance is not None else None
    return model, indexed, update.object_id


def _apply(backend, model, indexed, pk) -> None:
    if model is None:
        return
    if indexed is not None:
        backend.add(indexed)
    else:
        backend.delete(model(pk=pk))


def _record_failure(pks: list[int], error: Exception) -> None:
    PendingIndexUpdate.objects.filter(pk__in=pks).update(
        attempts=models.F("attempts") + 1, last_error=str(error)[:2000]
    )


def _apply_to_database(batch, database_backends, failed: set[int]) -> list[tuple]:
    """Write the batch to the database backends; return the (update, target) pairs written.

    An object whose search fields raise is logged, left queued and skipped, so that one
    broken page cannot hold up the index of every other page.
    """
    written = []
    for update in batch:
        try:
            target = _resolve(update)
            for backend in database_backends:
                _apply(backend, *target)
        except Exception as error:
            logger.exception("Could not index %s; it stays queued", update)
            _record_failure([update.pk], error)
            failed.add(update.pk)
        else:
            written.append((update, target))
    return written


def apply_pending_updates() -> int:
    """Apply every queued update to every backend; return how many were applied.

    Each batch goes to the database backend first, all of it, so that the fallback is
    current even while the engine is down. Raises :class:`EngineUnavailable` when the
    engine fails, with the rows it has not taken kept and their ``attempts`` counted.
    """
    database_backends, engines = _split_backends()
    applied = 0
    failed: set[int] = set()
    while True:
        queued = PendingIndexUpdate.objects.exclude(pk__in=failed).select_related("content_type")
        batch = list(queued[:BATCH_SIZE])
        if not batch:
            break
        written = _apply_to_database(batch, database_backends, failed)
        for position, (update, target) in enumerate(written):
            try:
                for backend in engines:
                    _apply(backend, *target)
            except ENGINE_ERRORS as error:
                # The rest of the batch waits for the same engine: count the attempt for all.
                _record_failure([row.pk for row, _target in written[position:]], error)
                raise EngineUnavailable(str(error)) from error
            # Delete only if nobody queued the object again while it was being indexed.
            PendingIndexUpdate.objects.filter(pk=update.pk, queued_at=update.queued_at).delete()
            applied += 1
    if applied and engines:
        mark_engine_up()
    return applied


def pending_count() -> int:
    return PendingIndexUpdate.objects.count()
