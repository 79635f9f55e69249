"""Expiring share links: a reviewer without an account sees the latest draft of one page.

The token is signed with the site's secret key and carries the page id and the instant the
link expires, so it cannot be extended or pointed at another page, and no table is needed.
Links work for pages of any locale; the page is rendered in its own language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from cms.origin import absolute_url

SALT = "cms.editorial.share"


class ShareLinkExpired(Exception):
    """The link was genuine but its validity has ended."""


@dataclass(frozen=True)
class SharePayload:
    page_id: int
    expires_at: dt.datetime


def make_token(page_id: int, expires_at: dt.datetime) -> str:
    return signing.dumps({"page": page_id, "until": int(expires_at.timestamp())}, salt=SALT)


def read_token(token: str, now: dt.datetime | None = None) -> SharePayload:
    """The page and expiry a token grants.

    Raises ``signing.BadSignature`` for a forged or damaged token, ``ShareLinkExpired`` late.
    """
    data = signing.loads(token, salt=SALT)
    try:
        payload = SharePayload(
            page_id=int(data["page"]), expires_at=dt.datetime.fromtimestamp(data["until"], dt.UTC)
        )
    except (KeyError, TypeError, ValueError) as error:
        raise signing.BadSignature("malformed share token") from error
    if (now or timezone.now()) >= payload.expires_at:
        raise ShareLinkExpired(payload.expires_at)
    return payload


def share_url(page: Page, days: int, now: dt.datetime | None = None) -> tuple[str, dt.datetime]:
    """An absolute share URL valid for ``days`` days, with its expiry instant.

    The URL carries the page's language prefix (``/sv/_share/...`` for a Swedish page), so
    the reviewer's surroundings, error pages included, are in the page's language.
    """
    expires_at = (now or timezone.now()) + dt.timedelta(days=days)
    with translation.override(page.locale.language_code):
        path = reverse("editorial_share", args=[make_token(page.id, expires_at)])
    return absolute_url(path), expires_at
