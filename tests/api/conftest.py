"""Fixtures for the partner API tests: a published training section and helpers."""

from __future__ import annotations

import pytest

from tests.api import helpers


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


@pytest.fixture
def keep_test_connection():
    """Keep the test's database connection open across requests outside the test client.

    Django closes "unusable" connections when a request starts and ends; inside a test's
    transaction that would close the connection (PostgreSQL) and lose the test data. The
    test client avoids it by disconnecting these receivers; code that goes through the real
    WSGI handler or the task worker needs the same.
    """
    from django.core import signals
    from django.db import close_old_connections

    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)
