"""Internal links in rich text point only at public pages.

Wagtail's page link handler writes the URL of any linked page that is live, including a
page under a view restriction or past its expiry, and ``page.localized`` skips only
drafts. Rich text on the site and in the API goes through this handler instead: a link to
a page that is not public (draft, scheduled, expired, restricted, deleted) loses its
``href`` and reads as plain text until the target is public.
"""

from __future__ import annotations

from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from cms.visibility import public_pages

#: An anchor without ``href``: Wagtail keeps the closing ``</a>``, so the text stays in
#: place but is neither a link nor focusable.
PLAIN_TEXT_ANCHOR = "<a>"


class PublicPageLinkHandler(PageLinkHandler):
    """Expands ``<a linktype="page" id="…">`` to the public page's URL, or to plain text."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        pages = cls.get_many(attrs_list)
        targets = {page.pk: page.localized for page in pages if page is not None}
        candidate_ids = {page.pk for page in pages if page is not None} | {
            target.pk for target in targets.values()
        }
        public_ids = set(
            public_pages(Page.objects.filter(pk__in=candidate_ids)).values_list("pk", flat=True)
        )
        tags = []
        for page in pages:
            if page is None:
                tags.append(PLAIN_TEXT_ANCHOR)
                continue
            target = targets[page.pk]
            if target.pk not in public_ids:
                target = page
            if target.pk not in public_ids:
                tags.append(PLAIN_TEXT_ANCHOR)
                continue
            tags.append(cls._anchor(target.url))
        return tags

    @staticmethod
    def _anchor(url: str | None) -> str:
        return f'<a href="{escape(url)}">' if url else PLAIN_TEXT_ANCHOR
