"""The partner API tests' sections: untranslated listing pages with live pages under them."""

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


@pytest.fixture
def publication_index(home_page, publish):
    """The test plugin's listing page, in Finnish only (translate_page adds the others)."""
    from tests.publications.factories import PublicationIndexPageFactory

    return publish(PublicationIndexPageFactory(parent=home_page))


@pytest.fixture
def make_publication(publication_index, publish):
    """Create and publish a Finnish publication under the publication index."""
    from tests.publications.factories import PublicationPageFactory

    def make(**fields):
        return publish(PublicationPageFactory(parent=publication_index, **fields))

    return make
