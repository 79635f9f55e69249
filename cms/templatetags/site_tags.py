"""Template tags of the public site: navigation, languages, dates, feeds, JSON-LD."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.db import models
from django.template.defaultfilters import floatformat
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Page

from cms.plugins import registry
from cms.site import head, navigation
from cms.site.localization import active_home_page, localizer_for
from cms.site.site_contribution import SiteContribution
from cms.site.syndication import feed_plugins
from cms.untranslated import foreign_language_label, is_foreign

register = template.Library()


@register.simple_tag(takes_context=True)
def main_navigation(context: template.Context) -> list:
    return navigation.main_navigation(context["request"])


@register.simple_tag(takes_context=True)
def breadcrumbs(context: template.Context, page) -> list:
    return navigation.breadcrumbs(page, context["request"]) if isinstance(page, Page) else []


@register.simple_tag(takes_context=True)
def language_links(context: template.Context, page=None) -> list[navigation.LanguageLink]:
    return navigation.language_links(page, context["request"])


@register.simple_tag(takes_context=True)
def home_page(context: template.Context):
    return active_home_page(context["request"])


@register.simple_tag(takes_context=True)
def localized(context: template.Context, term: models.Model | None) -> models.Model | str:
    """A vocabulary term in the reader's language (one query per vocabulary and request).

    ``{% localized term %}`` prints its name; ``{% localized term as row %}`` gives the row.
    """
    row = localizer_for(context.get("request"))(term)
    return "" if row is None else row


@register.simple_tag
def period(starts_at: dt.datetime, ends_at: dt.datetime | None = None) -> str:
    """``22.10.2018 klo 9.00–16.00``, or both dates when the period spans days."""
    start = timezone.localtime(starts_at)
    text = date_format(start, "DATETIME_FORMAT")
    if ends_at is None:
        return text
    end = timezone.localtime(ends_at)
    if end.date() == start.date():
        return f"{text}–{date_format(end, 'TIME_FORMAT')}"
    return f"{text} – {date_format(end, 'DATETIME_FORMAT')}"


#: URL names the site search page may have (the search app's, or a plain one).
SEARCH_URL_NAMES = ("search:page", "search")


@register.simple_tag
def search_url() -> str:
    """The site search page's URL, or ``""`` while no installed app provides one."""
    for name in SEARCH_URL_NAMES:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return ""


@register.simple_tag
def feeds() -> list[dict[str, Any]]:
    """RSS and Atom URLs of every content type with feeds, in the active language."""
    return [
        {
            "title": plugin.verbose_name_plural,
            "rss": reverse("feed_rss", kwargs={"key": plugin.key}),
            "atom": reverse("feed_atom", kwargs={"key": plugin.key}),
        }
        for plugin in feed_plugins()
    ]


@register.simple_tag
def calendar_url(page, query_string: str = "") -> str:
    """The ``.ics`` of a content page, or of a listing page with its filters; ``""`` if none."""
    listing = registry.for_index_model(type(page))
    plugin = listing or registry.for_page_model(type(page))
    if plugin is None or plugin.contribution(SiteContribution).calendar is None:
        return ""
    if listing is not None:
        url = reverse("listing_calendar", kwargs={"key": plugin.key})
        return f"{url}?{query_string}" if query_string else url
    return reverse("page_calendar", kwargs={"key": plugin.key, "page_id": page.pk})


@register.simple_tag(takes_context=True)
def page_head(context: template.Context, page=None) -> head.Head:
    """Canonical URL, alternates, description, robots, sharing tags and JSON-LD."""
    return head.page_head(context, page if isinstance(page, Page) else None)


@register.simple_tag
def language_note(item) -> str:
    """ "in Finnish" when ``item`` is in another language than the reader's, else ``""``.

    Untranslated pages of sections that declare ``show_untranslated`` are listed in the
    other languages; templates mark them with ``lang`` and this note.
    """
    if not isinstance(item, Page) or not is_foreign(item):
        return ""
    return foreign_language_label(item.locale.language_code)


@register.simple_tag
def hit_language_note(hit) -> str:
    """The language note of a search hit (any object with a ``locale`` language code)."""
    if hit.locale == translation.get_language():
        return ""
    return foreign_language_label(hit.locale)


@register.filter
def euros(amount) -> str:
    """An amount in euros as the reader's language writes it, decimals only when not whole.

    Finnish and Swedish: ``2 500 000 €``, ``120,50 €``; English: ``€2,500,000``, ``€120.50``.
    """
    if amount is None or amount == "":
        return ""
    number = floatformat(amount, "-2g")
    if translation.get_language() == "en":
        return f"€{number}"
    return f"{number}\N{NO-BREAK SPACE}€"
