"""Expiring share links: a reviewer without an account sees the latest draft of one page.

The token is signed with the site's secret key and carries the page id, the instant the
link expires and the id of its :class:`~cms.editorial.models.ShareLink` row, so it cannot be
extended or pointed at another page, and an editor can list and revoke the links made for a
page. Links work for pages of any locale; the page is rendered in its own language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from cms.editorial.models import ShareLink

SALT = "cms.editorial.share"


class ShareLinkExpired(Exception):
    """The link was genuine but its validity has ended (or it was revoked)."""


@dataclass(frozen=True)
class SharePayload:
    page_id: int
    expires_at: dt.datetime
    link_id: int | None = None


def make_token(page_id: int, expires_at: dt.datetime, link_id: int | None = None) -> str:
    data = {"page": page_id, "until": int(expires_at.timestamp())}
    if link_id is not None:
        data["link"] = link_id
    return signing.dumps(data, salt=SALT)


def read_token(token: str, now: dt.datetime | None = None) -> SharePayload:
    """The page and expiry a token grants.

    Raises ``signing.BadSignature`` for a forged or damaged token, ``ShareLinkExpired`` late.
    """
    data = signing.loads(token, salt=SALT)
    try:
        payload = SharePayload(
            page_id=int(data["page"]),
            expires_at=dt.datetime.fromtimestamp(data["until"], dt.UTC),
            link_id=int(data["link"]) if "link" in data else None,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise signing.BadSignature("malformed share token") from error
    if (now or timezone.now()) >= payload.expires_at:
        raise ShareLinkExpired(payload.expires_at)
    if (
        payload.link_id is not None
        and not ShareLink.objects.filter(id=payload.link_id, revoked_at__isnull=True).exists()
    ):
        raise ShareLinkExpired(payload.expires_at)
    return payload


def link_path(link: ShareLink) -> str:
    """The link's path, with the page's language prefix (``/sv/_share/...`` for a Swedish
    page), so the reviewer's surroundings, error pages included, are in that language."""
    page = link.page
    with translation.override(page.locale.language_code):
        return reverse("editorial_share", args=[make_token(page.id, link.expires_at, link.id)])


def create_link(page: Page, days: int, user=None, now: dt.datetime | None = None) -> ShareLink:
    """A new link to ``page``'s latest draft, valid for ``days`` days."""
    expires_at = (now or timezone.now()) + dt.timedelta(days=days)
    return ShareLink.objects.create(page=page, created_by=user, expires_at=expires_at)
