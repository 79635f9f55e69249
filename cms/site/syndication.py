"""RSS 2.0 and Atom feeds per content type and language, and per topic.

``/<lang>/feeds/<key>/rss.xml`` and ``.../atom.xml``; ``/<lang>/feeds/<key>/<topic>/rss.xml``
for one topic (a :class:`~cms.vocabularies.models.Theme` slug). Any plugin that declares a
:class:`~cms.site.site_contribution.FeedContribution` gets feeds; the core names no content type.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.origin import absolute_url, page_url
from cms.plugins import ContentTypePlugin, registry
from cms.site.localization import active_home_page
from cms.site.site_contribution import FeedContribution, SiteContribution
from cms.untranslated import foreign_language_label, with_untranslated
from cms.visibility import public_pages, visible
from cms.vocabularies.models import Theme

if TYPE_CHECKING:
    from django.http import HttpRequest

ITEMS_PER_FEED = 30


@dataclass(frozen=True)
class FeedItem:
    """One entry, resolved while the request is at hand (feed views are shared instances)."""

    title: str
    link: str
    description: str
    published: dt.datetime | None
    updated: dt.datetime | None


@dataclass(frozen=True)
class FeedSource:
    """What one feed request is about: a content type, a language and maybe a topic."""

    plugin: ContentTypePlugin
    spec: FeedContribution
    locale: Locale
    topic: Theme | None
    request: HttpRequest


def feed_plugins() -> list[ContentTypePlugin]:
    """Plugins with feeds, for the links in page heads and footers."""
    return [plugin for plugin in registry if plugin.contribution(SiteContribution).feed is not None]


def _feed_title(page, locale: Locale) -> str:
    """The item title; an untranslated page says its language ("… (på finska)")."""
    if page.locale_id == locale.pk:
        return page.title
    note = foreign_language_label(page.locale.language_code, locale.language_code)
    return f"{page.title} ({note})"


class PageFeed(Feed):
    """RSS 2.0 feed of one content type in the active language (optionally one topic)."""

    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, key: str, topic: str | None = None) -> FeedSource:
        plugin = registry.find(key)
        spec = plugin.contribution(SiteContribution).feed if plugin else None
        if plugin is None or spec is None:
            raise Http404("No feed for this content type.")
        locale = Locale.get_active()
        theme = None
        if topic is not None:
            if plugin.theme_field is None:
                raise Http404("This content type has no topic feeds.")
            theme = Theme.objects.filter(locale=locale, slug=topic).first()
            if theme is None:
                raise Http404("No such topic.")
        return FeedSource(plugin, spec, locale, theme, request)

    def title(self, source: FeedSource) -> str:
        home = active_home_page(source.request)
        parts = [str(source.plugin.verbose_name_plural).capitalize()]
        if source.topic is not None:
            parts.append(source.topic.name)
        if home is not None:
            parts.append(home.title)
        return " – ".join(parts)

    def link(self, source: FeedSource) -> str:
        index = public_pages(source.plugin.index_model.objects.filter(locale=source.locale)).first()
        page = index or active_home_page(source.request)
        return page_url(page, source.request) if page is not None else absolute_url("/")

    def feed_url(self, source: FeedSource) -> str:
        """The feed's own address (Atom ``rel="self"`` and ``<id>``), under ``BASE_URL``."""
        return absolute_url(source.request.path)

    def feed_guid(self, source: FeedSource) -> str:
        return self.feed_url(source)

    def author_name(self, source: FeedSource) -> str:
        """The site as the feed's author (RFC 4287 §4.1.1 requires an Atom author)."""
        home = active_home_page(source.request)
        return home.title if home is not None else settings.WAGTAIL_SITE_NAME

    def author_link(self, source: FeedSource) -> str:
        home = active_home_page(source.request)
        return page_url(home, source.request) if home is not None else absolute_url("/")

    def description(self, source: FeedSource) -> str:
        """The plugin's own wording (``FeedContribution.subtitle``: Swedish needs the
        definite plural, "De senaste nyheterna"), else a form that fits any noun."""
        if source.spec.subtitle:
            return str(source.spec.subtitle)
        return _("Recently published: %(things)s.") % {"things": source.plugin.verbose_name_plural}

    subtitle = description

    def items(self, source: FeedSource) -> list[FeedItem]:
        own = visible(source.plugin.page_model.objects.filter(locale=source.locale), source.request)
        queryset = (
            with_untranslated(own, source.plugin, source.locale, source.request)
            .select_related("locale")
            .order_by(*source.plugin.newest_first)
        )
        if source.topic is not None:
            queryset = queryset.filter(**{f"{source.plugin.theme_field}__slug": source.topic.slug})
        return [
            FeedItem(
                title=_feed_title(page, source.locale),
                link=page_url(page, source.request),
                description=source.spec.describe(page),
                published=source.spec.published(source.plugin, page),
                updated=page.last_published_at,
            )
            for page in queryset[:ITEMS_PER_FEED]
        ]

    def item_title(self, item: FeedItem) -> str:
        return item.title

    def item_description(self, item: FeedItem) -> str:
        # RSS descriptions and Atom summaries are HTML; a lead is plain text, so "<" and
        # "&" in it are escaped to show as typed rather than be read as markup.
        return escape(item.description)

    def item_link(self, item: FeedItem) -> str:
        return item.link

    def item_guid(self, item: FeedItem) -> str:
        return item.link

    def item_pubdate(self, item: FeedItem) -> dt.datetime | None:
        return item.published

    def item_updateddate(self, item: FeedItem) -> dt.datetime | None:
        return item.updated


class AtomPageFeed(PageFeed):
    feed_type = Atom1Feed
