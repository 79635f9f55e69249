"""Listing cards: each page's summary in a listing, rendered once per state and cached.

A card (title, dates, place, organiser, audiences...) is most of a listing's rendering time
and needs the page's many-to-many relations. A published page's card changes only when

* the page is published again or moved (``Page.cache_key``: id, URL path, publication time),
* a vocabulary row it names changes (the vocabulary catalogue's version stamp),
* its plugin's ``card_variant`` changes: state that moves with time (a training's lifecycle,
  an open grant call) or rows edited outside the page (a news item's image),
* or the reader's language or site differs,

so the rendered HTML is cached under a key made of exactly those. Relations are prefetched
only for the cards that are not in the cache; a warm listing reads none. Previews bypass the
cache. Cards are cached in the default cache, which every web process must share.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterator
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.context import make_context
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Site

from cms.site.site_contribution import SiteContribution
from cms.vocabularies.catalogue import current_version, prefetch_terms

if TYPE_CHECKING:
    from django.http import HttpRequest
    from wagtail.models import Page

    from cms.plugins import ContentTypePlugin

#: Cards also expire on their own, so a change no key component covers heals within a day.
CARD_TIMEOUT = 24 * 60 * 60
GENERIC_CARD_TEMPLATE = "cms/includes/card.html"


def card_key(
    plugin: ContentTypePlugin,
    page: Page,
    *,
    language: str,
    site_id: int | None,
    vocabulary_version: str,
    variant: Callable[[Page], Hashable] | None,
) -> str:
    """The cache key of ``page``'s card: changes whenever the card's content may change."""
    parts = [
        plugin.key,
        page.cache_key,
        language,
        site_id,
        vocabulary_version,
        variant(page) if variant else None,
    ]
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"site:card:{digest}"


class ListingCards:
    """The rendered cards of one page of a listing, in listing order."""

    def __init__(self, plugin: ContentTypePlugin, pages: list[Page], request: HttpRequest):
        self.plugin = plugin
        self.pages = pages
        self.request = request
        contribution = plugin.contribution(SiteContribution)
        self.template = contribution.card_template or GENERIC_CARD_TEMPLATE
        self.related = contribution.listing_related
        self.variant = contribution.card_variant
        self._cards: list[SafeString] | None = None

    def __iter__(self) -> Iterator[tuple[Page, SafeString]]:
        if self._cards is None:
            self._cards = self._render()
        return zip(self.pages, self._cards, strict=True)

    def __len__(self) -> int:
        return len(self.pages)

    def _render(self) -> list[SafeString]:
        if getattr(self.request, "is_preview", False):
            self._prefetch(self.pages)
            return self._render_each(self.pages)
        site = Site.find_for_request(self.request)
        version = current_version()
        language = translation.get_language()
        keys = [
            card_key(
                self.plugin,
                page,
                language=language,
                site_id=site.pk if site else None,
                vocabulary_version=version,
                variant=self.variant,
            )
            for page in self.pages
        ]
        cached = cache.get_many(keys)
        missing = [page for page, key in zip(self.pages, keys, strict=True) if key not in cached]
        self._prefetch(missing)
        rendered = dict(zip((page.pk for page in missing), self._render_each(missing), strict=True))
        cache.set_many(
            {
                key: rendered[page.pk]
                for page, key in zip(self.pages, keys, strict=True)
                if page.pk in rendered
            },
            CARD_TIMEOUT,
        )
        return [
            mark_safe(cached[key]) if key in cached else rendered[page.pk]
            for page, key in zip(self.pages, keys, strict=True)
        ]

    def _prefetch(self, pages: list[Page]) -> None:
        if pages and self.related:
            prefetch_related_objects(pages, *prefetch_terms(pages, self.related))

    def _render_each(self, pages: list[Page]) -> list[SafeString]:
        """Each page's card, rendered with one template object and one request context.

        ``render_to_string`` per card would look the template up and run every context
        processor again for each card; here they run once per listing, and each card is
        rendered in its own render state (``{% with %}``, ``{% cycle %}``, ...) with
        ``item`` pushed on top of the shared context.
        """
        if not pages:
            return []
        template = get_template(self.template).template
        context = make_context({}, self.request, autoescape=template.engine.autoescape)
        cards = []
        with context.bind_template(template):
            for page in pages:
                with context.push(item=page):
                    cards.append(template.render(context))
        return cards
