"""Signal receivers that feed the change log and the freshness stamp."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms.api import change_log, freshness, representations
from cms.api.access import forget_key
from cms.api.models import PartnerKey
from cms.api.tasks import REFRESH_PENDING_KEY, REFRESH_PENDING_SECONDS, refresh_all_items
from cms.vocabularies import catalogue


def on_published(sender: type, instance: Page, **kwargs: Any) -> None:
    change_log.record_published(instance)


def on_unpublished(sender: type, instance: Page, **kwargs: Any) -> None:
    change_log.record_withdrawn(instance)


#: Set on a page's base row before deletion: the ids of the pages that show it.
SHOWN_BY = "_partner_api_shown_by"


def on_deleting(sender: type, instance: Any, **kwargs: Any) -> None:
    """Note who shows the page while the reference index still says so.

    Deleting a page removes the reference index rows that point at it, so after the
    deletion its referrers (``related_pages``, links) can no longer be found.
    """
    if sender is Page:
        setattr(instance, SHOWN_BY, [page.pk for page in representations.dependents(instance)])


def on_deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    if not isinstance(instance, Page):
        return
    if sender is Page:
        # The base row goes last: only now has the page left every query, so only now
        # do its translations' maps (and its referrers' links) show it gone.
        shown_by = getattr(instance, SHOWN_BY, [])
        change_log.refresh(Page.objects.filter(pk__in=shown_by))
    elif change_log.type_key(instance) == _key_of(sender):
        change_log.record_deleted(instance)


def _key_of(model: type) -> str | None:
    """The plugin key if ``model`` is exactly a registered content page model."""
    from cms.plugins import registry

    plugin = registry.for_page_model(model)
    return plugin.key if plugin is not None and plugin.page_model is model else None


def on_moved(sender: type, instance: Page, **kwargs: Any) -> None:
    change_log.record_moved(Page.objects.descendant_of(instance, inclusive=True).specific())


def on_slug_changed(sender: type, instance: Page, **kwargs: Any) -> None:
    """A page's new slug changes the URL of every content page below it."""
    change_log.refresh(representations.content_pages_below(instance), cascade=True)


def on_vocabulary_changed(sender: type, **kwargs: Any) -> None:
    """A renamed or deleted term changes the items that show it (in the background)."""
    freshness.mark_changed()
    if kwargs.get("raw"):
        return
    catalogue.invalidate()
    # One pending refresh covers any number of edits (a bulk import saves hundreds of rows).
    if cache.add(REFRESH_PENDING_KEY, True, timeout=REFRESH_PENDING_SECONDS):
        refresh_all_items.enqueue()


def on_restriction_changed(sender: type, instance: PageViewRestriction, **kwargs: Any) -> None:
    freshness.mark_changed()
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        change_log.record_visibility(
            Page.objects.descendant_of(page, inclusive=True).live().specific()
        )


def connect() -> None:
    page_published.connect(on_published, dispatch_uid="partner_api_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="partner_api_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="partner_api_moved")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="partner_api_slug_changed")
    pre_delete.connect(on_deleting, sender=Page, dispatch_uid="partner_api_deleting")
    post_delete.connect(on_deleted, dispatch_uid="partner_api_deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            forget_key, sender=PartnerKey, dispatch_uid=f"partner_api_key_{signal is post_save}"
        )
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"partner_api_restriction_{signal is post_save}",
        )
        for model in catalogue.CATALOGUED_MODELS:
            signal.connect(
                on_vocabulary_changed,
                sender=model,
                dispatch_uid=f"partner_api_fresh_{model._meta.label}_{signal is post_save}",
            )
