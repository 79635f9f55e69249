"""The partner API tests' trainings section: an untranslated listing page, live trainings."""

from __future__ import annotations

import pytest


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
