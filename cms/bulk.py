"""Publish many new pages under one parent in a handful of queries per batch.

Creating a page through treebeard (``add_child``, a revision, ``publish``) costs about 50 ms
and some 40 queries, so ten thousand pages would take minutes; benchmarks and imports need
them in seconds. :func:`publish_in_bulk` writes the same records the editor's path writes,
batch by batch:

- the ``wagtailcore_page`` rows with their tree fields (``path``, ``depth``, ``numchild``,
  ``url_path``) and live state, then the content type's own rows and its many-to-many rows;
- one revision each, holding ``serializable_data()`` as ``save_revision`` stores it, set as
  the latest and the live revision, and a ``wagtail.publish`` log entry;
- Wagtail's reference index (what the "usage" views and the API's dependents read);
- for a translation (``NewPage.source``), wagtail-localize's ``TranslatableObject``,
  ``TranslationSource`` and ``Translation`` records, as "Translate this page" leaves them
  (but not the source's string segments: "Sync translated pages" extracts those);
- what a publish tells partners (:mod:`cms.api.signals`): a ``published`` change event
  and the item's digest, an ``updated`` event and new digest for each announced
  translation whose item now lists the new page, and the freshness stamp;
- the entries of every search backend, written with the backends' own ``add_bulk`` (the
  pages' text analysed once per page, :func:`search.documents.remembered_translations`).

tests/core/test_bulk.py compares every one of these records with a page published the
editor's way. Pages are expected valid (the caller builds them); no signal is sent, so
nothing is queued for the workers.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connection, models, transaction
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from modelsearch.backends import get_search_backends
from modelsearch.index import RelatedFields
from wagtail.models import Locale, Page, PageLogEntry, ReferenceIndex, Revision
from wagtail_localize.models import (
    TranslatableObject,
    Translation,
    TranslationSource,
    get_schema_version,
)

from cms.api import freshness, representations
from cms.api.change_log import current_txid, type_key
from cms.api.models import ChangeEvent, PageState
from cms.visibility import public_pages
from search.documents import remembered_translations


@dataclass
class NewPage:
    """An unsaved specific page and the objects of its many-to-many relations by field name."""

    page: Page
    relations: dict[str, Sequence[models.Model]] = field(default_factory=dict)
    #: The live page this one translates: wagtail-localize's source and translation
    #: records are written, as its "Translate this page" would.
    source: Page | None = None


def _next_step(parent: Page) -> int:
    """The treebeard step number after the parent's last child (1 for the first child)."""
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
    last_path = last.order_by("-path").values_list("path", flat=True).first()
    if last_path is None:
        return 1
    return Page._str2int(last_path[-Page.steplen :]) + 1


def _prepare(parent: Page, pages: Sequence[Page], first_step: int, now) -> None:
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    plain_fields = [f for f in model._meta.concrete_fields if not f.is_relation]
    locales = Locale.objects.in_bulk()
    for offset, page in enumerate(pages):
        # As ``full_clean`` does on an editor's save: 90 becomes Decimal("90.00") and so on,
        # so that the revision stores what the editor's path would store.
        for plain in plain_fields:
            setattr(page, plain.attname, plain.to_python(getattr(page, plain.attname)))
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, first_step + offset)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale = locales[page.locale_id or parent.locale_id]  # read by events, search
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
        page.latest_revision_created_at = now


def _insert_rows(model: type[Page], pages: Sequence[Page]) -> None:
    """The base rows (ids returned), then the content type's own columns under those ids.

    Both inserts take the specific pages themselves (their attributes carry the base
    columns too), so no intermediate ``Page`` instance is built per row.
    """
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    pk = Page._meta.pk
    size = connection.ops.bulk_batch_size(base_fields, pages) or len(pages)
    for start in range(0, len(pages), size):
        chunk = pages[start : start + size]
        rows = Page._base_manager._insert(chunk, fields=base_fields, returning_fields=[pk])
        for page, (page_id,) in zip(chunk, rows, strict=True):
            page.pk = page.page_ptr_id = page_id
            page._state.adding = False
            page._state.db = DEFAULT_DB_ALIAS
    own_fields = model._meta.local_concrete_fields
    size = connection.ops.bulk_batch_size(own_fields, pages) or len(pages)
    for start in range(0, len(pages), size):
        model._base_manager._insert(pages[start : start + size], fields=own_fields)


def _insert_relations(model: type[Page], batch: Sequence[NewPage]) -> None:
    for relation in model._meta.many_to_many:
        through = relation.remote_field.through
        source = relation.m2m_field_name()
        target = relation.m2m_reverse_field_name()
        through.objects.bulk_create(
            through(**{f"{source}_id": item.page.pk, f"{target}_id": related.pk})
            for item in batch
            for related in item.relations.get(relation.name, ())
        )


def _publish_revisions(pages: Sequence[Page], now) -> list[Revision]:
    page_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=page.content_type,
            base_content_type=page_type,
            object_id=str(page.pk),
            created_at=now,
            content=page.serializable_data(),
            object_str=str(page),
        )
        for page in pages
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
    # One UPDATE reading each page's revision by the (base type, object id) index, where
    # bulk_update would compile a CASE of two branches per page and column.
    revision_id = Subquery(
        Revision.objects.filter(
            base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField())
        ).values("pk")[:1]
    )
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(
        latest_revision_id=revision_id, live_revision_id=revision_id
    )
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            content_type=page.content_type,
            label=page.get_admin_display_title(),
            action="wagtail.publish",
            timestamp=now,
            data={},
            page_id=page.pk,
            revision=revision,
            content_changed=True,
        )
        for page, revision in zip(pages, revisions, strict=True)
    )
    return revisions


def _index_references(pages: Sequence[Page]) -> None:
    if not ReferenceIndex.is_indexed(type(pages[0])):
        return
    content_type = pages[0].content_type
    page_type = ContentType.objects.get_for_model(Page)
    ReferenceIndex.objects.bulk_create(
        ReferenceIndex(
            content_type=content_type,
            base_content_type=page_type,
            object_id=str(page.pk),
            to_content_type_id=to_type,
            to_object_id=str(to_id),
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for page in pages
        for to_type, to_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        )
    )


def _tell_partners(model: type[Page], pages: Sequence[Page], now) -> None:
    """What ``page_published`` makes :mod:`cms.api.change_log` log, for pages new to partners:
    a ``published`` event and the item's digest for each public page, then an ``updated``
    event for each announced translation whose item now lists the new page."""
    key = type_key(pages[0])
    if key is None:
        return
    public_ids = set(
        public_pages(model.objects.filter(pk__in=[page.pk for page in pages])).values_list(
            "pk", flat=True
        )
    )
    public = [page for page in pages if page.pk in public_ids]
    txid = current_txid()
    ChangeEvent.objects.bulk_create(
        ChangeEvent(
            event=ChangeEvent.Kind.PUBLISHED,
            page_id=page.pk,
            translation_key=page.translation_key,
            type=key,
            locale=page.locale.language_code,
            txid=txid,
            at=now,
        )
        for page in public
    )
    PageState.objects.bulk_create(
        PageState(page_id=page_id, digest=digest, changed_at=now)
        for page_id, digest in representations.digests(public).items()
    )
    _refresh_translations(model, key, public, txid, now)


def _refresh_translations(model: type[Page], key: str, pages: Sequence[Page], txid, now) -> None:
    """``change_log.refresh`` of the new pages' translations, in a few queries per batch.

    A translation's item lists every live translation's URL, so an announced one (a stored
    digest) whose digest moved gets an ``updated`` event and its new digest.
    """
    others = list(
        model.objects.filter(translation_key__in=[page.translation_key for page in pages])
        .exclude(pk__in=[page.pk for page in pages])
        .select_related("locale")
    )
    stored = dict(
        PageState.objects.filter(page_id__in=[page.pk for page in others]).values_list(
            "page_id", "digest"
        )
    )
    announced = [page for page in others if page.pk in stored]
    current = representations.digests(announced)
    moved = [page for page in announced if current.get(page.pk, stored[page.pk]) != stored[page.pk]]
    if not moved:
        return
    ChangeEvent.objects.bulk_create(
        ChangeEvent(
            event=ChangeEvent.Kind.UPDATED,
            page_id=page.pk,
            translation_key=page.translation_key,
            type=key,
            locale=page.locale.language_code,
            txid=txid,
            at=now,
        )
        for page in moved
    )
    PageState.objects.filter(page_id__in=[page.pk for page in moved]).delete()
    PageState.objects.bulk_create(
        PageState(page_id=page.pk, digest=current[page.pk], changed_at=now) for page in moved
    )


def _record_translations(batch: Sequence[NewPage], now) -> None:
    """wagtail-localize's records of translated pages: the source's ``TranslatableObject``
    and ``TranslationSource`` (its content frozen as ``to_json`` would) once per source and
    locale, and one enabled ``Translation`` into each new page's locale."""
    translated = [item for item in batch if item.source is not None]
    if not translated:
        return
    sources = {
        (item.source.translation_key, item.source.locale_id): item.source for item in translated
    }
    object_type = ContentType.objects.get_for_model(Page)
    TranslatableObject.objects.bulk_create(
        [TranslatableObject(translation_key=key, content_type=object_type) for key, _ in sources],
        ignore_conflicts=True,
    )
    existing = {
        (row.object_id, row.locale_id): row
        for row in TranslationSource.objects.filter(object_id__in=[key for key, _ in sources])
    }
    missing = [source for found, source in sources.items() if found not in existing]
    if missing:
        schema_version = get_schema_version(missing[0]._meta.app_label)
        created = TranslationSource.objects.bulk_create(
            TranslationSource(
                object_id=source.translation_key,
                specific_content_type=ContentType.objects.get_for_model(source),
                locale_id=source.locale_id,
                object_repr=str(source)[:200],
                content_json=json.dumps(_content(source), cls=DjangoJSONEncoder),
                schema_version=schema_version,
                last_updated_at=now,
            )
            for source in missing
        )
        existing.update({(row.object_id, row.locale_id): row for row in created})
    Translation.objects.bulk_create(
        Translation(
            uuid=uuid.uuid5(item.source.translation_key, str(item.page.locale_id)),
            source=existing[(item.source.translation_key, item.source.locale_id)],
            target_locale_id=item.page.locale_id,
            enabled=True,
        )
        for item in translated
    )


def _content(page: Page) -> dict[str, Any]:
    """The page's serialised content: its live revision's when that is at hand."""
    if Page.live_revision.is_cached(page) and page.live_revision is not None:
        return page.live_revision.content
    return page.specific.serializable_data()


def _index_for_search(model: type[Page], pages: Sequence[Page]) -> None:
    """Each backend's entries, the related rows read once per batch (not once per page)."""
    queryset = model.get_indexed_objects().filter(pk__in=[page.pk for page in pages])
    for search_field in model.get_search_fields():
        if isinstance(search_field, RelatedFields):
            relation = model._meta.get_field(search_field.field_name)
            if relation.many_to_many:
                queryset = queryset.prefetch_related(search_field.field_name)
            else:
                queryset = queryset.select_related(search_field.field_name)
    with remembered_translations():
        indexed = list(queryset.select_related("locale"))
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, indexed)


def publish_in_bulk(
    parent: Page, new_pages: Sequence[NewPage], *, batch_size: int = 500, **options: Any
) -> list[Page]:
    """Create and publish ``new_pages`` (all of one model) as children of ``parent``.

    Each batch is one transaction. ``options`` may carry ``now`` (the publishing time,
    default: now) and ``progress`` (called with the size of each batch written).
    """
    if not new_pages:
        return []
    model = type(new_pages[0].page)
    if model._meta.get_parent_list() != [Page]:
        raise TypeError(f"{model.__name__} must inherit directly from Page (abstract bases only)")
    now = options.get("now") or timezone.now()
    progress = options.get("progress")
    written: list[Page] = []
    for start in range(0, len(new_pages), batch_size):
        batch = new_pages[start : start + batch_size]
        pages = [item.page for item in batch]
        with transaction.atomic():
            _prepare(parent, pages, _next_step(parent), now)
            for item in batch:
                # In memory, every relation (a new page's unnamed ones are empty): the
                # revision reads them all, and would query each one left unset.
                for relation in model._meta.many_to_many:
                    getattr(item.page, relation.name).set(item.relations.get(relation.name, ()))
            _insert_rows(model, pages)
            _insert_relations(model, batch)
            Page.objects.filter(pk=parent.pk).update(numchild=models.F("numchild") + len(pages))
            _publish_revisions(pages, now)
            _index_references(pages)
            _record_translations(batch, now)
            _tell_partners(model, pages, now)
            _index_for_search(model, pages)
        written.extend(pages)
        if progress is not None:
            progress(len(pages))
    parent.numchild += len(written)
    freshness.mark_changed()
    return written
