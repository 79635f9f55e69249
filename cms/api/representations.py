"""Which pages' API items changed, whatever caused it, so the feed can say ``updated``.

A page's item shows more than the page: vocabulary names (a renamed region, a deleted
theme), its translations' URLs (a new or withdrawn translation), its URL (a listing page's
new slug) and other pages' titles (``related_pages``). None of these publishes the page.
:class:`cms.api.models.PageState` keeps a digest of each announced page's item; after such
a change the candidates are serialised again and every page whose digest moved gets an
``updated`` event, and ``updated_since`` finds it from then on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex

from cms.api.api_contribution import ApiContribution
from cms.api.models import PageState
from cms.api.serialisation import load_context, serialise_page
from cms.plugins import registry
from cms.visibility import public_pages


class _BaseUrlRequest(HttpRequest):
    """A request for the public origin, so absolute URLs come out as partners get them."""

    def __init__(self) -> None:
        super().__init__()
        origin = urlsplit(settings.BASE_URL)
        self._origin_host = origin.netloc
        self._origin_scheme = origin.scheme or "https"
        self.method = "GET"
        self.path = self.path_info = "/"

    def get_host(self) -> str:
        return self._origin_host

    def _get_scheme(self) -> str:
        return self._origin_scheme


def digests(pages: Iterable[Page]) -> dict[int, str]:
    """The digest of each public content page's item (as ``/api/v1/<type>/<id>`` shows it)."""
    by_model: dict[type, list[int]] = {}
    for page in pages:
        model = page.specific_class
        if model is not None and registry.for_page_model(model) is not None:
            by_model.setdefault(model, []).append(page.pk)
    request = _BaseUrlRequest()
    result = {}
    for model, ids in by_model.items():
        plugin = registry.for_page_model(model)
        if plugin is None or plugin.page_model is not model:
            continue
        fields = plugin.contribution(ApiContribution).fields
        prefetch = [name for field in fields for name in field.prefetch()]
        rows = list(public_pages(model.objects.filter(pk__in=ids)).prefetch_related(*prefetch))
        context = load_context(request, rows, fields, None)
        for row in rows:
            item = serialise_page(row, plugin.key, fields, context)
            text = json.dumps(item, cls=DjangoJSONEncoder, sort_keys=True)
            result[row.pk] = hashlib.sha256(text.encode()).hexdigest()
    return result


def remember(pages: Iterable[Page]) -> None:
    """Store the current digest of ``pages`` (after an event that already told partners)."""
    now = timezone.now()
    for page_id, digest in digests(pages).items():
        PageState.objects.update_or_create(
            page_id=page_id, defaults={"digest": digest, "changed_at": now}
        )


def changed(pages: Iterable[Page]) -> list[Page]:
    """Those of ``pages`` whose item differs from the stored digest (the digest is updated).

    A page without a stored digest (announced before digests existed) gets one, and counts
    as changed: an extra ``updated`` is harmless, a missed one is not.
    """
    pages = {page.pk: page for page in pages}
    current = digests(pages.values())
    stored = dict(
        PageState.objects.filter(page_id__in=list(current)).values_list("page_id", "digest")
    )
    now = timezone.now()
    moved = []
    for page_id, digest in current.items():
        if stored.get(page_id) == digest:
            continue
        PageState.objects.update_or_create(
            page_id=page_id, defaults={"digest": digest, "changed_at": now}
        )
        moved.append(pages[page_id])
    return moved


def dependents(page: Page) -> list[Page]:
    """Pages whose items show something of ``page``: its translations and its referrers.

    Translations list each other's URLs; referrers (``related_pages``, page links in
    bodies) show its title and URL, found through Wagtail's reference index.
    """
    page_type = ContentType.objects.get_for_model(Page)
    referrer_ids = [
        int(pk)
        for pk in ReferenceIndex.get_references_to(page)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        if pk.isdigit()
    ]
    # A referrer's translations show the same link (related pages are synchronised).
    referrer_keys = Page.objects.filter(pk__in=referrer_ids).values("translation_key")
    return list(
        Page.objects.filter(
            Q(translation_key=page.translation_key) | Q(translation_key__in=referrer_keys)
        ).exclude(pk=page.pk)
    )


def content_pages_below(page: Page) -> list[Page]:
    """Public content pages at or below ``page`` (whose URLs follow its slug)."""
    content_types = ContentType.objects.get_for_models(*registry.page_models()).values()
    below = Page.objects.descendant_of(page, inclusive=True)
    return list(public_pages(below.filter(content_type__in=list(content_types))))


def all_content_pages() -> list[Page]:
    """Every public content page: the candidates after a vocabulary row changed."""
    content_types = ContentType.objects.get_for_models(*registry.page_models()).values()
    return list(public_pages(Page.objects.filter(content_type__in=list(content_types))))
