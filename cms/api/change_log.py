"""Logging public changes of content pages into :class:`ChangeEvent` rows.

The rule that keeps the feed leak-free: a page enters the feed ("published") only when it
is public, and every later event about it ("updated", "moved", "unpublished", "deleted")
is logged only while the feed still shows it as visible. A draft, a scheduled page, a
page under a view restriction or an unpublished translation therefore never appears, not
even as a tombstone.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from wagtail.models import Page

from cms.api import freshness, representations
from cms.api.models import ChangeEvent, PageState
from cms.plugins import registry
from cms.visibility import is_public

Kind = ChangeEvent.Kind


def type_key(page: Page) -> str | None:
    """The plugin key of ``page`` if it is a content page of a registered type."""
    plugin = registry.for_page_model(page.specific_class or type(page))
    if plugin is None:
        return None
    return plugin.key


def last_event(page_id: int) -> str | None:
    last = ChangeEvent.objects.filter(page_id=page_id).order_by("-id").first()
    return last.event if last is not None else None


def announced(page_id: int) -> bool:
    """Whether the feed currently shows the page as visible to partners."""
    return last_event(page_id) in ChangeEvent.VISIBLE


def current_txid() -> int:
    """The 64-bit id of the running transaction on PostgreSQL (0 elsewhere; see ChangeEvent)."""
    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_xact_id()::text::bigint")
        return cursor.fetchone()[0]


def log(page: Page, event: str, key: str, *, cascade: bool = True) -> ChangeEvent:
    """Append an event; with ``cascade``, also the ``updated`` events it causes elsewhere.

    The page's item digest is stored (or dropped) so later indirect changes are measured
    against what partners saw; its translations and the pages linking to it are checked
    for changed items (their ``translations`` maps and links show this page).
    """
    change = ChangeEvent.objects.create(
        event=event,
        page_id=page.pk,
        translation_key=page.translation_key,
        type=key,
        locale=page.locale.language_code,
        txid=current_txid(),
    )
    freshness.mark_changed()
    transaction.on_commit(lambda: notify(change))
    if cascade:
        if event in ChangeEvent.VISIBLE:
            representations.remember([page])
        else:
            PageState.objects.filter(page_id=page.pk).delete()
        refresh(representations.dependents(page))
    return change


def refresh(pages: Iterable[Page], *, cascade: bool = False) -> list[ChangeEvent]:
    """An ``updated`` event for each announced page of ``pages`` whose item changed.

    With ``cascade`` the pages that show those pages are checked too (a listing page's new
    slug changes its children's URLs, which their translations list).
    """
    candidates = [page for page in pages if type_key(page) and announced(page.pk)]
    logged = []
    for page in representations.changed(candidates):
        logged.append(log(page, Kind.UPDATED, type_key(page), cascade=False))
        if cascade:
            logged.extend(refresh(representations.dependents(page)))
    return logged


def notify(change: ChangeEvent) -> None:
    from cms.api.webhooks import dispatch

    dispatch(change)


def record_published(page: Page) -> ChangeEvent | None:
    """A page was published: new to partners, or an update of one they have."""
    key = type_key(page)
    if key is None:
        return None
    if not is_public(page):
        return record_withdrawn(page)
    return log(page, Kind.UPDATED if announced(page.pk) else Kind.PUBLISHED, key)


def record_withdrawn(page: Page) -> ChangeEvent | None:
    """A page stopped being public (unpublished, expired or restricted).

    An expiry comes through Wagtail's unpublish too: the scheduler runs at the expiry
    instant (cms.editorial.scheduler), so the event is logged when the page stops showing.
    """
    key = type_key(page)
    if key is None or not announced(page.pk):
        return None
    return log(page, Kind.UNPUBLISHED, key)


def record_deleted(page: Page) -> ChangeEvent | None:
    """A page the feed ever mentioned was deleted: the final tombstone.

    Deleting a live page first unpublishes it, so "deleted" usually follows "unpublished".
    """
    key = type_key(page)
    if key is None or last_event(page.pk) in (None, Kind.DELETED):
        return None
    return log(page, Kind.DELETED, key)


def record_moved(pages: Iterable[Page]) -> list[ChangeEvent]:
    """Pages whose URL changed because they (or an ancestor) moved."""
    changes = []
    for page in pages:
        key = type_key(page)
        if key is not None and announced(page.pk):
            changes.append(log(page, Kind.MOVED, key))
    return changes


def record_visibility(pages: Iterable[Page]) -> list[ChangeEvent]:
    """A view restriction was added or removed above ``pages``: re-check each one."""
    changes = []
    for page in pages:
        if type_key(page) is None:
            continue
        public, shown = is_public(page), announced(page.pk)
        change = None
        if public and not shown:
            change = record_published(page)
        elif shown and not public:
            change = record_withdrawn(page)
        if change is not None:
            changes.append(change)
    return changes


def remember_baseline(**_signal_arguments: object) -> int:
    """Store the digest of every announced page that has none, logging nothing.

    Pages announced before digests existed (or restored from a dump without them) would
    otherwise all count as changed at the next renamed term, and partners would get an
    ``updated`` for every page. Runs after ``migrate`` (every deploy), so the first
    comparison is made against what partners were served before it.
    """
    known = set(PageState.objects.values_list("page_id", flat=True))
    pages = [page for page in representations.all_content_pages() if page.pk not in known]
    # The last event of each page (ordered by id, so later ones overwrite earlier ones).
    last = dict(
        ChangeEvent.objects.filter(page_id__in=[page.pk for page in pages])
        .order_by("page_id", "id")
        .values_list("page_id", "event")
    )
    announced_pages = [page for page in pages if last.get(page.pk) in ChangeEvent.VISIBLE]
    representations.remember(announced_pages)
    return len(announced_pages)
