"""Factories for news, used by tests (the demo reads its data files instead)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
import wagtail_factories

from cms.factories import ContentPageFactory, many_to_many
from pages.news.models import HELSINKI, NewsIndexPage, NewsPage, helsinki_today


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Uutiset"
    slug = "uutiset"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(ContentPageFactory):
    title = factory.Sequence(lambda n: f"Uutinen {n}")
    lead = "Ajankohtaista opetus- ja kulttuuritoimesta."
    publication_date = factory.LazyFunction(helsinki_today)

    class Meta:
        model = NewsPage

    class Params:
        # ``NewsPageFactory(grant_call=True)``: an open call, deadline 30 days after publication.
        grant_call = factory.Trait(
            is_grant_call=True,
            grant_amount=Decimal("1000000.00"),
            application_deadline=factory.LazyAttribute(
                lambda page: dt.datetime.combine(
                    page.publication_date + dt.timedelta(days=30),
                    dt.time(16, 15),
                    tzinfo=HELSINKI,
                )
            ),
        )

    topics = many_to_many("topics")
    contacts = many_to_many("contacts")
