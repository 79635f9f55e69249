"""Pages in fi, sv and en to search, built through the plugin registry's trainings factory."""

from __future__ import annotations

import pytest


@pytest.fixture
def training_indexes(translated_home_pages) -> dict:
    from pages.trainings.factories import TrainingIndexPageFactory

    titles = {"fi": "Koulutukset", "sv": "Utbildningar", "en": "Trainings"}
    return {
        language: TrainingIndexPageFactory(parent=home, title=titles[language], slug="trainings")
        for language, home in translated_home_pages.items()
    }


@pytest.fixture
def make_training(training_indexes):
    """Create a live training in a language: ``make_training("sv", "Utbildning", lead=...)``."""
    from pages.trainings.factories import TrainingPageFactory

    def make(language: str, title: str, **fields):
        fields.setdefault("lead", "")
        return TrainingPageFactory(parent=training_indexes[language], title=title, **fields)

    return make
