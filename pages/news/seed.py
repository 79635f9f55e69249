"""Benchmark news for ``manage.py seed_bench``: three years of news, one in ten a grant call."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from cms.seeding import SeedContext, SeedPage
from cms.timezones import HELSINKI


def seed_page(context: SeedContext, number: int) -> SeedPage:
    rng, terms = context.rng, context.vocabulary
    text = context.text(number)
    published = context.day(-rng.randint(0, 3 * 365))
    grant_call = rng.random() < 0.1
    texts = context.with_image(context.with_body(text))
    fields = {
        **texts.pop("fi"),
        "publication_date": published,
        "is_grant_call": grant_call,
    }
    if grant_call:
        fields["grant_amount"] = Decimal(rng.choice((100_000, 500_000, 2_000_000)))
        deadline = published + dt.timedelta(days=rng.choice((30, 45, 60)))
        fields["application_deadline"] = dt.datetime.combine(deadline, dt.time(16, 15), HELSINKI)
    return SeedPage(
        fields=fields,
        relations={
            "topics": context.some(terms.themes, 1, 3),
            "contacts": context.some(terms.people, 0, 1),
        },
        translated=texts,
    )
