"""Core hooks: the public-visibility rule applied to served pages and rich-text links, and
the site's listing (filter form, cards) filled into every listing page's context."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from wagtail import hooks
from wagtail.models import Page

from cms.models import LISTING_CONTEXT_HOOK
from cms.site.links import PublicPageLinkHandler
from cms.site.listing_pages import listing_context
from cms.visibility import in_window

hooks.register(LISTING_CONTEXT_HOOK, listing_context)


@hooks.register("before_serve_page")
def refuse_pages_outside_their_window(
    page: Page, request: HttpRequest, serve_args: Any, serve_kwargs: Any
) -> None:
    """An expired page the scheduler has not yet unpublished is already gone for readers.

    Wagtail routes to any live page; the publication window is part of the visibility rule
    (:mod:`cms.visibility`), so a page outside it answers 404 like a draft. View
    restrictions stay with Wagtail's own hook (password form, login redirect).
    """
    if not in_window(page):
        raise Http404


@hooks.register("register_rich_text_features", order=100)
def link_only_public_pages(features: Any) -> None:
    """Replace Wagtail's page link handler (registered earlier) with the public-only one."""
    features.register_link_type(PublicPageLinkHandler)
