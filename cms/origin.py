"""The one public origin of every absolute URL the project hands out: ``settings.BASE_URL``.

Sitemaps, feeds, JSON-LD, iCalendar (URLs and UIDs), ``robots.txt``, canonical and
``hreflang`` links, the partner API and share links all build absolute URLs here, never
from the request's ``Host`` header (which differs between a proxy, ``localhost`` and
``127.0.0.1``) nor from the Wagtail ``Site`` record (which knows no port or scheme the
site is really served on). ``make run`` sets ``BASE_URL`` to the address it serves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings

if TYPE_CHECKING:
    from django.http import HttpRequest
    from wagtail.models import Page


def base_url() -> str:
    """``BASE_URL`` without a trailing slash, e.g. ``https://eduverkko.fi``."""
    return settings.BASE_URL.rstrip("/")


def origin_host() -> str:
    """The host name of ``BASE_URL`` (no port): the domain of iCalendar UIDs."""
    return urlsplit(base_url()).hostname or "localhost"


def absolute_url(path: str) -> str:
    """``path`` (``/fi/koulutukset/``) under ``BASE_URL``; URLs that already carry a scheme
    (media on object storage, external links) are returned unchanged."""
    if urlsplit(path).scheme:
        return path
    return f"{base_url()}/{path.lstrip('/')}"


def page_url(page: Page, request: HttpRequest | None = None) -> str:
    """The page's absolute public URL, or ``""`` for a page outside every site."""
    parts = page.get_url_parts(request)
    if parts is None:
        return ""
    _site_id, _root_url, path = parts
    return absolute_url(path)
