"""Fixtures for the partner API tests: a published training section and helpers."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.api import helpers


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate counters, vocabulary catalogues and freshness stamps must not leak across tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def publish():
    """Publish a page through a revision, as an editor would (fires the page signals)."""
    return helpers.publish


@pytest.fixture
def training_index(home_page, publish):
    from pages.trainings.factories import TrainingIndexPageFactory

    return publish(TrainingIndexPageFactory(parent=home_page))


@pytest.fixture
def make_training(training_index, publish):
    """Create and publish a Finnish training under the training index."""
    from pages.trainings.factories import TrainingPageFactory

    def make(**fields):
        return publish(TrainingPageFactory(parent=training_index, **fields))

    return make


@pytest.fixture
def translate_page(translated_home_pages, locales):
    """Translate and publish a page (and its missing ancestors) into ``language``."""
    from cms.translation import translate

    def translate_to(page, language, **values):
        return translate(page, locales[language], values)

    return translate_to
