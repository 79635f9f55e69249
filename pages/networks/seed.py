"""Benchmark networks for ``manage.py seed_bench``: a coordinator and its members."""

from __future__ import annotations

import datetime as dt

from cms.seeding import SeedContext, SeedPage


def seed_page(context: SeedContext, number: int) -> SeedPage:
    rng, terms = context.rng, context.vocabulary
    text = context.text(number)
    purposes = {
        language: {
            "title": values["title"],
            "slug": values["slug"],
            "lead": values["lead"],
            "purpose": f"<p>{values['paragraphs'][0]}</p>",
        }
        for language, values in text.items()
    }
    start = context.day(-rng.randint(0, 3 * 365))
    return SeedPage(
        fields={
            **purposes["fi"],
            "coordinator": context.skewed(terms.organisations),
            "meeting_rhythm": rng.choice(("3–4 kertaa vuodessa", "kuukausittain")),
            "term_start": start,
            "term_end": start + dt.timedelta(days=3 * 365),
        },
        relations={
            "members": context.some(terms.organisations, 2, 8),
            "contacts": context.some(terms.people, 0, 2),
        },
        translated={language: values for language, values in purposes.items() if language != "fi"},
    )
