"""The trainings plugin's fixtures, loaded as a pytest plugin (``-p`` in ``pyproject.toml``).

A translated trainings section, live trainings and a training planner, for the plugin's own
tests and for other plugins' tests that need a second section beside theirs (section
boundaries). Imports stay inside the fixtures: pytest loads this module before Django.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone


@pytest.fixture
def training_indexes(translated_home_pages, locales) -> dict:
    """The trainings listing page in fi, sv and en."""
    from cms.testing import translated_section
    from pages.trainings.factories import TrainingIndexPageFactory

    return translated_section(
        TrainingIndexPageFactory,
        translated_home_pages,
        locales,
        {"sv": "Utbildningar", "en": "Trainings"},
    )


@pytest.fixture
def make_training(training_indexes, locales):
    """Create a live Finnish training; ``translate_to=("sv",)`` also publishes translations."""
    from cms.testing import live_page
    from pages.trainings.factories import TrainingPageFactory

    def make(translate_to: tuple[str, ...] = (), **fields: Any):
        fields.setdefault("starts_at", timezone.now() + dt.timedelta(days=30))
        fields.setdefault("ends_at", fields["starts_at"] + dt.timedelta(hours=6))
        return live_page(
            TrainingPageFactory, training_indexes["fi"], locales, translate_to, **fields
        )

    return make


@pytest.fixture
def training(training_indexes):
    """A published Finnish training."""
    from pages.trainings.factories import TrainingPageFactory

    page = TrainingPageFactory(parent=training_indexes["fi"], title="Digipedagogiikan kurssi")
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def planner(section_editor):
    """A training planner (the trainings section's writer role)."""
    return section_editor("trainings", username="suunnittelija")
