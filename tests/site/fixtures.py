"""Site fixtures: a translated trainings section, and helpers to hide pages in every way."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from django.utils import timezone


@pytest.fixture
def training_indexes(translated_home_pages, locales) -> dict:
    """The trainings listing page in fi, sv and en."""
    from cms.translation import translate
    from pages.trainings.factories import TrainingIndexPageFactory

    index = TrainingIndexPageFactory(parent=translated_home_pages["fi"])
    index.save_revision().publish()
    pages = {"fi": index}
    for language, title in (("sv", "Utbildningar"), ("en", "Trainings")):
        pages[language] = translate(
            index, locales[language], {"title": title, "slug": title.lower()}
        )
    return pages


@pytest.fixture
def make_training(training_indexes, locales):
    """Create a live Finnish training; ``translate_to=("sv",)`` also publishes translations."""
    from cms.translation import translate
    from pages.trainings.factories import TrainingPageFactory

    def make(translate_to: tuple[str, ...] = (), **fields: Any):
        fields.setdefault("starts_at", timezone.now() + dt.timedelta(days=30))
        fields.setdefault("ends_at", fields["starts_at"] + dt.timedelta(hours=6))
        page = TrainingPageFactory(parent=training_indexes["fi"], **fields)
        page.save_revision().publish()
        page.refresh_from_db()
        for language in translate_to:
            title = f"{page.title} ({language})"
            translate(page, locales[language], {"title": title, "slug": f"{page.slug}-{language}"})
        return page

    return make


def make_private(page) -> None:
    """Put a password view restriction on ``page`` (Wagtail's "private" page)."""
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def make_draft(page) -> None:
    """Unpublish ``page``: it stays in the tree as a draft."""
    page.unpublish()


def json_ld(html: str) -> list[dict]:
    """Every JSON-LD object in an HTML document, parsed."""
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(script) for script in scripts]
