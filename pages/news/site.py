"""What news adds to the public site: topic and year filters, feeds and NewsArticle JSON-LD."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django import forms
from django.db import models
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.origin import absolute_url
from cms.site.listing_pages import ListingFilterForm
from cms.site.localization import localized_names
from cms.site.site_contribution import FeedContribution, SiteContribution
from cms.site.structured_data import (
    contacts,
    organization,
    page_basics,
    site_publisher,
    with_optional,
)
from cms.timezones import HELSINKI
from cms.visibility import public_pages
from cms.vocabularies.models import Theme
from pages.news.models import NewsPage

if TYPE_CHECKING:
    from django.http import HttpRequest


class NewsFilterForm(ListingFilterForm):
    legend = _("Filter news")

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    open_grant_calls = forms.BooleanField(label=_("Open grant calls only"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        any_label = str(_("Any"))
        self.fields["topic"].choices = self.vocabulary_choices(Theme, any_label)
        years = (
            public_pages(NewsPage.objects.filter(locale=self.locale))
            .annotate(year=ExtractYear("publication_date"))
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )
        self.fields["year"].choices = [("", any_label), *((year, year) for year in years)]

    def apply(self, queryset: models.QuerySet, values: dict[str, Any]) -> models.QuerySet:
        if "topic" in values:
            queryset = queryset.filter(topics__slug=values["topic"])
        if "year" in values:
            queryset = queryset.filter(publication_date__year=values["year"])
        if values.get("open_grant_calls"):
            queryset = queryset.filter(is_grant_call=True, application_deadline__gt=timezone.now())
        return queryset


def published_at(news: NewsPage) -> dt.datetime:
    """The announcement date at the time of day the page was first published, in Helsinki."""
    first = news.first_published_at
    time = first.astimezone(HELSINKI).time() if first else dt.time(9, 0)
    return dt.datetime.combine(news.publication_date, time, tzinfo=HELSINKI)


def authors(request: HttpRequest, people) -> list[dict[str, Any]]:
    """The distinct organisations of the news' contact persons, in the reader's language."""
    seen: dict[int, dict[str, Any]] = {}
    for contact in people:
        if contact.organisation_id and contact.organisation_id not in seen:
            seen[contact.organisation_id] = organization(contact.organisation, request)
    return list(seen.values())


def structured_data(news: NewsPage, request: HttpRequest) -> dict[str, Any]:
    """A schema.org ``NewsArticle``; grant calls also say how much and until when."""
    data = page_basics(news, request, "NewsArticle")
    data["headline"] = news.title[:110]
    data["datePublished"] = published_at(news).isoformat()
    if news.last_published_at:
        data["dateModified"] = news.last_published_at.astimezone(HELSINKI).isoformat()
    data["mainEntityOfPage"] = data["url"]
    if news.image_id:
        rendition = news.image.get_rendition("width-1200")
        data["image"] = {
            "@type": "ImageObject",
            "url": absolute_url(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "caption": news.image_caption or news.image_alt,
        }
    topics = localized_names(request, news.topics.all())
    people = list(news.contacts.all())
    deadline = news.application_deadline if news.is_grant_call else None
    return with_optional(
        data,
        about=[{"@type": "Thing", "name": name} for name in topics],
        keywords=", ".join(topics),
        # The organisations behind the news (with their websites as ``author.url``); the
        # people are whom to contact, not authors. The site publishes, with its logo.
        author=authors(request, people) or [site_publisher(request)],
        contributor=contacts(request, people),
        publisher=site_publisher(request),
        expires=deadline.astimezone(HELSINKI).isoformat() if deadline else None,
    )


def card_variant(news: NewsPage) -> tuple:
    """A grant call closes with the clock; the image may be replaced without republishing."""
    image = news.image
    image_state = (
        (
            image.pk,
            image.file.name,
            image.focal_point_x,
            image.focal_point_y,
            image.focal_point_width,
            image.focal_point_height,
        )
        if image
        else None
    )
    return (news.is_grant_call and news.grant_call_open, image_state)


SITE = SiteContribution(
    filter_form=NewsFilterForm,
    card_template="news/includes/news_card.html",
    card_variant=card_variant,
    listing_related=("topics",),
    feed=FeedContribution(
        date=published_at,
        subtitle=_("The latest news."),
    ),
    structured_data=structured_data,
)
