"""Benchmark trainings for ``manage.py seed_bench``: past and upcoming, spread like real ones."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from cms.seeding import SeedContext, SeedPage
from pages.trainings.models import TrainingPage

Kind, Format, Status = TrainingPage.Kind, TrainingPage.Format, TrainingPage.Status


def seed_page(context: SeedContext, number: int) -> SeedPage:
    """A training a year either side of today; most upcoming ones open for registration."""
    rng, terms = context.rng, context.vocabulary
    text = context.text(number)
    starts_at = context.at(rng.randint(-365, 300), rng.choice((9, 10, 13)))
    ends_at = starts_at + dt.timedelta(hours=rng.choice((2, 3, 6)), days=rng.choice((0, 0, 0, 1)))
    is_free = rng.random() < 0.6
    opens = closes = None
    if rng.random() < 0.7:
        start_day = starts_at.date()
        opens, closes = start_day - dt.timedelta(days=60), start_day - dt.timedelta(days=7)
    status = rng.choices(list(Status), weights=(85, 5, 3, 7))[0]
    texts = context.with_image(context.with_body(text))
    return SeedPage(
        fields={
            **texts.pop("fi"),
            "kind": rng.choices(list(Kind), weights=(50, 25, 15, 10))[0],
            "format": rng.choices(list(Format), weights=(50, 35, 15))[0],
            "starts_at": starts_at,
            "ends_at": ends_at,
            "venue": "Aluehallintovirasto, auditorio",
            "region": context.skewed(terms.regions),
            "organiser": context.skewed(terms.organisations),
            "is_free": is_free,
            "price": None if is_free else Decimal(rng.choice((40, 90, 150, 290))),
            "capacity": rng.choice((None, 30, 60, 120, 500)),
            "registration_url": f"https://ilmoittautuminen.example.fi/{number}",
            "registration_opens": opens,
            "registration_closes": closes,
            "status": status,
        },
        relations={
            "audiences": context.some(terms.audiences, 1, 3),
            "themes": context.some(terms.themes, 1, 3),
            "languages": terms.languages[:1] if rng.random() < 0.85 else terms.languages[:2],
            "contacts": context.some(terms.people, 0, 2),
        },
        translated=texts,
    )
