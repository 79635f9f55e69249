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
- what a publish tells partners (:mod:`cms.api.signals`): a ``published`` change event
  and the item's digest, and the freshness stamp;
- the entries of every search backend, written with the backends' own ``add_bulk``.

tests/core/test_bulk.py compares every one of these records with a page published the
editor's way. Pages are expected valid (the caller builds them); no signal is sent, so
nothing is queued for the workers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from modelsearch.backends import get_search_backends
from modelsearch.index import RelatedFields
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

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
        page.locale_id = page.locale_id or parent.locale_id
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
        page.latest_revision_created_at = now


def _insert_rows(model: type[Page], pages: Sequence[Page]) -> None:
    """The base rows (ids returned), then the content type's own columns under those ids."""
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    bases = Page.objects.bulk_create(
        [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
    )
    for page, base in zip(pages, bases, strict=True):
        page.pk = page.page_ptr_id = base.pk
        page._state.adding = False
    model.objects._insert(pages, fields=model._meta.local_concrete_fields)


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
    Page.objects.bulk_update(
        [Page(pk=page.pk, latest_revision=revision, live_revision=revision)
         for page, revision in zip(pages, revisions, strict=True)],
        ["latest_revision", "live_revision"],
    )  # fmt: skip
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
    """What ``page_published`` makes :mod:`cms.api.change_log` log, for pages new to partners."""
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
                for name, related in item.relations.items():
                    getattr(item.page, name).set(related)  # in memory: read by the revision
            _insert_rows(model, pages)
            _insert_relations(model, batch)
            Page.objects.filter(pk=parent.pk).update(numchild=models.F("numchild") + len(pages))
            _publish_revisions(pages, now)
            _index_references(pages)
            _tell_partners(model, pages, now)
            _index_for_search(model, pages)
        written.extend(pages)
        if progress is not None:
            progress(len(pages))
    parent.numchild += len(written)
    freshness.mark_changed()
    return written
