"""Benchmark project results for ``manage.py seed_bench``: planned, ongoing and ended."""

from __future__ import annotations

import datetime as dt

from cms.seeding import SeedContext, SeedPage
from pages.projects.models import ProjectResultPage


def seed_page(context: SeedContext, number: int) -> SeedPage:
    rng, terms = context.rng, context.vocabulary
    text = context.text(number)
    start = context.day(rng.randint(-4 * 365, 180))
    end = start + dt.timedelta(days=rng.choice((365, 730, 1095)))
    sections = {
        language: {
            "title": values["title"],
            "slug": values["slug"],
            "lead": values["lead"],
            "need_and_goals": f"<p>{values['paragraphs'][0]}</p>",
            "results": f"<p>{values['paragraphs'][0]}</p>",
        }
        for language, values in text.items()
    }
    status = ProjectResultPage.Status
    return SeedPage(
        fields={
            **sections["fi"],
            "lead_organisation": context.skewed(terms.organisations),
            "funding_programme": "Oikeus osata",
            "period_start": start,
            "period_end": end,
            "status": status.ENDED if end < context.today else status.ONGOING,
        },
        relations={
            "partner_organisations": context.some(terms.organisations, 0, 4),
            "themes": context.some(terms.themes, 1, 2),
            "contacts": context.some(terms.people, 0, 1),
        },
        translated={language: values for language, values in sections.items() if language != "fi"},
    )
