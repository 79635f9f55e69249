"""What a page's ``<head>`` tells machines: canonical URL, alternates, description, sharing.

Search engines get one canonical URL per page under ``BASE_URL``. A listing's first page
is canonical and carries the ``hreflang`` alternates (with ``x-default``, the Finnish
version, as in the sitemap); its further pages are canonical to themselves without
alternates (their items differ per language); a filtered listing points at the unfiltered
one and asks not to be indexed, so the endless filter combinations stay out of the index.
Views that are not pages (search) are canonical without their query string.

Open Graph and Twitter card tags reuse the page's JSON-LD (title, image, dates), so
social media previews and rich results say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import cache
from django.utils.html import strip_tags
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from wagtail.models import Page

from cms.origin import absolute_url, page_url
from cms.site.localization import active_home_page
from cms.site.navigation import language_links
from cms.site.structured_data import json_ld_script, structured_data_for
from cms.site.text import plain_text

if TYPE_CHECKING:
    from django.http import HttpRequest

DESCRIPTION_LENGTH = 160
HOME_DESCRIPTION_SECONDS = 24 * 60 * 60
#: Open Graph locales: Swedish here is Finland Swedish.
OG_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
ARTICLE_TYPES = {"Article", "NewsArticle", "BlogPosting"}


@dataclass
class Head:
    """Everything the base template prints into ``<head>`` besides the title and assets."""

    description: str = ""
    canonical: str = ""
    robots: str = ""
    alternates: list[tuple[str, str]] = field(default_factory=list)
    properties: list[tuple[str, str]] = field(default_factory=list)
    names: list[tuple[str, str]] = field(default_factory=list)
    json_ld: SafeString = field(default_factory=SafeString)


def own_description(page: Page) -> str:
    """The page's summary: search description, lead or introduction, as one short line."""
    text = (
        page.search_description
        or getattr(page, "lead", "")
        or plain_text(str(getattr(page, "intro", "") or ""))
    )
    return Truncator(" ".join(strip_tags(text).split())).chars(DESCRIPTION_LENGTH)


def description_of(page: Page | None, request: HttpRequest) -> str:
    """The page's own summary, else the home page's (cached: reading the home page's
    introduction costs a query, and listings keep a constant, small query count)."""
    if isinstance(page, Page):
        text = own_description(page)
        if text:
            return text
    home = active_home_page(request)
    if home is None:
        return ""
    published = home.last_published_at.timestamp() if home.last_published_at else 0
    key = f"home-description:{home.pk}:{published}"
    return cache.get_or_set(key, lambda: own_description(home.specific), HOME_DESCRIPTION_SECONDS)


def _image_url(data: dict[str, Any] | None) -> str:
    image = (data or {}).get("image")
    if isinstance(image, list):
        image = image[0] if image else None
    if isinstance(image, dict):
        return image.get("url", "")
    return image or ""


def page_head(context: Any, page: Page | None) -> Head:
    request: HttpRequest = context["request"]
    head = Head(description=description_of(page, request))
    if not isinstance(page, Page):
        head.canonical = absolute_url(request.path)
        if request.GET:
            head.robots = "noindex, follow"
        return head
    base = page_url(page, request)
    form = context.get("filter_form")
    listed = context.get("listed_pages")
    if form is not None and form.is_filtered:
        head.canonical, head.robots = base, "noindex, follow"
    elif listed is not None and getattr(listed, "number", 1) > 1:
        head.canonical = f"{base}?page={listed.number}"
    else:
        head.canonical = base
        links = [link for link in language_links(page, request) if link.is_translation]
        head.alternates = [(link.language_code, link.absolute_url) for link in links]
        default = dict(head.alternates).get(settings.LANGUAGE_CODE)
        if default:
            head.alternates.append(("x-default", default))
    data = structured_data_for(page, request)
    head.json_ld = json_ld_script(data)
    head.properties, head.names = sharing_tags(page, request, head, data)
    return head


def sharing_tags(
    page: Page, request: HttpRequest, head: Head, data: dict[str, Any] | None
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Open Graph ``property`` tags and Twitter card ``name`` tags."""
    language = page.locale.language_code
    home = active_home_page(request)
    types = (data or {}).get("@type", [])
    types = {types} if isinstance(types, str) else set(types)
    is_article = bool(types & ARTICLE_TYPES)
    title = page.seo_title or page.title
    properties = [
        ("og:type", "article" if is_article else "website"),
        ("og:title", title),
        ("og:url", head.canonical),
        ("og:locale", OG_LOCALES.get(language, language)),
    ]
    properties += [
        ("og:locale:alternate", OG_LOCALES.get(code, code))
        for code, _url in head.alternates
        if code not in (language, "x-default")
    ]
    if home is not None:
        properties.append(("og:site_name", home.title))
    if head.description:
        properties.append(("og:description", head.description))
    image = _image_url(data)
    if image:
        properties.append(("og:image", image))
    if is_article and data:
        for key, tag in (("datePublished", "published_time"), ("dateModified", "modified_time")):
            if data.get(key):
                properties.append((f"article:{tag}", data[key]))
    names = [
        ("twitter:card", "summary_large_image" if image else "summary"),
        ("twitter:title", title),
    ]
    if head.description:
        names.append(("twitter:description", head.description))
    if image:
        names.append(("twitter:image", image))
    return properties, names
