"""Purge the caching proxy (Varnish, or a CDN) when published content changes.

``WAGTAILFRONTENDCACHE`` (set in production when ``FRONTEND_CACHE_PURGE_URL`` is given) names
the proxy; this module decides *what* to purge and hands the URLs to
``wagtail.contrib.frontend_cache``'s task, on its own queue :data:`PURGE_QUEUE` so that a
purge never waits behind search indexing or webhooks (``make serve`` runs a worker for it).
One batch per change covers every public place where the page shows:

- the page itself (and, after a move, everything under its old path);
- its ancestors: the section's listing page and the language's home page;
- the section's feeds and calendars in the page's language, the site search and the sitemap;
- the partner API paths whose content changed: the type's list and item, the cross-type
  ``/pages/`` list and item, ``/search/`` and ``/changes/``.

A URL ending in ``*`` purges every path under that prefix (``scripts/stack/varnish.vcl``
turns each PURGE into a ban, so query-string variants go too). Vocabulary rows appear on
every page, so a change to one purges the whole site.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.plugins import registry

API_PREFIX = "/api/v1/"
#: The task queue of purges (``manage.py db_worker --queue-name frontend-cache``).
PURGE_QUEUE = "frontend-cache"


def _origin(page: Page) -> str | None:
    """``scheme://host[:port]`` of the site the page belongs to."""
    url = page.get_full_url()
    if url is None:
        return None
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def urls_for_page(page: Page, old_path: str | None = None) -> set[str]:
    """Every public URL whose content may change when ``page`` is (un)published or moved."""
    origin = _origin(page)
    if origin is None:
        return set()
    urls: set[str] = {f"{origin}/sitemap.xml"}
    page_url = page.get_full_url()
    urls.add(page_url)
    if old_path is not None:
        urls.add(f"{origin}{old_path}*")
    for ancestor in page.get_ancestors().filter(depth__gt=1):
        ancestor_url = ancestor.get_full_url()
        if ancestor_url:
            urls.add(ancestor_url)
    language = page.locale.language_code
    urls.add(f"{origin}/{language}/search/*")
    urls.add(f"{origin}{API_PREFIX}pages/")
    urls.add(f"{origin}{API_PREFIX}pages/{page.pk}")
    urls.add(f"{origin}{API_PREFIX}search/")
    urls.add(f"{origin}{API_PREFIX}changes/")
    model = page.specific_class or type(page)
    plugin = registry.for_page_model(model) or registry.for_index_model(model)
    if plugin is not None:
        urls.add(f"{origin}/{language}/feeds/{plugin.key}/*")
        urls.add(f"{origin}/{language}/calendar/{plugin.key}*")
        urls.add(f"{origin}{API_PREFIX}{plugin.key}/")
        urls.add(f"{origin}{API_PREFIX}{plugin.key}/{page.pk}")
    return urls


def proxy_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(urls: set[str]) -> None:
    """Queue the purge once the transaction that changed the content has committed."""
    if urls and proxy_configured():
        task = purge_urls_from_cache_task.using(queue_name=PURGE_QUEUE)
        transaction.on_commit(lambda: task.enqueue(sorted(urls)))


def on_published_or_unpublished(sender: type, instance: Page, **kwargs: Any) -> None:
    if proxy_configured():  # no queries spent on URLs nobody purges
        purge(urls_for_page(instance))


def on_moved(sender: type, instance: Page, url_path_before: str = "", **kwargs: Any) -> None:
    if proxy_configured():
        purge(urls_for_page(instance, old_path=old_public_path(instance, url_path_before)))


def old_public_path(page: Page, url_path_before: str) -> str | None:
    """The public path ``page`` had before its move (same language tree, so same prefix)."""
    home = Page.objects.ancestor_of(page, inclusive=True).filter(depth=2).first()
    url = page.get_full_url()
    if not url_path_before or home is None or url is None:
        return None
    path_now = urlsplit(url).path
    prefix = path_now.removesuffix(page.url_path.removeprefix(home.url_path))
    return prefix + url_path_before.removeprefix(home.url_path)


def on_vocabulary_changed(sender: type, **kwargs: Any) -> None:
    purge({f"{settings.BASE_URL}/*"})


def connect() -> None:
    from cms.vocabularies import catalogue

    page_published.connect(on_published_or_unpublished, dispatch_uid="frontend_cache_published")
    page_unpublished.connect(on_published_or_unpublished, dispatch_uid="frontend_cache_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="frontend_cache_moved")
    for signal in (post_save, post_delete):
        for model in catalogue.CATALOGUED_MODELS:
            signal.connect(
                on_vocabulary_changed,
                sender=model,
                dispatch_uid=f"frontend_cache_{model._meta.label}_{signal is post_save}",
            )
